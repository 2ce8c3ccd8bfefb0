"""The actor/place network that the Gephi exporters (GraphML, GEXF) write.

:func:`actor_network` projects the in-memory ``MultiDiGraph`` (schema in
:mod:`newsgraph.graph.builder`) onto what Gephi shows well:

* one node per entity, and events as nodes: all of them (``events_as="nodes"``), none
  (``"edges"``) or, by default (``"auto"``), those no relation edge shows: an event
  with fewer than two actors (one or none, e.g. a bombing with no named perpetrator,
  often the article's main event) or one no relation carries;
* relation edges aggregated per ``(source, target, predicate)``: ``weight`` is the
  number of supporting relation edges (mentions), ``cameo`` the most frequent code
  among them and ``goldstein`` their mean Goldstein value;
* for event nodes, event -> entity edges labelled by the role (participants, place).

Everything both writers need is decided here (ids, attribute values and types,
colours, sizes, timeline intervals, XML-safe strings), so they differ only in XML.
"""

from __future__ import annotations

import calendar
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from hashlib import sha1
from urllib.parse import unquote

import networkx as nx
from lxml import etree

from newsgraph.graph.iri import slug

from .cameo import CameoTable, Value, default_cameo_table  # noqa: F401 - CameoTable is used by callers of network
from .destination import Destination, write_bytes

# Okabe-Ito palette (Okabe & Ito 2008, "Color Universal Design"): distinguishable with
# every common form of colour blindness; grey is the fallback for unknown types.
TYPE_COLORS: dict[str, tuple[int, int, int]] = {
    "Person": (213, 94, 0),  # vermillion
    "Organization": (0, 114, 178),  # blue
    "Country": (0, 158, 115),  # bluish green
    "Place": (86, 180, 233),  # sky blue
    "Group": (204, 121, 167),  # reddish purple
    "Event": (230, 159, 0),  # orange
}
DEFAULT_COLOR = (153, 153, 153)

# Attribute name -> GraphML type ("string", "int", "long", "double", "boolean"), in the
# order the writers declare them.  Only attributes some node/edge has are declared.
NODE_ATTRIBUTES: dict[str, str] = {
    "label": "string",
    "iri": "string",
    "category": "string",  # not "type": sigma.js 3 reserves it (its renderer key)
    "mentions": "int",
    "docs": "int",
    "degree": "int",
    "first_date": "string",
    "last_date": "string",
    "lat": "double",
    "lng": "double",
    "geonames_id": "long",
    "event_class": "string",
    "cameo": "string",
    "quad_class": "string",
    "goldstein": "double",
    "factuality": "string",
    "r": "int",
    "g": "int",
    "b": "int",
    "size": "double",
}
EDGE_ATTRIBUTES: dict[str, str] = {
    "label": "string",
    "weight": "double",
    "relation": "string",
    "cameo": "string",
    "quad_class": "string",
    "goldstein": "double",
    "confidence": "double",
    "background": "boolean",
    "docs": "int",
    "first_date": "string",
    "last_date": "string",
}


# --------------------------------------------------------------------------- views

@dataclass(frozen=True, slots=True)
class NodeView:
    """One node of the projection."""

    id: str  # XML-safe slug (NCName), unique in the view
    iri: str
    attrs: dict[str, Value]  # present values only, in NODE_ATTRIBUTES order
    start: str | None = None  # timeline interval, inclusive ISO dates
    end: str | None = None
    spells: tuple[tuple[str, str], ...] = ()  # the intervals inside it when it is alive


@dataclass(frozen=True, slots=True)
class EdgeView:
    """One aggregated edge of the projection."""

    id: str  # e_<hash of source IRI, target IRI, relation> (:func:`edge_id`), stable
    source: str  # NodeView ids
    target: str
    kind: str  # relation (or role) name, unique per (source, target): the GEXF edge kind
    attrs: dict[str, Value]  # present values only, in EDGE_ATTRIBUTES order
    start: str | None = None
    end: str | None = None
    spells: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class NetworkView:
    """Sorted nodes and edges plus the attributes they use."""

    nodes: tuple[NodeView, ...]
    edges: tuple[EdgeView, ...]
    node_attributes: dict[str, str] = field(default_factory=dict)  # name -> type
    edge_attributes: dict[str, str] = field(default_factory=dict)

    @property
    def dynamic(self) -> bool:
        """True when some node or edge has a timeline interval."""
        return any(x.start or x.end for x in (*self.nodes, *self.edges))


