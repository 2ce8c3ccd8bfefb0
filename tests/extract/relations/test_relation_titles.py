"""leaderOf / memberOf from titles, appositions and "of" phrases (extract/relations/titles.py).
Small synthetic sentences through the real model (moved from tests/test_extract_rules.py)."""

import pytest

from conftest import ents, extract_text, mention_texts, rels

pytestmark = pytest.mark.model


def test_title_gives_leader_of_and_member_of(nlp):
    r = extract_text(nlp, "French president Emmanuel Macron met German chancellor Olaf Scholz in Berlin. "
                          "NATO spokesman Jens Stoltenberg was also there.")
    got = rels(r)
    assert ("emmanuel_macron", "leaderOf", "france") in got
    assert ("olaf_scholz", "leaderOf", "germany") in got
    assert ("jens_stoltenberg", "memberOf", "nato") in got


def test_apposition_gives_member_of(nlp):
    r = extract_text(nlp, "Jane Doe, a senior analyst at the Brookings Institution, disagreed.")
    assert ("jane_doe", "memberOf", "brookings_institution") in rels(r)


def test_more_title_patterns(nlp):
    r = extract_text(nlp, "NATO's deputy secretary general, Mircea Geoana, spoke. Nelson Chamisa of the "
                          "Movement for Democratic Change was detained. Former Ghanaian president John "
                          "Kufuor arrived.")
    got = rels(r)
    assert ("mircea_geoana", "memberOf", "nato") in got
    assert ("nelson_chamisa", "memberOf", "movement_for_democratic_change") in got
    assert not any(s == "john_kufuor" for s, _, _ in got)


def test_titles_held_in_referred_bodies_and_portfolio_words(nlp):
    r = extract_text(nlp, "The Arakan Front seized the town. Its spokesman, Khin Maung, said the "
                          "fighting was over. Deputy Defence Minister Aung Lwin of Myanmar denied it. "
                          "Myanmar's opposition leader Su Mya spoke.")
    got = rels(r)
    front = next(e.key for e in r.entities if e.label == "Arakan Front")
    assert ("khin_maung", "memberOf", front) in got
    assert not any(o == "defence" or o.endswith("defence") for _, _, o in got)
    assert not any(s == "su_mya" and o == "myanmar" for s, _, o in got)


def test_an_organisations_apposition_naming_its_parent(nlp):
    r = extract_text(nlp, "Jama'at Nusrat al-Islam wal-Muslimin (JNIM), an al-Qaeda affiliate, claimed the attack. "
                          "Hezbollah, an ally of Iran, fired rockets.")
    got = rels(r)
    assert any(p == "memberOf" and o == "al_qaeda" for s, p, o in got)
    assert not any(s == "hezbollah" and p == "memberOf" for s, p, o in got)  # an ally is no member


def test_an_untagged_name_after_a_persons_of_is_their_party(nlp):
    r = extract_text(nlp, "Opposition leader Tarik Osmani of BDPK lost his seat. Lawmaker Anna Kovacs of "
                          "Jobbik said the vote was rigged. Lejla Hasic of Sarajevo also won.")
    e = ents(r)
    assert e["bdpk"].type == "Organization"
    assert ("tarik_osmani", "memberOf", "bdpk") in rels(r)
    assert "Tarik Osmani of BDPK" in mention_texts(r, "tarik_osmani")
    assert ("anna_kovacs", "memberOf", "jobbik") in rels(r)
    assert "sarajevo" in e and e["sarajevo"].type == "Place"  # a known place is a home town


def test_titles_held_in_unnamed_organs_and_titles_the_parser_splits(nlp):
    r = extract_text(nlp, "Lina Petrenko, a spokeswoman for the Ukrainian interior ministry, denied the report.")
    assert ("lina_petrenko", "memberOf", "ukraine") in rels(r)
    r = extract_text(nlp, "The United Nations special envoy for Haiti, Lena Brandt, condemned the attack.")
    got = rels(r)
    assert ("lena_brandt", "memberOf", "united_nations") in got
    assert ("lena_brandt", "memberOf", "haiti") not in got  # the envoy is for Haiti, not of it


