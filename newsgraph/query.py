"""SPARQL over a built graph with pyoxigraph.

What a query sees: the named graphs of the build (one per article, ``GRAPH ?g { ... }``)
and a default graph that is the *set* union of the article graphs plus the background
facts: a statement that 45 articles make is one triple there, not 45.  (Oxigraph's own
``use_default_graph_as_union`` is a bag, which multiplies rows and memory by the number
of articles that share each joined triple.)

What a query may do: read.  Updates are refused, ``SERVICE`` is refused unless allowed
(no network: a query never reaches another host), remote JSON-LD contexts are never
fetched.  ``newsgraph query`` runs each query in a child process (``run_bounded``) that
it can stop at once: on Ctrl-C, after ``--timeout`` seconds, or when it outgrows
``--max-memory``.
"""

from __future__ import annotations

import faulthandler
import io
import json
import os
import re
import select
import signal
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

import pyoxigraph as ox

from .errors import QueryError

# Files a graph can be loaded from, best first when a folder is given.
GRAPH_FILES = ("graph.nq", "graph.ttl")
FORMATS = {".nq": ox.RdfFormat.N_QUADS, ".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG,
           ".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD}
DEFAULT_TIMEOUT = 60.0
UPDATES = frozenset("INSERT DELETE LOAD CLEAR DROP CREATE ADD MOVE COPY WITH".split())
# Whether the default graph lacks a triple of some named graph (MINUS is a hash anti-join:
# several times faster than FILTER NOT EXISTS), and the update that adds them.
_UNION_MISSING = "ASK { GRAPH ?g { ?s ?p ?o } MINUS { ?s ?p ?o } }"
_ADD_UNION = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


# ---------------------------------------------------------------------------------------------
# Loading


def load_store(path: str | Path) -> ox.Store:
    """An in-memory store holding a build folder's graph (its graph.nq) or one RDF file, as
    the file has it, or the on-disk store of incremental builds (``build --store DIR``),
    opened read-only.  ``run_query`` adds the union default graph itself."""
    path = Path(path)
    from .store import OXIGRAPH, is_store
    if is_store(path):
        try:
            return ox.Store.read_only(str(path / OXIGRAPH))
        except OSError as exc:
            raise QueryError(f"{path}: cannot open the store ({exc})") from exc
    path, fmt = _graph_file(path)
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(f"{path}: cannot load ({parse_error(exc)})") from exc
    return store


def _graph_file(path: Path) -> tuple[Path, ox.RdfFormat]:
    """The RDF file of a build folder (graph.nq, else graph.ttl) or the file, and its format."""
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
    return path, fmt


def parse_error(exc: BaseException) -> str:
    """A parser's message on one line; a remote JSON-LD context is named as what it is."""
    text = " ".join(str(exc).split())
    if "LoadDocumentCallback" in text or "remote context" in text.lower():
        return "its JSON-LD @context is a remote document, which is not fetched: nothing reaches the network"
    return text[:300]


def load_dataset(path: str | Path, *, named_graphs: bool = True) -> ox.Store:
    """A store ready for ``write_query``: the default graph holds the set union of the
    article graphs and the background graph (and of a store's own default graph, where an
    older build kept the background facts), and (unless ``named_graphs`` is false) the article
    graphs are there as named graphs.

    Without named graphs the store holds the union alone.  That is faster as well as
    smaller: a lookup in Oxigraph's in-memory store walks a term's quads in every graph, so
    beside 2,000 article graphs a default-graph pattern on a shared entity is many times
    slower.  A build folder's graph.ttl *is* the union (the build writes the distinct
    triples of graph.nq there), so it is loaded as it is; other inputs are read quad by
    quad into the default graph.  With named graphs, graph.nq (or the file, or an in-memory
    copy of an on-disk store) is loaded and the union added (``with_union``).
    """
    path = Path(path)
    from .store import is_store
    folder = path.is_dir() and not is_store(path)
    if folder and all((path / f).is_file() for f in GRAPH_FILES):
        store = ox.Store()
        ttl = path / "graph.ttl"
        try:
            store.bulk_load(path=str(ttl), format=ox.RdfFormat.TURTLE)
            if named_graphs:  # its background triples are in graph.ttl already
                store.bulk_load(path=str(path / "graph.nq"), format=ox.RdfFormat.N_QUADS)
        except (SyntaxError, ValueError, OSError) as exc:
            raise QueryError(f"{path}: cannot load ({parse_error(exc)})") from exc
        return store
    if named_graphs:
        return with_union(load_store(path))
    if is_store(path):
        source, quads = path, iter(load_store(path))
    else:
        source, fmt = _graph_file(path)
        quads = ox.parse(path=str(source), format=fmt)
    store = ox.Store()
    try:  # a store is a set: a triple of many graphs is stored once
        store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object) for q in quads)
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(f"{source}: cannot load ({parse_error(exc)})") from exc
    return store


