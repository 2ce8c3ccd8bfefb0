"""The event lexicon: event classes (``data/event_classes.tsv``) and trigger words
(``data/triggers.tsv``), read once, and how each class behaves in the rules."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

# Verbs by which the subject makes an event of these classes: agreements, truces and talks
# are made by whoever signs, reaches, extends or resumes them ("the two sides agreed to
# extend a fragile ceasefire"), sanctions by whoever approves or adopts them.
_PACT_VERBS = frozenset({"sign", "reach", "extend", "agree", "conclude", "renew", "seal", "finalize",
                         "finalise", "resume", "observe", "respect"})
MAKING_VERBS = {
    "agreement": _PACT_VERBS, "ceasefire": _PACT_VERBS, "negotiate": _PACT_VERBS, "meet": _PACT_VERBS,
    "sanction": frozenset({"approve", "adopt", "impose", "extend", "announce", "agree", "slap", "tighten",
                           "expand", "renew", "level"}),
}
# CAMEO roots of violent events (assault, fight, mass violence).
ATTACK_ROOTS = frozenset({"18", "19", "20"})
# Classes that name one violent happening under different words ("the bombing", "this
# attack", "the blast"): coreference is allowed across them, not with military campaigns.
ATTACK_CLASSES = frozenset({"attack", "bombing", "assassinate", "kill", "injure", "mass_killing", "abduct"})
# Classes that need two named parties: a phone call with nobody at the other end is another
# sense of "call".
COUNTERPART_CLASSES = frozenset({"phone_call"})
# Speech-act classes whose object may be the real event ("announced sanctions").
CONTENT_CLASSES = frozenset({"statement", "pledge", "appeal"})
# Classes whose noun's possessor undergoes the act ("Bazoum's release", "Navalny's arrest",
# "Khashoggi's killing") when it is a person; a state's possessive still acts ("Russia's
# invasion").
PATIENT_POSSESSOR_CLASSES = frozenset({"release", "arrest", "abduct", "kill", "assassinate", "injure",
                                       "expel", "convict"})
# Classes of giving: their recipient is a "to" phrase, wherever the parser hung it.
TRANSFER_CLASSES = frozenset({"pledge", "aid", "support"})
# Classes that judge an act, and so its author ("condemned the attack").
JUDGING_CLASSES = frozenset({"criticize", "condemn", "praise", "support", "oppose"})
# Replies whose object may be an earlier act of another actor ("rejected the request").
ANSWER_CLASSES = frozenset({"reject", "deny"})
# Families of classes whose mentions may corefer (see _same_family).
COREF_FAMILIES = (ATTACK_CLASSES, frozenset({"meet", "negotiate", "mediate"}))
# Noun triggers of these classes name a standing stance ("Russia's support of Assad"), not a
# happening: they yield relations but no event node.
STANCE_CLASSES = frozenset({"support", "cooperate", "aid", "praise", "criticize", "reject",
                            "reduce_relations"})
# Classes that name a stance whatever the trigger's part of speech: "opposes", "stood against"
# describe a position held, not a happening, so they too give relations and no event node.
STATE_CLASSES = frozenset({"oppose"})


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
    name: str
    cameo: str | None
    predicate: str | None
    symmetric: bool
    quad_class: int | None = None
    goldstein: float | None = None
    kairos: str | None = None


def _data_rows(name: str) -> list[dict[str, str]]:
    text = resources.files("newsgraph.extract").joinpath(f"data/{name}").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@cache
def event_classes() -> dict[str, EventClass]:
    out = {}
    for row in _data_rows("event_classes.tsv"):
        out[row["class"]] = EventClass(
            name=row["class"], cameo=row.get("cameo") or None, predicate=row.get("predicate") or None,
            symmetric=(row.get("symmetric") or "").strip().lower() in {"yes", "true", "1"},
            quad_class=int(row["quad_class"]) if row.get("quad_class") else None,
            goldstein=float(row["goldstein"]) if row.get("goldstein") else None,
            kairos=row.get("kairos") or None)
    return out


@cache
def trigger_lexicon() -> dict[tuple[str, str], tuple[Trigger, ...]]:
    """(lemma, POS) -> triggers, constrained ones first so they win over the plain sense."""
    classes = event_classes()
    table: dict[tuple[str, str], list[Trigger]] = {}
    for row in _data_rows("triggers.tsv"):
        if row["class"] not in classes:
            continue
        trig = Trigger(lemma=row["lemma"].strip().lower(), pos=row["pos"].strip().upper(),
                       event_class=row["class"],
                       cameo=(row.get("cameo") or "").strip() or classes[row["class"]].cameo,
                       requires=(row.get("requires") or "").strip(),
                       confidence=float(row.get("confidence") or 0.5))
        table.setdefault((trig.lemma.split()[0], trig.pos), []).append(trig)
    return {k: tuple(sorted(v, key=lambda t: (t.requires == "", -t.confidence))) for k, v in table.items()}
