"""Reported speech and quotes (extract/predicates/speech.py, component.py): the speaker of a
quote, and first person inside it resolved to the speaker or the body he speaks for. Run on
the real model with sentences of the tests' own; assertions allow for the small model."""

import pytest

from conftest import extract_text, rels

pytestmark = pytest.mark.model


def _doc(nlp, text):
    return nlp(text)


def test_we_in_a_spokesmans_quote_is_his_body(nlp):
    doc = _doc(nlp, '"We condemn Kenya," said Ali Musa, a spokesman for the African Union.')
    we = [t for t in doc if t.lower_ == "we"][0]
    assert doc._.ng_pronouns.get(we.i) == "african_union"


def test_i_in_a_quote_is_the_speaker(nlp):
    doc = _doc(nlp, 'President Lula said: "I will visit Angola next month."')
    i = [t for t in doc if t.text == "I"][0]
    assert doc._.ng_pronouns.get(i.i) == "lula"


def test_quote_speaker_reaches_predicates_of_the_quote(nlp):
    doc = _doc(nlp, '"Brazil supports the plan. It is fair," the minister Mauro Vieira said.')
    frames = doc._.ng_frames
    supports = [f for i, f in frames.items() if doc[i].lemma_ == "support"]
    assert supports and any(doc[s].text in {"Vieira", "minister"} for s in supports[0].speakers)


def test_first_person_outside_quotes_is_left_alone(nlp):
    doc = _doc(nlp, "We condemn the attack, the editorial board wrote.")
    we = [t for t in doc if t.lower_ == "we"][0]
    assert we.i not in (doc._.ng_pronouns or {})


def test_a_quoted_first_person_criticism_relates_the_speakers_body(nlp):
    r = extract_text(nlp, 'Sudan rejected the report. "We condemn Ethiopia for its interference," said '
                          "Omar Bashir, a spokesman for the Sudanese government.")
    got = rels(r)
    assert any(s == "sudan" and o == "ethiopia" for s, _, o in got)


@pytest.mark.model
def test_our_country_in_a_minister_s_quote_is_the_state_of_his_title(nlp):
    # "our" in the quote of a minister titled by his state is that state; "our country" is
    # the state itself, not the minister.
    r = extract_text(nlp, '"Moscow is occupying our country," Moldovan Foreign Minister Mihai Popsoi said.')
    occupation = [e for e in r.events if e.cameo and e.cameo.startswith("19")]
    assert occupation and ("target", "moldova") in occupation[0].roles, occupation


@pytest.mark.model
def test_a_bracketed_wire_credit_is_no_speaker(nlp):
    r = extract_text(nlp, "NAIROBI, June 4 (Reuters) - Kenya's army said on Tuesday it had killed 12 al Shabaab fighters.")
    deaths = [e for e in r.events if e.event_class == "kill"]
    assert deaths and deaths[0].reported_by == "kenya"


@pytest.mark.model
def test_it_in_a_clause_a_state_reports_is_that_state(nlp):
    # "it" as the subject of what a state or an organisation reports is the reporter
    r = extract_text(nlp, "Ghana said it would expel two Togolese diplomats.")
    expulsions = [e for e in r.events if e.event_class == "expel"]
    assert expulsions and ("agent", "ghana") in expulsions[0].roles, expulsions


def test_they_after_several_reporting_states_is_those_states(nlp):
    r = extract_text(nlp, "Norway and Denmark said on Monday they would impose sanctions on Belarus.")
    sanctions = [e for e in r.events if e.event_class == "sanction"]
    assert sanctions and {("agent", "norway"), ("agent", "denmark")} <= set(sanctions[0].roles)
    # one body's "they" is left alone: it is as often the people the clause is about
    r = extract_text(nlp, "The ministry said they had been detained in Tripoli.")
    assert not any(("target", "ministry") in e.roles for e in r.events)
