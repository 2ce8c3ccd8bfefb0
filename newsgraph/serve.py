"""``newsgraph serve``: a build's graph behind a read-only SPARQL 1.1 Protocol endpoint.

The engine is Oxigraph's own server (the ``oxigraph`` package's command, started in its
``serve-read-only`` mode): a real SPARQL engine with the standard protocol, content
negotiation and its query page, rather than an HTTP loop of ours.

The build is loaded once into an on-disk Oxigraph store beside it (``DIR/sparql-store``,
reused while ``graph.nq`` and ``graph.ttl`` are unchanged): every article's named graph
from ``graph.nq``, and the distinct triples of ``graph.ttl`` as the default graph. So the
default graph is the *set* union of the article graphs plus the background facts (a
statement that 45 articles assert is one row, as in ``newsgraph query``), and
``GRAPH ?g { }`` asks per article. Oxigraph's ``--union-default-graph`` is not used: its
union is a bag.
"""

from __future__ import annotations

import hashlib
import ipaddress
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from newsgraph.errors import NewsgraphError

STORE_DIR = "sparql-store"
STAMP = "newsgraph-stamp.txt"  # the digests of the files the store was loaded from
READY_SECONDS = 30.0  # how long the server may take to accept connections


def oxigraph_command() -> str:
    """The ``oxigraph`` server command: beside this Python (a venv's bin), else on PATH."""
    here = Path(sys.executable).parent / "oxigraph"
    found = str(here) if here.is_file() else shutil.which("oxigraph")
    if not found:
        raise NewsgraphError("newsgraph serve needs Oxigraph's server: pip install oxigraph")
    return found


def _digest(*paths: Path) -> str:
    h = hashlib.sha256()
    for path in paths:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    return h.hexdigest()


def prepare_store(build_dir: str | Path, location: str | Path | None = None) -> Path:
    """The on-disk store of a build folder, loaded now unless it holds this build already."""
    import pyoxigraph as ox

    build_dir = Path(build_dir)
    nq, ttl = build_dir / "graph.nq", build_dir / "graph.ttl"
    if not nq.is_file() or not ttl.is_file():
        raise NewsgraphError(f"{build_dir}: no graph.nq and graph.ttl (run newsgraph build first)")
    store_dir = Path(location) if location else build_dir / STORE_DIR
    stamp = _digest(nq, ttl)
    if (store_dir / STAMP).is_file() and (store_dir / STAMP).read_text("utf-8").strip() == stamp:
        return store_dir
    try:
        if store_dir.exists():
            shutil.rmtree(store_dir)
        store_dir.mkdir(parents=True)
        store = ox.Store(str(store_dir))
        store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        # graph.ttl holds each distinct triple once: the default graph becomes the set union.
        store.bulk_load(path=str(ttl), format=ox.RdfFormat.TURTLE, to_graph=ox.DefaultGraph())
        store.flush()
        del store  # releases RocksDB's lock before the server opens the folder
        (store_dir / STAMP).write_text(stamp + "\n", "utf-8")
    except OSError as exc:
        raise NewsgraphError(f"{store_dir}: cannot make the SPARQL store ({exc}); "
                             "give --location FOLDER where it can be written") from exc
    return store_dir


def free_port(host: str) -> int:
    """A port the system has free on ``host`` now (for ``--port 0``)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def endpoint(host: str, port: int) -> str:
    return f"http://{f'[{host}]' if ':' in host else host}:{port}/query"


def serve(build_dir: str | Path, *, host: str = "127.0.0.1", port: int = 7878, timeout: int = 60,
          location: str | Path | None = None, say: Callable[[str], None] = print,
          warn: Callable[[str], None] = lambda m: print(m, file=sys.stderr)) -> int:
    """Serve ``build_dir`` read-only until Ctrl-C (or SIGTERM); returns the exit status."""
    command = oxigraph_command()
    if not is_loopback(host):
        warn(f"newsgraph: warning: serving on {host}, reachable from other machines: anyone who "
             "reaches it can query the graph, and Oxigraph runs SERVICE clauses, so they can "
             "make this machine send requests")
    store_dir = prepare_store(build_dir, location)
    port = port or free_port(host)
    # The server's messages go to a file, not a pipe nobody reads while it serves (a full
    # pipe would block it); its last line explains a failure.
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen([command, "serve-read-only", "--location", str(store_dir),
                             "--bind", f"{host}:{port}", "--timeout-s", str(timeout)],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log)
    try:
        _wait_ready(proc, log, host, port)
        say(f"SPARQL endpoint: {endpoint(host, port)} (query page: {endpoint(host, port)[:-len('query')]}; "
            "read-only; Ctrl-C stops)")
        sys.stdout.flush()
        proc.wait()
        raise NewsgraphError(f"the SPARQL server stopped: {_last_line(proc, log)}")
    except KeyboardInterrupt:
        say("stopped")
        return 0
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        log.close()


def _wait_ready(proc: subprocess.Popen, log, host: str, port: int) -> None:
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise NewsgraphError(f"the SPARQL server did not start: {_last_line(proc, log)}")
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise NewsgraphError(f"the SPARQL server did not answer on {host}:{port} within {READY_SECONDS:.0f} s")


def _last_line(proc: subprocess.Popen, log) -> str:
    """The last line the server wrote (to ``log``), else its exit status."""
    log.seek(0)
    err = log.read()[-4000:].decode("utf-8", "replace").strip()
    return err.splitlines()[-1] if err else f"exit status {proc.returncode}"
