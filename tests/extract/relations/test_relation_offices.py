"""Whose office a bare title is (extract/relations/offices.py): the state of its sentence,
of the article, of its dateline, of the sentences before.  Small synthetic sentences through
the real model (moved from tests/test_extract_rules.py)."""

import pytest

from conftest import extract_text, rels

pytestmark = pytest.mark.model


def test_bare_titles_are_guessed_only_when_nothing_contradicts(nlp):
    # One state dominates; its president is named explicitly, so the other bare "President"
    # is not its president, while the bare "Foreign Minister" is its minister.
    r = extract_text(nlp, "Peruvian President Dina Ortega met President Hal Brooks in Lima. "
                          "Foreign Minister Ana Ruiz said Peru wanted trade. Peru and Lima agreed.")
    got = rels(r)
    assert ("dina_ortega", "leaderOf", "peru") in got
    assert ("hal_brooks", "leaderOf", "peru") not in got
    assert ("ana_ruiz", "memberOf", "peru") in got


def test_bare_title_takes_the_only_state_of_its_sentence(nlp):
    r = extract_text(nlp, "Chancellor Lena Vogt of Germany toured Brazil and Argentina. "
                          "She then flew to Chile, where she met President Tomas Rivas.")
    assert ("tomas_rivas", "leaderOf", "chile") in rels(r)


def test_a_bare_title_in_a_story_filed_from_a_capital_is_that_states(nlp):
    r = extract_text(nlp, "Headline\n\nLIMA, June 3, 2024 (Andina) – Peru and Chile traded accusations. Chile "
                          "recalled its envoy, and Peru said Chile had lied. Later, Foreign Minister Rosa Quispe "
                          "spoke by telephone with her Chilean counterpart, Pablo Rojas.")
    assert ("rosa_quispe", "memberOf", "peru") in rels(r)
    assert ("rosa_quispe", "memberOf", "chile") not in rels(r)


def test_a_bare_title_in_a_sentence_naming_one_city_is_that_citys_states(nlp):
    r = extract_text(nlp, "The United States and Honduras traded accusations. Washington sanctioned three judges, "
                          "and the U.S. embassy said Honduras had ignored warnings. In Tegucigalpa, Deputy Foreign "
                          "Minister Carlos Mejia rejected the sanctions.")
    assert ("carlos_mejia", "memberOf", "honduras") in rels(r)


def test_government_posts_without_a_state_take_the_articles_or_the_sentences_city(nlp):
    r = extract_text(nlp, "Britain protested to Iran. Britain said the ship was seized illegally. "
                          "Foreign Secretary Tom Harding summoned the envoy.")
    assert ("tom_harding", "memberOf", "united_kingdom") in rels(r)
    r = extract_text(nlp, "Uganda buried its dead. Uganda said the attack failed, and Uganda asked for help. "
                          "In Kigali, Defence Cabinet Secretary Paul Mugisha said Rwanda would send troops.")
    got = rels(r)
    assert ("paul_mugisha", "memberOf", "rwanda") in got
    assert ("paul_mugisha", "memberOf", "uganda") not in got


def test_a_bare_title_takes_the_state_the_sentences_before_are_about(nlp):
    r = extract_text(nlp, "Chile's crisis deepened. Chile said protests grew, and Chile closed schools. "
                          "Argentina closed the Cristo Redentor pass on Tuesday. Foreign Minister Diego Rivas said "
                          "Buenos Aires would reopen the pass soon.")
    got = rels(r)
    assert ("diego_rivas", "memberOf", "argentina") in got and ("diego_rivas", "memberOf", "chile") not in got
    # ... but not for someone acted on: "bans on officials, among them Interior Minister X"
    r = extract_text(nlp, "Serbia's crackdown continued. Serbia said order was restored. Croatia went further, "
                          "imposing entry bans on 9 Serbian officials, among them Interior Minister Dragan Petrovic.")
    assert ("dragan_petrovic", "memberOf", "croatia") not in rels(r)


def test_a_bare_title_beside_an_envoy_is_not_the_envoys_state(nlp):
    r = extract_text(nlp, "Turkey summoned the Swedish ambassador on Monday. Swedish officials said Sweden would "
                          "not change its law. Swedish Ambassador Staffan Herrstrom was summoned to see Deputy "
                          "Foreign Minister Yavuz Selim Kiran, who protested the rally.")
    assert ("yavuz_selim_kiran", "memberOf", "sweden") not in rels(r)
