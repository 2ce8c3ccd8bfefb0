"""Command line: a thin layer over the library; errors become one-line messages here only."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import NewsgraphError

DEFAULT_OUT = "out"


def _default_inputs() -> list[str]:
    """The project's seeds/ folder (the repository checkout's, else the current folder's)."""
    here = Path(__file__).resolve().parents[1] / "seeds"
    return [str(here if here.is_dir() else Path("seeds"))]


def build(args: argparse.Namespace) -> int:
    from newsgraph.build import build as run_build

    # With --store and no input, the store's corpus is exported again (nothing is extracted).
    inputs = args.inputs or ([] if args.store else _default_inputs())
    report = run_build(
        inputs, args.output, model=args.model, aliases=args.aliases, date=args.date,
        events_as=args.events_as, batch_size=args.batch_size, max_chars=args.max_chars,
        workers=args.workers, store=args.store, scheduler=args.scheduler, progress=not args.quiet)
    if not args.quiet:
        _summary(report)
    return 0


def _summary(report) -> None:
    by_type = ", ".join(f"{n} {t}" for t, n in sorted(report.entities.items()))
    done = ""
    if report.skipped or report.replaced or report.documents != report.articles:
        done = (f" (store: {report.documents} documents; {report.extracted} extracted, "
                f"{report.skipped} unchanged skipped, {report.replaced} replaced)")
    print(f"{report.articles} article(s){done}: {sum(report.entities.values())} entities ({by_type}), "
          f"{report.events} events, {report.relations} relations; wrote "
          f"{', '.join(str(f) for f in report.files)} in {report.seconds:.1f} s", file=sys.stderr)


def query(args: argparse.Namespace) -> int:
    from newsgraph.query import run_bounded

    if args.file is not None and args.query is not None:
        raise NewsgraphError("give a query or -f FILE, not both")
    text = _query_file(args.file) if args.file is not None else args.query
    if not text or not text.strip():
        raise NewsgraphError("give a SPARQL query or -f FILE.rq")
    if args.timeout < 0 or args.max_memory is not None and args.max_memory <= 0:
        raise NewsgraphError("--timeout must be 0 (no limit) or more, --max-memory more than 0")
    max_memory = None if args.max_memory is None else int(args.max_memory * (1 << 30))
    run_bounded(args.graph, text, args.format, sys.stdout, timeout=args.timeout or None,
                max_memory=max_memory, allow_service=args.allow_service)
    return 0


