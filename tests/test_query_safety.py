"""``newsgraph query`` is correct and safe: set semantics over the article graphs, no
network, a time limit and Ctrl-C that work while Rust evaluates, one-line errors.

Small hand-made graphs, except the comparison with the seed build."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import ROOT, terminal_sigint
from newsgraph.cli import main
from newsgraph.errors import QueryError, ValidationError
from newsgraph.query import check_query, load_store, run_query

NG = "https://w3id.org/newsgraph/ns#"
EX = "http://example.org/"
QUERIES = ROOT / "examples" / "queries"
# 45 articles make the same two statements; one background fact in the default graph.
ARTICLES = 45
SHARED = (f"<{EX}russia> <{NG}criticizes> <{EX}ukraine> .\n"
          f"<{EX}russia> <http://www.w3.org/2000/01/rdf-schema#label> \"Russia\" .\n")
BACKGROUND = f"<{EX}ukraine> <http://www.w3.org/2000/01/rdf-schema#label> \"Ukraine\" .\n"
CRITICIZES = "SELECT ?who ?whom WHERE { ?a ng:criticizes ?b . ?a rdfs:label ?who . ?b rdfs:label ?whom }"
# 4 patterns over 60 triples: 60^4 = 13M solutions, far more than a second's work.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def shared_nq(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("bag") / "graph.nq"
    lines = [BACKGROUND]
    for i in range(ARTICLES):
        g = f" <{EX}doc/{i}> .\n"
        lines += [t.removesuffix(" .\n") + g for t in SHARED.splitlines(keepends=True)]
    path.write_text("".join(lines), "utf-8")
    return path


@pytest.fixture(scope="module")
def small_nq(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("small") / "small.nq"
    path.write_text("".join(f"<{EX}s{i}> <{EX}p> <{EX}o{i % 7}> <{EX}g{i % 3}> .\n" for i in range(60)),
                    "utf-8")
    return path


def query(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["query", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# ---------------------------------------------------------------------------------------------
# 1. Set semantics


def test_a_statement_of_many_articles_is_one_row(shared_nq, capsys):
    code, out, err = query(capsys, shared_nq, CRITICIZES, "--format", "csv")
    assert (code, err) == (0, "")
    assert csv_rows(out) == [{"who": "Russia", "whom": "Ukraine"}]  # not 45 (nor 45 x 45)
    rows = csv_rows(run_query(load_store(shared_nq), CRITICIZES, "csv"))
    assert rows == [{"who": "Russia", "whom": "Ukraine"}]


def test_the_default_graph_is_the_union_plus_background_and_graph_asks_per_article(shared_nq, capsys):
    code, out, _ = query(capsys, shared_nq, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv")
    assert code == 0 and csv_rows(out) == [{"n": "3"}]  # two shared statements + one background fact
    per_article = ("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ng:criticizes ?o } } "
                   "GROUP BY ?g ORDER BY ?g")
    code, out, _ = query(capsys, shared_nq, per_article, "--format", "csv")
    rows = csv_rows(out)
    assert code == 0 and len(rows) == ARTICLES and {r["n"] for r in rows} == {"1"}
    # The background fact is in no article graph.
    code, out, _ = query(capsys, shared_nq, 'ASK { GRAPH ?g { ?s ?p "Ukraine" } }')
    assert (code, out) == (0, "false\n")


def test_a_plain_store_and_a_read_only_store_give_the_same_set(shared_nq, tmp_path, capsys):
    plain = ox.Store()
    plain.bulk_load(path=str(shared_nq), format=ox.RdfFormat.N_QUADS)
    assert csv_rows(run_query(plain, CRITICIZES, "csv")) == [{"who": "Russia", "whom": "Ukraine"}]
    # The on-disk store of incremental builds is opened read-only: queried through a copy,
    # and left as it is.
    (tmp_path / "manifest.json").write_text("{}", "utf-8")
    disk = ox.Store(str(tmp_path / "oxigraph"))
    disk.bulk_load(path=str(shared_nq), format=ox.RdfFormat.N_QUADS)
    disk.flush()
    before = len(disk)
    del disk
    code, out, _ = query(capsys, tmp_path, CRITICIZES, "--format", "csv")
    assert code == 0 and csv_rows(out) == [{"who": "Russia", "whom": "Ukraine"}]
    code, out, _ = query(capsys, tmp_path, "SELECT (COUNT(DISTINCT ?g) AS ?n) (COUNT(*) AS ?all) "
                         "WHERE { GRAPH ?g { ?s ng:criticizes ?o } ?s ?p ?x }", "--format", "csv")
    assert code == 0 and csv_rows(out) == [{"n": str(ARTICLES), "all": str(2 * ARTICLES)}]
    assert len(ox.Store.read_only(str(tmp_path / "oxigraph"))) == before


@pytest.mark.model
def test_every_example_query_gives_the_same_rows_from_the_build_folder(seed_build, capsys):
    """The CLI reads a build folder's graph.ttl as the union (and graph.nq only for GRAPH
    queries); the library adds the union to graph.nq's store: the same rows either way."""
    for path in sorted(QUERIES.glob("*.rq")):
        code, out, err = query(capsys, seed_build, "-f", path, "--format", "csv")
        assert (code, err) == (0, ""), path.name
        assert out == run_query(load_store(seed_build / "graph.nq"), path.read_text("utf-8"), "csv"), path.name
        assert len(csv_rows(out)) >= 1, path.name


