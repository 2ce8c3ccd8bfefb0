"""Blame told as where responsibility lies: "Russia alone bears responsibility for this war",
"the responsibility lies with Tbilisi", "the cabinet laid responsibility for the incident on
Israel". Who bears it is accused (the target); who lays it, or else the speaker who says so,
accuses (the agent). Who bears none ("Kampala bears no responsibility") denies it."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from .argument_context import ArgContext, trigger_frame
from .draft import _Event
from .lexicon import event_classes, trigger_lexicon

# Verbs whose subject bears the responsibility ("X bears / carries / shoulders responsibility").
BEARING_VERBS = frozenset({"bear", "carry", "shoulder"})
# Verbs by which responsibility lies with someone ("lies with X", "rests on X").
LYING_VERBS = frozenset({"lie", "rest"})
# Verbs by which someone lays it on someone ("laid responsibility on X", "pinned it on X").
LAYING_VERBS = frozenset({"lay", "place", "put", "pin"})
# Prepositions that name the bearer after LYING_VERBS and LAYING_VERBS.
BEARER_PREPS = frozenset({"with", "on", "upon"})
# Nouns of harm that one can be blamed for, besides the event nouns of the trigger lexicon
# ("responsibility for the crisis"); a "for" phrase naming anything else is a duty
# ("bears responsibility for border security").
HARM_NOUNS = frozenset({"incident", "crisis", "violence", "situation", "death", "deaths", "escalation",
                        "conflict", "war", "failure", "collapse", "bloodshed", "tragedy", "chaos", "suffering",
                        "consequences", "consequence", "breakdown", "loss", "losses", "damage"})


def is_blame(ev: _Event) -> bool:
    """An accusation told by the noun "responsibility" on a verb of bearing, lying or laying."""
    return ev.trig.event_class == "accuse" and ev.trig.lemma == "responsibility"


def is_duty(tok: Token) -> bool:
    """Responsibility for something that is no harm or act is a duty, not a blame."""
    objects = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "for"
               for o in p.children if o.dep_ in {"pobj", "pcomp"}]
    return any(o.lower_ not in HARM_NOUNS and (o.lemma_.lower(), "NOUN") not in trigger_lexicon() for o in objects)


def blame_bearer(ctx: ArgContext) -> None:
    """The target of a blame is who bears the responsibility, not what it is for; the agent
    is who lays it (with a verb of laying), else nobody in the clause (``speaker_blames``)."""
    ev, tok = ctx.ev, ctx.tok
    if not is_blame(ev) or tok.head.i == tok.i:
        return
    verb = tok.head
    lemma = verb.lemma_.lower()
    if lemma in BEARING_VERBS:
        bearers = [tok.doc[i] for i in trigger_frame(verb).subjects()]
    else:
        # (The parser often hangs "on Israel" on the noun before it: "responsibility for the
        # incident on Israel"; the phrase is looked for in the verb's whole clause.)
        bearers = [o for p in verb.subtree if p.dep_ == "prep" and p.lower_ in BEARER_PREPS
                   for o in p.children if o.dep_ == "pobj"]
    targets = [k for b in bearers for k in ctx.fill(b)]
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children) or any(c.dep_ == "neg" for c in verb.children):
        # "Kampala bears no responsibility": who bears none denies it (CAMEO 016), blaming no one.
        ev.trig = replace(ev.trig, event_class="deny", cameo=event_classes()["deny"].cameo)
        ev.roles = {}
        ctx.add("agent", targets)
        return
    ev.roles = {role: keys for role, keys in ev.roles.items() if role != "target"}
    if lemma not in LAYING_VERBS:
        ev.roles.pop("agent", None)  # "Russia bears responsibility": Russia is blamed, not blaming
        ev.roles = {role: [k for k in keys if k not in targets] for role, keys in ev.roles.items()}
    else:
        ctx.add("agent", [k for s in trigger_frame(verb).subjects() for k in ctx.fill(tok.doc[s])])
    ctx.add("target", targets)


def speaker_blames(ev: _Event) -> None:
    """Who says that someone bears the responsibility blames him: the speaker of the quote or
    reported clause is the agent of a blame that names no one laying it."""
    if is_blame(ev) and not ev.roles.get("agent") and ev.reported_by:
        targets = ev.roles.get("target", [])
        if ev.reported_by not in targets:
            ev.roles["agent"] = [ev.reported_by]
