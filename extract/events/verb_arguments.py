"""Argument rules of verb triggers: the subject and the verb's own arguments as the predicate
layer (extract/predicates/frames.py) found them, with the readings that are the events' own
(an owned act's owner, a small clause's subject, no place as an attribute), casualty counts,
threats' conditions and gifts' recipients."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..predicates import AGENT, PATIENT, Arg, frame_of
from ..predicates.verb_classes import TOPIC_VERBS
from .argument_context import ArgContext, VerbArgRule, construction, trigger_frame
from .casualties import _casualties
from .draft import _named, is_unnamed
from .fillers import _owners
from .lexicon import done_to_people, trigger_lexicon

# Nouns for an actor's act or stance ("backed the efforts of ECOWAS", "rejected Iran's
# demands"): as the object of an interaction, their owner is its target.
ACT_NOUNS = frozenset({"effort", "decision", "plan", "proposal", "policy", "measure", "move", "bid",
                       "initiative", "position", "stance", "demand", "call", "request", "offer", "claim",
                       "accusation", "action", "conduct", "behavior", "behaviour", "role", "program",
                       "programme", "ambition", "commitment", "approach", "strategy", "law", "election",
                       # texts: a judgement of one is aimed at who wrote it
                       "resolution", "draft", "motion", "bill", "statement", "declaration", "text", "report"})
# Verbs of a gift's purpose whose object is its recipient ("to help Jordan").
HELPING_VERBS = frozenset({"help", "assist", "support", "aid", "enable", "allow"})
# The constructions of a verb's own clause (``Arg.via`` in the predicate layer) that
# ``verb_children`` reads; ``frame_subject`` reads the others (the subject, own or inherited).
OWN_ARGUMENT_VIAS = frozenset({"by-phrase", "passive subject", "object", "dative", "small clause",
                               "object predicate", "attribute"})
# The constructions of an own argument that a relative pronoun can stand for while the clause
# has a subject of its own ("whom she accused", "which Moscow sent them").
RELATIVIZABLE_VIAS = frozenset({"object", "dative"})


def frame_subject(ctx: ArgContext) -> None:
    """A verb's (or predicative adjective's) subject, its own or the one it inherits, read from
    the predicate layer (extract/predicates): relative and participial clauses ("militants
    attacking the base"), control ("Russia vowed to attack", "urged the junta to release"),
    coordinated verbs and participle clauses ("X declared ... and called Y"); an inherited
    passive subject is the undergoer ("the man arrested", "was arrested and charged").
    (The verb's own objects and by-phrase are ``verb_children``'s.)"""
    if ctx.ev.trig.pos == "NOUN" or ctx.ev.trig.pos == "ADJ" and ctx.victims:
        return
    frame = frame_of(ctx.tok)
    if frame is None:
        return
    doc = ctx.tok.doc
    for arg in frame.args:
        if construction(arg) in OWN_ARGUMENT_VIAS:
            continue
        if arg.role == AGENT:
            ctx.add(ctx.actor_role, ctx.fill(doc[arg.token]))
        elif arg.role == PATIENT:
            ctx.add(ctx.undergoer_role, ctx.fill(doc[arg.token]))


def _passive_agent(arg: Arg, ctx: ArgContext) -> tuple[str, list[str]] | None:
    """"was attacked by X"."""
    if arg.via != "by-phrase":
        return None
    return "agent", ctx.fill(ctx.tok.doc[arg.token])


def _small_clause(arg: Arg, ctx: ArgContext) -> tuple[str, list[str]] | None:
    """Small clause: "hold Russia accountable", "found him guilty": its subject is the target."""
    if arg.via != "small clause":
        return None
    subject = ctx.tok.doc[arg.token]
    if subject.i not in ctx.ent_of and _is_act_noun(subject) and (owners := _act_owners(subject, ctx)):
        return ctx.target_role, owners  # "called the Russian move regrettable": whoever made the move
    return ctx.target_role, ctx.fill(subject)


def _is_act_noun(noun: Token) -> bool:
    return (noun.lemma_.lower(), "NOUN") in trigger_lexicon() or noun.lemma_.lower() in ACT_NOUNS


def _owned_act(arg: Arg, ctx: ArgContext) -> tuple[str, list[str]] | None:
    """"criticized Russia's support for Assad", "backed the efforts of ECOWAS": the act is aimed
    at whoever owns the act."""
    child = ctx.tok.doc[arg.token]
    if arg.via == "object" and child.i not in ctx.ent_of and _is_act_noun(child) \
            and (owners := _act_owners(child, ctx)):
        return ctx.target_role, owners
    return None


def _act_owners(noun: Token, ctx: ArgContext) -> list[str]:
    """Who owns an act noun: its possessor or its "of" or "by" phrase; but the "of" phrase and a
    person's possessive of an act done to people name whom it is done to ("demanded the
    release of Alpha Conde", "condemned Navalny's arrest"): only its "by" phrase and a body's
    possessive name who does it."""
    if not done_to_people(noun.lemma_.lower()):
        # (and a state's demonym on it: "the Russian move", "the Israeli decision")
        return _owners(noun, ctx.ent_of) or [ctx.ent_of[c.i] for c in noun.children if c.dep_ == "amod"
                                             and c.i in ctx.ent_of and ctx.is_type(ctx.ent_of[c.i], "Country")]
    doers = [k for p in noun.children if p.dep_ == "prep" and p.lower_ == "by"
             for o in p.children if o.dep_ == "pobj" for k in ctx.fill(o) if not is_unnamed(k)]
    doers += [ctx.ent_of[c.i] for c in noun.children if c.dep_ == "poss" and c.i in ctx.ent_of
              and ctx.is_type(ctx.ent_of[c.i], "Country", "Organization", "Group")]
    return list(dict.fromkeys(doers))


def _object(arg: Arg, ctx: ArgContext) -> tuple[str, list[str]] | None:
    """An object, a dative, a passive subject or a predicate nominal: what the act is aimed at;
    a place as an attribute is not ("became the capital")."""
    keys = ctx.fill(ctx.tok.doc[arg.token])
    return ctx.undergoer_role, [k for k in keys if not (ctx.is_place(k) and arg.via == "attribute")]




# Event classes whose object is what is moved, not a party: "deployed the military to support
# police" aims at no one; "deployed troops to Haiti" at Haiti, by its "to".
THEME_OBJECT_CLASSES = frozenset({"mobilize"})


def _topic(arg: Arg, ctx: ArgContext) -> tuple[str, list[str]] | None:
    """The object of a verb of talking about, or of moving forces: no party (it takes the
    argument, and no one)."""
    if arg.via == "object" and (ctx.tok.lemma_.lower() in TOPIC_VERBS
                                or ctx.ev.trig.event_class in THEME_OBJECT_CLASSES):
        return ctx.undergoer_role, []
    return None


# Tried in this order on each of a verb trigger's own arguments; the first that returns a
# result takes it. The order matters where an argument fits several: an owned act noun as
# object ("criticized Russia's support") gives its owner, not the act, as the target.
VERB_ARG_RULES: tuple[VerbArgRule, ...] = (_topic, _passive_agent, _small_clause, _owned_act, _object)


def own_arguments(ctx: ArgContext) -> Iterator[Arg]:
    """A verb trigger's own arguments in its frame (``OWN_ARGUMENT_VIAS``), one per phrase: the
    phrase's head, since ``ctx.fill`` reads a coordination (and appositions) from its head."""
    for arg in trigger_frame(ctx.tok).args:
        if arg.via in OWN_ARGUMENT_VIAS:
            yield arg


def _relativized(arg: Arg, ctx: ArgContext) -> bool:
    """An object the predicate layer read through a relative pronoun ("the councillor, whom she
    accused"): the noun the clause modifies, not a child of the verb."""
    return arg.via in RELATIVIZABLE_VIAS and ctx.tok.doc[arg.token].head.i != ctx.tok.i


def _not_the_subject(ctx: ArgContext, keys: list[str]) -> None:
    """A relative clause's subject is never the noun the clause modifies ("X, whom she accused":
    she is not X): a subject pronoun resolved to one of ``keys`` was resolved wrongly, and the
    key leaves the actor role for the undergoer role the rules then give it."""
    actors = ctx.ev.roles.get(ctx.actor_role, [])
    for key in [k for k in keys if k in actors]:
        actors.remove(key)
    if ctx.actor_role in ctx.ev.roles and not actors:
        del ctx.ev.roles[ctx.actor_role]


def verb_children(ctx: ArgContext) -> None:
    """Passive agents, small clauses, objects and datives of a verb trigger, from its frame
    (``own_arguments``), each read by the first of ``VERB_ARG_RULES`` that takes it."""
    if ctx.ev.trig.pos != "VERB":
        return
    for arg in own_arguments(ctx):
        for rule in VERB_ARG_RULES:
            found = rule(arg, ctx)
            if found is not None:
                if _relativized(arg, ctx):
                    _not_the_subject(ctx, found[1])
                ctx.add(*found)
                break


def verb_casualties(ctx: ArgContext) -> None:
    """"killed eleven people": the count of a verb's object (see casualties.py)."""
    if ctx.ev.trig.pos == "VERB":
        _casualties(ctx.ev, ctx.tok)


def threat_condition(ctx: ArgContext) -> None:
    """"warned that they could trigger sanctions if Iran does not curb ...": the threat is
    aimed at the subject of its condition."""
    ev = ctx.ev
    if ev.trig.event_class != "threaten" or ev.roles.get("target") or ev.trig.pos != "VERB":
        return
    for cond in ctx.tok.subtree:
        if cond.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in cond.children):
            for i in trigger_frame(cond).subjects():
                ctx.add("target", [k for k in ctx.fill(cond.doc[i]) if not is_unnamed(k)])