# ---------------------------------------------------------------------------------------------
# 2. No network


@pytest.fixture
def listener():
    """A socket on 127.0.0.1 that records every connection made to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    hits: list[bytes] = []

    def accept() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(1)
                try:
                    hits.append(conn.recv(200) or b"(connected)")
                except OSError:
                    hits.append(b"(connected)")

    threading.Thread(target=accept, daemon=True).start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}", hits
    server.close()


def test_service_is_refused_and_nothing_connects(listener, shared_nq, capsys):
    url, hits = listener
    for q in (f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
              f"SELECT * WHERE {{ SERVICE SILENT <{url}/sparql> {{ ?s ?p ?o }} }}",
              f"select * where {{ ?x ?y ?z OPTIONAL {{ service silent\n<{url}/x> {{ ?s ?p ?o }} }} }}"):
        code, out, err = query(capsys, shared_nq, q)
        assert (code, out) == (1, "")
        assert err == (f"newsgraph: error: SERVICE <{url}/{'x' if 'OPTIONAL' in q else 'sparql'}> is not run: "
                       "queries do not reach the network (pass --allow-service to allow it)\n")
    with pytest.raises(QueryError, match="SERVICE"):
        run_query(load_store(shared_nq), f"ASK {{ SERVICE <{url}/> {{ ?s ?p ?o }} }}")
    time.sleep(0.2)
    assert hits == []
    # The flag lets it through (to the listener, which answers nothing: SILENT gives no error).
    code, _, _ = query(capsys, shared_nq, f"SELECT * WHERE {{ SERVICE SILENT <{url}/sparql> {{ ?s ?p ?o }} }}",
                       "--allow-service")
    time.sleep(0.2)
    assert code == 0 and hits and hits[0].startswith(b"POST /sparql ")


def test_the_word_service_elsewhere_is_not_a_service_clause():
    check_query('''PREFIX service: <http://example.org/service#>
        # SERVICE <http://example.org/> in a comment
        SELECT ?service WHERE {
          ?service a service:Service ; <http://example.org/SERVICE> "SERVICE <x> {}" .
          ?service ex:service 'SERVICE' , """SERVICE { }""" , \'\'\'it's a SERVICE\'\'\' .
          ?service ex:p "x"@service .
        }''')
    with pytest.raises(QueryError, match="SERVICE"):
        check_query('SELECT * WHERE { ?s ?p "a # not a comment" . SERVICE ?endpoint { ?s ?p ?o } }')
    with pytest.raises(QueryError, match="SERVICE"):
        check_query("SELECT * WHERE { <http://ex/#a> ?p ?o . SeRvIcE <http://ex/> { ?s ?p ?o } }")


def test_a_remote_json_ld_context_is_not_fetched_by_query_or_validate(listener, tmp_path, capsys):
    url, hits = listener
    doc = tmp_path / "remote.jsonld"
    doc.write_text(json.dumps({"@context": f"{url}/context.jsonld", "@id": f"{EX}a", "name": "A"}), "utf-8")
    code, out, err = query(capsys, doc, "SELECT * WHERE { ?s ?p ?o }")
    assert (code, out) == (1, "")
    assert err.startswith(f"newsgraph: error: {doc}: cannot load (its JSON-LD @context is a remote document")
    assert err.count("\n") == 1
    assert main(["validate", str(doc)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"newsgraph: error: {doc}: cannot parse (its JSON-LD @context is a remote document")
    time.sleep(0.2)
    assert hits == []


def test_validate_follows_no_owl_imports_and_refuses_shapes_that_would_fetch(listener, tmp_path):
    from newsgraph.validate import ontology_dir, validate

    url, hits = listener
    data = tmp_path / "data.ttl"
    data.write_text(f"<{EX}onto> a <http://www.w3.org/2002/07/owl#Ontology> ; "
                    f"<http://www.w3.org/2002/07/owl#imports> <{url}/onto.ttl> .\n", "utf-8")
    shapes = (ontology_dir() / "shapes.ttl").read_text("utf-8")
    imports = tmp_path / "imports.ttl"
    imports.write_text(shapes + f"\n<{EX}shapes> <http://www.w3.org/2002/07/owl#imports> <{url}/more.ttl> .\n",
                       "utf-8")
    validate(data, shapes=imports)
    sparql = tmp_path / "sparql.ttl"
    sparql.write_text(shapes + f"""
