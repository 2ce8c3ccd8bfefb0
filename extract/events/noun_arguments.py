"""Argument rules of noun (and adjective) triggers: who a predicated death befalls, named
modifiers ("Russia's support", "the St. Petersburg bombing"), and the clause a noun is an
argument of (light verbs "X launched an attack", "the strikes targeted Y", "X claimed the
attack")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..predicates import (AGENT, COPULAS, SUPPORT_VERBS, Frame, construction, frame_of, frames_with_argument, obliques,
                          predicate_frame, rival_claim)
from .argument_context import TARGET_PREPS, ArgContext, trigger_frame
from .draft import is_unnamed

# Modifiers of a noun trigger that name its agent ("Russia's support", "the Russian intervention").
NOUN_AGENT_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
# Verbs that carry a noun trigger without adding meaning ("hold a summit", "launch an attack"):
# the predicate layer's support verbs.
LIGHT_VERBS = SUPPORT_VERBS
# Verbs whose subject attack strikes their object ("the strikes targeted Pakistan").
AFFECTING_VERBS = frozenset({"target", "hit", "strike", "destroy", "damage", "wreck", "rock", "level",
                             "flatten"})
# Verbs whose subject undergoes the harm that is their object ("13 people suffered injuries").
SUFFERING_VERBS = frozenset({"suffer", "sustain", "receive"})


def predicated_victims(ctx: ArgContext) -> None:
    """"left 20 people dead", "the dead soldiers", "shot him to death", "X was wounded": who
    died is what the adjective or noun is predicated of: what the verb it completes acts on, in
    either voice, or a copula's subject (the verb's frame: ``Frame.objects``, ``Frame.subjects``)."""
    tok = ctx.tok
    if ctx.ev.trig.pos == "VERB" or not ctx.victims:
        return
    head = tok.head
    if tok.dep_ in {"oprd", "ccomp", "xcomp", "acomp"} or (tok.dep_ == "pobj" and head.lower_ == "to"):
        verb = head.head if tok.dep_ == "pobj" else head
        frame = predicate_frame(verb)
        said_of = frame.objects() + (frame.subjects() if verb.lemma_ in COPULAS else [])
        for i in sorted(set(said_of)):
            ctx.add(ctx.target_role, ctx.fill(tok.doc[i]))
    elif tok.dep_ == "amod" and head.pos_ == "NOUN":
        ctx.add(ctx.target_role, ctx.fill(head))


def noun_modifiers(ctx: ArgContext) -> None:
    """Named modifiers before a noun trigger: a place is where ("the St. Petersburg bombing"),
    a person's possessive undergoes some acts ("Bazoum's release"), a demonym of deaths is
    whose ("Syrian deaths"), any other is the agent ("Russia's support", "the Russian invasion")."""
    ev, tok = ctx.ev, ctx.tok
    if ev.trig.pos == "VERB":
        return
    pronouns = tok.doc._.ng_pronouns or {}
    # (and the first of a hyphenated pair, which the parser hangs on the second: "the
    # Russia-Ukraine talks")
    mods = [m for c in tok.children for m in (c, *(g for g in c.children if g.dep_ == "compound" and g.i < c.i
                                                   and any(t.text in {"-", "–"} for t in tok.doc[g.i + 1:c.i])))]
    for child in mods:
        if child.dep_ not in NOUN_AGENT_DEPS or child.i > tok.i:
            continue
        key = ctx.ent_of.get(child.i) or pronouns.get(child.i)
        if key is None:
            continue
        if ctx.is_type(key, "Place"):
            ev.place = ev.place or key  # "the St. Petersburg bombing"
        elif child.dep_ == "poss" and ctx.cls.possessor_undergoes and ctx.is_type(key, "Person"):
            ctx.add(ctx.target_role, [key])  # "Bazoum's release", "Navalny's arrest": who undergoes it
        elif child.dep_ in {"amod", "compound"} and ctx.victims:
            ctx.add(ctx.target_role, [key])  # "Afghan civilian casualties", "Syrian deaths": whose
        else:
            ctx.add(ctx.actor_role, [key])


def relative_light_verb(ctx: ArgContext) -> None:
    """"the sanctions that ECOWAS imposed on Niger": the relative clause's subject acts (its
    frame's own subject), its "on"/"against" phrase is the target (its ``obliques``)."""
    if ctx.ev.trig.pos == "VERB":
        return
    doc = ctx.tok.doc
    for rel in ctx.tok.children:
        if rel.dep_ == "relcl" and rel.pos_ == "VERB" and rel.lemma_.lower() in LIGHT_VERBS | {"impose"}:
            for i in predicate_frame(rel).subjects(inherited=False):
                ctx.add(ctx.actor_role, ctx.fill(doc[i]))
            for _, obj in obliques(rel, TARGET_PREPS - {"of", "for", "at"}):
                ctx.add(ctx.undergoer_role, ctx.fill(obj))


