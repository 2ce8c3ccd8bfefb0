"""Speed and scale: worker processes, the incremental store, recovery after a killed
build, and extraction on Dask; every path must give the files of a plain build."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newsgraph.build import build
from newsgraph.errors import NewsgraphError

pytestmark = pytest.mark.model

ARTICLES = {
    "a1-summit.txt": "Putin meets Erdogan in Sochi\n\nRussian President Vladimir Putin met Turkish "
                     "President Recep Tayyip Erdogan in Sochi on Monday. Putin praised Turkey for its "
                     "support. Erdogan said Ankara would keep talking to Moscow.\n",
    "a2-attack.txt": "Bomb kills eleven in Kabul\n\nA car bomb killed eleven people in Kabul on Tuesday. "
                     "The Taliban claimed the attack. Afghan President Ashraf Ghani condemned the "
                     "bombing and the United States criticized the Taliban.\n",
    "a3-sanctions.txt": "EU sanctions Iran\n\nThe European Union imposed new sanctions on Iran on "
                        "Wednesday. Iranian Foreign Minister Javad Zarif criticized the European Union. "
                        "Germany supported the sanctions, Chancellor Angela Merkel said in Berlin.\n",
    "a4-talks.txt": "Merkel hosts Macron\n\nGerman Chancellor Angela Merkel hosted French President "
                    "Emmanuel Macron in Berlin. Merkel and Macron discussed Iran. Macron urged Iran "
                    "to return to the talks.\n",
}
GRAPH_FILES = ("graph.ttl", "graph.nq", "graph.jsonld", "graph.graphml", "graph.gexf")


def _corpus(folder: Path, names=ARTICLES, **changed) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(changed.get(name.split("-")[0], ARTICLES[name]), "utf-8")
    return folder


def _same(a: Path, b: Path) -> None:
    for name in GRAPH_FILES:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The four articles (file paths are part of the output: every build reads these)."""
    return _corpus(tmp_path_factory.mktemp("corpus") / "in")


@pytest.fixture(scope="module")
def clean(tmp_path_factory, corpus) -> Path:
    """A plain build of all four articles, the reference for every other path."""
    out = tmp_path_factory.mktemp("clean") / "out"
    build([str(corpus)], out)
    return out


def _files(corpus: Path, names) -> list[str]:
    return [str(corpus / n) for n in names]


def test_workers_give_the_same_files(tmp_path, corpus, clean):
    report = build([str(corpus)], tmp_path / "out", workers=2, batch_size=1)
    assert report.extracted == 4
    _same(clean, tmp_path / "out")


def test_store_adds_skips_and_replaces(tmp_path, corpus, clean):
    store, names = tmp_path / "store", sorted(ARTICLES)
    r1 = build(_files(corpus, names[:2]), tmp_path / "o1", store=store)
    assert (r1.extracted, r1.skipped, r1.documents) == (2, 0, 2)
    # Adding articles: only the new ones are extracted; the graph is the whole corpus.
    r2 = build([str(corpus)], tmp_path / "o2", store=store)
    assert (r2.extracted, r2.skipped, r2.replaced, r2.documents) == (2, 2, 0, 4)
    _same(clean, tmp_path / "o2")
    # Only some of the corpus as input: nothing extracted, the rest stays in the store.
    r3 = build(_files(corpus, ["a2-attack.txt"]), tmp_path / "o3", store=store)
    assert (r3.extracted, r3.skipped, r3.documents) == (0, 1, 4)
    _same(clean, tmp_path / "o3")

    # A changed article replaces its named graph and its share of merged entities.
    changed = "Summit in Sochi\n\nRussian President Vladimir Putin met Chinese President Xi Jinping in Sochi.\n"
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "a1-summit.txt").write_text(changed, "utf-8")
    r4 = build([str(tmp_path / "new" / "a1-summit.txt")], tmp_path / "o4", store=store)
    assert (r4.extracted, r4.replaced, r4.documents) == (1, 1, 4)
    ref = tmp_path / "ref"
    build([str(tmp_path / "new" / "a1-summit.txt"), *_files(corpus, names[1:])], ref)
    _same(ref, tmp_path / "o4")
    nq = (tmp_path / "o4" / "graph.nq").read_text("utf-8")
    assert "Erdogan" not in nq and "Xi Jinping" in nq
    # Old results are gone; the RDF store holds what graph.nq holds; query reads the store.
    manifest = json.loads((store / "manifest.json").read_text("utf-8"))
    keys = {d["key"] for d in manifest["documents"]}
    assert {p.stem for p in (store / "results").rglob("*.json")} == keys
    assert not (store / "dirty").exists()
    from newsgraph.query import load_store, run_query
    ask = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert run_query(load_store(store), ask, "csv") == run_query(load_store(tmp_path / "o4"), ask, "csv")
    # Without inputs the store is exported again.
    r5 = build([], tmp_path / "o5", store=store)
    assert (r5.extracted, r5.documents) == (0, 4)
    _same(ref, tmp_path / "o5")