@prefix sh: <http://www.w3.org/ns/shacl#> .
<{EX}Remote> a sh:NodeShape ; sh:targetNode <{EX}onto> ;
    sh:sparql [ sh:select "SELECT $this WHERE {{ SERVICE <{url}/sparql> {{ $this ?p ?o }} }}" ] .
""", "utf-8")
    with pytest.raises(ValidationError, match="uses SERVICE, which is not run"):
        validate(data, shapes=sparql)
    time.sleep(0.2)
    assert hits == []


# ---------------------------------------------------------------------------------------------
# 3. Time limit, Ctrl-C, memory cap


def test_a_query_stops_at_its_timeout(small_nq, capsys):
    started = time.monotonic()
    code, out, err = query(capsys, small_nq, SLOW, "--timeout", "1")
    assert (code, out) == (1, "")
    assert err == "newsgraph: error: query stopped after 1 s (--timeout SECONDS to allow longer)\n"
    assert time.monotonic() - started < 5


def test_a_runaway_query_stops_at_the_memory_cap(small_nq, capsys):
    code, out, err = query(capsys, small_nq, f"{SLOW.replace('(COUNT(*) AS ?n)', '*')} ORDER BY ?l ?i",
                           "--max-memory", "0.2", "--timeout", "30", "--format", "csv")
    assert (code, out) == (1, "")
    assert err == ("newsgraph: error: query stopped: it needs more than 0.2 GB of memory "
                   "(--max-memory GB to allow more)\n")


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="Linux /proc needed")
def test_ctrl_c_stops_a_running_query_at_once(small_nq):
    """Ctrl-C goes to the terminal's whole process group, as here."""
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "query", str(small_nq), SLOW],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, cwd=ROOT, preexec_fn=terminal_sigint)
    try:
        children: list[str] = []
        for _ in range(100):  # until the query runs in its child process
            time.sleep(0.1)
            children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
            if children:
                break
        time.sleep(0.5)
        sent = time.monotonic()
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=10)
    finally:
        proc.kill()
    assert children and time.monotonic() - sent < 2
    assert (proc.returncode, out, err) == (130, "", "newsgraph: interrupted\n")
    assert not any(Path(f"/proc/{pid}").exists() for pid in children)


# ---------------------------------------------------------------------------------------------
# 4. One-line errors


def test_query_files_that_cannot_be_read(shared_nq, tmp_path, capsys):
    latin1 = tmp_path / "latin1.rq"
    latin1.write_bytes('SELECT * WHERE { ?s ?p "café" }'.encode("latin-1"))
    cases = {str(tmp_path / "missing.rq"): "no such file", str(tmp_path): "is a folder, not a query file",
             str(latin1): "not UTF-8 text (byte 27)"}
    for name, why in cases.items():
        code, out, err = query(capsys, shared_nq, "-f", name)
        assert (code, out, err) == (1, "", f"newsgraph: error: {name}: {why}\n")
    code, _, err = query(capsys, shared_nq, "ASK {}", "-f", str(latin1))
    assert (code, err) == (1, "newsgraph: error: give a query or -f FILE, not both\n")


