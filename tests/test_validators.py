"""The seed build checked by tools we did not write (skipped where a tool is not installed)."""

import os
import shutil
import subprocess

import pytest

from conftest import ROOT

pytestmark = pytest.mark.model
SCHEMAS = ROOT.parent / "shared" / "schemas" / "graphml"


def _need(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (.ci/run installs it with apt-get)")


@pytest.mark.parametrize("name, syntax", [("graph.ttl", "turtle"), ("graph.nq", "nquads")])
def test_rapper_accepts_the_rdf(seed_build, name, syntax):
    _need("rapper")
    proc = subprocess.run(["rapper", "-q", "-i", syntax, "-c", str(seed_build / name)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "error" not in proc.stderr.lower()


def test_graphml_passes_the_xsd(seed_build):
    _need("xmllint")
    if not (SCHEMAS / "graphml.xsd").is_file():
        pytest.skip("../shared/schemas/graphml is not present")
    env = dict(os.environ, XML_CATALOG_FILES=str(SCHEMAS / "catalog.xml"))
    proc = subprocess.run(["xmllint", "--noout", "--nonet", "--schema", str(SCHEMAS / "graphml.xsd"),
                           str(seed_build / "graph.graphml")], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