# --------------------------------------------------------------------------- strings

# Characters XML 1.0 allows (production [2] "Char"); lone surrogates fall outside too.
_XML_INVALID = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (lxml refuses to write them)."""
    return _XML_INVALID.sub("", text)


def _label(text: object) -> str:
    # Labels are displayed on one line; a mention can span a line break.
    return " ".join(xml_safe(str(text)).split())


def predicate_label(predicate: str) -> str:
    """A readable label from a camelCase predicate: ``"leaderOf"`` -> ``"leader of"``."""
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", predicate)
    return " ".join(words.replace("_", " ").split()).lower()


def attribute_id(domain: str, name: str) -> str:
    """Id of a GraphML ``<key>``: ``node_label``, ``edge_weight``, ...  Gephi matches
    GraphML keys by id before name (``d3``/``d7`` would read as yEd labels); the prefix
    avoids that and can never equal a node id (``n_...``).  Readers show ``attr.name``.
    (GEXF attribute ids are the plain names: see :mod:`newsgraph.exports.gexf`.)"""
    return f"{domain}_{name}"


def format_value(value: Value) -> str:
    """Lexical form shared by GraphML ``<data>`` and GEXF ``value``: XSD-style booleans,
    shortest round-trip floats (deterministic)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


# --------------------------------------------------------------------------- dates

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def date_interval(lexical: object) -> tuple[date, date] | None:
    """The days a date covers: xsd:date -> one day, gYearMonth -> the month, gYear -> the
    year.  Anything else (None, unparsable) -> None."""
    if not isinstance(lexical, str):
        return None
    m = _DATE.match(lexical.strip())
    if not m:
        return None
    try:
        year = int(m.group(1))
        if m.group(3):
            day = date(year, int(m.group(2)), int(m.group(3)))
            return day, day
        if m.group(2):
            month = int(m.group(2))
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:  # month 13, 30 February, year 0, ...
        return None


class _Span:
    """Accumulates dates: the earliest/latest lexical forms and the days they cover."""

    def __init__(self) -> None:
        self.first: tuple[date, str] | None = None
        self.last: tuple[date, str] | None = None
        self.days: set[tuple[date, date]] = set()  # each distinct date's days

    def add(self, lexical: object) -> None:
        days = date_interval(lexical)
        if days is None:
            return
        self.days.add(days)
        text = str(lexical).strip()
        if self.first is None or (days[0], text) < self.first:
            self.first = (days[0], text)
        if self.last is None or (days[1], text) > self.last:
            self.last = (days[1], text)

    def widen(self, other: _Span) -> None:
        """Stretch an existing interval over ``other``'s and add its spells (the lexical
        first/last values stay)."""
        if other.interval is None:
            return
        start, end = other.interval
        if self.first and start < self.first[0]:
            self.first = (start, self.first[1])
        if self.last and end > self.last[0]:
            self.last = (end, self.last[1])
        self.days |= other.days

    @property
    def spells(self) -> tuple[tuple[str, str], ...]:
        """One inclusive ISO interval per distinct date, sorted; overlapping ones merged
        (a day inside a month the node also appears in is that month): Gephi refuses
        overlapping intervals on one element."""
        out: list[list[date]] = []
        for start, end in sorted(self.days):
            if out and start <= out[-1][1]:
                out[-1][1] = max(out[-1][1], end)
            else:
                out.append([start, end])
        return tuple((a.isoformat(), b.isoformat()) for a, b in out)

    @property
    def interval(self) -> tuple[date, date] | None:
        return (self.first[0], self.last[0]) if self.first and self.last else None


# --------------------------------------------------------------------------- projection

EVENTS_AS = ("auto", "edges", "nodes")


