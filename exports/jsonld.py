"""Compact JSON-LD straight from sorted triples or quads, fast.

``graph.jsonld`` is written by :func:`write_graphs`: one node object per named graph of
``graph.nq`` (``{"@id": <graph>, "@graph": [...]}``), each holding that graph's subjects
in the compact forms below.  :func:`compact` gives the union graph as rdflib's serialiser does;
``tests/test_build_scale.py`` holds the compactor to rdflib's output through it.

``rdf.write_jsonld`` used to parse the whole graph into rdflib and serialise it with
``auto_compact``; on a few hundred articles that took longer than all other exports
together.  This module builds the same compact structure directly (same IRI shrinking,
same ``@type``/``@id``/``@value`` forms, same native numbers and booleans) and leaves
only literal normalisation to rdflib, cached per distinct literal.  Graphs it does not
cover (blank nodes, one subject or none) go through rdflib as before.
"""

from __future__ import annotations

import itertools
import json.encoder
from collections.abc import Iterable, Iterator

import pyoxigraph as ox

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
# rdflib's jsonld PLAIN_LITERAL_TYPES: written as JSON values (numbers, booleans).
NATIVE = frozenset({XSD + "boolean", XSD + "integer", XSD + "double", XSD_STRING})
_GEN_DELIMS = (":", "/", "?", "#", "[", "]", "@")
_DELIMS = ("#", "/", ":")


_ENCODE_STR = json.encoder.encode_basestring  # the C function when available, as json.dumps uses


class Unsupported(Exception):
    """A graph this writer does not reproduce exactly; the caller falls back to rdflib."""


def _split_iri(iri: str) -> tuple[str, str | None]:
    for delim in _DELIMS:
        at = iri.rfind(delim)
        if at > -1:
            return iri[:at + 1], iri[at + 1:]
    return iri, None


class _Context:
    def __init__(self, context: dict[str, str]) -> None:
        self.prefixes: dict[str, str] = {}
        for name, ns in context.items():
            if isinstance(ns, str) and ns.endswith(_GEN_DELIMS):
                self.prefixes[ns] = name
        self._shrunk: dict[str, str] = {}
        self._symbols: dict[str, str] = {}

    def shrink_iri(self, iri: str) -> str:
        out = self._shrunk.get(iri)
        if out is None:
            ns, name = _split_iri(iri)
            pfx = self.prefixes.get(ns)
            out = self._shrunk[iri] = f"{pfx}:{name}" if pfx else iri
        return out

    def to_symbol(self, iri: str) -> str:
        out = self._symbols.get(iri)
        if out is None:
            if iri in self.prefixes:  # the IRI of a term: its name
                out = self.prefixes[iri]
            else:
                out = self.shrink_iri(iri)
            self._symbols[iri] = out
        return out


class _Literals:
    """rdflib's view of a typed literal, cached: its normalised lexical form and its value."""

    def __init__(self) -> None:
        import rdflib
        self._rdflib = rdflib
        self._cache: dict[tuple[str, str], tuple[str, object]] = {}

    def get(self, value: str, datatype: str) -> tuple[str, object]:
        out = self._cache.get((value, datatype))
        if out is None:
            lit = self._rdflib.Literal(value, datatype=self._rdflib.URIRef(datatype))
            out = self._cache[(value, datatype)] = (str(lit), lit.toPython())
        return out


