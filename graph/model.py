"""The data that flows from extraction to the graph.

Extraction turns one article into an :class:`ArticleResult` of plain, picklable
records (no spaCy objects), so Docs can be dropped as soon as an article is done
and results can cross process boundaries.  :mod:`newsgraph.graph.builder` merges
results into one ``networkx.MultiDiGraph`` that every exporter reads.

All offsets are Python code-point offsets into ``Article.text`` (end exclusive).
"""

from __future__ import annotations

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
