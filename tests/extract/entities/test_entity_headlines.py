"""Headlines and captions (headlines.py), through the model."""

import pytest

from conftest import extract_text
from entity_helpers import ents, mention_texts



@pytest.mark.model
def test_title_case_headline_does_not_glue_verbs_to_names(nlp):
    r = extract_text(nlp, "Merkel and Macron Agree on Budget Deal\n\nGerman Chancellor Angela Merkel and "
                          "French President Emmanuel Macron agreed on Tuesday. Macron praised the deal.")
    names = {m.text for x in r.entities for m in x.mentions}
    assert not any(n.endswith("Agree") for n in names)
    assert "Macron" in mention_texts(r, "emmanuel_macron")


@pytest.mark.model
def test_a_day_named_event_is_not_an_actor_and_headline_common_words_are_not_people(nlp):
    r = extract_text(nlp, "The march recalled Bloody Thursday, when troops fired on protesters.")
    assert not any("thursday" in k for k in ents(r))
    r = extract_text(nlp, "Counts: Murder of Civilians; Conspiracy to Murder Civilians. The conspiracy count was dropped.")
    assert "conspiracy" not in ents(r)  # tagged PERSON once, written in lower case later


def test_title_case_lines_without_a_final_stop_are_headlines():
    from newsgraph.extract.entities.headlines import _find_headline_lines

    text = "Protests Spread Across The Capital\nThe police said on Monday that it was calm."
    assert _find_headline_lines(text) == [(0, len("Protests Spread Across The Capital"))]


@pytest.mark.model
def test_headline_and_dateline_are_their_own_sentences(nlp):
    r = extract_text(nlp, "Rutte and Lula Sign Trade Pact\n\nTuesday, June 4, 2024\n\n"
                          "Dutch Prime Minister Mark Rutte met Brazilian President Luiz Inacio Lula da Silva. "
                          "The prime minister praised Lula.")
    got = {(x.subject, x.predicate, x.object) for x in r.relations}
    assert ("mark_rutte", "leaderOf", "netherlands") in got
    assert ("luiz_inacio_lula_da_silva", "leaderOf", "brazil") in got
    assert "The prime minister" in mention_texts(r, "mark_rutte") or "Rutte" in mention_texts(r, "mark_rutte")
    assert "Lula" in mention_texts(r, "luiz_inacio_lula_da_silva")


@pytest.mark.model
def test_a_dateline_city_is_a_place(nlp):
    r = extract_text(nlp, "Headline\n\nKABUL, May 3, 2026 (Agency) – Afghanistan said the talks went well. "
                          "Afghanistan's envoy Khalid Nasser has offered to meet Pakistani negotiators in Islamabad.")
    e = ents(r)
    assert e["kabul"].type == "Place" and "KABUL" not in mention_texts(r, "afghanistan")


def test_an_untagged_dateline_city_is_a_place_of_its_state(nlp):
    from entity_helpers import ents as _ents
    r = extract_text(nlp, "Rebels take town\n\nBANGUI, Central African Republic: Rebels seized another town on "
                          "Monday, residents said.")
    place = _ents(r).get("bangui")
    assert place is not None and place.type == "Place" and place.located_in == "central_african_republic"
