"""Participants from context (extract/events/context.py): a clash told without its parties
takes the article's belligerents, with a lower confidence."""

import pytest

from conftest import extract_text

pytestmark = pytest.mark.model


def _clashes(r, word):
    return [e for e in r.events if e.event_class == "fight" and any(t.text == word for t in e.triggers)]


def test_a_partyless_clash_takes_the_articles_belligerents(nlp):
    r = extract_text(nlp, "Ethiopia and Eritrea exchanged artillery fire along the border on Monday. "
                          "Eritrea shelled Ethiopian villages near Zalambessa. The fighting resumed on "
                          "Tuesday, officials said.")
    told = _clashes(r, "exchanged")[0]
    inferred = _clashes(r, "fighting")[0]
    assert {k for role, k in inferred.roles if role == "participant"} == {"ethiopia", "eritrea"}
    assert inferred.confidence < told.confidence  # the parties are inferred, not read


def test_without_belligerents_a_clash_stays_partyless(nlp):
    r = extract_text(nlp, "Heavy fighting broke out in the capital on Sunday. The UN urged calm.")
    assert all(not e.roles for e in _clashes(r, "fighting"))


def test_a_blockade_or_occupation_does_not_make_belligerents(nlp):
    # Occupation is a state imposed on a party, not an exchange of fire: the clash keeps no parties.
    r = extract_text(nlp, "The United States occupied Iraq in 2003. Fighting broke out in Basra on Friday.")
    assert all(not e.roles for e in _clashes(r, "Fighting"))


def test_who_joins_a_fight_or_boycott_takes_part_in_it(nlp):
    r = extract_text(nlp, "Chad joined the boycott of the summit. British troops joined the fighting in Basra.")
    assert any(("agent", "chad") in e.roles for e in r.events if e.event_class == "sanction")
    assert any(("participant", "united_kingdom") in e.roles for e in _clashes(r, "fighting"))
