"""Calibrated relation confidences (extract/relations/evidence.py, data/relation_precision.tsv)."""

from newsgraph.extract import lexicon
from newsgraph.extract.relations.evidence import calibrated, measured_precision
from newsgraph.graph.model import RelationRecord, Span


def _rel(predicate: str, confidence: float) -> RelationRecord:
    return RelationRecord("a", predicate, "b", Span(0, 1, "x"), confidence)


def test_the_table_is_consistent():
    for row in lexicon.rows(lexicon.RELATION_PRECISION):
        correct, scored = int(row["correct"]), int(row["scored"])
        assert 0 <= correct <= scored and scored >= 8
        assert abs(float(row["precision"]) - correct / scored) < 0.001


def test_small_samples_are_smoothed_and_cap_the_rule_confidence():
    prec = measured_precision()
    assert all(0 < p < 1 for p in prec.values())  # never a certainty, never nothing
    some = next(iter(prec))
    assert calibrated(_rel(some, 0.99)).confidence == prec[some]
    assert calibrated(_rel(some, 0.01)).confidence == 0.01  # a rule's own doubt stays
    assert calibrated(_rel("notMeasured", 0.42)).confidence == 0.42
