"""``newsgraph.store``: the RDF store is updated graph by graph from the sorted N-Quads
file of ``exports.rdf.Prepared``; results are stored as checked JSON, and a bad result
file is never used (fast tests on the tiny hand-made graph, no spaCy, but the last)."""

from __future__ import annotations

import hashlib
import json

import pyoxigraph as ox
import pytest

from newsgraph import store as store_module
from newsgraph.errors import StoreError
from newsgraph.exports import rdf
from newsgraph.graph.builder import build_graph
from newsgraph.graph.model import (Article, ArticleResult, EntityRecord, EventRecord, ParticipantRecord,
                                   RelationRecord, Span, result_from_data, result_to_data)
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
    # three documents and the background graph (first in sorted order)
    assert names[0] == rdf.BACKGROUND_GRAPH and len(set(names)) == len(names) == 4
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
    # b.txt changed, c.txt gone: b's graph and the background graph (prov:used) are replaced,
    # c's graph removed; a's graph is not touched.
    g2 = _graph(_changed_b())
    old, new = _by_graph(g1), _by_graph(g2)
    assert sorted(n for n in new if old.get(n) != new[n]) == [rdf.BACKGROUND_GRAPH, "https://w3id.org/newsgraph/id/doc/b.txt"]
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


# -- stored results: data, never code --------------------------------------------------


def _full() -> ArticleResult:
    """A result using every field, with values that a lossy encoding would change: an int
    where a float is declared, -0.0, a huge int, text outside the BMP, a NUL, a lone newline."""
    text = "Zaatari \u00e9t\u00e9 \U0001f600 said \x00 no.\n"
    art = Article(id="d/\u00e9.txt", text=text, title="T\u00edtulo", date="2020-01", source="/tmp/d.txt")
    ent = EntityRecord("k", "Place", "Z", (Span(0, 7, "Zaatari"), Span(0, 1, "Z")), names=("Za", ""),
                       references=(Span(8, 12, "\u00e9t\u00e9 "),), geonames_id=2**62, lat=-0.0, lng=1,
                       country_code="JO", located_in="jordan", same_as="http://x.org/\u00e9")
    ev = EventRecord("e1", "attack", None, (Span(1, 2, "a"),), roles=(("agent", "k"), ("victim", "p1")),
                     place="k", date="2020", factuality="negated", casualties=(("killed", 0), ("injured", 10**18)),
                     sentence=Span(0, 20, text[:20]), confidence=1e-300, stance=True, reported_by="k")
    rel = RelationRecord("k", "supports", "k", Span(0, 3, "Zaa"), 0.1 + 0.2, "042", "e1", None)
    part = ParticipantRecord("p1", "eleven people", Span(3, 9, "atari "), kind="site")
    return ArticleResult(art, [ent, ent], [ev], [rel], [part])


def _random_result(rng) -> ArticleResult:
    """A random result: strings from all of Unicode (surrogates excepted), optional fields
    set or not, sequences empty or not."""
    def s() -> str:
        return "".join(chr(c) for c in (rng.choice([rng.randrange(0x80), rng.randrange(0xD800),
                                                    rng.randrange(0xE000, 0x110000)])
                                        for _ in range(rng.randrange(6))))

    def opt(make):
        return make() if rng.random() < 0.5 else None

    def span() -> Span:
        return Span(rng.randrange(-5, 2**40), rng.randrange(2**40), s())

    def spans() -> tuple:
        return tuple(span() for _ in range(rng.randrange(3)))

    def num() -> float:
        return rng.choice([rng.random(), -rng.random() * 1e308, 5e-324, 0.0, -0.0, float(rng.randrange(10)),
                           rng.randrange(-10, 10)])

    ents = [EntityRecord(s(), s(), s(), spans(), tuple(s() for _ in range(rng.randrange(3))), spans(),
                         opt(lambda: rng.randrange(-2**63, 2**63)), opt(num), opt(num), opt(s), opt(s), opt(s))
            for _ in range(rng.randrange(4))]
    evs = [EventRecord(s(), s(), opt(s), spans(), tuple((s(), s()) for _ in range(rng.randrange(3))), opt(s),
                       opt(s), s(), tuple((s(), rng.randrange(-2**70, 2**70)) for _ in range(rng.randrange(3))),
                       opt(span), num(), rng.random() < 0.5, opt(s))
           for _ in range(rng.randrange(4))]
    rels = [RelationRecord(s(), s(), s(), span(), num(), opt(s), opt(s), opt(s)) for _ in range(rng.randrange(4))]
    parts = [ParticipantRecord(s(), s(), span(), s()) for _ in range(rng.randrange(3))]
    return ArticleResult(Article(s(), s(), opt(s), opt(s), opt(s)), ents, evs, rels, parts)


