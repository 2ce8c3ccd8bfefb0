"""``newsgraph serve``: the seed build behind Oxigraph's server, queried as SPARQL clients do."""

from __future__ import annotations

import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from conftest import start_server
from newsgraph.serve import is_loopback, prepare_store

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def served_build(seed_build, tmp_path_factory) -> Path:
    build = tmp_path_factory.mktemp("serve") / "out"
    shutil.copytree(seed_build, build)
    return build


@pytest.fixture(scope="module")
def server(served_build):
    url, proc = start_server(served_build)
    yield url, proc, served_build
    if proc.poll() is None:
        # SIGTERM, as a user or a service manager stops it: the server stops its Oxigraph child
        # (a SIGKILL would leave that child running after the tests)
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_sparqlwrapper_queries_the_set_union(server, seed_build):
    from SPARQLWrapper import JSON, SPARQLWrapper

    url, _, _ = server
    client = SPARQLWrapper(url)
    client.setReturnFormat(JSON)
    client.setQuery(COUNT)
    assert client.queryType == "SELECT"
    n = int(client.queryAndConvert()["results"]["bindings"][0]["n"]["value"])
    # The default graph holds each statement once: as many triples as graph.ttl.
    import pyoxigraph as ox
    assert n == len(set(ox.parse(path=str(seed_build / "graph.ttl"), format=ox.RdfFormat.TURTLE)))
    client.setQuery("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert int(client.queryAndConvert()["results"]["bindings"][0]["n"]["value"]) == 2  # the article, the background


def test_curl_gets_csv_and_an_update_is_refused(server):
    url, _, _ = server
    got = subprocess.run(["curl", "-s", "-H", "Accept: text/csv", "--data-urlencode", f"query={COUNT}", url],
                         capture_output=True, text=True, check=True).stdout.split()
    assert got[0] == "n" and int(got[1]) > 500
    update = url.removesuffix("query") + "update"
    status = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--data-urlencode",
                             "update=INSERT DATA { <urn:a> <urn:b> <urn:c> }", update],
                            capture_output=True, text=True).stdout
    assert status.startswith("4")  # refused: the server is read-only
    again = subprocess.run(["curl", "-s", "-H", "Accept: text/csv", "--data-urlencode",
                            "query=ASK { <urn:a> <urn:b> <urn:c> }", url], capture_output=True, text=True).stdout
    assert "false" in again.lower()


def test_ctrl_c_stops_the_server_cleanly(served_build):
    url, proc = start_server(served_build)  # its own: the other tests' server keeps running
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=20) == 0
    assert "stopped" in proc.stdout.read()
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    time.sleep(0.2)
    import socket
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()


def test_the_store_is_reused_until_the_build_changes(seed_build, tmp_path):
    build = tmp_path / "out"
    shutil.copytree(seed_build, build)
    store = prepare_store(build)
    stamp = (store / "newsgraph-stamp.txt").read_text()
    mtime = (store / "newsgraph-stamp.txt").stat().st_mtime_ns
    assert prepare_store(build) == store and (store / "newsgraph-stamp.txt").stat().st_mtime_ns == mtime
    with open(build / "graph.ttl", "a") as fh:
        fh.write("<urn:x> <urn:y> <urn:z> .\n")
    prepare_store(build)
    assert (store / "newsgraph-stamp.txt").read_text() != stamp


def test_a_folder_without_a_build_is_one_line(tmp_path, capsys):
    from newsgraph.cli import main

    assert main(["serve", str(tmp_path), "--port", "0"]) == 1
    assert "no graph.nq and graph.ttl" in capsys.readouterr().err


@pytest.mark.parametrize("host, loopback", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                            ("0.0.0.0", False), ("192.0.2.1", False)])
def test_only_loopback_hosts_go_without_a_warning(host, loopback):
    assert is_loopback(host) is loopback


def test_cli_warns_when_serving_beyond_this_machine(seed_build, tmp_path, monkeypatch, capsys):
    import newsgraph.serve as s

    monkeypatch.setattr(s, "prepare_store", lambda *a, **k: (_ for _ in ()).throw(KeyboardInterrupt))
    with pytest.raises(KeyboardInterrupt):
        s.serve(Path(seed_build), host="0.0.0.0", port=1)
    assert "reachable from other machines" in capsys.readouterr().err
