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


@pytest.mark.parametrize("text", [
    "Peru accused Chile of spying on its navy. Chile rejected the accusation as absurd.",
    "Peru accused Chile of spying on its navy. Santiago dismissed the claim on Monday.",
    "Peru accused Chile of spying on its navy. Chile denied the allegations on Monday.",
])
def test_rejecting_an_accusation_rejects_the_accuser(nlp, text):
    # A rejection (CAMEO 12) of the accusation, aimed at whoever made it; an untagged capital
    # that acts is its state.
    r = extract_text(nlp, text)
    rejections = events_of(r, "reject")
    assert rejections and {("agent", "chile"), ("target", "peru")} <= set(rejections[0].roles)
    assert rejections[0].cameo == "120" and ("chile", "rejects", "peru") in rels(r)


@pytest.mark.parametrize("text, judge, author", [
    ("Opposition leader Maria Kolesnikova was critical of the detentions carried out by Belarusian police.",
     "maria_kolesnikova", "belarus"),
    ("The United Nations voiced criticism of the strikes launched by Russia.", "united_nations", "russia"),
])
def test_judging_an_act_in_an_of_phrase_judges_its_author(nlp, text, judge, author):
    got = rels(extract_text(nlp, text))
    assert any(s == judge and o == author for s, _, o in got)


def test_support_for_a_partys_own_joint_act_supports_that_party(nlp):
    # "Somalia's fight against al-Shabaab": a joint act (a clash); its possessor is the side backed
    r = extract_text(nlp, "ECOWAS voiced its support for Nigeria's fight against Boko Haram.")
    got = rels(r)
    assert ("ecowas", "supports", "nigeria") in got
    assert ("ecowas", "supports", "boko_haram") not in got


@pytest.mark.parametrize("text", [
    "Oman mediated talks between Iran and the United States.",
    "Iran and the United States agreed to a prisoner exchange in a deal brokered by Oman.",
])
def test_a_mediation_is_between_the_parties_of_what_it_brokers(nlp, text):
    got = rels(extract_text(nlp, text))
    assert {("oman", "mediatesBetween", "iran"), ("oman", "mediatesBetween", "united_states")} <= got


def test_welcoming_a_joint_act_welcomes_its_parties(nlp):
    got = rels(extract_text(nlp, "Iran and Saudi Arabia signed a deal in Beijing. The United States welcomed the deal."))
    assert {("united_states", "praises", "iran"), ("united_states", "praises", "saudi_arabia")} <= got


def test_an_accusation_a_few_sentences_back_is_answered_by_the_accused(nlp):
    r = extract_text(nlp, "Polish Foreign Minister Radoslaw Sikorski accused Minsk of organising the crossings. "
                          "\"The regime is waging a hybrid war,\" he told reporters. "
                          "Belarus rejected the accusations on Wednesday.")
    assert ("belarus", "rejects", "radoslaw_sikorski") in rels(r)


def test_a_definite_act_noun_with_no_party_repeats_the_earlier_act(nlp):
    r = extract_text(nlp, "Turkish drones struck positions of the Syrian Democratic Forces (SDF) in northern Syria. "
                          "Ankara launched the strikes after a bombing near the capital. The SDF condemned the strikes.")
    got = rels(r)
    assert ("syrian_democratic_forces", "condemns", "turkey") in got
    # a movement named after the state is none of its organs
    assert ("syrian_democratic_forces", "memberOf", "syria") not in got


def test_complaining_about_an_act_criticises_its_author(nlp):
    r = extract_text(nlp, "Chile complained about the Argentine raids on the border.")
    assert ("chile", "criticizes", "argentina") in rels(r)


def test_a_protest_lodged_with_a_state_is_aimed_at_it(nlp):
    r = extract_text(nlp, "Vietnam lodged a protest with China over the drills.")
    assert ("vietnam", "criticizes", "china") in rels(r)


def test_blocking_a_bodys_package_rejects_the_body_not_the_packages_target(nlp):
    r = extract_text(nlp, "Slovakia blocked the EU's new sanctions package against Iran.")
    got = rels(r)
    assert ("slovakia", "rejects", "european_union") in got and ("slovakia", "rejects", "iran") not in got


def test_a_reply_to_an_act_a_relative_clause_defines_is_not_aimed_at_the_last_act_told(nlp):
    r = extract_text(nlp, "Amnesty International condemned the verdict. Opposition leader Alexei Navalny denied the "
                          "charge that led to his third conviction.")
    assert not any(p == "rejects" for s, p, o in rels(r))
    r = extract_text(nlp, "Ukraine accused Belarus of training Russian troops, a charge Minsk rejected.")
    assert ("belarus", "rejects", "ukraine") in rels(r)
