"""The graph as RDF: quads per document, serialised to Turtle, N-Quads and JSON-LD.

Every statement an article supports lives in that article's named graph (the
document IRI), so one article can be dropped or replaced; background facts
(gazetteer, alias table, build provenance) live in a named graph of their own (``ngid:background``).  Turtle
holds the union; N-Quads, TriG and JSON-LD the named graphs.  Output is sorted, so the same graph gives the same bytes.
"""

from __future__ import annotations

import contextlib
import functools
import heapq
import json
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import networkx as nx
import pyoxigraph as ox

from newsgraph.graph import iri
from newsgraph.graph.iri import PREFIXES  # (also imported from here: query, validate)

from .destination import Destination, open_binary, open_text, write_bytes

# Entity types of the contract: the schema.org (or ng:) class and the SEM role classes.
TYPE_CLASSES = {
    "Person": ("schema:Person", "sem:Actor"),
    "Organization": ("schema:Organization", "sem:Actor"),
    "Country": ("schema:Country", "sem:Actor", "sem:Place"),
    "Place": ("schema:Place", "sem:Place"),
    "Group": ("ng:Group", "sem:Actor"),
}
EVENT_CLASS_NS = PREFIXES["ngcls"]
# Keys of the graph's ``build`` dict written with a standard property; any other key
# ``k`` becomes ``ng:k`` (toolVersion, model, modelVersion).  The start time is there
# only when SOURCE_DATE_EPOCH fixes it (see newsgraph.provenance).
BUILD_PROPERTIES = {"startedAtTime": ("prov:startedAtTime", "xsd:dateTime")}
GEONAMES = "http://sws.geonames.org/{}/"


@functools.lru_cache(maxsize=8192)  # the same few hundred CURIEs, over and over
def _n(curie_or_iri: str) -> str:
    """The N-Triples form (``<iri>``) of a CURIE or IRI."""
    prefix, _, local = curie_or_iri.partition(":")
    if prefix in PREFIXES and not local.startswith("//"):
        return "<" + PREFIXES[prefix] + local + ">"
    return "<" + curie_or_iri + ">"


def _iri(value: str) -> str:
    return "<" + value + ">"  # oxrdf writes an IRI as is; parsing the lines checks it


@functools.lru_cache(maxsize=65536)
def _typed(value: str, datatype: str | None) -> str:
    """The N-Triples form of a literal, as pyoxigraph writes it (so sorting and N-Quads
    lines are exactly pyoxigraph's): one Rust object per distinct literal, not per quad."""
    if datatype is None:
        return str(ox.Literal(value))
    return str(ox.Literal(value, datatype=ox.NamedNode(_n(datatype)[1:-1])))


def _lit(value: object, datatype: str | None = None) -> str:
    if datatype:
        return _typed(str(value), datatype)
    if isinstance(value, bool):
        return _typed("true" if value else "false", "xsd:boolean")
    if isinstance(value, int):
        return _typed(str(value), "xsd:integer")
    if isinstance(value, float):
        return _typed(repr(round(value, 6)), "xsd:decimal")
    value = str(value)
    return _typed(value, None) if len(value) < 512 else str(ox.Literal(value))


def _time_literal(value: str) -> str:
    """xsd:date, xsd:gYearMonth or xsd:gYear by the lexical form."""
    kind = {10: "xsd:date", 7: "xsd:gYearMonth", 4: "xsd:gYear"}.get(len(value), "xsd:string")
    return _lit(value, kind)


# The named graph of background facts (gazetteer, alias table, build provenance): every quad
# is in a named graph, so one union setting shows everything in any store (CONTRACT.md).
BACKGROUND_GRAPH = "https://w3id.org/newsgraph/id/background"
DEFAULT = f"<{BACKGROUND_GRAPH}>"


def quads(g: nx.MultiDiGraph) -> list[ox.Quad]:
    """All quads of the graph, sorted and without duplicates."""
    text = "".join(_nquad_line(r) for r in sorted(set(records(g)))).encode("utf-8")
    return list(ox.parse(text, format=ox.RdfFormat.N_QUADS))