def with_union(store: ox.Store) -> ox.Store:
    """``store`` with every distinct triple of its named graphs in its default graph: added in
    place (a store is a set of quads, so a triple that many graphs hold is added once; a
    store that has them all already is left as it is), or, for a read-only store, in an
    in-memory copy."""
    if not store.query(_UNION_MISSING):
        return store
    try:
        store.update(_ADD_UNION)
        return store
    except (OSError, RuntimeError):  # read-only (the on-disk store of incremental builds)
        pass
    copy = ox.Store()
    with tempfile.TemporaryDirectory(prefix="newsgraph-query-") as tmp:
        dump = os.path.join(tmp, "store.nq")  # through a file: no second copy in memory
        store.dump(dump, format=ox.RdfFormat.N_QUADS)
        copy.bulk_load(path=dump, format=ox.RdfFormat.N_QUADS)
    copy.update(_ADD_UNION)
    return copy


# ---------------------------------------------------------------------------------------------
# Reading a query: tokens, updates, SERVICE, syntax errors

_TOKEN = re.compile("|".join([
    r"(?P<space>\s+|#[^\r\n]*)",
    r"(?P<string>'''(?:(?:'|'')?(?:[^'\\]|\\.))*'''"
    r'|"""(?:(?:"|"")?(?:[^"\\]|\\.))*"""'
    r"|'(?:[^'\\\r\n]|\\.)*'"
    r'|"(?:[^"\\\r\n]|\\.)*")',
    r'(?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)',
    r"(?P<var>[?$][\w\u00B7-\uFFFF]+)",
    # Prefixed names and blank nodes (ex:service, service:x, :x, _:b): never keywords.
    r"(?P<pname>(?:[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7-\uFFFF]*)?:"
    r"(?:[\w.\-:%\u00B7-\uFFFF]|\\[_~.\-!$&'()*+,;=/?#@%])*)",
    r"(?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)",
    r"(?P<word>[A-Za-z_][A-Za-z0-9_]*)",
    r"(?P<other>.)",
]), re.S)


def tokens(sparql: str) -> Iterator[tuple[str, str]]:
    """The query's tokens as ``(kind, text)`` without spaces and comments; kinds: string,
    iri, var, pname, lang, word (keywords and function names), other (punctuation)."""
    for m in _TOKEN.finditer(sparql):
        if m.lastgroup != "space":
            yield m.lastgroup, m[0]


def check_query(sparql: str, *, allow_service: bool = False) -> None:
    """Refuse what a read-only, offline query must not do: updates, and ``SERVICE`` (a
    request to another host) unless ``allow_service``."""
    toks = list(tokens(sparql))
    words = [(i, t.upper()) for i, (k, t) in enumerate(toks) if k == "word"]
    first = next((w for _, w in words if w not in {"PREFIX", "BASE"}), None)
    if first in UPDATES:
        raise QueryError(f"read-only: updates are not run ({first})")
    if allow_service:
        return
    for i, word in words:
        if word == "SERVICE":
            after = [t for k, t in toks[i + 1:i + 3] if not (k == "word" and t.upper() == "SILENT")]
            target = f"{after[0]} " if after else ""
            raise QueryError(f"SERVICE {target}is not run: queries do not reach the network "
                             "(pass --allow-service to allow it)")


