"""locatedIn that the text states: "Azerbaijan's Gazakh district", "the Armenian province of
Tavush", "the Zaatari camp in northern Jordan"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from newsgraph.graph.model import RelationRecord

from ..entities import PLACE_NOUNS, SPAN_KEY, mentions_by_token, records_in
from .evidence import TITLE_CONFIDENCE, _covering


def place_relations(doc: Doc) -> Iterator[RelationRecord]:
    """locatedIn that the text states: "Azerbaijan's Gazakh district", "the Armenian province of
    Tavush", "the Zaatari camp in northern Jordan" (an ng:Relation with its quote, beside the
    gazetteer's plain triple when it knows the place too)."""
    ent_of = mentions_by_token(doc)
    entities = records_in(doc)
    is_area = lambda k: k in entities and entities[k].type in {"Country", "Place"}  # noqa: E731
    for span in doc.spans.get(SPAN_KEY, []):
        place = entities.get(span.kb_id_)
        if place is None or place.type != "Place":
            continue
        root = span.root
        # The noun the name belongs to: "Gazakh district" (compound), "province of Tavush" (pobj).
        head = root.head if root.dep_ == "compound" and root.head.lower_ in PLACE_NOUNS else root
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in PLACE_NOUNS:
            head = root.head.head
        found = [m for m in head.children if m.dep_ in {"poss", "amod"} and m.i in ent_of
                 and entities[ent_of[m.i]].type == "Country"]
        found += [o for p in head.children if p.dep_ == "prep" and p.lower_ == "in"
                  for o in p.children if o.dep_ == "pobj" and o.i in ent_of and is_area(ent_of[o.i])]
        for area in found[:1]:
            # (the text's statement backs the gazetteer's fact; one that contradicts it is a misreading)
            if ent_of[area.i] != span.kb_id_ and place.located_in in {None, ent_of[area.i]}:
                yield RelationRecord(span.kb_id_, "locatedIn", ent_of[area.i],
                                     _covering(doc, [*span, head, area]), TITLE_CONFIDENCE["appos"])
