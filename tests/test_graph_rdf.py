"""The graph builder and the RDF exporters on a tiny hand-made result."""

import io
import json

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from newsgraph.exports import write_all
from newsgraph.graph import iri
from newsgraph.graph.builder import build_graph
from newsgraph.graph.model import Article, ArticleResult, EntityRecord, EventRecord, RelationRecord, Span
from newsgraph.query import load_store, run_query

TEXT = "Trump called Putin. Putin met Lukashenko in Minsk.\x01"


def S(start: int, end: int) -> Span:
    return Span(start, end, TEXT[start:end])


def tiny_results() -> list[ArticleResult]:
    art = Article(id="a b.txt", text=TEXT, title="Calls", date="2017-04-03")
    ents = [
        EntityRecord("donald_trump", "Person", "Donald Trump", (S(0, 5),), names=("Trump",)),
        EntityRecord("vladimir_putin", "Person", "Vladimir Putin", (S(13, 18), S(20, 25))),
        EntityRecord("aleksandr_lukashenko", "Person", "Aleksandr Lukashenko", (S(30, 40),)),
        EntityRecord("minsk", "Place", "Minsk", (S(44, 49),), geonames_id=625144, lat=53.9, lng=27.56667,
                     country_code="BY", located_in="belarus"),
    ]
    evs = [EventRecord("e6", "phone_call", "042", (S(6, 12),), roles=(("agent", "donald_trump"),
                       ("target", "vladimir_putin")), sentence=S(0, 19)),
           EventRecord("e26", "meet", "040", (S(26, 29),), roles=(("participant", "vladimir_putin"),
                       ("participant", "aleksandr_lukashenko")), place="minsk", date="2017-04")]
    rels = [RelationRecord("donald_trump", "calls", "vladimir_putin", S(0, 19), 0.8, "042", "e6"),
            RelationRecord("vladimir_putin", "meetsWith", "aleksandr_lukashenko", S(20, 50), 0.7, "040", "e26"),
            RelationRecord("aleksandr_lukashenko", "meetsWith", "vladimir_putin", S(20, 50), 0.7, "040", "e26")]
    other = Article(id="b.txt", text="Putin spoke.")
    return [ArticleResult(art, ents, evs, rels),
            ArticleResult(other, [EntityRecord("vladimir_putin", "Person", "Putin", (Span(0, 5, "Putin"),))])]


@pytest.fixture()
def built(tmp_path):
    g = build_graph(tiny_results())
    write_all(g, tmp_path)
    return g, tmp_path


def test_entities_merge_across_articles_with_the_fuller_label():
    g = build_graph(tiny_results())
    putin = g.nodes[iri.entity_iri("vladimir_putin")]
    assert putin["label"] == "Vladimir Putin"
    assert putin["alt_labels"] == ("Putin",)
    assert len(putin["docs"]) == 2 and len(putin["mentions"]) == 3


def test_background_located_in_only_links_mentioned_countries():
    g = build_graph(tiny_results())
    minsk = iri.entity_iri("minsk")
    assert not [e for e in g.out_edges(minsk, data=True) if e[2].get("predicate") == "locatedIn"]


def test_turtle_parses_in_rdflib_and_oxigraph_to_the_same_count(built):
    _, out = built
    r = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    o = {q.triple for q in ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)}
    assert len(r) == len(o) > 50
    nq = list(ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS))
    assert {q.triple for q in nq} == o


def test_jsonld_parses_offline_to_the_same_graph(built):
    _, out = built
    data = json.loads((out / "graph.jsonld").read_text())
    assert isinstance(data["@context"], dict)  # inline: nothing to fetch
    j = rdflib.Dataset().parse(out / "graph.jsonld", format="json-ld")
    t = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    union = rdflib.Graph()
    for s, p, o, _g in j.quads((None, None, None, None)):
        union.add((s, p, o))
    assert len(union) == len(t)
    assert isomorphic(union, t)


def test_jsonld_holds_the_named_graphs_of_the_nquads(built):
    """One node object per named graph ({"@id": graph, "@graph": [...]}), the background
    graph among them: pyoxigraph and rdflib read exactly the quads of graph.nq."""
    _, out = built
    text = (out / "graph.jsonld").read_text("utf-8")
    data = json.loads(text)
    assert json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n" == text
    assert set(data) == {"@context", "@graph"} and isinstance(data["@context"], dict)
    graph_ids = [g["@id"] for g in data["@graph"]]
    assert all(set(g) == {"@id", "@graph"} for g in data["@graph"])
    assert "ngid:background" in graph_ids and len(graph_ids) == 3
    for g in data["@graph"]:
        ids = [json.dumps(n["@id"], ensure_ascii=False) for n in g["@graph"]]
        assert ids == sorted(ids)
    nq = {str(q) for q in ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS)}
    assert {str(q) for q in ox.parse(path=str(out / "graph.jsonld"), format=ox.RdfFormat.JSON_LD)} == nq
    ds = rdflib.Dataset()
    ds.parse(out / "graph.jsonld", format="json-ld")
    expected = rdflib.Dataset()
    expected.parse(out / "graph.nq", format="nquads")
    assert set(ds.quads((None, None, None, None))) == set(expected.quads((None, None, None, None)))
    assert {str(c.identifier) for c in ds.graphs() if len(c)} == \
        {iri.doc_iri("a b.txt"), iri.doc_iri("b.txt"), "https://w3id.org/newsgraph/id/background"}


