"""Casualty counts (extract/events/casualties.py), on hand-built parses (no model)."""

import pytest

from newsgraph.extract.events.casualties import _casualties, parse_number


@pytest.mark.parametrize("word, value", [("eleven", 11), ("26", 26), ("1,200", 1200), ("twenty-four", 24),
                                         ("dozen", 12), ("several", None), ("many", None)])
def test_parse_number(word, value):
    from rule_docs import parse

    doc = parse(f"{word} 0 ROOT NUM {word}")
    assert parse_number(doc[0]) == value


@pytest.mark.parametrize("lemma, event_class, expected", [
    ("kill", "kill", {"killed": 11}), ("wound", "injure", {"injured": 11}),
    ("attack", "attack", {"killed": 11}), ("arrest", "arrest", {})])
def test_the_class_column_says_what_a_count_counts(lemma, event_class, expected):
    from rule_docs import event, parse

    doc = parse(f"""
        Gunmen 1 nsubj  NOUN Gunmen
        {lemma} 1 ROOT  VERB {lemma}
        eleven 3 nummod NUM  eleven
        people 1 dobj   NOUN people
    """)
    ev = event(doc, 1, event_class)
    _casualties(ev, doc[1])
    assert ev.casualties == expected
