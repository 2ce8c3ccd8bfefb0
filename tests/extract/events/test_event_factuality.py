"""Factuality and dates (extract/events/factuality.py).

Moved from tests/test_extract_rules.py: synthetic sentences through the real model, with
tolerant assertions (the small model's parse is not perfect)."""

import pytest

from conftest import extract_text

pytestmark = pytest.mark.model


def rels(result):
    return {(r.subject, r.predicate, r.object) for r in result.relations}


def events_of(result, cls):
    return [e for e in result.events if e.event_class == cls]


def test_negated_and_hypothetical_events_give_no_relations(nlp):
    r = extract_text(nlp, "Germany did not attack Poland. If Russia attacked Estonia, NATO would respond.")
    got = rels(r)
    assert not any(s == "germany" for s, _, _ in got)
    assert not any(s == "russia" for s, _, _ in got)
    facts = {e.factuality for e in r.events if e.event_class == "attack"}
    assert "negated" in facts and "hypothetical" in facts


def test_relative_dates_use_the_publication_date(nlp):
    r = extract_text(nlp, "The Saudi intervention in Yemen began two years ago.", date="2017-03-10")
    inter = [e for e in r.events if "intervention" in {t.text for t in e.triggers}]
    assert inter and inter[0].date == "2015-03"


def test_would_not_is_hypothetical_not_negated(nlp):
    r = extract_text(nlp, "Ankara said Turkey would not hesitate to strike Syrian forces again.")
    strikes = [e for e in r.events if e.cameo and e.cameo.startswith("19")]
    assert strikes and strikes[0].factuality == "hypothetical"
    assert not r.relations or all(rel.predicate != "attacks" for rel in r.relations)


def test_reported_would_is_a_future_promise_not_a_possibility(nlp):
    r = extract_text(nlp, "Officials said Canada would donate 40 million dollars to Haiti. "
                          "Analysts said Peru would have sent aid to Ecuador if asked.")
    aid = events_of(r, "aid")
    by_agent = {k: ev for ev in aid for role, k in ev.roles if role == "agent"}
    assert by_agent["canada"].factuality == "future"
    assert by_agent["peru"].factuality == "hypothetical"
    # A done act it is not, but the promise was made: CAMEO 033, express intent to provide aid.
    pledges = [x for x in r.relations if x.subject == "canada" and x.object == "haiti"]
    assert pledges and all(x.cameo == "033" and x.predicate == "pledgesTo" for x in pledges)
    assert not any(x.subject == "peru" for x in r.relations)


def test_presupposed_event_nouns_and_more_triggers(nlp):
    r = extract_text(nlp, "Canada urged Peru to condemn Bolivia's invasion more clearly. Norway would keep "
                          "pressing both sides to withdraw. Japan said it would give 5 million dollars to "
                          "UNICEF. The United States suspended its strategic partnership with Nicaragua "
                          "after weeks of protests.")
    invasion = [e for e in r.events if any(t.text == "invasion" for t in e.triggers)]
    # The invasion is not urged, it is presupposed: asserted, with its code.
    assert invasion and invasion[0].factuality == "asserted" and invasion[0].cameo
    classes = {e.event_class for e in r.events}
    assert {"demand", "aid", "reduce_relations", "protest"} <= classes


def test_only_conflict_nouns_are_presupposed(nlp):
    r = extract_text(nlp, "The two sides will discuss the release of detainees next week.")
    release = events_of(r, "release")
    assert release and release[0].factuality == "future"  # so it has no ng:cameoCode in the graph
