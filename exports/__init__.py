"""Exporters keyed by output file name; each writes a graph to a path or a binary file.

``write_all`` writes every file to a temporary name beside its target and renames
them only when all are written, so a failed build never leaves a half-written file
over a good one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

import networkx as nx

from newsgraph.errors import OutputError

Writer = Callable[..., None]


def _rdf(name: str) -> Writer:
    def write(g: nx.MultiDiGraph, dest, **opts) -> None:
        from . import rdf
        getattr(rdf, name)(g, dest, _quads=opts.get("quads"), _rdf=opts.get("rdf"))
    return write


def _network(module: str, name: str) -> Writer:
    """A writer of the actor/place network: ``name(view) -> bytes or XML element``."""
    def write(g: nx.MultiDiGraph, dest, **opts) -> None:
        from importlib import import_module

        from .network import actor_network, write_xml
        view = opts.get("network") or actor_network(g, events_as=opts.get("events_as", "edges"))
        out = getattr(import_module(f"newsgraph.exports.{module}"), name)(view)
        if isinstance(out, bytes):
            if isinstance(dest, (str, os.PathLike)):
                Path(dest).write_bytes(out)
            else:
                dest.write(out)
        else:
            write_xml(out, dest)
    return write


# The files of CONTRACT.md, then the extras, in the order they are written.
EXPORTERS: dict[str, Writer] = {
    "graph.ttl": _rdf("write_turtle"),
    "graph.nq": _rdf("write_nquads"),
    "graph.jsonld": _rdf("write_jsonld"),
    "graph.graphml": _network("graphml", "graphml_tree"),
    "graph.gexf": _network("gexf", "gexf_tree"),
    "graph.trig": _rdf("write_trig"),
    "nodes.csv": _network("spreadsheet", "nodes_csv"),
    "edges.csv": _network("spreadsheet", "edges_csv"),
}


def write_all(g: nx.MultiDiGraph, out_dir: str | os.PathLike, *, events_as: str = "edges",
              extra: Mapping[str, bytes] | None = None, quads: list | None = None,
              rdf=None) -> list[Path]:
    """Write every export, then the ``extra`` files (name -> bytes, e.g. ``build.json``),
    into ``out_dir`` atomically (all files or none replaced).  The RDF is written once,
    sorted on disk (:class:`rdf.Prepared`, in a scratch folder inside ``out_dir``), and
    every RDF file read from it.  ``rdf``: that Prepared when the caller has made it
    already (``build --store`` updates its store from it; it stays the caller's to close);
    ``quads``: the graph's ``rdf.quads(g)`` list instead (the in-memory writers, for tests)."""
    from .network import actor_network
    from .rdf import Prepared

    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create the output folder ({exc.strerror})") from exc
    # Computed once each, shared by the RDF writers and by the network writers.
    shared = {"quads": quads, "rdf": rdf, "network": actor_network(g, events_as=events_as),
              "events_as": events_as}
    own_rdf = rdf is None and quads is None
    mode = 0o666 & ~_umask()  # mkstemp's files are private; outputs are ordinary files
    staged: list[tuple[Path, Path]] = []
    waits: list = []  # writers running in another process (see rdf.Prepared.jsonld_in_background)
    temps: dict[str, tuple[int, str]] = {}  # name -> (open descriptor, path) not written yet
    try:
        if own_rdf:
            shared["rdf"] = Prepared(g, out)
        writers = {**EXPORTERS, **{name: _bytes_writer(data) for name, data in (extra or {}).items()}}
        for name in writers:
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out)
            staged.append((Path(tmp), out / name))
            temps[name] = (fd, tmp)
        if shared.get("rdf") is not None and writers.get("graph.jsonld") is EXPORTERS["graph.jsonld"]:
            # The slowest writer first, in another process, beside the others.
            fd, tmp = temps.pop("graph.jsonld")
            wait = shared["rdf"].jsonld_in_background(tmp)
            os.close(fd)
            if wait is not None:
                waits.append(wait)
                del writers["graph.jsonld"]
            else:
                temps["graph.jsonld"] = (os.open(tmp, os.O_WRONLY), tmp)
        for name, writer in writers.items():
            fd, tmp = temps.pop(name)
            with os.fdopen(fd, "wb") as fh:
                writer(g, fh, **shared)
        while waits:
            waits.pop()()
        for tmp, _ in staged:
            os.chmod(tmp, mode)
        for tmp, final in staged:
            os.replace(tmp, final)
    except OSError as exc:
        raise OutputError(f"{out}: cannot write the output ({exc.strerror or exc})") from exc
    finally:
        for fd, _ in temps.values():
            os.close(fd)
        while waits:  # a failed build: let the other process end before its files go
            try:
                waits.pop()()
            except Exception:  # noqa: BLE001 - the first error is the one raised
                pass
        if own_rdf and shared.get("rdf") is not None:
            shared["rdf"].close()
        for tmp, _ in staged:
            if tmp.exists():
                tmp.unlink()
    return [final for _, final in staged]


def _bytes_writer(data: bytes) -> Writer:
    def write(g: nx.MultiDiGraph, dest, **opts) -> None:
        dest.write(data)
    return write


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
