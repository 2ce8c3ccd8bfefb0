"""``newsgraph validate``: the SHACL shapes accept good output and catch broken output.

Fast tests on the tiny hand-made graph of test_graph_rdf (no spaCy); the real builds
are validated in test_independent_tools.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS

from newsgraph.exports import write_all
from newsgraph.graph.builder import build_graph
from newsgraph.validate import ontology_dir, validate
from test_graph_rdf import tiny_results

NG = rdflib.Namespace("https://w3id.org/newsgraph/ns#")
NIF = rdflib.Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
OA = rdflib.Namespace("http://www.w3.org/ns/oa#")
SCHEMA = rdflib.Namespace("https://schema.org/")
ENT = rdflib.Namespace("https://w3id.org/newsgraph/id/entity/")


@pytest.fixture(scope="module")
def tiny_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("tiny")
    write_all(build_graph(tiny_results(), build_info={"toolVersion": "0", "model": "m",
                                                     "startedAtTime": "2017-04-03T00:00:00Z"}), out)
    return out


def test_the_shapes_ship_with_the_package():
    assert {"shapes.ttl", "newsgraph.ttl", "event-classes.ttl"} <= {p.name for p in ontology_dir().iterdir()}


def test_a_good_build_conforms_in_every_rdf_syntax(tiny_build):
    for name in ("", "graph.nq", "graph.trig", "graph.jsonld"):
        report = validate(tiny_build / name)
        assert report.conforms, [f.line() for f in report.violations]
        assert report.triples > 50 and not report.violations


def _broken(tiny_build: Path, tmp_path: Path, change) -> list[str]:
    g = rdflib.Graph()
    g.parse(tiny_build / "graph.ttl", format="turtle")
    change(g)
    path = tmp_path / "broken.ttl"
    g.serialize(path, format="turtle")
    report = validate(path)
    assert not report.conforms
    return [f.message for f in report.violations]


def _one(g: rdflib.Graph, p, o=None):
    return next(iter(g.subjects(p, o)))


def _set(g: rdflib.Graph, s, p, o) -> None:
    g.remove((s, p, None))
    g.add((s, p, o))


def _wrong_anchor(g):
    m = _one(g, NIF.anchorOf, Literal("Putin"))
    _set(g, m, NIF.anchorOf, Literal("Putim"))


def _two_types(g):
    g.add((ENT.vladimir_putin, RDF.type, SCHEMA.Organization))


def _no_label(g):
    g.remove((ENT.minsk, RDFS.label, None))


def _bad_cameo(g):
    ev = _one(g, RDF.type, URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/Event"))
    _set(g, ev, NG.cameoCode, Literal("18x"))


def _confidence_above_one(g):
    r = _one(g, RDF.type, NG.Relation)
    _set(g, r, NG.confidence, Literal("1.5", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal")))


def _no_plain_triple(g):
    r = _one(g, RDF.type, NG.Relation)
    s, p, o = (next(g.objects(r, RDF[k])) for k in ("subject", "predicate", "object"))
    g.remove((s, p, o))


def _standing_with_cameo(g):
    r = _one(g, RDF.type, NG.Relation)
    s, o = next(g.objects(r, RDF.subject)), next(g.objects(r, RDF.object))
    _set(g, r, RDF.predicate, NG.leaderOf)
    g.add((s, NG.leaderOf, o))


def _unknown_predicate(g):
    r = _one(g, RDF.type, NG.Relation)
    s, o = next(g.objects(r, RDF.subject)), next(g.objects(r, RDF.object))
    _set(g, r, RDF.predicate, NG.likes)
    g.add((s, NG.likes, o))


def _no_evidence(g):
    r = _one(g, RDF.type, NG.Relation)
    g.remove((r, NG.evidence, None))


def _wrong_quote(g):
    q = _one(g, RDF.type, OA.TextQuoteSelector)
    _set(g, q, OA.exact, Literal("Trump called Putin!"))


def _event_without_document(g):
    ev = _one(g, RDF.type, URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/Event"))
    g.remove((ev, PROV.wasDerivedFrom, None))


def _document_without_text(g):
    d = _one(g, RDF.type, SCHEMA.NewsArticle)
    g.remove((d, NIF.isString, None))


@pytest.mark.parametrize("change, expected", [
    (_wrong_anchor, "nif:anchorOf is not the document text"),
    (_two_types, "exactly one of schema:Person"),
    (_no_label, "exactly one rdfs:label"),
    (_bad_cameo, "does not match pattern"),
    (_confidence_above_one, "Value is not <="),
    (_no_plain_triple, "plain triple"),
    (_standing_with_cameo, "ng:leaderOf, ng:memberOf, ng:locatedIn without one"),
    (_unknown_predicate, "must be an interaction"),
    (_no_evidence, "Less than 1 values"),
    (_wrong_quote, "evidence quote"),
    (_event_without_document, "Less than 1 values"),
    (_document_without_text, "Less than 1 values"),
], ids=lambda x: getattr(x, "__name__", None) or "")
def test_broken_output_is_caught(tiny_build, tmp_path, change, expected):
    messages = _broken(tiny_build, tmp_path, change)
    assert any(expected in m for m in messages), messages


def test_cli_exit_status_and_json(tiny_build, tmp_path, capsys):
    from newsgraph.cli import main

    assert main(["validate", str(tiny_build)]) == 0
    assert "conforms" in capsys.readouterr().out
    g = rdflib.Graph()
    g.parse(tiny_build / "graph.ttl", format="turtle")
    _two_types(g)
    _wrong_anchor(g)
    g.serialize(tmp_path / "bad.ttl", format="turtle")
    assert main(["validate", str(tmp_path / "bad.ttl"), "--max", "1"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert "does not conform" in out[0] and out[1].startswith("  Violation: ") and "more" in out[2]
    assert main(["validate", str(tmp_path / "bad.ttl"), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["conforms"] is False and len(report["violations"]) >= 2
    (tmp_path / "junk.ttl").write_text("this is not turtle")
    assert main(["validate", str(tmp_path / "junk.ttl")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsgraph: error: ") and err.count("\n") == 1
