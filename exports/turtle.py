"""Turtle and TriG a person can read.

pyoxigraph's serializer writes subjects in IRI order (annotations first, as "annotation" sorts
before "doc") and escapes every local name it cannot write plainly
(``ngid:annotation\\/46a6abc785934be0\\#position``). These writers:

* name an IRI with a prefix only when its local part needs no escape, else write it whole;
* group subjects by kind, in a fixed order: documents, entities, events, unnamed participants,
  relations, evidence annotations, mentions, anything else (the build);
* open with a comment that says what the file holds.

Output stays a function of the triples alone (sorted input, fixed order), so it is
byte-identical from run to run. Triples must come sorted by subject (``rdf.Prepared``'s
files and ``rdf._triples`` are).
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import groupby
from typing import BinaryIO

import pyoxigraph as ox

from newsgraph.graph.iri import ID, PREFIXES

# Prefixes of the readable files: the project's, and one per kind of identifier whose local
# names are plain (document file names, relation and annotation hashes).
READABLE_PREFIXES = {**PREFIXES, "ngdoc": ID + "doc/", "ngrel": ID + "relation/", "ngann": ID + "annotation/"}
_BY_LENGTH = sorted(READABLE_PREFIXES.items(), key=lambda kv: -len(kv[1]))
# A local name Turtle takes without escapes (a subset of PN_LOCAL: no ':' or '%', no final '.').
_PLAIN_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

# Kinds of subject, in the order the files list them: (name, test on the subject IRI).
KINDS = (
    ("documents", lambda s: s.startswith(ID + "doc/") and "#" not in s),
    ("entities", lambda s: s.startswith(ID + "entity/")),
    ("events", lambda s: s.startswith(ID + "event/")),
    ("unnamed participants", lambda s: s.startswith(ID + "participant/")),
    ("relations", lambda s: s.startswith(ID + "relation/")),
    ("evidence annotations", lambda s: s.startswith(ID + "annotation/")),
    ("mentions", lambda s: s.startswith(ID + "doc/")),
    ("the build and other", lambda s: True),
)


def kind_of(subject: str) -> int:
    return next(i for i, (_, test) in enumerate(KINDS) if test(subject))


@lru_cache(maxsize=1 << 16)  # predicates, classes and entities recur on every line
def iri(value: str) -> str:
    """``prefix:local`` when the local part needs no escape, else ``<value>``."""
    for prefix, ns in _BY_LENGTH:
        if value.startswith(ns) and _PLAIN_LOCAL.fullmatch(value[len(ns):]):
            return f"{prefix}:{value[len(ns):]}"
    return f"<{value}>"


def term(t) -> str:
    if isinstance(t, ox.NamedNode):
        return iri(t.value)
    if isinstance(t, ox.Literal):
        if t.language:
            return str(t)  # "value"@lang, escaped as N-Triples does
        datatype = t.datatype.value
        if datatype == XSD_STRING:
            return str(t)
        text = str(t)  # "value"^^<datatype>: the datatype compacted
        return f"{text[:text.rindex('^^<')]}^^{iri(datatype)}"
    return str(t)  # a blank node: _:id


def block(subject, triples: Iterable, indent: str = "") -> str:
    """One subject's statements: ``rdf:type`` first as ``a``, objects of a predicate joined;
    every line starts with ``indent`` (a TriG graph's blocks are indented)."""
    by_predicate: dict[str, list[str]] = {}
    for t in triples:
        by_predicate.setdefault(t.predicate.value, []).append(term(t.object))
    order = sorted(by_predicate, key=lambda p: (p != RDF_TYPE, p))
    newline = "\n" + indent  # (terms hold no raw line break: N-Triples escapes them)
    lines = [f"{'a' if p == RDF_TYPE else iri(p)} {_objects(by_predicate[p], newline)}" for p in order]
    return f"{indent}{term(subject)} " + (" ;" + newline + "    ").join(lines) + " .\n\n"


def _objects(objects: list[str], newline: str = "\n") -> str:
    """Objects on one line while it stays short, else one per line."""
    one_line = " , ".join(objects)
    return one_line if len(one_line) <= LINE or len(objects) == 1 else (" ," + newline + "        ").join(objects)


LINE = 100  # a predicate's objects longer than this go one per line


def _by_subject(triples: Iterable) -> Iterator[tuple[object, list]]:
    for subject, group in groupby(triples, key=lambda t: t.subject):
        yield subject, list(group)


def prefix_lines() -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(READABLE_PREFIXES.items())) + "\n"


def header(counts: list[int], what: str) -> str:
    kinds = ", ".join(f"{KINDS[i][0]} ({n:,})" for i, n in enumerate(counts) if n)
    return (f"# newsgraph {what}\n"
            f"# Subjects by kind, in this order: {kinds or 'none'}.\n"
            "# The model: ONTOLOGY.md (https://w3id.org/newsgraph/ns#).\n\n")


def write_turtle(triples: Iterable, out: BinaryIO) -> None:
    """The triples as readable Turtle; each kind of subject is gathered in a temporary file,
    so a graph of any size is written without holding it in memory."""
    parts = [tempfile.TemporaryFile() for _ in KINDS]
    counts = [0] * len(KINDS)
    try:
        for subject, group in _by_subject(triples):
            k = kind_of(subject.value if isinstance(subject, ox.NamedNode) else "")
            counts[k] += 1
            parts[k].write(block(subject, group).encode("utf-8"))
        out.write(header(counts, "graph.ttl: the union of every article's graph and the background "
                                 "graph\n# (graph.nq and graph.trig keep them apart).").encode("utf-8"))
        out.write(prefix_lines().encode("utf-8"))
        for part in parts:
            part.seek(0)
            shutil.copyfileobj(part, out)
    finally:
        for part in parts:
            part.close()


def write_trig(quads: Iterable, out: BinaryIO) -> None:
    """The quads as readable TriG: one block per named graph (quads sorted by graph, then
    subject), subjects grouped by kind inside each."""
    out.write(header([], "graph.trig: one named graph per article (its document IRI), and the "
                         "background graph\n# (gazetteer, alias table, build provenance).")
              .replace("# Subjects by kind, in this order: none.\n",
                       "# In each graph, subjects by kind: " + ", ".join(k for k, _ in KINDS) + ".\n")
              .encode("utf-8"))
    out.write(prefix_lines().encode("utf-8"))
    for graph, group in groupby(quads, key=lambda q: q.graph_name):
        blocks: list[list[str]] = [[] for _ in KINDS]
        for subject, triples in _by_subject(q.triple for q in group):
            k = kind_of(subject.value if isinstance(subject, ox.NamedNode) else "")
            blocks[k].append(block(subject, triples, "    "))
        body = "".join(b for part in blocks for b in part)
        name = "" if isinstance(graph, ox.DefaultGraph) else term(graph) + " "
        out.write(f"{name}{{\n{body.rstrip()}\n}}\n\n".encode("utf-8"))
