"""``graph.html``: the actor/place network as one self-contained page that opens offline.

The page draws the same projection as GraphML and GEXF
(:func:`newsgraph.exports.network.actor_network`) with sigma.js 3 (WebGL) over a
graphology graph, laid out in the browser by ForceAtlas2 (graphology-library).  The three
libraries are vendored under ``assets/`` (versions and licences: THIRD_PARTY.md) and
inlined with the page's own script and style, so nothing is fetched at view time.

The data is one ``<script type="application/json">`` block: nodes (id, label, category,
colour, size, a seeded start position), edges (relation, CAMEO code, the evidence
sentences with their article and confidence, from the relation edges of the build graph)
and the articles' ids and titles.  Every ``<``, ``>`` and ``&`` in it is a JSON ``\\u``
escape, so no article text can end the block; the page builds its text with
``textContent`` only.  Keys are sorted and nothing depends on the clock: same graph,
same bytes.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from hashlib import sha1
from importlib import resources

import networkx as nx

from .destination import Destination, write_bytes
from .network import NetworkView, actor_network

# Vendored libraries, inlined in this order (graphology first: the others use its global).
LIBRARIES = ("graphology.umd.min.js", "sigma.min.js", "graphology-library.min.js")


def write_html(g: nx.MultiDiGraph, dest: Destination, *, events_as: str = "auto") -> None:
    """Write ``graph.html`` for ``g`` to a path or a binary file."""
    write_bytes(html_bytes(actor_network(g, events_as=events_as), g), dest)


def html_bytes(view: NetworkView, g: nx.MultiDiGraph) -> bytes:
    """The page: the template with the libraries, the app and the graph's data inlined."""
    assets = resources.files(__package__) / "assets"
    page = (assets / "graph.html").read_text(encoding="utf-8")
    scripts = "\n".join(_script((assets / name).read_text(encoding="utf-8"))
                        for name in (*LIBRARIES, "graph.js"))
    parts = {"/*STYLE*/": (assets / "graph.css").read_text(encoding="utf-8"),
             "<!--DATA-->": '<script type="application/json" id="graph-data">'
                            f"{data_json(graph_data(view, g))}</script>",
             "<!--SCRIPTS-->": scripts}
    for marker, text in parts.items():
        page = page.replace(marker, text, 1)
    return page.encode("utf-8")


def _script(code: str) -> str:
    # An inline script ends at the first "</script"; the vendored files never contain one.
    if "</script" in code.lower() or "<!--" in code:
        raise ValueError("a script to inline contains '</script' or '<!--'")
    return f"<script>{code}</script>"


def data_json(data: dict) -> str:
    """Deterministic JSON that is safe inside a ``<script>`` block: sorted keys, and
    ``<``, ``>``, ``&`` escaped (``\\u003c``...), which JSON.parse reads back unchanged."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def graph_data(view: NetworkView, g: nx.MultiDiGraph) -> dict:
    """What the page shows: ``{"nodes", "edges", "docs"}`` (see the module docstring)."""
    ids = {node.iri: node.id for node in view.nodes}
    doc_iris: set[str] = set()
    evidence = _evidence(g, ids, doc_iris)
    documents = g.graph.get("documents") or {}
    doc_list = sorted(doc_iris)
    doc_index = {d: i for i, d in enumerate(doc_list)}
    nodes = []
    for node in view.nodes:
        a = node.attrs
        x, y = _start(node.id)
        nodes.append({"id": node.id, "label": str(a.get("label", node.id)),
                      "category": str(a.get("category") or "Other"),
                      "color": "#{:02x}{:02x}{:02x}".format(a.get("r", 153), a.get("g", 153), a.get("b", 153)),
                      "size": a.get("size", 10.0), "mentions": a.get("mentions", 0),
                      "docs": a.get("docs", 0), "x": x, "y": y})
    edges = []
    for edge in view.edges:
        a = edge.attrs
        items = evidence.get((edge.source, edge.target, edge.kind), [])
        edges.append({"id": edge.id, "source": edge.source, "target": edge.target,
                      "relation": edge.kind, "label": str(a.get("label", edge.kind)),
                      "cameo": a.get("cameo"), "weight": a.get("weight", 1.0),
                      "evidence": [{"text": t, "doc": doc_index[d], "confidence": c}
                                   for t, d, c in items]})
    docs = [{"id": str((documents.get(d) or {}).get("id") or d),
             "title": (documents.get(d) or {}).get("title"),
             "date": (documents.get(d) or {}).get("date")} for d in doc_list]
    return {"nodes": nodes, "edges": edges, "docs": docs}


def _evidence(g: nx.MultiDiGraph, ids: dict[str, str],
              doc_iris: set[str]) -> dict[tuple[str, str, str], list[tuple[str, str, float | None]]]:
    """Evidence sentences of the relation edges of ``g``, keyed like the view's edges
    (source id, target id, relation); one entry per distinct (article, span), sorted."""
    found: dict[tuple[str, str, str], dict] = defaultdict(dict)
    for s, t, d in g.edges(data=True):
        if d.get("kind") != "relation" or s not in ids or t not in ids:
            continue
        doc, ev = d.get("doc"), d.get("evidence")
        if not doc or not ev:
            continue  # background facts (gazetteer) have no sentence
        start, end, text = ev
        conf = d.get("confidence")
        conf = float(conf) if isinstance(conf, (int, float)) and math.isfinite(conf) else None
        key = (ids[s], ids[t], str(d.get("predicate") or "related"))
        old = found[key].get((doc, start, end))
        if old is None or (conf or 0.0) > (old[2] or 0.0):
            found[key][(doc, start, end)] = (" ".join(str(text).split()), doc, conf)
        doc_iris.add(doc)
    return {k: [v[span] for span in sorted(v)] for k, v in found.items()}


def _start(node_id: str) -> tuple[float, float]:
    """A start position for ForceAtlas2 from the node id's hash: seeded, independent of
    the other nodes, the same on every run."""
    h = sha1(node_id.encode("utf-8")).digest()
    return (round(int.from_bytes(h[:4], "big") / 2**32 * 200 - 100, 3),
            round(int.from_bytes(h[4:8], "big") / 2**32 * 200 - 100, 3))