def actor_network(g: nx.MultiDiGraph, *, events_as: str = "auto",
                  cameo_table: CameoTable | None = None) -> NetworkView:
    """Project ``g`` onto the actor/place network (see the module docstring).

    ``events_as="auto"`` (default): an event with two or more actors that a relation
    carries is left to its relation edges; every other event is a node linked to its
    participants and place, so no event is invisible.
    ``events_as="edges"``: events are not nodes, the relations carry them.
    ``events_as="nodes"``: each event is a node linked to its role entities.
    """
    if events_as not in EVENTS_AS:
        raise ValueError(f"events_as must be one of {', '.join(EVENTS_AS)}, not {events_as!r}")
    table = cameo_table if cameo_table is not None else default_cameo_table()
    documents: Mapping[str, Mapping] = g.graph.get("documents") or {}

    carried = frozenset(d["event"] for _, _, d in g.edges(data=True)
                        if d.get("kind") == "relation" and d.get("event"))
    node_iris = sorted(n for n, d in g.nodes(data=True) if d.get("kind") == "entity"
                       or d.get("kind") == "event" and _event_is_node(g, n, events_as, carried))
    ids = _node_ids(node_iris)

    edges = _relation_edges(g, ids, documents, table)
    if events_as != "edges":
        edges.update(_role_edges(g, ids, documents))

    # Timeline: a dated node must be alive whenever one of its edges is, or Gephi hides
    # the edge; undated nodes stay undated (always visible).
    degree: dict[str, int] = defaultdict(int)
    spans = {n: _node_span(g.nodes[n], documents) for n in node_iris}
    for (s, t, _rel), agg in edges.items():
        degree[s] += 1
        degree[t] += 1
        if agg.span.interval:
            for n in (s, t):
                if spans[n].interval:
                    spans[n].widen(agg.span)

    nodes = tuple(_node_view(iri, ids[iri], g.nodes[iri], degree[iri], spans[iri], table)
                  for iri in node_iris)
    keys = sorted(edges)
    edge_ids = _edge_ids(keys)
    edge_views = tuple(edges[k].view(edge_ids[k], ids[k[0]], ids[k[1]]) for k in keys)
    return NetworkView(
        nodes=nodes, edges=edge_views,
        node_attributes=_used(NODE_ATTRIBUTES, nodes),
        edge_attributes=_used(EDGE_ATTRIBUTES, edge_views),
    )


def _event_is_node(g: nx.MultiDiGraph, event: str, events_as: str,
                   carried: frozenset[str]) -> bool:
    """Whether ``event`` is a node; ``carried``: the events some relation edge names."""
    if events_as != "auto":
        return events_as == "nodes"
    actors = {t for _, t, d in g.out_edges(event, data=True)
              if d.get("kind") == "role" and d.get("role") != "place"}
    return len(actors) < 2 or event not in carried


def _node_ids(iris: list[str]) -> dict[str, str]:
    """``n_<slug of the IRI's last path segment>``.  IRIs whose slugs collide each get a
    suffix from their own IRI's hash (not a counter), so an id never depends on the
    order of the nodes or on which other colliding nodes exist."""
    base = {iri: "n_" + slug(unquote(iri.rstrip("/").rsplit("/", 1)[-1])) for iri in iris}
    count: dict[str, int] = defaultdict(int)
    for b in base.values():
        count[b] += 1
    ids = {iri: b if count[b] == 1 else f"{b}_{sha1(iri.encode()).hexdigest()[:8]}"
           for iri, b in base.items()}
    if len(set(ids.values())) != len(ids):  # a suffixed id met a natural one: hash all
        ids = {iri: f"{base[iri]}_{sha1(iri.encode()).hexdigest()[:12]}" for iri in iris}
    return ids


def edge_id(source_iri: str, target_iri: str, relation: str) -> str:
    """``e_`` + the first 16 hex digits of the SHA-1 of the edge's statement (source IRI,
    target IRI, relation or role, tab-separated).  It names the aggregated edge, so it
    keeps across builds: other articles neither renumber it nor, by changing its most
    frequent CAMEO code, rename it.  (An event's role edges start at the event's IRI,
    which holds the event key.)  IRIs, not node ids: a node id can gain a suffix when
    another entity's slug collides with it."""
    text = "\t".join((source_iri, target_iri, relation))
    return "e_" + sha1(text.encode("utf-8")).hexdigest()[:16]