def test_a_body_of_another_body_belongs_to_it(nlp):
    r = extract_text(nlp, "The World Bank's International Finance Corporation (IFC) approved the loan.")
    e = ents(r)
    ifc = next(k for k in e if "finance" in k)
    assert (ifc, "memberOf", "world_bank") in rels(r)


def test_a_counterpart_holds_the_office_of_the_person_whose_counterpart_they_are(nlp):
    r = extract_text(nlp, "Uzbek President Akmal Yusupov later spoke by telephone with his Kazakh counterpart, "
                          "Nurlan Seitkali. Foreign Minister Omar Khalil of Lebanon spoke with his Cypriot "
                          "counterpart, Andreas Loizou.")
    got = rels(r)
    assert ("nurlan_seitkali", "leaderOf", "kazakhstan") in got
    assert ("andreas_loizou", "memberOf", "cyprus") in got and ("andreas_loizou", "leaderOf", "cyprus") not in got


def test_a_commander_of_a_states_police_is_a_member_not_its_leader(nlp):
    r = extract_text(nlp, "Peru's police clashed with miners. Peru said so. Twenty officers were hurt, "
                          "according to Major Luis Paredes, the Cusco police commander.")
    got = rels(r)
    assert ("luis_paredes", "leaderOf", "peru") not in got


def test_an_envoy_in_a_state_belongs_to_the_state_of_the_demonym(nlp):
    got = rels(extract_text(nlp, "Omar Haddad, the Jordanian ambassador in Turkey, was summoned on Monday."))
    assert ("omar_haddad", "memberOf", "jordan") in got
    assert ("omar_haddad", "memberOf", "turkey") not in got


def test_a_liaison_with_a_people_is_not_its_member(nlp):
    got = rels(extract_text(nlp, "Daniel Levin, a liaison officer with the Kurds, said talks went well. "
                                 "Iraq agreed."))
    assert not any(s == "daniel_levin" and o == "iraq" for s, _, o in got)


def test_an_intelligence_chief_is_a_member_not_the_leader_of_the_state(nlp):
    got = rels(extract_text(nlp, "The talks were attended by Hakan Yilmaz, the Turkish intelligence chief."))
    assert ("hakan_yilmaz", "memberOf", "turkey") in got
    assert ("hakan_yilmaz", "leaderOf", "turkey") not in got


def test_an_ethnic_demonym_beside_a_possessive_is_not_the_body(nlp):
    got = rels(extract_text(nlp, "Ollanta Ruiz became president of Peru in May. "
                                 "Ruiz was the country's first Indian president."))
    assert not any(s == "ollanta_ruiz" and o == "india" for s, _, o in got)


def test_a_state_is_a_member_however_the_sentence_says_it(nlp):
    r = extract_text(nlp, "Brazil and other members of the BRICS group abstained. "
                          "Poland, like other members of the European Union, condemned the coup. "
                          "Ghana is a member of the African Union. "
                          "Senegal, a member of ECOWAS, sent troops.")
    got = rels(r)
    assert ("poland", "memberOf", "european_union") in got
    assert ("ghana", "memberOf", "african_union") in got
    assert ("senegal", "memberOf", "ecowas") in got
    # A state is no "part" of a body: only "member" makes it one.
    r = extract_text(nlp, "Chile, part of the Pacific Alliance talks, abstained.")
    assert not any(s == "chile" and p == "memberOf" for s, p, _ in rels(r))


def test_an_organisations_own_agency_is_its_member_a_states_is_not(nlp):
    r = extract_text(nlp, "The two men worked for the World Food Programme (WFP), a United Nations agency. "
                          "Reuters, a British news agency, reported the attack.")
    got = rels(r)
    assert ("world_food_programme", "memberOf", "united_nations") in got
    assert not any(s == "reuters" and p == "memberOf" for s, p, _ in got)


