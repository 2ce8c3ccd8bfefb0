"""Records: the finished events and their unnamed participants as the immutable records
of :mod:`newsgraph.graph.model`."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.graph.model import EVENT_ROLES, EventRecord, ParticipantRecord
from newsgraph.graph.model import Span as TextSpan

from ..doccache import text as doc_text
from .context import CONTEXT_CONFIDENCE
from .draft import _Event, is_unnamed, unnamed_token
from .lexicon import event_classes, trigger_lexicon



def _participants(doc: Doc, events: list[_Event]) -> list[ParticipantRecord]:
    """The unnamed participants the events refer to, as records."""
    sites = {ev.place for ev in events if ev.place and is_unnamed(ev.place)}
    keys = sites | {k for ev in events for ks in ev.roles.values() for k in ks if is_unnamed(k)}
    out = []
    for key in sorted(keys, key=lambda k: unnamed_token(k)):
        head = doc[unnamed_token(key)]
        # The phrase up to its head: "eleven people", "a police training ground".
        left = min((t.i for t in head.subtree if t.i <= head.i and t.dep_ not in {"punct", "cc"}), default=head.i)
        span = doc[left:head.i + 1]
        while len(span) > 1 and span[0].dep_ in {"det", "predet"} and span[0].lower_ in {"the", "a", "an"}:
            span = span[1:]
        out.append(ParticipantRecord(key=key, label=span.text, kind="site" if key in sites else "actor",
                                     mention=TextSpan(span.start_char, span.end_char, span.text)))
    return out


def _cameo(ev: _Event, entities: dict) -> str | None:
    """The event's CAMEO code, refined by its agent: CAMEO keeps "conventional military force"
    (19) for states; an attack by anyone else is "unconventional violence" (180)."""
    code = ev.trig.cameo
    if ev.trig.event_class == "attack" and code == "190":
        agents = [entities.get(k) for k in ev.roles.get("agent", []) if not is_unnamed(k)]
        if not any(a is not None and a.type == "Country" for a in agents):
            return "180"
    return code


def _stance(ev: _Event) -> bool:
    """A standing stance, not a happening (column stance of event_classes.tsv): "opposes" is
    one whatever its form, "Russia's support" as a noun; a dated one, or one that a verb also
    tells ("the criticism ... condemned"), happened."""
    stance = event_classes()[ev.trig.event_class].stance
    nominal = ev.trig.pos == "NOUN" and not any(
        t.pos_ == "VERB" and (t.lemma_.lower(), "VERB") in trigger_lexicon() for t in ev.tokens)
    # "militias backed by Iran", "rebels supported by Rwanda": a participle that describes a
    # noun tells a standing tie, as the noun does ("Iran's backing").
    described = all(t.dep_ == "acl" and t.tag_ == "VBN" for t in ev.tokens)
    return (stance == "always" or (nominal or described) and stance == "noun") and not ev.date


def _record(index: int, ev: _Event, doc: Doc, entities: dict | None = None) -> EventRecord:
    triggers = tuple(sorted({TextSpan(t.idx, t.idx + len(t.text), t.text) for t in ev.tokens}))
    roles = tuple((role, key) for role in EVENT_ROLES
                  for key in ev.roles.get(role, []))
    first = ev.tokens[0]
    event_class, cameo, fact = ev.trig.event_class, _cameo(ev, entities or {}), ev.factuality
    intent = _intent(ev)
    if intent is not None:
        # A cooperative act its agent announces is not done yet, but the promise is.
        # (The parties of a joint act stay participants: in "Chile is committed to
        # cooperation with Peru" the parser may give Peru alone.)
        event_class, cameo, fact = "pledge", intent, "asserted"
    return EventRecord(
        key=f"e{first.idx}", event_class=event_class, cameo=cameo, triggers=triggers,
        roles=roles, place=ev.place, date=ev.date, factuality=fact,
        casualties=tuple(sorted(ev.casualties.items())),
        confidence=round(ev.trig.confidence * (CONTEXT_CONFIDENCE if ev.inferred else 1.0), 3),
        stance=_stance(ev) and event_class == ev.trig.event_class,
        reported_by=ev.reported_by, sides=_sides(ev),
        sentence=TextSpan(ev.sentence[0], ev.sentence[1], doc_text(doc)[ev.sentence[0]:ev.sentence[1]]))


def _intent(ev: _Event) -> str | None:
    """The CAMEO "express intent" code (03x) of a cooperative act announced for the future by
    a party to it ("Germany will contribute 200 million euros to the Fund": 033; column intent
    of event_classes.tsv), or None."""
    if ev.factuality != "future" or not (ev.roles.get("agent") or ev.roles.get("participant")):
        return None
    return event_classes()[ev.trig.event_class].intent


def _sides(ev: _Event) -> tuple[tuple[str, ...], ...]:
    """The two sides of a symmetric event's named participants, or () when they are one side."""
    parties = [k for k in ev.roles.get("participant", []) if not is_unnamed(k)]
    sides = tuple(tuple(k for k in parties if ev.sides.get(k, 1) == side) for side in (0, 1))
    if sides[0] and not sides[1] and len(sides[0]) > 1 and any(
            is_unnamed(k) and ev.sides.get(k, 1) == 1 for k in ev.roles.get("participant", [])):
        # "A's mission led by B was to meet with the junta": the named parties are one side of a
        # meeting whose other side is unnamed, not parties to each other
        return sides[0], ()
    return sides if all(sides) else ()
