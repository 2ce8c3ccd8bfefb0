"""Gendered pronouns refer to a person of their gender when the text or the given name says it
(genders.py): unit tests on the lookups, and the pronouns of made-up articles through the model."""

import pytest

from conftest import events_of, extract_text
from newsgraph.extract.entities.genders import given_name_gender, may_refer, person_genders
from newsgraph.graph.model import EntityRecord


def test_given_names_of_clear_gender_and_unknown_ones():
    assert given_name_gender("Angela Merkel") == "F"
    assert given_name_gender("Yulia Tymoshenko") == "F"
    assert given_name_gender("Sergei Lavrov") == "M"
    assert given_name_gender("Sebastián Piñera") == "M"  # accented, looked up plain when needed
    # a single word, a family name first, a name of both genders: unknown
    assert given_name_gender("Putin") is None
    assert given_name_gender("Kim Jong Un") is None
    assert given_name_gender("Jean Dupont") is None
    assert given_name_gender("Raila Odinga") is None  # 'Raila' is 90 % female in the data: not clear


def _person(key: str, label: str) -> EntityRecord:
    return EntityRecord(key=key, type="Person", label=label, mentions=(), names=(label,))


class _M:
    def __init__(self, key: str, start: int) -> None:
        self.key, self.start = key, start


def test_an_honorific_gives_the_gender_and_conflicting_evidence_gives_none():
    text = "Mrs Odinga met Mr. Tshisekedi. Ms Graham spoke."
    entities = {"odinga": _person("odinga", "Odinga"), "tshisekedi": _person("tshisekedi", "Tshisekedi"),
                "lindsey": _person("lindsey", "Angela Graham")}
    mentions = [_M("odinga", text.index("Odinga")), _M("tshisekedi", text.index("Tshisekedi")),
                _M("lindsey", text.index("Graham"))]
    genders = person_genders(text, mentions, entities)
    assert genders["odinga"] == "F" and genders["tshisekedi"] == "M"
    assert genders["lindsey"] == "F"  # an honorific and a given name that agree
    entities["lindsey"] = _person("lindsey", "Sergei Graham")  # ... and that disagree: unknown
    assert "lindsey" not in person_genders(text, mentions, entities)


def test_a_pronoun_may_refer_to_anyone_whose_gender_is_unknown_or_the_same():
    genders = {"merkel": "F", "putin": "M"}
    assert may_refer("She", "merkel", genders) and not may_refer("she", "putin", genders)
    assert may_refer("his", "putin", genders) and not may_refer("him", "merkel", genders)
    assert may_refer("he", "xi", genders) and may_refer("they", "merkel", genders)


@pytest.mark.model
def test_she_is_the_woman_named_before_the_more_recent_man(nlp):
    r = extract_text(nlp, "Lithuanian President Dalia Grybauskaite met Belarusian President Alexander "
                          "Lukashenko in Vilnius on Tuesday. She urged him to free the jailed opposition "
                          "candidates.")
    appeal = events_of(r, "appeal")
    assert appeal and ("agent", "dalia_grybauskaite") in appeal[0].roles
    assert ("target", "alexander_lukashenko") in appeal[0].roles


@pytest.mark.model
def test_he_is_not_the_woman_named_last(nlp):
    r = extract_text(nlp, "Pakistani Prime Minister Imran Khan called German Chancellor Angela Merkel on "
                          "Sunday. He condemned the attack on the embassy in Kabul.")
    condemn = events_of(r, "condemn") or events_of(r, "criticize")
    assert condemn and ("agent", "imran_khan") in condemn[0].roles
