"""Every exporter writes the same bytes to a path as to a binary file object."""

from __future__ import annotations

import io

import pytest

from newsgraph.exports import FILES, FORMATS, destination
from newsgraph.graph.builder import build_graph
from test_graph_rdf import tiny_results


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_path_and_file_object_give_the_same_bytes(tmp_path, fmt):
    g = build_graph(tiny_results())
    path = tmp_path / f"out.{fmt}"
    FORMATS[fmt](g, path)
    buf = io.BytesIO()
    FORMATS[fmt](g, buf)
    assert path.read_bytes() == buf.getvalue() and buf.getvalue()


def test_every_file_has_a_known_format():
    assert set(FILES.values()) <= set(FORMATS)


def test_a_file_object_is_left_open_and_a_path_closed(tmp_path):
    buf = io.BytesIO()
    destination.write_bytes(b"x", buf)
    assert not buf.closed and buf.getvalue() == b"x"
    with destination.open_text(tmp_path / "t.txt") as write:
        write("caf\u00e9\n")
    assert (tmp_path / "t.txt").read_bytes() == "caf\u00e9\n".encode()

