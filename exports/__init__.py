"""Exporters keyed by format name (:data:`FORMATS`) and by output file name
(:data:`EXPORTERS`); each writes a graph to a path or a binary file (:mod:`.destination`).

``write_all`` writes every file to a temporary name beside its target and renames
them only when all are written, so a failed build never leaves a half-written file
over a good one.  Temporary files and folders are named ``SCRATCH_PREFIX<pid>-<host>-...``
(:func:`scratch_file`, :func:`scratch_dir`): what a killed run leaves is removed by the
next build into the same folder (:func:`remove_leftovers`).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

import networkx as nx

from newsgraph.errors import OutputError

from .destination import Destination, write_bytes

Writer = Callable[..., None]

# The name of every temporary file or folder newsgraph makes beside its outputs or in a
# store: the pid and host say whose it is, so a leftover of a killed run (its process gone)
# can be told from the scratch of a build running now into the same folder.  The host is
# hashed (a name may hold any character); it keeps a build on another machine sharing the
# folder, whose pid means nothing here, from losing its files.
SCRATCH_PREFIX = ".newsgraph-scratch-"
_HOST = hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]


def _scratch_prefix(purpose: str) -> str:
    return f"{SCRATCH_PREFIX}{os.getpid()}-{_HOST}-{purpose}-"


def scratch_file(folder: str | os.PathLike, purpose: str) -> tuple[int, str]:
    """A new private temporary file in ``folder``: ``(open descriptor, path)``."""
    return tempfile.mkstemp(prefix=_scratch_prefix(purpose), suffix=".tmp", dir=folder)


def scratch_dir(folder: str | os.PathLike | None, purpose: str) -> tempfile.TemporaryDirectory:
    """A new temporary folder in ``folder`` (None: the system's), removed by ``cleanup()``."""
    return tempfile.TemporaryDirectory(prefix=_scratch_prefix(purpose), dir=folder)


def remove_leftovers(folder: str | os.PathLike) -> list[str]:
    """Remove the scratch files and folders in ``folder`` made on this machine by processes
    that no longer run (a build killed with SIGKILL, or by a power cut); returns their names.
    The scratch of a running build, or of another machine, is left alone."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith(SCRATCH_PREFIX):
            continue
        pid, host, _ = (entry.name[len(SCRATCH_PREFIX):].split("-", 2) + ["", ""])[:3]
        if host != _HOST or not pid.isdigit() or int(pid) <= 0 or _alive(int(pid)):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
        except FileNotFoundError:
            pass  # another build removed it first
        except OSError:
            continue  # not ours to remove (another user's folder): leave it
        removed.append(entry.name)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists (another user's) or cannot be told: keep its files
    return True


def _rdf(name: str) -> Writer:
    """A writer of the RDF files: ``rdf.<name>``, reading the shared prepared RDF."""
    def write(g: nx.MultiDiGraph, dest: Destination, **opts) -> None:
        from . import rdf
        getattr(rdf, name)(g, dest, _quads=opts.get("quads"), _rdf=opts.get("rdf"))
    return write


def _network(module: str, name: str) -> Writer:
    """A writer of the actor/place network: ``name(view) -> bytes or XML element``."""
    def write(g: nx.MultiDiGraph, dest: Destination, **opts) -> None:
        from importlib import import_module

        from .network import actor_network, xml_bytes
        view = opts.get("network") or actor_network(g, events_as=opts.get("events_as", "auto"))
        out = getattr(import_module(f"newsgraph.exports.{module}"), name)(view)
        write_bytes(out if isinstance(out, bytes) else xml_bytes(out), dest)
    return write


def _html(g: nx.MultiDiGraph, dest: Destination, **opts) -> None:
    """The page ``graph.html``: the actor/place network plus the evidence kept in ``g``."""
    from .html import html_bytes
    from .network import actor_network
    view = opts.get("network") or actor_network(g, events_as=opts.get("events_as", "auto"))
    write_bytes(html_bytes(view, g), dest)


# Writers by format name, as rdflib's serializer plugins and networkx's readwrite functions:
# ``writer(g, dest, **shared)`` writes ``g`` to a path or a binary file; ``shared`` holds what
# write_all computes once for all of them (the prepared RDF, the actor network).
FORMATS: dict[str, Writer] = {
    "turtle": _rdf("write_turtle"),
    "nquads": _rdf("write_nquads"),
    "json-ld": _rdf("write_jsonld"),
    "graphml": _network("graphml", "graphml_tree"),
    "gexf": _network("gexf", "gexf_tree"),
    "trig": _rdf("write_trig"),
    "nodes-csv": _network("spreadsheet", "nodes_csv"),
    "edges-csv": _network("spreadsheet", "edges_csv"),
    "html": _html,
}
# The files of CONTRACT.md, then the extras, in the order they are written: name -> format.
FILES: dict[str, str] = {
    "graph.ttl": "turtle",
    "graph.nq": "nquads",
    "graph.jsonld": "json-ld",
    "graph.graphml": "graphml",
    "graph.gexf": "gexf",
    "graph.trig": "trig",
    "nodes.csv": "nodes-csv",
    "edges.csv": "edges-csv",
    "graph.html": "html",
}
EXPORTERS: dict[str, Writer] = {name: FORMATS[fmt] for name, fmt in FILES.items()}


def write_all(g: nx.MultiDiGraph, out_dir: str | os.PathLike, *, events_as: str = "auto",
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

    out = _output_folder(out_dir)
    # Computed once each, shared by the RDF writers and by the network writers.
    shared = {"quads": quads, "rdf": rdf, "network": actor_network(g, events_as=events_as),
              "events_as": events_as}
    own_rdf = rdf is None and quads is None
    batch = _Batch(out)
    try:
        if own_rdf:
            shared["rdf"] = Prepared(g, out)
        writers = {**EXPORTERS, **{name: _bytes_writer(data) for name, data in (extra or {}).items()}}
        batch.stage(writers)
        if shared.get("rdf") is not None and writers.get("graph.jsonld") is EXPORTERS["graph.jsonld"]:
            # The slowest writer first, in another process, beside the others.
            if batch.in_background("graph.jsonld", shared["rdf"].jsonld_in_background):
                del writers["graph.jsonld"]
        batch.write(g, writers, shared)
        batch.commit()
    except OSError as exc:
        raise OutputError(f"{out}: cannot write the output ({exc.strerror or exc})") from exc
    finally:
        batch.abandon()
        if own_rdf and shared.get("rdf") is not None:
            shared["rdf"].close()
        batch.remove_scratch()
    return batch.targets()


def _output_folder(out_dir: str | os.PathLike) -> Path:
    """``out_dir``, made if needed, without the leftovers of killed builds."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create the output folder ({exc.strerror})") from exc
    remove_leftovers(out)
    return out


