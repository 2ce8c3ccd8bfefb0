"""Organisations and the organs of states: generic organs ("the Defence Ministry") owned by one
state, the kind of an organ (army, police, ministry), the article's dominant state, armed groups,
a person's party after "of", and lone heads of a name ("the Commission") that refer to it.

Word lists: data/entity_organisations.tsv, data/entity_groups.tsv (``ARMED_NOUNS``).
Tests: tests/extract/entities/test_entity_organisations.py.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from newsgraph.graph.model import EntityRecord

from .. import gazetteer
from ..doccache import tokens
from .headlines import in_headline
from .mention import _Mention, _MentionIndex, org_key, _strip_possessive
from .wordlists import ARMED_NOUNS, GENERIC_ORGAN_WORDS, _LEADING_THE


def _generic_organ(name: str) -> bool:
    """Whether an organisation's name is one every state has ("Defence Ministry", "Ministry of
    Foreign Affairs", "National Police"), so that it names nothing without its state."""
    words = {w for w in _LEADING_THE.sub("", name).lower().split() if w not in {"of", "and", "the"}}
    return bool(words) and words <= GENERIC_ORGAN_WORDS and bool(words & {"ministry", "department", "forces",
                                                                           "army", "navy", "police", "guard",
                                                                           "council", "service", "office"})



def _own_generic_organs(mentions: list[_Mention]) -> None:
    """'The Defence Ministry' after "Azerbaijan's Ministry of Defence": the same state's organ,
    when the article names that organ of one state only."""
    owned: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for m in mentions:
        if m.source == "owned" and m.key and m.label:
            owned[org_key(_strip_possessive(m.text))].add((m.key, m.label))
    for m in mentions:
        if m.type == "Organization" and not m.key and m.source == "ner" and _generic_organ(m.text):
            found = owned.get(org_key(_strip_possessive(_LEADING_THE.sub("", m.text))), set())
            if len(found) == 1:
                m.key, m.label = next(iter(found))



def _organ_kind(name: str) -> str | None:
    """'army' for "the army", "Malian Armed Forces", "Defence Forces"; 'police' for police
    forces; None otherwise."""
    words = name.lower().split()
    if not words:
        return None
    if words[-1] in {"army", "military", "forces", "troops", "soldiers"} or "armed forces" in name.lower():
        return "army"
    if words[-1] in {"police", "policemen", "officers", "gendarmerie"} or "police" in words:
        return "police"
    if "ministry" in words:
        return "ministry"
    return None



def dominant_state(entities: dict[str, EntityRecord]) -> str | None:
    """The state an article is about: at least two mentions (its places' included) and twice as
    many as any other state."""
    votes: dict[str, int] = {}
    for k, e in entities.items():
        owner = k if e.type == "Country" else e.located_in if e.type == "Place" else None
        if owner and owner in entities:
            votes[owner] = votes.get(owner, 0) + len(e.mentions)  # its cities count for it
    counts = sorted(((n, k) for k, n in votes.items()), reverse=True)
    if counts and counts[0][0] >= 2 and (len(counts) == 1 or counts[0][0] >= 2 * counts[1][0]):
        return counts[0][1]
    return None



def opening_city_state(sent: Span, after: int, key_of: dict[int, str],
                       entities: dict[str, EntityRecord]) -> str | None:
    """The state of a city a sentence opens with as its own dateline ("In Nairobi, Defence
    Cabinet Secretary X said", "In Algiers, the foreign ministry condemned"), for a token at or
    after ``after`` that follows the comma; ``key_of`` maps tokens to entity keys."""
    if len(sent) < 4 or sent[0].lower_ != "in" or sent[0].i + 1 not in key_of:
        return None
    city = entities.get(key_of[sent[0].i + 1])
    comma = next((t for t in sent[1:6] if t.text == ","), None)
    if city is None or city.type != "Place" or comma is None or comma.i > after:
        return None
    return city.located_in if city.located_in in entities else None



def _armed_groups(doc: Doc, mentions: list[_Mention]) -> set[str]:
    """Organisations the article names as armed groups: "M23 rebels", "the M23 rebel group",
    "al-Shabaab militants"."""
    out = set()
    for m in mentions:
        if m.type in {"Organization", "Group"} and m.key:
            tok = tokens(doc)[m.token]
            near = [tok.head, *tok.children, *(tok.head.children if tok.dep_ == "compound" else ())]
            if tok.dep_ == "pobj" and tok.head.lower_ == "of":
                near.append(tok.head.head)  # "fighters of the Azawad Liberation Front"
            if tok.dep_ == "appos":
                near.extend(tok.head.children)  # "the rebel group, the National Movement for ..."
            span = doc.char_span(m.start, m.end, alignment_mode="expand") or tok.doc[tok.i:tok.i + 1]
            # "X, an armed group" (the parser may hang it on any word of the name)
            apposed = [g for t in span for c in t.children if c.dep_ == "appos" for g in c.children]
            if any(t.lemma_.lower() in ARMED_NOUNS for t in near if t.i != tok.i) \
                    or any(t.lemma_.lower() in ARMED_NOUNS or t.lower_ == "armed" for t in apposed):
                out.add(m.key)
    return out



