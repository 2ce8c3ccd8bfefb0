"""Regression guard: the development sets must not score below the floors kept in the repo."""

import json
from pathlib import Path

import pytest

from conftest import SHARED_EVAL

pytestmark = [pytest.mark.model,
              pytest.mark.skipif(not SHARED_EVAL.is_dir(), reason="../shared/eval is not present")]

FLOORS = Path(__file__).with_name("quality_floors.json")
SEED_GOLD = SHARED_EVAL / "st-petersburg-bombing.gold.json"


def _get(result: dict, path: str) -> float:
    node = result
    for part in path.split("/"):
        node = node[part]
    return float(node)


def test_development_sets_stay_above_their_floors(tmp_path):
    from newsgraph.cli import main
    from newsgraph.evaluate import evaluate

    seeds = SHARED_EVAL.parent / "seeds"
    out = tmp_path / "dev"
    assert main(["build", str(seeds), str(SHARED_EVAL / "gum_news"), str(SHARED_EVAL / "wikievents"),
                 "-o", str(out), "-q"]) == 0
    result = evaluate([SEED_GOLD, SHARED_EVAL / "gum_news", SHARED_EVAL / "wikievents"], out)
    floors = {k: v for k, v in json.loads(FLOORS.read_text()).items() if not k.startswith("_")}
    below = {k: (round(_get(result, k), 3), v) for k, v in floors.items() if _get(result, k) < v}
    assert not below, f"figures below their floors (got, floor): {below}"
