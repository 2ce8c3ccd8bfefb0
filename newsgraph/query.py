"""SPARQL over a built graph with pyoxigraph."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pyoxigraph as ox

from .errors import QueryError

# Files a graph can be loaded from, best first when a folder is given.
GRAPH_FILES = ("graph.nq", "graph.ttl")
FORMATS = {".nq": ox.RdfFormat.N_QUADS, ".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG,
           ".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD}


def load_store(path: str | Path) -> ox.Store:
    """An in-memory store holding a build folder's graph or one RDF file, or the on-disk
    store of incremental builds (``build --store DIR``), opened read-only."""
    path = Path(path)
    from .store import OXIGRAPH, is_store
    if is_store(path):
        try:
            return ox.Store.read_only(str(path / OXIGRAPH))
        except OSError as exc:
            raise QueryError(f"{path}: cannot open the store ({exc})") from exc
    if path.is_dir():
        found = next((path / f for f in GRAPH_FILES if (path / f).is_file()), None)
        if found is None:
            raise QueryError(f"{path}: no graph.nq or graph.ttl (run newsgraph build first)")
        path = found
    if not path.is_file():
        raise QueryError(f"{path}: no such file or folder")
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise QueryError(f"{path}: unknown RDF format (use .nq, .ttl, .trig, .nt or .jsonld)")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(f"{path}: cannot load ({exc})") from exc
    return store


def _with_prefixes(sparql: str) -> str:
    """Declare the project's prefixes on one extra first line; the query's own win."""
    from newsgraph.exports.rdf import PREFIXES

    return " ".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()) + "\n" + sparql


def run_query(store: ox.Store, sparql: str, fmt: str = "table") -> str:
    """Run a query (the default graph is the union of all named graphs) and format its result.

    The usual prefixes (ng, sem, schema, nif, gaf, prov, skos, oa, pos, rdf, rdfs, ...) are
    predeclared, so short queries need no PREFIX lines.
    """
    try:
        result = store.query(_with_prefixes(sparql), use_default_graph_as_union=True)
    except SyntaxError as exc:
        # Report positions in the user's query, not in the one with the prefix line.
        msg = re.sub(r"error at (\d+):(\d+)", lambda m: f"error at line {int(m[1]) - 1}, column {m[2]}",
                     str(exc).splitlines()[0])
        raise QueryError(f"SPARQL syntax {msg}") from exc
    except (ValueError, OSError) as exc:
        raise QueryError(f"query failed: {exc}") from exc
    if isinstance(result, bool) or isinstance(result, ox.QueryBoolean):
        value = bool(result)
        return json.dumps({"boolean": value}) + "\n" if fmt == "json" else f"{str(value).lower()}\n"
    if isinstance(result, ox.QueryTriples):
        return ox.serialize(list(result), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    if fmt in {"csv", "tsv", "json"}:
        out = io.BytesIO()
        result.serialize(out, {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                               "json": ox.QueryResultsFormat.JSON}[fmt])
        return out.getvalue().decode("utf-8")
    return _table(result)


def _plain(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.NamedNode):
        return term.value
    return str(term)


def _table(result: ox.QuerySolutions) -> str:
    names = [v.value for v in result.variables]
    rows = [[_plain(sol[v]) for v in result.variables] for sol in result]
    rows = [[c.replace("\n", " ") for c in r] for r in rows]
    widths = [min(60, max([len(n)] + [len(r[i]) for r in rows])) for i, n in enumerate(names)]
    clip = lambda s, w: s if len(s) <= w else s[: w - 1] + "…"  # noqa: E731
    lines = [" | ".join(n.ljust(w) for n, w in zip(names, widths)),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(clip(c, w).ljust(w) for c, w in zip(r, widths)) for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
