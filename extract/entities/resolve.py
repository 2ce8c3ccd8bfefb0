"""Resolution: an article's typed mentions clustered into one ``EntityRecord`` per referent, with
gazetteer and alias-table background, and names propagated to their untagged occurrences.

Tests: tests/extract/entities/test_entity_people.py, test_entity_places.py (through the model).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc

from newsgraph.graph.iri import slug
from newsgraph.graph.model import EntityRecord, Span as TextSpan

from .. import gazetteer
from ..doccache import tokens
from .acronyms import _resolve_acronyms
from .mention import _Mention, _name_tokens, org_key, _strip_possessive
from .names import NamedPeople, short_name_target, _surname
from .organisations import _head_references, _own_generic_organs
from .people import _people_tagged_as_bodies, _resolve_people, _shared_surnames


# -- resolution -----------------------------------------------------------------------------
def resolve(mentions: list[_Mention], label_iris: dict[str, str] | None = None) -> dict[str, EntityRecord]:
    """Cluster typed mentions of one article; fills ``m.key`` in place, returns the entities."""
    label_iris = label_iris or {}
    _people_tagged_as_bodies(mentions)
    _own_generic_organs(mentions)
    persons = [m for m in mentions if m.type == "Person" and not m.key
               and m.source not in {"description", "alias_of"}]
    named = _resolve_people(persons)
    # The small model often tags a lone surname or first name ORG or GPE ("Haley", "Trump",
    # "Tamerlan"): when it fits a person named in full in the article, it is that person.
    labels = {k: lab for _, k, lab in named}
    people = NamedPeople(named)
    for m in mentions:
        if m.type != "Person" and not m.key and m.source == "ner" and len(_name_tokens(m.text)) == 1:
            key = short_name_target(_name_tokens(m.text)[0], m.start, people)
            if key is not None:
                m.type, m.key, m.label = "Person", key, labels[key]
    # A weak person (an adjective the model took for a name) that joined no cluster is dropped.
    mentions[:] = [m for m in mentions if not (m.source == "weak" and not m.key)]
    orgs = [m for m in mentions if m.type in {"Organization", "Group"} and not m.key]
    _resolve_acronyms(orgs, [m for m in mentions if m.type == "Organization" and m.key])
    # A short form introduced in brackets refers to the same entity everywhere in the article.
    short_forms = {m.text: m.link for m in mentions if m.source == "parenthetical"}
    for m in mentions:
        if not m.key and m.text in short_forms and m.source == "ner":
            m.source, m.link = "parenthetical", short_forms[m.text]
    _head_references(mentions)
    _follow_links(mentions)
    _known_as_everywhere(mentions)
    _shared_surnames(mentions)
    _one_key_per_gazetteer_place(mentions)
    return _records(mentions, label_iris)


def _one_key_per_gazetteer_place(mentions: list[_Mention]) -> None:
    """Two spellings of one place ("Bu'aale" and "Buale") that the gazetteer takes for the
    same entry are one place: the later spelling joins the key of the first."""
    first: dict[int | str, str] = {}
    for m in mentions:
        if m.type == "Place" and m.key:
            place = gazetteer.place_by_name(m.label or m.text)
            if place is not None:
                # (a region of the project's own list has no GeoNames id: its name is its entry)
                entry = place.geonames_id if place.geonames_id is not None else place.name
                m.key = first.setdefault(entry, m.key)


def _follow_links(mentions: list[_Mention]) -> None:
    """A mention linked to another one ("the chancellor", a bracketed short form, a "known as"
    name, a lone head) takes its key; every mention still without one gets its own."""
    at_start: dict[int, list[_Mention]] = defaultdict(list)  # (read as keys are given below)
    for m in mentions:
        at_start[m.start].append(m)
    for m in mentions:
        if m.link is not None:  # (description, parenthetical, alias_of, head_of)
            target = next((x for x in at_start.get(m.link, ()) if x.key), None)
            if target is not None:
                m.key, m.label, m.type = target.key, target.label, target.type
        if not m.key:
            m.key = org_key(_strip_possessive(m.text)) if m.type == "Organization" else slug(_strip_possessive(m.text))
            m.label = m.label or _strip_possessive(m.text)


def _known_as_everywhere(mentions: list[_Mention]) -> None:
    """Another occurrence of a "known as" name belongs to the same person."""
    aka = {m.text: m.key for m in mentions if m.source == "alias_of" and m.key}
    if not aka:
        return
    # (positions of the mentions of each key, kept up to date as keys change, instead of a
    # scan of every mention for each one of the name)
    of_key: dict[str | None, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        of_key[m.key].append(i)
    for i, m in enumerate(mentions):
        if m.text in aka and m.type == "Person":
            key = aka[m.text]
            label = next(mentions[j].label for j in of_key[key] if mentions[j].label)
            if m.key != key:
                was = of_key[m.key]
                del was[bisect_left(was, i)]
                insort(of_key[key], i)
            m.key, m.label = key, label


def _records(mentions: list[_Mention], label_iris: dict[str, str]) -> dict[str, EntityRecord]:
    """One record per key.  The type of a cluster is the consensus of its mentions, where
    gazetteer and alias decisions count double; its label the longest, then most frequent."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        votes[m.key][m.type] += 2 if m.source in {"alias", "gazetteer", "demonym", "capital", "seat", "hyphen",
                                               "described"} else 1
    entities: dict[str, EntityRecord] = {}
    grouped: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        grouped[m.key].append(m)
    for key, ms in grouped.items():
        etype = max(votes[key], key=lambda t: (votes[key][t], t == "Person", t))
        labels = Counter(m.label for m in ms if m.label)
        label = max(labels, key=lambda lab: (len(lab.split()), labels[lab], lab)) if labels else ms[0].text
        names = tuple(sorted({m.text for m in ms if m.source != "description"} - {label}))
        record = EntityRecord(key=key, type=etype, label=label,
                              mentions=tuple(TextSpan(m.start, m.end, m.text) for m in ms), names=names)
        entities[key] = _with_background(record, label_iris)
    return entities


