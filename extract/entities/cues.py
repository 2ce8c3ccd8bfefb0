"""Syntactic cues about one entity span: its trimmed boundaries, whether a title stands before it,
whether a capital acts for its government, a state that owns it, and the splits of one span into
several mentions (slashes, hyphenated state pairs, demonym groups).

Word lists: data/titles.tsv, data/entity_groups.tsv, ``LOCATIVE_PREPS``, ``ACTING_DEPS``.
Tests: tests/extract/entities/test_entity_classify.py (the rules that use these cues).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from newsgraph.graph.iri import slug

from .. import gazetteer
from ..doccache import text as doc_text
from .mention import _Mention
from .wordlists import (ACTING_DEPS, CAPTION_WORDS, COMMON_NOUNS, GROUP_NOUNS, HONORIFICS, LOCATIVE_PREPS, MESSAGES,
                        NATIONAL_COLLECTIVES, NATIONAL_GROUP_NOUNS, NER_LABELS, PERSON_TITLES_HEADS, PORTFOLIO_HOLDERS,
                        PLACE_NOUNS, PORTFOLIOS, RULERS, STANCE_PREFIXES, STREET_WORDS, TITLE_WORDS_BEFORE_OF)


def _after_stance_prefix(doc: Doc, start: int) -> bool:
    """'pro-Beijing', 'anti-American': the name is part of a stance adjective, not a reference."""
    head = doc_text(doc)[max(0, start - 6):start].lower()
    return any(head.endswith(p.rstrip("-") + "-") for p in STANCE_PREFIXES)



def _trim(ent: Span) -> Span | None:
    """Drop a leading determiner or honorific, a trailing possessive or punctuation, and a
    caption label glued to the name ("Washington D.C. Image: ...")."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while end > start and doc[end - 1].text in CAPTION_WORDS and end < len(doc) and doc[end].text == ":":
        end -= 1
    if start < end and doc[start].lower_ in STANCE_PREFIXES:
        return None  # "pro-Beijing": a stance, not a reference
    if start > 0 and doc[start - 1].lower_ in STANCE_PREFIXES and doc[start - 1].whitespace_ == "":
        return None
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or
                           (ent.label_ == "PERSON" and doc[start].lower_ in HONORIFICS and end - start > 1)):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct
                           or doc[end - 1].text in {"'s", "’s", "'", "’"}
                           or doc[end - 1].pos_ in {"ADP", "DET", "CCONJ"}  # "Office of the"
                           or doc[end - 1].tag_ in {"WRB", "WDT", "WP"}):  # "the News Network where"
        end -= 1
    if ent.label_ == "ORG" and end - start > 3 and _persons_possessive(doc, start):
        start += 2  # "Tsvangirai's Movement for Democratic Change": the person's party
    if end - start == 1 and ent.label_ == "ORG" and start >= 2 and doc[start - 1].lower_ == "of" \
            and doc[start - 2].lower_ in TITLE_WORDS_BEFORE_OF:
        return None  # "Secretary of State", "Minister of Defence": part of a person's title
    if doc[start].lower_ in PORTFOLIOS and end < len(doc) and doc[end].lower_ in PORTFOLIO_HOLDERS \
            and all(t.lower_ in PORTFOLIOS | {"cabinet", "affairs", "state", "and"} for t in doc[start:end]):
        # "Deputy Defence Minister X", "Defence Cabinet Secretary X", "Foreign Affairs Minister
        # X": part of a person's title, not an organisation
        return None
    if start >= end:
        return None
    return doc[start:end]



def _persons_possessive(doc, start: int) -> bool:
    """Whether an organisation's name opens with the possessive of a person the text names
    in full elsewhere ("Tsvangirai's Movement for Democratic Change"), not a name with "'s" of its own
    ("McDonald's Corporation")."""
    word, pos = doc[start], doc[start + 1]
    if pos.tag_ != "POS" or word.pos_ != "PROPN" or not doc[start + 2].text[:1].isupper():
        return False
    # a person's name elsewhere, whatever the model's tag ("Morgan Tsvangirai" may be an ORG)
    return any(e.start != start and (e.label_ == "PERSON" and word.text in {t.text for t in e}
                                     or len(e) > 1 and e[-1].text == word.text and e[0].text[:1].isupper())
               for e in doc.ents)