def affecting_verb_object(ctx: ArgContext) -> None:
    """"563 strikes targeted Pakistan", "the blast hit a market", "a market was hit by the
    blast": what an affecting verb whose agent the attack is acts on is what the attack struck
    ("a total of N strikes" too): the attack's frames (``frames_with_argument``), their objects."""
    tok = ctx.tok
    if ctx.ev.trig.pos == "VERB" or ctx.cls.coref_family != "attack":
        return
    subj = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok
    for frame, arg in frames_with_argument(subj):
        if arg.role == AGENT and construction(arg) in {"subject", "by-phrase"} and frame.lemma in AFFECTING_VERBS:
            for i in frame.objects():
                ctx.add(ctx.target_role, ctx.fill(tok.doc[i]))


def suffered_harm(ctx: ArgContext) -> None:
    """"13 people suffered injuries", "the injuries he sustained": who suffers them (the subject,
    own or inherited, of the verb whose object the harm is) is the victim."""
    tok = ctx.tok
    if ctx.ev.trig.pos == "VERB" or not ctx.victims:
        return
    for frame, arg in frames_with_argument(tok):
        if arg.via == "object" and frame.lemma in SUFFERING_VERBS:
            for i in frame.subjects():
                ctx.add("victim", ctx.fill(tok.doc[i]))


def _verbs_of_object(tok: Token, lemmas: frozenset[str] | set[str]) -> list[Frame]:
    """The frames of the verbs among ``lemmas`` whose object (in the active voice) ``tok`` is,
    also as a conjunct ("approved asset freezes and travel bans": the bans are approved too)
    or through a relative pronoun ("the attack that X launched"); not a rival's claim to it."""
    return [frame for frame, arg in frames_with_argument(tok)
            if construction(arg) == "object" and frame.lemma in lemmas and not rival_claim(tok.doc[frame.predicate])
            and not _undoing(tok.doc[frame.predicate])]


# Particles that turn a verb of making into one of undoing ("struck down the deal", "called off
# the summit", "broke off the talks"): its subject makes nothing.
UNDOING_PARTICLES = frozenset({"down", "off"})


def _undoing(verb: Token) -> bool:
    return any(c.dep_ in {"prt", "advmod"} and c.lower_ in UNDOING_PARTICLES for c in verb.children)


def light_verb_subject(ctx: ArgContext) -> None:
    """Light verb: "X held a summit", "X launched an attack", "X blamed Y and launched an
    attack", "X vowed to launch an attack": the subject, own or inherited (``Frame.subjects``),
    of the light verb whose object the noun is."""
    if ctx.ev.trig.pos == "VERB":
        return
    for frame in _verbs_of_object(ctx.tok, LIGHT_VERBS | ctx.cls.made_by):
        for i in frame.subjects():
            ctx.add(ctx.actor_role, ctx.fill(ctx.tok.doc[i]))
    # and in the passive: "the summit was attended by leaders from ...", "a deal signed by X"
    for frame, arg in frames_with_argument(ctx.tok):
        if construction(arg) == "passive subject" and frame.lemma in ctx.cls.made_by \
                and not _undoing(ctx.tok.doc[frame.predicate]):
            for i in frame.heads(AGENT):
                ctx.add(ctx.actor_role, ctx.fill(ctx.tok.doc[i]))


# Verbs whose subject is what the reaction in their object is aimed at ("the move drew
# condemnation from X", "Russia faced criticism", "the decision sparked protests").
DRAWING_VERBS = frozenset({"draw", "attract", "receive", "face", "earn", "prompt", "spark", "provoke", "trigger",
                           "meet", "win", "garner"})


def drawn_reaction(ctx: ArgContext) -> None:
    """"the move, which drew condemnation from the US", "Russia faced criticism from the EU": a
    judgement drawn by something is aimed at it, or at who made it when it is an act ("the
    Russian move": Russia)."""
    from .verb_arguments import _act_owners, _is_act_noun  # (one reading of an act's owner)

    if ctx.ev.trig.pos != "NOUN" or not ctx.cls.judges_act or ctx.ev.roles.get(ctx.target_role):
        return
    for frame in _verbs_of_object(ctx.tok, DRAWING_VERBS):
        for i in frame.subjects():
            subject = ctx.tok.doc[i]
            keys = _act_owners(subject, ctx) if subject.i not in ctx.ent_of and _is_act_noun(subject) else []
            ctx.add(ctx.target_role, keys or [k for k in ctx.fill(subject) if not is_unnamed(k)])


def behind_act(ctx: ArgContext) -> None:
    """"Washington was behind the attack", "Iran is behind the drone strikes": whoever a copula
    puts behind an act is its agent (as said by whoever says it)."""
    tok = ctx.tok
    if ctx.ev.trig.pos != "NOUN" or ctx.ev.roles.get(ctx.actor_role) or tok.dep_ != "pobj" \
            or tok.head.lower_ != "behind" or tok.head.head.lemma_ not in COPULAS:
        return
    for subject in (c for c in tok.head.head.children if c.dep_ == "nsubj"):
        ctx.add(ctx.actor_role, [k for k in ctx.fill(subject) if not is_unnamed(k)])


