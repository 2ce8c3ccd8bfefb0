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
# CAMEO root of contact (meet, call, visit): a contact's "with" party is its other end.
CONTACT_ROOT = "04"
# Contacts that go one way, from their agents to another party: make a visit, host a visit,
# mediate.
ONE_WAY_CONTACTS = frozenset({"042", "043", "045"})
# Contacts made by a third party between others: co-mediators never mediate between each other,
# whatever the sentence says of the act they broker ("a prisoner swap mediated by Qatar and Egypt").
THIRD_PARTY_CONTACTS = frozenset({"045"})
# CAMEO roots of acts whose "with" party is their other end: contact, and acts on the ties
# between two parties (material cooperation 06, reducing relations 16: "cut ties with X"), and
# a protest lodged with a party (disapproval 11: "lodged a protest with Japan").
WITH_ROOTS = frozenset({CONTACT_ROOT, "06", "11", "16"})
# Words (lemmas) by which a sentence says its agents act with each other: adverbs and
# adjectives of reciprocity, and verbs whose act is mutual by meaning ("exchanged prisoners").
RECIPROCAL_WORDS = frozenset({"together", "jointly", "mutual", "mutually", "bilateral", "bilaterally",
                              "reciprocal", "joint", "exchange", "swap", "trade"})
RECIPROCAL_PAIRS = frozenset({("each", "other"), ("one", "another")})

def interaction_relations(doc: Doc, events: list[EventRecord]) -> Iterator[RelationRecord]:
    """agent -> target for directed events; across the sides of a symmetric one (every pair of
    participants when they are one side); a promise (a cooperative act its agent announces for the future:
    extract/events/records.py) is a pledge event like any other."""
    entities = records_in(doc)
    classes = event_classes()
    for ev in events:
        cls = classes.get(ev.event_class)
        if cls is None or not cls.predicate or ev.factuality != "asserted":
            continue
        roles: dict[str, list[str]] = {}
        for role, key in ev.roles:
            roles.setdefault(role, []).append(key)
        evidence = ev.sentence or ev.triggers[0]
        conf = round(min(0.95, ev.confidence * 0.9), 3)
        # (A promise of a joint act keeps the act's parties: "Ghana and Togo agreed to cooperate
        # with each other" pledges between them, as the joint act would relate them.)
        joint = cls.symmetric or (ev.event_class == "pledge" and not roles.get("agent") and "participant" in roles)
        pairs = _symmetric_pairs(ev, roles, entities) if joint else \
            _directed_pairs(doc, ev, cls, roles, entities)
        for a, b, factor in pairs:
            yield RelationRecord(a, cls.predicate, b, evidence, round(conf * factor, 3), ev.cameo, ev.key,
                                 ev.reported_by)


def _symmetric_pairs(ev: EventRecord, roles: dict, entities: dict) -> Iterator[tuple[str, str, float]]:
    """A meeting or a fight: each party with each party of the other side ("A and B met with
    C": A-C and B-C, not A-B), both ways; among all parties when the text names one side."""
    if ev.sides:
        left, right = ([k for k in side if k in entities] for side in ev.sides)
        for a in left:
            for b in right:
                if a != b:
                    yield a, b, 1.0
                    yield b, a, 1.0
        return
    people = [k for k in roles.get("participant", []) + roles.get("agent", []) if k in entities]
    for a in people:
        for b in people:
            if a != b:
                yield a, b, 1.0


def _directed_pairs(doc: Doc, ev: EventRecord, cls, roles: dict, entities: dict) -> Iterator[tuple[str, str, float]]:
    """agent -> target. Without a target: the "with" party of a contact or of an act on the
    ties between two parties is its other end ("spoke by phone with X", "severed ties with X",
    "suspended cooperation with X"); co-agents of a cooperative act act towards each other
    only when the text says so ("pledged to deepen their mutual cooperation", "agreed to work
    together")."""
    root = (cls.cameo or "")[:2]
    # (co-agents of a visit, a hosting or a mediation act together, not towards each other:
    # "Russia and China sent delegations" is no visit of Russia to China)
    contact = root == CONTACT_ROOT and (ev.cameo or cls.cameo) not in ONE_WAY_CONTACTS
    targets = roles.get("target", []) + roles.get("victim", [])
    if not targets and ev.place and ev.event_class in PLACE_AS_TARGET and \
            entities.get(ev.place) and entities[ev.place].type == "Country":
        targets = [ev.place]
    if not targets and root in WITH_ROOTS:
        targets = roles.get("participant", [])
    targets = [t for t in targets if t in entities]  # relations link entities, not unnamed participants
    agents = [a for a in roles.get("agent", []) if a in entities and entities[a].type != "Place"]  # places do not act
    if not targets and len(agents) >= 2 and (cls.quad_class in (1, 2) and (
            contact or (_reciprocal(doc, ev) or _agreed_to(doc, ev, agents, entities))
            and (ev.cameo or cls.cameo) not in THIRD_PARTY_CONTACTS)
            or _reciprocal(doc, ev, pairs_only=True)):
        # (any act: "Armenia and Azerbaijan accused each other of breaking the truce")
        targets, factor = agents, 0.8
    else:
        factor = 1.0
    for a in agents:
        for t in targets:
            if a != t:
                yield a, t, factor


def _agreed_to(doc: Doc, ev: EventRecord, agents: list[str], entities: dict) -> bool:
    """Co-agents named in the sentence agreed with each other to do it ("India and China agreed
    to pull back troops"): agreeing is done with someone, so a promise agreed to by several is
    made to each other. (Not when the sentence names them only as "the two leaders".)"""
    sentence = ev.sentence or ev.triggers[0]
    if not all(any(sentence.start <= m.start and m.end <= sentence.end for m in entities[a].mentions) for a in agents):
        return False
    for trig in ev.triggers:
        span = doc.char_span(trig.start, trig.end, alignment_mode="expand")
        if span is not None and any(t.dep_ == "xcomp" and t.head.lemma_.lower() == "agree" for t in span):
            return True
    return False


def _reciprocal(doc: Doc, ev: EventRecord, pairs_only: bool = False) -> bool:
    """The event's sentence says its agents act with each other ("each other", "together",
    "mutual", "bilateral"; only "each other", "one another" with ``pairs_only``)."""
    sentence = ev.sentence or ev.triggers[0]
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    words = [t.lemma_.lower() for t in span] if span is not None else []
    pairs = set(zip(words, words[1:]))
    return (not pairs_only and any(w in RECIPROCAL_WORDS for w in words)) or bool(pairs & RECIPROCAL_PAIRS)


