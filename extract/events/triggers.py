"""Trigger matching: the best lexicon entry for a token, with the constraint of
``data/triggers.tsv`` (particles, prepositions, objects ...) checked on its children."""

from __future__ import annotations

from spacy.tokens import Token

from ..entities.wordlists import SPAN_KEY
from .lexicon import Trigger, trigger_lexicon

# Dependency labels each constraint kind of triggers.tsv looks for among the trigger's children.
CONSTRAINT_DEPS = {
    "prt": {"prt", "advmod", "prep"},  # the small model labels particles all three ways
    "prep": {"prep", "agent"},
    "dobj": {"dobj", "obj"},
    "xcomp": {"xcomp"},
    "advcl": {"advcl"},
    "ccomp": {"ccomp", "oprd", "acomp"},
    "compound": {"compound"},
    "amod": {"amod"},
    "advmod": {"advmod"},
    "nsubj": {"nsubj"},
}


# The constraint value that any named state, people or organisation satisfies ("suspended Mali":
# dobj:@actor); the entity types of those names, and the model's labels of them (for a Doc
# without newsgraph's entities).
ACTOR_VALUE = "@actor"
ACTOR_TYPES = frozenset({"Country", "Organization", "Group"})
ACTOR_ENT_TYPES = frozenset({"GPE", "NORP", "ORG"})
_ACTOR_TOKENS = "newsgraph.actor_tokens"


# The constraint value that a noun of a polity satisfies ("recognised the breakaway regions"):
# like @actor, an argument of the trigger, not a word of it.
POLITY_VALUE = "@polity"
POLITY_NOUNS = frozenset({"region", "republic", "territory", "part", "country", "nation", "entity", "enclave",
                          "province", "state", "government", "regime", "junta", "authority"})


def _argument_value(values: set[str], tok: Token) -> bool:
    """Whether ``tok`` satisfies one of the argument values (@actor, @polity) among ``values``."""
    return (ACTOR_VALUE in values and _is_actor(tok)) or (POLITY_VALUE in values and tok.lemma_.lower() in POLITY_NOUNS)


def _is_actor(tok: Token) -> bool:
    """Whether a token is inside a state's, people's or organisation's name: newsgraph's entity
    mentions when the Doc has them (the model tags "Mali" PERSON), else the model's labels."""
    doc = tok.doc
    actors = doc.user_data.get(_ACTOR_TOKENS)
    if actors is None:
        if SPAN_KEY not in doc.spans:
            return tok.ent_type_ in ACTOR_ENT_TYPES
        actors = doc.user_data[_ACTOR_TOKENS] = {t.i for span in doc.spans[SPAN_KEY]
                                                 if span.label_ in ACTOR_TYPES for t in span}
    return tok.i in actors


def _satisfies(tok: Token, requires: str) -> list[Token] | None:
    """The tokens that satisfy a trigger's constraint (see the header of triggers.tsv), or
    None when a clause fails. An empty constraint is satisfied by no extra token."""
    if not requires:
        return []
    matched: list[Token] = []
    clauses = [c.strip().partition(":") for c in requires.split(";") if c.strip()]
    # A phrase of time is no verb's preposition nor particle: "called Putin on Monday to discuss
    # Syria" is no "called on X to".
    timed = {c.i for c in tok.children if c.dep_ == "prep"
             and any(o.dep_ == "pobj" and o.ent_type_ in {"DATE", "TIME"} for o in c.children)}
    preps = [c for c in tok.children if c.dep_ in CONSTRAINT_DEPS["prep"] and c.i not in timed]
    for kind, _, value in clauses:
        values = set(value.lower().split("|"))
        accept = lambda t: "*" in values or t.lemma_.lower() in values or t.lower_ in values \
            or _argument_value(values, t)  # noqa: E731
        if kind == "pobj":
            named = {v for k, _, v in clauses if k == "prep"}
            named_preps = [p for p in preps if not named or p.lower_ in set("|".join(named).split("|"))]
            hits = [o for p in named_preps for o in p.children if o.dep_ == "pobj" and accept(o)]
        elif kind == "dobj":
            hits = [c for c in _patients(tok) if accept(c)]
        elif kind == "head":
            hits = [tok.head] if tok.head.i != tok.i and accept(tok.head) else []
        elif kind == "ccomp":
            # A small clause's predicate, or the adjective the parser hangs on the object
            # ("holds Kenya responsible": amod of "Kenya").
            hits = [c for c in tok.children if c.dep_ in CONSTRAINT_DEPS[kind] and accept(c)] or \
                [a for o in _patients(tok) if o.dep_ in CONSTRAINT_DEPS["dobj"] for a in o.children
                 if a.dep_ == "amod" and a.i > o.i and accept(a)]
        elif kind in CONSTRAINT_DEPS:
            hits = [c for c in tok.children if c.dep_ in CONSTRAINT_DEPS[kind] and accept(c) and c.i not in timed]
        else:
            return None  # an unknown kind never holds: better miss than invent
        if not hits:
            return None
        if not _argument_value(values, hits[0]):
            matched.append(hits[0])  # (an actor or polity the constraint names is an argument, not a trigger word)
    return matched


def _patients(tok: Token) -> list[Token]:
    """What a verb is done to, in any voice: its object ("released a statement"), its passive
    subject ("the statement was released") or the noun its participle modifies ("a statement
    released by the UN"), and what renames them."""
    found = [c for c in tok.children if c.dep_ in CONSTRAINT_DEPS["dobj"] or c.dep_ == "nsubjpass"]
    if tok.dep_ in {"acl", "advcl"} and tok.tag_ == "VBN" and tok.head.i != tok.i and tok.head.pos_ == "NOUN":
        found.append(tok.head)  # (also "the text, as released by X": an advcl on the noun)
    # An apposition renames its head ("Ali Said, the ambassador in Cairo, was recalled"), and a
    # title before a name says what he is ("summoned Chinese Ambassador Zhou Minghui").
    return found + [a for c in found for a in c.children if a.dep_ == "appos"
                    or (a.dep_ == "compound" and c.pos_ == "PROPN" and a.i < c.i)]


def _lemma_candidates(tok: Token) -> list[str]:
    """The lemma, and for a capitalised word outside any name the lower-case forms the
    lemmatiser would give it in running text ("Airstrikes" in a headline)."""
    lemma = tok.lemma_.lower()
    out = [lemma]
    if tok.pos_ == "PROPN" and not tok.ent_type_:
        low = tok.lower_
        out += [low] + ([low[:-1]] if low.endswith("s") and not low.endswith("ss") else [])
    return out


def match_trigger(tok: Token) -> tuple[Trigger, list[Token]] | None:
    """The best lexicon entry for a token and the extra tokens its constraint matched."""
    pos = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "ADJ"}.get(tok.pos_)
    if pos is None:
        return None
    if pos == "NOUN" and tok.ent_type_ and tok.ent_type_ not in {"CARDINAL", "ORDINAL"}:
        return None  # part of a name or a date ("Operation Desert Storm", "March 5"), not an event noun
    best: tuple[tuple[int, float], Trigger, list[Token]] | None = None
    for lemma in _lemma_candidates(tok):
        for trig in trigger_lexicon().get((lemma, pos), ()):
            extra = _satisfies(tok, trig.requires)
            if extra is None:
                continue
            rank = (len(extra), trig.confidence)
            if best is None or rank > best[0]:
                best = (rank, trig, extra)
        if best is not None:
            break
    return (best[1], best[2]) if best else None
