"""Standing relations read from an organisation's own name and from relative clauses
(extract/relations/bodies.py).  Small synthetic sentences through the real model."""

import pytest

from conftest import extract_text, rels

pytestmark = pytest.mark.model


def test_an_organ_named_with_its_states_name_or_demonym_is_its_member(nlp):
    got = rels(extract_text(nlp, "Kenya said on Monday that the Kenyan Defence Forces had moved north. "
                                 "The Kenyan Ministry of Interior confirmed the move. Kenya's neighbours were told."))
    assert ("kenyan_defence_forces", "memberOf", "kenya") in got or \
        any(s.endswith("defence_forces") and p == "memberOf" and o == "kenya" for s, p, o in got)
    assert any("interior" in s and p == "memberOf" and o == "kenya" for s, p, o in got)


def test_an_organ_named_with_a_bodys_name_is_the_bodys(nlp):
    got = rels(extract_text(nlp, "The African Union met in Addis Ababa. The African Union Commission "
                                 "said the talks would resume."))
    assert ("african_union_commission", "memberOf", "african_union") in got


def test_a_one_word_name_is_not_enough_to_make_an_organ(nlp):
    got = rels(extract_text(nlp, "Apple sold more phones. The Apple Foundation Council gave money to schools."))
    assert not any(o == "apple" and p == "memberOf" for _, p, o in got)


def test_a_persons_possessive_on_a_party_names_its_leader(nlp):
    r = extract_text(nlp, "Viktor Orban spoke in Budapest. A spokesman for Orban's Hungarian Civic Alliance "
                          "said the vote was fair.")
    got = rels(r)
    assert any(s == "viktor_orban" and p == "leaderOf" and o.startswith("hungarian_civic_alliance") for s, p, o in got)
    assert not any(e.label.startswith("Orban") for e in r.entities)


def test_who_heads_makes_a_leader(nlp):
    got = rels(extract_text(nlp, "Keir Starmer, who leads the Labour Party, visited Leeds on Friday."))
    assert ("keir_starmer", "leaderOf", "labour_party") in got


def test_where_x_worked_makes_a_member(nlp):
    got = rels(extract_text(nlp, "Staff at the Daily Nation where Peter Ochieng worked said he had been threatened."))
    assert any(s == "peter_ochieng" and p == "memberOf" and "daily_nation" in o for s, p, o in got)


def test_which_is_run_by_makes_a_leader_of_a_place(nlp):
    got = rels(extract_text(nlp, "Fighters crossed into Idlib, which is run by Hayat Tahrir al-Sham, on Sunday."))
    assert any(p == "leaderOf" and o == "idlib" for s, p, o in got)


def test_who_represents_a_state_or_body_is_its_member(nlp):
    got = rels(extract_text(nlp, "Arjun Mehta represented India at the talks. Maria Lopez, who represents "
                                 "the UN in Haiti, spoke on Monday."))
    assert ("arjun_mehta", "memberOf", "india") in got
    assert ("maria_lopez", "memberOf", "united_nations") in got


def test_a_title_with_its_own_of_phrase_and_commissioners(nlp):
    got = rels(extract_text(nlp, "Omani Minister of State Khalid Al-Busaidi said progress was slow. Kenya's "
                                 "human rights commissioner, Grace Wanjiru, said no one was freed."))
    assert ("khalid_al_busaidi", "memberOf", "oman") in got
    assert ("grace_wanjiru", "memberOf", "kenya") in got


def test_who_forms_an_organisation_is_its_member(nlp):
    r = extract_text(nlp, "Mali, Niger and Chad formed the Alliance of Sahel States in 2023.")
    got = rels(r)
    assert {("mali", "memberOf", "alliance_of_sahel_states"), ("niger", "memberOf", "alliance_of_sahel_states"),
            ("chad", "memberOf", "alliance_of_sahel_states")} <= got
    # "make" is a forming verb only with "up".
    r = extract_text(nlp, "Chile made the Pacific Alliance a priority.")
    assert not any(p == "memberOf" for _, p, _ in rels(r))
