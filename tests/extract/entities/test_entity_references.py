"""References to entities named before or to the article's state (references.py): unowned organs,
"the army", "the authorities", "the group", through the model (seen in the events and relations they act in)."""

import pytest

from conftest import ents, events_of, extract_text, rels

pytestmark = pytest.mark.model


def test_unowned_organs_are_the_articles_state_and_the_minister_is_the_titled_one(nlp):
    r = extract_text(nlp, "Police in Madagascar detained opposition leader Andry Rakoto on Friday in "
                          "Antananarivo. Madagascar's Interior Minister Hery Ravalo defended the arrest. "
                          "The minister accused the European Union of interference.")
    arrest = events_of(r, "arrest")
    assert arrest and ("agent", "madagascar") in arrest[0].roles
    accuse = events_of(r, "accuse")
    assert accuse and ("agent", "hery_ravalo") in accuse[0].roles


def test_the_army_is_the_army_the_article_named(nlp):
    r = extract_text(nlp, "Rebels clashed with the Chadian Armed Forces (FACA) near Abeche on Monday. "
                          "The army accused Sudan of arming the fighters. Chad's Minister of Defence, "
                          "General Issa Mahamat, signed the deal.")
    accuse = events_of(r, "accuse")
    assert accuse and ("agent", "chad_armed_forces") in accuse[0].roles  # keyed with its state
    got = rels(r)
    assert ("issa_mahamat", "memberOf", "chad") in got
    assert not any({s, o} == {"issa_mahamat", "chad"} for s, p, o in got if p == "agreesWith")


def test_the_authorities_are_not_any_organisation_named_before(nlp):
    # "the authorities" has no organ kind: it is the article's state, not the last organisation.
    r = extract_text(nlp, "The Electoral Commission of Zambia said the vote was fair. Zambia and Zambia's "
                          "capital Lusaka were calm. The authorities arrested two opposition activists.")
    arrest = events_of(r, "arrest")
    assert arrest and ("agent", "zambia") in arrest[0].roles


def test_the_group_refers_to_the_organisation_named_before(nlp):
    r = extract_text(nlp, "The Kenya Human Rights Commission (KHRC) filed a complaint on Monday. "
                          "\"These are children,\" said Daniel Otieno, a lawyer for the group.")
    assert ("daniel_otieno", "memberOf", "kenya_human_rights_commission") in rels(r)


def test_an_unowned_ministry_in_a_sentence_opening_with_a_city_is_that_citys_states(nlp):
    r = extract_text(nlp, "Chad's air force bombed a village near the border. Chad said it hit rebels. In Khartoum, "
                          "the foreign ministry condemned the raid. Sudan has often accused Chad of such raids.")
    condemn = events_of(r, "condemn")
    assert condemn and ("agent", "sudan") in condemn[0].roles


def test_its_refers_to_the_owner_of_the_subject(nlp):
    # "its" in "the government of Peru recalled its ambassador" is Peru's, not the earlier subject's.
    r = extract_text(nlp, "Chile criticised Bolivia on Monday. The government of Peru recalled its "
                          "ambassador from Ecuador.")
    recall = [e for e in r.events if any(t.text == "recalled" for t in e.triggers)]
    assert recall and ("agent", "peru") in recall[0].roles
    assert not any(k == "chile" for _, k in recall[0].roles)


def test_a_headlines_bare_title_is_the_person_the_story_gives_it(nlp):
    r = extract_text(nlp, "Ghanaian Foreign Minister urges sanctions on Mali junta\n\nTuesday, March 3, 2026\n\n"
                          "Kwame Asante, the Ghanaian Foreign Minister, said that Mali should be suspended "
                          "from ECOWAS.")
    asante = next(e for e in r.entities if e.key == "kwame_asante")
    assert any(m.start == 0 and m.text == "Ghanaian Foreign Minister" for m in asante.mentions)


def test_the_government_with_no_state_named_just_before_is_the_articles_state(nlp):
    r = extract_text(nlp, "Two reporters were killed in Honduras this month. Rights groups said attacks on the press "
                          "in Honduras were rising. Police in Honduras have made no arrests. "
                          "Amnesty International urged the government to protect journalists.")
    assert ("amnesty_international", "appealsTo", "honduras") in rels(r)


def test_the_government_is_not_guessed_in_an_article_about_several_states(nlp):
    r = extract_text(nlp, "Peru and Chile signed a trade deal in Lima. Chile and Peru will cut tariffs. "
                          "Farmers in both countries protested. Unions urged the government to reconsider.")
    assert not any(p == "appealsTo" for _, p, _ in rels(r))


def test_a_pronoun_after_a_quote_is_not_a_person_named_inside_it(nlp):
    r = extract_text(nlp, 'Emad Gad, a researcher in Cairo, spoke on Monday. "Recalling the ambassador Ali Said was right '
                          'but Egypt has to insist on an apology from Israel," he added.')
    assert ("emad_gad", "demandsFrom", "egypt") in rels(r)
    assert not any(s == "ali_said" for s, _, _ in rels(r))