class _Batch:
    """The files of one :func:`write_all`, each written to a scratch file beside its target
    and renamed over it only when every one is written."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.staged: list[tuple[Path, Path]] = []  # (scratch file, target), in writing order
        self.temps: dict[str, tuple[int, str]] = {}  # name -> (open descriptor, path) not written yet
        self.waits: list = []  # writers running in another process (rdf.Prepared.jsonld_in_background)

    def stage(self, names) -> None:
        """Make the scratch file of every name."""
        for name in names:
            fd, tmp = scratch_file(self.out, name)
            self.staged.append((Path(tmp), self.out / name))
            self.temps[name] = (fd, tmp)

    def in_background(self, name: str, start: Callable) -> bool:
        """Have ``start(path)`` write the file ``name`` in another process; False when it
        would not (the file is then written here, as the others)."""
        fd, tmp = self.temps.pop(name)
        wait = start(tmp)
        os.close(fd)
        if wait is None:
            self.temps[name] = (os.open(tmp, os.O_WRONLY), tmp)
            return False
        self.waits.append(wait)
        return True

    def write(self, g: nx.MultiDiGraph, writers: Mapping[str, Writer], shared: dict) -> None:
        for name, writer in writers.items():
            fd, tmp = self.temps.pop(name)
            with os.fdopen(fd, "wb") as fh:
                writer(g, fh, **shared)

    def commit(self) -> None:
        """Wait for the background writers, then replace every target."""
        while self.waits:
            self.waits.pop()()
        mode = 0o666 & ~_umask()  # mkstemp's files are private; outputs are ordinary files
        for tmp, _ in self.staged:
            os.chmod(tmp, mode)
        for tmp, final in self.staged:
            os.replace(tmp, final)

    def abandon(self) -> None:
        """After a failure: close what was not written, stop the background writers."""
        for fd, _ in self.temps.values():
            os.close(fd)
        while self.waits:  # stop the other process before its files go
            try:
                self.waits.pop()(cancel=True)
            except Exception:  # noqa: BLE001 - the first error is the one raised
                pass

    def remove_scratch(self) -> None:
        for tmp, _ in self.staged:
            if tmp.exists():
                tmp.unlink()

    def targets(self) -> list[Path]:
        return [final for _, final in self.staged]


def _bytes_writer(data: bytes) -> Writer:
    def write(g: nx.MultiDiGraph, dest: Destination, **opts) -> None:
        write_bytes(data, dest)
    return write


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
