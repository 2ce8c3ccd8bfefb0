"""The data that flows from extraction to the graph.

Extraction turns one article into an :class:`ArticleResult` of plain, picklable
records (no spaCy objects), so Docs can be dropped as soon as an article is done
and results can cross process boundaries.  :mod:`newsgraph.graph.builder` merges
results into one ``networkx.MultiDiGraph`` that every exporter reads.

All offsets are Python code-point offsets into ``Article.text`` (end exclusive).
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field

# Entity types of the public contract (CONTRACT.md, "Entity").
ENTITY_TYPES = ("Person", "Organization", "Country", "Place", "Group")
ACTOR_TYPES = frozenset({"Person", "Organization", "Country", "Group"})
PLACE_TYPES = frozenset({"Country", "Place"})

# Participant roles of events: sub-properties of sem:hasActor, plus the place.
EVENT_ROLES = ("agent", "target", "participant", "victim")


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A stretch of an article's text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """One input document and its metadata."""

    id: str  # file name or JSONL id; becomes schema:identifier
    text: str  # the exact decoded text all offsets refer to
    title: str | None = None
    date: str | None = None  # ISO date (YYYY-MM-DD) of publication, when known
    source: str | None = None  # path or URL it came from


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """One entity of one article: a cluster of mentions resolved to one actor or place."""

    key: str  # canonical key, the same across articles for the same entity
    type: str  # one of ENTITY_TYPES
    label: str  # canonical name
    mentions: tuple[Span, ...]
    names: tuple[str, ...] = ()  # every surface form seen (besides the label)
    references: tuple[Span, ...] = ()  # pronouns and descriptions resolved to it ("he", "the country")
    # Background data from a gazetteer or the user's alias table (not from the text).
    geonames_id: int | None = None
    lat: float | None = None
    lng: float | None = None
    country_code: str | None = None  # ISO 3166-1 alpha-2
    located_in: str | None = None  # key of the country entity a place lies in
    same_as: str | None = None  # an IRI from the alias table
    # An unnamed band of this article only ("the gunmen", extract/entities/bands.py): the graph
    # gives it a key of its own article and never joins it with another article's entity.
    local: bool = False


@dataclass(frozen=True, slots=True)
class EventRecord:
    """One event of one article, with its trigger mentions and arguments."""

    key: str  # unique within the article
    event_class: str  # the project's event class (see extract/data/event_classes.tsv)
    cameo: str | None  # CAMEO code, e.g. "183"
    triggers: tuple[Span, ...]
    roles: tuple[tuple[str, str], ...] = ()  # (role, entity key), role in EVENT_ROLES
    place: str | None = None  # entity key
    date: str | None = None  # xsd:date / gYearMonth / gYear lexical form
    factuality: str = "asserted"  # asserted | negated | hypothetical | future
    casualties: tuple[tuple[str, int], ...] = ()  # ("killed", 11)
    sentence: Span | None = None
    confidence: float = 0.5  # how reliably the trigger denotes the class
    stance: bool = False  # a standing stance ("Russia's support of Assad"): relations, no event node
    reported_by: str | None = None  # entity key of who reports it ("Haley declared that ...")
    # A symmetric event's parties by side, when the text puts them on two sides ("A and B met
    # with C": (("a", "b"), ("c",))); empty when all parties are on one side ("A and B met").
    sides: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class RelationRecord:
    """A relation between two entities backed by a quote of the article."""

    subject: str  # entity key
    predicate: str  # local name in the ng: namespace, e.g. "supports", "leaderOf"
    object: str  # entity key
    evidence: Span  # the evidence sentence or clause
    confidence: float
    cameo: str | None = None  # interactions only
    event: str | None = None  # key of the event it was derived from, if any
    reported_by: str | None = None  # entity key of the source of reported speech


@dataclass(frozen=True, slots=True)
class ParticipantRecord:
    """An unnamed event participant ("eleven people", "the police", "a market"): local to its
    article, never merged with others and never a relation's subject or object."""

    key: str  # unique within the article; event roles refer to it
    label: str  # the noun phrase
    mention: Span
    kind: str = "actor"  # actor | site


