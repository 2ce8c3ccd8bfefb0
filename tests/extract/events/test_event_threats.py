"""Threats told as what a party will do (extract/events/threats.py), through the model:
synthetic sentences, tolerant assertions."""

import pytest

from conftest import events_of, extract_text, rels

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, party, target, code", [
    ("Iran said it would attack Israel if the strikes continued.", "iran", "israel", "138"),
    ("Russia will impose sanctions on Estonia unless it frees the detained diplomats, the Kremlin said.",
     "russia", "estonia", "1312"),
    ("Hezbollah spokesman Ali Hamadi said Hezbollah fighters will strike Israeli towns.", "hezbollah", "israel", "138"),
])
def test_a_conflictual_act_its_own_party_announces_is_a_threat(nlp, text, party, target, code):
    r = extract_text(nlp, text)
    threats = [e for e in events_of(r, "threaten") if ("agent", party) in e.roles]
    assert threats and threats[0].cameo == code and threats[0].factuality == "asserted"
    assert (party, "threatens", target) in rels(r)


@pytest.mark.parametrize("text", [
    "Western analysts said Russia would attack Ukraine in the spring.",  # someone else's prediction
    "Ghana said it would expel two Togolese diplomats.",  # a decision, on no condition
])
def test_a_prediction_or_an_unconditional_decision_is_no_threat(nlp, text):
    r = extract_text(nlp, text)
    assert not events_of(r, "threaten")
    assert not any(p == "threatens" for _, p, _ in rels(r))


def test_a_threat_verb_is_aimed_at_the_target_of_the_act_it_threatens(nlp):
    r = extract_text(nlp, "Foreign Minister Ivan Petrov threatened to expel the French ambassador.")
    assert ("ivan_petrov", "threatens", "france") in rels(r)
    assert len(events_of(r, "threaten")) == 1
