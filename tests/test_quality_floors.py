"""Regression guard: the development sets must not score below the floors kept in the repo."""

import json
from pathlib import Path

import pytest

from conftest import ROOT, SHARED_EVAL

pytestmark = [pytest.mark.model,
              pytest.mark.skipif(not SHARED_EVAL.is_dir(), reason="../shared/eval is not present")]

FLOORS = Path(__file__).with_name("quality_floors.json")
SEED_GOLD = SHARED_EVAL / "st-petersburg-bombing.gold.json"


def _get(result: dict, path: str) -> float:
    node = result
    for part in path.split("/"):
        node = node[part]
    return float(node)


def _micro(per_file: dict) -> dict:
    """Summed counts over graph-level gold files, as P/R/F1 per figure."""
    out = {}
    for figure in ("entities", "events", "relations"):
        tp, fp, fn = (sum(f[figure][k] for f in per_file.values()) for k in ("tp", "fp", "fn"))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out[figure] = {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
    return out


def test_development_sets_stay_above_their_floors(tmp_path):
    from newsgraph.cli import main
    from newsgraph.evaluate import evaluate

    seeds = SHARED_EVAL.parent / "seeds"
    out = tmp_path / "dev"
    assert main(["build", str(seeds), str(SHARED_EVAL / "gum_news"), str(SHARED_EVAL / "wikievents"),
                 "-o", str(out), "-q"]) == 0
    result = evaluate([SEED_GOLD, SHARED_EVAL / "gum_news", SHARED_EVAL / "wikievents"], out)
    # The project's own annotated articles: micro totals over their graph-level figures.
    for name in ("heldout", "heldout2", "heldout3", "heldout4"):
        folder = ROOT / "eval" / name
        assert main(["build", str(folder), "-o", str(tmp_path / name), "-q"]) == 0
        result[name] = _micro(evaluate(sorted(folder.glob("*.gold.json")), tmp_path / name)["graph"])
    floors = {k: v for k, v in json.loads(FLOORS.read_text()).items() if not k.startswith("_")}
    below = {k: (round(_get(result, k), 3), v) for k, v in floors.items() if _get(result, k) < v}
    assert not below, f"figures below their floors (got, floor): {below}"
