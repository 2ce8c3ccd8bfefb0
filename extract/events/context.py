"""Participants from context: what a sentence leaves out that the article says elsewhere.

A clash reported without its parties ("fighting resumed on Tuesday", "the clashes left six
dead") is, in a conflict report, a clash between the article's belligerents: the two actors
that its other armed acts set against each other. The parties so found are marked
(``_Event.inferred``) and the event's confidence is lowered (``CONTEXT_CONFIDENCE``)."""

from __future__ import annotations

from collections import Counter

from .draft import _add, _Event, is_unnamed

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
        if len(named) >= 2:
            continue
        pair = pair or belligerents(events, entities)
        if pair is None:
            return
        if named and named[0] not in pair:
            continue
        _add(ev, "participant", [k for k in pair if k not in named])
        ev.sides.update({pair[0]: 0, pair[1]: 1})
        ev.inferred = True
