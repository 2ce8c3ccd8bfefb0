"""End to end on the seed article: the contract checked with SPARQL, as users' tools read it."""

import json
import subprocess
import sys

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib

from conftest import ROOT, SEEDS
from newsgraph.query import run_query

pytestmark = pytest.mark.model


def rows(store, sparql):
    return json.loads(run_query(store, sparql, "json"))["results"]["bindings"]


def values(store, sparql, var):
    return {r[var]["value"] for r in rows(store, sparql) if var in r}


def test_build_writes_the_five_files(seed_build):
    """The five files of the contract, plus TriG, Gephi's spreadsheet tables, the
    offline page of the network and the build record."""
    assert sorted(p.name for p in seed_build.iterdir()) == [
        "build.json", "edges.csv", "graph.gexf", "graph.graphml", "graph.html", "graph.jsonld",
        "graph.nq", "graph.trig", "graph.ttl", "nodes.csv"]


def test_document_identifier_and_exact_text(seed_store):
    [row] = rows(seed_store, "SELECT ?id ?text WHERE { ?d a schema:NewsArticle, nif:Context ; "
                             "schema:identifier ?id ; nif:isString ?text }")
    assert row["id"]["value"] == "st-petersburg-bombing.txt"
    assert row["text"]["value"] == (SEEDS / "st-petersburg-bombing.txt").read_text("utf-8")


def test_entities_are_typed_once_with_labels(seed_store):
    typed = rows(seed_store, """SELECT ?e (COUNT(DISTINCT ?t) AS ?n) (SAMPLE(?l) AS ?label) WHERE {
        ?e a ?t ; rdfs:label ?l .
        FILTER(?t IN (schema:Person, schema:Organization, schema:Country, schema:Place, ng:Group)) }
        GROUP BY ?e""")
    assert len(typed) >= 15
    assert all(r["n"]["value"] == "1" for r in typed)
    people = values(seed_store, "SELECT ?l WHERE { ?e a schema:Person, sem:Actor ; rdfs:label ?l }", "l")
    assert {"Vladimir Putin", "Donald Trump", "Nikki Haley"} <= people
    countries = values(seed_store, "SELECT ?l WHERE { ?e a schema:Country, sem:Actor, sem:Place ; rdfs:label ?l }", "l")
    assert {"Russia", "United States", "Syria"} <= countries
    alts = values(seed_store, "SELECT ?a WHERE { ?e rdfs:label 'Russia' ; skos:altLabel ?a }", "a")
    assert "Kremlin" in alts or "the Kremlin" in alts


def test_every_mention_anchor_is_the_text_slice(seed_store):
    ms = rows(seed_store, """SELECT ?b ?e ?a ?s WHERE { ?x gaf:denotedBy ?m . ?m a nif:Phrase ;
        nif:referenceContext ?d ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?a . ?d nif:isString ?s }""")
    assert len(ms) > 50
    text = ms[0]["s"]["value"]
    for m in ms:
        assert text[int(m["b"]["value"]):int(m["e"]["value"])] == m["a"]["value"]


def test_events_have_cameo_codes_and_provenance(seed_store):
    evs = rows(seed_store, """SELECT ?ev ?code ?type WHERE { ?ev a sem:Event ; ng:cameoCode ?code ;
        sem:eventType ?type ; prov:wasDerivedFrom ?d ; gaf:denotedBy ?m . ?d a schema:NewsArticle }""")
    assert len(evs) >= 5
    assert all(r["code"]["value"].isdigit() and 2 <= len(r["code"]["value"]) <= 4 for r in evs)
    bombing = rows(seed_store, """SELECT ?place WHERE { ?ev a sem:Event ; gaf:denotedBy/nif:anchorOf ?t ;
        sem:hasPlace/rdfs:label ?place . FILTER(LCASE(?t) = "bombing") }""")
    assert any(r["place"]["value"] == "St. Petersburg" for r in bombing)


def test_relations_are_qualified_with_evidence(seed_store):
    rels = rows(seed_store, """SELECT ?s ?p ?o ?conf ?start ?end ?exact ?text WHERE {
        ?r a ng:Relation, rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
           ng:confidence ?conf ; prov:wasDerivedFrom ?d ; ng:evidence ?a .
        ?s ?p ?o .
        ?a a oa:Annotation ; oa:hasTarget ?t . ?t oa:hasSource ?d ; oa:hasSelector ?ps, ?qs .
        ?ps a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
        ?qs a oa:TextQuoteSelector ; oa:exact ?exact . ?d nif:isString ?text }""")
    assert len(rels) >= 5
    for r in rels:
        assert 0.0 <= float(r["conf"]["value"]) <= 1.0
        b, e = int(r["start"]["value"]), int(r["end"]["value"])
        assert r["text"]["value"][b:e] == r["exact"]["value"]
    found = {(r["s"]["value"].rsplit("/", 1)[1], r["p"]["value"].rsplit("#", 1)[1], r["o"]["value"].rsplit("/", 1)[1])
             for r in rels}
    assert ("vladimir_putin", "leaderOf", "russia") in found
    assert ("russia", "supports", "bashar_al_assad") in found


