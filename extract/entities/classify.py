"""Typing one NER span: an ordered list of small rules, each ``(span, ctx) -> list | None``.

:func:`typed_mentions` trims the span, then tries :data:`RULES` in order; the first rule that
answers (a list of mentions, possibly empty: "no actor here") decides, and ``None`` passes to
the next rule, as rdflib's ``s_squared(...) or s_default(...)``.  Two rules only *relabel*
(``ctx.label``) and always pass.  The order matters, and is:

1. ``event_name``: "the Boston Marathon" is an event, before anything reads it as a name;
2. ``no_name``: a span across lines or without capitals is no name at all;
3. ``state_body_of_alias``, ``alias_building``, ``alias_entry``: the alias table wins over the
   model and the gazetteer (a state's own "Security Council" before the UN's; "at the Kremlin"
   is a building, "the Kremlin said" the state);
4. ``digits_make_organisations`` (relabel): "M23" tagged GPE is an organisation, before the
   rules below read the label;
5. ``slash_names``, ``bracketed_name``, ``hyphenated_states``: one span that holds several
   names is split before it is typed as one;
6. ``state_by_name``: a state's name or demonym is the state, whatever the model's label;
7. ``capital_taken_for_name`` (relabel): "Bamako said" tagged PERSON is a GPE, so that the
   GPE rule below sees it;
8. ``known_place_after_preposition``, ``titled_person``: a place after "in", a person after a
   title, before the label's own rule;
9. the label's rules: ``norp``, ``gpe``, ``place_or_street``, then the ORG rules
   (``state_government``, ``person_by_apposition``, ``organisation``);
10. ``common_noun``, ``weak_adjective`` then ``person``: what is left is a person (a weak one,
    dropped later if it joins nobody, when it is a lone common noun of the word lists or an
    adjective's modifier).

Word lists: wordlists.py and data/entity_*.tsv.  Tests: tests/extract/entities/test_entity_classify.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.graph.iri import slug

from .. import gazetteer
from .aliases import Alias, AliasTable
from .genders import given_name_gender
from .cues import (_acts, _group_phrase, _locative, _national_group, _repair_boundary, _split_mentions, _split_slash,
                   _state_owner, _titled, _trim)
from .wordlists import (CAPITAL_ACTORS, COMMON_NOUNS, DESCRIBED_ORG_HEADS, DESCRIPTOR_TAILS, EVENT_HEADS, HONORIFICS,
                        LEADER_TITLE_PHRASES, NER_LABELS,
                        NEWS_OUTLET_WORDS, ORG_HEAD_WORDS, ORG_NAME_WORDS, PERSON_TITLES_HEADS, STATE_DESCRIPTIONS,
                        STATE_FORMS, STREET_WORDS, SUPRANATIONAL_PREFIXES)
from .mention import _country_key, _country_label, _Mention, org_key
from .organisations import _generic_organ

# Heads of an apposition that make a name a person's ("X, the head of the OAS mission"; "the
# main opposition candidate, Morgan Tsvangirai"): titles, and nouns of what only people are.
APPOSED_PERSON_HEADS = PERSON_TITLES_HEADS | {
    "head", "spokesman", "spokeswoman", "spokesperson", "director", "chief", "envoy", "candidate", "activist",
    "journalist", "lawyer", "lawmaker", "politician", "official", "diplomat", "aide", "negotiator", "reporter",
    "correspondent", "professor", "judge", "prosecutor", "legislator", "opponent", "critic", "deputy"}


@dataclass(slots=True)
class TypingContext:
    """What the rules know about one span: ``table`` is the alias table, ``ent`` the model's entity, ``full`` the trimmed
    span, ``span`` the name in it (without a descriptor noun: "the Georgian Dream party");
    ``label`` the NER label, which the relabelling rules change."""

    table: AliasTable
    doc: Doc
    ent: Span
    full: Span
    span: Span
    described: bool
    label: str
    alias: Alias | None
    text: str  # span.text, made once (spaCy rebuilds it from the tokens on every access)

    @property
    def base(self) -> dict:
        """The fields of a mention of the whole name."""
        span = self.span
        return dict(start=span.start_char, end=span.end_char, text=span.text, token=span.root.i)


Rule = Callable[[Span, TypingContext], "list[_Mention] | None"]


def typed_mentions(table: AliasTable, doc: Doc, ent: Span) -> list[_Mention]:
    """The typed mentions of one of the model's entities (see the module docstring)."""
    if ent.label_ not in NER_LABELS:
        return _outlet_or_office(table, doc, ent)
    full = _trim(ent)
    if full is None:
        return []
    full = _repair_boundary(full, ent.label_)
    described = ent.label_ == "ORG" and len(full) > 1 and full[-1].lower_ in DESCRIPTOR_TAILS \
        and full[-1].text.islower() and all(t.text[:1].isupper() for t in full[:-1])
    span = full[:-1] if described else full  # "the Georgian Dream party": the name is "Georgian Dream"
    text = span.text
    ctx = TypingContext(table, doc, ent, full, span, described, ent.label_, table.find(text, ent.ent_id_), text)
    for rule in RULES:
        found = rule(span, ctx)
        if found is not None:
            return found
    return []


