"""Acronyms and bracketed short forms (acronyms.py), through the model."""

import pytest

from conftest import extract_text
from entity_helpers import ents, mention_texts



@pytest.mark.model
def test_acronym_and_expansion_merge(nlp):
    r = extract_text(nlp, "The International Rescue Committee (IRC) sent staff to Sudan. "
                          "The IRC said supplies were short.")
    e = ents(r)
    irc = [x for x in e.values() if x.type == "Organization" and "IRC" in {m.text for m in x.mentions}]
    assert len(irc) == 1 and irc[0].label == "International Rescue Committee"


@pytest.mark.model
def test_parenthetical_short_form_is_an_alias(nlp):
    r = extract_text(nlp, "Soldiers of the Bolivarian National Armed Forces (FANB) arrived. Later the FANB withdrew.")
    e = ents(r)
    fanb = [x for x in e.values() if "FANB" in {m.text for m in x.mentions}]
    assert len(fanb) == 1 and fanb[0].label == "Bolivarian National Armed Forces"
    assert all("(" not in m.text for x in e.values() for m in x.mentions)


@pytest.mark.model
def test_a_short_form_in_brackets_after_a_name_is_that_name(nlp):
    r = extract_text(nlp, "The Coastal Defence Directorate (CDD) said two boats sank. The CDD blamed smugglers. "
                          "The Movement for the Liberation of Cabinda (MLC) rejected the claim.")
    e = ents(r)
    cdd = [x for x in e.values() if "CDD" in {m.text for m in x.mentions}]
    assert len(cdd) == 1 and cdd[0].label == "Coastal Defence Directorate"
    mlc = [x for x in e.values() if "MLC" in {m.text for m in x.mentions}]
    assert len(mlc) == 1 and mlc[0].type == "Organization"  # not Cabinda, the place ending the name


@pytest.mark.model
def test_a_bracketed_short_form_after_a_mission_in_a_country_is_the_missions(nlp):
    r = extract_text(nlp, "The OSCE Mission in Kosovo (OMIK) has operated since 1999. OMIK monitors the courts.")
    e = ents(r)
    mission = [k for k in e if k.startswith("osce_mission")]
    assert mission and "OMIK" in mention_texts(r, mission[0])
    assert "OMIK" not in mention_texts(r, "kosovo")


@pytest.mark.model
def test_an_acronym_defined_in_brackets_finds_its_untagged_long_form(nlp):
    r = extract_text(nlp, "Diplomats praised the work of the UN Office for Peacebuilding in the Great Lakes (UNOPGL) "
                          "on Monday. UNOPGL said talks would follow.")
    org = [x for x in r.entities if "UNOPGL" in {m.text for m in x.mentions}]
    assert len(org) == 1 and org[0].type == "Organization" and org[0].label.startswith("UN Office for Peacebuilding")
    assert len([m for m in org[0].mentions if m.text == "UNOPGL"]) == 2


def test_schwartz_hearst_long_forms():
    from newsgraph.extract.entities.acronyms import _long_form

    assert _long_form("WHO", "said the World Health Organization") == "World Health Organization"
    assert _long_form("UNMISS", "troops of the United Nations Mission in South Sudan") == \
        "United Nations Mission in South Sudan"
    # (a French acronym does not spell the English name: no long form is guessed)
    assert _long_form("FARDC", "the army of the Armed Forces of the Democratic Republic of Congo") is None
    assert _long_form("XYZ", "nothing here matches") is None


# -- pure rules on hand-built Docs (no model) --------------------------------------------------
def test_initials_skip_name_particles():
    from newsgraph.extract.entities.acronyms import acronym

    assert acronym("Foreign Policy Research Institute") == "FPRI"
    assert acronym("Church of Scientology") == "CS"


def test_an_acronym_and_its_expansion_and_a_head_of_one_longer_name_merge():
    from newsgraph.extract.entities.acronyms import _resolve_acronyms
    from newsgraph.extract.entities.mention import _Mention, org_key

    orgs = [_Mention(start=i, end=i + 1, text=t, type="Organization")
            for i, t in enumerate(["United Nations", "UN", "Comic Corps of Canada", "Comic Corps", "Google"])]
    _resolve_acronyms(orgs)
    key = {m.text: m.key for m in orgs}
    assert key["UN"] == key["United Nations"] == org_key("United Nations")
    assert key["Comic Corps"] == org_key("Comic Corps of Canada")
    assert key["Google"] is None


def test_a_short_form_in_brackets_links_to_the_name_before_it():
    from blank_docs import doc_of
    from newsgraph.extract.entities.acronyms import _bracketed_short_forms
    from newsgraph.extract.entities.mention import _Mention

    doc = doc_of("the State Committee for National Security (GKNB) said.")
    name = "State Committee for National Security"
    m = _Mention(start=4, end=4 + len(name), text=name, type="Organization", token=1)
    [short] = _bracketed_short_forms(doc, [m])
    assert (short.text, short.type, short.source, short.link) == ("GKNB", "Organization", "parenthetical", m.start)


def test_an_acronym_defined_after_an_untagged_long_form():
    from blank_docs import doc_of
    from newsgraph.extract.entities.acronyms import _defined_acronyms

    doc = doc_of("the UN Office for Peacebuilding in the Great Lakes (UNOPGL) said.")
    long, short = _defined_acronyms(doc, [])
    assert long.text == "UN Office for Peacebuilding in the Great Lakes"
    assert short.text == "UNOPGL" and short.key == long.key and long.type == short.type == "Organization"


@pytest.mark.model
def test_an_untagged_acronym_described_as_an_organisation_is_one(nlp):
    r = extract_text(nlp, "KADEM, the largest women's association in Turkey, criticised the ruling.")
    assert ents(r)["kadem"].type == "Organization"