def test_turtle_parsed_by_rdflib_and_pyoxigraph_to_the_same_count(seed_build):
    r = rdflib.Graph().parse(seed_build / "graph.ttl", format="turtle")
    o = {q.triple for q in ox.parse(path=str(seed_build / "graph.ttl"), format=ox.RdfFormat.TURTLE)}
    assert len(r) == len(o) > 500


def test_graphml_read_back_by_networkx(seed_build):
    g = nx.read_graphml(seed_build / "graph.graphml", force_multigraph=True)
    labels = {d.get("label") for _, d in g.nodes(data=True)}
    assert {"Russia", "Vladimir Putin"} <= labels
    assert g.number_of_edges() >= 5


def test_second_build_is_byte_identical(seed_build, tmp_path):
    from newsgraph.cli import main

    assert main(["build", str(SEEDS), "-o", str(tmp_path), "-q"]) == 0
    for f in seed_build.iterdir():
        if f.name != "build.json":  # the log of the run: its time and seconds differ
            assert (tmp_path / f.name).read_bytes() == f.read_bytes(), f.name


def test_cli_query_counts_triples_as_csv(seed_build):
    out = subprocess.run([sys.executable, "-m", "newsgraph.cli", "query", str(seed_build),
                          "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv"],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    lines = out.stdout.split()
    assert lines[0] == "n" and int(lines[1]) > 500


@pytest.mark.parametrize("content", [b"", b"\x00\x01binary", b"\xfa\xfb not utf8"])
def test_bad_input_is_one_line_and_keeps_the_previous_build(seed_build, tmp_path, content):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_bytes(b"previous")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    proc = subprocess.run([sys.executable, "-m", "newsgraph.cli", "build", str(bad), "-o", str(out)],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("newsgraph: error: ")
    assert (out / "graph.ttl").read_bytes() == b"previous"


def test_missing_model_names_the_install_command(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "newsgraph.cli", "build", str(SEEDS), "-o", str(tmp_path),
                           "--model", "xx_no_such_model"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1
    assert "not installed" in proc.stderr and "pip install" in proc.stderr


def test_stdin_and_jsonl_inputs(tmp_path):
    from newsgraph.cli import main
    from newsgraph.query import load_store

    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "n1", "text": "Putin met Lukashenko in Minsk.",
                                                 "date": "2019-12-07"}) + "\n")
    assert main(["build", str(tmp_path / "a.jsonl"), "-o", str(tmp_path / "o"), "-q"]) == 0
    store = load_store(tmp_path / "o")
    assert values(store, "SELECT ?d WHERE { ?x schema:identifier 'n1' ; schema:datePublished ?d }", "d") == {"2019-12-07"}
    proc = subprocess.run([sys.executable, "-m", "newsgraph.cli", "build", "-", "-o", str(tmp_path / "s"), "-q"],
                          input="Merkel visited Paris.", capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert values(load_store(tmp_path / "s"), "SELECT ?i WHERE { ?d schema:identifier ?i }", "i") == {"stdin"}


def test_the_same_folder_by_any_path_gives_the_same_files(tmp_path, monkeypatch):
    """Relative path, absolute path and the default input: byte-identical files (build.json,
    the record of the run, aside), and no absolute path or user name in any of them."""
    import getpass
    import os

    from newsgraph.cli import main

    monkeypatch.chdir(ROOT)
    outs = {"relative": tmp_path / "rel", "absolute": tmp_path / "abs", "default": tmp_path / "dflt"}
    assert main(["build", "seeds", "-o", str(outs["relative"]), "-q"]) == 0
    assert main(["build", str(SEEDS.resolve()), "-o", str(outs["absolute"]), "-q"]) == 0
    monkeypatch.chdir(tmp_path)
    assert main(["build", "-o", str(outs["default"]), "-q"]) == 0
    names = sorted(p.name for p in outs["relative"].iterdir() if p.name != "build.json")
    assert len(names) == 9
    for name in names:
        data = (outs["relative"] / name).read_bytes()
        assert data == (outs["absolute"] / name).read_bytes() == (outs["default"] / name).read_bytes(), name
        for where in (str(ROOT), str(tmp_path), os.path.expanduser("~")):
            assert where.encode() not in data, (name, where)
        assert f"/{getpass.getuser()}/".encode() not in data, name
