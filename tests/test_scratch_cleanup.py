"""Scratch files of a build that is stopped: SIGTERM removes them (and exits 143), and what
a SIGKILL leaves is removed by the next build into the same folder, never the scratch of a
build still running; the previous output stays until the new one is complete."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from newsgraph.exports import SCRATCH_PREFIX, _HOST, remove_leftovers, scratch_dir, scratch_file, write_all
from newsgraph.graph.builder import build_graph
from test_graph_rdf import tiny_results

ARTICLE = ("Putin meets Erdogan in Sochi\n\nRussian President Vladimir Putin met Turkish President "
           "Recep Tayyip Erdogan in Sochi on Monday. Erdogan said Ankara would keep talking to Moscow.\n")

# A real build through the CLI whose GEXF writer stops for a while once the files before it
# (graph.ttl, graph.nq, graph.jsonld, graph.graphml) are written to their temporary names:
# the moment a signal is sent.
SLOW_EXPORT = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from newsgraph import exports
    from newsgraph.cli import main

    flag = Path(sys.argv[1])
    real = exports.EXPORTERS["graph.gexf"]

    def slow(g, dest, **opts):
        real(g, dest, **opts)
        flag.write_text(str(os.getpid()))
        time.sleep(300)

    exports.EXPORTERS["graph.gexf"] = slow
    sys.exit(main(sys.argv[2:]))
""")


def _scratch(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.startswith(SCRATCH_PREFIX))


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", ""])
    proc.wait()
    return proc.pid


def _start_slow_build(tmp_path: Path, out: Path, *extra: str) -> tuple[subprocess.Popen, Path]:
    """The slow build of one small article into ``out``, stopped in its export."""
    src = tmp_path / "in"
    src.mkdir(exist_ok=True)
    (src / "a1-summit.txt").write_text(ARTICLE, "utf-8")
    flag = tmp_path / "exporting"
    proc = subprocess.Popen([sys.executable, "-c", SLOW_EXPORT, str(flag), "build", str(src), "-o", str(out),
                             "-q", *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    while not flag.exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"the build did not reach its export: {proc.communicate()[1]}")
        time.sleep(0.1)
    return proc, src


@pytest.fixture()
def previous(tmp_path, seed_build) -> Path:
    """An output folder holding a finished build (the seed's), as before a new build."""
    out = tmp_path / "out"
    shutil.copytree(seed_build, out)
    return out


def test_leftovers_of_dead_processes_go_and_others_stay(tmp_path):
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        dead, alive, me = _dead_pid(), sleeper.pid, os.getpid()
        names = {
            "dead file": f"{SCRATCH_PREFIX}{dead}-{_HOST}-graph.ttl-abc.tmp",
            "dead folder": f"{SCRATCH_PREFIX}{dead}-{_HOST}-rdf-abc",
            "running build": f"{SCRATCH_PREFIX}{alive}-{_HOST}-graph.ttl-abc.tmp",
            "this process": f"{SCRATCH_PREFIX}{me}-{_HOST}-rdf-abc",
            "another machine": f"{SCRATCH_PREFIX}{dead}-0123abcd-graph.nq-abc.tmp",
            "not a pid": f"{SCRATCH_PREFIX}x-{_HOST}-graph.nq-abc.tmp",
            "pid 0": f"{SCRATCH_PREFIX}0-{_HOST}-graph.nq-abc.tmp",
            "the user's": ".graph.ttl.abc.tmp",
        }
        for what, name in names.items():
            if what.endswith("folder") or what == "this process":
                (tmp_path / name).mkdir()
                (tmp_path / name / "q.0").write_text("x")
            else:
                (tmp_path / name).write_text("x")
        assert sorted(remove_leftovers(tmp_path)) == sorted([names["dead file"], names["dead folder"]])
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            n for w, n in names.items() if not w.startswith("dead"))
    finally:
        sleeper.kill()
        sleeper.wait()


def test_scratch_names_say_whose_they_are(tmp_path):
    fd, path = scratch_file(tmp_path, "graph.ttl")
    os.close(fd)
    folder = scratch_dir(tmp_path, "rdf")
    try:
        for name in (Path(path).name, Path(folder.name).name):
            assert name.startswith(f"{SCRATCH_PREFIX}{os.getpid()}-{_HOST}-")
        assert remove_leftovers(tmp_path) == []  # ours: this process runs
    finally:
        folder.cleanup()


def test_a_build_removes_leftovers_in_its_output_folder(tmp_path):
    dead = _dead_pid()
    (tmp_path / f"{SCRATCH_PREFIX}{dead}-{_HOST}-rdf-x").mkdir()
    (tmp_path / f"{SCRATCH_PREFIX}{dead}-{_HOST}-rdf-x" / "graph.nq").write_text("x")
    (tmp_path / f"{SCRATCH_PREFIX}{dead}-{_HOST}-graph.ttl-y.tmp").write_text("x")
    write_all(build_graph(tiny_results()), tmp_path)
    assert _scratch(tmp_path) == []
    assert (tmp_path / "graph.ttl").stat().st_size > 0


@pytest.mark.model
def test_sigterm_during_export_removes_scratch_and_keeps_the_previous_files(tmp_path, previous):
    before = _files(previous)
    proc, _ = _start_slow_build(tmp_path, previous)
    assert _scratch(previous)  # the new files are being written beside the old ones
    assert _files(previous).keys() - before.keys() == {n for n in _scratch(previous) if n.endswith(".tmp")}
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143
    assert err.strip().splitlines()[-1] == "newsgraph: terminated"
    assert _scratch(previous) == []
    assert _files(previous) == before  # nothing already written is lost or half-replaced


@pytest.mark.model
def test_scratch_left_by_sigkill_goes_at_the_next_build(tmp_path, previous):
    before = _files(previous)
    proc, src = _start_slow_build(tmp_path, previous)
    proc.kill()
    proc.communicate(timeout=60)
    left = _scratch(previous)
    assert left and all(n.startswith(f"{SCRATCH_PREFIX}{proc.pid}-") for n in left)
    assert any((previous / n).is_dir() for n in left)  # the sorted RDF files
    assert {k: v for k, v in _files(previous).items() if k in before} == before
    from newsgraph.cli import main

    assert main(["build", str(src), "-o", str(previous), "-q"]) == 0
    assert _scratch(previous) == []
    assert b"Erdogan" in (previous / "graph.ttl").read_bytes()


@pytest.mark.model
def test_sigterm_and_sigkill_of_a_store_build_leave_no_scratch_behind(tmp_path):
    """With --store the sorted RDF files are in the store's scratch/: SIGTERM removes them;
    after SIGKILL, the next build removes them as soon as it opens the store."""
    out, store = tmp_path / "out", tmp_path / "store"
    proc, src = _start_slow_build(tmp_path, out, "--store", str(store))
    assert _scratch(store / "scratch")
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    assert _scratch(store) == [] and _scratch(out) == []
    assert not (out / "graph.ttl").exists()  # no output of a build that did not finish

    (tmp_path / "exporting").unlink()
    proc, _ = _start_slow_build(tmp_path, out, "--store", str(store))
    proc.kill()
    proc.communicate(timeout=60)
    assert _scratch(store / "scratch") and _scratch(out)
    from newsgraph.cli import main

    assert main(["build", str(src), "-o", str(out), "--store", str(store), "-q"]) == 0
    assert _scratch(store) == [] and _scratch(out) == [] and not (store / "scratch").exists()