def test_jsonld_in_memory_and_from_files_are_the_same_bytes(built, tmp_path):
    from newsgraph.exports import rdf
    g, out = built
    buf = io.BytesIO()
    rdf.write_jsonld(g, buf, _quads=rdf.quads(g))
    assert buf.getvalue() == (out / "graph.jsonld").read_bytes()


def test_named_graph_per_document_and_background_in_a_graph_of_its_own(built):
    _, out = built
    quads = list(ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS))
    graphs = {q.graph_name for q in quads}
    assert graphs == {ox.NamedNode(iri.doc_iri("a b.txt")), ox.NamedNode(iri.doc_iri("b.txt")),
                      ox.NamedNode("https://w3id.org/newsgraph/id/background")}  # no quad in the default graph
    geo = [q for q in quads if q.predicate.value.endswith("wgs84_pos#lat")]
    assert geo and all(q.graph_name.value.endswith("/background") for q in geo)



def test_contract_queries_on_the_tiny_graph(built):
    _, out = built
    store = load_store(out)
    csv = run_query(store, """
        PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        PREFIX gaf: <http://groundedannotationframework.org/gaf#>
        SELECT ?b ?e ?a ?s WHERE { ?x gaf:denotedBy ?m . ?m nif:beginIndex ?b ; nif:endIndex ?e ;
          nif:anchorOf ?a ; nif:referenceContext ?d . ?d nif:isString ?s }""", "json")
    rows = json.loads(csv)["results"]["bindings"]
    assert rows
    for row in rows:
        b, e = int(row["b"]["value"]), int(row["e"]["value"])
        assert row["s"]["value"][b:e] == row["a"]["value"]
    rel = run_query(store, """
        PREFIX ng: <https://w3id.org/newsgraph/ns#>
        PREFIX oa: <http://www.w3.org/ns/oa#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?sl ?ol ?code ?conf ?exact WHERE { ?s ng:calls ?o .
          ?r a ng:Relation ; rdf:subject ?s ; rdf:predicate ng:calls ; rdf:object ?o ; ng:cameoCode ?code ;
             ng:confidence ?conf ; ng:evidence/oa:hasTarget/oa:hasSelector/oa:exact ?exact .
          ?s rdfs:label ?sl . ?o rdfs:label ?ol }""", "csv")
    assert rel.splitlines()[1] == "Donald Trump,Vladimir Putin,042,0.8,Trump called Putin."


def test_xml_forbidden_characters_do_not_break_the_gephi_files(built):
    _, out = built
    assert b"\x01" not in (out / "graph.graphml").read_bytes()


