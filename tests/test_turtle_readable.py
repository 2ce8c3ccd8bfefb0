"""graph.ttl and graph.trig a person can read (issue 16): no escaped local names, subjects
grouped by kind (documents and actors before annotations), a header that says what the file
holds, and the same triples as graph.nq, read back by independent parsers."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
import rdflib

from newsgraph.exports import turtle


@pytest.mark.parametrize("value, written", [
    ("https://w3id.org/newsgraph/id/entity/vladimir_putin", "ngent:vladimir_putin"),
    ("https://w3id.org/newsgraph/id/doc/st-petersburg-bombing.txt", "ngdoc:st-petersburg-bombing.txt"),
    ("https://w3id.org/newsgraph/id/annotation/46a6abc785934be0#position",
     "<https://w3id.org/newsgraph/id/annotation/46a6abc785934be0#position>"),  # '#' would need an escape
    ("https://w3id.org/newsgraph/id/doc/a%20b.txt", "<https://w3id.org/newsgraph/id/doc/a%20b.txt>"),
    ("https://w3id.org/newsgraph/id/doc/ends.", "<https://w3id.org/newsgraph/id/doc/ends.>"),
    ("https://w3id.org/newsgraph/ns#leaderOf", "ng:leaderOf"),
    ("http://example.org/x", "<http://example.org/x>"),
])
def test_a_prefix_only_where_no_escape_is_needed(value, written):
    assert turtle.iri(value) == written


def test_seed_turtle_reads_well_and_holds_the_same_triples(seed_build):
    ttl = (seed_build / "graph.ttl").read_text("utf-8")
    assert "\\/" not in ttl and "\\#" not in ttl
    assert ttl.startswith("# newsgraph graph.ttl")
    subjects = [line.split(" ", 1)[0] for line in ttl.splitlines() if line and not line[0] in "#@ "]
    kinds = [turtle.kind_of(_expand(s)) for s in subjects]
    assert kinds == sorted(kinds)  # documents, entities, events, ..., annotations, mentions
    assert subjects[0] == "ngdoc:st-petersburg-bombing.txt" and subjects[1].startswith("ngent:")
    nq = {q.triple for q in ox.parse(path=str(seed_build / "graph.nq"), format=ox.RdfFormat.N_QUADS)}
    assert {q.triple for q in ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE)} == nq
    assert len(rdflib.Graph().parse(data=ttl, format="turtle")) == len(nq)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib 7 inside its own TriG parser
def test_seed_trig_keeps_the_graphs(seed_build):
    trig = (seed_build / "graph.trig").read_text("utf-8")
    assert "\\/" not in trig and "\\#" not in trig
    assert re.findall(r"^(\S+) \{$", trig, re.M) == ["ngid:background", "ngdoc:st-petersburg-bombing.txt"]
    nq = set(ox.parse(path=str(seed_build / "graph.nq"), format=ox.RdfFormat.N_QUADS))
    assert set(ox.parse(trig.encode(), format=ox.RdfFormat.TRIG)) == nq
    assert len(rdflib.Dataset().parse(data=trig, format="trig")) == len(nq)


def test_literals_of_every_kind_round_trip(tmp_path):
    s = ox.NamedNode("https://w3id.org/newsgraph/id/entity/x")
    objects = [ox.Literal('quote " backslash \\ newline \n tab \t'), ox.Literal("été", language="fr"),
               ox.Literal("4", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")),
               ox.Literal("v", datatype=ox.NamedNode("http://example.org/dt")), ox.BlankNode("b1")]
    triples = sorted((ox.Triple(s, ox.NamedNode(f"http://example.org/p{i}"), o) for i, o in enumerate(objects)), key=str)
    path = tmp_path / "t.ttl"
    with open(path, "wb") as out:
        turtle.write_turtle(triples, out)
    back = {q.triple for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)}
    assert {str(t) for t in back} == {str(t) for t in triples}


def _expand(name: str) -> str:
    if name.startswith("<"):
        return name[1:-1]
    prefix, local = name.split(":", 1)
    return turtle.READABLE_PREFIXES[prefix] + local