def records(g: nx.MultiDiGraph) -> Iterator[tuple[str, str]]:
    """Every quad of the graph as ``(graph, "S P O")`` in N-Triples forms (the strings
    ``str(quad.graph_name)`` and ``str(quad.triple)`` of pyoxigraph), unsorted and possibly
    repeated.  Building strings is much cheaper than a pyoxigraph object per term.

    The order: documents, then the nodes (entities, participants, events) in graph order,
    then the edges (event roles, relations with their evidence), then the build facts."""
    docs = g.graph.get("documents", {})
    for d_iri, doc in docs.items():
        yield from _document_records(d_iri, doc)
    for node_id, attrs in g.nodes(data=True):
        kind = attrs.get("kind")
        if kind == "entity":
            yield from _entity_records(_iri(node_id), attrs, docs)
            yield from _entity_background_records(_iri(node_id), attrs)
        elif kind == "participant":
            yield from _participant_records(_iri(node_id), attrs, docs)
        elif kind == "event":
            yield from _event_records(_iri(node_id), attrs, docs)
    for u, v, key, attrs in g.edges(keys=True, data=True):
        if attrs.get("kind") == "role":
            yield _role_record(g, u, v, attrs)
        else:
            yield from _relation_records(u, v, key, attrs)
    yield from _build_records(g.graph.get("build") or {}, docs)


def _q(s: str, p: str, o: str, graph: str = DEFAULT) -> tuple[str, str]:
    """One record: subject and object in N-Triples form, the predicate a CURIE."""
    return graph, f"{s} {_n(p)} {o}"


def _document_records(d_iri: str, doc: dict) -> Iterator[tuple[str, str]]:
    """The article: a schema:NewsArticle that is also the NIF context of its mentions."""
    d = gd = _iri(d_iri)
    yield _q(d, "rdf:type", _n("schema:NewsArticle"), gd)
    yield _q(d, "rdf:type", _n("nif:Context"), gd)
    yield _q(d, "schema:identifier", _lit(doc["id"]), gd)
    yield _q(d, "nif:isString", _lit(doc["text"]), gd)
    yield _q(d, "nif:beginIndex", _lit(0, "xsd:nonNegativeInteger"), gd)
    yield _q(d, "nif:endIndex", _lit(len(doc["text"]), "xsd:nonNegativeInteger"), gd)
    if doc.get("title"):
        yield _q(d, "schema:headline", _lit(doc["title"]), gd)
    if doc.get("date"):
        yield _q(d, "schema:datePublished", _time_literal(doc["date"]), gd)
    if doc.get("source"):
        src = doc["source"]
        if src.startswith(("http://", "https://")):
            yield _q(d, "schema:url", _lit(src, "xsd:anyURI"), gd)
        else:
            yield _q(d, "dct:source", _lit(src), gd)


def _mention_records(node: str, m: tuple, graph_doc: str, docs: dict) -> Iterator[tuple[str, str]]:
    """One mention ``(doc IRI, start, end, text)`` of ``node``: a NIF phrase in ``graph_doc``."""
    d_iri, start, end, text = m
    m_node = _iri(iri.mention_iri(docs[d_iri]["id"], start, end))
    gd = _iri(graph_doc)
    yield _q(node, "gaf:denotedBy", m_node, gd)
    yield _q(m_node, "rdf:type", _n("nif:Phrase"), gd)
    yield _q(m_node, "rdf:type", _n("nif:OffsetBasedString"), gd)
    yield _q(m_node, "nif:referenceContext", _iri(d_iri), gd)
    yield _q(m_node, "nif:beginIndex", _lit(start, "xsd:nonNegativeInteger"), gd)
    yield _q(m_node, "nif:endIndex", _lit(end, "xsd:nonNegativeInteger"), gd)
    yield _q(m_node, "nif:anchorOf", _lit(text), gd)