def uses_named_graphs(sparql: str) -> bool:
    """Whether the query names graphs (``GRAPH``, ``FROM``, ``FROM NAMED``)."""
    return any(k == "word" and t.upper() in {"GRAPH", "FROM"} for k, t in tokens(sparql))


def _prefixes() -> dict[str, str]:
    from newsgraph.exports.rdf import PREFIXES

    return dict(PREFIXES)


def _syntax_error(sparql: str, exc: SyntaxError) -> QueryError:
    """A one-line message with the line and column of the mistake in the user's query.

    pyoxigraph's parser reports the furthest point it reached, which is often the end of the
    query or the line after the mistake; rdflib's parser stops at the statement that fails.
    The earlier of the two is reported (with the text there when it is rdflib's)."""
    text = " ".join(str(exc).split())
    m = re.match(r"error at (\d+):(\d+): (.*)", text)
    if not m:
        return QueryError(f"SPARQL syntax error: {text[:200]}")
    where, what = (int(m[1]), int(m[2])), m[3]
    theirs = _rdflib_position(sparql)
    if theirs is not None and theirs < where:
        line = sparql.split("\n")[theirs[0] - 1]
        near = line[theirs[1] - 1:].strip()
        where, what = theirs, f"near {near[:40]!r}" if near else "here"
    elif len(what) > 160:
        what = what[:159] + "…"
    return QueryError(f"SPARQL syntax error at line {where[0]}, column {where[1]}: {what}")


def _rdflib_position(sparql: str) -> tuple[int, int] | None:
    """Where rdflib's SPARQL parser fails on the query (line, column), if it does."""
    try:
        from pyparsing import ParseBaseException
        from rdflib.plugins.sparql.parser import parseQuery
    except ImportError:  # pragma: no cover - rdflib is a dependency
        return None
    try:
        parseQuery(sparql.replace("\t", " "))  # pyparsing expands tabs: columns would shift
    except ParseBaseException as err:
        return err.lineno, err.col
    except Exception:  # noqa: BLE001 - only a hint for the position
        return None
    return None


# ---------------------------------------------------------------------------------------------
# Running a query


# Result formats: of rows (SELECT; ASK gives one value in any of them) and of graphs
# (CONSTRUCT, DESCRIBE). "table" is the default of both kinds: Turtle for a graph.
ROW_FORMATS = ("table", "csv", "tsv", "json")
GRAPH_FORMATS = ("table", "turtle", "nt")


class _EndsWithNewline:
    """A binary writer that remembers its last byte, so every output can end with a newline
    (pyoxigraph's JSON results do not)."""

    def __init__(self, out: BinaryIO) -> None:
        self.out, self.last = out, b"\n"

    def write(self, data: bytes) -> int:
        if data:
            self.last = data[-1:]
        return self.out.write(data)

    def flush(self) -> None:
        self.out.flush()

    def finish(self) -> None:
        if self.last != b"\n":
            self.out.write(b"\n")


def write_query(store: ox.Store, sparql: str, fmt: str, out: BinaryIO) -> None:
    """Run a checked query on a store prepared by ``load_dataset``/``with_union`` (its default
    graph is queried as it is) and write the formatted result to ``out``, ending in a newline.
    A graph (CONSTRUCT, DESCRIBE) is Turtle with the project's prefixes, or N-Triples with
    ``fmt="nt"``; a format of the other kind is an error, not silently ignored."""
    sink = _EndsWithNewline(out)
    try:
        result = store.query(sparql, prefixes=_prefixes())
        if isinstance(result, ox.QueryBoolean):
            value = bool(result)
            sink.write((json.dumps({"boolean": value}) if fmt == "json" else str(value).lower()).encode("utf-8"))
        elif isinstance(result, ox.QueryTriples):
            if fmt not in GRAPH_FORMATS:
                raise QueryError(f"--format {fmt}: a CONSTRUCT or DESCRIBE query gives a graph "
                                 "(use --format turtle or nt)")
            if fmt == "nt":
                result.serialize(sink, ox.RdfFormat.N_TRIPLES)
            else:
                ox.serialize(result, sink, format=ox.RdfFormat.TURTLE, prefixes=_prefixes())
        elif fmt not in ROW_FORMATS:
            raise QueryError(f"--format {fmt}: a SELECT query gives rows (use table, csv, tsv or json)")
        elif fmt in {"csv", "tsv", "json"}:
            result.serialize(sink, {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                                    "json": ox.QueryResultsFormat.JSON}[fmt])
        else:
            sink.write(_table(result).encode("utf-8"))
        sink.finish()
    except SyntaxError as exc:
        raise _syntax_error(sparql, exc) from exc
    except (ValueError, OSError, RuntimeError) as exc:
        raise QueryError(f"query failed: {' '.join(str(exc).split())[:300]}") from exc


