"""Load time of ``graph.html`` at N nodes, in headless Chromium with the network off.

    .venv/bin/python benchmarks/graph_html.py --nodes 5000 --runs 3

Makes a synthetic build graph (N entities of the five types, about 2 relation edges per
node by preferential attachment, one evidence sentence each, N/5 articles; seeded), writes
its page with the exporter every build uses (:func:`newsgraph.exports.html.write_html`),
then opens it ``--runs`` times with ``tests/js/check_graph_html.mjs`` (playwright-core,
the system Chromium) and prints, per run: the time from navigation to the page's
``data-ready`` (parsing the file, the libraries and the data, the ForceAtlas2 layout, the
first WebGL frame), the page's own script time and the layout's share of it.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import networkx as nx

from newsgraph.exports.html import write_html
from newsgraph.graph import iri

ROOT = Path(__file__).resolve().parents[1]
TYPES = ("Person", "Organization", "Country", "Place", "Group")
PREDICATES = ("meetsWith", "calls", "leaderOf", "memberOf", "supports", "criticizes", "attacks",
              "locatedIn")


def synthetic_graph(n: int, seed: int = 42) -> nx.MultiDiGraph:
    """A build graph (schema of :mod:`newsgraph.graph.builder`) of ``n`` entities."""
    rnd = random.Random(seed)
    g = nx.MultiDiGraph()
    docs = [iri.doc_iri(f"a{i}.txt") for i in range(max(1, n // 5))]
    g.graph["documents"] = {d: {"id": f"a{i}.txt", "text": "", "title": f"Article {i}",
                                "date": "2017-04-03", "source": None} for i, d in enumerate(docs)}
    names = ["Vladimir Putin", *(f"Entity {i}" for i in range(1, n))]
    for i, name in enumerate(names):
        d = rnd.choice(docs)
        g.add_node(iri.entity_iri(f"e{i}"), kind="entity", type=rnd.choice(TYPES), label=name,
                   alt_labels=(), docs=(d,), first_date="2017-04-03", last_date="2017-04-03",
                   mentions=tuple((d, j, j + 3, "x") for j in range(rnd.randint(1, 30))))
    ends = [0]
    for i in range(1, n):
        for k in range(2):
            j, d = rnd.choice(ends), rnd.choice(docs)
            text = f"{names[i]} and {names[j]} met, the article says, in a sentence of this length."
            g.add_edge(iri.entity_iri(f"e{i}"), iri.entity_iri(f"e{j}"), key=f"r{i}-{j}-{k}",
                       kind="relation", predicate=rnd.choice(PREDICATES), cameo="040",
                       confidence=0.8, doc=d, evidence=(0, len(text), text), event=None,
                       background=False)
            ends += [i, j]
    return g


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "graph.html"
        g = synthetic_graph(args.nodes)
        t = time.perf_counter()
        write_html(g, page)
        print(f"{args.nodes} nodes, {g.number_of_edges()} relation edges: written in "
              f"{time.perf_counter() - t:.2f} s, {page.stat().st_size / 1e6:.1f} MB")
        loads = []
        for run in range(args.runs):
            out = subprocess.run(["node", str(ROOT / "tests/js/check_graph_html.mjs"), str(page),
                                  "--search", "Putin"], capture_output=True, text=True, check=True)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            assert not r["consoleErrors"] and not r["pageErrors"] and not r["requests"], r
            loads.append(r["loadMs"])
            print(f"run {run + 1}: ready after {r['loadMs']} ms (script {r['pageLoadMs']} ms, of which "
                  f"layout {r['layoutMs']} ms); {r['nodes']} nodes, {r['edges']} edges drawn; "
                  f"search selected {r['selected']}")
        print(f"median ready time: {statistics.median(loads):.0f} ms")


if __name__ == "__main__":
    main()
