"""examples/queries/*.rq on the seed build: each runs as a self-contained file and
returns the rows a reader of the seed article expects.  The queries in ONTOLOGY.md run
too."""

from __future__ import annotations

import csv
import io
import re

import pytest

from conftest import ROOT, SEEDS

pytestmark = pytest.mark.model
QUERIES = ROOT / "examples" / "queries"
SEED_TEXT = (SEEDS / "st-petersburg-bombing.txt").read_text("utf-8")


def run(store, name: str) -> list[dict[str, str]]:
    """The rows of one example query (without the prefixes `newsgraph query` adds)."""
    from newsgraph.query import run_query

    text = (QUERIES / name).read_text("utf-8")
    return list(csv.DictReader(io.StringIO(run_query(store, text, "csv"))))


def test_every_query_file_declares_its_prefixes():
    """Self-contained: each .rq declares every prefix it uses, so roqet and Jena run it."""
    files = sorted(QUERIES.glob("*.rq"))
    assert len(files) >= 5
    for path in files:
        text = path.read_text("utf-8")
        body = "\n".join(ln.split("#", 1)[0] if not ln.lstrip().startswith("PREFIX") else ""
                         for ln in text.splitlines())
        declared = set(re.findall(r"^PREFIX (\w+):", text, re.M))
        used = set(re.findall(r"(?<![\w<\"/])([a-z]+):(?=[A-Za-z_])", body)) - {"http", "https"}
        assert used <= declared, f"{path.name}: undeclared {sorted(used - declared)}"


def test_who_supports_or_criticizes_whom(seed_store):
    rows = run(seed_store, "supports-and-criticizes.rq")
    triples = {(r["source"], r["relation"], r["target"]) for r in rows}
    assert ("Russia", "supports", "Bashar al-Assad") in triples
    assert all(r["relation"] in {"supports", "praises", "criticizes", "condemns", "accuses",
                                 "holdsAccountable"} for r in rows)
    assert all(r["article"] == "st-petersburg-bombing.txt" and 0 < float(r["confidence"]) <= 1
               for r in rows)


def test_events_at_a_place_with_dates(seed_store):
    rows = run(seed_store, "events-at-places.rq")
    spb = [r for r in rows if r["place"] == "St. Petersburg"]
    assert any(r["class"] == "bombing" and r["cameo"] == "183" and r["when"] == "2017-04"
               for r in spb), spb
    assert [r["place"] for r in rows] == sorted(r["place"] for r in rows)


def test_the_most_connected_actors(seed_store):
    rows = run(seed_store, "most-connected-actors.rq")
    assert rows[0]["actor"] == "Russia" or "Russia" in [r["actor"] for r in rows[:3]]
    russia = next(r for r in rows if r["actor"] == "Russia")
    assert int(russia["partners"]) >= 3 and int(russia["relations"]) >= int(russia["partners"])
    partners = [int(r["partners"]) for r in rows]
    assert partners == sorted(partners, reverse=True)


def test_every_relation_with_its_evidence_sentence(seed_store):
    rows = run(seed_store, "relations-with-evidence.rq")
    [count] = seed_store.query(
        "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a <https://w3id.org/newsgraph/ns#Relation> }",
        use_default_graph_as_union=True)
    assert len(rows) == int(count["n"].value)
    for r in rows:
        assert SEED_TEXT[int(r["start"]):int(r["end"])] == r["quote"]
    support = next(r for r in rows if (r["subject"], r["predicate"], r["object"])
                   == ("Russia", "supports", "Bashar al-Assad"))
    assert "support of Bashar al-Assad" in support["quote"] and support["cameo"] == "050"


def test_actors_linked_to_geonames(seed_store):
    rows = {r["label"]: r for r in run(seed_store, "actors-in-geonames.rq")}
    assert rows["Russia"]["geonames"] == "http://sws.geonames.org/2017370/"
    assert rows["Russia"]["type"] == "Country" and rows["Russia"]["country"] == "RU"
    spb = rows["St. Petersburg"]
    assert spb["geonames"] == "http://sws.geonames.org/498817/" and spb["type"] == "Place"
    assert float(spb["lat"]) == pytest.approx(59.94, abs=0.01)


def test_statements_per_article_named_graph(seed_store):
    [row] = run(seed_store, "statements-per-article.rq")
    assert row["article"] == "st-petersburg-bombing.txt"
    assert row["graph"] == "https://w3id.org/newsgraph/id/doc/st-petersburg-bombing.txt"
    assert int(row["statements"]) > 500 and int(row["events"]) >= 5 and int(row["relations"]) >= 5


def test_events_timeline(seed_store):
    rows = run(seed_store, "events-timeline.rq")
    assert any(r["when"] == "2017-04" and r["class"] == "bombing"
               and r["place"] == "St. Petersburg" for r in rows)
    assert [r["when"] for r in rows] == sorted(r["when"] for r in rows)


def test_the_queries_of_ontology_md_run(seed_build):
    """Every ```sparql block of ONTOLOGY.md parses and runs on the seed build loaded with
    the ontology files (with the prefixes `newsgraph query` predeclares); most return rows."""
    import pyoxigraph as ox

    from newsgraph.query import run_query

    store = ox.Store()
    store.bulk_load(path=str(seed_build / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    for ttl in ("newsgraph.ttl", "event-classes.ttl"):
        store.bulk_load(path=str(ROOT / "ontology" / ttl), format=ox.RdfFormat.TURTLE)
    blocks = re.findall(r"```sparql\n(.*?)```", (ROOT / "ONTOLOGY.md").read_text("utf-8"), re.S)
    assert len(blocks) >= 10
    empty = []
    for block in blocks:
        out = run_query(store, block, "csv")
        if len(out.strip().splitlines()) < 2:
            empty.append(block.splitlines()[0])
    assert len(empty) <= len(blocks) // 4, empty
