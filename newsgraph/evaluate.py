"""Score a built graph against the development gold sets (shared ``eval/README.md``).

The README's rules are implemented literally.  The prediction is read only through SPARQL over
its RDF (CONTRACT.md), the route a user's tooling takes, so the scorer checks the public output
and not the project's internals.

Conventions where the README is silent:

* P, R, F1, type accuracy, roles and arguments recall with a zero denominator are 0.0, never
  1.0: an empty prediction earns nothing, an empty gold set rewards nothing.
* Names also have runs of white space folded; a leading "the" and a trailing "'s" are stripped
  once each.

The command is ``newsgraph eval GOLD ... --pred DIR [--json] [--explain]``.  The scorer's parts:
:mod:`newsgraph.scoring_prediction` (what is read from the prediction),
:mod:`newsgraph.scoring` (name and mention rules, one-to-one matching, figures),
:mod:`newsgraph.scoring_graph` (graph-level gold) and :mod:`newsgraph.scoring_mentions`
(mention-level gold).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from newsgraph.errors import EvalError
from newsgraph.graph.iri import PREFIXES
from newsgraph.scoring import ratio, sum_figures
from newsgraph.scoring_graph import score_graph
from newsgraph.scoring_mentions import score_mentions
from newsgraph.scoring_prediction import NG, SCHEMA, SEM, Prediction, load_prediction

# Importable from here as before (scripts/baseline.py writes RDF in the contract's namespaces).
__all__ = ["NG", "PREFIXES", "SCHEMA", "SEM", "evaluate", "load_prediction", "render_explain",
           "render_table"]

GRAPH_FIGURES = ("entities", "events", "relations")
MENTION_FIGURES = ("mentions", "nodes", "events")


def _gold_files(paths: Sequence[str | Path]) -> Iterator[tuple[Path, str, dict]]:
    """(path, set name, content) of each gold file; folders are searched recursively, sorted.

    A graph-level file is its own set; a mention-level file belongs to the folder given on the
    command line, or to its parent folder when given alone.
    """
    for root in map(Path, paths):
        if root.is_dir():
            files = sorted(root.rglob("*.json"))
        elif root.is_file():
            files = [root]
        else:
            raise EvalError(f"{root}: gold file or folder not found")
        for path in files:
            try:
                content = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as err:
                raise EvalError(f"{path}: cannot read gold JSON: {err}") from err
            if not isinstance(content, dict) or not ("document" in content or "doc_id" in content):
                raise EvalError(f"{path}: neither graph-level (document) nor mention-level (doc_id) gold")
            set_name = path.name if "document" in content else (root if root.is_dir() else path.parent).name
            yield path, set_name, content


def evaluate(gold_paths: Sequence[str | Path], pred: str | Path) -> dict:
    """Score a prediction (build DIR or RDF file) against gold files or folders of them.

    Returns README's ``newsgraph eval --json`` object, plus ``"explain"``: per document its
    false positives, duplicates and misses, and for mention-level documents their set and
    per-event argument recalls.
    """
    prediction = Prediction(load_prediction(pred))
    result: dict[str, Any] = {
        "graph": {},
        "mention": {},
        "mention_micro": {},
        "explain": {"graph": {}, "mention": {}},
    }
    recalls: list[float] = []
    for path, set_name, gold in _gold_files(gold_paths):
        if "document" in gold:
            result["graph"][path.name], result["explain"]["graph"][path.name] = score_graph(gold, prediction)
        else:
            figures, explain = score_mentions(gold, prediction)
            result["mention"][gold["doc_id"]] = figures
            result["explain"]["mention"][gold["doc_id"]] = {"set": set_name} | explain
            recalls += explain.get("arguments", {}).get("recalls", [])
    docs = result["mention"].values()
    result["mention_micro"] = {k: sum_figures(d[k] for d in docs if k in d) for k in MENTION_FIGURES}
    # The mean, over matched gold events with scored arguments, of the share of them found.
    result["mention_micro"]["arguments_recall_mean"] = ratio(sum(recalls), len(recalls))
    return result


def render_table(result: dict) -> str:
    """Plain-text table: each graph-level file, each mention-level set, and micro totals.

    Sets come from ``result["explain"]``; without it all mention-level documents form one set.
    """
    # The set column is as wide as the longest gold file name needs (34 at least).
    width = max([34, *(len(name) + 2 for name in result.get("graph", {}))])
    rows = [f"{'set':<{width}}{'figure':<11}{'P':>6}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]

    def add(title: str, figures: dict[str, dict], notes: dict[str, str]) -> None:
        for n, (name, f) in enumerate(figures.items()):
            row = f"{title if n == 0 else '':<{width}}{name:<11}{f['p']:>6.3f}{f['r']:>7.3f}{f['f1']:>7.3f}"
            rows.append(
                f"{row}{f['tp']:>6}{f['fp']:>6}{f['fn']:>6}" + (f"  {notes[name]}" if name in notes else "")
            )

    graph = result.get("graph", {})
    for name, f in graph.items():
        notes = {
            "entities": f"type acc {f['entities']['type_acc']:.3f}",
            "events": f"roles recall {f['events']['roles_recall']:.3f}",
        }
        add(name, f, notes)
    if len(graph) > 1:
        add(
            f"graph-level total ({len(graph)} files)",
            {k: sum_figures(f[k] for f in graph.values()) for k in GRAPH_FIGURES},
            {},
        )

    mention, explain = result.get("mention", {}), result.get("explain", {}).get("mention", {})
    sets: dict[str, list[str]] = defaultdict(list)
    for doc_id in mention:
        sets[explain.get(doc_id, {}).get("set", "mention-level")].append(doc_id)
    for name, ids in sets.items():
        docs = [mention[d] for d in ids]
        figures = {
            k: sum_figures(d[k] for d in docs if k in d)
            for k in MENTION_FIGURES
            if any(k in d for d in docs)
        }
        recalls = [r for d in ids for r in explain.get(d, {}).get("arguments", {}).get("recalls", [])]
        notes = (
            {"events": f"arguments recall {ratio(sum(recalls), len(recalls)):.3f}"}
            if "events" in figures
            else {}
        )
        add(f"{name} ({len(docs)} docs)", figures, notes)
    if len(sets) > 1:
        micro = result["mention_micro"]
        notes = {"events": f"arguments recall {micro['arguments_recall_mean']:.3f}"}
        add(f"mention-level micro ({len(mention)} docs)", {k: micro[k] for k in MENTION_FIGURES}, notes)
    return "\n".join(rows)


def render_explain(result: dict) -> str:
    """Per document, one line per false positive, duplicate and miss of each figure."""
    out = []
    for level in ("graph", "mention"):
        for doc, parts in result.get("explain", {}).get(level, {}).items():
            out.append(f"== {doc}" + (f" ({parts['set']})" if "set" in parts else ""))
            for figure, lists in parts.items():
                if figure != "set":
                    for what, items in lists.items():
                        if what != "recalls":
                            out += [f"  {figure} {what.replace('_', ' ')}: {item}" for item in items]
    return "\n".join(out)