def test_the_army_is_no_paramilitary_force_named_before(nlp):
    # "Rapid Support Forces" is no state's army: "the army" is the article's state's
    r = extract_text(nlp, "Sudan's army said it had recaptured the palace in Khartoum from the paramilitary Rapid "
                          "Support Forces (RSF). The war in Sudan began in 2023. Egypt, which backs the army, "
                          "welcomed the news. Army spokesman Nabil Abdallah said troops had seized weapons.")
    got = rels(r)
    assert ("egypt", "supports", "sudan") in got
    assert ("egypt", "supports", "rapid_support_forces") not in got
    assert ("nabil_abdallah", "memberOf", "sudan") in got


def test_the_republic_alone_is_the_state_not_a_place(nlp):
    r = extract_text(nlp, "Police in Ecuador detained three mayors in Quito. Ecuador's opposition leader Luisa Gonzalez "
                          "said the Republic's institutions were under attack.")
    assert "republic" not in ents(r)


def test_the_two_leaders_are_the_two_people_the_article_names_most(nlp):
    r = extract_text(nlp, "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Kazan. "
                          "Putin praised Erdogan for his role. The Kremlin said the two leaders discussed Syria.")
    [meet] = events_of(r, "meet")
    assert {("participant", "vladimir_putin"), ("participant", "recep_tayyip_erdogan")} <= set(meet.roles)
    assert "discussed" in {t.text for t in meet.triggers}


def test_the_army_is_not_a_movement_named_army(nlp):
    r = extract_text(nlp, "Fighters of the Arakan Liberation Army attacked a convoy near Sittwe, Myanmar. "
                          "The army accused the fighters of killing civilians.")
    accuse = events_of(r, "accuse")
    assert accuse and not any(k.startswith("arakan") for role, k in accuse[0].roles if role == "agent")


def test_government_troops_are_the_state_named_just_before(nlp):
    r = extract_text(nlp, "Malian officials said on Monday that government troops had attacked a rebel base "
                          "near Kidal.")
    attack = events_of(r, "attack")
    assert attack and ("agent", "mali") in attack[0].roles


def test_the_rebel_group_is_an_armed_group_not_any_organisation_before(nlp):
    r = extract_text(nlp, "Doctors Without Borders said its clinic in Bria was looted. "
                          "Soldiers later attacked the rebel group near the town.")
    attack = events_of(r, "attack")
    assert attack and not any(k == "doctors_without_borders" for role, k in attack[0].roles)
    r = extract_text(nlp, "The Union for Peace, an armed group, seized Bria on Monday. "
                          "Soldiers later attacked the rebel group near the town.")
    assert any(("target", "union_for_peace") in e.roles for e in events_of(r, "attack"))


def test_he_is_not_the_author_of_a_book_someone_shows(nlp):
    r = extract_text(nlp, "Lula held up the book 'Open Veins', written by Eduardo Galeano, during the speech. "
                          "He criticized the International Monetary Fund.")
    crit = [e for e in r.events if e.cameo and e.cameo.startswith("11")]
    assert crit and not any(k == "eduardo_galeano" for role, k in crit[0].roles if role == "agent")


def test_his_in_a_phrase_of_time_is_the_subjects_and_in_another_phrase_the_nearest_persons(nlp):
    r = extract_text(nlp, "Chilean President Michelle Bachelet met Bolivian President Evo Morales in La Paz. "
                          "Peruvian President Alan Garcia met Colombian President Juan Manuel Santos during his "
                          "visit to Colombia.")
    visit = events_of(r, "visit")
    assert visit and ("agent", "alan_garcia") in visit[0].roles
    r = extract_text(nlp, "Peruvian President Alan Garcia praised Colombian President Juan Manuel Santos for his "
                          "mediation.")
    assert not any(("agent", "alan_garcia") in e.roles for e in events_of(r, "mediate"))


def test_the_government_of_an_article_about_one_state_is_that_states_after_another_is_named(nlp):
    r = extract_text(nlp, "Rebels in Mali seized the town of Kidal on Monday. Mali's army said it had lost "
                          "twenty soldiers near Gao and in Timbuktu. Niger sent 500 soldiers to Gao. "
                          "The rebels demanded that the government release their leader.")
    demand = events_of(r, "demand")
    assert demand and ("target", "mali") in demand[0].roles


def test_he_after_an_unnamed_person_as_the_subject_of_the_main_clause_is_that_person(nlp):
    r = extract_text(nlp, "Only two days earlier, French President Emmanuel Macron visited Lithuania. The Lithuanian "
                          "security service said the officer was investigating smuggling when he was abducted at "
                          "gunpoint near the border.")
    assert not any(("target", "emmanuel_macron") in e.roles for e in events_of(r, "abduct"))
    # plural soldiers are not whom "he" is: he is still the president
    r = extract_text(nlp, "Soldiers overthrew President Mohamed Bazoum on Wednesday after he arrested the army "
                          "chief.")
    assert any(("agent", "mohamed_bazoum") in e.roles for e in events_of(r, "arrest"))
