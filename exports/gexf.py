"""GEXF 1.3 export of the actor/place network, for Gephi.

The network comes from :func:`newsgraph.exports.network.actor_network`; this module
only spells it in GEXF 1.3 (https://gexf.net, schema ``1.3/gexf.rnc``):

* node ``label``; colour and size in the ``viz`` namespace (``viz:color r g b``
  without alpha, ``viz:size value``);
* edge ``label``, ``weight`` and ``kind`` (new in 1.3; Gephi reads it as the edge
  type, which keeps parallel edges of different relations apart);
* every other value as ``<attvalue>`` of a declared ``<attribute>`` whose id is its
  name (``category``, ``mentions``, ...): Gephi shows the title, but graphology-gexf (Gephi
  Lite) and networkx name columns by id; none of the names is one Gephi reserves
  (``id``, ``label``, ``weight``, ``timeset``), nor ``type``, which sigma.js 3 (Gephi
  Lite's renderer) reads as the node renderer: the entity type is ``category``;
* dated nodes and edges get ``<spells>``: one inclusive ``<spell start end>`` per
  distinct date they appear on (a day: start = end; a year-month or year: its first
  and last day; overlapping ones merged), and no ``start``/``end`` attributes of
  their own; the graph is ``mode="dynamic" timeformat="date"``, so Gephi's timeline
  shows them on those dates only; without dates the graph is static.

No ``lastmodifieddate`` in ``<meta>``: the output is byte-identical across runs.
"""

from __future__ import annotations

import networkx as nx
from lxml import etree

from .destination import Destination
from .network import NetworkView, actor_network, format_value, write_xml

NS = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{NS} http://gexf.net/1.3/gexf.xsd"
DESCRIPTION = "Actors, places and their relations extracted from news articles"

# GraphML attribute types -> GEXF attribute types.
_TYPES = {"string": "string", "int": "integer", "long": "long", "double": "double",
          "boolean": "boolean"}
# Values that GEXF carries in XML attributes or viz elements, not in <attvalue>s.
# ("weight" must not be an attribute title either: GEXF reserves it for dynamic weights.)
_NODE_BUILTIN = frozenset({"label", "r", "g", "b", "size"})
_EDGE_BUILTIN = frozenset({"label", "weight"})


def write_gexf(g: nx.MultiDiGraph, dest: Destination, *, events_as: str = "auto") -> None:
    """Write the actor/place network of ``g`` as GEXF 1.3 to a path or binary file."""
    write_xml(gexf_tree(actor_network(g, events_as=events_as)), dest)


def gexf_tree(view: NetworkView) -> etree._Element:
    """The ``<gexf>`` element of a projected network."""
    root = etree.Element(f"{{{NS}}}gexf", nsmap={None: NS, "viz": VIZ, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", SCHEMA_LOCATION)
    root.set("version", "1.3")
    meta = etree.SubElement(root, f"{{{NS}}}meta")
    etree.SubElement(meta, f"{{{NS}}}creator").text = "newsgraph"
    etree.SubElement(meta, f"{{{NS}}}description").text = DESCRIPTION

    graph = etree.SubElement(root, f"{{{NS}}}graph", defaultedgetype="directed")
    if view.dynamic:
        # Dates without a zone are read in the viewer's zone; UTC keeps days on days.
        graph.attrib.update({"mode": "dynamic", "timeformat": "date", "timezone": "UTC"})
    else:
        graph.set("mode", "static")

    node_attrs = _declare(graph, "node", view.node_attributes, _NODE_BUILTIN)
    edge_attrs = _declare(graph, "edge", view.edge_attributes, _EDGE_BUILTIN)

    nodes = etree.SubElement(graph, f"{{{NS}}}nodes", count=str(len(view.nodes)))
    for node in view.nodes:
        el = etree.SubElement(nodes, f"{{{NS}}}node", id=node.id)
        if "label" in node.attrs:
            el.set("label", str(node.attrs["label"]))
        _attvalues(el, node.attrs, node_attrs)
        _spells(el, node.spells, node.start, node.end)
        if {"r", "g", "b"} <= node.attrs.keys():
            etree.SubElement(el, f"{{{VIZ}}}color", {c: str(node.attrs[c]) for c in "rgb"})
        if "size" in node.attrs:
            etree.SubElement(el, f"{{{VIZ}}}size", value=format_value(node.attrs["size"]))

    edges = etree.SubElement(graph, f"{{{NS}}}edges", count=str(len(view.edges)))
    for edge in view.edges:
        el = etree.SubElement(edges, f"{{{NS}}}edge", id=edge.id,
                              source=edge.source, target=edge.target)
        if "label" in edge.attrs:
            el.set("label", str(edge.attrs["label"]))
        el.set("kind", edge.kind)
        if "weight" in edge.attrs:
            el.set("weight", format_value(edge.attrs["weight"]))
        _attvalues(el, edge.attrs, edge_attrs)
        _spells(el, edge.spells, edge.start, edge.end)
    return root


def _declare(graph: etree._Element, cls: str, attributes: dict[str, str],
             builtin: frozenset[str]) -> list[str]:
    """Declare the attributes that go into <attvalue>s; return their names."""
    names = [n for n in attributes if n not in builtin]
    if names:
        decl = etree.SubElement(graph, f"{{{NS}}}attributes", {"class": cls})
        for name in names:
            etree.SubElement(decl, f"{{{NS}}}attribute", id=name, title=name,
                             type=_TYPES[attributes[name]])
    return names


def _attvalues(el: etree._Element, attrs: dict, names: list[str]) -> None:
    present = [n for n in names if n in attrs]
    if present:
        values = etree.SubElement(el, f"{{{NS}}}attvalues")
        for name in present:
            etree.SubElement(values, f"{{{NS}}}attvalue", {
                "for": name, "value": format_value(attrs[name])})


def _spells(el: etree._Element, spells: tuple[tuple[str, str], ...],
            start: str | None, end: str | None) -> None:
    """``<spells>`` when there are any, else the ``start``/``end`` interval (if any)."""
    if spells:
        parent = etree.SubElement(el, f"{{{NS}}}spells")
        for a, b in spells:
            etree.SubElement(parent, f"{{{NS}}}spell", start=a, end=b)
        return
    if start:
        el.set("start", start)
    if end:
        el.set("end", end)