def _query_file(name: str) -> str:
    """The text of a query file; what is wrong with it as one line."""
    from newsgraph.errors import QueryError

    path = Path(name)
    try:
        return path.read_text("utf-8")
    except FileNotFoundError:
        raise QueryError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise QueryError(f"{name}: is a folder, not a query file") from None
    except PermissionError:
        raise QueryError(f"{name}: cannot be read (permission denied)") from None
    except UnicodeDecodeError as exc:
        raise QueryError(f"{name}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise QueryError(f"{name}: cannot be read ({exc.strerror or exc})") from None


def serve(args: argparse.Namespace) -> int:
    from newsgraph.serve import serve as run

    return run(args.build, host=args.host, port=args.port, timeout=args.timeout, location=args.location)


def evaluate(args: argparse.Namespace) -> int:
    from newsgraph import evaluate as ev

    result = ev.evaluate(args.gold, args.pred)
    if args.json:
        if not args.explain:
            result = {k: v for k, v in result.items() if k != "explain"}
        print(json.dumps(result, indent=1, sort_keys=True))
    else:
        print(ev.render_table(result))
        if args.explain:
            print(ev.render_explain(result))
    return 0


def validate(args: argparse.Namespace) -> int:
    from newsgraph.validate import validate as run

    report = run(args.build)
    if args.json:
        print(json.dumps(report.as_dict(), indent=1, sort_keys=True))
        return 0 if report.conforms else 1
    print(report.summary())
    shown = [*report.violations, *report.warnings][:max(args.max, 0)]
    for finding in shown:
        print(f"  {finding.line()}")
    rest = len(report.violations) + len(report.warnings) - len(shown)
    if rest > 0:
        print(f"  ... and {rest} more (--max N to see more, --json for all)")
    return 0 if report.conforms else 1


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")
    p = argparse.ArgumentParser(prog="newsgraph", description="News articles to a knowledge graph.",
                                parents=[common])
    p.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    for add in (_build_command, _query_command, _serve_command, _eval_command, _validate_command):
        add(sub, common)
    return p


def _build_command(sub, common: argparse.ArgumentParser) -> None:
    from newsgraph.extract import DEFAULT_MODEL
    from newsgraph.extract.reader import MAX_CHARS

    b = sub.add_parser("build", parents=[common], help="extract and link articles, write the graph files")
    b.add_argument("inputs", nargs="*", help="files, folders or - for stdin (default: seeds/)")
    b.add_argument("-o", "--output", default=DEFAULT_OUT, help="output folder (default: out/)")
    b.add_argument("--model", default=DEFAULT_MODEL, help="installed spaCy model")
    b.add_argument("--date", help="publication date of the inputs (YYYY-MM-DD)")
    b.add_argument("--aliases", help="alias table CSV/TSV: surface, label, type[, iri]")
    b.add_argument("--events-as", choices=("auto", "edges", "nodes"), default="auto",
                   help="events in GraphML/GEXF/CSV/HTML: as relation edges, as nodes, or "
                        "auto (default): nodes for events relation edges do not show "
                        "(fewer than two actors)")
    b.add_argument("--batch-size", type=int, default=32)
    b.add_argument("--max-chars", type=int, default=MAX_CHARS, help="refuse longer documents")
    b.add_argument("--workers", type=int, default=1, metavar="N",
                   help="extract in N processes (each loads the model once); same output")
    b.add_argument("--store", metavar="DIR",
                   help="incremental builds: keep results and an RDF store in DIR; only new or "
                        "changed articles are extracted; without inputs, export the store")
    b.add_argument("--scheduler", metavar="ADDR",
                   help="extract on a Dask cluster (tcp://HOST:PORT); needs newsgraph[dask]")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    b.set_defaults(func=build)


def _query_command(sub, common: argparse.ArgumentParser) -> None:
    q = sub.add_parser("query", parents=[common], help="run SPARQL over a built graph (read-only)",
                       description="Run a read-only SPARQL query. The default graph is the set "
                                   "union of the article graphs plus the background facts; "
                                   "GRAPH ?g { ... } asks per article.")
    q.add_argument("graph", help="a build folder, an incremental store, or a .nq/.trig/.ttl/.nt/.jsonld file")
    q.add_argument("query", nargs="?", help="the SPARQL query")
    q.add_argument("-f", "--file", help="read the query from a file")
    q.add_argument("--format", choices=("table", "csv", "tsv", "json", "turtle", "nt"), default="table",
                   help="rows: table, csv, tsv or json; a graph (CONSTRUCT, DESCRIBE): Turtle "
                        "(table or turtle) or N-Triples (nt)")
    q.add_argument("--timeout", type=float, default=60, metavar="SECONDS",
                   help="stop the query after this long, loading not counted (default 60; 0: no limit)")
    q.add_argument("--max-memory", type=float, metavar="GB",
                   help="stop the query when it needs more memory than this (default: half the machine's)")
    q.add_argument("--allow-service", action="store_true",
                   help="run SERVICE clauses (requests to other hosts); refused by default")
    q.set_defaults(func=query)


def _serve_command(sub, common: argparse.ArgumentParser) -> None:
    s = sub.add_parser("serve", parents=[common], help="serve a build as a read-only SPARQL endpoint",
                       description="Serve a build folder over the SPARQL 1.1 Protocol (read-only) with "
                                   "Oxigraph's server: the default graph is the set union of the "
                                   "article graphs plus the background facts; GRAPH ?g asks per article.")
    s.add_argument("build", help="a build folder (its graph.nq and graph.ttl)")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this "
                                                      "machine only)")
    s.add_argument("--port", type=int, default=7878, help="port (default 7878; 0: any free port)")
    s.add_argument("--timeout", type=int, default=60, metavar="SECONDS", help="time limit of a query")
    s.add_argument("--location", help="folder of the on-disk store (default: BUILD/sparql-store)")
    s.set_defaults(func=serve)


