"""Places and states the model missed or mistyped (places.py, resolve._with_background), through the model."""

import pytest

from conftest import extract_text
from entity_helpers import ents

pytestmark = pytest.mark.model


def test_places_get_gazetteer_data(nlp):
    r = extract_text(nlp, "A car bomb exploded in Kabul, Afghanistan, on Tuesday.")
    kabul = ents(r)["kabul"]
    assert kabul.type == "Place" and kabul.country_code == "AF" and kabul.geonames_id
    assert kabul.located_in == "afghanistan"


def test_congo_alone_is_the_democratic_republic_unless_only_the_other_is_named(nlp):
    r = extract_text(nlp, "Fighting in eastern Congo displaced thousands, the United Nations said.")
    assert "democratic_republic_of_the_congo" in ents(r)
    r = extract_text(nlp, "The Republic of Congo held a presidential election. Congo's opposition boycotted it.")
    e = ents(r)
    assert "republic_of_the_congo" in e and "democratic_republic_of_the_congo" not in e


def test_a_hyphened_state_name_is_one_state_and_its_short_name_and_demonym_follow_it(nlp):
    r = extract_text(nlp, "A Congolese court jailed a journalist. The court in Congo-Brazzaville said the "
                          "United for Congo party had organised the march.")
    e = ents(r)
    assert "republic_of_the_congo" in e and "democratic_republic_of_the_congo" not in e
    r = extract_text(nlp, "A Congolese court jailed a journalist in Kinshasa.")
    assert "democratic_republic_of_the_congo" in ents(r)


def test_place_nouns_make_names_places(nlp):
    r = extract_text(nlp, "A bomb exploded near the town of Baidoa on Tuesday. Funding for the Dadaab camp fell. "
                          "Smugglers were killed east of the Wagah crossing.")
    e = ents(r)
    for key in ("baidoa", "dadaab", "wagah"):
        assert key in e and e[key].type == "Place", key


def test_de_facto_states_are_states_that_lie_in_their_de_jure_state(nlp):
    r = extract_text(nlp, "The leaders of Transnistria rejected the plan on Monday, and Somaliland "
                          "said it would hold its own vote. Officials in Abkhazia stayed silent.")
    e = ents(r)
    for key, de_jure in (("transnistria", "moldova"), ("somaliland", "somalia"), ("abkhazia", "georgia")):
        assert e[key].type == "Country", key
        assert e[key].located_in == de_jure and e[key].country_code is None


def test_a_place_named_without_its_generic_head_is_the_same_place(nlp):
    r = extract_text(nlp, "Fighting spread across the Gaza Strip on Monday. Aid trucks waited at the border "
                          "of Gaza for a third day. Later the mayor of Mexico City flew to Mexico's north.")
    es = ents(r)
    assert "gaza_strip" in es and "gaza" not in es
    # A country keeps its own name: Mexico is not Mexico City.
    assert es["mexico"].type == "Country" and "mexico_city" in es


def test_two_spellings_of_one_gazetteer_place_are_one_place(nlp):
    r = extract_text(nlp, "Aid workers were taken hostage near Bu'aale in Somalia. Later, gunmen near Buale fired shots.")
    e = ents(r)
    assert "bu_aale" in e and "buale" not in e
    assert {m.text for m in e["bu_aale"].mentions} == {"Bu'aale", "Buale"}


def test_a_place_known_whole_names_no_state_inside_it(nlp):
    r = extract_text(nlp, "The ministers met in Port of Spain on Monday.")
    e = ents(r)
    assert "spain" not in e
