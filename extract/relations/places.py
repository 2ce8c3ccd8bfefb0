"""locatedIn that the text states: "Azerbaijan's Gazakh district", "the Armenian province of
Tavush", "the Zaatari camp in northern Jordan", "an IT firm in Pune, India", "the Nairobi-based
institute", "Lagos's Institute of ..."."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from newsgraph.graph.model import RelationRecord

from .. import gazetteer
from ..entities import PLACE_NOUNS, SPAN_KEY, mentions_by_token, records_in
from ..entities.wordlists import DESCRIBED_ORG_HEADS
from .evidence import TITLE_CONFIDENCE, _covering
from .relation_words import BASED_WORDS

# Prepositions that put a place noun inside a state ("the X region of Y", "a district within Y").
_OF_PREPS = frozenset({"in", "within", "of"})


def place_relations(doc: Doc) -> Iterator[RelationRecord]:
    """locatedIn that the text states (an ng:Relation with its quote, beside the gazetteer's
    plain triple when it knows the place too): for a place (or a de facto state), :func:`_stated_area`, then
    :func:`_apposed_country`, :func:`_apposed_area`, :func:`_named_after_region`,
    :func:`_apposed_in_area` (the first that finds one); for
    an organisation, :func:`_seat`.  A statement that contradicts the gazetteer's country is a
    misreading and is left out."""
    ent_of = mentions_by_token(doc)
    entities = records_in(doc)
    for span in doc.spans.get(SPAN_KEY, []):
        place = entities.get(span.kb_id_)
        if place is None or not (place.type in {"Place", "Organization"} or _de_facto_state(place)):
            continue
        if place.type == "Organization":
            found = _seat(span, ent_of, entities)
        else:
            found = _stated_area(span, ent_of, entities) or _apposed_country(span, ent_of, entities) \
                or _apposed_area(span, ent_of, entities) or _named_after_region(span, ent_of, entities) \
                or _apposed_in_area(span, ent_of, entities)
        if found is None:
            continue
        area, words, rule = found
        # (an area the gazetteer does not know, "the Lower Jubba region", contradicts nothing)
        area_country = _country_of(ent_of[area.i], entities)
        if ent_of[area.i] != span.kb_id_ and (place.located_in in {None, area_country}
                                              or area_country is None and entities[ent_of[area.i]].type == "Place"):
            yield RelationRecord(span.kb_id_, "locatedIn", ent_of[area.i], _covering(doc, [*span, *words, area]),
                                 TITLE_CONFIDENCE[rule])


def _country_of(key: str, entities: dict) -> str | None:
    """The state an area is or lies in (a city: its gazetteer country; unknown: None)."""
    area = entities[key]
    return key if area.type == "Country" and area.located_in is None else area.located_in


def _de_facto_state(record) -> bool:  # noqa: ANN001
    """A state that lies in another one de jure ("South Ossetia" in Georgia): placed like a place."""
    return record.type == "Country" and record.located_in is not None


# Nouns of a place in apposition that say which area it lies in ("the capital of X").
AREA_NOUNS = frozenset(PLACE_NOUNS | {"capital"})
Found = tuple[Token, list[Token], str]  # the area's token, the words between, the confidence level


def _stated_area(span: Span, ent_of: dict[int, str], entities: dict) -> Found | None:
    """"Azerbaijan's Gazakh district", "Basra's Hananiyah neighborhood", "the Armenian province of Tavush", "the Zaatari camp in
    northern Jordan", "the Lower Shabelle region of Somalia": the state that modifies the place
    noun, or the area of its "in" phrase (its "of" / "within" phrase when the name is the
    noun's own and the phrase names a state: "the X region of Y", not "the Red Sea port of
    Hodeidah")."""
    root = span.root
    # The noun the name belongs to: "Gazakh district" (compound), "province of Tavush" (pobj).
    head = root.head if root.dep_ == "compound" and root.head.lower_ in PLACE_NOUNS else root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in PLACE_NOUNS:
        head = root.head.head
    is_area = lambda k: k in entities and entities[k].type in {"Country", "Place"}  # noqa: E731
    # A state's possessive or adjective ("Azerbaijan's", "the Armenian province"); a place's
    # possessive on the place noun ("Basra's Hananiyah neighborhood").
    found = [m for m in head.children if m.dep_ in {"poss", "amod"} and m.i in ent_of
             and (entities[ent_of[m.i]].type == "Country"
                  or m.dep_ == "poss" and head is not root and entities[ent_of[m.i]].type == "Place")]
    named = head is not root and root.dep_ == "compound"  # "the X region of Y": of a state only
    found += [o for p in head.children if p.dep_ == "prep" and (p.lower_ == "in" or named and p.lower_ in _OF_PREPS)
              for o in p.children if o.dep_ == "pobj" and o.i in ent_of and is_area(ent_of[o.i])
              and (p.lower_ == "in" or entities[ent_of[o.i]].type == "Country")]
    return (found[0], [head], "appos") if found else None


def _apposed_country(span: Span, ent_of: dict[int, str], entities: dict) -> Found | None:
    """Place, comma, its country: "a factory in Pune, India", "officials in Lyon, France". Not
    in a list ("Pune, India and Nepal"): nothing follows the country, no "and" / "or" joins
    them; the parser's other reading of the pair, two conjuncts, is taken only when the
    gazetteer puts the place in that country."""
    root = span.root
    if any(c.dep_ == "cc" for c in root.children):
        return None
    for c in root.children:
        if c.dep_ in {"appos", "conj"} and c.i == span.end + 1 and c.i in ent_of \
                and entities[ent_of[c.i]].type == "Country" and not any(g.dep_ in {"conj", "cc"} for g in c.children) \
                and (c.dep_ == "appos" or entities[span.kb_id_].located_in == ent_of[c.i]):
            return c, [], "appos"
    return _adjacent_country(span, ent_of, entities)


def _adjacent_country(span: Span, ent_of: dict[int, str], entities: dict) -> Found | None:
    """"officials in Rome, Italy said": the words alone (the parser made "Italy" the subject),
    taken only when the gazetteer puts the place in that country and no list goes on."""
    doc = span.doc
    at = span.end + 1
    if at >= len(doc) or doc[span.end].text != "," or at not in ent_of:
        return None
    key = ent_of[at]
    if entities[key].type != "Country" or entities[span.kb_id_].located_in != key:
        return None
    end = at
    while end + 1 < len(doc) and ent_of.get(end + 1) == key:
        end += 1
    if gazetteer.country_by_name(doc[at:end + 1].text) is None:
        return None  # "in Beijing, Chinese officials", "In Moscow, Kremlin spokesman": no country's name
    after = doc[end + 1] if end + 1 < len(doc) else None
    if after is not None and after.lower_ in {"and", "or"}:
        return None  # "Rome, Italy and Spain": a list
    if after is not None and after.text == "," and end + 2 < len(doc) and end + 2 in ent_of:
        return None  # "Rome, Italy, Spain"
    return doc[at], [], "appos"


def _apposed_area(span: Span, ent_of: dict[int, str], entities: dict) -> Found | None:
    """Place, comma, a place noun of an area: "Tskhinvali, the capital of South Ossetia",
    "Goma, the largest city in eastern Congo"."""
    areas = [(o, noun) for noun in span.root.children if noun.dep_ == "appos" and noun.lemma_.lower() in AREA_NOUNS
             for p in noun.children if p.dep_ == "prep" and p.lower_ in {"of", "in"}
             for o in p.children if o.dep_ == "pobj"]
    for obj, noun in areas:
        key = ent_of.get(obj.i)
        if key and key != span.kb_id_ and entities[key].type in {"Country", "Place"}:
            return obj, [noun], "appos"
    return None


def _named_after_region(span: Span, ent_of: dict[int, str], entities: dict) -> Found | None:
    """A place named in apposition after a region of a state: "a breakaway region of Moldova,
    Transnistria" (the name hangs on the state)."""
    root = span.root
    state = root.head
    if root.dep_ != "appos" or state.i >= root.i or state.i not in ent_of \
            or entities[ent_of[state.i]].type != "Country" or state.dep_ != "pobj":
        return None
    prep = state.head
    if prep.lower_ in _OF_PREPS and prep.head.lower_ in PLACE_NOUNS:
        return state, [prep.head], "copula"
    return None


def _apposed_in_area(span: Span, ent_of: dict[int, str], entities: dict) -> Found | None:
    """Place, comma, "in" an area: "a road leading to Bu'aale, in the southern Lower Jubba
    region of Somalia", "near Jilib, in the Middle Juba region". Read from the words, since the
    parser hangs the second phrase on the verb. The area is a state or a place noun's own name
    (a region, province, district ...), the first one named; not a second place of a list ("in
    Gao, in Kidal and in Timbuktu")."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != "," or doc[span.end + 1].lower_ != "in":
        return None
    end = next((t.i for t in doc[span.end + 2:span.end + 14] if t.is_punct or t.pos_ in {"VERB", "AUX"}),
               min(len(doc), span.end + 14))
    phrase = doc[span.end + 2:end]
    if any(t.lower_ in {"and", "or"} for t in phrase):
        return None
    nouns = {t.lower_ for t in phrase if t.pos_ == "NOUN"}
    for tok in phrase:
        key = ent_of.get(tok.i)
        if key and key != span.kb_id_ and entities[key].type in {"Country", "Place"}:
            if entities[key].type == "Country" or nouns & PLACE_NOUNS:
                return tok, [doc[span.end + 1]], "appos"
            return None
    return None


def _seat(span: Span, ent_of: dict[int, str], entities: dict) -> Found | None:
    """Where an organisation sits: "the Nairobi-based institute" (a place before "-based" or
    "headquartered"), "X, an association in Turkey" (its description's "in" phrase), "Lagos's
    Institute of ..." (a city's possessive: a city, or a capital
    standing for its state, owns no institution; a state's possessive may mean its organ)."""
    root = span.root
    for mod in root.children:
        if mod.dep_ == "amod" and mod.lower_ in BASED_WORDS:
            for place in mod.children:
                key = ent_of.get(place.i)
                if place.dep_ in {"npadvmod", "compound"} and key and entities[key].type in {"Place", "Country"}:
                    return place, [mod], "appos"
        if mod.dep_ == "poss" and mod.i < span.start and (key := ent_of.get(mod.i)) and key != span.kb_id_ \
                and (entities[key].type == "Place" or entities[key].type == "Country" and _city_word(mod)):
            return mod, [], "copula"
        if mod.dep_ == "appos" and mod.lemma_.lower() in DESCRIBED_ORG_HEADS:
            # "TUSIAD, the main business association in Turkey", "Genesys, an IT company in
            # Bangalore": the description says where it is.
            for prep in mod.children:
                if prep.dep_ == "prep" and prep.lower_ == "in":
                    for place in prep.children:
                        key = ent_of.get(place.i)
                        if place.dep_ == "pobj" and key and key != span.kb_id_ and \
                                entities[key].type in {"Place", "Country"}:
                            return place, [mod, prep], "appos"
    return None


def _city_word(tok: Token) -> bool:
    """Whether a word resolved to a state is written as a city ("Cairo's" read as Egypt)."""
    return gazetteer.country_by_name(tok.text) is None and gazetteer.country_by_demonym(tok.text) is None \
        and gazetteer.place_by_name(tok.text) is not None