class _Compactor:
    """Compact JSON-LD node objects, one subject at a time (rdflib's forms, see module)."""

    def __init__(self, context: dict[str, str]) -> None:
        self.ctx = _Context(context)
        self.lits = _Literals()

    def add(self, node: dict, s_value: str, p: ox.NamedNode, o, normalised: set) -> None:
        ctx = self.ctx
        pred = p.value
        if isinstance(o, ox.NamedNode):
            if pred == RDF_TYPE:
                key, value = "@type", ctx.to_symbol(o.value)
            else:
                key, value = ctx.to_symbol(pred), {"@id": ctx.shrink_iri(o.value)}
        else:
            key = ctx.to_symbol(pred)
            dt = o.datatype.value
            if o.language:
                value = {"@language": o.language, "@value": o.value}
            elif dt == XSD_STRING:
                value = o.value
            else:
                lexical, native = self.lits.get(o.value, dt)
                seen = (s_value, pred, dt, lexical)
                if seen in normalised:  # rdflib normalises ("007" -> "7"): one term then
                    return
                normalised.add(seen)
                value = native if dt in NATIVE else {"@type": ctx.to_symbol(dt), "@value": lexical}
        old = node.get(key)
        if not old:  # as rdflib: ``if value:`` (a falsy first value is replaced, not listed)
            node[key] = value
        elif isinstance(old, list):
            old.append(value)
        else:
            node[key] = [old, value]


def _check(t) -> None:
    if not isinstance(t.subject, ox.NamedNode) or isinstance(t.object, (ox.BlankNode, ox.Triple)):
        raise Unsupported("blank nodes or quoted triples")


def compact(triples: Iterable[ox.Triple], context: dict[str, str]) -> dict:
    """The object ``json.loads(rdflib_graph.serialize(format="json-ld", context=context,
    auto_compact=True))`` gives for these triples (before list sorting)."""
    comp = _Compactor(context)
    nodes: dict[str, dict] = {}
    normalised: set[tuple[str, str, str, str]] = set()
    for t in triples:
        _check(t)
        node_id = comp.ctx.shrink_iri(t.subject.value)
        node = nodes.get(node_id)
        if node is None:
            node = nodes[node_id] = {"@id": node_id}
        comp.add(node, t.subject.value, t.predicate, t.object, normalised)
    if len(nodes) <= 1:
        raise Unsupported("one subject or none")
    return {"@graph": list(nodes.values()), "@context": context}


def write_graphs(quads: Iterable, context: dict[str, str], sort_lists, make_sorter,
                 write) -> None:
    """A JSON-LD document with one node object per named graph, written through
    ``write(str)``::

        {"@context": {...inline...},
         "@graph": [{"@graph": [node, ...], "@id": "ngid:background"}, ...]}

    ``quads`` must come sorted by graph, then subject (the N-Quads file's order); graphs
    appear in that order (by IRI), the nodes of a graph sorted by compact id, every key
    and list sorted (``json.dumps(..., indent=1, sort_keys=True)`` layout).  Memory: one
    node at a time, the nodes of one graph in ``make_sorter()`` (sorted on disk in runs).
    A quad in the default graph would sit in the document's top-level ``@graph``: the
    builder never makes one, so it raises :class:`Unsupported` (as blank nodes do)
    before anything is written."""
    import json

    comp = _Compactor(context)
    mark = "\x00graphs\x00"
    skeleton = json.dumps({"@context": sort_lists(context), "@graph": [mark]},
                          ensure_ascii=False, indent=1, sort_keys=True)
    head, tail = skeleton.split(json.dumps(mark, ensure_ascii=False))
    started = False
    graphs = 0
    for graph_name, in_graph in itertools.groupby(quads, key=lambda q: q.graph_name):
        if not isinstance(graph_name, ox.NamedNode):
            raise Unsupported("a quad in the default graph")
        sorter = make_sorter()
        for node_id, text in _nodes(comp, in_graph, sort_lists):
            sorter.add(json.dumps(node_id, ensure_ascii=False) + "\t" + json.dumps(text, ensure_ascii=False))
        if not started:
            write(head)
            started = True
        write(",\n  " if graphs else "")
        graphs += 1
        write('{\n   "@graph": [\n    ')
        for i, line in enumerate(sorter):
            if i:
                write(",\n    ")
            write(json.loads(line.partition("\t")[2]))
        write('\n   ],\n   "@id": ' + _encode(comp.ctx.shrink_iri(graph_name.value)) + "\n  }")
    if not started:
        write(json.dumps({"@context": sort_lists(context), "@graph": []},
                         ensure_ascii=False, indent=1, sort_keys=True) + "\n")
        return
    write(tail + "\n")


