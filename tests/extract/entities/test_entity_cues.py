"""Cues for entities (cues.py): hyphenated country pairs, demonyms and capitals the model tags as
people, demonyms on groups of people, through the model (seen in the events and relations they act in)."""

import pytest

from conftest import events_of, extract_text, rels
from entity_helpers import ents, mention_texts

pytestmark = pytest.mark.model


def test_hyphenated_country_pairs_are_two_countries(nlp):
    r = extract_text(nlp, "Officials said U.S.-China trade talks would resume in Geneva next month.")
    e = ents(r)
    assert "united_states" in e and "china" in e


def test_a_demonym_the_model_tags_as_a_person_is_its_state(nlp):
    r = extract_text(nlp, "Several Bangladeshi officials accused Nepal of worsening the floods.")
    accuse = events_of(r, "accuse")
    assert accuse and ("agent", "bangladesh") in accuse[0].roles


def test_capitals_and_demonyms_the_model_tags_as_people(nlp):
    r = extract_text(nlp, "Moldovan Foreign Minister Ana Ceban said Yerevan had attacked first. "
                          "Baku rejected the claim.")
    e = ents(r)
    assert "Yerevan" in mention_texts(r, "armenia") and "Baku" in mention_texts(r, "azerbaijan")
    assert e["moldova"].type == "Country" and not any(x.type == "Person" and x.label == "Moldovan" for x in e.values())
    assert ("ana_ceban", "memberOf", "moldova") in rels(r)


def test_a_demonym_on_people_who_do_not_act_for_the_state_names_a_group(nlp):
    r = extract_text(nlp, "Eritrean refugees protested outside the embassy. Hundreds of Eritrean students joined them. "
                          "Eritrean soldiers blocked the road.")
    e = ents(r)
    assert e["eritrea_refugee"].type == "Group" and e["eritrea_refugee"].label == "Eritrean refugees"
    assert e["eritrea_refugee"].country_code == "ER"  # one query finds every Eritrean actor
    assert e["eritrea_student"].type == "Group"
    assert e["eritrea"].type == "Country"  # the demonym still mentions the state
    assert not any(k.startswith("eritrea_soldier") for k in e)  # soldiers act for the state
    protest = events_of(r, "protest")
    assert protest and ("agent", "eritrea_refugee") in protest[0].roles


def test_a_demonym_of_two_words_on_people_names_a_group(nlp):
    r = extract_text(nlp, "South Korean students marched in Seoul on Sunday.")
    e = ents(r)
    assert e["south_korea_student"].type == "Group" and e["south_korea"].type == "Country"


def test_a_state_named_before_a_title_the_model_tags_as_a_body_still_counts(nlp):
    r = extract_text(nlp, "French National Security Adviser Claire Dubois met the delegation in Rabat.")
    assert ("claire_dubois", "memberOf", "france") in rels(r)


def test_a_leaders_title_inside_a_span_tagged_as_a_body_makes_a_person(nlp):
    r = extract_text(nlp, "PM Sharif met the army chief in Islamabad.")
    e = ents(r)
    assert not any(k.startswith("pm_") for k in e)
    assert any(x.type == "Person" and x.label.endswith("Sharif") for x in e.values())


def test_two_person_spans_with_only_name_words_between_are_one_name(nlp):
    r = extract_text(nlp, "Gunmen killed Interior Minister Abdi Shakur Sheikh Hassan in Mogadishu on Friday.")
    people = [k for k, e in ents(r).items() if e.type == "Person"]
    assert people == ["abdi_shakur_sheikh_hassan"]
    # punctuation or a title between them keeps two people
    r = extract_text(nlp, "The envoy met Foreign Minister Hassan Ali, Mohamed Abdi and President Hassan Sheikh "
                          "Mohamud in Mogadishu.")
    assert {"hassan_ali", "mohamed_abdi", "hassan_sheikh_mohamud"} <= set(ents(r))


def test_capitalised_words_before_a_known_bodys_name_make_another_body(nlp):
    r = extract_text(nlp, "The White House condemned the vote, National Security Council spokesman John Kirby said. "
                          "The African Union's Peace and Security Council met in Addis Ababa.")
    e = ents(r)
    assert "un_security_council" not in e
    assert {"national_security_council", "peace_and_security_council"} <= set(e)
    r = extract_text(nlp, "The Security Council voted on Monday. Iraqi Security Forces advanced on Mosul.")
    assert "un_security_council" in ents(r)


def test_a_title_coordinated_with_a_name_is_the_title_of_the_name_after_it(nlp):
    r = extract_text(nlp, "Russian President Vladimir Putin and Turkish President Recep Tayyip Erdogan held talks "
                          "on Syria in Sochi.")
    got = rels(r)
    assert {("vladimir_putin", "meetsWith", "recep_tayyip_erdogan"),
            ("recep_tayyip_erdogan", "leaderOf", "turkey")} <= got
    assert not any("turkey" in (s, o) for s, p, o in got if p == "meetsWith")
