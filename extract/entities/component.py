"""The ``newsgraph_entities`` spaCy component: the order in which the rule families run over a Doc,
and what is stored on it (see the package docstring).

Tests: tests/extract/entities/test_entity_component.py; the families' own test files.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import srsly

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from newsgraph.graph.model import Span as TextSpan

from ..doc import ENTITIES, MENTIONS, PAIRS, PRONOUNS  # (importing extract.doc registers the extensions)
from ..doccache import text as doc_text
from .acronyms import _bracketed_short_forms, _defined_acronyms, _described_acronyms
from .bands import unnamed_bands
from .aliases import Alias, AliasTable, alias_rows, aliases_from_rows, load_aliases
from .classify import typed_mentions
from .credits import not_credits
from .cues import _after_stance_prefix, repair_model_spans, repair_title_attachment
from .headlines import _confirm_headline_mentions, _dateline_city, _without_common_words
from .organisations import _affiliations
from .people import _untagged_titled_names, known_as
from .places import (_named_places, _nested_places, _shared_short_names, _short_place_names, _untagged_countries,
                     _untagged_country_pairs)
from .references import descriptions, resolve_pairs, resolve_pronouns
from .resolve import propagate, resolve

# The alias table of a saved pipeline: [[surface, label, type, iri or null], ...] in table order.
ALIAS_FILE = "aliases.json"


@Language.factory(
    "newsgraph_entities",
    assigns=[f"doc._.{ENTITIES}", f"doc._.{PRONOUNS}", "doc.spans", "doc.user_data"],
    requires=["doc.ents", "doc.sents", "token.dep", "token.pos", "token.tag", "token.lemma"],
    default_config={})
def make_entity_resolver(nlp: Language, name: str) -> "EntityResolver":
    return EntityResolver(nlp, name)


class EntityResolver:
    """Pipeline component: typed, resolved entity mentions (see module docstring).

    Its alias table is the shipped one until ``initialize(aliases=...)`` gives it another (a
    user's file is read there, once); ``to_disk``/``from_disk`` (and the bytes pair) keep the
    table with the pipeline, so ``spacy.load`` of a saved pipeline needs no alias file."""

    def __init__(self, nlp: Language, name: str = "newsgraph_entities", *,
                 aliases: dict[str, Alias] | None = None) -> None:
        self.name = name
        self.tokenizer = nlp.tokenizer
        self._set_aliases(aliases if aliases is not None else load_aliases())

    def _set_aliases(self, aliases: dict[str, Alias]) -> None:
        self.aliases = aliases
        self.alias_table = AliasTable(self.aliases)
        self.label_iris = self.alias_table.label_iris  # label -> IRI (owl:sameAs)

    def initialize(self, get_examples=None, nlp: Language | None = None, *,
                   aliases: str | Path | dict[str, Alias] | None = None) -> None:
        """Take the alias table: a loaded one (a dict), or the shipped table extended by the
        user's file ``aliases`` (a path; None: the shipped table alone), read and checked here."""
        self._set_aliases(aliases if isinstance(aliases, dict) else load_aliases(aliases))

    def to_bytes(self, *, exclude=()) -> bytes:
        return srsly.json_dumps(alias_rows(self.aliases)).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude=()) -> "EntityResolver":
        self._set_aliases(aliases_from_rows(srsly.json_loads(data)))
        return self

    def to_disk(self, path: str | Path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / ALIAS_FILE, alias_rows(self.aliases))

    def from_disk(self, path: str | Path, *, exclude=()) -> "EntityResolver":
        self._set_aliases(aliases_from_rows(srsly.read_json(Path(path) / ALIAS_FILE)))
        return self

    def __call__(self, doc: Doc) -> Doc:
        """Type the model's entities (classify), add what it missed (places, headlines, people's
        parties, descriptions, short forms and acronyms), resolve the mentions to entities, and
        again with the names found elsewhere in the article; then the references (pronouns, "both
        sides") and each mention's noun-phrase extent.  Each step reads what the ones before made."""
        repair_title_attachment(doc)
        repair_model_spans(doc)
        mentions = [m for ent in doc.ents for m in typed_mentions(self.alias_table, doc, ent)]
        mentions += list(_untagged_country_pairs(doc))
        mentions += list(_untagged_countries(doc))
        mentions = list(_confirm_headline_mentions(doc, mentions))
        _dateline_city(doc, mentions)
        mentions += list(_nested_places(doc, mentions))
        mentions += list(_affiliations(doc, mentions))
        mentions += list(_named_places(doc, mentions))
        mentions += list(_untagged_titled_names(doc, mentions))
        mentions += list(_described_acronyms(doc, mentions))
        mentions += list(descriptions(doc, mentions))
        named = not_credits(doc_text(doc))  # (no photo credits, no fragments of names)
        mentions = [m for m in mentions if not _after_stance_prefix(doc, m.start) and named(m)]
        mentions.sort(key=lambda m: (m.start, m.end))
        _shared_short_names(mentions)
        _short_place_names(mentions)
        mentions += list(_bracketed_short_forms(doc, mentions))
        mentions += list(_defined_acronyms(doc, mentions))
        mentions.sort(key=lambda m: (m.start, m.end))
        known_as(doc, mentions)
        mentions = _without_common_words(doc, mentions)
        mentions = sorted(mentions + list(unnamed_bands(doc, mentions)), key=lambda m: (m.start, m.end))
        entities = resolve(mentions, self.label_iris)
        extra = [m for m in propagate(doc, mentions, entities, self.tokenizer)
                 if not _after_stance_prefix(doc, m.start) and named(m)]
        if extra:  # names the model missed elsewhere in the article ("Merkel" at a sentence start)
            mentions = sorted(mentions + extra, key=lambda m: (m.start, m.end))
            entities = resolve(mentions, self.label_iris)
        group = SpanGroup(doc, name=MENTIONS)
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and m.key:
                group.append(Span(doc, span.start, span.end, label=m.type, kb_id=m.key))
        doc.spans[MENTIONS] = group
        doc._.ng_entities = entities
        doc._.ng_pronouns = dict(resolve_pronouns(doc, mentions, entities))
        doc.user_data[PAIRS] = dict(resolve_pairs(doc, mentions, entities))
        refs: dict[str, list[TextSpan]] = defaultdict(list)
        for i, key in sorted(doc._.ng_pronouns.items()):
            tok = doc[i]
            # A pronoun, "the <description>", or a bare organ ("Police detained ...").
            start = tok.idx if tok.pos_ == "PRON" else next(
                (c.idx for c in tok.children if c.lower_ == "the"), tok.idx)
            refs[key].append(TextSpan(start, tok.idx + len(tok.text), doc_text(doc)[start:tok.idx + len(tok.text)]))
        orgs = [sp for sp in group if sp.label_ in {"Organization", "Group"}]
        org_ends = {o.end - 1: o.end_char for o in orgs}  # last token -> end offset
        org_starts = {o.end_char: o.start for o in orgs}  # end offset -> first token
        bands = {m.key for m in mentions if m.source == "band"}
        doc._.ng_entities = {k: replace(e, local=k in bands, references=tuple(refs.get(k, ())), mentions=tuple(
                                 _np_extent(doc, m, org_ends, org_starts, e.type == "Person") for m in e.mentions))
                             for k, e in entities.items()}
        return doc