def _entity_records(s: str, attrs: dict, docs: dict) -> Iterator[tuple[str, str]]:
    """What the articles say of an entity, in each article's graph: its classes and label,
    its mentions and the other names it goes by there."""
    for d_iri in attrs["docs"]:
        gd = _iri(d_iri)
        for cls in TYPE_CLASSES[attrs["type"]]:
            yield _q(s, "rdf:type", _n(cls), gd)
        yield _q(s, "rdfs:label", _lit(attrs["label"]), gd)
    names_by_doc = {m[0]: set() for m in attrs["mentions"]}
    for m in attrs["mentions"]:
        names_by_doc[m[0]].add(m[3])
        yield from _mention_records(s, m, m[0], docs)
    for m in attrs.get("references", ()):
        yield from _mention_records(s, m, m[0], docs)  # "he", "the country": mentions, but not names (no altLabel)
    for d_iri, names in names_by_doc.items():
        for name in names - {attrs["label"]}:
            yield _q(s, "skos:altLabel", _lit(name), _iri(d_iri))
    # Names known only from background data (aliases of merged clusters).
    seen = set().union(*names_by_doc.values()) if names_by_doc else set()
    for name in attrs.get("alt_labels", ()):
        if name not in seen and name != attrs["label"]:
            graph = _iri(attrs["docs"][0]) if attrs["docs"] else DEFAULT
            yield _q(s, "skos:altLabel", _lit(name), graph)


def _entity_background_records(s: str, attrs: dict) -> Iterator[tuple[str, str]]:
    """Gazetteer and alias-table facts of an entity: the background graph, no article says them."""
    if attrs.get("geonames_id"):
        yield _q(s, "owl:sameAs", _iri(GEONAMES.format(attrs["geonames_id"])))
        yield _q(s, "ng:geonamesId", _lit(int(attrs["geonames_id"])))
    if attrs.get("lat") is not None and attrs.get("lng") is not None:
        yield _q(s, "pos:lat", _lit(float(attrs["lat"])))
        yield _q(s, "pos:long", _lit(float(attrs["lng"])))
    if attrs.get("country_code"):
        yield _q(s, "ng:countryCode", _lit(attrs["country_code"]))
    if attrs.get("same_as"):
        yield _q(s, "owl:sameAs", _iri(attrs["same_as"]))


def _participant_records(s: str, attrs: dict, docs: dict) -> Iterator[tuple[str, str]]:
    """An unnamed participant ("eleven people"): local to its article."""
    gd = _iri(attrs["doc"])
    yield _q(s, "rdf:type", _n(f"ng:{attrs['type']}"), gd)
    yield _q(s, "rdfs:label", _lit(attrs["label"]), gd)
    yield _q(s, "prov:wasDerivedFrom", gd, gd)
    for m in attrs["mentions"]:
        yield from _mention_records(s, m, attrs["doc"], docs)


def _event_records(s: str, attrs: dict, docs: dict) -> Iterator[tuple[str, str]]:
    """A sem:Event of one article, with its class, codes, date and trigger mentions."""
    gd = _iri(attrs["doc"])
    yield _q(s, "rdf:type", _n("sem:Event"), gd)
    yield _q(s, "sem:eventType", _iri(EVENT_CLASS_NS + attrs["event_class"]), gd)
    yield _q(s, "rdfs:label", _lit(attrs["label"]), gd)
    yield _q(s, "prov:wasDerivedFrom", gd, gd)
    # CAMEO codes what happened: a negated, hypothetical or future event keeps its class
    # (whose CAMEO code the SKOS scheme gives) but is not coded itself.
    if attrs.get("cameo") and (attrs.get("factuality") or "asserted") == "asserted":
        yield _q(s, "ng:cameoCode", _lit(attrs["cameo"]), gd)
    yield _q(s, "ng:factuality", _lit(attrs.get("factuality") or "asserted"), gd)
    if attrs.get("date"):
        yield _q(s, "sem:hasTimeStamp", _time_literal(attrs["date"]), gd)
    if attrs.get("reported_by"):
        yield _q(s, "ng:reportedBy", _iri(attrs["reported_by"]), gd)
    for kind, count in attrs.get("casualties", ()):
        yield _q(s, f"ng:{kind}", _lit(int(count)), gd)
    for m in attrs["mentions"]:
        yield from _mention_records(s, m, attrs["doc"], docs)