def test_a_store_build_writes_the_files_of_a_plain_build(tmp_path, corpus, clean):
    """Every file (build.json aside) byte for byte, from the same sorted files that update
    the store; a second build replaces no graph, a changed article only some."""
    store = tmp_path / "store"
    r1 = build([str(corpus)], tmp_path / "o1", store=store)
    assert r1.store == {"graphs_replaced": 5, "graphs_removed": 0}  # 4 documents + the default graph
    names = sorted(p.name for p in clean.iterdir() if p.name != "build.json")
    assert len(names) == 9 and names == sorted(p.name for p in (tmp_path / "o1").iterdir() if p.name != "build.json")
    for name in names:
        assert (tmp_path / "o1" / name).read_bytes() == (clean / name).read_bytes(), name
    assert not (store / "scratch").exists()
    r2 = build([str(corpus)], tmp_path / "o2", store=store)
    assert (r2.extracted, r2.store) == (0, {"graphs_replaced": 0, "graphs_removed": 0})
    # A changed article: its graph and those its change reaches (the default graph's
    # background facts, merged entities' labels), not the others.
    changed = _corpus(tmp_path / "new", a3="EU sanctions Iran\n\nThe European Union imposed new "
                      "sanctions on Iran on Thursday. Germany supported the sanctions.\n")
    r3 = build(_files(changed, ["a3-sanctions.txt"]), tmp_path / "o3", store=store)
    # The manifest's digests are those of graph.nq's graphs (each graph's sorted quads as
    # N-Quads); the graphs replaced are exactly those whose digest changed.
    before, after = _graph_digests(tmp_path / "o2"), _graph_digests(tmp_path / "o3")
    assert json.loads((store / "manifest.json").read_text("utf-8"))["graphs"] == after
    changed_graphs = {n for n in after if before.get(n) != after[n]}
    assert "https://w3id.org/newsgraph/id/doc/a3-sanctions.txt" in changed_graphs and len(changed_graphs) < 5
    assert r3.extracted == 1 and r3.store == {"graphs_replaced": len(changed_graphs), "graphs_removed": 0}


def _graph_digests(out: Path) -> dict[str, str]:
    import pyoxigraph as ox

    groups: dict[str, list] = {}
    for q in ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS):
        groups.setdefault("" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value, []).append(q)
    return {n: hashlib.sha256(ox.serialize(qs, format=ox.RdfFormat.N_QUADS)).hexdigest() for n, qs in groups.items()}


KILLER = textwrap.dedent("""
    import os, signal, sys
    from newsgraph.build import build

    def stop(i, result):
        if i == int(sys.argv[3]):
            os.kill(os.getpid(), signal.SIGKILL)  # as abrupt as a crash or kill -9

    build([sys.argv[1]], sys.argv[2] + "/out", store=sys.argv[2] + "/store", on_result=stop)
""")