def repair_title_attachment(doc: Doc) -> None:
    """"Russian President Vladimir Putin and Turkish President Recep Tayyip Erdogan": the parser
    may coordinate the second title with the first name and hang the second name on that one as
    an apposition. A capitalised title right before a person's name, whose name the parser made
    its sibling's apposition, is that name's title: the name takes the title's place in the
    sentence and the title becomes its compound, as in any other "President X"."""
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.start == 0:
            continue
        title, name = doc[ent.start - 1], ent.root
        if title.lower_ in PERSON_TITLES_HEADS and title.text[:1].isupper() and name.dep_ == "appos" \
                and name.head.i == title.head.i and title.head.i != title.i and title.dep_ == "conj":
            head, dep = title.head, title.dep_
            title.head, title.dep_ = name, "compound"
            name.head, name.dep_ = head, dep


def repair_model_spans(doc: Doc) -> None:
    """Cuts the model makes in names, mended on ``doc.ents`` before anything reads them: a
    place's name cut at "and" or "of" ("Trinidad" + "Tobago") is one place, and so is a state's
    cut at a hyphen ("Congo" + "-Brazzaville");
    a person's name the parse compounds into a later proper noun goes on to it, over a name the
    model tagged as a second person ("Samia Suluhu" + "Hassan") or left untagged ("Sheikh" +
    "Imran Abdulla"); and the first word of a state's name or demonym that another span took
    ("May 12, 2014 - South" + "Sudanese") goes back to the state."""
    ents = list(doc.ents)
    if not ents:
        return
    fixed: list[Span] = []
    unaliased: list[tuple[int, int]] = []  # merged names: no longer the alias one part of them is
    changed = False
    i = 0
    while i < len(ents):
        ent = ents[i]
        joined = _cut_body_name(ents, i) or _prefixed_body_name(ent) or _joined_place(ents, i)
        if joined is not None:
            fixed.append(joined)
            if joined.label_ == "ORG" and doc[ent.end - 1].lower_ not in {"of", "the"}:
                # ("the Office of the" + "United Nations High Commissioner for Refugees": the
                # known body's own office, so its name stays the known one's)
                unaliased.append((joined.start, joined.end))
            changed = True
            i += 1
            while i < len(ents) and ents[i].start < joined.end:
                i += 1
            continue
        whole, i = _whole_name(ents, i)
        if whole is not ent:
            ent, changed = whole, True
        pieces = _titled_body_span(ent) if ent.label_ == "ORG" else _state_before_name(ent) \
            if ent.label_ == "PERSON" else None
        if pieces is not None:
            fixed.extend(pieces)
            changed = True
            i += 1
            continue
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if nxt is not None and nxt.start == ent.end and nxt.label_ in {"NORP", "GPE"} and len(ent) > 1 \
                and ent[-1].text[:1].isupper() and gazetteer.country_named(doc[ent.end - 1:nxt.end].text):
            cut = ent.end - 1
            while cut > ent.start and (doc[cut - 1].is_punct or doc[cut - 1].is_space):
                cut -= 1
            ents[i + 1] = Span(doc, ent.end - 1, nxt.end, label=nxt.label_)
            ent, changed = (Span(doc, ent.start, cut, label=ent.label_) if cut > ent.start else None), True
        if ent is not None:
            fixed.append(ent)
        i += 1
    if changed:
        doc.ents = fixed
        for start, end in unaliased:
            for tok in doc[start:end]:
                tok.ent_id_ = ""


# Nouns a person's name modifies rather than goes on into ("the Biden administration", "Trump
# Tower", "the Putin era"), besides the project's common nouns.
NOT_NAME_WORDS = frozenset({"administration", "cabinet", "regime", "government", "presidency", "era", "doctrine",
                            "camp", "team", "family", "tower", "house", "palace", "plan", "foundation", "campaign"})
# Words a person's name never goes on into: those, the common nouns and the titles.
NAME_STOPS = NOT_NAME_WORDS | COMMON_NOUNS | PERSON_TITLES_HEADS | HONORIFICS


# Words between a state's name and a person's title that are part of the title ("US National
# Security Adviser", "Pakistani Deputy Foreign Minister"), besides the portfolios.
TITLE_QUALIFIERS = frozenset({"national", "deputy", "vice", "affairs", "special", "senior", "chief", "acting",
                              "prime", "state", "first", "assistant", "principal"})


