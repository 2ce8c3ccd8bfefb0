"""``nodes.csv`` and ``edges.csv``: the actor/place network as Gephi's spreadsheet tables.

The same projection as GraphML and GEXF (:func:`newsgraph.exports.network.actor_network`),
spelled as the two tables Gephi's *Import Spreadsheet* reads
(https://gephi.org/users/supported-graph-formats/spreadsheet/):

* ``nodes.csv``: ``Id``, ``Label``, then one column per node attribute (``category``,
  ``mentions``, ``degree``, ``first_date``, ``last_date``, ``lat``, ``lng``, ...);
* ``edges.csv``: ``Source``, ``Target``, ``Type`` (always ``Directed``), ``Id``,
  ``Label``, ``Weight`` (supporting mentions), ``Kind`` (the relation: Gephi's edge
  type, which keeps parallel edges of different relations apart), then one column per
  edge attribute (``relation``, ``cameo``, ``quad_class``, ``goldstein``, ...).

Gephi matches ``Id``, ``Label``, ``Source``, ``Target``, ``Type``, ``Kind`` and
``Weight`` case-insensitively; every other column becomes an attribute.  When some
node or edge is dated, a ``timeset`` column (Gephi's own name for it) holds its
closed interval, ``<[2017-04-03,2017-04-05]>``, for the timeline.  Colours and
sizes are not columns: the spreadsheet importer does not read them.

UTF-8 without BOM, comma-separated, ``\\n`` line ends, quotes only where needed;
unknown values are empty cells.  Same network, same bytes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping

import networkx as nx

from .destination import Destination, write_bytes
from .network import EdgeView, NetworkView, NodeView, actor_network, format_value

# Values the GraphML/GEXF files carry as drawing hints, not as data.
_VIZ = frozenset({"r", "g", "b", "size"})


def write_nodes_csv(g: nx.MultiDiGraph, dest: Destination, *, events_as: str = "auto") -> None:
    """Write the node table of ``g``'s actor/place network."""
    write_bytes(nodes_csv(actor_network(g, events_as=events_as)), dest)


def write_edges_csv(g: nx.MultiDiGraph, dest: Destination, *, events_as: str = "auto") -> None:
    """Write the edge table of ``g``'s actor/place network."""
    write_bytes(edges_csv(actor_network(g, events_as=events_as)), dest)


def nodes_csv(view: NetworkView) -> bytes:
    columns = [n for n in view.node_attributes if n != "label" and n not in _VIZ]
    header = ["Id", "Label", *(["timeset"] if view.dynamic else []), *columns]
    rows = ([n.id, n.attrs.get("label", ""), *_timeset(n, view.dynamic), *_cells(n.attrs, columns)]
            for n in view.nodes)
    return _table(header, rows)


def edges_csv(view: NetworkView) -> bytes:
    columns = [n for n in view.edge_attributes if n not in ("label", "weight")]
    header = ["Source", "Target", "Type", "Id", "Label", "Weight", "Kind",
              *(["timeset"] if view.dynamic else []), *columns]
    rows = ([e.source, e.target, "Directed", e.id, e.attrs.get("label", ""),
             format_value(e.attrs.get("weight", 1.0)), e.kind, *_timeset(e, view.dynamic),
             *_cells(e.attrs, columns)]
            for e in view.edges)
    return _table(header, rows)


def _timeset(item: NodeView | EdgeView, dynamic: bool) -> list[str]:
    if not dynamic:
        return []
    return [f"<[{item.start},{item.end}]>" if item.start and item.end else ""]


def _cells(attrs: Mapping[str, object], columns: list[str]) -> list[str]:
    return [format_value(attrs[c]) if c in attrs else "" for c in columns]  # type: ignore[arg-type]


def _table(header: list[str], rows: Iterable[list[str]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")