def test_output_is_byte_identical_across_builds(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    write_all(build_graph(tiny_results()), a)
    write_all(build_graph(reversed(tiny_results())), b)
    from newsgraph.exports import EXPORTERS
    for name in EXPORTERS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_a_failed_write_leaves_the_previous_files(tmp_path, monkeypatch):
    from newsgraph import exports

    write_all(build_graph(tiny_results()), tmp_path)
    before = (tmp_path / "graph.ttl").read_bytes()

    def boom(g, dest, **opts):
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(exports.EXPORTERS, "graph.gexf", boom)
    from newsgraph.errors import OutputError
    with pytest.raises(OutputError, match="No space left"):
        write_all(build_graph(tiny_results()[:1]), tmp_path)
    assert (tmp_path / "graph.ttl").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(exports.EXPORTERS)


def test_query_syntax_error_has_a_position(built):
    from newsgraph.errors import QueryError

    _, out = built
    with pytest.raises(QueryError, match=r"line 1, column \d+"):
        run_query(load_store(out), "SELECT ?x WHERE { ?x ?y }")


def test_writers_accept_file_objects():
    from newsgraph.exports.rdf import write_nquads

    buf = io.BytesIO()
    write_nquads(build_graph(tiny_results()), buf)
    assert buf.getvalue().count(b"\n") > 50


def test_a_lone_surname_in_another_article_joins_the_one_person_with_that_name():
    a = Article(id="a.txt", text="Donald Trump spoke. Ivanka Trump listened. Angela Merkel left.")
    b = Article(id="b.txt", text="Merkel arrived.")
    c = Article(id="c.txt", text="Trump tweeted.")
    g = build_graph([
        ArticleResult(a, [EntityRecord("donald_trump", "Person", "Donald Trump", (Span(0, 12, "Donald Trump"),)),
                          EntityRecord("ivanka_trump", "Person", "Ivanka Trump", (Span(20, 32, "Ivanka Trump"),)),
                          EntityRecord("angela_merkel", "Person", "Angela Merkel", (Span(43, 56, "Angela Merkel"),))]),
        ArticleResult(b, [EntityRecord("merkel", "Person", "Merkel", (Span(0, 6, "Merkel"),))]),
        ArticleResult(c, [EntityRecord("trump", "Person", "Trump", (Span(0, 5, "Trump"),))]),
    ])
    merkel = g.nodes[iri.entity_iri("angela_merkel")]
    assert len(merkel["docs"]) == 2 and iri.entity_iri("merkel") not in g
    # Two people share "Trump": the lone surname stays its own node.
    assert iri.entity_iri("trump") in g


def test_a_lone_family_name_written_first_joins_the_one_person_across_articles():
    a = Article(id="a.txt", text="Kim Jong Un spoke. Xi Jinping listened.")
    b = Article(id="b.txt", text="Kim left. Xi stayed.")
    c = Article(id="c.txt", text="Kim Yo Jong replied.")

    def kim_and_xi(*extra):
        return build_graph([
            ArticleResult(a, [EntityRecord("kim_jong_un", "Person", "Kim Jong Un", (Span(0, 11, "Kim Jong Un"),)),
                              EntityRecord("xi_jinping", "Person", "Xi Jinping", (Span(19, 29, "Xi Jinping"),))]),
            ArticleResult(b, [EntityRecord("kim", "Person", "Kim", (Span(0, 3, "Kim"),)),
                              EntityRecord("xi", "Person", "Xi", (Span(10, 12, "Xi"),))]),
            *extra])

    g = kim_and_xi()
    assert len(g.nodes[iri.entity_iri("kim_jong_un")]["docs"]) == 2 and iri.entity_iri("kim") not in g
    assert iri.entity_iri("xi") not in g
    # Two people of the corpus start with "Kim": the lone name stays its own node.
    g = kim_and_xi(ArticleResult(c, [EntityRecord("kim_yo_jong", "Person", "Kim Yo Jong", (Span(0, 11, "Kim Yo Jong"),))]))
    assert iri.entity_iri("kim") in g and iri.entity_iri("xi") not in g


def test_streamed_export_matches_in_memory_writers(tmp_path, monkeypatch):
    """write_all sorts quads, triples and JSON-LD nodes on disk in runs; with tiny runs
    (many merged files) its bytes are those of the in-memory writers over rdf.quads()."""
    from newsgraph.exports import rdf

    g = build_graph(tiny_results(), build_info={"toolVersion": "0", "model": "m"})
    qs = rdf.quads(g)
    assert qs == sorted(qs, key=rdf._sort_key) and len(set(qs)) == len(qs)
    monkeypatch.setattr(rdf, "SORT_CHUNK", 7)
    write_all(g, tmp_path / "streamed")
    write_all(g, tmp_path / "listed", quads=qs)
    for name in ("graph.ttl", "graph.nq", "graph.jsonld", "graph.trig"):
        assert (tmp_path / "streamed" / name).read_bytes() == (tmp_path / "listed" / name).read_bytes(), name
    assert not [p for p in (tmp_path / "streamed").iterdir() if p.name.startswith(".")]  # scratch removed


@pytest.mark.parametrize("value", ["plain", "é\n\"q\"\\", "tab\there\r\x01\x7f\u2028", "a" * 600])
def test_literal_strings_are_pyoxigraphs(value):
    from newsgraph.exports import rdf

    assert rdf._lit(value) == str(ox.Literal(value))
    assert rdf._lit(value, "xsd:anyURI") == str(ox.Literal(value, datatype=ox.NamedNode(rdf.PREFIXES["xsd"] + "anyURI")))
    assert rdf._lit(0.1234567) == str(ox.Literal("0.123457", datatype=ox.NamedNode(rdf.PREFIXES["xsd"] + "decimal")))


def test_jsonld_written_in_another_process_is_the_same(tmp_path, monkeypatch):
    """Big graphs get their JSON-LD from a second interpreter; same bytes, and a failing
    child is replaced by writing it here."""
    from newsgraph.exports import rdf

    g = build_graph(tiny_results(), build_info={"toolVersion": "0", "model": "m"})
    write_all(g, tmp_path / "here")
    monkeypatch.setattr(rdf, "BACKGROUND_JSONLD", 0)
    write_all(g, tmp_path / "there")
    monkeypatch.setattr(rdf.sys, "executable", rdf.sys.executable + "-missing")  # cannot start: here
    write_all(g, tmp_path / "fallback")
    expected = (tmp_path / "here" / "graph.jsonld").read_bytes()
    assert (tmp_path / "there" / "graph.jsonld").read_bytes() == expected
    assert (tmp_path / "fallback" / "graph.jsonld").read_bytes() == expected