def _role_record(g: nx.MultiDiGraph, event: str, filler: str, attrs: dict) -> tuple[str, str]:
    """An event's participant or place, in the event's article graph."""
    prop = "sem:hasPlace" if attrs["role"] == "place" else f"ng:{attrs['role']}"
    return _q(_iri(event), prop, _iri(filler), _iri(g.nodes[event]["doc"]))


def _relation_records(u: str, v: str, key: str, attrs: dict) -> Iterator[tuple[str, str]]:
    """A relation: the plain triple, and (unless a background fact) its reification with
    confidence, codes and evidence in its article's graph."""
    s, o = _iri(u), _iri(v)
    pred = _n("ng:" + attrs["predicate"])
    if attrs.get("background"):
        yield DEFAULT, f"{s} {pred} {o}"
        return
    gd = _iri(attrs["doc"])
    yield gd, f"{s} {pred} {o}"
    r = _iri(key)
    yield _q(r, "rdf:type", _n("ng:Relation"), gd)
    yield _q(r, "rdf:type", _n("rdf:Statement"), gd)
    yield _q(r, "rdf:subject", s, gd)
    yield _q(r, "rdf:predicate", pred, gd)
    yield _q(r, "rdf:object", o, gd)
    yield _q(r, "ng:confidence", _lit(float(attrs["confidence"])), gd)
    yield _q(r, "prov:wasDerivedFrom", gd, gd)
    if attrs.get("cameo"):
        yield _q(r, "ng:cameoCode", _lit(attrs["cameo"]), gd)
    if attrs.get("event"):
        yield _q(r, "ng:derivedFromEvent", _iri(attrs["event"]), gd)
    if attrs.get("reported_by"):
        yield _q(r, "ng:reportedBy", _iri(attrs["reported_by"]), gd)
    yield from _evidence_records(r, key, attrs["evidence"], gd)


def _evidence_records(r: str, key: str, evidence: tuple, gd: str) -> Iterator[tuple[str, str]]:
    """The quote backing relation ``r``: a Web Annotation with position and quote selectors."""
    start, end, text = evidence
    ann_iri = iri.evidence_iri(key)
    ann = _iri(ann_iri)
    target, pos_sel, quote_sel = (_iri(f"{ann_iri}#{part}") for part in ("target", "position", "quote"))
    yield _q(r, "ng:evidence", ann, gd)
    yield _q(ann, "rdf:type", _n("oa:Annotation"), gd)
    yield _q(ann, "oa:hasTarget", target, gd)
    yield _q(target, "oa:hasSource", gd, gd)
    yield _q(target, "oa:hasSelector", pos_sel, gd)
    yield _q(target, "oa:hasSelector", quote_sel, gd)
    yield _q(pos_sel, "rdf:type", _n("oa:TextPositionSelector"), gd)
    yield _q(pos_sel, "oa:start", _lit(start, "xsd:nonNegativeInteger"), gd)
    yield _q(pos_sel, "oa:end", _lit(end, "xsd:nonNegativeInteger"), gd)
    yield _q(quote_sel, "rdf:type", _n("oa:TextQuoteSelector"), gd)
    yield _q(quote_sel, "oa:exact", _lit(text), gd)


