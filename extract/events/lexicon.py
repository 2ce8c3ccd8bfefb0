"""The event lexicon: event classes (``data/event_classes.tsv``) and trigger words
(``data/triggers.tsv``), read once.

How each class behaves in the rules (who undergoes it, whether it counts casualties, which
mentions may corefer, which verbs make it ...) is a column of ``event_classes.tsv`` (its
header comment says what each column means), read into :class:`EventClass`; the rules ask
``event_classes()[name]``. The frozensets below (``ATTACK_CLASSES`` ...) are the same columns
as the sets of class names that ``events.py`` used to spell out, kept for importers."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .. import lexicon


# CAMEO quad classes of acts of words (1 verbal cooperation, 3 verbal conflict).
VERBAL_QUADS = frozenset({1, 3})

@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str  # head lemma, lower case
    pos: str  # VERB or NOUN
    event_class: str
    cameo: str | None
    requires: str  # "" or "kind:value" (see triggers.tsv header)
    confidence: float


@dataclass(frozen=True, slots=True)
class EventClass:
    """One row of ``event_classes.tsv`` (see its header comment for the columns)."""

    name: str
    cameo: str | None
    predicate: str | None
    symmetric: bool
    quad_class: int | None = None
    goldstein: float | None = None
    kairos: str | None = None
    undergoer: str = "target"  # "victim" | "target"
    casualties: str | None = None  # "killed" | "injured" | None
    coref_family: str | None = None  # "attack" | "talks" | "criticism" | None
    made_by: frozenset[str] = frozenset()
    stance: str | None = None  # "noun" | "always" | None
    needs_counterpart: bool = False
    content_object: bool = False
    possessor_undergoes: bool = False
    recipient_to: bool = False
    judges_act: bool = False
    answers_act: bool = False
    of_is_agent: bool = False
    territory_undergoes: frozenset[str] = frozenset()  # CAMEO codes of acts done to a territory
    intent: str | None = None  # CAMEO 03x code of the act announced for the future by its agent
    threat: str | None = None  # CAMEO 13x code of the act its own party announces (a threat)


def _yes(value: str | None) -> bool:
    return (value or "").strip().lower() in {"yes", "true", "1"}


@cache
def event_classes() -> dict[str, EventClass]:
    out = {}
    for row in lexicon.rows(lexicon.EVENT_CLASSES):
        out[row["class"]] = EventClass(
            name=row["class"], cameo=row.get("cameo") or None, predicate=row.get("predicate") or None,
            symmetric=_yes(row.get("symmetric")),
            quad_class=int(row["quad_class"]) if row.get("quad_class") else None,
            goldstein=float(row["goldstein"]) if row.get("goldstein") else None,
            kairos=row.get("kairos") or None,
            undergoer=row.get("undergoer") or "target",
            casualties=row.get("casualties") or None,
            coref_family=row.get("coref_family") or None,
            made_by=frozenset(v for v in (row.get("made_by") or "").split("|") if v),
            stance=row.get("stance") or None,
            intent=row.get("intent") or None,
            threat=row.get("threat") or None,
            territory_undergoes=frozenset(v for v in (row.get("territory_undergoes") or "").split("|") if v),
            **{flag: _yes(row.get(flag)) for flag in (
                "needs_counterpart", "content_object", "possessor_undergoes", "recipient_to", "judges_act",
                "answers_act", "of_is_agent")})
    return out


@cache
def trigger_lexicon() -> dict[tuple[str, str], tuple[Trigger, ...]]:
    """(lemma, POS) -> triggers, constrained ones first so they win over the plain sense."""
    classes = event_classes()
    table: dict[tuple[str, str], list[Trigger]] = {}
    for row in lexicon.rows(lexicon.TRIGGERS):
        if row["class"] not in classes:
            continue
        trig = Trigger(lemma=row["lemma"].strip().lower(), pos=row["pos"].strip().upper(),
                       event_class=row["class"],
                       cameo=(row.get("cameo") or "").strip() or classes[row["class"]].cameo,
                       requires=(row.get("requires") or "").strip(),
                       confidence=float(row.get("confidence") or 0.5))
        table.setdefault((trig.lemma.split()[0], trig.pos), []).append(trig)
    return {k: tuple(sorted(v, key=lambda t: (t.requires == "", -t.confidence))) for k, v in table.items()}


def same_family(a: str, b: str) -> bool:
    """Classes whose mentions can name one happening: the same class, two kinds of attack
    ("the bombing" ... "the attack"), or two words for talks ("negotiations" ... "the talks")
    (column coref_family of event_classes.tsv)."""
    if a == b:
        return True
    classes = event_classes()
    family = classes[a].coref_family if a in classes else None
    return family is not None and b in classes and classes[b].coref_family == family


def _classes_where(test) -> frozenset[str]:  # noqa: ANN001
    return frozenset(name for name, cls in event_classes().items() if test(cls))


# CAMEO roots of violent events (assault, fight, mass violence).
ATTACK_ROOTS = frozenset({"18", "19", "20"})
# CAMEO roots of appeals and demands: they are aimed at whoever is to do what they ask for.
APPEAL_ROOTS = frozenset({"02", "10"})
# The columns of event_classes.tsv as sets of class names (the names events.py had).
ATTACK_CLASSES = _classes_where(lambda c: c.coref_family == "attack")
COREF_FAMILIES = tuple(_classes_where(lambda c, f=f: c.coref_family == f)
                       for f in sorted({c.coref_family for c in event_classes().values() if c.coref_family}))
MAKING_VERBS = {name: cls.made_by for name, cls in event_classes().items() if cls.made_by}
_PACT_VERBS = MAKING_VERBS.get("agreement", frozenset())
COUNTERPART_CLASSES = _classes_where(lambda c: c.needs_counterpart)
CONTENT_CLASSES = _classes_where(lambda c: c.content_object)
PATIENT_POSSESSOR_CLASSES = _classes_where(lambda c: c.possessor_undergoes)
TRANSFER_CLASSES = _classes_where(lambda c: c.recipient_to)
JUDGING_CLASSES = _classes_where(lambda c: c.judges_act)
ANSWER_CLASSES = _classes_where(lambda c: c.answers_act)
STANCE_CLASSES = _classes_where(lambda c: c.stance == "noun")
STATE_CLASSES = _classes_where(lambda c: c.stance == "always")


def done_to_people(noun_lemma: str) -> bool:
    """Whether a noun names an act done to people ("release", "arrest", "killing"): its "of"
    phrase and a person's possessive are whom it is done to, not who does it."""
    return any(t.event_class in PATIENT_POSSESSOR_CLASSES for t in trigger_lexicon().get((noun_lemma, "NOUN"), ()))
