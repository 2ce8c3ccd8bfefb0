"""Demands told as what another party must or should do (extract/events/obligations.py),
through the model: synthetic sentences, tolerant assertions."""

import pytest

from conftest import events_of, extract_text, rels

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, speaker, party", [
    ('"Israel must halt its fire immediately," Hamas spokesman Fawzi Barhoum said.', "fawzi_barhoum", "israel"),
    ("Kenya said that Uganda should release the detained opposition leaders.", "kenya", "uganda"),
    ("Amnesty International said Egypt has to free the jailed reporters.", "amnesty_international", "egypt"),
])
def test_saying_another_party_must_or_should_act_demands_it(nlp, text, speaker, party):
    r = extract_text(nlp, text)
    assert (speaker, "demandsFrom", party) in rels(r)
    [demand] = events_of(r, "demand")
    assert demand.factuality == "asserted"


def test_what_the_speakers_own_side_must_do_is_no_demand(nlp):
    r = extract_text(nlp, '"We must defend our country," Ukrainian President Volodymyr Zelensky said.')
    assert not events_of(r, "demand")


def test_a_verbal_act_in_the_same_sentence_is_aimed_at_the_party_instead(nlp):
    r = extract_text(nlp, 'Opposition spokesman Tomas Sapalo criticised the omission, saying the Brazilian leader '
                          '"should listen to all Angolans".')
    assert not events_of(r, "demand")
    assert ("tomas_sapalo", "criticizes", "brazil") in rels(r)


def test_the_same_call_told_again_is_another_mention_of_it(nlp):
    r = extract_text(nlp, "The United Nations called on Pakistan to investigate the killings of journalists. "
                          "Pakistan must act now, the United Nations said on Friday.")
    assert not events_of(r, "demand")
    [appeal] = events_of(r, "appeal")
    assert {"called", "must"} <= {t.text for t in appeal.triggers}