def test_a_title_in_an_as_phrase_is_held_by_the_subject(nlp):
    got = rels(extract_text(nlp, "As head of the Kenyan Senate, Amason Kingi opposed the bill."))
    assert ("amason_kingi", "leaderOf", "kenyan_senate") in got
    got = rels(extract_text(nlp, "Amason Kingi, as chairman of the Kenyan Senate, opposed the bill."))
    assert ("amason_kingi", "leaderOf", "kenyan_senate") in got


def test_an_as_phrase_on_the_object_is_not_the_subjects_title(nlp):
    got = rels(extract_text(nlp, "Amason Kingi described William Ruto as the leader of the ruling party."))
    assert not any(s == "amason_kingi" and p in {"leaderOf", "memberOf"} for s, p, _ in got)


@pytest.mark.parametrize("text, triple", [
    ("Nicolas Maduro was sworn in for a third term as Venezuela's president on Friday.",
     ("nicolas_maduro", "leaderOf", "venezuela")),
    ("The junta installed General Abdourahamane Tchiani as head of state of Niger.",
     ("abdourahamane_tchiani", "leaderOf", "niger")),
])
def test_a_title_given_in_an_as_phrase_after_the_verb(nlp, text, triple):
    assert triple in rels(extract_text(nlp, text))


def test_the_head_of_an_organs_mission_is_a_member_of_the_body_whatever_the_parse(nlp):
    got = rels(extract_text(nlp, "Isabel Santos, the head of the European Union (EU) election observation "
                                 "mission, said the count was orderly."))
    assert ("isabel_santos", "memberOf", "european_union") in got
    assert ("isabel_santos", "leaderOf", "european_union") not in got


def test_a_title_of_a_state_written_before_the_name(nlp):
    r = extract_text(nlp, "President of Chile Gabriel Boric arrived in Lima on Monday.")
    assert ("gabriel_boric", "leaderOf", "chile") in rels(r)


def test_a_visitor_or_a_leaders_counterpart_is_not_guessed_to_hold_the_hosts_office(nlp):
    r = extract_text(nlp, "Quito, May 3, 2024: Javier Milei arrived on a state visit to Ecuador on Friday. "
                          "Later, President Milei met business leaders in Guayaquil. Ecuador's trade minister "
                          "said the country expected new investment.")
    got = rels(r)
    assert ("javier_milei", "visits", "ecuador") in got
    assert ("javier_milei", "leaderOf", "ecuador") not in got


def test_a_travellers_destination_is_not_guessed_to_be_their_state(nlp):
    r = extract_text(nlp, "Foreign Minister Mauro Vieira and senior officials were accompanying President Lula "
                          "during the visit to Angola.")
    assert ("lula", "leaderOf", "angola") not in rels(r)
    # whom the traveller meets there is the destination's
    r = extract_text(nlp, "Macron is due to fly on to Peru on Friday, where he will meet President Dina Boluarte.")
    assert ("dina_boluarte", "leaderOf", "peru") in rels(r)


def test_the_as_office_of_one_who_serves_or_wins_a_term_is_theirs(nlp):
    r = extract_text(nlp, "Alexander Stubb has won a second term in office as president of Finland.")
    assert ("alexander_stubb", "leaderOf", "finland") in rels(r)
    r = extract_text(nlp, "Donald Tusk sees Olaf Scholz as the leader of Germany.")
    assert ("donald_tusk", "leaderOf", "germany") not in rels(r)


def test_an_organ_word_in_a_states_title_is_that_states(nlp):
    r = extract_text(nlp, "Pakistan's army chief General Asim Munir met US Secretary of State Marco Rubio in "
                          "Washington.")
    assert ("asim_munir", "memberOf", "united_states") not in rels(r)
    assert ("asim_munir", "memberOf", "pakistan") in rels(r)