def _edge_ids(keys: list[_EdgeKey]) -> dict[_EdgeKey, str]:
    """:func:`edge_id` of each (sorted) key; should two hashes ever collide, the later
    keys in sorted order get ``_1``, ``_2``, ... (deterministic, unique in the file)."""
    out: dict[_EdgeKey, str] = {}
    used: set[str] = set()
    for key in keys:
        base = candidate = edge_id(*key)
        n = 0
        while candidate in used:
            n += 1
            candidate = f"{base}_{n}"
        used.add(candidate)
        out[key] = candidate
    return out


@dataclass
class _Aggregate:
    """Supporting graph edges (mentions) of one projected edge."""

    label: str
    relation: str
    weight: int = 0
    confidence: float | None = None
    background: bool = True
    docs: set[str] = field(default_factory=set)
    span: _Span = field(default_factory=_Span)
    cameos: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    goldsteins: list[float] = field(default_factory=list)
    quad_classes: dict[str, str] = field(default_factory=dict)  # cameo -> QuadClass

    def add(self, confidence: object, background: bool, doc: str | None, when: object,
            cameo: str | None = None, info: Mapping[str, Value] | None = None) -> None:
        self.weight += 1
        if isinstance(confidence, (int, float)) and math.isfinite(confidence):
            c = float(confidence)
            self.confidence = c if self.confidence is None else max(self.confidence, c)
        self.background = self.background and background
        if doc:
            self.docs.add(doc)
        self.span.add(when)
        if cameo:
            self.cameos[cameo] += 1
            info = info or {}
            if "goldstein" in info:
                self.goldsteins.append(float(info["goldstein"]))
            if "quad_class" in info:
                self.quad_classes[cameo] = str(info["quad_class"])

    def view(self, edge_id: str, source: str, target: str) -> EdgeView:
        # The most frequent CAMEO code stands for the edge (ties: the lowest code); the
        # Goldstein value is the mean over the supporting mentions, for a colour scale.
        cameo = min(self.cameos, key=lambda c: (-self.cameos[c], c)) if self.cameos else None
        goldstein = (round(sum(self.goldsteins) / len(self.goldsteins), 3)
                     if self.goldsteins else None)
        attrs: dict[str, Value | None] = {
            "label": self.label, "weight": float(self.weight), "relation": self.relation,
            "cameo": cameo, "quad_class": self.quad_classes.get(cameo) if cameo else None,
            "goldstein": goldstein, "confidence": self.confidence,
            "background": self.background, "docs": len(self.docs),
            "first_date": self.span.first[1] if self.span.first else None,
            "last_date": self.span.last[1] if self.span.last else None,
        }
        start, end = _iso(self.span.interval)
        # GEXF ``kind`` (Gephi's edge type) = the relation: one edge per (source, target,
        # relation), so Gephi never merges two of them.
        return EdgeView(edge_id, source, target, xml_safe(self.relation),
                        _clean(attrs, EDGE_ATTRIBUTES), start, end, self.span.spells)


_EdgeKey = tuple[str, str, str]  # source IRI, target IRI, relation


def _relation_edges(g: nx.MultiDiGraph, ids: Mapping[str, str], documents: Mapping[str, Mapping],
                    table: CameoTable) -> dict[_EdgeKey, _Aggregate]:
    out: dict[_EdgeKey, _Aggregate] = {}
    for s, t, d in g.edges(data=True):
        if d.get("kind") != "relation" or s not in ids or t not in ids:
            continue
        predicate = str(d.get("predicate") or "related")
        cameo = str(d["cameo"]) if d.get("cameo") else None
        key = (s, t, predicate)
        if key not in out:
            out[key] = _Aggregate(predicate_label(predicate), predicate)
        doc = d.get("doc")
        # The event's date says when it happened, else the article's when it was
        # reported; background facts (no article) are timeless.
        event = g.nodes[d["event"]] if d.get("event") in g else {}
        when = (event.get("date") or (documents.get(doc) or {}).get("date")) if doc else None
        out[key].add(d.get("confidence"), bool(d.get("background")), doc, when,
                     cameo, table.lookup(cameo))
    return out