def _cut_body_name(ents: list[Span], i: int) -> Span | None:
    """"Mediation and" + "Security Council": a body's name the alias ruler cut where a known
    name starts inside it is one body (and no longer the known one)."""
    ent, nxt = ents[i], ents[i + 1] if i + 1 < len(ents) else None
    if ent.label_ == "ORG" and nxt is not None and nxt.label_ == "ORG" and nxt.start == ent.end \
            and len(ent) > 1 and (ent[-1].lower_ in {"and", "of", "for", "&"}
                                  or ent[-1].lower_ == "the" and len(ent) > 2 and ent[-2].lower_ == "of"):
        return Span(ent.doc, ent.start, nxt.end, label="ORG")
    return None


def _prefixed_body_name(ent: Span) -> Span | None:
    """"National" + "Security Council", "Peace and" + "Security Council": a known body's name
    (the alias ruler's) that untagged capitalised words before it make the name of another body
    ("National Security Council spokeswoman" is the US council's, not the UN's); not a state's
    or a people's word before an organ ("Iraqi Security Forces"), nor a title."""
    doc = ent.doc
    if ent.label_ != "ORG" or not ent.ent_id_ or len(ent) < 2:
        return None
    start = ent.start
    while start > 0 and ent.start - start < 4:
        if _body_word(doc[start - 1], ent):
            start -= 1
        elif doc[start - 1].lower_ == "and" and start > 1 and _body_word(doc[start - 2], ent):
            start -= 2
        else:
            break
    return Span(doc, start, ent.end, label="ORG") if start < ent.start else None


def _body_word(word: Token, ent: Span) -> bool:
    """An untagged capitalised word of a body's name, hung on a word of ``ent``'s."""
    return not word.ent_type_ and word.is_alpha and word.text[:1].isupper() and not word.text.isupper() \
        and word.pos_ in {"PROPN", "ADJ", "NOUN"} and word.dep_ in {"compound", "amod", "conj", "nmod"} \
        and word.lower_ not in PERSON_TITLES_HEADS | HONORIFICS and not gazetteer.country_named(word.text) \
        and (ent.start <= word.head.i < ent.end or word.head.i < ent.start and word.head.ent_type_ == "")


def _joined_place(ents: list[Span], i: int) -> Span | None:
    """'Trinidad' + 'and' + 'Tobago', 'Port' + 'of' + 'Spain', 'Antigua' + 'and' + 'Barbuda':
    names the model cut at "and" or "of" that the gazetteer knows whole, as one place."""
    doc = ents[i].doc
    for j in (i + 1, i + 2):
        if j >= len(ents) or ents[j].start != ents[j - 1].end + 1 or doc[ents[j - 1].end].lower_ not in {"and", "of", "&"}:
            return None
        text = doc[ents[i].start:ents[j].end].text
        if gazetteer.country_by_name(text) is not None or gazetteer.place_by_name(text) is not None:
            return Span(doc, ents[i].start, ents[j].end, label="GPE")
    return None


def _hyphened_state(ent: Span) -> Span | None:
    """'Congo' + '-Brazzaville', 'Congo' + '-Kinshasa': a state's name the model ended at a
    hyphen, whole when the gazetteer knows the hyphened name as one state."""
    doc = ent.doc
    if ent.label_ not in {"GPE", "NORP", "LOC", "ORG"} or ent.end + 1 >= len(doc) or doc[ent.end].text not in {"-", "–"} \
            or doc[ent.end - 1].whitespace_ or doc[ent.end].whitespace_ or not doc[ent.end + 1].text[:1].isupper():
        return None
    joined = doc[ent.start:ent.end + 2]
    return Span(doc, joined.start, joined.end, label="GPE") if gazetteer.country_by_name(joined.text) else None