@dataclass(slots=True)
class ArticleResult:
    """Everything extracted from one article."""

    article: Article
    entities: list[EntityRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    relations: list[RelationRecord] = field(default_factory=list)
    participants: list[ParticipantRecord] = field(default_factory=list)


# -- plain data ------------------------------------------------------------------------
# Stored results (``newsgraph.store``) are JSON, which cannot run code when read; what is
# read back is checked against the record types above before any record is made, so a
# damaged or foreign file is refused instead of giving a graph of wrong values.

def result_to_data(result: ArticleResult) -> dict:
    """``result`` as JSON-ready data: records as objects of their fields, spans as
    ``[start, end, text]``, tuples as lists (:func:`result_from_data` reverses it)."""
    return _to_data(result)


def _to_data(value):
    if type(value) is Span:
        return [value.start, value.end, value.text]
    if isinstance(value, (tuple, list)):
        return [_to_data(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {name: _to_data(getattr(value, name)) for name in value.__dataclass_fields__}
    return value


def result_from_data(data: object) -> ArticleResult:
    """The :class:`ArticleResult` of :func:`result_to_data`'s output, checked strictly: every
    field present with the type the record declares (no bool for an int, no int for a str),
    no other key; raises ``ValueError`` naming the first offending field."""
    return _decoder(ArticleResult)(data)


_SCALARS = (str, int, bool, float)


@functools.cache
def _decoder(tp) -> Callable[[object], object]:
    """A function turning plain data into a value of type ``tp``, or raising ValueError.

    The checks run on every stored result a build reads, so the usual case is a few
    type tests per value; where the error lies is worked out only after one is found."""
    if tp in _SCALARS:
        return _scalar_decoder(tp)
    if tp is Span:
        return _span
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (types.UnionType, typing.Union):
        (inner,) = [a for a in args if a is not type(None)]  # only "X | None" is used
        return _optional_decoder(inner)
    if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
        return _fixed_decoder(args)  # a fixed-length tuple: (role, key)
    if origin in (tuple, list):
        return _sequence_decoder(args[0], origin)
    if dataclasses.is_dataclass(tp):
        return _record_decoder(tp)
    raise TypeError(f"no plain-data form for {tp!r}")  # a new field type: teach _decoder


def _scalar_decoder(tp: type) -> Callable[[object], object]:
    allowed = (float, int) if tp is float else (tp,)  # 1.0 is written "1.0": an int was an int

    def scalar(v):
        if type(v) not in allowed:
            raise ValueError(f"expected {tp.__name__}, not {_kind(v)}")
        return v
    return scalar


def _span(v: object) -> Span:
    if (type(v) is not list or len(v) != 3 or type(v[0]) is not int or type(v[1]) is not int
            or type(v[2]) is not str):
        raise ValueError(f"expected a span [start, end, text], not {_kind(v)}")
    return Span(v[0], v[1], v[2])


def _optional_decoder(inner) -> Callable[[object], object]:
    """``inner | None``: null, or a value of ``inner``."""
    if inner in _SCALARS:
        allowed = (type(None), float, int) if inner is float else (type(None), inner)

        def optional_scalar(v):
            if type(v) not in allowed:
                raise ValueError(f"expected {inner.__name__} or null, not {_kind(v)}")
            return v
        return optional_scalar
    item = _decoder(inner)
    return lambda v: None if v is None else item(v)


def _fixed_decoder(args: tuple) -> Callable[[object], tuple]:
    """A tuple of as many values as ``args`` has types, written as a list."""
    items = tuple(_decoder(a) for a in args)

    def fixed(v):
        if type(v) is not list or len(v) != len(items):
            raise ValueError(f"expected a list of {len(items)}, not {_kind(v)}")
        return tuple([d(x) for d, x in zip(items, v)])
    return fixed


def _sequence_decoder(item_type, make: type) -> Callable[[object], object]:
    """A list (``make`` list or tuple) of any length of ``item_type`` values."""
    item = _decoder(item_type)

    def sequence(v):
        if type(v) is not list:
            raise ValueError(f"expected a list, not {_kind(v)}")
        try:
            return make([item(x) for x in v])
        except ValueError:
            pass
        for i, x in enumerate(v):  # say which item
            try:
                item(x)
            except ValueError as exc:
                raise ValueError(f"[{i}]{_sep(exc)}{exc}") from None
        raise AssertionError("unreachable")
    return sequence


def _record_decoder(tp: type) -> Callable[[object], object]:
    """A record (dataclass) written as an object with exactly its fields."""
    hints = typing.get_type_hints(tp)
    fields = tuple((f.name, _decoder(hints[f.name])) for f in dataclasses.fields(tp))
    expected = frozenset(name for name, _ in fields)

    def record(v):
        if type(v) is not dict:
            raise ValueError(f"expected a {tp.__name__} object, not {_kind(v)}")
        if v.keys() != expected:
            raise ValueError(_key_problem(tp.__name__, v.keys(), expected))
        try:
            return tp(*[decode(v[name]) for name, decode in fields])
        except ValueError:
            pass
        for name, decode in fields:  # say which field
            try:
                decode(v[name])
            except ValueError as exc:
                raise ValueError(f".{name}{_sep(exc)}{exc}") from None
        raise AssertionError("unreachable")
    return record


def _key_problem(name: str, keys, expected: frozenset[str]) -> str:
    extra, missing = sorted(keys - expected), sorted(expected - keys)
    return f"{name}: " + "; ".join(
        ([f"unknown key(s) {', '.join(map(repr, extra))}"] if extra else [])
        + ([f"missing {', '.join(missing)}"] if missing else []))


def _sep(exc: ValueError) -> str:
    """Path parts join without a space (``.entities[3].mentions``), a message after ': '."""
    return "" if str(exc)[:1] in ".[" else ": "


def _kind(v: object) -> str:
    return "null" if v is None else type(v).__name__
