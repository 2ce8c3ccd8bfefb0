"""Demands told as what another party must or should do (extract/events/obligations.py),
through the model: synthetic sentences, tolerant assertions."""

import pytest

from conftest import events_of, extract_text, rels

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, speaker, party", [
    ('"Serbia must withdraw its police immediately," Kosovo government spokesman Perparim Kryeziu said.',
     "perparim_kryeziu", "serbia"),
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
    r = extract_text(nlp, 'Opposition spokeswoman Lina Haddad criticised the visit, saying the French leader '
                          '"should meet all Lebanese parties".')
    assert not events_of(r, "demand")
    assert ("lina_haddad", "criticizes", "france") in rels(r)


def test_the_same_call_told_again_is_another_mention_of_it(nlp):
    r = extract_text(nlp, "The European Union called on Serbia to investigate the attack on the monastery. "
                          "Serbia must act now, the European Union said on Friday.")
    assert not events_of(r, "demand")
    [appeal] = events_of(r, "appeal")
    assert {"called", "must"} <= {t.text for t in appeal.triggers}


def test_whom_a_speaker_tells_what_must_stop_is_asked(nlp):
    r = extract_text(nlp, "Brazilian President Lula told Venezuelan President Nicolas Maduro that the raids "
                          "must stop.")
    assert ("lula", "demandsFrom", "nicolas_maduro") in rels(r)
