"""Exporters keyed by output file name; each writes a graph to a path or a binary file.

``write_all`` writes every file to a temporary name beside its target and renames
them only when all are written, so a failed build never leaves a half-written file
over a good one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from newsgraph.errors import OutputError

Writer = Callable[..., None]


def _rdf(name: str) -> Writer:
    def write(g: nx.MultiDiGraph, dest, **opts) -> None:
        from . import rdf
        getattr(rdf, name)(g, dest, _quads=opts.get("quads"))
    return write


def _gephi(module: str, name: str) -> Writer:
    def write(g: nx.MultiDiGraph, dest, **opts) -> None:
        from importlib import import_module
        getattr(import_module(f"newsgraph.exports.{module}"), name)(
            g, dest, events_as=opts.get("events_as", "edges"))
    return write


# The files of CONTRACT.md, in the order they are written.
EXPORTERS: dict[str, Writer] = {
    "graph.ttl": _rdf("write_turtle"),
    "graph.nq": _rdf("write_nquads"),
    "graph.jsonld": _rdf("write_jsonld"),
    "graph.graphml": _gephi("graphml", "write_graphml"),
    "graph.gexf": _gephi("gexf", "write_gexf"),
}


def write_all(g: nx.MultiDiGraph, out_dir: str | os.PathLike, *, events_as: str = "edges") -> list[Path]:
    """Write every export into ``out_dir`` atomically (all files or none replaced)."""
    from .rdf import quads

    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create the output folder ({exc.strerror})") from exc
    all_quads = quads(g)  # computed once, shared by the three RDF writers
    staged: list[tuple[Path, Path]] = []
    try:
        for name, writer in EXPORTERS.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out)
            staged.append((Path(tmp), out / name))
            with os.fdopen(fd, "wb") as fh:
                writer(g, fh, quads=all_quads, events_as=events_as)
        for tmp, final in staged:
            os.replace(tmp, final)
    except OSError as exc:
        raise OutputError(f"{out}: cannot write the output ({exc.strerror or exc})") from exc
    finally:
        for tmp, _ in staged:
            if tmp.exists():
                tmp.unlink()
    return [final for _, final in staged]