def claimed_attack(ctx: ArgContext) -> None:
    """"al Shabaab claimed (responsibility for) the attack": who claims an attack made it: the
    subject of "claim" whose object the attack (or the responsibility for it) is.
    (Not "claimed both attacks": a plural sums up several events, each with its own node.)"""
    tok = ctx.tok
    if ctx.ev.trig.pos == "VERB" or ctx.cls.coref_family != "attack" or tok.tag_ == "NNS":
        return
    claimed = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "for" and \
        tok.head.head.lemma_ in {"responsibility", "credit"} else tok
    for frame in _verbs_of_object(claimed, {"claim"}):
        for i in frame.subjects():
            ctx.add("agent", [k for k in ctx.fill(tok.doc[i]) if not is_unnamed(k)])


def frame_noun_agent(ctx: ArgContext) -> None:
    """A noun trigger's agent through a support verb the light-verb rule does not reach: the
    verb's inherited subject ("vowed to launch an offensive", "the arrests made by police")."""
    ev = ctx.ev
    if ev.trig.pos != "NOUN" or ev.roles.get("agent") and not ctx.symmetric:
        return
    frame = frame_of(ctx.tok)
    for arg in frame.args if frame is not None else ():
        if arg.role == AGENT and arg.via.startswith("support verb"):
            ctx.add(ctx.actor_role, ctx.fill(ctx.tok.doc[arg.token]))




# Participles that tie an act to its purpose ("an offensive aimed at driving out X").
PURPOSE_PARTICIPLES = frozenset({"aim", "design", "intend", "mean"})


def purpose_object(ctx: ArgContext) -> None:
    """An act that names no target but its purpose does: "the Iraqi offensive aimed at driving
    out Shiite militants", "sanctions designed to punish Moscow", "an operation to dislodge
    the rebels": whom the purpose verb acts on is the act's target. (Not for acts done with
    someone: "talks aimed at persuading Iran" need not include Iran.)"""
    ev = ctx.ev
    if ctx.symmetric or ev.roles.get(ctx.undergoer_role):
        return
    for noun in (t for t in ev.tokens if t.pos_ == "NOUN"):  # (also "imposed sanctions designed to ...")
        for verb in _purposes(noun):
            for obj in trigger_frame(verb).objects():
                ctx.add(ctx.undergoer_role, ctx.fill(noun.doc[obj]))


def _purposes(noun: Token) -> Iterator[Token]:
    """The verbs that say what an act is for: "aimed at driving out", "designed to punish", "an
    operation to dislodge"."""
    for acl in (c for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB"):
        if acl.lemma_.lower() in PURPOSE_PARTICIPLES:
            yield from (v for p in acl.children if p.dep_ == "prep" and p.lower_ == "at"
                        for v in p.children if v.dep_ == "pcomp" and v.pos_ == "VERB")
            yield from (v for v in acl.children if v.dep_ == "xcomp" and v.pos_ == "VERB")
        elif any(a.dep_ == "aux" and a.lower_ == "to" for a in acl.children):
            yield acl


# Nouns that name the agent of their act, not the act ("a critic of the government", "Kremlin
# critic", "opponents of the deal"): the noun's referent acts; its "of" phrase, possessive or
# compound undergoes.
AGENT_NOUNS = frozenset({"critic", "opponent", "detractor"})


def agent_noun(ctx: ArgContext) -> None:
    """"Zourabichvili, a fierce critic of the government", "Navalny was a Kremlin critic": the
    one the noun is said of (its apposition or a copula's subject) is the agent; what it is
    of (an "of" phrase, a possessive or a named compound: "Putin's critics", "Kremlin critic")
    is the target. (A bare "critics say" names no one.)"""
    ev, tok = ctx.ev, ctx.tok
    if ev.trig.pos != "NOUN" or tok.lemma_.lower() not in AGENT_NOUNS:
        return
    referents = [c for c in tok.children if c.dep_ == "appos"]
    if tok.dep_ == "appos":
        referents.append(tok.head)
    if tok.dep_ == "attr" and tok.head.lemma_ in COPULAS:
        referents += [c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
        referents.append(tok.head)  # "Kremlin critic Alexei Navalny"
    undergoers = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                  if o.dep_ == "pobj"]
    undergoers += [c for c in tok.children if c.dep_ in {"poss", "compound"} and c.i in ctx.ent_of]
    agents = [k for r in referents for k in ctx.fill(r, anonymous=False)]
    targets = [k for u in undergoers for k in ctx.fill(u, anonymous=False) if k not in agents]
    ev.roles = {}
    ctx.add("agent", agents)
    ctx.add(ctx.target_role, targets)
