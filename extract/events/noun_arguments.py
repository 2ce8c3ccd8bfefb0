"""Argument rules of noun (and adjective) triggers: who a predicated death befalls, named
modifiers ("Russia's support", "the St. Petersburg bombing"), and the clause a noun is an
argument of (light verbs "X launched an attack", "the strikes targeted Y", "X claimed the
attack")."""

from __future__ import annotations

from spacy.tokens import Token

from ..predicates import AGENT, SUPPORT_VERBS, frame_of
from .argument_context import SUBJECT_DEPS, TARGET_PREPS, ArgContext
from .draft import is_unnamed

# Modifiers of a noun trigger that name its agent ("Russia's support", "the Russian intervention").
NOUN_AGENT_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
# Verbs that carry a noun trigger without adding meaning ("hold a summit", "launch an attack"):
# the predicate layer's support verbs.
LIGHT_VERBS = SUPPORT_VERBS
# Verbs whose subject attack strikes their object ("the strikes targeted Pakistan").
AFFECTING_VERBS = frozenset({"target", "hit", "strike", "destroy", "damage", "wreck", "rock", "level",
                             "flatten"})


def predicated_victims(ctx: ArgContext) -> None:
    """"left 20 people dead", "the dead soldiers", "shot him to death", "X was wounded": who
    died is what the adjective or noun is predicated of."""
    tok = ctx.tok
    if ctx.ev.trig.pos == "VERB" or not ctx.victims:
        return
    head = tok.head
    if tok.dep_ in {"oprd", "ccomp", "xcomp", "acomp"} or (tok.dep_ == "pobj" and head.lower_ == "to"):
        verb = head.head if tok.dep_ == "pobj" else head
        for child in verb.children:
            if child.dep_ in {"dobj", "obj", "nsubjpass"} or (child.dep_ == "nsubj" and verb.lemma_ == "be"):
                ctx.add(ctx.target_role, ctx.fill(child))
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
    for child in tok.children:
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
    """"the sanctions that ECOWAS imposed on Niger": the relative clause's subject acts, its
    "on"/"against" phrase is the target."""
    if ctx.ev.trig.pos == "VERB":
        return
    for rel in ctx.tok.children:
        if rel.dep_ == "relcl" and rel.pos_ == "VERB" and rel.lemma_.lower() in LIGHT_VERBS | {"impose"}:
            for child in rel.children:
                if child.dep_ in SUBJECT_DEPS:
                    ctx.add(ctx.actor_role, ctx.fill(child))
                elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS - {"of", "for", "at"}:
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            ctx.add(ctx.undergoer_role, ctx.fill(obj))


def affecting_verb_object(ctx: ArgContext) -> None:
    """"563 strikes targeted Pakistan", "the blast hit a market": the verb's object is what
    the attack struck ("a total of N strikes" too)."""
    tok = ctx.tok
    if ctx.ev.trig.pos == "VERB":
        return
    subj = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok
    if subj.dep_ == "nsubj" and subj.head.lemma_ in AFFECTING_VERBS and ctx.cls.coref_family == "attack":
        for child in subj.head.children:
            if child.dep_ in {"dobj", "obj"}:
                ctx.add(ctx.target_role, ctx.fill(child))


def suffered_harm(ctx: ArgContext) -> None:
    """"13 people suffered injuries": who suffers them is the victim."""
    tok, head = ctx.tok, ctx.tok.head
    if ctx.ev.trig.pos != "VERB" and tok.dep_ in {"dobj", "obj"} and \
            head.lemma_ in {"suffer", "sustain", "receive"} and ctx.victims:
        for child in head.children:
            if child.dep_ in SUBJECT_DEPS:
                ctx.add("victim", ctx.fill(child))


def _light_object(tok: Token) -> Token:
    """The noun a light verb governs: "approved asset freezes and travel bans": the bans are approved too."""
    obj = tok
    while obj.dep_ == "conj" and obj.head.i != obj.i and obj.head.pos_ == "NOUN":
        obj = obj.head
    return obj


def light_verb_subject(ctx: ArgContext) -> None:
    """Light verb: "X held a summit", "X launched an attack", "X blamed Y and launched an
    attack" (the subject of a coordinated light verb is the first verb's)."""
    if ctx.ev.trig.pos == "VERB":
        return
    obj = _light_object(ctx.tok)
    head = obj.head
    if obj.dep_ in {"dobj", "obj"} and (head.lemma_.lower() in LIGHT_VERBS or
                                        head.lemma_.lower() in ctx.cls.made_by):
        node = head
        while True:
            subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
            if subjects or node.dep_ not in {"conj", "xcomp"} or node.head.i == node.i:
                break
            node = node.head
        for child in subjects:
            ctx.add(ctx.actor_role, ctx.fill(child))


def claimed_attack(ctx: ArgContext) -> None:
    """"al Shabaab claimed (responsibility for) the attack": who claims an attack made it.
    (Not "claimed both attacks": a plural sums up several events, each with its own node.)"""
    tok = ctx.tok
    if ctx.ev.trig.pos == "VERB":
        return
    obj = _light_object(tok)
    claim = obj.head if obj.dep_ in {"dobj", "obj"} else None
    if tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_ in {"responsibility", "credit"} \
            and tok.head.head.dep_ in {"dobj", "obj"}:
        claim = tok.head.head.head
    if claim is not None and claim.lemma_ == "claim" and ctx.cls.coref_family == "attack" and tok.tag_ != "NNS":
        for child in claim.children:
            if child.dep_ in SUBJECT_DEPS:
                ctx.add("agent", [k for k in ctx.fill(child) if not is_unnamed(k)])




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


