"""The typing rules of one NER span (classify.py, cues.py), through the model."""

import pytest

from conftest import extract_text, rels
from entity_helpers import ents, mention_texts, entities_with_tags



@pytest.mark.model
def test_countries_demonyms_and_capitals_acting_as_states(nlp):
    r = extract_text(nlp, "Beijing and Washington traded accusations, and the Chinese embassy "
                          "issued a statement. Protesters gathered in Beijing.")
    e = ents(r)
    assert e["china"].type == "Country"
    assert e["united_states"].type == "Country"
    names = {m.text for m in e["china"].mentions}
    assert "Chinese" in names
    # "in Beijing" is the city, not the government.
    assert "beijing" in e and e["beijing"].type == "Place"


@pytest.mark.model
def test_a_caption_label_is_not_part_of_a_name(nlp):
    r = extract_text(nlp, "The summit was held in Geneva. Image: Angela Merkel arriving at the summit.")
    names = {m.text for x in r.entities for m in x.mentions}
    assert "Angela Merkel" in names and not any("Image" in n for n in names)


@pytest.mark.model
def test_group_phrases_only_for_collective_actor_nouns(nlp):
    r = extract_text(nlp, "Kurdish fighters clashed with police. Western diplomats were not surprised.")
    labels = {x.label: x.type for x in r.entities}
    assert labels.get("Kurdish fighters") == "Group"
    assert "Western diplomats" not in labels


@pytest.mark.model
def test_stance_prefixes_and_digits_are_not_places(nlp):
    r = extract_text(nlp, "The pro-Moscow faction of Dmitri Volkov lost. Rebels of the K19 group "
                          "seized the town, and the anti-Kyiv camp celebrated.")
    e = ents(r)
    for place in ("moscow", "russia", "kyiv", "ukraine"):
        assert place not in e  # "pro-Moscow" is a stance, not a mention of Moscow
    k19 = [x for x in e.values() if x.label == "K19"]
    assert all(x.type != "Place" for x in k19)  # places have no digits in their names


@pytest.mark.model
def test_a_seat_of_government_is_the_state_acting_and_the_building_as_a_place(nlp):
    r = extract_text(nlp, "Reporters waited outside Downing Street on Monday. "
                          "Downing Street said the talks had gone well.")
    e = ents(r)
    assert e["united_kingdom"].type == "Country"
    assert "Downing Street" in {m.text for m in e["united_kingdom"].mentions}
    assert e["downing_street"].type == "Place"


@pytest.mark.model
def test_name_boundaries_repaired_and_event_names_are_not_actors(nlp):
    r = extract_text(nlp, "A bomb exploded on Rivoli street in Paris on Friday. "
                          "Marta Oliveira of RTP's English service contributed to this report.")
    e = ents(r)
    assert any(m.text == "Rivoli street" for x in e.values() for m in x.mentions)
    person = next(x for x in e.values() if x.type == "Person")
    assert {m.text for m in person.mentions} == {"Marta Oliveira"}  # not "... of RTP"
    r = extract_text(nlp, "He ran in the Boston Marathon before the race was cancelled.")
    e = ents(r)
    assert not any("Marathon" in x.label for x in e.values())


@pytest.mark.model
def test_a_states_own_council_is_not_the_uns(nlp):
    r = extract_text(nlp, "Armenia's Security Council met on Monday. The UN Security Council will meet on Friday.")
    e = ents(r)
    assert "armenia_security_council" in e and "un_security_council" in e


@pytest.mark.model
def test_a_singular_person_with_a_demonym_is_not_a_group(nlp):
    r = extract_text(nlp, "A Peruvian woman was arrested at the airport. The Peruvian team arrived later.")
    e = ents(r)
    assert not any(k == "peru_woman" for k in e)
    assert e["peru_team"].type == "Group"


@pytest.mark.model
def test_a_capital_named_as_the_capital_is_the_city(nlp):
    r = extract_text(nlp, "The summit will be held in the country's capital, Ottawa. Ottawa protested the ruling.")
    e = ents(r)
    assert e["ottawa"].type == "Place" and "Ottawa" in mention_texts(r, "ottawa")


@pytest.mark.model
def test_a_newspaper_the_model_tags_as_an_event_is_an_organisation(nlp):
    e = entities_with_tags(nlp, "The figures were disputed, according to the Dhaka Tribune.",
                           [("Dhaka Tribune", "EVENT")])
    assert e["dhaka_tribune"].type == "Organization"


@pytest.mark.model
def test_a_capital_after_rulers_in_is_the_government(nlp):
    r = extract_text(nlp, "The regimes in Damascus and Tehran rejected the plan. Tourists in Damascus were calm.")
    e = ents(r)
    assert "Damascus" in mention_texts(r, "syria") and "Tehran" in mention_texts(r, "iran")
    assert "damascus" in e and e["damascus"].type == "Place"  # where the tourists are is the city