def _nodes(comp: _Compactor, quads: Iterable, sort_lists) -> Iterator[tuple[str, str]]:
    """``(compact id, JSON text)`` of each subject's node in ``quads`` (sorted by subject);
    one node in memory at a time."""
    ids: set[str] = set()
    for subject, group in itertools.groupby(quads, key=lambda q: q.subject):
        node: dict = {}
        normalised: set = set()
        for q in group:
            _check(q)
            if not node:
                node["@id"] = comp.ctx.shrink_iri(subject.value)
            comp.add(node, subject.value, q.predicate, q.object, normalised)
        node_id = node["@id"]
        # Keys are JSON strings with no inner quote: none is a prefix of another.
        if node_id in ids or '"' in node_id or "\\" in node_id:
            raise Unsupported("two subjects with one compact id, or an id JSON escapes")
        ids.add(node_id)
        yield node_id, _node_text(node, sort_lists, 4)


def _json_key(value) -> str:
    """``json.dumps(value, sort_keys=True, ensure_ascii=False)``: the key lists are sorted by."""
    if isinstance(value, str):
        return _ENCODE_STR(value)
    import json
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _node_text(node: dict, sort_lists, level: int = 2) -> str:
    """``_indented(sort_lists(node), level)`` for the nodes :func:`compact` makes (values:
    strings, numbers, flat dicts, lists of those; sorting those lists is all ``sort_lists``
    does), in one pass; anything else goes the general way."""
    parts = []
    for key in sorted(node):
        value = node[key]
        if isinstance(value, list):
            if any(isinstance(v, list) or isinstance(v, dict) and not _flat(v) for v in value):
                return _indented(sort_lists(node), level)
            text = _indented(sorted(value, key=_json_key), level + 1)
        elif isinstance(value, dict) and not _flat(value):
            return _indented(sort_lists(node), level)
        else:
            text = _indented(value, level + 1)
        parts.append(_encode(key) + ": " + text)
    if not parts:
        return "{}"
    pad = "\n" + " " * (level + 1)
    return "{" + pad + ("," + pad).join(parts) + "\n" + " " * level + "}"


def _flat(value: dict) -> bool:
    return not any(isinstance(v, (dict, list)) for v in value.values())


def _indented(value, level: int) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True)`` as it appears
    ``level`` levels deep in a document (lines after the first indented by ``level``).
    The standard encoder drops to pure Python whenever ``indent`` is set; this does the
    layout itself and leaves strings and numbers to the C encoder."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        pad = "\n" + " " * (level + 1)
        return ("{" + pad + ("," + pad).join(_encode(k) + ": " + _indented(v, level + 1)
                                             for k, v in sorted(value.items()))
                + "\n" + " " * level + "}")
    if isinstance(value, list):
        if not value:
            return "[]"
        pad = "\n" + " " * (level + 1)
        return "[" + pad + ("," + pad).join(_indented(v, level + 1) for v in value) + "\n" + " " * level + "]"
    return _encode(value)


def _encode(value) -> str:
    if isinstance(value, str):
        return _ENCODE_STR(value)
    import json
    return json.dumps(value, ensure_ascii=False)


def sorted_document(data: dict, sort_lists) -> dict:
    """``sort_lists(data)`` (every list sorted by its items' JSON), with the long ``@graph``
    list sorted by node id: a node's JSON starts with its ``@id``, ids are unique and hold
    no quote or backslash, so the order is the same and no node is dumped twice."""
    import json

    nodes = data.get("@graph")
    if not isinstance(nodes, list) or any('"' in n["@id"] or "\\" in n["@id"] for n in nodes):
        return sort_lists(data)
    rest = sort_lists({k: v for k, v in data.items() if k != "@graph"})
    items = [sort_lists(n) for n in nodes]
    items.sort(key=lambda n: json.dumps(n["@id"], ensure_ascii=False))
    rest["@graph"] = items
    return rest
