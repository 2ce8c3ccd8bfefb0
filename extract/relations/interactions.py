"""Relations from the article's events: agent -> target for directed acts, every pair of
participants for symmetric ones (meetings, talks), and a promise for a cooperative act
announced for the future."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from newsgraph.graph.model import EventRecord, RelationRecord

from ..entities import records_in
from ..events import event_classes

# Event classes whose place, when it is a state and no target is named, is also their target
# ("the Russian intervention began in Syria"; an attack *in* a state need not be *on* it).
PLACE_AS_TARGET = frozenset({"military_operation"})
# Cooperative classes -> the CAMEO "express intent to ..." code of the same act announced for
# the future (CAMEO 03x).
# Directed acts only: a future meeting or agreement names its parties less reliably (who meets
# whom is often a plan reported by a third party), so it stays an event without a relation.
INTENT_CAMEO = {"support": "032", "aid": "033", "yield": "035", "release": "035", "ceasefire": "035",
                "mediate": "039"}


def interaction_relations(doc: Doc, events: list[EventRecord]) -> Iterator[RelationRecord]:
    """agent -> target for directed events, every pair of participants for meetings."""
    entities = records_in(doc)
    classes = event_classes()
    for ev in events:
        cls = classes.get(ev.event_class)
        if cls is not None and ev.factuality == "future" and ev.event_class in INTENT_CAMEO:
            yield from _intent_relations(ev, entities, classes)
            continue
        if cls is None or not cls.predicate or ev.factuality != "asserted":
            continue
        roles: dict[str, list[str]] = {}
        for role, key in ev.roles:
            roles.setdefault(role, []).append(key)
        evidence = ev.sentence or ev.triggers[0]
        conf = round(min(0.95, ev.confidence * 0.9), 3)
        if cls.symmetric:
            people = [k for k in roles.get("participant", []) + roles.get("agent", []) if k in entities]
            for a in people:
                for b in people:
                    if a != b:
                        yield RelationRecord(a, cls.predicate, b, evidence, conf, ev.cameo, ev.key, ev.reported_by)
            continue
        targets = roles.get("target", []) + roles.get("victim", [])
        if not targets and ev.place and ev.event_class in PLACE_AS_TARGET and \
                entities.get(ev.place) and entities[ev.place].type == "Country":
            targets = [ev.place]
        targets = [t for t in targets if t in entities]  # relations link entities, not unnamed participants
        agents = [a for a in roles.get("agent", []) if a in entities and entities[a].type != "Place"]
        if not targets and len(agents) >= 2 and cls.quad_class in (1, 2):
            # "Germany and Brazil pledged to deepen cooperation": co-agents of a cooperative
            # act with no other party act towards each other.
            for a in agents:
                for b in agents:
                    if a != b:
                        yield RelationRecord(a, cls.predicate, b, evidence, round(conf * 0.8, 3), ev.cameo,
                                             ev.key, ev.reported_by)
            continue
        for a in roles.get("agent", []):
            if entities.get(a) is None or entities[a].type == "Place":
                continue  # places do not act
            for t in targets:
                yield RelationRecord(a, cls.predicate, t, evidence, conf, ev.cameo, ev.key, ev.reported_by)


def _intent_relations(ev: EventRecord, entities: dict, classes: dict) -> Iterator[RelationRecord]:
    """A cooperative act announced for the future is not a done act but a done promise: CAMEO
    codes "Germany will contribute 200 million euros to the Fund" as 033 (express intent to
    provide aid), agent -> recipient, with the predicate of the class ``pledge``."""
    agents = [k for role, k in ev.roles if role == "agent" and k in entities and entities[k].type != "Place"]
    others = [k for role, k in ev.roles if role in {"target", "participant"} and k in entities]
    conf = round(min(0.95, ev.confidence * 0.9) * 0.8, 3)
    evidence = ev.sentence or ev.triggers[0]
    for a in agents:
        for t in others:
            if a != t:
                yield RelationRecord(a, classes["pledge"].predicate, t, evidence, conf, INTENT_CAMEO[ev.event_class],
                                     ev.key, ev.reported_by)
