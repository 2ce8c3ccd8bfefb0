"""The model files: ontology/newsgraph.ttl, ontology/shapes.ttl, and ONTOLOGY.md."""

from __future__ import annotations

import csv
import importlib.util
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from conftest import ROOT

ONTOLOGY = ROOT / "ontology"
NG = rdflib.Namespace("https://w3id.org/newsgraph/ns#")
SEM = rdflib.Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")


def _graph(*names: str) -> rdflib.Graph:
    g = rdflib.Graph()
    for name in names:
        g.parse(ONTOLOGY / name, format="turtle")
    return g


def _declared(g: rdflib.Graph) -> set[str]:
    """ng: terms that have a type in g."""
    return {str(s) for s in g.subjects(RDF.type, None) if str(s).startswith(str(NG))}


def _script():
    spec = importlib.util.spec_from_file_location("ontology_tables", ROOT / "scripts" / "ontology_tables.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_vocabulary_is_an_owl_ontology_without_imports():
    g = _graph("newsgraph.ttl")
    assert (rdflib.URIRef("https://w3id.org/newsgraph/ns"), RDF.type, OWL.Ontology) in g
    assert not list(g.objects(None, OWL.imports)), "owl:imports would make readers fetch"
    for term in _declared(g):
        label = g.value(rdflib.URIRef(term), RDFS.label)
        comment = g.value(rdflib.URIRef(term), RDFS.comment)
        assert label and comment, f"{term} needs rdfs:label and rdfs:comment"


def test_vocabulary_ties_into_sem():
    g = _graph("newsgraph.ttl")
    for role in ("agent", "target", "participant", "victim"):
        assert (NG[role], RDFS.subPropertyOf, SEM.hasActor) in g
    assert (NG.Group, RDFS.subClassOf, SEM.Actor) in g
    assert (NG.Relation, RDFS.subClassOf, RDF.Statement) in g
    for standing in ("leaderOf", "memberOf", "locatedIn"):
        assert (NG[standing], RDF.type, OWL.ObjectProperty) in g


def test_every_interaction_predicate_of_the_event_classes_is_declared():
    g = _graph("newsgraph.ttl")
    with open(ROOT / "extract" / "data" / "event_classes.tsv", encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]  # (the header comment)
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    predicates = {r["predicate"] for r in rows if r["predicate"]}
    assert len(predicates) > 30
    for p in predicates:
        assert (NG[p], RDFS.subPropertyOf, NG.interactsWith) in g, p
    symmetric = {r["predicate"] for r in rows if r["predicate"] and r["symmetric"] == "yes"}
    assert {str(s).removeprefix(str(NG)) for s in g.subjects(RDF.type, OWL.SymmetricProperty)} == symmetric


def test_generated_blocks_are_in_sync():
    assert _script().stale() == [], "run scripts/ontology_tables.py"


def test_ontology_md_documents_every_declared_term():
    text = (ROOT / "ONTOLOGY.md").read_text("utf-8")
    g = _graph("newsgraph.ttl", "event-classes.ttl")
    missing = [t for t in _declared(g) if f"ng:{t.removeprefix(str(NG))}`" not in text]
    assert not missing, missing
    for concept in g.subjects(RDF.type, SKOS.Concept):
        assert f"ngcls:{g.value(concept, SKOS.notation)}`" in text


def test_rapper_accepts_the_model_files():
    if shutil.which("rapper") is None:
        pytest.skip("rapper is not installed (.ci/run installs raptor2-utils)")
    for name in ("newsgraph.ttl", "shapes.ttl", "event-classes.ttl"):
        proc = subprocess.run(["rapper", "-q", "-i", "turtle", "-c", str(ONTOLOGY / name)],
                              capture_output=True, text=True)
        assert proc.returncode == 0, (name, proc.stderr)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib internals, thousands
def test_shapes_are_valid_shacl():
    """The shapes graph conforms to SHACL's own shapes (shacl-shacl, shipped by pyshacl)."""
    import pyshacl

    meta = Path(pyshacl.__file__).parent / "assets" / "shacl-shacl.ttl"
    if not meta.is_file():
        pytest.skip("pyshacl does not ship shacl-shacl.ttl")
    conforms, _, text = pyshacl.validate(_graph("shapes.ttl"), shacl_graph=str(meta), inference="none")
    assert conforms, text


@pytest.mark.model
def test_every_ng_term_of_a_build_is_declared(seed_build):
    """Every ng: class and property in the seed build, and every ng: term the event
    classes use, is declared in the ontology."""
    declared = _declared(_graph("newsgraph.ttl", "event-classes.ttl"))
    used: set[str] = set()
    for path in (seed_build / "graph.nq", ONTOLOGY / "event-classes.ttl"):
        text = path.read_text("utf-8")
        used |= set(re.findall(r"<(https://w3id\.org/newsgraph/ns#\w+)>", text))
        used |= {str(NG) + local for local in re.findall(r"\bng:(\w+)", text)}
    assert used and not used - declared, sorted(used - declared)
