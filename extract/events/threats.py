"""Threats told as what a party will do: "Houthi forces will strike Israeli ports again, their
spokesman said", "Iran said it would attack Israel if the strikes continued", "Russia will
impose sanctions on Estonia unless it frees the diplomats, the Kremlin said".

CAMEO codes an act of force that its own party announces for the future, and any conflictual
act it announces on a condition, as a threat of that act (13x: column ``threat`` of ``data/event_classes.tsv``), just as it
codes a cooperative act so announced as a promise (03x, column ``intent``: records.py). The
act is not done; the threat is: the event becomes an asserted ``threaten`` event with the
act's parties. Only its own party's word makes it a threat: a prediction by someone else
("analysts said Russia would attack") stays a future act.

When a threat verb already tells it ("vowed to retaliate against the army", "threatened to
expel the ambassador"), that threat is aimed at the act's target, and the act stays future.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from .draft import _add, _Event, _named
from .lexicon import event_classes

# The CAMEO code of threats of force: what a party says it will do by force is a threat as
# it stands.
FORCE_THREAT = "138"
# Marks of a condition on an act ("would attack if the strikes continued").
CONDITION_MARKS = frozenset({"if", "unless"})
# Dependencies of the words of a speaker's mention that say whom they speak for ("Houthi
# spokesman X", "Iran's foreign minister X", "X, a spokesman for Hamas").
SPOKESMAN_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "prep", "pobj"})


def announced_threats(events: list[_Event], doc: Doc, ent_of: dict[int, str]) -> None:
    """Turn each conflictual act its own party announces into a threat, or aim the threat verb
    that governs it (see the module docstring). In place."""
    threats = {t.i: ev for ev in events if ev.trig.event_class == "threaten" for t in ev.tokens}
    for ev in events:
        code = event_classes()[ev.trig.event_class].threat
        if code is None or ev.factuality not in {"future", "hypothetical"}:
            continue
        governing = _governing_threat(ev.tokens[0], threats)
        if governing is not None:
            if not _named(governing, "target"):
                _add(governing, "target", sorted(_named(ev, "target", "victim")))
            continue
        if not _announced(ev, code):
            continue
        agents = _named(ev, "agent")
        if agents and ev.reported_by and (ev.reported_by in agents or _speaks_for(ev.reported_by, agents, doc, ent_of, ev)):
            ev.trig = replace(ev.trig, event_class="threaten", cameo=code)
            ev.factuality = "asserted"
            if "victim" in ev.roles:  # a threat has targets, not victims
                _add(ev, "target", ev.roles.pop("victim"))


def _announced(ev: _Event, code: str) -> bool:
    """An act of force announced for the future ("will strike"), or any threatened act on a
    condition ("would attack Israel if ...", "will impose sanctions unless ..."). (A state that
    says it will expel two diplomats or impose sanctions, on no condition, tells a decision.)"""
    conditional = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children)
                      for c in ev.tokens[0].children)
    return conditional or ev.factuality == "future" and code.startswith(FORCE_THREAT)


def _governing_threat(tok: Token, threats: dict[int, _Event]) -> _Event | None:
    """The threat event whose trigger governs the act ("vowed to retaliate", "warned that it
    would strike")."""
    node = tok
    for _ in range(4):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.i in threats:
            return threats[node.i]
    return None


def _speaks_for(speaker: str, agents: set[str], doc: Doc, ent_of: dict[int, str], ev: _Event) -> bool:
    """Whether the speaker's mention in the act's sentence names a party of the act as whom
    they speak for ("Houthi spokesman Fadl al-Qadhi", "Iran's foreign minister X")."""
    start, end = ev.sentence
    for tok in doc.char_span(start, end, alignment_mode="expand") or ():
        if ent_of.get(tok.i) != speaker or ent_of.get(tok.head.i) == speaker:
            continue  # (the head word of the speaker's mention only)
        near = [c for c in tok.children if c.dep_ in SPOKESMAN_DEPS]
        near += [g for c in near for g in c.subtree]
        if any(ent_of.get(t.i) in agents for t in near):
            return True
    return False
