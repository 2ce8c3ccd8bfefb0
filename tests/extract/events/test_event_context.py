"""Participants from context (extract/events/context.py): a clash told without its parties
takes the article's belligerents, with a lower confidence."""

import pytest

from conftest import extract_text, rels

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


def test_an_act_said_to_go_on_takes_the_parties_of_the_act_just_told(nlp):
    r = extract_text(nlp, "Thousands of farmers protested against the Indian government in Delhi on Sunday. "
                          "Protests resumed on Monday.")
    resumed = [e for e in r.events if any(t.text == "Protests" for t in e.triggers)]
    told = [e for e in r.events if any(t.text == "protested" for t in e.triggers)]
    assert resumed and ("target", "india") in resumed[0].roles
    assert resumed[0].confidence < told[0].confidence  # read from the article, not the sentence


def test_an_act_goes_on_only_from_a_recent_one_of_its_kind(nlp):
    # Three sentences on, and of another kind: the talks do not take the protest's parties.
    r = extract_text(nlp, "Farmers protested against the Indian government in Delhi on Sunday. "
                          "The weather was cold. Trains were late. Shops were shut. Protests resumed on Monday. "
                          "Talks continued on Tuesday.")
    resumed = [e for e in r.events if any(t.text == "Protests" for t in e.triggers)]
    talks = [e for e in r.events if any(t.text == "Talks" for t in e.triggers)]
    assert resumed and not any(k == "india" for _, k in resumed[0].roles)
    assert all(not any(k == "india" for _, k in e.roles) for e in talks)


def test_an_armed_act_by_one_belligerent_naming_no_one_is_done_to_the_other(nlp):
    r = extract_text(nlp, "Azerbaijan shelled Armenia on Monday. Armenia attacked Azerbaijan on Tuesday. "
                          "Baku's offensive began at dawn, officials said.")
    offensive = [e for e in r.events if any(t.text == "offensive" for t in e.triggers)]
    assert offensive and ("target", "armenia") in offensive[0].roles, offensive
    assert offensive[0].confidence < 0.7  # parties from context are marked and less certain


def test_an_act_done_also_to_someone_adds_to_the_latest_agent_of_its_kind(nlp):
    r = extract_text(nlp, "Georgian police arrested 40 protesters in Tbilisi on Friday. The protests continued "
                          "overnight. Also arrested were Nika Melia, the leader of the United National Movement, and "
                          "two journalists, officials said.")
    assert ("georgia", "arrests", "nika_melia") in rels(r)
    # an agent of its own, even an unnamed one, is kept
    r = extract_text(nlp, "Kenya criticized the arrests. Other opposition figures have also criticized them.")
    assert len([e for e in r.events if e.event_class == "criticize" and ("agent", "kenya") in e.roles]) <= 1


def test_a_fight_against_someone_else_is_not_between_the_belligerents(nlp):
    r = extract_text(nlp, "Pakistan summons U.S. envoy over drone strike\n\nPakistan on Monday summoned the U.S. "
                          "ambassador and protested over the Saturday drone strike in the southwest of the "
                          "country. The U.S. drone strike on Pakistani territory violated its sovereignty, the "
                          "foreign ministry said. Speaking about the ties between the two countries, an adviser "
                          "stressed that Pakistan and the United States had been working closely together in "
                          "the fight against the menace of extremism.")
    assert ("united_states", "attacks", "pakistan") in rels(r)
    assert not any(p == "fightsWith" for s, p, o in rels(r))