def _state_before_name(ent: Span) -> list[Span] | None:
    """"President of Argentina Macri" with "Argentina Macri" tagged as one person: after a
    title's "of", a state's name that opens a person's span is the state the title is held in."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].lower_ != "of" or doc[ent.start - 2].lower_ not in PERSON_TITLES_HEADS:
        return None
    n = next((k for k in (3, 2, 1) if len(ent) > k and gazetteer.country_by_name(ent[:k].text) is not None), 0)
    if not n:
        return None
    return [Span(doc, ent.start, ent.start + n, label="GPE"), Span(doc, ent.start + n, ent.end, label="PERSON")]


def _titled_body_span(ent: Span) -> list[Span] | None:
    """A state's name, a person's title and maybe the person's name that the model tagged as one
    body ("Pakistani National Security Adviser Asim Malik"; "French National Security" with
    "Adviser" after it): the state and the person, not a body.  None when the span is no
    such title."""
    doc = ent.doc
    n = next((k for k in (2, 1) if len(ent) > k and gazetteer.country_named(ent[:k].text)), 0)
    if not n:
        return None
    title = next((t.i for t in doc[ent.start + n:min(ent.end + 1, len(doc))]
                  if t.lower_ in PERSON_TITLES_HEADS and t.text[:1].isupper()), None)
    if title is None or not all(t.lower_ in PORTFOLIOS or t.lower_ in TITLE_QUALIFIERS
                                for t in doc[ent.start + n:title]):
        return None
    state = doc[ent.start:ent.start + n]
    pieces = [Span(doc, state.start, state.end,
                   label="GPE" if gazetteer.country_by_name(state.text) is not None else "NORP")]
    name = doc[title + 1:ent.end]
    if len(name) and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in name):
        pieces.append(Span(doc, name.start, name.end, label="PERSON"))
    return pieces


def _whole_name(ents: list[Span], i: int) -> tuple[Span, int]:
    """The span ``ents[i]`` with the words the model cut off it ("Samia Suluhu" + "Hassan",
    "Abdi Shakur" + "Sheikh" + "Hassan", "Congo" + "-Brazzaville"), and the index of the last
    span it took in (the span itself, unchanged, when it is whole)."""
    ent, doc = ents[i], ents[i].doc
    end = _compounded_name_end(ent) if ent.label_ == "PERSON" else ent.end
    if ent.label_ == "PERSON" and i + 1 < len(ents) and _name_gap(ent, ents[i + 1]):
        end = max(end, ents[i + 1].end)  # "Abdi Shakur" + "Sheikh" + "Hassan": one name
    if end > ent.end:
        while i + 1 < len(ents) and ents[i + 1].start < end:
            i += 1  # the later person span is part of this name
            end = max(end, ents[i].end)
        ent = Span(doc, ent.start, end, label="PERSON")
    hyphened = _hyphened_state(ent)
    if hyphened is not None:
        while i + 1 < len(ents) and ents[i + 1].start < hyphened.end:
            i += 1  # ("Congo" + "-" + a "Brazzaville" span of its own)
        ent = hyphened
    return ent, i


def _name_gap(ent: Span, nxt: Span) -> bool:
    """Two person spans with only one or two untagged capitalised proper nouns between them and
    no punctuation: the words of one name the model cut ("Abdi Shakur" + "Sheikh" + "Hassan")."""
    doc = ent.doc
    gap = doc[ent.end:nxt.start]
    return nxt.label_ == "PERSON" and 1 <= len(gap) <= 2 and all(
        t.pos_ == "PROPN" and t.text[:1].isupper() and not t.ent_type_ and t.text.isalpha()
        and t.whitespace_ == " " for t in gap) and doc[ent.end - 1].whitespace_ == " " \
        and not any(t.lower_ in PERSON_TITLES_HEADS for t in gap)


def _compounded_name_end(ent: Span) -> int:
    """Where a person's name ends when its last word is a compound of a proper noun a few words
    on, every word up to it a capitalised proper noun that no other kind of name holds and that
    is no title or common noun ("Trump" + "Administration" stays apart)."""
    doc, last = ent.doc, ent[-1]
    head = last.head.i
    if last.dep_ != "compound" or not ent.end <= head < ent.end + 3:
        return ent.end
    words = doc[ent.end:head + 1]
    if all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.ent_type_ in {"", "PERSON"}
           and t.lower_ not in NAME_STOPS and not gazetteer.country_named(t.text) for t in words):
        return head + 1
    return ent.end


def _repair_boundary(span: Span, label: str) -> Span:
    """Cut-short names: a person's name goes on to the untagged proper noun it compounds into
    ("Fatima" + "Tlisova"), a place's to the street word after it ("Victor Hugo street"), an
    organisation's over "and" to the words its last word modifies ("... for Political and
    Strategic Studies")."""
    doc, end = span.doc, span.end
    if label == "PERSON":
        # (The next word may carry a stray numeric tag: "Tlisova" as CARDINAL.)
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].ent_type_ not in NER_LABELS \
                and doc[end].text[:1].isupper() and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end \
                and doc[end].lower_ not in NOT_NAME_WORDS:
            end += 1
    elif label in {"FAC", "GPE", "LOC", "ORG"} and end < len(doc) and doc[end].lower_ in STREET_WORDS \
            and not doc[end].ent_type_:
        end += 1
    elif label == "ORG" and span.start < end - 1 and end < (head := doc[end - 1].head.i) <= end + 3 \
            and doc[end].lower_ in {"and", "&"} and all(t.text[:1].isupper() for t in doc[end + 1:head + 1]):
        end = head + 1  # "the Center for Political" + "and Strategic Studies": its last word modifies them
    return span if end == span.end else doc[span.start:end]



