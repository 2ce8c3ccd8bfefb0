"""Gephi exports (GraphML, GEXF 1.3) of a tiny hand-built graph; fast, no spaCy.

Golden files: ``tests/golden/tiny.graphml`` and ``tests/golden/tiny.gexf``.  After an
intended change of the output, regenerate them with

    NEWSGRAPH_REGEN_GOLDEN=1 .venv/bin/pytest -q tests/test_exports_gephi.py -k golden

and review the diff.
"""

from __future__ import annotations

import io
import math
import os
import re
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from newsgraph.exports import network
from newsgraph.exports.gexf import write_gexf
from newsgraph.exports.graphml import write_graphml
from newsgraph.exports.spreadsheet import write_edges_csv, write_nodes_csv
from newsgraph.graph import iri

GOLDEN = Path(__file__).parent / "golden"
# The client's GraphML XSD, beside the repository (not copied in: licence not cleared).
SCHEMAS = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "graphml"
GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
NS = {"g": GEXF_NS, "viz": VIZ_NS}
E = iri.entity_iri
D1, D2 = iri.doc_iri("a.txt"), iri.doc_iri("b.txt")
EVENT = iri.event_iri("a.txt", "e1")

# A fixed CAMEO table, so results do not depend on extract/data/event_classes.tsv.
CAMEO_ROWS = [
    {"cameo": "051", "cameo_root": "05", "quad_class": "1", "goldstein": "3.4"},
    {"cameo": "180", "cameo_root": "18", "quad_class": "4", "goldstein": "-9.0"},
    {"cameo": "181", "cameo_root": "18", "quad_class": "4", "goldstein": "-9.0"},
]


@pytest.fixture(autouse=True)
def cameo_table(monkeypatch: pytest.MonkeyPatch) -> network.CameoTable:
    table = network.CameoTable(CAMEO_ROWS)
    monkeypatch.setattr(network, "default_cameo_table", lambda: table)
    return table


def _entity(g: nx.MultiDiGraph, key: str, etype: str, label: str, n_mentions: int,
            docs: list[str], **background: object) -> None:
    dates = sorted(g.graph["documents"][d]["date"] for d in docs)
    node = {
        "kind": "entity", "type": etype, "label": label, "alt_labels": (),
        "mentions": tuple((docs[0], i * 10, i * 10 + 3, label[:3]) for i in range(n_mentions)),
        "docs": tuple(sorted(docs)), "first_date": dates[0], "last_date": dates[-1],
        "geonames_id": None, "lat": None, "lng": None, "country_code": None, "same_as": None,
    }
    node.update(background)
    g.add_node(E(key), **node)


def _relation(g: nx.MultiDiGraph, s: str, o: str, predicate: str, cameo: str | None,
              confidence: float, doc: str | None, *, event: str | None = None) -> None:
    background = doc is None
    g.add_edge(E(s), E(o), key=iri.relation_iri(doc, s, predicate, o, cameo), kind="relation",
               predicate=predicate, cameo=cameo, confidence=confidence, doc=doc,
               evidence=None if background else (0, 10, "evidence"), event=event,
               background=background)


def tiny_graph() -> nx.MultiDiGraph:
    """Four entities, an aggregated pair of relations, a background fact, one event."""
    g = nx.MultiDiGraph()
    g.graph["documents"] = {
        D1: {"id": "a.txt", "text": "...", "title": None, "date": "2017-04-03", "source": None},
        D2: {"id": "b.txt", "text": "...", "title": None, "date": "2017-04-05", "source": None},
    }
    g.graph["build"] = {"tool": "test"}
    _entity(g, "russia", "Country", "Russia", 5, [D1, D2], geonames_id=2017370,
            country_code="RU")
    _entity(g, "bashar_al_assad", "Person", "Bashar al-Assad", 2, [D1, D2])
    _entity(g, "st_petersburg", "Place", "St. Petersburg", 3, [D1], geonames_id=498817,
            lat=59.93863, lng=30.31413, country_code="RU")
    _entity(g, "vladimir_putin", "Person", "Vladimir Putin", 1, [D2])
    g.add_node(EVENT, kind="event", event_class="attack", cameo="183", label="blast",
               mentions=((D1, 40, 45, "blast"),), doc=D1, date="2017-04",
               factuality="asserted", casualties=(("killed", 11),))
    _relation(g, "st_petersburg", "russia", "locatedIn", None, 1.0, None)
    _relation(g, "russia", "bashar_al_assad", "supports", "051", 0.7, D1)
    _relation(g, "russia", "bashar_al_assad", "supports", "051", 0.9, D2)
    _relation(g, "vladimir_putin", "russia", "leaderOf", None, 0.8, D2)
    for role, key in (("place", "st_petersburg"), ("target", "russia")):
        g.add_edge(EVENT, E(key), key=role, kind="role", role=role)
    return g