def run_query(store: ox.Store, sparql: str, fmt: str = "table", *, allow_service: bool = False) -> str:
    """Run a read-only query and format its result (table, csv, tsv or json; CONSTRUCT and
    DESCRIBE give N-Triples).

    The default graph is the *set* union of all named graphs (the article graphs and the
    background graph) plus the store's own default graph (empty in builds since the
    background facts have a graph of their own): each statement once, however many
    articles make it.  Per-article questions use ``GRAPH ?g { ... }``, which sees the named
    graphs as they are.  To give that default graph, the union is added to ``store``'s
    default graph in place, once (a read-only store is copied into memory instead); each
    call checks that it is there, which costs a pass over the store: for many queries on
    a large graph, prepare it once with ``load_dataset`` and call ``write_query``.

    The usual prefixes (ng, sem, schema, nif, gaf, prov, skos, oa, pos, rdf, rdfs, ...) are
    predeclared, so short queries need no PREFIX lines.  Updates are refused; so is
    ``SERVICE`` unless ``allow_service``.
    """
    check_query(sparql, allow_service=allow_service)
    buf = io.BytesIO()
    write_query(with_union(store), sparql, fmt, buf)
    return buf.getvalue().decode("utf-8")


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


# ---------------------------------------------------------------------------------------------
# The CLI's runner: a child process with a deadline and a memory cap