def _with_background(record: EntityRecord, label_iris: dict[str, str]) -> EntityRecord:
    """Attach gazetteer data (GeoNames id, coordinates, country) and alias-table IRIs."""
    if record.type == "Country":
        country = gazetteer.country_by_name(record.label)
        if country is not None:
            # A de facto state has no code of its own; it lies in its de jure state.
            de_jure = gazetteer.country_by_code(country.de_jure) if country.de_jure else None
            return replace(record, geonames_id=country.geonames_id, lat=country.lat, lng=country.lng,
                           country_code=country.iso2 or None,
                           located_in=slug(de_jure.name) if de_jure else None)
    elif record.type == "Place":
        place = gazetteer.place_by_name(record.label)
        if place is not None:
            located = gazetteer.country_by_code(place.country_code) if place.country_code else None
            return replace(record, geonames_id=place.geonames_id, lat=place.lat, lng=place.lng,
                           country_code=place.country_code,
                           located_in=slug(located.name) if located else None)
    elif record.type == "Group" and " " in record.label:
        # "Syrian rebels": the people of a state (see _national_group) carry its code, so that
        # "every Syrian actor" is one query.
        state = gazetteer.country_by_demonym(record.label.split()[0])
        if state is not None and state.iso2:
            record = replace(record, country_code=state.iso2)
    iri = label_iris.get(record.label)
    return replace(record, same_as=iri) if iri else record



def propagate(doc: Doc, mentions: list[_Mention], entities: dict[str, EntityRecord],
              tokenizer) -> Iterator[_Mention]:
    """Other occurrences of a resolved name that NER did not tag: surnames of people named in
    full, and the names of organisations, states and places, when capitalised and not inside
    another mention."""
    names: dict[tuple[str, ...], dict[str, str]] = defaultdict(dict)  # form -> {key: type}
    named = []  # (start, key, label) of people named in full, for shared surnames
    for m in mentions:
        ent = entities.get(m.key or "")
        if ent is None or m.source == "description":
            continue
        forms = {m.text}
        if ent.type == "Person" and len(_name_tokens(ent.label)) >= 2:
            forms |= {_name_tokens(ent.label)[-1], _surname(ent.label)}
            if len(_name_tokens(m.text)) >= 2:
                named.append((m.start, ent.key, ent.label))
        for form in forms:
            toks = tuple(t.text for t in tokenizer(form)) if form else ()
            if toks and form[:1].isupper():
                names[toks][ent.key] = ent.type
    if not names:
        return
    people = NamedPeople(named)
    covered = [False] * len(doc)
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                covered[i] = True
    longest = max(len(k) for k in names)
    firsts = {k[0] for k in names}  # most tokens start no name: skip them at once
    words = [t.text for t in tokens(doc)]  # once: slicing the Doc in the loop made a Span per try
    i = 0
    while i < len(doc):
        if words[i] not in firsts:
            i += 1
            continue
        for n in range(min(longest, len(doc) - i), 0, -1):
            cands = names.get(tuple(words[i:i + n]))
            if not cands or any(covered[i:i + n]):
                continue
            span = doc[i:i + n]
            if n == 1 and (span[0].is_stop or span[0].pos_ not in {"PROPN", "NOUN", "ADJ"}):
                continue
            key = next(iter(cands)) if len(cands) == 1 else (
                # A surname two people share: the one named most recently before.
                short_name_target(span.text, span.start_char, people, among=frozenset(cands))
                if set(cands.values()) == {"Person"} else None)
            if key is None:
                continue
            yield _Mention(start=span.start_char, end=span.end_char, text=span.text, type=cands[key],
                           key=key, label=entities[key].label, source="propagated", token=span.root.i)
            i += n - 1
            break
        i += 1
