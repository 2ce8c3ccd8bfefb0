"""Participants from context: what a sentence leaves out that the article says elsewhere.

A clash reported without its parties ("fighting resumed on Tuesday", "the clashes left six
dead") is, in a conflict report, a clash between the article's belligerents: the two actors
that its other armed acts set against each other. An act said to go on without its parties
("the shelling continued overnight", "protests resumed") is the act of the same kind that the
sentences just before told, with its parties. An armed act by one belligerent that names no
one it is done to ("Moscow's invasion") is done to the other. The parties so found are marked
(``_Event.inferred``) and the event's confidence is lowered (``CONTEXT_CONFIDENCE``)."""

from __future__ import annotations

from collections import Counter

from ..doccache import sentences
from .draft import _add, _Event, _named, is_unnamed
from .lexicon import event_classes, same_family

# Classes of mutual armed clashes whose parties may come from the article's belligerents.
CLASH_CLASSES = frozenset({"fight"})
# CAMEO roots of the armed acts whose two sides make the belligerents (assault, fight, mass violence)
ARMED_ROOTS = frozenset({"18", "19", "20"})
# ... but not a blockade or an occupation: a state imposed on a party, not an exchange of fire
# ("the U.S. occupation of Iraq" in a report on Iraqi forces fighting militias).
NOT_FIGHTING_CODES = frozenset({"191", "192"})
# Entity types that can be belligerents (not people, not places).
BELLIGERENT_TYPES = frozenset({"Country", "Organization", "Group"})
# An event whose parties come from context keeps this share of its trigger's confidence.
CONTEXT_CONFIDENCE = 0.6
# Verbs that say an act goes on: their event-noun subject continues an act told before
# ("the shelling continued", "protests resumed", "the violence escalated").
CONTINUING_VERBS = frozenset({"continue", "resume", "persist", "intensify", "escalate", "rage", "spread"})
# How many sentences back the act that goes on may have been told.
CONTINUING_REACH = 2
# How far back an act done "also" to someone finds the agent it adds to (a paragraph).
ALSO_REACH = 5
# The roles a continuing act takes over.
PARTY_ROLES = ("agent", "target", "victim", "participant")


def belligerents(events: list[_Event], entities: dict) -> tuple[str, str] | None:
    """The article's two belligerents: the pair of actors found most often on opposite sides of
    its asserted armed acts (agent and target of an attack, the two sides of a clash); None
    when there is no such pair or two pairs tie."""
    pairs: Counter[frozenset[str]] = Counter()
    for ev in events:
        code = ev.trig.cameo or ""
        if ev.factuality != "asserted" or code[:2] not in ARMED_ROOTS or code in NOT_FIGHTING_CODES:
            continue
        for a, b in _opposed(ev, entities):
            pairs[frozenset((a, b))] += 1
    ranked = pairs.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    a, b = sorted(ranked[0][0])
    return a, b


def _opposed(ev: _Event, entities: dict) -> list[tuple[str, str]]:
    """The pairs of actors an armed act sets against each other."""
    def actors(*roles: str) -> list[str]:
        return [k for r in roles for k in ev.roles.get(r, [])
                if not is_unnamed(k) and k in entities and entities[k].type in BELLIGERENT_TYPES]
    parties = actors("participant")
    left = [k for k in parties if ev.sides.get(k, 1) == 0]
    right = [k for k in parties if ev.sides.get(k, 1) == 1]
    if parties and not (left and right):  # "A and B exchanged fire": one side, each against each
        return [(a, b) for i, a in enumerate(parties) for b in parties[i + 1:]]
    if not parties:
        left, right = actors("agent"), actors("target", "victim")
    return [(a, b) for a in left for b in right if a != b]


def clash_parties_from_context(events: list[_Event], entities: dict) -> None:
    """Give an asserted clash that names fewer than two parties the article's belligerents,
    when those include the party it names (if any)."""
    pair = None
    for ev in events:
        if ev.trig.event_class not in CLASH_CLASSES or ev.factuality != "asserted":
            continue
        named = [k for k in ev.roles.get("participant", []) if not is_unnamed(k)]
        if len(named) >= 2 or (not named and _against_someone(ev)):
            continue  # ("the fight against terrorism": a fight whose other side it says)
        pair = pair or belligerents(events, entities)
        if pair is None:
            return
        if named and named[0] not in pair:
            continue
        _add(ev, "participant", [k for k in pair if k not in named])
        ev.sides.update({pair[0]: 0, pair[1]: 1})
        ev.inferred = True


