"""The graph as RDF: quads per document, serialised to Turtle, N-Quads and JSON-LD.

Every statement an article supports lives in that article's named graph (the
document IRI), so one article can be dropped or replaced; background facts
(gazetteer, alias table, build provenance) live in the default graph.  Turtle and
JSON-LD hold the union.  Output is sorted, so the same graph gives the same bytes.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterator
from typing import BinaryIO

import networkx as nx
import pyoxigraph as ox

from newsgraph.graph import iri

PREFIXES = {
    "ng": iri.NG,
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "schema": "https://schema.org/",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "gaf": "http://groundedannotationframework.org/gaf#",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "oa": "http://www.w3.org/ns/oa#",
    "pos": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dct": "http://purl.org/dc/terms/",
    "ngid": iri.ID,
    "ngent": iri.ID + "entity/",
    "ngcls": "https://w3id.org/newsgraph/event-class/",
}

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
def _n(curie_or_iri: str) -> ox.NamedNode:
    prefix, _, local = curie_or_iri.partition(":")
    if prefix in PREFIXES and not local.startswith("//"):
        return ox.NamedNode(PREFIXES[prefix] + local)
    return ox.NamedNode(curie_or_iri)


def _lit(value: object, datatype: str | None = None) -> ox.Literal:
    if datatype:
        return ox.Literal(str(value), datatype=_n(datatype))
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=_n("xsd:boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=_n("xsd:integer"))
    if isinstance(value, float):
        return ox.Literal(repr(round(value, 6)), datatype=_n("xsd:decimal"))
    return ox.Literal(str(value))


def _time_literal(value: str) -> ox.Literal:
    """xsd:date, xsd:gYearMonth or xsd:gYear by the lexical form."""
    kind = {10: "xsd:date", 7: "xsd:gYearMonth", 4: "xsd:gYear"}.get(len(value), "xsd:string")
    return _lit(value, kind)


RDF_TYPE = _n("rdf:type")
DEFAULT = ox.DefaultGraph()


def quads(g: nx.MultiDiGraph) -> list[ox.Quad]:
    """All quads of the graph, sorted and without duplicates."""
    out: set[ox.Quad] = set()
    add = out.add
    docs = g.graph.get("documents", {})

    def q(s: ox.NamedNode, p: str, o, graph=DEFAULT) -> None:
        add(ox.Quad(s, _n(p), o, graph))

    for d_iri, doc in docs.items():
        d, gd = ox.NamedNode(d_iri), ox.NamedNode(d_iri)
        q(d, "rdf:type", _n("schema:NewsArticle"), gd)
        q(d, "rdf:type", _n("nif:Context"), gd)
        q(d, "schema:identifier", _lit(doc["id"]), gd)
        q(d, "nif:isString", _lit(doc["text"]), gd)
        q(d, "nif:beginIndex", _lit(0, "xsd:nonNegativeInteger"), gd)
        q(d, "nif:endIndex", _lit(len(doc["text"]), "xsd:nonNegativeInteger"), gd)
        if doc.get("title"):
            q(d, "schema:headline", _lit(doc["title"]), gd)
        if doc.get("date"):
            q(d, "schema:datePublished", _time_literal(doc["date"]), gd)
        if doc.get("source"):
            src = doc["source"]
            if src.startswith(("http://", "https://")):
                q(d, "schema:url", _lit(src, "xsd:anyURI"), gd)
            else:
                q(d, "dct:source", _lit(src), gd)

    def mention(node: ox.NamedNode, m: tuple, graph_doc: str) -> None:
        d_iri, start, end, text = m
        doc_id = docs[d_iri]["id"]
        m_node = ox.NamedNode(iri.mention_iri(doc_id, start, end))
        gd = ox.NamedNode(graph_doc)
        q(node, "gaf:denotedBy", m_node, gd)
        q(m_node, "rdf:type", _n("nif:Phrase"), gd)
        q(m_node, "rdf:type", _n("nif:OffsetBasedString"), gd)
        q(m_node, "nif:referenceContext", ox.NamedNode(d_iri), gd)
        q(m_node, "nif:beginIndex", _lit(start, "xsd:nonNegativeInteger"), gd)
        q(m_node, "nif:endIndex", _lit(end, "xsd:nonNegativeInteger"), gd)
        q(m_node, "nif:anchorOf", _lit(text), gd)

    for node_id, attrs in g.nodes(data=True):
        s = ox.NamedNode(node_id)
        if attrs.get("kind") == "entity":
            for d_iri in attrs["docs"]:
                gd = ox.NamedNode(d_iri)
                for cls in TYPE_CLASSES[attrs["type"]]:
                    q(s, "rdf:type", _n(cls), gd)
                q(s, "rdfs:label", _lit(attrs["label"]), gd)
            names_by_doc = {m[0]: set() for m in attrs["mentions"]}
            for m in attrs["mentions"]:
                names_by_doc[m[0]].add(m[3])
                mention(s, m, m[0])
            for m in attrs.get("references", ()):
                mention(s, m, m[0])  # "he", "the country": mentions, but not names (no altLabel)
            for d_iri, names in names_by_doc.items():
                for name in names - {attrs["label"]}:
                    q(s, "skos:altLabel", _lit(name), ox.NamedNode(d_iri))
            # Names known only from background data (aliases of merged clusters).
            seen = set().union(*names_by_doc.values()) if names_by_doc else set()
            for name in attrs.get("alt_labels", ()):
                if name not in seen and name != attrs["label"]:
                    graph = ox.NamedNode(attrs["docs"][0]) if attrs["docs"] else DEFAULT
                    q(s, "skos:altLabel", _lit(name), graph)
            if attrs.get("geonames_id"):
                q(s, "owl:sameAs", ox.NamedNode(GEONAMES.format(attrs["geonames_id"])))
                q(s, "ng:geonamesId", _lit(int(attrs["geonames_id"])))
            if attrs.get("lat") is not None and attrs.get("lng") is not None:
                q(s, "pos:lat", _lit(float(attrs["lat"])))
                q(s, "pos:long", _lit(float(attrs["lng"])))
            if attrs.get("country_code"):
                q(s, "ng:countryCode", _lit(attrs["country_code"]))
            if attrs.get("same_as"):
                q(s, "owl:sameAs", ox.NamedNode(attrs["same_as"]))
        elif attrs.get("kind") == "participant":
            gd = ox.NamedNode(attrs["doc"])
            q(s, "rdf:type", _n(f"ng:{attrs['type']}"), gd)
            q(s, "rdfs:label", _lit(attrs["label"]), gd)
            q(s, "prov:wasDerivedFrom", gd, gd)
            for m in attrs["mentions"]:
                mention(s, m, attrs["doc"])
        elif attrs.get("kind") == "event":
            gd = ox.NamedNode(attrs["doc"])
            q(s, "rdf:type", _n("sem:Event"), gd)
            q(s, "sem:eventType", ox.NamedNode(EVENT_CLASS_NS + attrs["event_class"]), gd)
            q(s, "rdfs:label", _lit(attrs["label"]), gd)
            q(s, "prov:wasDerivedFrom", gd, gd)
            # CAMEO codes what happened: a negated, hypothetical or future event keeps its class
            # (whose CAMEO code the SKOS scheme gives) but is not coded itself.
            if attrs.get("cameo") and (attrs.get("factuality") or "asserted") == "asserted":
                q(s, "ng:cameoCode", _lit(attrs["cameo"]), gd)
            q(s, "ng:factuality", _lit(attrs.get("factuality") or "asserted"), gd)
            if attrs.get("date"):
                q(s, "sem:hasTimeStamp", _time_literal(attrs["date"]), gd)
            if attrs.get("reported_by"):
                q(s, "ng:reportedBy", ox.NamedNode(attrs["reported_by"]), gd)
            for kind, count in attrs.get("casualties", ()):
                q(s, f"ng:{kind}", _lit(int(count)), gd)
            for m in attrs["mentions"]:
                mention(s, m, attrs["doc"])

    for u, v, key, attrs in g.edges(keys=True, data=True):
        s, o = ox.NamedNode(u), ox.NamedNode(v)
        if attrs.get("kind") == "role":
            graph = ox.NamedNode(g.nodes[u]["doc"])
            prop = "sem:hasPlace" if attrs["role"] == "place" else f"ng:{attrs['role']}"
            q(s, prop, o, graph)
            continue
        pred = _n("ng:" + attrs["predicate"])
        if attrs.get("background"):
            add(ox.Quad(s, pred, o, DEFAULT))
            continue
        gd = ox.NamedNode(attrs["doc"])
        add(ox.Quad(s, pred, o, gd))
        r = ox.NamedNode(key)
        q(r, "rdf:type", _n("ng:Relation"), gd)
        q(r, "rdf:type", _n("rdf:Statement"), gd)
        q(r, "rdf:subject", s, gd)
        add(ox.Quad(r, _n("rdf:predicate"), pred, gd))
        q(r, "rdf:object", o, gd)
        q(r, "ng:confidence", _lit(float(attrs["confidence"])), gd)
        q(r, "prov:wasDerivedFrom", gd, gd)
        if attrs.get("cameo"):
            q(r, "ng:cameoCode", _lit(attrs["cameo"]), gd)
        if attrs.get("event"):
            q(r, "ng:derivedFromEvent", ox.NamedNode(attrs["event"]), gd)
        if attrs.get("reported_by"):
            q(r, "ng:reportedBy", ox.NamedNode(attrs["reported_by"]), gd)
        start, end, text = attrs["evidence"]
        ann = ox.NamedNode(key.replace("/relation/", "/annotation/"))
        target, pos_sel, quote_sel = (ox.NamedNode(f"{ann.value}#{part}")
                                      for part in ("target", "position", "quote"))
        q(r, "ng:evidence", ann, gd)
        q(ann, "rdf:type", _n("oa:Annotation"), gd)
        q(ann, "oa:hasTarget", target, gd)
        q(target, "oa:hasSource", gd, gd)
        q(target, "oa:hasSelector", pos_sel, gd)
        q(target, "oa:hasSelector", quote_sel, gd)
        q(pos_sel, "rdf:type", _n("oa:TextPositionSelector"), gd)
        q(pos_sel, "oa:start", _lit(start, "xsd:nonNegativeInteger"), gd)
        q(pos_sel, "oa:end", _lit(end, "xsd:nonNegativeInteger"), gd)
        q(quote_sel, "rdf:type", _n("oa:TextQuoteSelector"), gd)
        q(quote_sel, "oa:exact", _lit(text), gd)

    build = g.graph.get("build") or {}
    if build:
        act = ox.NamedNode(iri.ID + "build")
        q(act, "rdf:type", _n("prov:Activity"))
        for k in sorted(build):
            if build[k] is not None:
                prop, datatype = BUILD_PROPERTIES.get(k, (f"ng:{k}", None))
                q(act, prop, _lit(build[k], datatype))
        for d_iri in docs:
            q(act, "prov:used", ox.NamedNode(d_iri))
    return sorted(out, key=_sort_key)


def _sort_key(quad: ox.Quad) -> tuple[str, str]:
    """The order of ``(graph, subject, predicate, object)`` as N-Triples strings.

    ``str(triple)`` is "S P O": subjects and predicates are IRIs, which hold no space and
    are never a prefix of one another's N-Triples form, so comparing the joined string
    compares the three terms in turn (and one call is much cheaper than three)."""
    return (str(quad.graph_name), str(quad.triple))


def _triples(qs: list[ox.Quad]) -> list[ox.Triple]:
    return sorted({x.triple for x in qs}, key=str)  # same order as by (S, P, O); see _sort_key


def _write(data: bytes, dest: str | os.PathLike | BinaryIO) -> None:
    if hasattr(dest, "write"):
        dest.write(data)  # type: ignore[union-attr]
    else:
        with open(dest, "wb") as fh:
            fh.write(data)


def _dest(dest: str | os.PathLike | BinaryIO):
    """Where pyoxigraph writes: straight into the file, never a whole copy in memory."""
    return dest if hasattr(dest, "write") else str(dest)


def write_turtle(g: nx.MultiDiGraph, dest: str | os.PathLike | BinaryIO, *, _quads=None) -> None:
    """The union of all graphs as Turtle."""
    qs = _quads if _quads is not None else quads(g)
    ox.serialize(_triples(qs), _dest(dest), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def write_nquads(g: nx.MultiDiGraph, dest: str | os.PathLike | BinaryIO, *, _quads=None) -> None:
    """N-Quads, one named graph per document plus the default graph for background facts."""
    qs = _quads if _quads is not None else quads(g)
    ox.serialize(qs, _dest(dest), format=ox.RdfFormat.N_QUADS)


def write_trig(g: nx.MultiDiGraph, dest: str | os.PathLike | BinaryIO, *, _quads=None) -> None:
    """TriG: the named graphs of the N-Quads file, with prefixes, one block per document."""
    qs = _quads if _quads is not None else quads(g)
    ox.serialize(qs, _dest(dest), format=ox.RdfFormat.TRIG, prefixes=PREFIXES)


def jsonld_context() -> dict:
    """The JSON-LD context, inlined so that no reader ever fetches one."""
    return {k: v for k, v in sorted(PREFIXES.items())}


def write_jsonld(g: nx.MultiDiGraph, dest: str | os.PathLike | BinaryIO, *, _quads=None) -> None:
    """The union graph as compact JSON-LD (rdflib) with an inline context."""
    from . import jsonld

    qs = _quads if _quads is not None else quads(g)
    triples = _triples(qs)
    try:  # the same document as rdflib's, built directly (rdflib took seconds per 100k triples)
        data = jsonld.sorted_document(jsonld.compact(triples, jsonld_context()), _sorted_lists)
    except jsonld.Unsupported:
        import rdflib

        graph = rdflib.Graph()
        graph.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
        data = _sorted_lists(json.loads(graph.serialize(format="json-ld", context=jsonld_context(),
                                                        auto_compact=True)))
    _write(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8") + b"\n", dest)


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