# Labels the model gives a state's bare name now and then ("Niger" WORK_OF_ART, "Chad" PRODUCT).
MISLABELLED_STATES = frozenset({"EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "LANGUAGE"})


def _outlet_or_office(table: AliasTable, doc: Doc, ent: Span) -> list[_Mention]:
    """An EVENT, WORK_OF_ART or PRODUCT span that ends in a newspaper's word ("according to the
    Sydney Morning Herald") or an organisation's head word ("Ukraine's Coordination
    Headquarters") is an organisation; a state's whole name is the state, whatever its label;
    any other non-actor label is nothing."""
    if ent.label_ in MISLABELLED_STATES and gazetteer.country_by_name(ent.text) is not None:
        # "ECOWAS suspended Niger" with "Niger" tagged WORK_OF_ART: a state's whole name is the state
        return typed_mentions(table, doc, Span(doc, ent.start, ent.end, label="GPE"))
    if ent.label_ in {"EVENT", "WORK_OF_ART", "PRODUCT"} and len(ent) > 1 and (
            ent[-1].text in NEWS_OUTLET_WORDS or ent[-1].text.istitle() and ent[-1].lower_ in ORG_HEAD_WORDS):
        return typed_mentions(table, doc, Span(doc, ent.start, ent.end, label="ORG"))
    return []


def _state_mention(ctx: TypingContext, country, source: str) -> _Mention:
    return _Mention(type="Country", key=slug(country.name), label=country.name, source=source, **ctx.base)


def _owned_organ(ctx: TypingContext, label: str) -> list[_Mention]:
    return [_Mention(type="Organization", key=org_key(label), label=label, source="owned", **ctx.base)]


# -- 1-2: not an actor's name ----------------------------------------------------------------
# Head words of the names of agreements and texts ("the Minsk Agreement", "the Treaty of
# Alliance", "the Abraham Accords", "Resolution 2231"): what parties sign or vote on, no party.
DOCUMENT_HEADS = frozenset({"treaty", "treaties", "accord", "accords", "agreement", "agreements", "convention",
                            "conventions", "pact", "charter", "declaration", "protocol", "memorandum", "resolution"})


def document_name(span: Span, ctx: TypingContext) -> list[_Mention] | None:
    """'the Minsk Agreement', 'the Treaty of Alliance', 'Resolution 2231': the name of an
    agreement or a text, no actor (not 'the North Atlantic Treaty Organization')."""
    words = [w.lower() for w in ctx.text.split() if w.lower() != "the"]
    if not words:
        return None
    if words[-1] in DOCUMENT_HEADS or (words[0] in DOCUMENT_HEADS and (len(words) == 1 or words[1] in {
            "of", "on", "for", "between"} or words[1].isdigit())):
        return []
    return None


def event_name(span: Span, ctx: TypingContext) -> list[_Mention] | None:
    """'the Boston Marathon', 'the Women's World Cup': an event's name, not an actor; a place it
    starts with is still a place ("Boston")."""
    if span[-1].lower_ not in EVENT_HEADS or len(span) < 2:
        return None
    for n in range(len(span) - 1, 0, -1):
        head = span[:n]
        if gazetteer.country_by_name(head.text) or gazetteer.place_by_name(head.text):
            return typed_mentions(ctx.table, ctx.doc, Span(ctx.doc, head.start, head.end, label="GPE"))
    return []


# Time zones, which the model tags ORG in a time ("at 0000 GMT", "1400 UTC").
TIME_ZONES = frozenset({"GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "CET", "CEST",
                        "EET", "EEST", "WET", "BST", "IST", "JST", "KST", "MSK", "EAT", "WAT", "CAT", "AEST"})


def no_name(span: Span, ctx: TypingContext) -> list[_Mention] | None:
    """Headline fragments across lines; lower-case junk; a time zone; a form of state alone."""
    return [] if "\n" in ctx.text or not any(c.isupper() for c in ctx.text) or ctx.text in TIME_ZONES \
        or ctx.text.lower() in STATE_FORMS else None


def title_tagged_as_name(span: Span, ctx: TypingContext) -> list[_Mention] | None:
    """'National Security Adviser' tagged ORG: a capitalised title, no organisation's name
    (its last word is a person's title, and no word makes it an organisation's)."""
    words = ctx.text.split()
    if ctx.label != "ORG" or len(words) < 2 or words[-1].lower() not in PERSON_TITLES_HEADS \
            or any(w.lower() in ORG_NAME_WORDS for w in words):
        return None
    return []


# -- 3: the alias table ----------------------------------------------------------------------
def state_body_of_alias(span: Span, ctx: TypingContext) -> list[_Mention] | None:
    """'Kyrgyzstan's Security Council', 'the Russian Security Council': a state's own body, not
    the one the alias table means by the bare name (the UN's)."""
    alias = ctx.alias
    if alias is None or alias.type != "Organization" or alias.label == ctx.text \
            or not alias.label.startswith(SUPRANATIONAL_PREFIXES) or (owner := _state_owner(span)) is None:
        return None
    return _owned_organ(ctx, f"{owner.name} {ctx.text}")


def alias_building(span: Span, ctx: TypingContext) -> list[_Mention] | None:
    """'talks at the Kremlin', 'a reception at Downing Street': the building, where the same name
    acting ("the Kremlin said") is the state."""
    alias = ctx.alias
    if alias is not None and alias.type == "Country" and _locative(span) \
            and gazetteer.country_by_name(ctx.text) is None and alias.label.lower() != ctx.text.lower():
        return [_Mention(type="Place", source="alias", **ctx.base)]
    return None


def alias_entry(span: Span, ctx: TypingContext) -> list[_Mention] | None:
    """A surface the alias table knows is its actor."""
    alias = ctx.alias
    if alias is None:
        return None
    country = alias.type == "Country"
    key = _country_key(alias.label) if country else slug(alias.label)
    label = _country_label(alias.label) if country else alias.label
    return [_Mention(type=alias.type, key=key, label=label, source="alias", **ctx.base)]


# -- 4-5: relabel digits; spans with several names --------------------------------------------
def digits_make_organisations(span: Span, ctx: TypingContext) -> None:
    """(Relabels.) 'M23' tagged GPE: places, people and peoples have no digits in their names."""
    if ctx.label in {"GPE", "LOC", "PERSON", "NORP"} and any(c.isdigit() for c in ctx.text):
        ctx.label = "ORG"


def slash_names(span: Span, ctx: TypingContext) -> list[_Mention] | None:
    """'Wikimedia Commons/Kremlin.ru': two names in one span."""
    return list(_split_slash(span, ctx.label)) if "/" in ctx.text and len(span) > 1 else None


def bracketed_name(span: Span, ctx: TypingContext) -> list[_Mention] | None:
    """'Bolivarian National Armed Forces (FANB': the name, and its acronym as an alias."""
    if " (" in ctx.text or ctx.text.endswith("("):
        return list(_split_parenthetical(ctx.table, ctx.doc, ctx.ent, span))
    return None


def hyphenated_states(span: Span, ctx: TypingContext) -> list[_Mention] | None:
    """'U.S.-Russia relations': a mention of each state."""
    if ctx.label in {"GPE", "LOC", "NORP", "ORG"} and re.search(r"[\w.][-–]\w", ctx.text):
        parts = gazetteer.split_hyphenated(ctx.text)
        if parts:
            return list(_split_mentions(span, parts))
    return None


def _split_parenthetical(table: AliasTable, doc: Doc, ent: Span, span: Span) -> list[_Mention]:
    """The name before " (" and the short form inside the brackets, as one entity."""
    cut = next((t.i for t in span if t.text == "("), None)
    if cut is None or cut == span.start:
        return []
    head = doc[span.start:cut]
    inner_end = next((t.i for t in doc[cut + 1:min(len(doc), cut + 8)] if t.text == ")"), None)
    inner = doc[cut + 1:inner_end] if inner_end else doc[cut + 1:span.end]
    out = typed_mentions(table, doc, Span(doc, head.start, head.end, label=ent.label_))
    if len(inner) and inner.text.replace(".", "").isupper():
        for m in typed_mentions(table, doc, Span(doc, inner.start, inner.end, label=ent.label_)):
            m.source, m.link = "parenthetical", head.start_char
            out.append(m)
    return out


# -- 6-8: states, capitals, places and titled people, whatever the label -----------------------
def state_by_name(span: Span, ctx: TypingContext) -> list[_Mention] | None:
    """A lone state name is the state even when the model calls it a person ("Niger"); so is a
    demonym ("Ugandan" tagged GPE, "Bangladeshi officials" PERSON, "Armenian and Azerbaijani
    troops" with the second PERSON)."""
    label, text = ctx.label, ctx.text
    country = gazetteer.country_by_name(text) if label != "PERSON" or len(span) == 1 else None
    mod = span.root
    while mod.dep_ == "conj" and mod.head.i != mod.i:
        mod = mod.head  # "Armenian and Azerbaijani troops": the conjunct of a modifier modifies too
    if country is None and len(span) == 1 and (label in {"GPE", "LOC", "ORG"} or (
            label == "PERSON" and mod.dep_ in {"amod", "compound"}
            and mod.head.pos_ in {"NOUN", "PROPN"} and mod.head.ent_type_ != "PERSON")):
        country = gazetteer.country_by_demonym(text)
    if country is not None and (label in {"GPE", "LOC", "ORG", "NORP"} or not _titled(span)):
        return [_state_mention(ctx, country, "gazetteer"), *_national_group(span, country)]
    return None


def capital_taken_for_name(span: Span, ctx: TypingContext) -> None:
    """(Relabels.) 'Bamako said', 'talks in Dushanbe', 'Kigali denies' (tagged NORP): a capital
    the model took for a name or a nationality."""
    if ctx.label in {"PERSON", "ORG", "NORP"} and not _titled(span) \
            and gazetteer.country_by_capital(ctx.text) is not None and gazetteer.country_by_demonym(ctx.text) is None:
        ctx.label = "GPE"


def known_place_after_preposition(span: Span, ctx: TypingContext) -> list[_Mention] | None:
    """'in Goma' tagged PERSON or ORG: a known place after a locative preposition."""
    if ctx.label in {"PERSON", "ORG"} and _locative(span):
        place = gazetteer.place_by_name(ctx.text)
        if place is not None and place.kind in {"city", "region", "us_state"}:
            return [_Mention(type="Place", source="gazetteer", **ctx.base)]
    return None


def titled_person(span: Span, ctx: TypingContext) -> list[_Mention] | None:
    """'Chancellor Olaf Scholz' tagged ORG: a person's title before it says it is a person."""
    if ctx.label in {"ORG", "GPE", "FAC", "LOC"} and _titled(span) and gazetteer.place_by_name(ctx.text) is None:
        return [_Mention(type="Person", source="titled", **ctx.base)]
    # A state leader's title inside the span ("PM Modi" tagged ORG): the rest is a person's name.
    if ctx.label == "ORG" and len(span) > 1 and span[0].lower_ in LEADER_TITLE_PHRASES and span[0].lower_ in HONORIFICS \
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in COMMON_NOUNS for t in span[1:]):
        return typed_mentions(ctx.table, ctx.doc, Span(ctx.doc, span.start, span.end, label="PERSON"))
    return None


def apposed_title_person(span: Span, ctx: TypingContext) -> list[_Mention] | None:
    """'Nino Beridze, the foreign minister of Georgia' or 'the foreign minister of Georgia,
    Nino Beridze' tagged GPE: a name of two words or more in apposition with a person's title
    is a person (when no gazetteer knows it as a place)."""
    if ctx.label not in {"GPE", "LOC", "FAC"} or len(span) < 2 or not all(t.text[:1].isupper() for t in span) \
            or gazetteer.place_by_name(ctx.text) is not None or gazetteer.country_by_name(ctx.text) is not None:
        return None
    if _title_apposed(span.root):
        return [_Mention(type="Person", source="titled", **ctx.base)]
    return None


def _title_apposed(root: Token) -> bool:
    """A person's title in apposition with the name, in either order ("X, the foreign
    minister of Y"; "its spokesman, X")."""
    apposed = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    return any(t.lemma_.lower() in APPOSED_PERSON_HEADS for t in apposed)


# -- 9: the label's own rules ------------------------------------------------------------------
def norp(span: Span, ctx: TypingContext) -> list[_Mention] | None:
    """A demonym is its state (and maybe a national group); another NORP a group, when it names
    one ("Shiites", "Central Asian migrants")."""
    if ctx.label != "NORP":
        return None
    country = gazetteer.country_by_demonym(ctx.text)
    if country is not None:
        return [_state_mention(ctx, country, "demonym"), *_national_group(span, country)]
    group = _group_phrase(span)
    if group is None:
        return []
    return [_Mention(start=group.start_char, end=group.end_char, text=group.text, type="Group", token=group.root.i)]


def gpe(span: Span, ctx: TypingContext) -> list[_Mention] | None:
    """A GPE is a place, unless a capital or a seat acts for its government ("Brussels said":
    the EU's seat speaks for the EU, not for Belgium)."""
    if ctx.label != "GPE":
        return None
    if ctx.text in CAPITAL_ACTORS and _acts(span):
        key, etype = CAPITAL_ACTORS[ctx.text]
        return [_Mention(type=etype, key=slug(key), label=key, source="seat", **ctx.base)]
    capital = gazetteer.country_by_capital(ctx.text)
    if capital is not None and _acts(span):
        return [_state_mention(ctx, capital, "capital")]
    return [_Mention(type="Place", **ctx.base)]


def place_or_street(span: Span, ctx: TypingContext) -> list[_Mention] | None:
    """LOC and FAC are places, and so is "the Pan-American Highway" tagged ORG."""
    if ctx.label in {"LOC", "FAC"} or ctx.label in {"ORG", "PERSON"} and len(span) > 1 \
            and span[-1].lower_ in STREET_WORDS:
        return [_Mention(type="Place", **ctx.base)]
    return None


def state_government(span: Span, ctx: TypingContext) -> list[_Mention] | None:
    """'the British Government': the state, named by "British" as in "the British government"."""
    if ctx.label != "ORG" or len(span) != 2 or span[1].lower_ not in STATE_DESCRIPTIONS | {"administration", "cabinet"}:
        return None
    state = gazetteer.country_by_demonym(span[0].text) or gazetteer.country_by_name(span[0].text)
    if state is None:
        return None
    return [_Mention(start=span.start_char, end=span[0].idx + len(span[0].text), text=span[0].text,
                     type="Country", key=slug(state.name), label=state.name, source="demonym", token=span[0].i)]


def person_by_apposition(span: Span, ctx: TypingContext) -> list[_Mention] | None:
    """'Ana Lucía Berrocal, the head of the OAS mission' or 'its spokesman, Hilal Al Rawahi'
    tagged ORG (and cut short): a person's apposition says it is a person; the name runs back
    over its first name."""
    if ctx.label != "ORG" or {w.lower() for w in ctx.text.split()} & ORG_NAME_WORDS or not _title_apposed(span.root):
        return None
    doc, start = ctx.doc, span.start
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text.istitle() \
            and not doc[start - 1].ent_type_ and not doc[start - 1].is_stop:
        start -= 1
    name = doc[start:span.end]
    return [_Mention(start=name.start_char, end=name.end_char, text=name.text, type="Person", token=name.root.i)]


# Words that open or join the names of movements as often as people's ("Abu Sayyaf", "Ansar
# Allah", "Fatah al-Islam"): a name with one is left to the other rules.
MOVEMENT_NAME_PARTICLES = frozenset({"al", "el", "ad", "as", "ash", "abu", "ansar", "fatah", "saraya", "bin", "ibn"})


def given_name_person(span: Span, ctx: TypingContext) -> list[_Mention] | None:
    """'Moussa Faki Mahamat' tagged ORG: a name of two to four capitalised words that opens with
    a given name of clear gender (genders.py) and has no word of an organisation's, a place's or
    a movement's name is a person's."""
    words = ctx.text.split()
    if ctx.label != "ORG" or not 2 <= len(words) <= 4 or given_name_gender(ctx.text) is None:
        return None
    lower = [w.lower() for w in words]
    if not all(w.isalpha() and w.istitle() for w in words) or set(lower) & (ORG_NAME_WORDS | ORG_HEAD_WORDS) \
            or set(lower) & MOVEMENT_NAME_PARTICLES or any(w.startswith(("al-", "el-")) for w in lower) \
            or any(gazetteer.country_named(w) or gazetteer.place_by_name(w) for w in words):
        return None
    return [_Mention(type="Person", **ctx.base)]


def organisation(span: Span, ctx: TypingContext) -> list[_Mention] | None:
    """An ORG: a seat of government is its state; a generic organ ("the Russian Foreign
    Ministry", "Azerbaijan's Ministry of Defence") its state's; a name the text calls a party or
    alliance keeps its noun; else an organisation."""
    if ctx.label != "ORG":
        return None
    text = ctx.text
    seat = gazetteer.country_by_seat(text) or (gazetteer.country_by_capital(text) if _acts(span) else None)
    if seat is not None:
        return [_state_mention(ctx, seat, "seat")]
    first, _, rest = text.partition(" ")
    lead = gazetteer.country_by_demonym(first) or gazetteer.country_by_name(first) if rest else None
    if not ctx.described and lead is not None and _generic_organ(rest):
        return _owned_organ(ctx, f"{lead.name} {rest}")  # the same key as "Russia's Foreign Ministry"
    if not ctx.described and _generic_organ(text) and (owner := _state_owner(span)) is not None:
        return _owned_organ(ctx, f"{owner.name} {text}")  # one state's organ, not every state's
    if not ctx.described and text.lower() in BARE_FORCES:
        return []  # "Army spokesman X": a bare organ word names no body; references.py reads it
    if ctx.described:  # the mention keeps its noun ("Kobakhidze, of the governing Georgian Dream party")
        full = ctx.full
        return [_Mention(type="Organization", source="described", key=org_key(text), label=text,
                         start=full.start_char, end=full.end_char, text=full.text, token=full.root.i)]
    return [_Mention(type="Organization", **ctx.base)]


# A state's forces named by their bare word, which the model tags ORG at a sentence start
# ("Army spokesman X said"): no body of their own (not "the Council", which may be short for a
# named one).
BARE_FORCES = frozenset({"army", "military", "police", "gendarmerie", "forces"})


# -- 10: what is left is a person --------------------------------------------------------------
def common_noun(span: Span, ctx: TypingContext) -> list[_Mention] | None:
    """'State', 'Murder', 'Police' tagged PERSON: a lone noun of the project's word lists (an
    organ, a group, a place or event noun, an event's trigger) is a person only as the short name
    of one the article names in full ("Guard" for "Anton Guard"): a weak person."""
    if ctx.label == "PERSON" and len(span) == 1 and span[0].is_alpha \
            and (span[0].lower_ in COMMON_NOUNS or span[0].lemma_.lower() in COMMON_NOUNS):
        return [_Mention(type="Person", source="weak", **ctx.base)]
    return None


def weak_adjective(span: Span, ctx: TypingContext) -> list[_Mention] | None:
    """'regional Salafi organizations': an adjective the model took for a name."""
    head = span.root.head
    if len(span) == 1 and span.root.dep_ in {"amod", "compound"} and head.pos_ == "NOUN" \
            and head.tag_ in {"NNS", "NN"} and not head.text[:1].isupper():
        return [_Mention(type="Person", source="weak", **ctx.base)]
    return None


def described_organisation(span: Span, ctx: TypingContext) -> list[_Mention] | None:
    """'KADEM, the largest women's association in Turkey' tagged PERSON: an organisation's noun
    in apposition says that an acronym is an organisation (a person's name of several words
    keeps its tag: the parser hangs appositions on the wrong name as often as not)."""
    if ctx.label != "PERSON" or len(span) != 1 or not span[0].is_upper or _titled(span):
        return None
    root = span.root
    apposed = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    if any(t.lemma_.lower() in DESCRIBED_ORG_HEADS and t.pos_ == "NOUN" for t in apposed):
        return [_Mention(type="Organization", key=org_key(ctx.text), label=ctx.text, **ctx.base)]
    return None


def person(span: Span, ctx: TypingContext) -> list[_Mention]:
    return [_Mention(type="Person", **ctx.base)]


RULES: tuple[Rule, ...] = (
    event_name, document_name, no_name, title_tagged_as_name,
    state_body_of_alias, alias_building, alias_entry,
    digits_make_organisations, slash_names, bracketed_name, hyphenated_states,
    state_by_name, capital_taken_for_name, known_place_after_preposition, titled_person, apposed_title_person,
    norp, gpe, place_or_street, state_government, person_by_apposition, given_name_person, organisation,
    described_organisation, common_noun, weak_adjective, person,
)