def _role_edges(g: nx.MultiDiGraph, ids: Mapping[str, str],
                documents: Mapping[str, Mapping]) -> dict[_EdgeKey, _Aggregate]:
    out: dict[_EdgeKey, _Aggregate] = {}
    for s, t, d in g.edges(data=True):
        if d.get("kind") != "role" or s not in ids or t not in ids:
            continue
        role = str(d.get("role") or "participant")
        key = (s, t, role)
        if key not in out:
            out[key] = _Aggregate(predicate_label(role), role)
        event = g.nodes[s]
        doc = event.get("doc")
        when = event.get("date") or (documents.get(doc) or {}).get("date")
        out[key].add(None, False, doc, when)
    return out


def _node_span(d: Mapping, documents: Mapping[str, Mapping]) -> _Span:
    """An event's date; an entity's first/last dates and the dates of its articles."""
    span = _Span()
    if d.get("kind") == "event":
        span.add(d.get("date"))
    else:
        span.add(d.get("first_date"))
        span.add(d.get("last_date"))
        for doc in d.get("docs") or ():
            span.add((documents.get(doc) or {}).get("date"))
    return span


def _node_view(iri: str, node_id: str, d: Mapping, degree: int, span: _Span,
               table: CameoTable) -> NodeView:
    is_event = d.get("kind") == "event"
    ntype = "Event" if is_event else str(d.get("type") or "")
    mentions = len(d.get("mentions") or ())
    if is_event:
        cls, trigger = str(d.get("event_class") or "event"), d.get("label")
        label = f"{cls}: {trigger}" if trigger and trigger != cls else cls
        docs = 1 if d.get("doc") else 0
        own = {"first_date": d.get("date"), "last_date": d.get("date"),
               "event_class": cls, "cameo": d.get("cameo"), **table.lookup(d.get("cameo")),
               "factuality": d.get("factuality")}
    else:
        label = d.get("label") or unquote(iri.rsplit("/", 1)[-1])
        docs = len(d.get("docs") or ())
        own = {"first_date": d.get("first_date"), "last_date": d.get("last_date"),
               "lat": _float(d.get("lat")), "lng": _float(d.get("lng")),
               "geonames_id": _int(d.get("geonames_id"))}
    r, g, b = TYPE_COLORS.get(ntype, DEFAULT_COLOR)
    attrs: dict[str, Value | None] = {
        "label": label, "iri": iri, "category": ntype, "mentions": mentions, "docs": docs,
        "degree": degree, **own, "r": r, "g": g, "b": b,
        # log growth: a country named 200 times should not dwarf everything else
        "size": round(10.0 + 6.0 * math.log1p(mentions), 3),
    }
    start, end = _iso(span.interval)
    return NodeView(node_id, xml_safe(iri), _clean(attrs, NODE_ATTRIBUTES), start, end,
                    span.spells)


def _clean(attrs: Mapping[str, Value | None], schema: Mapping[str, str]) -> dict[str, Value]:
    """Drop unknown values (None, "", NaN) and make strings XML-safe; schema order."""
    out: dict[str, Value] = {}
    for name in schema:
        value = attrs.get(name)
        if value is None:
            continue
        if isinstance(value, float) and not math.isfinite(value):
            continue
        if isinstance(value, str):
            value = _label(value) if name == "label" else xml_safe(value)
            if not value:
                continue
        out[name] = value
    return out


def _used(schema: Mapping[str, str], items: Iterable[NodeView | EdgeView]) -> dict[str, str]:
    present = {name for item in items for name in item.attrs}
    return {name: typ for name, typ in schema.items() if name in present}


def _iso(interval: tuple[date, date] | None) -> tuple[str | None, str | None]:
    return (interval[0].isoformat(), interval[1].isoformat()) if interval else (None, None)


def _float(value: object) -> float | None:
    try:
        f = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def _int(value: object) -> int | None:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


# --------------------------------------------------------------------------- output

def xml_bytes(root: etree._Element) -> bytes:
    """``root`` serialised: UTF-8, with the XML declaration, indented."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_xml(root: etree._Element, dest: Destination) -> None:
    """Serialise ``root`` (:func:`xml_bytes`) to a path or a binary file."""
    write_bytes(xml_bytes(root), dest)