def _bytes(writer, g: nx.MultiDiGraph, **kw: object) -> bytes:
    buf = io.BytesIO()
    writer(g, buf, **kw)
    return buf.getvalue()


def _xmllint(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["xmllint", "--noout", "--nonet", "--schema", str(SCHEMAS / "graphml.xsd"), str(path)],
        env={**os.environ, "XML_CATALOG_FILES": str(SCHEMAS / "catalog.xml")},
        capture_output=True, text=True, check=False)


# --------------------------------------------------------------------------- projection

def test_predicate_label_is_words() -> None:
    assert network.predicate_label("leaderOf") == "leader of"
    assert network.predicate_label("locatedIn") == "located in"
    assert network.predicate_label("supports") == "supports"
    assert network.predicate_label("makesUNStatement") == "makes un statement"


def test_projection_aggregates_relations() -> None:
    view = network.actor_network(tiny_graph(), events_as="edges")
    assert [n.id for n in view.nodes] == [
        "n_bashar_al_assad", "n_russia", "n_st_petersburg", "n_vladimir_putin"]
    edges = {(e.source, e.target, e.attrs["relation"]): e for e in view.edges}
    assert len(edges) == 3
    supports = edges["n_russia", "n_bashar_al_assad", "supports"]
    assert supports.attrs["weight"] == 2.0
    assert supports.attrs["label"] == "supports"
    assert supports.attrs["confidence"] == 0.9
    assert supports.attrs["docs"] == 2
    assert supports.attrs["quad_class"] == "1" and supports.attrs["goldstein"] == 3.4
    assert (supports.start, supports.end) == ("2017-04-03", "2017-04-05")
    located = edges["n_st_petersburg", "n_russia", "locatedIn"]
    assert located.attrs["background"] is True and located.start is None
    assert "cameo" not in located.attrs and "quad_class" not in located.attrs
    assert edges["n_vladimir_putin", "n_russia", "leaderOf"].attrs["label"] == "leader of"
    russia = next(n for n in view.nodes if n.id == "n_russia")
    assert russia.attrs["degree"] == 3 and "lat" not in russia.attrs
    assert russia.attrs["size"] == round(10 + 6 * math.log(6), 3)


def test_cameo_lookup_exact_then_root(tmp_path: Path) -> None:
    tsv = tmp_path / "event_classes.tsv"
    tsv.write_text("# comment\nevent_class\tcameo\tcameo_root\tquad_class\tgoldstein\n"
                   "attack\t180\t18\t4\t-9.0\nbomb\t183\t18\t4\t-10\n"
                   "support\t051\t05\t1\tnot-a-number\n", encoding="utf-8")
    table = network.CameoTable.from_tsv(tsv)
    assert table.lookup("183") == {"quad_class": "4", "goldstein": -10.0}
    assert table.lookup("186") == {"quad_class": "4", "goldstein": -9.0}  # root 18's first
    assert table.lookup("051") == {"quad_class": "1"}
    assert table.lookup("999") == {} and table.lookup(None) == {}


def test_mentions_aggregate_per_source_target_relation() -> None:
    """Parallel mentions of one relation are one edge, whatever their CAMEO codes: the
    most frequent code stands for it, Goldstein is their mean, the kind is the relation."""
    g = tiny_graph()
    _relation(g, "russia", "bashar_al_assad", "supports", "180", 0.5, D1)
    edges = network.actor_network(g, events_as="edges").edges
    assert sorted(e.kind for e in edges) == ["leaderOf", "locatedIn", "supports"]
    supports = next(e for e in edges if e.kind == "supports")
    assert supports.attrs["weight"] == 3.0 and supports.attrs["cameo"] == "051"
    assert supports.attrs["quad_class"] == "1"
    assert supports.attrs["goldstein"] == round((3.4 + 3.4 - 9.0) / 3, 3)