def _doc(result: ArticleResult) -> tuple[str, str, str]:
    digest = store_module.article_digest(result.article)
    return result.article.id, digest, Store.key(digest, "fp")


def test_results_are_written_as_checked_json_and_read_back_equal(tmp_path):
    results = [*tiny_results(), _third(), _full()]
    with Store(tmp_path / "store") as st:
        st.plan(_doc(r) for r in results)
        for r in results:
            st.put(_doc(r)[2], r)
        assert all(st.has(_doc(r)[2]) for r in results)
        back = list(st.results())
    assert back == results
    # Types survive too (== alone would take 1 for 1.0): the int stays an int, -0.0 stays -0.0.
    full = back[-1]
    assert type(full.entities[0].lng) is int and str(full.entities[0].lat) == "-0.0"
    assert full.relations[0].confidence == 0.1 + 0.2 and full.events[0].confidence == 1e-300
    files = sorted((tmp_path / "store" / "results").rglob("*"))
    assert not [f for f in files if f.suffix == ".pickle"]
    first = next(f for f in files if f.is_file()).read_bytes()
    header = json.loads(first.split(b"\n", 1)[0])
    assert set(header) == {"format", "version", "sha256"} and header["format"] == "newsgraph-result"


def test_random_results_round_trip_exactly():
    """Property: for any result, encode then decode gives an equal result (seeded, 300 cases)."""
    import random

    rng = random.Random(12)
    for _ in range(300):
        result = _random_result(rng)
        data = store_module.encode_result(result)
        assert store_module.decode_result(data) == result
        assert store_module.encode_result(store_module.decode_result(data)) == data  # stable bytes


def _rehash(data: bytes, change) -> bytes:
    """The payload changed by ``change(obj)``, with a matching checksum (a forged file)."""
    obj = json.loads(data.split(b"\n", 1)[1])
    change(obj)
    payload = json.dumps(obj).encode()
    head = {"format": "newsgraph-result", "version": 1, "sha256": hashlib.sha256(payload).hexdigest()}
    return json.dumps(head).encode() + b"\n" + payload


class _RunsCode:
    """A pickle that runs a command when loaded: what a planted result could have done."""

    marker = None

    def __reduce__(self):
        import os
        return (os.system, (f"touch {self.marker}",))


def _pickle_bomb(tmp_path) -> bytes:
    import pickle

    _RunsCode.marker = tmp_path / "code-ran"
    return pickle.dumps(_RunsCode())


TAMPERED = {
    "a changed byte": lambda d, t: d.replace(b"Putin", b"Putun", 1),
    "cut short": lambda d, t: d[:-10],
    "empty": lambda d, t: b"",
    "a pickle that runs code": lambda d, t: _pickle_bomb(t),
    "another format version": lambda d, t: d.replace(b'"version":1', b'"version":2', 1),
    "bad JSON with a matching checksum": lambda d, t: (
        lambda p: b'{"format":"newsgraph-result","version":1,"sha256":"%s"}\n%s'
        % (hashlib.sha256(p).hexdigest().encode(), p))(b'{"article": '),
    "a string where an int belongs": lambda d, t: _rehash(
        d, lambda o: o["entities"][0]["mentions"][0].__setitem__(0, "0")),
    "a bool where an int belongs": lambda d, t: _rehash(
        d, lambda o: o["entities"][0]["mentions"][0].__setitem__(1, True)),
    "an unknown key": lambda d, t: _rehash(d, lambda o: o["entities"][0].__setitem__("code", "x")),
    "a missing key": lambda d, t: _rehash(d, lambda o: o["article"].pop("title")),
    "another article": lambda d, t: _rehash(d, lambda o: o["article"].__setitem__("text", "Other.")),
    "JSON nested too deeply to parse": lambda d, t: (
        lambda p: b'{"format":"newsgraph-result","version":1,"sha256":"%s"}\n%s'
        % (hashlib.sha256(p).hexdigest().encode(), p))(b"[" * 200_000 + b"]" * 200_000),
}


def _store_one(st: Store, result) -> tuple:
    """Plan and store one result; its document entry and its file."""
    doc = _doc(result)
    st.plan([doc])
    st.put(doc[2], result)
    return doc, next((st.path / "results").rglob("*.json"))


@pytest.mark.parametrize("how", TAMPERED)
def test_a_bad_result_of_an_input_counts_as_missing_with_a_warning(tmp_path, caplog, how):
    """A result file that does not check out is never used: ``has`` says no (so the build
    extracts the article again and ``put`` replaces the file) and logs one warning; ``get``
    refuses it with a message naming the document."""
    result = tiny_results()[1]
    with Store(tmp_path / "store") as st:
        doc, path = _store_one(st, result)
        path.write_bytes(TAMPERED[how](path.read_bytes(), tmp_path))
        with caplog.at_level("WARNING", logger="newsgraph"):
            assert not st.has(doc[2])
        assert len(caplog.records) == 1 and "'b.txt'" in caplog.messages[0]
        assert "extracting it again" in caplog.messages[0]
        with pytest.raises(StoreError, match="document 'b.txt' is unusable .*give that article again"):
            st.get(doc[2])
        st.put(doc[2], result)  # extracted again: replaced
        assert st.has(doc[2]) and st.get(doc[2]) == result
    assert not (tmp_path / "code-ran").exists()