def test_syntax_errors_give_the_line_and_column_of_the_users_query(shared_nq, tmp_path, capsys):
    rq = tmp_path / "bad.rq"
    rq.write_text("# the confidence of each criticism\n"
                  "SELECT ?s ?c\n"
                  "WHERE {\n"
                  "  ?s ng:criticizes ?o ;\n"
                  "     ng:confidence ?c ?d .\n"
                  "}\n", "utf-8")
    code, out, err = query(capsys, shared_nq, "-f", rq)
    assert (code, out) == (1, "")
    assert err == "newsgraph: error: SPARQL syntax error at line 5, column 23: near '?d .'\n"
    code, _, err = query(capsys, shared_nq, "SELECT ?x WHERE {\n\t?x ?y ?z ?w .\n}")  # a tab is one column
    assert err == "newsgraph: error: SPARQL syntax error at line 2, column 11: near '?w .'\n"
    # An undeclared prefix: pyoxigraph's position (the end of the name) is the right one.
    code, _, err = query(capsys, shared_nq, "SELECT *\nWHERE { ?s nope:p ?o }")
    assert code == 1 and err.startswith("newsgraph: error: SPARQL syntax error at line 2, column 18: ")
    assert err.count("\n") == 1


@pytest.mark.parametrize("update", [
    "INSERT DATA { <http://ex/a> <http://ex/b> <http://ex/c> }",
    "PREFIX ex: <http://ex/>\n# remove\ndelete where { ?s ex:p ?o }",
    "LOAD <http://127.0.0.1:9/data.ttl>", "CLEAR ALL", "DROP GRAPH <http://ex/g>",
    "CREATE GRAPH <http://ex/g>", "ADD DEFAULT TO <http://ex/g>", "MOVE <http://ex/a> TO <http://ex/b>",
    "COPY DEFAULT TO <http://ex/g>", "BASE <http://ex/> WITH <g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
])
def test_updates_are_refused(update, shared_nq, capsys):
    code, out, err = query(capsys, shared_nq, update)
    keyword = next(w for w in update.replace("\n", " ").split() if w.upper() in
                   {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})
    assert (code, out) == (1, "")
    assert err == f"newsgraph: error: read-only: updates are not run ({keyword.upper()})\n"


def test_options_may_come_before_the_query(shared_nq, capsys):
    """argparse alone would leave a query given after --format unread."""
    code, out, _ = query(capsys, shared_nq, "--format", "csv", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
    assert code == 0 and out.split() == ["n", "3"]  # two shared statements once, one background fact
    with pytest.raises(SystemExit):
        query(capsys, shared_nq, "--format", "csv", "SELECT * {}", "stray")


def test_graph_results_are_turtle_or_ntriples_and_every_format_ends_with_a_newline(shared_nq, capsys):
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ng:criticizes ?o . BIND(ng:criticizes AS ?p) }"
    code, out, _ = query(capsys, shared_nq, construct)
    parsed = list(ox.parse(out.encode(), format=ox.RdfFormat.TURTLE))
    assert code == 0 and len(parsed) == 1 and "@prefix ng:" in out
    code, out, _ = query(capsys, shared_nq, "--format", "nt", construct)
    assert code == 0 and out.count("\n") == 1 and out.startswith(f"<{EX}russia> <{NG}criticizes>")
    code, _, err = query(capsys, shared_nq, "--format", "csv", construct)
    assert code == 1 and "gives a graph" in err
    code, _, err = query(capsys, shared_nq, "--format", "nt", "SELECT * { ?s ?p ?o }")
    assert code == 1 and "gives rows" in err
    for fmt in ("table", "csv", "tsv", "json"):
        code, out, _ = query(capsys, shared_nq, "--format", fmt, "SELECT ?s { ?s ng:criticizes ?o }")
        assert code == 0 and out.endswith("\n"), fmt


def test_error_messages_carry_no_control_characters(tmp_path, capsys):
    bad = tmp_path / "g.ttl"
    bad.write_bytes(b"\x00\x01garbage")
    code, _, err = query(capsys, bad, "ASK {}")
    assert code == 1 and err.endswith("\n") and err[:-1].isprintable() and "\\x00" in err