def _eval_command(sub, common: argparse.ArgumentParser) -> None:
    e = sub.add_parser("eval", parents=[common], help="score a build against gold files")
    e.add_argument("gold", nargs="+", help="*.gold.json, mention-level *.json, or folders")
    e.add_argument("--pred", required=True, help="the build folder")
    e.add_argument("--json", action="store_true", help="print the JSON object")
    e.add_argument("--explain", action="store_true", help="list false positives and misses")
    e.set_defaults(func=evaluate)


def _validate_command(sub, common: argparse.ArgumentParser) -> None:
    v = sub.add_parser("validate", parents=[common], help="check a build against the SHACL shapes")
    v.add_argument("build", help="a build folder (its graph.ttl) or an RDF file")
    v.add_argument("--max", type=int, default=10, help="results to list (default 10)")
    v.add_argument("--json", action="store_true", help="print the whole report as JSON")
    v.set_defaults(func=validate)


def one_line(message: str) -> str:
    """A message as one printable line: a file's bytes quoted in it (a parser error on a NUL)
    must not reach the terminal as control characters or break the line."""
    message = " ".join(message.splitlines())
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"
                   for c in message)


def _parse(p: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line. argparse fills an optional positional only from the run of
    positionals it first meets, so ``query out --format csv 'SELECT ...'`` would leave the
    query unread: a query given after the options is taken as the query."""
    args, extra = p.parse_known_args(argv)
    if getattr(args, "command", None) == "query" and args.query is None and len(extra) == 1 \
            and not extra[0].startswith("-"):
        args.query = extra[0]
    elif extra:
        p.error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    import logging
    import os
    import signal
    import threading

    args = _parse(parser(), argv)
    args.debug = getattr(args, "debug", False)
    # SIGTERM (kill, a job scheduler, a container stop) ends a build as Ctrl-C does: by an
    # exception, so that every ``finally`` removes its scratch files and no output file is
    # left half-replaced.
    terminated: list[int] = []
    me = os.getpid()

    def on_sigterm(signum, frame) -> None:
        if os.getpid() != me:  # a forked child inherited this handler: end as it would have
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        terminated.append(signum)
        raise KeyboardInterrupt

    handles_sigterm = threading.current_thread() is threading.main_thread()  # else not allowed
    if handles_sigterm:
        previous = signal.signal(signal.SIGTERM, on_sigterm)
    # The library's warnings (a damaged stored result, ...) as one line each on stderr.
    warnings = logging.StreamHandler(sys.stderr)
    warnings.setFormatter(logging.Formatter("newsgraph: warning: %(message)s"))
    logger = logging.getLogger("newsgraph")
    logger.addHandler(warnings)
    try:
        return args.func(args)
    except NewsgraphError as exc:
        if args.debug:
            raise
        print(f"newsgraph: error: {one_line(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        if terminated:
            print("newsgraph: terminated", file=sys.stderr)
            return 128 + signal.SIGTERM  # 143, as a shell reports a process ended by SIGTERM
        print("newsgraph: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the one place that turns surprises into one line
        if args.debug:
            raise
        print(f"newsgraph: internal error: {type(exc).__name__}: {one_line(str(exc))} (run with --debug for details)",
              file=sys.stderr)
        return 2
    finally:
        logger.removeHandler(warnings)
        if handles_sigterm:
            signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)


if __name__ == "__main__":
    sys.exit(main())