def test_colliding_node_ids_get_stable_suffixes() -> None:
    g = tiny_graph()
    _entity(g, "St. Petersburg", "Place", "St Petersburg", 1, [D1])  # slug st_petersburg
    ids = {n.iri: n.id for n in network.actor_network(g).nodes}
    a, b = ids[E("st_petersburg")], ids[E("St. Petersburg")]
    assert a != b and a.startswith("n_st_petersburg_") and b.startswith("n_st_petersburg_")
    assert all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", i) for i in ids.values())
    _entity(g, "zanzibar", "Place", "Zanzibar", 1, [D2])
    assert {n.iri: n.id for n in network.actor_network(g).nodes}[E("st_petersburg")] == a


def test_events_as_rejects_unknown_value() -> None:
    with pytest.raises(ValueError):
        network.actor_network(tiny_graph(), events_as="hyperedges")


# --------------------------------------------------------------------------- GraphML

@pytest.mark.parametrize("events_as", ["edges", "nodes"])
def test_graphml_validates_against_xsd(tmp_path: Path, events_as: str) -> None:
    if shutil.which("xmllint") is None:
        pytest.skip("xmllint is not installed (.ci/run installs libxml2-utils with apt-get)")
    if not (SCHEMAS / "graphml.xsd").is_file():
        pytest.skip(f"GraphML XSD not found: {SCHEMAS / 'graphml.xsd'} (the client's shared/schemas, "
                    "not in the repository; CI has it beside the clone)")
    g = tiny_graph()
    g.nodes[E("vladimir_putin")]["label"] = "Vladimir\x00 Putin\x1b"
    path = tmp_path / "g.graphml"
    write_graphml(g, path, events_as=events_as)
    result = _xmllint(path)
    assert result.returncode == 0, result.stderr