def test_a_result_file_that_is_too_big_a_symlink_or_a_fifo_is_not_read(tmp_path, monkeypatch):
    import os

    result = tiny_results()[1]
    with Store(tmp_path / "store") as st:
        doc, path = _store_one(st, result)
        monkeypatch.setattr(store_module, "MAX_RESULT_BYTES", path.stat().st_size - 1)
        with pytest.raises(StoreError, match="more than the"):
            st.get(doc[2])
        monkeypatch.undo()
        good = tmp_path / "good.json"
        path.rename(good)
        path.symlink_to(good)
        with pytest.raises(StoreError, match="cannot be opened"):
            st.get(doc[2])
        path.unlink()
        os.mkfifo(path)  # would block a plain open() for ever
        with pytest.raises(StoreError, match="not a regular file"):
            st.get(doc[2])
        assert not st.has(doc[2])


def test_a_bad_result_of_a_document_not_given_again_is_refused(tmp_path):
    """The build cannot extract an article it was not given: a missing result is refused
    before any extraction, a damaged one when it is read, each naming the document."""
    a, b = tiny_results()
    with Store(tmp_path / "store") as st:
        st.plan([_doc(a), _doc(b)])
        st.put(_doc(a)[2], a)
        st.put(_doc(b)[2], b)
        st.commit()
    next((tmp_path / "store" / "results").glob(f"*/{_doc(b)[2]}.json")).write_bytes(b"junk")
    with Store(tmp_path / "store") as st:
        st.plan([_doc(a)])  # b.txt is not among this build's inputs
        with pytest.raises(StoreError, match=r"'b.txt' is unusable \(not a newsgraph result file\); give that article"):
            list(st.results())
    next((tmp_path / "store" / "results").glob(f"*/{_doc(b)[2]}.json")).unlink()
    with Store(tmp_path / "store") as st, pytest.raises(
            StoreError, match=r"1 document\(s\) of the store have no stored result \(first: 'b.txt'\).*give those"):
        st.plan([_doc(a)])


def test_a_format_1_store_is_never_unpickled_and_is_upgraded(tmp_path, caplog):
    """A store of format 1 kept pickles: they are never loaded.  Its documents must be given
    again (said before any extraction); then the store is format 2 and the pickles gone."""
    a, b = tiny_results()
    store = tmp_path / "store"
    _sync(store, _graph([a, b]))
    graphs = json.loads((store / "manifest.json").read_text("utf-8"))["graphs"]
    docs = [dict(zip(("id", "digest", "key"), _doc(r))) for r in (a, b)]
    (store / "manifest.json").write_text(json.dumps({"format": 1, "documents": docs, "graphs": graphs}), "utf-8")
    for d in docs:
        (store / "results" / d["key"][:2]).mkdir(exist_ok=True)
        (store / "results" / d["key"][:2] / f"{d['key']}.pickle").write_bytes(_pickle_bomb(tmp_path))
    with caplog.at_level("WARNING", logger="newsgraph"), Store(store) as st:
        assert "format 1" in caplog.text and "never loaded" in caplog.text
        with pytest.raises(StoreError, match=r"have no stored result \(first: 'a b.txt'\).*format 1.*give those"):
            st.plan([_doc(b)])
    with Store(store) as st:
        assert st.plan([_doc(a), _doc(b)]) == {"a b.txt": "unchanged", "b.txt": "unchanged"}
        assert not st.has(_doc(a)[2]) and not st.has(_doc(b)[2])  # extracted again
        for r in (a, b):
            st.put(_doc(r)[2], r)
        assert list(st.results()) == [a, b]
        st.commit()
    assert json.loads((store / "manifest.json").read_text("utf-8"))["format"] == 2
    assert not list(store.rglob("*.pickle")) and len(list(store.rglob("*.json"))) == 3  # + manifest
    assert not (tmp_path / "code-ran").exists()


def test_a_store_of_an_unknown_format_or_with_a_bad_document_list_is_refused(tmp_path):
    store = tmp_path / "store"
    _sync(store, _graph([_third()]))
    manifest = json.loads((store / "manifest.json").read_text("utf-8"))
    (store / "manifest.json").write_text(json.dumps({**manifest, "format": 3}), "utf-8")
    with pytest.raises(StoreError, match="store format 3, expected 2"):
        Store(store)
    bad = [{"id": "x", "digest": "0" * 64, "key": "../../../etc/passwd"}]
    (store / "manifest.json").write_text(json.dumps({**manifest, "documents": bad}), "utf-8")
    with pytest.raises(StoreError, match="bad document list"):
        Store(store)


