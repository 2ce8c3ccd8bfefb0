"""graph.html: the self-contained page of the actor/place network (exports/html.py).

The browser tests open the page in headless Chromium with the network off, through
playwright-core (tests/js/check_graph_html.mjs): no console or page errors, no request
but the file itself, the seed's nodes drawn, a search for "Putin" selects Vladimir Putin,
and article text that looks like HTML stays text.  They skip, with the reason, where
Chromium, node or playwright-core is missing (.ci/run installs them).
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest

from conftest import ROOT
from newsgraph import exports
from newsgraph.exports.html import graph_data, html_bytes, write_html
from newsgraph.exports.network import actor_network
from newsgraph.graph import iri

JS = ROOT / "tests" / "js"
HOSTILE = "</script><script>alert(1)</script>"
DATA_BLOCK = re.compile(r'<script type="application/json" id="graph-data">(.*?)</script>', re.S)


def E(key: str) -> str:
    return iri.entity_iri(key)


def hostile_graph() -> nx.MultiDiGraph:
    """Two people and a relation whose evidence sentence, title and label are HTML."""
    doc = iri.doc_iri("evil.txt")
    g = nx.MultiDiGraph()
    g.graph["documents"] = {doc: {"id": "evil.txt", "text": HOSTILE, "title": "<b>" + HOSTILE,
                                  "date": "2017-04-03", "source": None}}
    for key, label in (("alice", "Alice <img src=x onerror=alert(2)>"), ("bob", "Bob & Co")):
        g.add_node(E(key), kind="entity", type="Person", label=label, alt_labels=(),
                   mentions=((doc, 0, 5, label),), docs=(doc,), first_date="2017-04-03",
                   last_date="2017-04-03")
    g.add_edge(E("alice"), E("bob"), key="r1", kind="relation", predicate="meetsWith",
               cameo="040", confidence=0.8, doc=doc, evidence=(0, len(HOSTILE), HOSTILE),
               event=None, background=False)
    return g


def page_data(page: bytes) -> dict:
    [block] = DATA_BLOCK.findall(page.decode("utf-8"))
    return json.loads(block)


# --------------------------------------------------------------------------- the file

def test_page_embeds_data_and_libraries_and_nothing_remote() -> None:
    page = html_bytes(actor_network(hostile_graph()), hostile_graph())
    text = page.decode("utf-8")
    assert "sigma" in text and "graphology" in text and "forceatlas2" in text.lower()
    # Nothing is loaded from elsewhere: no src/href attribute, no import, no fetch.
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)=", text, re.I)
    assert "default-src 'none'" in text  # the page's CSP refuses any request it might make
    data = page_data(page)
    assert [n["label"] for n in data["nodes"]] == ["Alice <img src=x onerror=alert(2)>", "Bob & Co"]
    [edge] = data["edges"]
    assert edge["relation"] == "meetsWith" and edge["cameo"] == "040"
    assert edge["evidence"] == [{"text": HOSTILE, "doc": 0, "confidence": 0.8}]
    assert data["docs"] == [{"id": "evil.txt", "title": "<b>" + HOSTILE, "date": "2017-04-03"}]


def test_article_text_cannot_close_the_data_block() -> None:
    text = html_bytes(actor_network(hostile_graph()), hostile_graph()).decode("utf-8")
    assert HOSTILE not in text and "alert(1)</script>" not in text
    # Every "</script>" closes one of the page's own script elements.
    assert text.lower().count("</script") == text.lower().count("<script")
    assert "\\u003c/script\\u003e" in text


def test_no_node_attribute_called_type_reaches_sigma() -> None:
    data = graph_data(actor_network(hostile_graph()), hostile_graph())
    assert all("type" not in n and n["category"] == "Person" for n in data["nodes"])


def test_same_graph_same_bytes_and_build_writes_it(tmp_path: Path) -> None:
    g = hostile_graph()
    first, second = io.BytesIO(), io.BytesIO()
    write_html(g, first)
    write_html(g, second)
    assert first.getvalue() == second.getvalue()
    assert "graph.html" in exports.EXPORTERS
    written = exports.write_all(g, tmp_path / "out", quads=[])
    assert tmp_path / "out" / "graph.html" in written
    assert (tmp_path / "out" / "graph.html").read_bytes() == first.getvalue()


def test_seed_page_matches_the_network(seed_build: Path) -> None:
    data = page_data((seed_build / "graph.html").read_bytes())
    view_nodes = (seed_build / "nodes.csv").read_text("utf-8").count("\n") - 1
    assert len(data["nodes"]) == view_nodes
    labels = {n["label"] for n in data["nodes"]}
    assert "Vladimir Putin" in labels
    assert sum(len(e["evidence"]) for e in data["edges"]) > 0


# --------------------------------------------------------------------------- in Chromium

def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.skip("Chromium is not installed (.ci/run installs it: apt-get install chromium)")
    if not shutil.which("node"):
        pytest.skip("node is not installed (Debian: apt-get install nodejs npm)")
    if not (JS / "node_modules" / "playwright-core").is_dir():
        pytest.skip("playwright-core is not installed (npm ci --prefix tests/js)")
    return found


def open_page(page: Path, *args: str) -> dict:
    """Run check_graph_html.mjs on ``page``: its JSON result."""
    proc = subprocess.run(["node", str(JS / "check_graph_html.mjs"), str(page),
                           "--chromium", chromium(), *args],
                          capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_seed_page_in_headless_chromium_offline(seed_build: Path, tmp_path: Path) -> None:
    shot = tmp_path / "graph-html-seed.png"
    data = page_data((seed_build / "graph.html").read_bytes())
    [leader] = [e["id"] for e in data["edges"] if (e["source"], e["target"], e["relation"])
                == ("n_vladimir_putin", "n_russia", "leaderOf")]
    result = open_page(seed_build / "graph.html", "--click-node", "n_russia", "--click-edge", leader,
                       "--search", "Putin", "--screenshot", str(shot))
    assert result["consoleErrors"] == [] and result["pageErrors"] == []
    assert result["requests"] == []  # nothing asked of the (switched-off) network
    assert result["nodes"] == len(data["nodes"])
    # Mouse clicks on the canvas: a node lists its relations, then an edge its evidence.
    assert result["clicked_node"] == "n_russia" and "leader of" in result["clicked_node_details"]
    assert result["clicked_edge"] == leader
    assert "Russian president Vladimir Putin" in result["clicked_edge_details"]
    assert result["nodes"] > 10 and result["canvases"] > 0
    assert result["selected"] == "n_vladimir_putin"
    assert result["selectedLabel"] == "Vladimir Putin"
    assert "Vladimir Putin (Person)" in result["matches"]
    assert "leader of" in result["details"] and "st-petersburg-bombing.txt" in result["details"]
    assert shot.stat().st_size > 10_000


def test_hostile_text_is_shown_never_run(tmp_path: Path) -> None:
    page = tmp_path / "graph.html"
    write_html(hostile_graph(), page)
    result = open_page(page, "--search", "Alice")
    assert result["dialogs"] == [] and result["pageErrors"] == [] and result["consoleErrors"] == []
    assert result["nodes"] == 2
    assert result["selectedLabel"] == "Alice <img src=x onerror=alert(2)>"
    assert HOSTILE in result["details"]  # as text, in the evidence quote
    assert result["scripts"] == 5  # the data block, three libraries, the page's own script