def _state_owner(span: Span):
    """The state whose name or demonym possesses or modifies the span ("Iran's ...", "the
    Russian ..."), or None."""
    doc = span.doc
    mods = [c for c in span.root.children if c.dep_ in {"poss", "amod", "compound", "nmod"} and c.i < span.start]
    if span.start > 0:
        mods.append(doc[span.start - 1] if doc[span.start - 1].tag_ != "POS" else doc[max(0, span.start - 2)])
    return next((c for m in mods if (c := gazetteer.country_named(m.text))),
                None)



def _locative(span: Span) -> bool:
    """Whether the span is the object of a locative preposition ("in Goma", "from Dakar")."""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "in Paris and Lyon"
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS - {"of", "to"}



def _titled(span: Span) -> bool:
    """Whether a person's title stands right before the name ("President", "Foreign Minister")."""
    prev = span.doc[span.start - 1] if span.start > 0 else None
    return prev is not None and prev.lower_ in PERSON_TITLES_HEADS | HONORIFICS - {"state", "said", "former",
                                                                                "foreign", "defense", "defence"} \
        and prev.head.i in range(span.start, span.end)



# Named-entity labels of a modifier that owns a ruler noun ("UN officials", "Russian diplomats").
OWNER_ENT_TYPES = frozenset({"ORG", "NORP", "GPE", "PERSON"})
# Nouns of a part of a city: a capital's possessive on them is the city ("Kyiv's outskirts").
CITY_PART_NOUNS = PLACE_NOUNS | {"outskirts", "suburbs", "centre", "center", "streets", "airport"}
# Prepositions whose object is a party to the act, never its site.
PARTY_PREPS = frozenset({"with", "against"})
# Measures one state takes "on" another ("sanctions on Moscow"): their "on" names a government,
# where an attack's names a place ("strikes on Kyiv").
MEASURE_NOUNS = frozenset({"sanction", "sanctions", "pressure", "restriction", "tariff", "embargo", "curb",
                           "penalty", "measure", "ban", "demand", "duty", "levy"})


def _acts(span: Span) -> bool:
    """Whether a capital stands for its government here rather than for the city."""
    root = span.root
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "the juntas in Bamako and Ouagadougou": like the first conjunct
    prep = first.head
    if first.dep_ == "pobj" and prep.lower_ == "in":
        # "the juntas in Bamako", "officials in Washington": the government there (also when
        # the parser hangs "in Bamako" on the verb: "accused the junta in Bamako of ..."); but
        # "UN officials in Rome", "Russian diplomats in Kyiv" are someone else's, there.
        ruler = prep.head if prep.head.lemma_.lower() in RULERS else span.doc[prep.i - 1] if prep.i > 0 else prep
        if ruler.lemma_.lower() in RULERS:
            return not any(c.dep_ in {"compound", "poss", "amod"} and c.ent_type_ in OWNER_ENT_TYPES
                           for c in ruler.children)
    if first.dep_ == "pobj" and first.head.lower_ == "from" and first.head.head.lemma_.lower() in MESSAGES:
        return True  # "a statement from Addis Ababa": the government speaks
    if first.dep_ == "pobj" and first.head.lower_ == "to" and _message_to(first.head.head):
        return True  # "sent a note of protest to Lima", "a letter to Moscow": the government is addressed
    if first.dep_ == "pobj" and first.head.lower_ == "on" and first.head.head.lemma_.lower() in MEASURE_NOUNS:
        return True  # "sanctions on Moscow", "pressure on Tehran": measures against a government
    if first.dep_ == "pobj" and first.head.lower_ in PARTY_PREPS:
        return True  # "ties with Tbilisi", "sanctions against Moscow": a party, never a site
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS:
        return False
    if root.dep_ in {"compound", "amod", "nmod"}:
        return False  # "the Moscow metro"
    if root.dep_ == "poss" and root.head.lower_ in CITY_PART_NOUNS:
        return False  # "Baghdad's Sadr City neighborhood", "Kyiv's outskirts": the city
    if root.dep_ == "appos" and root.head.lemma_.lower() in {"capital", "city", "town", "seat"}:
        return False  # "the nation's capital, Wellington": the city named as such
    if root.dep_ == "conj":  # "Washington and Moscow face": like the first conjunct
        first = root
        while first.dep_ == "conj":
            first = first.head
        return first.dep_ in ACTING_DEPS and first.dep_ != "conj"
    return root.dep_ in ACTING_DEPS