def _against_someone(ev: _Event) -> bool:
    """A clash whose trigger names the side it is against ("the fight against the menace of
    terrorism"): not one between the article's belligerents."""
    return any(c.dep_ == "prep" and c.lower_ == "against" for t in ev.tokens for c in t.children)


def opponent_from_context(events: list[_Event], entities: dict) -> None:
    """Give an asserted armed act by one of the article's belligerents that names no one it is
    done to ("Moscow's invasion", "Russian shelling overnight") the other belligerent."""
    pair = None
    for ev in events:
        code = ev.trig.cameo or ""
        if ev.factuality != "asserted" or code[:2] not in ARMED_ROOTS or event_classes()[ev.trig.event_class].symmetric \
                or _named(ev, "target", "victim", "participant") or ev.inferred:
            continue
        agents = [k for k in ev.roles.get("agent", []) if not is_unnamed(k)]
        if len(agents) != 1:
            continue
        pair = pair or belligerents(events, entities)
        if pair is None:
            return
        if agents[0] in pair:
            _add(ev, "target", [k for k in pair if k != agents[0]])
            ev.inferred = True


def continuing_parties_from_context(events: list[_Event]) -> None:
    """Give an act said to go on ("the shelling continued overnight") that names no party the
    parties of the latest asserted act of its class or coreference family told in the
    ``CONTINUING_REACH`` sentences before it."""
    if not events:
        return
    sent_of = sentences(events[0].tokens[0].doc)[0]
    for i, ev in enumerate(events):
        tok = ev.tokens[0]
        if ev.factuality != "asserted" or tok.pos_ != "NOUN" or tok.dep_ != "nsubj" \
                or tok.head.lemma_ not in CONTINUING_VERBS or _named(ev, *PARTY_ROLES):
            continue
        # The latest mention before this one of each asserted act of its kind with parties.
        before = {id(p): max(t.i for t in p.tokens if t.i < tok.i) for p in events[:i]
                  if p.factuality == "asserted" and _named(p, *PARTY_ROLES)
                  and same_family(p.trig.event_class, ev.trig.event_class)}
        earlier = [p for p in events[:i] if id(p) in before
                   and sent_of[tok.i] - sent_of[before[id(p)]] <= CONTINUING_REACH]
        if not earlier:
            continue
        prev = max(earlier, key=lambda p: before[id(p)])
        for role in PARTY_ROLES:
            _add(ev, role, [k for k in prev.roles.get(role, []) if not is_unnamed(k)])
        ev.sides.update(prev.sides)
        ev.inferred = True


def also_acts_from_context(events: list[_Event]) -> None:
    """Give an act said to be done "also" to someone ("Also arrested were Ali Waheed and ...",
    "X was also detained") that names no agent the agent of the latest asserted act of its class
    with one in the ``ALSO_REACH`` sentences before it: "also" adds to what that agent did."""
    if not events:
        return
    sent_of = sentences(events[0].tokens[0].doc)[0]
    for i, ev in enumerate(events):
        tok = ev.tokens[0]
        if ev.factuality != "asserted" or tok.pos_ != "VERB" or ev.roles.get("agent") \
                or not any(c.dep_ == "advmod" and c.lower_ == "also" for c in tok.children):
            continue
        # (the latest mention before it of each such act)
        last = {id(p): max((t.i for t in p.tokens if t.i < tok.i), default=-1) for p in events[:i]
                if p.factuality == "asserted" and _named(p, "agent") and p.trig.event_class == ev.trig.event_class}
        earlier = [p for p in events[:i] if last.get(id(p), -1) >= 0
                   and sent_of[tok.i] - sent_of[last[id(p)]] <= ALSO_REACH]
        if earlier:
            prev = max(earlier, key=lambda p: last[id(p)])
            _add(ev, "agent", [k for k in prev.roles.get("agent", []) if not is_unnamed(k)])
            ev.inferred = True