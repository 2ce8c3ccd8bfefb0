"""Targets through other events (extract/events/acts.py).

Moved from tests/test_extract_rules.py: synthetic sentences through the real model, with
tolerant assertions (the small model's parse is not perfect)."""

import pytest

from conftest import events_of, extract_text, rels

pytestmark = pytest.mark.model


def test_a_reply_targets_whoever_made_the_act_it_answers(nlp):
    r = extract_text(nlp, "Prime Minister Rhea Lind urged Kenya to lift the ban. Kenya turned down the request.")
    reject = events_of(r, "reject")
    assert reject and ("target", "rhea_lind") in reject[0].roles
    # Kenya is whom she urged, not the state she leads.
    assert ("rhea_lind", "leaderOf", "kenya") not in rels(r)