def test_scratch_of_a_killed_run_goes_when_the_store_is_opened(tmp_path):
    """A run killed while it held the store leaves scratch/ and temporary files; the next run
    removes them as soon as it holds the store's lock (not only at its commit)."""
    from newsgraph.exports import SCRATCH_PREFIX, _HOST

    store = tmp_path / "store"
    _sync(store, _graph([_third()]))
    dead = _dead_pid()
    (store / "scratch" / f"{SCRATCH_PREFIX}{dead}-{_HOST}-rdf-x").mkdir(parents=True)
    (store / "scratch" / f"{SCRATCH_PREFIX}{dead}-{_HOST}-rdf-x" / "q.0").write_text("x")
    (store / f"{SCRATCH_PREFIX}{dead}-{_HOST}-manifest.json-y.tmp").write_text("{")
    with Store(store):
        assert sorted(p.name for p in store.iterdir()) == ["manifest.json", "oxigraph", "results"]


def test_a_first_build_killed_while_writing_its_manifest_leaves_a_store(tmp_path):
    from newsgraph.exports import SCRATCH_PREFIX, _HOST

    store = tmp_path / "store"
    (store / "results").mkdir(parents=True)
    (store / f"{SCRATCH_PREFIX}{_dead_pid()}-{_HOST}-manifest.json-y.tmp").write_text("{")
    assert _sync(store, _graph([_third()]))["graphs_replaced"] == 2


def _dead_pid() -> int:
    """The pid of a process that has ended (and been reaped)."""
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-c", ""])
    proc.wait()
    return proc.pid


@pytest.mark.model
def test_the_seed_result_round_trips_and_a_store_build_gives_the_plain_files(tmp_path, nlp, seed_build):
    """The seed's real result survives the store unchanged, and a build through the store
    (first, then from the stored results alone) writes the plain build's files byte for byte."""
    from newsgraph.build import build
    from newsgraph.extract.pipeline import extract
    from newsgraph.extract.reader import read_articles
    from conftest import SEEDS

    (result,) = extract(list(read_articles([str(SEEDS)])), nlp)
    assert store_module.decode_result(store_module.encode_result(result)) == result
    assert result_from_data(json.loads(json.dumps(result_to_data(result)))) == result
    store = tmp_path / "store"
    build([str(SEEDS)], tmp_path / "o1", store=store)
    again = build([str(SEEDS)], tmp_path / "o2", store=store)
    exported = build([], tmp_path / "o3", store=store)
    assert (again.extracted, again.skipped, exported.extracted) == (0, 1, 0)
    for out in ("o1", "o2", "o3"):
        for name in ("graph.nq", "graph.ttl", "graph.graphml", "graph.gexf", "graph.jsonld", "graph.trig"):
            assert (tmp_path / out / name).read_bytes() == (seed_build / name).read_bytes(), (out, name)
    assert len(list((store / "results").rglob("*.json"))) == 1


@pytest.mark.model
def test_a_tampered_seed_result_is_extracted_again_or_refused(tmp_path, seed_build, capsys):
    """Through the CLI: given the article, a build warns in one line, extracts it again and
    writes the same files; not given it, the build stops with one line saying what to do."""
    from newsgraph.cli import main
    from conftest import SEEDS

    store = tmp_path / "store"
    assert main(["build", str(SEEDS), "-o", str(tmp_path / "o1"), "--store", str(store), "-q"]) == 0
    (path,) = (store / "results").rglob("*.json")
    path.write_bytes(path.read_bytes().replace(b"Petersburg", b"Peterburg", 1))
    capsys.readouterr()
    assert main(["build", "-o", str(tmp_path / "o4"), "--store", str(store), "-q"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(f"newsgraph: error: {path}: the stored result of document "
                                               "'st-petersburg-bombing.txt' is unusable (checksum mismatch")
    assert err[0].endswith("give that article again to extract it")
    assert main(["build", str(SEEDS), "-o", str(tmp_path / "o5"), "--store", str(store), "-q"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(f"newsgraph: warning: {path}: the stored result of "
                                               "'st-petersburg-bombing.txt' is unusable (checksum mismatch")
    for name in ("graph.nq", "graph.ttl", "graph.graphml", "graph.gexf", "graph.jsonld"):
        assert (tmp_path / "o5" / name).read_bytes() == (seed_build / name).read_bytes(), name
    assert store_module.decode_result(path.read_bytes()).article.id == "st-petersburg-bombing.txt"