@pytest.mark.model
def test_someone_elses_officials_in_a_capital_are_there_not_its_government(nlp):
    r = extract_text(nlp, "The plan was confirmed by UN officials in Nairobi. Officials in Nairobi rejected it.")
    assert ents(r)["nairobi"].type == "Place" and "Nairobi" in mention_texts(r, "kenya")


@pytest.mark.model
def test_a_capitalised_title_tagged_as_an_organisation_is_no_name(nlp):
    r = extract_text(nlp, "Ravi Kumar, National Security Adviser, represented India at the talks.")
    assert not any(x.type == "Organization" for x in r.entities)
    assert not any(o.startswith("national_security") for _, _, o in [(x.subject, x.predicate, x.object)
                                                                   for x in r.relations])


@pytest.mark.model
def test_a_capital_the_model_tags_as_a_nationality_is_its_state_when_it_acts(nlp):
    r = extract_text(nlp, "Rwanda's foreign minister said Kigali bears no responsibility for the attack.")
    assert "Kigali" in mention_texts(r, "rwanda")


@pytest.mark.model
def test_a_conjoined_known_place_after_in_is_a_place(nlp):
    r = extract_text(nlp, "Tourists in Paris and Lyon were evacuated.")
    assert ents(r)["lyon"].type == "Place"


@pytest.mark.model
def test_a_capitalised_demonym_government_is_the_state(nlp):
    r = extract_text(nlp, "The Kenyan Government condemned the raid.")
    assert "Kenyan" in mention_texts(r, "kenya")
    assert not any(x.type == "Organization" for x in r.entities)


@pytest.mark.model
def test_portfolio_words_before_a_title_are_not_an_organisation(nlp):
    r = extract_text(nlp, "In Dodoma, Energy Cabinet Secretary Halima Mwinyi said Tanzania would cut fuel prices.")
    assert not any("cabinet" in k for k in ents(r))


@pytest.mark.model
def test_a_statement_from_a_capital_is_the_governments(nlp):
    r = extract_text(nlp, "Kenya will keep its troops there, according to a statement from Nairobi. "
                          "Traders fled from Nairobi.")
    e = ents(r)
    assert "Nairobi" in mention_texts(r, "kenya")
    assert e["nairobi"].type == "Place"


@pytest.mark.model
def test_a_capital_that_an_act_is_with_or_against_is_the_government(nlp):
    r = extract_text(nlp, "Estonia cut its trade ties with Minsk. Travellers drove to Minsk.")
    assert "Minsk" in mention_texts(r, "belarus")
    assert ents(r)["minsk"].type == "Place"  # where the travellers go is the city


@pytest.mark.model
def test_names_the_model_mistypes_by_their_heads_and_appositions(nlp):
    # The model's tags are set here: each typing rule is checked on the tag it is about.
    e = entities_with_tags(nlp, "Fighting spread to villages in the Tillaberi region.", [("Tillaberi", "NORP")])
    assert e["tillaberi"].type == "Place"
    e = entities_with_tags(nlp, "Taras Boyko, the head of Ukraine's Crisis Response Headquarters, spoke.",
                           [("Crisis Response Headquarters", "PRODUCT")])
    assert e["crisis_response_headquarters"].type == "Organization"
    e = entities_with_tags(nlp, "Lucía Mendoza, the head of the Organization of American States (OAS) mission, "
                                "said observers had found problems.", [("Mendoza", "ORG")])
    assert "lucia_mendoza" in e and e["lucia_mendoza"].type == "Person"


# -- single rules on hand-built Docs (no model: no parse, so no syntactic cue applies) ----------
@pytest.fixture(scope="module")
def table():
    from newsgraph.extract.entities.aliases import AliasTable, load_aliases

    return AliasTable(load_aliases())


def typed(table, text, phrase, label):
    from blank_docs import doc_of
    from newsgraph.extract.entities.classify import typed_mentions

    doc = doc_of(text, {phrase: label})
    return [(m.text, m.type) for m in typed_mentions(table, doc, doc.ents[0])]


def test_two_names_in_one_span_split_at_the_slash(table):
    assert typed(table, "Wikimedia Commons/Kremlin.ru said", "Wikimedia Commons/Kremlin.ru", "ORG") == \
        [("Wikimedia Commons", "Organization"), ("Kremlin.ru", "Organization")]


def test_digits_make_an_organisation_and_a_state_name_is_the_state(table):
    assert typed(table, "Unit 731 fighters advanced", "Unit 731", "GPE") == [("Unit 731", "Organization")]
    assert typed(table, "Talks in Niger ended", "Niger", "PERSON") == [("Niger", "Country")]


