"""Measured precision of each relation predicate on the graph-level development sets, the
figure the relation confidences are calibrated to (issue 14: "a rule's confidence is its
measured precision on the development sets").

    .venv/bin/python benchmarks/relation_precision.py            # print the table
    .venv/bin/python benchmarks/relation_precision.py --write    # and rewrite extract/data/relation_precision.tsv

Builds the seed, eval/dev/wikinews and eval/heldout* (graph-level gold), matches every
predicted relation as ``newsgraph eval`` does (newsgraph/scoring_graph.py), and counts per
predicate the relations that match a gold relation and those that match none. Relations that
match an optional gold relation, or one already taken, count neither way (as in the scorer).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "extract" / "data" / "relation_precision.tsv"
SETS = [(ROOT / "seeds", [ROOT / "eval/dev/seed/st-petersburg-bombing.gold.json"]),
        (ROOT / "eval/dev/wikinews", None)] + [(ROOT / "eval" / n, None) for n in
                                              ("heldout", "heldout2", "heldout3", "heldout4")]
# Fewer scored relations than this and the predicate keeps its rule's own confidence.
MIN_SCORED = 8


def _counts(folder: Path, golds: list[Path], out: Path) -> tuple[Counter, Counter]:
    from newsgraph.cli import main
    from newsgraph.scoring_graph import _match_relations, _match_entities, _unique_relations
    from newsgraph.scoring_prediction import Prediction, load_prediction

    if main(["build", str(folder), "-o", str(out), "-q"]) != 0:
        sys.exit(f"build of {folder} failed")
    pred = Prediction(load_prediction(out))
    right, wrong = Counter(), Counter()
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = pred.doc(gold["document"])
        em, _ = _match_entities(pred, doc, gold.get("entities", []))
        key = {e.iri: gold["entities"][i]["key"] for e, i in em.links}
        rm = _match_relations(pred, doc, _unique_relations(gold.get("relations", [])), key)
        for rel, _ in rm.links:
            right[rel.predicate.rsplit("#", 1)[-1].rsplit("/", 1)[-1]] += 1
        for rel in rm.false_positives:
            wrong[rel.predicate.rsplit("#", 1)[-1].rsplit("/", 1)[-1]] += 1
    return right, wrong


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", action="store_true", help=f"rewrite {TABLE.relative_to(ROOT)}")
    args = ap.parse_args(argv)
    right, wrong = Counter(), Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for i, (folder, golds) in enumerate(SETS):
            r, w = _counts(folder, golds or sorted(folder.glob("*.gold.json")), Path(tmp) / str(i))
            right.update(r)
            wrong.update(w)
    rows = []
    for p in sorted(set(right) | set(wrong)):
        n = right[p] + wrong[p]
        rows.append((p, right[p], n, right[p] / n))
        print(f"{p:24} {right[p]:4d}/{n:<4d} precision {right[p] / n:.3f}")
    if args.write:
        lines = ["# Measured precision of each relation predicate on the graph-level development sets",
                 "# (seed, eval/dev/wikinews, eval/heldout*), written by benchmarks/relation_precision.py.",
                 f"# Predicates with fewer than {MIN_SCORED} scored relations are left out: they keep their",
                 "# rule's confidence. Columns: predicate, correct, scored, precision.",
                 "predicate\tcorrect\tscored\tprecision"]
        lines += [f"{p}\t{c}\t{n}\t{prec:.3f}" for p, c, n, prec in rows if n >= MIN_SCORED]
        TABLE.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {TABLE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
