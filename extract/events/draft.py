"""The event being built: a mutable draft that the rules fill in (roles, place, date ...)
before it becomes an immutable :class:`~newsgraph.graph.model.EventRecord` (records.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NewType

from spacy.tokens import Token

from .lexicon import Trigger

# What an event's roles and place link to. A named party is the key of an entity of the
# article ("russia"); an unnamed one ("eleven people", "a market") is "~i", i the index of
# its head token, local to the article (records.py makes a ParticipantRecord of it). Both
# stay ``str`` at run time (the records and the graph take them as they are); the types and
# the three functions below are how the rules make, test and follow an unnamed key.
EntityKey = NewType("EntityKey", str)
UnnamedKey = NewType("UnnamedKey", str)
Key = EntityKey | UnnamedKey


def unnamed_key(token_index: int) -> UnnamedKey:
    """The key of the unnamed participant headed at token ``token_index``."""
    return UnnamedKey(f"~{token_index}")


def is_unnamed(key: str) -> bool:
    return key.startswith("~")


def unnamed_token(key: UnnamedKey) -> int:
    """The index of the head token of an unnamed participant."""
    return int(key[1:])


@dataclass(slots=True)
class _Event:
    """An event as the rules build it (mutable); records.py turns it into an EventRecord."""

    trig: Trigger
    tokens: list[Token]
    roles: dict[str, list[Key]] = field(default_factory=dict)  # role -> keys, in the order found
    place: Key | None = None
    date: str | None = None
    factuality: str = "asserted"
    casualties: dict[str, int] = field(default_factory=dict)
    sentence: tuple[int, int] = (0, 0)
    reported_by: str | None = None
    # A symmetric event's parties by side: key -> 0 (the subject's side: "A and B met with C"
    # puts A and B on side 0) or 1 (the other side: C). Parties of one side act together; the
    # relation holds across sides, or among all parties when there is one side ("A and B met").
    sides: dict[str, int] = field(default_factory=dict)
    inferred: bool = False  # some parties come from the article, not the sentence (context.py)
    # Facts about ``tokens`` kept up to date as mentions join (see _mention_facts): a merged
    # event can gather thousands of mentions in a long document, too many to rescan each time.
    facts_of: int = 0  # how many of ``tokens`` the facts below cover
    lemmas: set[str] = field(default_factory=set)  # the mentions' lemmas
    all_headline: bool = True  # every mention is in a headline
    last_sentence: int = -1  # sentence number of the latest mention


def _add(ev: _Event, role: str, keys: Iterator[str] | list[str]) -> None:
    own: set[int] | None = None  # (made only for an unnamed key: a merged event has many tokens)
    for key in keys:
        if is_unnamed(key):
            own = own if own is not None else {t.i for t in ev.tokens}
            if unnamed_token(key) in own:
                continue  # "take revenge": a word of the trigger is not its participant
        bucket = ev.roles.setdefault(role, [])
        if key not in bucket and all(key not in v for v in ev.roles.values()):
            bucket.append(key)


def mention_heads(ev: _Event) -> list[Token]:
    """The event's trigger mentions without the other words of multiword triggers (those are
    compounds: "press" of "press conference")."""
    return [t for t in ev.tokens if t.dep_ != "compound"]


def _named(ev: _Event, *roles: str) -> set[str]:
    return {k for r in roles for k in ev.roles.get(r, []) if not is_unnamed(k)}