def _np_extent(doc: Doc, mention: TextSpan, org_ends: dict[int, int], org_starts: dict[int, int],
               person: bool) -> TextSpan:
    """A name's mention spans its noun phrase: its article ("the Democratic Party", "the U.S.",
    not the "the" of a phrase the name only modifies, "the Russian president") and, for a
    person, a party or employer after "of"/"from" ("Claudia Mo of the Civic Party").  The name
    itself stays the entity's label; this is the extent of the evidence."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return mention
    start, end = mention.start, mention.end
    if span.start > 0:
        det = doc[span.start - 1]
        if det.lower_ == "the" and det.dep_ == "det" and span.start <= det.head.i < span.end:
            start = det.idx
    if person and span.end < len(doc) - 1:
        prep = doc[span.end]
        # "of" by adjacency (the parser often hangs it elsewhere in lists of names), "from"
        # only when it modifies the name ("poached Ito from Sony" is not Ito's affiliation).
        if prep.lower_ == "of" or prep.lower_ == "from" and span.start <= prep.head.i < span.end:
            nxt = span.end + 1 + (span.end + 1 < len(doc) and doc[span.end + 1].lower_ == "the")
            org_end = next((org_ends[i] for i in range(nxt, min(nxt + 8, len(doc))) if i in org_ends), None)
            after = next((t for t in doc[nxt:] if t.idx >= org_end), None) if org_end is not None else None
            # The organisation must end the phrase: not "of VOA's Russian service".
            if org_end is not None and org_starts.get(org_end) == nxt and (
                    after is None or (after.tag_ != "POS" and after.pos_ not in {"NOUN", "PROPN"})):
                end = org_end
    if (start, end) == (mention.start, mention.end):
        return mention
    return TextSpan(start, end, doc_text(doc)[start:end])