def _build_records(build: dict, docs: dict) -> Iterator[tuple[str, str]]:
    """The build as a prov:Activity that used every document (the background graph)."""
    if not build:
        return
    act = _iri(iri.ID + "build")
    yield _q(act, "rdf:type", _n("prov:Activity"))
    for k in sorted(build):
        if build[k] is not None:
            prop, datatype = BUILD_PROPERTIES.get(k, (f"ng:{k}", None))
            yield _q(act, prop, _lit(build[k], datatype))
    for d_iri in docs:
        yield _q(act, "prov:used", _iri(d_iri))


def _sort_key(quad: ox.Quad) -> tuple[str, str]:
    """The order of ``(graph, subject, predicate, object)`` as N-Triples strings.

    ``str(triple)`` is "S P O": subjects and predicates are IRIs, which hold no space and
    are never a prefix of one another's N-Triples form, so comparing the joined string
    compares the three terms in turn (and one call is much cheaper than three)."""
    return (str(quad.graph_name), str(quad.triple))


def _triples(qs: list[ox.Quad]) -> list[ox.Triple]:
    return sorted({x.triple for x in qs}, key=str)  # same order as by (S, P, O); see _sort_key


def _nquad_line(record: tuple[str, str]) -> str:
    graph, triple = record
    return f"{triple} {graph} .\n"


SORT_CHUNK = 100_000  # lines sorted in memory at once (quads, triples; JSON-LD nodes: a fifth)


class _Sorter:
    """Sorted distinct lines (no newline inside) with bounded memory: runs of ``chunk``
    lines are sorted and written to ``folder``, then merged."""

    def __init__(self, folder: str, name: str, chunk: int | None = None) -> None:
        self.folder, self.name, self.chunk = folder, name, chunk or SORT_CHUNK
        self.buffer: set[str] = set()
        self.runs: list[str] = []

    def add(self, line: str) -> None:
        self.buffer.add(line)
        if len(self.buffer) >= self.chunk:
            self._spill()

    def _spill(self) -> None:
        path = os.path.join(self.folder, f"{self.name}.{len(self.runs)}")
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.writelines(line + "\n" for line in sorted(self.buffer))
        self.buffer = set()
        self.runs.append(path)

    def __iter__(self) -> Iterator[str]:
        if not self.runs:
            yield from sorted(self.buffer)
            self.buffer = set()
            return
        if self.buffer:
            self._spill()
        files = [open(p, encoding="utf-8", newline="\n") for p in self.runs]
        try:
            last = None
            for line in heapq.merge(*files):
                if line != last:
                    yield line[:-1]
                    last = line
        finally:
            for fh in files:
                fh.close()
            for p in self.runs:
                os.unlink(p)
            self.runs = []


