"""What every argument rule reads (:class:`ArgContext`), the rule types, and the dependencies
and prepositions the rule modules share. The rules: verb_arguments.py (a verb trigger's own
arguments, read from the predicate layer), noun_arguments.py (noun and adjective triggers),
preposition_arguments.py (prepositional phrases and places), arguments.py (the driver, its
ordered ``RULES`` and the repairs)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.graph.model import PLACE_TYPES

# (COORDINATED and construction are the predicate layer's, re-exported for the rule modules.)
from ..predicates import COORDINATED, Arg, Frame, construction, predicate_frame  # noqa: F401
from .draft import _add, _Event
from .fillers import _fillers
from .lexicon import EventClass

# Subjects of a verb trigger: its agent (active voice).
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# Prepositions introducing the target of an interaction ("support of Assad", "attack on").
TARGET_PREPS = frozenset({"of", "on", "against", "for", "at", "to", "toward", "towards", "upon", "into"})


@dataclass(frozen=True, slots=True)
class ArgContext:
    """What every argument rule reads: the event being filled, its trigger token, the entity
    of each token and the entity records, and the two roles the class fills."""

    ev: _Event
    tok: Token
    ent_of: dict[int, str]
    entities: dict
    cls: EventClass  # how the event's class behaves (event_classes.tsv)

    @property
    def symmetric(self) -> bool:
        """A meeting or a fight: all parties are participants."""
        return self.cls.symmetric

    @property
    def target_role(self) -> str:
        """"victim" for classes whose undergoer is harmed (column undergoer), else "target"."""
        return self.cls.undergoer

    @property
    def victims(self) -> bool:
        return self.cls.undergoer == "victim"

    @property
    def actor_role(self) -> str:
        """The subject's side is "agent" while the rules run, also in a symmetric event
        (``symmetric_parties`` then makes it a participant on side 0)."""
        return "agent"

    @property
    def undergoer_role(self) -> str:
        return "participant" if self.symmetric else self.target_role

    def is_place(self, key: str) -> bool:
        return key in self.entities and self.entities[key].type in PLACE_TYPES

    def is_type(self, key: str, *types: str) -> bool:
        return self.entities.get(key) is not None and self.entities[key].type in types

    def fill(self, tok: Token, **kw: bool) -> list[str]:
        return list(_fillers(tok, self.ent_of, **kw))

    def add(self, role: str, keys: list[str]) -> None:
        _add(self.ev, role, keys)


# A rule adds what it finds to ``ctx.ev`` (roles, place) and returns nothing; a verb rule
# returns (role, keys) for one of a verb trigger's own arguments (an ``Arg`` of its
# frame), or None when the argument is not its case.
Rule = Callable[[ArgContext], None]
VerbArgRule = Callable[[Arg, ArgContext], "tuple[str, list[str]] | None"]


def trigger_frame(tok: Token) -> Frame:
    """The predicate layer's frame of a verb trigger, or the one its syntax gives a trigger the
    layer has no frame for (an auxiliary without a subject): ``predicate_frame``."""
    return predicate_frame(tok)