def test_a_states_whole_name_under_a_label_of_things_is_the_state(table):
    assert typed(table, "ECOWAS suspended Niger on Friday", "Niger", "WORK_OF_ART") == [("Niger", "Country")]
    assert typed(table, "troops left Chad", "Chad", "PRODUCT") == [("Chad", "Country")]
    assert typed(table, "the Niger Delta Avengers song", "Niger Delta Avengers", "WORK_OF_ART") == []


def test_a_name_opening_with_a_given_name_tagged_org_is_a_person_unless_a_body_or_movement_word_says_otherwise(table):
    assert typed(table, "Moussa Faki Mahamat reaffirmed the support", "Moussa Faki Mahamat", "ORG") == \
        [("Moussa Faki Mahamat", "Person")]
    assert typed(table, "the Nelson Mandela Foundation said", "Nelson Mandela Foundation", "ORG")[0][1] == "Organization"
    assert typed(table, "Abu Sayyaf militants kidnapped two tourists", "Abu Sayyaf", "ORG")[0][1] == "Organization"
    assert typed(table, "Ansar Allah said", "Ansar Allah", "ORG")[0][1] != "Person"


def test_the_name_of_an_agreement_or_a_text_is_no_actor(table):
    assert typed(table, "they signed the Treaty of Alliance", "Treaty of Alliance", "ORG") == []
    assert typed(table, "they signed the Minsk Agreement", "Minsk Agreement", "ORG") == []
    assert typed(table, "Israel signed the Abraham Accords", "Abraham Accords", "ORG") == []
    assert typed(table, "the Collective Security Treaty Organization met", "Collective Security Treaty Organization",
                 "ORG")[0][1] == "Organization"


def test_an_events_name_is_no_actor_but_the_place_it_starts_with_is(table):
    assert typed(table, "the Boston Marathon began", "Boston Marathon", "ORG") == [("Boston", "Place")]
    assert typed(table, "the Black Friday sales", "Black Friday", "ORG") == []


def test_the_rules_are_named_and_end_with_the_person_default():
    from newsgraph.extract.entities.classify import RULES

    names = [r.__name__ for r in RULES]
    assert names[:3] == ["event_name", "document_name", "no_name"] and names[-1] == "person"
    assert names.index("alias_entry") < names.index("state_by_name") < names.index("organisation")
    assert all(r.__doc__ for r in RULES[:-1])


@pytest.mark.model
@pytest.mark.parametrize("text", ["Tamar Kvaratskhelia, the foreign minister of Georgia, welcomed the deal.",
                                  "The foreign minister of Georgia, Tamar Kvaratskhelia, welcomed the deal."])
def test_a_name_apposed_to_a_title_is_a_person_whatever_its_tag(nlp, text):
    tags = sorted([("Tamar Kvaratskhelia", "GPE"), ("Georgia", "GPE")], key=lambda t: text.index(t[0]))
    e = entities_with_tags(nlp, text, tags)
    assert e["tamar_kvaratskhelia"].type == "Person" and e["georgia"].type == "Country"


@pytest.mark.model
def test_a_name_after_a_titled_head_is_a_person_though_tagged_org(nlp):
    text = "Peru's foreign ministry welcomed the deal. Its spokesman, Ramon Quispe Huaman, said talks helped."
    e = entities_with_tags(nlp, text, [("Peru", "GPE"), ("Ramon Quispe Huaman", "ORG")])
    assert e["ramon_quispe_huaman"].type == "Person"


@pytest.mark.parametrize("text", [
    "Election officials said the main opposition candidate, Nelson Chamisa, had conceded.",
    "Police detained the veteran journalist, Nelson Chamisa, on Friday.",
])
def test_a_name_tagged_org_in_apposition_with_a_persons_noun_is_a_person(nlp, text):
    e = entities_with_tags(nlp, text, [("Nelson Chamisa", "ORG")])
    assert e["nelson_chamisa"].type == "Person"


def test_a_time_zone_is_no_organisation(nlp):
    e = entities_with_tags(nlp, "The truce takes effect at 1800 GMT on Friday, Hezbollah said.", [("GMT", "ORG")])
    assert "gmt" not in e and "hezbollah" in e


def test_a_capital_a_message_is_sent_to_is_its_government_and_one_people_are_flown_to_the_city(nlp):
    r = extract_text(nlp, "The Chilean government sent a letter of protest to Buenos Aires on Monday.")
    assert "argentina" in ents(r) and "buenos_aires" not in ents(r)
    r = extract_text(nlp, "The freed soldiers were flown to Moscow for medical checks.")
    assert "moscow" in ents(r) and ents(r)["moscow"].type == "Place"


def test_a_states_people_are_a_national_group(nlp):
    r = extract_text(nlp, "Ghanaian President John Mahama congratulated the Malawian people on the vote.")
    e = ents(r)
    assert e["malawi_people"].type == "Group"
    assert ("john_mahama", "praises", "malawi_people") in rels(r)