def _affiliations(doc: Doc, mentions: list[_Mention]) -> Iterator[_Mention]:
    """'Frederick Fung of ADPL', 'Nathan Law of Demosisto': a capitalised name right after a
    person's "of" that the model left untagged is the party or body the person belongs to (a
    known place is where they come from instead); an unknown acronym the model took for a place
    there is that party too."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    index = _MentionIndex(mentions)
    for m in mentions:
        if m.type != "Person" or m.source not in {"ner", "titled"}:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.end + 1 >= len(doc) or doc[span.end].lower_ != "of":
            continue
        i = span.end + 1 + (doc[span.end + 1].lower_ == "the")
        tagged = index.first_at(doc[i].idx) if i < len(doc) else None
        if tagged is not None:
            if tagged.type == "Place" and tagged.source == "ner" and tagged.text.isupper() \
                    and gazetteer.place_by_name(tagged.text) is None:
                tagged.type = "Organization"  # "Tarik Osmani of BDPK" tagged GPE: no place is spelled so
            continue
        j = i
        while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and doc[j].idx not in covered:
            j += 1
        if j == i or j - i > 5 or (j < len(doc) and doc[j].pos_ in {"NOUN", "PROPN"}) or in_headline(doc, i):
            continue  # nothing; too long to be one name; "of the Social Welfare constituency"
        name = doc[i:j]
        if gazetteer.country_by_name(name.text) or gazetteer.place_by_name(name.text) \
                or gazetteer.country_by_demonym(name.text):
            continue
        yield _Mention(start=name.start_char, end=name.end_char, text=name.text, type="Organization",
                       source="affiliation", token=name.root.i)



def _name_head(name: str) -> str | None:
    """The head word of an organisation's name: "Commission" of "the European Commission",
    "Council" of "the Council of Europe"; None for one word, or an acronym head ("Provisional
    IRA" and "the IRA" are left to the acronym rules)."""
    name = _LEADING_THE.sub("", _strip_possessive(name))
    words = name.split(" of ")[0].split()
    if (len(words) >= 2 or " of " in name) and words[-1].isalpha() and words[-1].istitle():
        return words[-1]
    return None



def _org_heads(doc: Doc, mentions: list[_Mention],
               entities: dict[str, EntityRecord]) -> tuple[dict[str, tuple[int, str]], set[int]]:
    """Head word of each organisation's name ("Bureau" of "the Bureau of Investigative
    Journalism", "Commission" of "the European Commission") -> (first token, key); a head that
    two organisations share maps to no key.  Also the tokens inside mentions."""
    out: dict[str, tuple[int, str]] = {}
    inside = set()
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            inside.update(range(span.start, span.end))
    for m in mentions:
        ent = entities.get(m.key or "")
        if ent is None or ent.type != "Organization" or (head := _name_head(ent.label)) is None:
            continue
        if head in out and out[head][1] not in {m.key, ""}:
            out[head] = (out[head][0], "")  # two organisations with this head: not a reference
        elif head not in out:
            out[head] = (m.token, m.key)
    # A head inside a mention is part of a name there, not a reference.
    return out, inside



def _head_references(mentions: list[_Mention]) -> None:
    """'the Commission' after 'the European Commission', 'the Church' after 'the Church of
    Scientology', 'the Treasury' after 'the U.S. Treasury Department': a lone capitalised head
    (or distinctive word) of an organisation's name, tagged on its own, refers to the one
    organisation named earlier with it (to none when two have it).  So do its members named
    in the plural: 'the Sandinistas' after 'the Sandinista National Liberation Front'."""
    heads: dict[str, list[_Mention]] = defaultdict(list)
    firsts: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:  # (in text order)
        if m.type != "Organization" or m.source in {"head_of", "parenthetical"}:
            continue
        if (head := _name_head(m.label or m.text)) is not None:
            heads[head].append(m)
        own = _LEADING_THE.sub("", _strip_possessive(m.text)).split()
        while own and gazetteer.country_by_name(own[0]) is not None:
            own = own[1:]  # "U.S. Treasury Department"
        if len(own) == 2 and own[1].lower() in {"department", "ministry", "office", "agency"} and own[0].istitle():
            heads[own[0]].append(m)
        if len(own) >= 2 and own[0].istitle():
            firsts[own[0]].append(m)

    # For each list: its starts, how many of its first mentions share the first one's key, and
    # whether it is in text order (it is when the mentions are), so that the mentions before a
    # point are a prefix of it, found by bisection rather than by a scan per reference.
    prefixes: dict[int, tuple[list[int], int, bool]] = {}
    for cands in [*heads.values(), *firsts.values()]:
        keys = [x.key or org_key(_strip_possessive(x.text)) for x in cands]
        starts = [x.start for x in cands]
        prefixes[id(cands)] = (starts, next((i for i, k in enumerate(keys) if k != keys[0]), len(keys)),
                               all(a <= b for a, b in zip(starts, starts[1:])))

    def refer(m: _Mention, cands: list[_Mention]) -> None:
        starts, one_key, in_order = prefixes[id(cands)]
        if in_order:
            n_before = bisect_left(starts, m.start)
            if n_before and n_before <= one_key:
                m.source, m.link = "head_of", cands[0].start
            return
        before = [x for x in cands if x.start < m.start]  # (not in text order: every one looked at)
        if before and len({x.key or org_key(_strip_possessive(x.text)) for x in before}) == 1:
            m.source, m.link = "head_of", before[0].start

    for m in mentions:
        word = _LEADING_THE.sub("", _strip_possessive(m.text))
        if m.key or " " in word:
            continue
        if m.type == "Organization" and m.source == "ner" and word in heads:
            refer(m, heads[word])
        if m.source != "head_of" and m.type in {"Group", "Organization"} and m.source == "ner" \
                and word.endswith("s") and word[:-1] in firsts:
            refer(m, firsts[word[:-1]])
