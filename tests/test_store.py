"""``newsgraph.store``: the RDF store is updated graph by graph from the sorted N-Quads
file of ``exports.rdf.Prepared`` (fast tests on the tiny hand-made graph, no spaCy)."""

from __future__ import annotations

import hashlib
import json

import pyoxigraph as ox
import pytest

from newsgraph.errors import StoreError
from newsgraph.exports import rdf
from newsgraph.graph.builder import build_graph
from newsgraph.graph.model import Article, ArticleResult, EntityRecord, Span
from newsgraph.store import Store
from test_graph_rdf import tiny_results


def _graph(results):
    return build_graph(results, build_info={"toolVersion": "0", "model": "m"})


def _third() -> ArticleResult:
    return ArticleResult(Article(id="c.txt", text="Minsk was quiet."),
                         [EntityRecord("minsk", "Place", "Minsk", (Span(0, 5, "Minsk"),))])


def _changed_b() -> list[ArticleResult]:
    first, _ = tiny_results()
    b = ArticleResult(Article(id="b.txt", text="Putin spoke again."),
                      [EntityRecord("vladimir_putin", "Person", "Putin", (Span(0, 5, "Putin"),))])
    return [first, b]


def _by_graph(g) -> dict[str, bytes]:
    """Each graph's N-Quads lines, from the in-memory quad list (the old way)."""
    groups: dict[str, list] = {}
    for q in rdf.quads(g):
        name = "" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        groups.setdefault(name, []).append(q)
    return {name: ox.serialize(qs, format=ox.RdfFormat.N_QUADS) for name, qs in groups.items()}


def _sync(path, g) -> dict:
    with Store(path) as st:
        prepared = rdf.Prepared(g, st.scratch())
        try:
            counts = st.sync_rdf(prepared.graphs())
        finally:
            prepared.close()
        st.commit()
    return counts


def _stored(path) -> set[str]:
    db = ox.Store.read_only(str(path / "oxigraph"))
    return {str(q) for q in db}


def _expected(g) -> set[str]:
    """The quads of ``g`` as a store holds them (it stores some literals in canonical form)."""
    db = ox.Store()
    db.extend(rdf.quads(g))
    return {str(q) for q in db}


def test_prepared_graphs_are_the_nquads_file_graph_by_graph(tmp_path, monkeypatch):
    """Graph by graph, in file order, the bytes the store's digests were always taken of
    (``ox.serialize`` of the graph's sorted quads): stores made before stay valid."""
    monkeypatch.setattr(rdf, "SORT_CHUNK", 3)  # many runs merged
    g = _graph([*tiny_results(), _third()])
    prepared = rdf.Prepared(g, tmp_path)
    try:
        graphs = list(prepared.graphs())
        with open(prepared.nquads, "rb") as fh:
            assert b"".join(lines for _, lines in graphs) == fh.read()
    finally:
        prepared.close()
    names = [name for name, _ in graphs]
    assert names[-1] == "" and len(set(names)) == len(names) == 4  # three documents, default last
    assert dict(graphs) == _by_graph(g)
    digests = {n: hashlib.sha256(b).hexdigest() for n, b in _by_graph(g).items()}
    _sync(tmp_path / "store", g)
    manifest = json.loads((tmp_path / "store" / "manifest.json").read_text("utf-8"))
    assert manifest["graphs"] == digests


def test_sync_replaces_only_changed_graphs_and_removes_deleted_ones(tmp_path, monkeypatch):
    import newsgraph.store

    monkeypatch.setattr(newsgraph.store, "FLUSH_BYTES", 1000)  # flushed as it goes, as for big graphs
    store = tmp_path / "store"
    g1 = _graph([*tiny_results(), _third()])
    assert _sync(store, g1) == {"graphs_replaced": 4, "graphs_removed": 0}
    assert _stored(store) == _expected(g1)
    assert _sync(store, g1) == {"graphs_replaced": 0, "graphs_removed": 0}
    # b.txt changed, c.txt gone: b's graph and the default graph (prov:used) are replaced,
    # c's graph removed; a's graph is not touched.
    g2 = _graph(_changed_b())
    old, new = _by_graph(g1), _by_graph(g2)
    assert sorted(n for n in new if old.get(n) != new[n]) == ["", "https://w3id.org/newsgraph/id/doc/b.txt"]
    assert _sync(store, g2) == {"graphs_replaced": 2, "graphs_removed": 1}
    assert _stored(store) == _expected(g2)
    assert not (store / "dirty").exists() and not (store / "scratch").exists()
    manifest = json.loads((store / "manifest.json").read_text("utf-8"))
    assert manifest["graphs"] == {n: hashlib.sha256(b).hexdigest() for n, b in new.items()}


def test_an_interrupted_sync_leaves_dirty_and_is_repaired(tmp_path):
    store = tmp_path / "store"
    g1, g2 = _graph([*tiny_results(), _third()]), _graph(_changed_b())
    _sync(store, g1)
    manifest = (store / "manifest.json").read_bytes()

    def failing():
        prepared = rdf.Prepared(g2, tmp_path)
        try:
            for name, lines in prepared.graphs():
                yield name, lines
                if name.endswith("/b.txt"):  # one graph replaced, then the disk fails
                    raise OSError(5, "Input/output error")
        finally:
            prepared.close()

    with Store(store) as st, pytest.raises(StoreError, match="cannot update the RDF store"):
        st.sync_rdf(failing())
    assert (store / "dirty").exists() and (store / "manifest.json").read_bytes() == manifest
    # The next run trusts no digest: every graph is written again, and the stale one removed.
    assert _sync(store, g2) == {"graphs_replaced": 3, "graphs_removed": 1}
    assert _stored(store) == _expected(g2)
    assert not (store / "dirty").exists()


def test_graphs_out_of_order_are_refused(tmp_path):
    with Store(tmp_path / "store") as st, pytest.raises(ValueError, match="given twice"):
        st.sync_rdf([("http://x.org/g", b"<http://x.org/s> <http://x.org/p> <http://x.org/o> <http://x.org/g> .\n")] * 2)


def test_scratch_left_by_a_killed_first_build(tmp_path):
    """A first build killed while the sorted files existed: the folder is still a store,
    and the leftovers go at the next commit."""
    store = tmp_path / "store"
    (store / "scratch" / ".rdf-x").mkdir(parents=True)
    (store / "scratch" / ".rdf-x" / "graph.nq").write_text("")
    assert _sync(store, _graph(tiny_results()))["graphs_replaced"] == 3
    assert not (store / "scratch").exists()