def _gift_without_recipient(ctx: ArgContext) -> bool:
    ev = ctx.ev
    return ctx.cls.recipient_to and ev.trig.pos == "VERB" and not _named(ev, "target")


def gift_recipient_to(ctx: ArgContext) -> None:
    """"pledged 120 million dollars in aid to Bangladesh": the recipient's "to" phrase often
    hangs on the object's phrase rather than on the verb."""
    if not _gift_without_recipient(ctx):
        return
    for prep in _phrase_preps(ctx.tok, "to"):
        keys = [k for o in prep.children if o.dep_ == "pobj" for k in ctx.fill(o, anonymous=False)
                if not ctx.is_type(k, "Place")]
        if keys:
            ctx.add(ctx.target_role, keys)
            break


def gift_helped(ctx: ArgContext) -> None:
    """"pledged $450 million to help Jordan (cover the cost)": whom the gift is to help, the
    helping verb's object, else the own subject of its complement clause (their frames)."""
    if not _gift_without_recipient(ctx):
        return
    doc = ctx.tok.doc
    for purpose in ctx.tok.children:
        if purpose.dep_ in {"advcl", "xcomp"} and purpose.lemma_ in HELPING_VERBS:
            helped = trigger_frame(purpose).phrases(PATIENT, only={"object"}) or \
                [i for c in purpose.children if c.dep_ in {"ccomp", "xcomp"}
                 for i in trigger_frame(c).subjects(inherited=False)]
            ctx.add(ctx.target_role, [k for i in helped for k in ctx.fill(doc[i], anonymous=False)
                                      if not ctx.is_type(k, "Place")])


def _phrase_preps(verb: Token, word: str) -> Iterator[Token]:
    """Prepositions ``word`` inside the verb's objects and datives (its frame's own) and its
    prepositional phrases, in text order, not inside a clause of their own ("pledged 120 million
    dollars in aid to Bangladesh")."""
    clause = {"relcl", "advcl", "ccomp", "xcomp", "conj", "acl", "parataxis", "csubj"}
    stack = [verb.doc[i] for i in trigger_frame(verb).phrases(only={"object", "dative"})] + \
        [c for c in verb.children if c.dep_ == "prep"]
    found = []
    while stack:
        node = stack.pop()
        if node.dep_ == "prep" and node.lower_ == word:
            found.append(node)
        stack.extend(c for c in node.children if c.dep_ not in clause)
    yield from sorted(found, key=lambda t: t.i)
