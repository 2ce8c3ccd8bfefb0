"""What every standing relation carries besides its triple: the quote it was read from and
how far the rule that read it is trusted."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Token

from newsgraph.graph.model import RelationRecord
from newsgraph.graph.model import Span as TextSpan

from .. import lexicon
from ..doccache import text as doc_text

# Confidence of each standing-relation rule (how often the pattern is right in news text).
TITLE_CONFIDENCE = {"compound": 0.9, "appos": 0.8, "copula": 0.75, "of": 0.7, "context": 0.5}


def _covering(doc: Doc, tokens: list[Token]) -> TextSpan:
    """The text from the first to the end of the last of ``tokens``: a relation's evidence."""
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return TextSpan(start, end, doc_text(doc)[start:end])


@cache
def measured_precision() -> dict[str, float]:
    """Predicate -> its measured precision on the graph-level development sets
    (``data/relation_precision.tsv``, written by benchmarks/relation_precision.py), smoothed by
    the rule of succession, (correct + 1) / (scored + 2): 8 right of 8 is 0.9, not a certainty."""
    return {row["predicate"]: round((int(row["correct"]) + 1) / (int(row["scored"]) + 2), 3)
            for row in lexicon.rows(lexicon.RELATION_PRECISION)}


def calibrated(rel: RelationRecord) -> RelationRecord:
    """A relation whose confidence is no higher than its predicate's measured precision: a rule
    says how sure it is of its reading, the measurement caps what that reading is worth."""
    cap = measured_precision().get(rel.predicate)
    return rel if cap is None or rel.confidence <= cap else replace(rel, confidence=cap)
