"""GraphML export of the actor/place network, for Gephi (and networkx, yEd, ...).

The network itself comes from :func:`newsgraph.exports.network.actor_network`; this
module only spells it in GraphML.  Gephi's GraphML importer maps keys whose
``attr.name`` is ``label``, ``size``, ``r``/``g``/``b`` (nodes) and ``label``,
``weight`` (edges) onto its own properties; every other key becomes a column.

Key ids are ``node_<name>``/``edge_<name>`` rather than networkx-style ``d0, d1, ...``:
Gephi matches a key by its *id* before its name, and reads ``d3`` (node) and ``d7``
(edge) as yEd's label keys.  The output validates against the GraphML XSD.
"""

from __future__ import annotations

import networkx as nx
from lxml import etree

from .destination import Destination
from .network import NetworkView, actor_network, attribute_id, format_value, write_xml

NS = "http://graphml.graphdrawing.org/xmlns"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"


def write_graphml(g: nx.MultiDiGraph, dest: Destination, *, events_as: str = "auto") -> None:
    """Write the actor/place network of ``g`` as GraphML to a path or binary file."""
    write_xml(graphml_tree(actor_network(g, events_as=events_as)), dest)


def graphml_tree(view: NetworkView) -> etree._Element:
    """The ``<graphml>`` element of a projected network."""
    root = etree.Element(f"{{{NS}}}graphml", nsmap={None: NS, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", SCHEMA_LOCATION)
    for domain, attributes in (("node", view.node_attributes), ("edge", view.edge_attributes)):
        for name, typ in attributes.items():
            etree.SubElement(root, f"{{{NS}}}key", {
                "id": attribute_id(domain, name), "for": domain,
                "attr.name": name, "attr.type": typ,
            })
    graph = etree.SubElement(root, f"{{{NS}}}graph", id="G", edgedefault="directed")
    for node in view.nodes:
        el = etree.SubElement(graph, f"{{{NS}}}node", id=node.id)
        _data(el, "node", node.attrs)
    for edge in view.edges:
        el = etree.SubElement(graph, f"{{{NS}}}edge", id=edge.id,
                              source=edge.source, target=edge.target)
        _data(el, "edge", edge.attrs)
    return root


def _data(parent: etree._Element, domain: str, attrs: dict) -> None:
    for name, value in attrs.items():
        etree.SubElement(parent, f"{{{NS}}}data", key=attribute_id(domain, name)).text = \
            format_value(value)