def test_graphml_reads_back_with_networkx(tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    write_graphml(tiny_graph(), path, events_as="edges")
    h = nx.read_graphml(path, force_multigraph=True)
    assert isinstance(h, nx.MultiDiGraph)
    assert h.number_of_nodes() == 4 and h.number_of_edges() == 3
    russia = h.nodes["n_russia"]
    assert russia["label"] == "Russia" and russia["iri"] == E("russia")
    assert (russia["r"], russia["g"], russia["b"]) == network.TYPE_COLORS["Country"]
    assert all(isinstance(russia[c], int) for c in "rgb")
    assert russia["category"] == "Country" and russia["mentions"] == 5
    assert russia["geonames_id"] == 2017370 and "lat" not in russia
    assert h.nodes["n_st_petersburg"]["lat"] == pytest.approx(59.93863)
    (key, data), = h.get_edge_data("n_russia", "n_bashar_al_assad").items()
    assert key == network.edge_id(E("russia"), E("bashar_al_assad"), "supports")
    assert data["weight"] == 2.0 and data["label"] == "supports"
    assert data["cameo"] == "051" and data["background"] is False
    located = network.edge_id(E("st_petersburg"), E("russia"), "locatedIn")
    assert h.get_edge_data("n_st_petersburg", "n_russia")[located]["background"] is True


def test_graphml_key_ids_avoid_gephi_yed_defaults() -> None:
    root = etree.fromstring(_bytes(write_graphml, tiny_graph()))
    ids = [k.get("id") for k in root.iter("{http://graphml.graphdrawing.org/xmlns}key")]
    assert ids and not any(re.fullmatch(r"d\d+", i) for i in ids)
    assert root.find("{http://graphml.graphdrawing.org/xmlns}graph").get("edgedefault") \
        == "directed"


# --------------------------------------------------------------------------- GEXF

def test_gexf_structure() -> None:
    root = etree.fromstring(_bytes(write_gexf, tiny_graph(), events_as="edges"))
    assert root.tag == f"{{{GEXF_NS}}}gexf" and root.get("version") == "1.3"
    assert root.nsmap["viz"] == VIZ_NS
    meta = root.find("g:meta", NS)
    assert meta.findtext("g:creator", namespaces=NS) == "newsgraph"
    assert meta.findtext("g:description", namespaces=NS)
    assert meta.get("lastmodifieddate") is None
    graph = root.find("g:graph", NS)
    assert graph.get("defaultedgetype") == "directed"
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    classes = [a.get("class") for a in graph.findall("g:attributes", NS)]
    assert classes == ["node", "edge"]
    titles = {a.get("title") for a in graph.iterfind("g:attributes/g:attribute", NS)}
    assert not titles & {"weight", "label", "start", "end"}
    nodes = graph.findall("g:nodes/g:node", NS)
    assert len(nodes) == 4
    for node in nodes:
        color = node.find("viz:color", NS)
        assert set(color.attrib) == {"r", "g", "b"}
        assert float(node.find("viz:size", NS).get("value")) >= 10
        assert node.get("label")
    putin = graph.find("g:nodes/g:node[@id='n_vladimir_putin']", NS)
    assert _spells(putin) == [("2017-04-05", "2017-04-05")]
    # Russia appears on two separate days: two spells, not one interval over both.
    russia = graph.find("g:nodes/g:node[@id='n_russia']", NS)
    assert _spells(russia) == [("2017-04-03", "2017-04-03"), ("2017-04-05", "2017-04-05")]
    assert not graph.xpath(".//*[@start or @end][not(self::g:spell)]", namespaces=NS)
    edges = graph.findall("g:edges/g:edge", NS)
    assert [e.get("label") for e in edges] == ["supports", "located in", "leader of"]
    assert [e.get("kind") for e in edges] == ["supports", "locatedIn", "leaderOf"]
    assert [e.get("weight") for e in edges] == ["2.0", "1.0", "1.0"]
    assert _spells(edges[0]) == [("2017-04-03", "2017-04-03"), ("2017-04-05", "2017-04-05")]
    assert _spells(edges[1]) == [] and edges[1].get("start") is None  # background: timeless


def _spells(el: etree._Element) -> list[tuple[str, str]]:
    return [(s.get("start"), s.get("end")) for s in el.findall("g:spells/g:spell", NS)]


def test_gexf_attribute_ids_are_the_names() -> None:
    """graphology-gexf (Gephi Lite) and networkx name a column by the attribute id."""
    graph = etree.fromstring(_bytes(write_gexf, tiny_graph())).find("g:graph", NS)
    declared = graph.findall("g:attributes/g:attribute", NS)
    assert all(a.get("id") == a.get("title") for a in declared)
    assert {"category", "mentions", "degree", "lat", "lng"} <= {a.get("id") for a in declared}
    assert not {a.get("id") for a in declared} & {"id", "label", "weight", "timeset", "type"}


def test_gexf_is_static_without_dates() -> None:
    g = tiny_graph()
    for doc in g.graph["documents"].values():
        doc["date"] = None
    for _, d in g.nodes(data=True):
        d.update(first_date=None, last_date=None, date=None)
    graph = etree.fromstring(_bytes(write_gexf, g)).find("g:graph", NS)
    assert graph.get("mode") == "static" and graph.get("timeformat") is None
    assert not graph.xpath(".//*[@start or @end]")
    assert not graph.findall(".//g:spells", NS)


def test_gexf_reads_back_with_networkx(tmp_path: Path) -> None:
    path = tmp_path / "g.gexf"
    write_gexf(tiny_graph(), path, events_as="edges")
    h = nx.read_gexf(path, version="1.3")
    assert h.is_directed()
    assert h.number_of_nodes() == 4 and h.number_of_edges() == 3
    assert h.nodes["n_russia"]["label"] == "Russia"
    assert h.nodes["n_russia"]["viz"]["color"]["g"] == 158
    assert h.nodes["n_st_petersburg"]["lng"] == pytest.approx(30.31413)
    data = h.get_edge_data("n_russia", "n_bashar_al_assad")
    assert data["weight"] == 2.0 and data["label"] == "supports"


# --------------------------------------------------------------------------- CSV

def _csv(writer, g: nx.MultiDiGraph, **kw: object) -> list[dict[str, str]]:
    import csv
    return list(csv.DictReader(io.StringIO(_bytes(writer, g, **kw).decode("utf-8"))))


def test_nodes_csv_for_gephi_spreadsheet_import() -> None:
    data = _bytes(write_nodes_csv, tiny_graph(), events_as="edges").decode("utf-8")
    header = data.split("\n", 1)[0].split(",")
    assert header[:3] == ["Id", "Label", "timeset"]
    assert {"category", "mentions", "degree", "first_date", "last_date", "lat", "lng"} <= set(header)
    assert not {"r", "g", "b", "size", "label"} & set(header)
    rows = {r["Id"]: r for r in _csv(write_nodes_csv, tiny_graph(), events_as="edges")}
    assert list(rows) == ["n_bashar_al_assad", "n_russia", "n_st_petersburg", "n_vladimir_putin"]
    spb = rows["n_st_petersburg"]
    assert spb["Label"] == "St. Petersburg" and spb["category"] == "Place"
    assert (spb["lat"], spb["lng"]) == ("59.93863", "30.31413")
    assert rows["n_russia"]["lat"] == ""  # unknown: an empty cell
    assert rows["n_vladimir_putin"]["timeset"] == "<[2017-04-05,2017-04-05]>"


def test_edges_csv_for_gephi_spreadsheet_import() -> None:
    data = _bytes(write_edges_csv, tiny_graph(), events_as="edges").decode("utf-8")
    assert data.split("\n", 1)[0].startswith("Source,Target,Type,Id,Label,Weight,Kind,timeset,")
    rows = _csv(write_edges_csv, tiny_graph(), events_as="edges")
    assert [(r["Source"], r["Target"], r["Kind"]) for r in rows] == [
        ("n_russia", "n_bashar_al_assad", "supports"),
        ("n_st_petersburg", "n_russia", "locatedIn"),
        ("n_vladimir_putin", "n_russia", "leaderOf")]
    supports = rows[0]
    assert supports["Type"] == "Directed" and supports["Weight"] == "2.0"
    assert (supports["cameo"], supports["quad_class"], supports["goldstein"]) == ("051", "1", "3.4")
    assert supports["timeset"] == "<[2017-04-03,2017-04-05]>"
    assert rows[1]["timeset"] == "" and rows[1]["background"] == "true"


def test_csv_without_dates_has_no_timeset_and_events_can_be_nodes() -> None:
    g = tiny_graph()
    for doc in g.graph["documents"].values():
        doc["date"] = None
    for _, d in g.nodes(data=True):
        d.update(first_date=None, last_date=None, date=None)
    assert "timeset" not in _bytes(write_edges_csv, g).decode().split("\n", 1)[0]
    nodes = _csv(write_nodes_csv, tiny_graph(), events_as="nodes")
    event = next(r for r in nodes if r["Id"] == "n_e1")
    assert event["category"] == "Event" and event["cameo"] == "183"
    assert len(_csv(write_edges_csv, tiny_graph(), events_as="nodes")) == 5


# --------------------------------------------------------------------------- both

@pytest.mark.parametrize("writer", [write_graphml, write_gexf, write_nodes_csv, write_edges_csv])
def test_output_is_byte_identical(tmp_path: Path, writer) -> None:
    first = _bytes(writer, tiny_graph())
    assert _bytes(writer, tiny_graph()) == first
    path = tmp_path / "out.xml"
    writer(tiny_graph(), str(path))
    assert path.read_bytes() == first


@pytest.mark.parametrize("writer", [write_graphml, write_gexf])
def test_forbidden_xml_characters_are_stripped(writer) -> None:
    g = tiny_graph()
    g.nodes[E("vladimir_putin")]["label"] = "Vla\x00dimir\x0b Pu\ufffetin\ud800"
    data = _bytes(writer, g)
    etree.fromstring(data)  # well-formed
    assert b"Vladimir Putin" in data


@pytest.mark.parametrize("writer,reader", [
    (write_graphml, lambda p: nx.read_graphml(p, force_multigraph=True)),
    (write_gexf, lambda p: nx.read_gexf(p, version="1.3")),
])
def test_events_as_nodes(tmp_path: Path, writer, reader) -> None:
    path = tmp_path / "g.xml"
    writer(tiny_graph(), path, events_as="nodes")
    h = reader(path)
    assert h.number_of_nodes() == 5 and h.number_of_edges() == 5
    event = h.nodes["n_e1"]
    assert event["category"] == "Event" and event["label"] == "attack: blast"
    assert event["cameo"] == "183" and event["quad_class"] == "4"  # via root 18
    assert {label for _, _, label in h.out_edges("n_e1", data="label")} == {"place", "target"}


def test_event_dates_drive_the_timeline() -> None:
    graph = etree.fromstring(_bytes(write_gexf, tiny_graph(), events_as="nodes")) \
        .find("g:graph", NS)
    event = graph.find("g:nodes/g:node[@id='n_e1']", NS)
    assert _spells(event) == [("2017-04-01", "2017-04-30")]  # gYearMonth: the month
    # Dated endpoints live whenever their edges do, so Gephi never hides a live edge
    # (the article's day lies inside the event's month: one spell).
    place = graph.find("g:nodes/g:node[@id='n_st_petersburg']", NS)
    assert _spells(place) == [("2017-04-01", "2017-04-30")]
    russia = graph.find("g:nodes/g:node[@id='n_russia']", NS)
    assert _spells(russia) == [("2017-04-01", "2017-04-30")]


@pytest.mark.parametrize("name,writer", [("tiny.graphml", write_graphml),
                                         ("tiny.gexf", write_gexf)])
def test_golden(name: str, writer) -> None:
    data = _bytes(writer, tiny_graph())
    golden = GOLDEN / name
    if os.environ.get("NEWSGRAPH_REGEN_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_bytes(data)
    assert data == golden.read_bytes(), f"{name} changed; see module docstring to regenerate"


@pytest.mark.parametrize("writer", [write_graphml, write_gexf])
def test_no_node_attribute_is_called_type(writer) -> None:
    """sigma.js 3 (Gephi Lite's renderer) reads a node attribute ``type`` as the node
    program to draw it with, and fails on ``Person``: the entity type is ``category``."""
    root = etree.fromstring(_bytes(writer, tiny_graph(), events_as="nodes"))
    names = {k.get("attr.name") for k in root.iter("{http://graphml.graphdrawing.org/xmlns}key")}
    names |= {a.get("title") for a in root.iter(f"{{{GEXF_NS}}}attribute")}
    names |= {a.get("id") for a in root.iter(f"{{{GEXF_NS}}}attribute")}
    assert "category" in names and "type" not in names


JS = Path(__file__).parent / "js"


@pytest.mark.parametrize("name,writer", [("g.graphml", write_graphml), ("g.gexf", write_gexf)])
def test_graphology_parses_the_tiny_files(tmp_path: Path, name: str, writer) -> None:
    import json
    node = shutil.which("node")
    if node is None or not (JS / "node_modules" / "graphology-gexf").is_dir():
        pytest.skip("node or graphology missing (npm ci --prefix tests/js)")
    path = tmp_path / name
    writer(tiny_graph(), path, events_as="nodes")
    proc = subprocess.run([node, str(JS / "check_gephi_files.mjs"), str(path)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout)
    assert (found["nodes"], found["edges"]) == (5, 5)
    assert "category" in found["nodeAttributes"] and "type" not in found["nodeAttributes"]


def test_edge_ids_are_hashes_of_the_statement() -> None:
    view = network.actor_network(tiny_graph(), events_as="nodes")
    ids = [e.id for e in view.edges]
    assert len(set(ids)) == len(ids) == 5
    assert all(re.fullmatch(r"e_[0-9a-f]{16}", i) for i in ids)
    assert network.edge_id(E("russia"), E("bashar_al_assad"), "supports") == "e_" + \
        __import__("hashlib").sha1(f"{E('russia')}\t{E('bashar_al_assad')}\tsupports"
                                   .encode()).hexdigest()[:16]
    place = network.edge_id(EVENT, E("st_petersburg"), "place")
    assert place in ids


def test_edge_ids_keep_when_an_unrelated_article_is_added() -> None:
    """Positional ids (e0, e1, ...) shifted whenever a new edge sorted before them."""
    before = {(e.source, e.target, e.kind): e.id for e in network.actor_network(tiny_graph()).edges}
    g = tiny_graph()
    d3 = iri.doc_iri("c.txt")
    g.graph["documents"][d3] = {"id": "c.txt", "text": "...", "title": None,
                                "date": "2017-05-01", "source": None}
    _entity(g, "abkhazia", "Country", "Abkhazia", 1, [d3])  # sorts before every other node
    _entity(g, "aachen", "Place", "Aachen", 1, [d3])
    _relation(g, "abkhazia", "aachen", "supports", "051", 0.9, d3)
    _relation(g, "abkhazia", "russia", "supports", "180", 0.9, d3)  # a new CAMEO code too
    _relation(g, "russia", "bashar_al_assad", "supports", "180", 0.6, d3)
    _relation(g, "russia", "bashar_al_assad", "supports", "180", 0.6, d3)
    after = {(e.source, e.target, e.kind): e.id for e in network.actor_network(g).edges}
    assert len(after) == len(before) + 2
    assert {k: after[k] for k in before} == before


def test_edge_id_collisions_get_a_counter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(network, "edge_id", lambda s, t, r: "e_0000000000000000")
    ids = [e.id for e in network.actor_network(tiny_graph(), events_as="edges").edges]
    assert ids == ["e_0000000000000000", "e_0000000000000000_1", "e_0000000000000000_2"]


def test_graphml_and_gexf_share_edge_ids() -> None:
    graphml = etree.fromstring(_bytes(write_graphml, tiny_graph(), events_as="nodes"))
    gexf = etree.fromstring(_bytes(write_gexf, tiny_graph(), events_as="nodes"))
    a = [e.get("id") for e in graphml.iter("{http://graphml.graphdrawing.org/xmlns}edge")]
    b = [e.get("id") for e in gexf.iter(f"{{{GEXF_NS}}}edge")]
    assert a == b and len(set(a)) == 5 and not any(re.fullmatch(r"e\d+", i) for i in a)


def test_events_as_auto_is_the_default_and_shows_lone_events() -> None:
    """An event with fewer than two actors (the tiny graph's blast: one target) is a
    node with its role edges; an event that a relation between its two actors carries
    stays an edge; one with two actors that no relation carries is a node too."""
    g = tiny_graph()
    two = iri.event_iri("b.txt", "e2")
    g.add_node(two, kind="event", event_class="support", cameo="051", label="backs",
               mentions=((D2, 5, 10, "backs"),), doc=D2, date="2017-04-05",
               factuality="asserted", casualties=())
    for role, key in (("agent", "russia"), ("target", "bashar_al_assad")):
        g.add_edge(two, E(key), key=role, kind="role", role=role)
    uncarried = iri.event_iri("b.txt", "e3")
    g.add_node(uncarried, kind="event", event_class="meet", cameo="040", label="met",
               mentions=((D2, 20, 23, "met"),), doc=D2, date="2017-04-05",
               factuality="asserted", casualties=())
    for role, key in (("agent", "vladimir_putin"), ("target", "bashar_al_assad")):
        g.add_edge(uncarried, E(key), key=role, kind="role", role=role)
    _relation(g, "russia", "bashar_al_assad", "supports", "051", 0.8, D2, event=two)
    view = network.actor_network(g)
    assert view == network.actor_network(g, events_as="auto")
    ids = {n.id for n in view.nodes}
    assert {"n_e1", "n_e3"} <= ids and "n_e2" not in ids
    roles = {(e.source, e.target, e.kind) for e in view.edges if e.source.startswith("n_e")}
    assert roles == {("n_e1", "n_st_petersburg", "place"), ("n_e1", "n_russia", "target"),
                     ("n_e3", "n_vladimir_putin", "agent"), ("n_e3", "n_bashar_al_assad", "target")}
    assert not any(n.id.startswith("n_e") for n in network.actor_network(g, events_as="edges").nodes)
    assert "n_e2" in {n.id for n in network.actor_network(g, events_as="nodes").nodes}


def test_cli_events_as_default_is_auto() -> None:
    from newsgraph.cli import parser
    assert parser().parse_args(["build", "x.txt"]).events_as == "auto"
    assert parser().parse_args(["build", "--events-as", "edges"]).events_as == "edges"