def test_a_killed_build_is_finished_by_the_next(tmp_path, corpus, clean):
    src = corpus
    proc = subprocess.run([sys.executable, "-c", KILLER, str(src), str(tmp_path), "2"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == -9, proc.stderr
    store = tmp_path / "store"
    assert not (store / "manifest.json").exists()
    assert len(list((store / "results").rglob("*.json"))) == 2  # finished work is kept
    report = build([str(src)], tmp_path / "out", store=store)
    assert (report.extracted, report.skipped, report.documents) == (2, 2, 4)
    _same(clean, tmp_path / "out")


def test_an_interrupted_rdf_update_is_repaired(tmp_path, corpus, clean):
    """A run killed while it changed the RDF store leaves ``dirty``: the next run trusts no
    graph digest and rewrites every graph."""
    import pyoxigraph as ox

    store = tmp_path / "store"
    build([str(corpus)], None, store=store)
    db = ox.Store(str(store / "oxigraph"))
    victim = sorted(g.value for g in db.named_graphs())[0]
    db.remove_graph(ox.NamedNode(victim))  # half of an update, then the crash
    db.flush()
    del db
    (store / "dirty").write_text("")
    report = build([str(corpus)], tmp_path / "out", store=store)
    assert report.extracted == 0 and report.store["graphs_replaced"] >= 5
    assert not (store / "dirty").exists()
    db = ox.Store.read_only(str(store / "oxigraph"))
    stored = {str(q) for q in db}
    from newsgraph.query import load_store
    written = {str(q) for q in load_store(tmp_path / "out")}
    assert stored == written
    _same(clean, tmp_path / "out")


def test_dask_gives_the_same_files(tmp_path, corpus, clean):
    distributed = pytest.importorskip(
        "distributed", reason="dask[distributed] is in the test extra (pip install -e '.[test]')")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        report = build([str(corpus)], tmp_path / "out", scheduler=cluster.scheduler_address)
    assert report.extracted == 4
    _same(clean, tmp_path / "out")


def test_bad_options_fail_before_output(tmp_path):
    with pytest.raises(NewsgraphError, match="--workers 0"):
        build([str(_corpus(tmp_path / "in"))], tmp_path / "out", workers=0)
    with pytest.raises(NewsgraphError, match="holds no articles"):
        build([], tmp_path / "out", store=tmp_path / "store")
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "x.txt").write_text("x")
    with pytest.raises(NewsgraphError, match="not a newsgraph store"):
        build([str(tmp_path / "in")], tmp_path / "out", store=tmp_path / "junk")
    assert not (tmp_path / "out").exists()


def test_cli_options(tmp_path):
    from newsgraph.cli import main

    src = _corpus(tmp_path / "in", sorted(ARTICLES)[:1])
    assert main(["build", str(src), "-o", str(tmp_path / "out"), "--store", str(tmp_path / "s"),
                 "--workers", "1", "-q"]) == 0
    assert main(["build", "-o", str(tmp_path / "out2"), "--store", str(tmp_path / "s"), "-q"]) == 0
    assert (tmp_path / "out2" / "graph.nq").read_bytes() == (tmp_path / "out" / "graph.nq").read_bytes()
    assert main(["build", str(src), "-o", str(tmp_path / "o3"), "--workers", "0", "-q"]) == 1


def test_native_jsonld_is_rdflibs(clean):
    """exports.jsonld gives the document rdflib's serialiser gives, on a real build and on
    literals of every kind the graph can hold."""
    import json as js

    import pyoxigraph as ox
    import rdflib

    from newsgraph.exports import jsonld
    from newsgraph.exports.rdf import _sorted_lists, _triples, jsonld_context

    x = "http://www.w3.org/2001/XMLSchema#"
    s, p = ox.NamedNode("https://w3id.org/newsgraph/id/entity/a"), ox.NamedNode("https://w3id.org/newsgraph/ns#v")
    extra = [ox.Quad(s, p, ox.Literal(v, datatype=ox.NamedNode(x + dt))) for v, dt in [
        ("1e-05", "decimal"), ("0.500", "decimal"), ("7", "integer"), ("007", "integer"), ("true", "boolean"),
        ("2017", "gYear"), ("2017-04", "gYearMonth"), ("2017-04-03", "date"), ("2017-02-30", "date"),
        ("2026-11-27T08:00:00Z", "dateTime"), ("12", "nonNegativeInteger"), ("", "string"),
        ("http://x.org/a b", "anyURI"), ("1.5E3", "double")]]
    extra += [ox.Quad(s, p, ox.Literal("Kiew", language="de")), ox.Quad(s, ox.NamedNode(x + "q"), ox.Literal("é\n\"q\""))]
    qs = list(ox.parse(path=str(clean / "graph.nq"), format=ox.RdfFormat.N_QUADS)) + extra
    triples = _triples(qs)
    mine = jsonld.sorted_document(jsonld.compact(triples, jsonld_context()), _sorted_lists)
    graph = rdflib.Graph()
    graph.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
    theirs = _sorted_lists(js.loads(graph.serialize(format="json-ld", context=jsonld_context(), auto_compact=True)))
    dump = lambda d: js.dumps(d, ensure_ascii=False, indent=1, sort_keys=True)  # noqa: E731
    assert dump(mine) == dump(theirs)