def _message_to(head: Token) -> bool:
    """Whether a "to" phrase on ``head`` is where a message goes: a message noun's ("a letter
    to"), or that of a verb whose object is a message ("sent a note of protest to")."""
    if head.lemma_.lower() in MESSAGES:
        return True
    return head.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in MESSAGES for c in head.children)


def _group_phrase(span: Span) -> Span | None:
    """'Central Asian migrants': a non-state NORP that modifies a plural noun names a group."""
    head = span.root.head
    if span.root.dep_ in {"amod", "compound"} and head.tag_ == "NNS" and head.i > span.end - 1 \
            and head.lemma_.lower() in GROUP_NOUNS:
        return span.doc[span.start:head.i + 1]
    if span.root.tag_ in {"NNPS", "NNS"} or span.text.endswith("s"):
        return span  # "Shiites", "Kurds": the NORP itself is the group
    return None



def _national_group(span: Span, country: "gazetteer.Country") -> Iterator[_Mention]:
    """'Syrian rebels', 'Afghan women', 'the Afghan team': a state's demonym on a noun for people
    who do not stand for the state is a group of its own (CAMEO codes them SYRREB, AFGCVL, not
    SYR or AFG), besides the mention of the state.  Organs ("Russian troops", "Thai officials")
    stay the state's; a singular person ("an Afghan woman") is not a group."""
    root = span.root
    if root.dep_ not in {"amod", "compound", "nmod"} or root.i != span.end - 1:
        return  # (a demonym of several words ends on its root: "South Sudanese")
    head = root.head
    lemma = head.lemma_.lower()
    if head.i <= root.i or head.pos_ != "NOUN" or head.text[:1].isupper() and head.i > 0 and not head.is_sent_start \
            and lemma not in NATIONAL_COLLECTIVES:
        return  # "Afghan Girls" (a name), "Russian Navy": not a description of people
    if not (lemma in NATIONAL_COLLECTIVES or lemma in NATIONAL_GROUP_NOUNS and head.tag_ == "NNS"):
        return
    if gazetteer.country_by_name(span.text) is not None:
        return  # "Iran team": a state's name, not its demonym, modifies the noun
    doc = span.doc
    end = head.idx + len(head.text)
    # One node per state and noun, whatever else qualifies it ("Australian school children").
    yield _Mention(start=span.start_char, end=end, text=doc_text(doc)[span.start_char:end], type="Group",
                   key=slug(f"{country.name} {lemma}"), label=f"{span.text} {head.text.lower()}", source="group",
                   token=head.i)



def _split_slash(span: Span, label: str) -> Iterator[_Mention]:
    kind = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place",
            "FAC": "Place", "NORP": "Group"}[label]
    pos = 0
    for part in span.text.split("/"):
        stripped = part.strip()
        if stripped and stripped[0].isupper():
            start = span.start_char + pos + part.index(stripped)
            yield _Mention(start=start, end=start + len(stripped), text=stripped, type=kind, token=span.root.i)
        pos += len(part) + 1



def _split_mentions(span: Span, countries: tuple) -> Iterator[_Mention]:
    text, offset = span.text, span.start_char
    pos = 0
    for country in countries:
        # Each part is the stretch up to the next hyphen or dash.
        m = re.compile(r"[^-–]+(?:\.[^-–]*)?").search(text, pos)
        if m is None:
            return
        part = m.group(0)
        yield _Mention(start=offset + m.start(), end=offset + m.end(), text=part, type="Country",
                       key=slug(country.name), label=country.name, source="hyphen", token=span.root.i)
        pos = m.end() + 1