def default_max_memory() -> int:
    """Half of the machine's memory, in bytes (4 GiB where that cannot be read)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2
    except (ValueError, OSError, AttributeError):
        return 4 << 30


def run_bounded(graph: str | Path, sparql: str, fmt: str, out: TextIO, *,
                timeout: float | None = DEFAULT_TIMEOUT, max_memory: int | None = None,
                allow_service: bool = False) -> None:
    """Load ``graph`` with ``load_dataset``, run the query and write its result to ``out``,
    in a forked child process: the parent stops it at once on Ctrl-C (KeyboardInterrupt is
    raised again), when the query has run ``timeout`` seconds (loading not counted), or
    when the child outgrows ``max_memory`` bytes (its address space beyond what it
    inherited).  pyoxigraph evaluates in Rust, which never looks at Python's signals, so
    only another process can stop it.  Errors are QueryError; nothing is written to
    ``out`` unless the query succeeds."""
    check_query(sparql, allow_service=allow_service)
    if not hasattr(os, "fork"):  # pragma: no cover - no fork (Windows): no limits either
        buf = io.BytesIO()
        write_query(load_dataset(graph, named_graphs=uses_named_graphs(sparql)), sparql, fmt, buf)
        out.write(buf.getvalue().decode("utf-8"))
        return
    max_memory = default_max_memory() if max_memory is None else max_memory
    with tempfile.TemporaryFile() as result, tempfile.TemporaryFile() as stderr:
        status_r, status_w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(status_r)
            _child(graph, sparql, fmt, result, stderr, status_w, max_memory)
        os.close(status_w)
        try:
            status = _wait(status_r, timeout)
        except BaseException:  # timeout, Ctrl-C, SIGTERM: stop the child at once
            _kill(pid)
            raise
        finally:
            os.close(status_r)
        _, code = os.waitpid(pid, 0)
        if status.startswith("E"):
            raise QueryError(status[1:])
        if status != "OK" or code != 0:
            stderr.seek(0)
            said = stderr.read(4096).decode("utf-8", "replace")
            if status == "M" or "memory allocation" in said:
                raise QueryError(f"query stopped: it needs more than {_gb(max_memory)} of memory "
                                 "(--max-memory GB to allow more)")
            why = f"signal {-os.waitstatus_to_exitcode(code)}" if os.WIFSIGNALED(code) else f"status {code}"
            raise QueryError(f"query process failed ({why}): {' '.join(said.split())[:200]}")
        result.seek(0)
        text = io.TextIOWrapper(result, encoding="utf-8", newline="")
        while chunk := text.read(1 << 20):
            out.write(chunk)
        text.detach()


def _gb(n: int) -> str:
    return f"{n / (1 << 30):.3g} GB"


def _wait(status_r: int, timeout: float | None) -> str:
    """Read the child's status pipe until it closes and return the final status.  Before
    ``=`` the child writes P when it starts loading the graph and L when it has loaded it:
    loading is not timed, checking the syntax and running the query are."""
    deadline, data, seen = _deadline(timeout), b"", 0
    while True:
        left = None if deadline is None else deadline - time.monotonic()
        if (left is not None and left <= 0) or not select.select([status_r], [], [], left)[0]:
            raise QueryError(f"query stopped after {timeout:g} s (--timeout SECONDS to allow longer)")
        chunk = os.read(status_r, 65536)
        if not chunk:
            return data.partition(b"=")[2].decode("utf-8", "replace")
        data += chunk
        head = data.split(b"=", 1)[0]
        for c in head[seen:]:
            deadline = None if c == ord("P") else _deadline(timeout)
        seen = len(head)


def _deadline(timeout: float | None) -> float | None:
    return time.monotonic() + timeout if timeout else None


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)


def _child(graph, sparql: str, fmt: str, result, stderr, status_w: int, max_memory: int) -> None:
    """The forked child: load, run, write the result file, say how it went, exit."""
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides, and kills
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.dup2(stderr.fileno(), 2)  # Rust's "memory allocation failed" goes there
        faulthandler.disable()  # an abort at the memory cap is the parent's to report, in one line
        _die_with_parent()
        _limit_memory(max_memory)
        try:  # a syntax error is reported before a large graph is loaded
            ox.Store().query(sparql, prefixes=_prefixes())
        except SyntaxError as exc:
            raise _syntax_error(sparql, exc) from exc
        except (ValueError, OSError, RuntimeError):
            pass  # reported by the real run
        os.write(status_w, b"P")
        store = load_dataset(graph, named_graphs=uses_named_graphs(sparql))
        os.write(status_w, b"L")
        with open(result.fileno(), "wb", closefd=False) as out:
            write_query(store, sparql, fmt, out)
        os.write(status_w, b"=OK")
        code = 0
    except QueryError as exc:
        os.write(status_w, ("=E" + str(exc)).encode("utf-8"))
    except MemoryError:
        os.write(status_w, b"=M")
    except BaseException as exc:  # noqa: BLE001 - reported by the parent as one line
        os.write(status_w, f"=Equery failed: {type(exc).__name__}: {exc}".encode("utf-8"))
    finally:
        os._exit(code)


def _limit_memory(max_memory: int) -> None:
    """Cap the address space at what the child has now plus ``max_memory``: a runaway query
    then fails with MemoryError or an allocation abort instead of the kernel's OOM killer."""
    try:
        import resource

        with open("/proc/self/status", encoding="ascii") as fh:
            now = next(int(ln.split()[1]) * 1024 for ln in fh if ln.startswith("VmSize:"))
        resource.setrlimit(resource.RLIMIT_AS, (now + max_memory, now + max_memory))
    except (ImportError, OSError, ValueError, StopIteration):
        pass  # not Linux: no cap


def _die_with_parent() -> None:
    """Linux: the child is killed if the parent dies first (kill -9), not left running."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