class Prepared:
    """The graph's RDF written once, sorted, to two files in a scratch folder: the
    N-Quads document (``nquads``) and the distinct triples as N-Triples (``ntriples``),
    sorted as Turtle and JSON-LD want them.  Memory stays bounded: quads are produced as
    strings and sorted on disk in runs, never all held at once."""

    def __init__(self, g: nx.MultiDiGraph, folder: str | os.PathLike | None = None) -> None:
        from newsgraph.exports import scratch_dir

        self._tmp = scratch_dir(folder, "rdf")
        d = self._tmp.name
        try:
            quad_lines, triple_lines = _Sorter(d, "q"), _Sorter(d, "t")
            for graph, triple in records(g):
                quad_lines.add(f"{graph} {triple}")  # graphs are never a prefix of one another
                triple_lines.add(triple)
            self.ntriples = os.path.join(d, "graph.nt")
            self.n_triples = 0
            with open(self.ntriples, "w", encoding="utf-8", newline="\n") as fh:
                for self.n_triples, line in enumerate(triple_lines, 1):
                    fh.write(line + " .\n")
        except BaseException:  # failed or stopped (SIGTERM) here: no caller will close it
            self._tmp.cleanup()
            raise
        # Written on first use, so that the JSON-LD process can start before it.
        self._quad_lines: _Sorter | None = quad_lines
        self._nquads = os.path.join(d, "graph.nq")
        self._graphs: list[tuple[str, int, int]] = []  # (graph, start, end) in the N-Quads file

    @property
    def nquads(self) -> str:
        if self._quad_lines is not None:
            # The lines of one graph are contiguous (sorted by graph first): note where
            # each graph starts and ends, for ``graphs``.
            spans, current, start = self._graphs, None, 0
            with open(self._nquads, "w", encoding="utf-8", newline="\n") as fh:
                for line in self._quad_lines:
                    graph, _, triple = line.partition(" ")
                    if graph != current:
                        if current is not None:
                            end = fh.tell()  # cheap: a write-only UTF-8 file has no decoder state
                            spans.append((current, start, end))
                            start = end
                        current = graph
                    fh.write(_nquad_line((graph, triple)))
                if current is not None:
                    spans.append((current, start, fh.tell()))
            self._quad_lines = None
        return self._nquads

    def graphs(self) -> Iterator[tuple[str, bytes]]:
        """The N-Quads file one graph at a time, in its (sorted) order: ``(name, lines)``,
        name the graph's IRI, lines that graph's N-Quads
        lines exactly as in the file.  Only one graph is held in memory at a time."""
        path = self.nquads
        with open(path, "rb") as fh:
            for graph, start, end in self._graphs:
                fh.seek(start)
                yield graph[1:-1], fh.read(end - start)

    @classmethod
    def reopen(cls, nquads: str) -> "Prepared":
        """The (finished) N-Quads file of a Prepared made elsewhere (another process); not
        owned.  Only ``nquads`` and ``quads`` work on it."""
        self = cls.__new__(cls)
        self._tmp, self._quad_lines, self._nquads, self.ntriples, self.n_triples = None, None, nquads, None, None
        self._graphs = []
        return self

    def jsonld_in_background(self, dest: str):
        """Start writing the JSON-LD file ``dest`` in another process, beside the other
        writers (it is the slowest, and only needs the sorted quads: the N-Quads file is
        finished first): returns a function that waits for it (``cancel=True``: that kills
        it), or None when not worth it (small graph, one core)."""
        if (self.n_triples or 0) < BACKGROUND_JSONLD or (os.cpu_count() or 1) < 2 or not sys.executable:
            return None
        import subprocess

        # A fresh interpreter running only the writer (not multiprocessing, which would
        # import the caller's __main__ again in the child).
        code = "import sys; from newsgraph.exports.rdf import _jsonld_job; _jsonld_job(*sys.argv[1:])"
        try:
            proc = subprocess.Popen([sys.executable, "-c", code, self.nquads, str(dest)],
                                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        except OSError:
            return None

        def wait(cancel: bool = False) -> None:
            if cancel:  # the build failed or was stopped: end it now, write nothing here
                proc.kill()
                proc.communicate()
                return
            _, err = proc.communicate()
            if proc.returncode != 0:  # whatever went wrong there: write it here (or fail here)
                write_jsonld(None, dest, _rdf=self)
        return wait

    def quads(self) -> Iterator[ox.Quad]:
        return ox.parse(path=self.nquads, format=ox.RdfFormat.N_QUADS)

    def triples(self) -> Iterator[ox.Quad]:
        return ox.parse(path=self.ntriples, format=ox.RdfFormat.N_TRIPLES)

    def close(self) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()


# Graphs with at least this many distinct triples get their JSON-LD written in a second
# process while this one writes the other files (a spawned interpreter costs ~0.5 s).
BACKGROUND_JSONLD = 50_000


def _jsonld_job(nquads: str, dest: str) -> None:
    write_jsonld(None, dest, _rdf=Prepared.reopen(nquads))


@contextmanager
def _prepared(g, _quads, _rdf):
    """The prepared sorted files for the writers below: the caller's, none when it passed the
    quads themselves, or ones made (and removed) here."""
    if _rdf is not None or _quads is not None:
        yield _rdf
        return
    own = Prepared(g)
    try:
        yield own
    finally:
        own.close()


def write_turtle(g: nx.MultiDiGraph, dest: Destination, *, _quads=None, _rdf=None) -> None:
    """The union of all graphs as readable Turtle (exports/turtle.py)."""
    from . import turtle

    with _prepared(g, _quads, _rdf) as rdf:
        triples = _triples(_quads) if rdf is None else rdf.triples()
        with open_binary(dest) as out:
            turtle.write_turtle(triples, out)


def write_nquads(g: nx.MultiDiGraph, dest: Destination, *, _quads=None, _rdf=None) -> None:
    """N-Quads, one named graph per document plus the background graph."""
    with _prepared(g, _quads, _rdf) as rdf:
        if rdf is None:
            with open_binary(dest) as out:
                ox.serialize(_quads, out, format=ox.RdfFormat.N_QUADS)
            return
        with open(rdf.nquads, "rb") as src, open_binary(dest) as out:
            shutil.copyfileobj(src, out)


def write_trig(g: nx.MultiDiGraph, dest: Destination, *, _quads=None, _rdf=None) -> None:
    """TriG: the named graphs of the N-Quads file, readable (exports/turtle.py), one block per
    document and one for the background graph."""
    from . import turtle

    with _prepared(g, _quads, _rdf) as rdf:
        qs = _quads if rdf is None else rdf.quads()
        with open_binary(dest) as out:
            turtle.write_trig(qs, out)


def jsonld_context() -> dict:
    """The JSON-LD context, inlined so that no reader ever fetches one."""
    return {k: v for k, v in sorted(PREFIXES.items())}


def write_jsonld(g: nx.MultiDiGraph, dest: Destination, *, _quads=None, _rdf=None) -> None:
    """The named graphs of the N-Quads file as compact JSON-LD with an inline context: one
    node object per graph, ``{"@id": <graph IRI>, "@graph": [...]}``
    (:func:`newsgraph.exports.jsonld.write_graphs`), sorted, node by node."""
    from . import jsonld

    with _prepared(g, _quads, _rdf) as rdf:
        if rdf is not None:  # from the sorted N-Quads file: bounded memory
            folder = os.path.dirname(rdf.nquads)
            quads = rdf.quads
        else:
            import tempfile
            folder = tempfile.gettempdir()  # (only used past SORT_CHUNK nodes per graph)
            ordered = sorted(set(_quads), key=_sort_key)
            quads = lambda: iter(ordered)  # noqa: E731
        counter = iter(range(1 << 62))

        def make_sorter() -> _Sorter:
            return _Sorter(folder, f"j{os.getpid()}.{next(counter)}", chunk=max(1, SORT_CHUNK // 5))

        try:
            # write_graphs may give up (Unsupported) after writing some graphs: a path is
            # rewritten below, a caller's file gets the document only once it is whole.
            from .destination import is_path
            import tempfile
            with (contextlib.nullcontext(dest) if is_path(dest)
                  else tempfile.TemporaryFile(dir=folder)) as target:
                with open_text(target) as write:
                    jsonld.write_graphs(quads(), jsonld_context(), _sorted_lists, make_sorter, write)
                if not is_path(dest):
                    target.seek(0)
                    shutil.copyfileobj(target, dest)
            return
        except jsonld.Unsupported:  # blank nodes, default-graph quads: rdflib's document
            import rdflib

            ds = rdflib.Dataset()
            ds.parse(data=ox.serialize(quads(), format=ox.RdfFormat.N_QUADS).decode("utf-8"), format="nquads")
            data = _sorted_lists(json.loads(ds.serialize(format="json-ld", context=jsonld_context(),
                                                         auto_compact=True)))
        write_bytes(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8") + b"\n", dest)


def _sorted_lists(value):
    """rdflib's JSON-LD lists follow hash order: sort every list for byte-identical output.

    Sorting is safe because the graph holds no rdf:List (ordered) values.
    """
    if isinstance(value, dict):
        return {k: _sorted_lists(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sorted_lists(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value
