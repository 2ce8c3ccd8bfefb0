"""Organisations, organs and lone heads of a name (organisations.py, mention.org_key), through the model."""

import pytest

from conftest import extract_text
from entity_helpers import ents, mention_texts

pytestmark = pytest.mark.model


def test_british_and_american_spellings_of_organisation_are_one_entity(nlp):
    r = extract_text(nlp, "The International Labour Organisation said wages fell. "
                          "The International Labour Organization called for talks.")
    orgs = [e for e in r.entities if "Labour" in e.label]
    assert len(orgs) == 1


def test_a_lone_capitalised_head_refers_to_the_organisation_named_with_it(nlp):
    r = extract_text(nlp, "The European Commission and the Council of Europe met in Strasbourg. "
                          "The Commission said the Council was wrong.")
    e = ents(r)
    assert "The Commission" in mention_texts(r, "european_commission")
    assert "the Council" in mention_texts(r, "council_of_europe")
    assert "commission" not in e and "council" not in e


def test_a_head_two_organisations_share_refers_to_neither(nlp):
    r = extract_text(nlp, "The Presidential Council of Libya and the Transitional Council of Chad met. "
                          "The Council said little.")
    e = ents(r)
    assert {"presidential_council_of_libya", "transitional_council_of_chad"} <= set(e)
    assert "The Council" not in mention_texts(r, "presidential_council_of_libya") | \
        mention_texts(r, "transitional_council_of_chad")


def test_a_states_generic_organ_is_that_states_and_named_in_either_order(nlp):
    r = extract_text(nlp, "Serbia's Ministry of Defence said Kosovo police had crossed the line. "
                          "The Defence Ministry said no one had been hurt.")
    e = ents(r)
    organs = [k for k, x in e.items() if x.type == "Organization"]
    assert organs == ["serbia_defence_ministry"]
    assert mention_texts(r, "serbia_defence_ministry") >= {"Ministry of Defence", "The Defence Ministry"}
    r = extract_text(nlp, "The Turkish Foreign Ministry summoned the envoy.")
    assert "turkey_foreign_ministry" in ents(r)


def test_a_distinctive_word_and_plural_members_refer_to_the_organisation(nlp):
    r = extract_text(nlp, "The Zapatista Army of National Liberation (EZLN) rejected the offer. The Zapatistas "
                          "blamed the government. On Friday the U.S. Treasury Department froze the assets of two "
                          "banks; the Treasury gave no reason.")
    e = ents(r)
    assert "The Zapatistas" in mention_texts(r, "zapatista_army_of_national_liberation")
    treasury = [k for k in e if "treasury" in k]
    assert len(treasury) == 1


def test_a_party_named_with_and_without_its_noun_is_one_organisation(nlp):
    r = extract_text(nlp, "Prime Minister Tamaz Beridze, of the governing Golden Fleece party, spoke. "
                          "Golden Fleece won the October election.")
    e = ents(r)
    fleece = [k for k in e if "golden_fleece" in k]
    assert fleece == ["golden_fleece"] and e["golden_fleece"].type == "Organization"
    assert ("tamaz_beridze", "memberOf", "golden_fleece") in {(x.subject, x.predicate, x.object) for x in r.relations}
