"""States and places the model left untagged or mistyped: untagged state names and hyphenated
pairs, places named inside longer names, names a place noun makes places, shared short names
("Congo"), a place's name without its generic head ("Gaza" for "the Gaza Strip").

Word lists: data/entity_places.tsv (``PLACE_NOUNS``).  Tests: tests/extract/entities/test_entity_places.py.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from newsgraph.graph.iri import slug

from .. import gazetteer
from ..doccache import tokens
from .cues import _acts, _split_mentions
from .mention import _Mention, _MentionIndex
from .wordlists import PLACE_NOUNS


def _untagged_countries(doc: Doc) -> Iterator[_Mention]:
    """State names the model left untagged ("Nigeria backed ..."): proper nouns outside any
    entity that the gazetteer knows as a country, and capitals that act for their state."""
    toks = tokens(doc)
    i = 0
    while i < len(toks):
        tok = toks[i]
        if not tok.ent_type_ and tok.pos_ in {"ADJ", "PROPN"} and tok.text[:1].isupper() \
                and (country := gazetteer.country_by_demonym(tok.text)) is not None:
            # An untagged demonym ("Ugandan security forces").
            yield _Mention(start=tok.idx, end=tok.idx + len(tok.text), text=tok.text, type="Country",
                           key=slug(country.name), label=country.name, source="demonym", token=tok.i)
            i += 1
            continue
        if tok.ent_type_ or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            i += 1
            continue
        for n in (3, 2, 1):
            span = doc[i:i + n]
            if len(span) == n and all(t.pos_ == "PROPN" and not t.ent_type_ for t in span):
                country = gazetteer.country_by_name(span.text)
                if country is not None:
                    yield _Mention(start=span.start_char, end=span.end_char, text=span.text, type="Country",
                                   key=slug(country.name), label=country.name, source="gazetteer",
                                   token=span.root.i)
                    i += n - 1
                    break
        else:
            capital = gazetteer.country_by_capital(tok.text)
            if capital is not None and _acts(doc[i:i + 1]):
                # An untagged capital that acts ("Baku rejected the claim"): its government.
                yield _Mention(start=tok.idx, end=tok.idx + len(tok.text), text=tok.text, type="Country",
                               key=slug(capital.name), label=capital.name, source="capital", token=tok.i)
        i += 1



def _untagged_country_pairs(doc: Doc) -> Iterator[_Mention]:
    """'U.S.-China talks' as one untagged token: a mention of each state."""
    for tok in tokens(doc):
        if not tok.ent_type_ and ("-" in tok.text or "–" in tok.text) and tok.text[:1].isupper():
            parts = gazetteer.split_hyphenated(tok.text)
            if parts:
                yield from _split_mentions(doc[tok.i:tok.i + 1], parts)



def _nested_places(doc: Doc, mentions: list[_Mention]) -> Iterator[_Mention]:
    """Places named inside a longer name: "Comic Corps of Canada", "University of Texas",
    "the U.S. embassy" also mention Canada, Texas and the United States."""
    index = _MentionIndex(mentions)
    for m in list(mentions):
        if m.type not in {"Organization", "Place", "Group"} or " " not in m.text:
            continue
        if m.type == "Place" and gazetteer.place_by_name(m.text) is not None:
            continue  # a place the gazetteer knows whole ("Port of Spain") names no other one
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        for n in (3, 2, 1):
            for i in range(span.start, span.end - n + 1):
                sub = doc[i:i + n]
                if len(sub) == len(span) or not sub.text[:1].isupper() or sub[0].is_stop \
                        or i == span.start or doc[i - 1].lower_ not in {"of", "for", "in"}:
                    continue  # only "X of Canada", "University of Texas": the place is named as such
                country = gazetteer.country_by_name(sub.text)
                place = None if country else gazetteer.place_by_name(sub.text)
                if country is None and (place is None or place.kind not in {"city", "us_state", "region"}
                                        or place.population < 100_000 and place.kind == "city"):
                    continue
                if any(x is not m for x in index.covering(sub.start_char, sub.end_char)):
                    continue  # already named by a mention of its own
                yield _Mention(start=sub.start_char, end=sub.end_char, text=sub.text,
                               type="Country" if country else "Place",
                               key=slug(country.name) if country else None,
                               label=country.name if country else None, source="nested", token=sub.root.i)
                break
            else:
                continue
            break



def _named_places(doc: Doc, mentions: list[_Mention]) -> Iterator[_Mention]:
    """Names a place noun says are places: "the Zaatari camp", "Azerbaijan's Gazakh district",
    "the town of Afgooye".  A person's or organisation's tag on the name gives way; an untagged
    name becomes a mention.  (The mention is the name: news corpora disagree on whether the
    noun belongs to it.)"""
    by_span = {(m.start, m.end): m for m in mentions}
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for tok in tokens(doc):
        if tok.lower_ not in PLACE_NOUNS or not tok.text.islower():
            continue
        if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of" and tok.tag_ == "NN":
            j = k = tok.i + 2  # "the town of Afgooye"
            while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() and k - j < 3:
                k += 1
            if k > j and (k == len(doc) or doc[k].pos_ != "NOUN"):
                name = doc[j:k]
                old = by_span.get((name.start_char, name.end_char))
                if old is not None and old.type in {"Person", "Organization", "Group"} and old.source in {"ner", "weak"}:
                    old.type, old.source = "Place", "place_noun"
                elif old is None and name.start_char not in covered:
                    yield _Mention(start=name.start_char, end=name.end_char, text=name.text, type="Place",
                                   source="place_noun", token=name.root.i)
            continue
        j = tok.i  # "the Zaatari camp"
        while j > 0 and doc[j - 1].pos_ == "PROPN" and doc[j - 1].text[:1].isupper() and tok.i - j < 3 \
                and doc[j - 1].ent_type_ != "DATE" and not gazetteer.country_by_demonym(doc[j - 1].text):
            j -= 1
        if j == tok.i or doc[j].is_sent_start and j == tok.i - 1 and doc[j].ent_type_ == "":
            continue
        name = doc[j:tok.i]
        if gazetteer.country_named(name.text):
            continue  # "the Syria border"
        old = by_span.get((name.start_char, name.end_char))
        if old is not None and old.type in {"Person", "Organization"} and old.source in {"ner", "weak"}:
            # (a "weak" person: the model's name tag on a noun's modifier, here a place's name)
            old.type, old.source = "Place", "place_noun"
        elif old is None and name.start_char not in covered:
            yield _Mention(start=name.start_char, end=name.end_char, text=name.text, type="Place",
                           source="place_noun", token=name.root.i)


# Generic heads of a place's full name that news drops once the place is known ("the Gaza Strip
# ... Gaza", "New York City ... New York"). Not "State": "Washington" is not "Washington State".
PLACE_NAME_HEADS = frozenset({"City", "Strip", "Province", "Governorate", "Oblast", "Region", "Prefecture"})


# Demonyms two states share, and the shared short name they go with ("Congolese": "Congo").
SHARED_DEMONYMS = {"Congolese": "Congo"}


def _shared_short_names(mentions: list[_Mention]) -> None:
    """'Congo' (and 'Congolese') is the Democratic Republic, except in an article that names only
    the Republic of the Congo in full ("Congo-Brazzaville", "the Republic of Congo")."""
    def shared(m: _Mention) -> str | None:
        name = SHARED_DEMONYMS.get(m.text, m.text)
        return name if m.type == "Country" and name in gazetteer.SHARED_NAME_OTHERS else None

    named = {m.label for m in mentions if m.type == "Country" and m.label and shared(m) is None}
    for m in mentions:
        name = shared(m)
        other = gazetteer.shared_name_bearer(name, named) if name else None
        if other is not None:
            m.key, m.label = slug(other.name), other.name


def _short_place_names(mentions: list[_Mention]) -> None:
    """A place named without its generic head is the place named in full in the same article:
    "Gaza" after "the Gaza Strip", "New York" beside "New York City". A country keeps its own
    name ("Mexico" is not Mexico City), and a short name two full names share stays as it is."""
    full: dict[str, set[tuple[str, str]]] = {}
    for m in mentions:
        name = m.text.removeprefix("the ")
        words = name.split()
        if m.type == "Place" and len(words) > 1 and words[-1] in PLACE_NAME_HEADS:
            full.setdefault(" ".join(words[:-1]), set()).add((m.key or slug(name), m.label or name))
    for m in mentions:
        bearers = full.get(m.text.removeprefix("the "), set())
        if m.type == "Place" and len(bearers) == 1:
            m.key, m.label = next(iter(bearers))
