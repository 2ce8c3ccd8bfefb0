"""Photo credits and fragments of names (credits.py), and lone common nouns tagged PERSON
(classify.common_noun).  Every sentence here is invented."""

import pytest

from conftest import extract_text
from entity_helpers import entities_with_tags

from newsgraph.extract.entities.credits import credit_spans, is_fragment, names_only, not_credits


def credits_of(text: str) -> list[str]:
    return [text[s:e] for s, e in credit_spans(text)]


def test_labelled_credit_lines():
    text = "The minister left Riga.\nImage: Latvija.lv\nPhoto: Baltic Picture Desk\nPHOTO CREDIT: Ana Ruiz\n" \
           "Credit: the Port Authority of Klaipeda\nSource: Harbour Office/Portal.gov.lt"
    assert credits_of(text) == ["Image: Latvija.lv", "Photo: Baltic Picture Desk", "PHOTO CREDIT: Ana Ruiz",
                                "Credit: the Port Authority of Klaipeda", "Source: Harbour Office/Portal.gov.lt"]


def test_a_caption_that_describes_the_picture_is_not_a_credit_but_its_closing_names_are():
    text = "Image: Marta Kivi greeting farmers in Tartu. Baltic Picture Desk/Farmpress.ee\nMore text."
    assert credits_of(text) == ["Baltic Picture Desk/Farmpress.ee"]
    assert credits_of("Photo: Marta Kivi greeting farmers in Tartu.") == []


def test_bracketed_and_by_line_credits():
    text = "Kivi waved (Photo by Ana Ruiz/Coastal News) and left (Image credit Farmpress.ee). " \
           "Farmers cheered (courtesy of the Tartu Museum).\nPhoto by Lembit Saar via Baltic Picture Desk"
    assert credits_of(text) == ["(Photo by Ana Ruiz/Coastal News)", "(Image credit Farmpress.ee)",
                                "(courtesy of the Tartu Museum)", "Photo by Lembit Saar via Baltic Picture Desk"]


def test_a_line_of_names_with_a_web_address_is_a_credit_and_an_address_in_prose_is_not():
    assert credits_of("Kivi spoke.\nBaltic Picture Desk/Farmpress.ee\n") == ["Baltic Picture Desk/Farmpress.ee"]
    assert credits_of("The firm Farmpress.ee said the harvest was late.") == []
    assert credits_of("Marta Kivi, the Image Bureau chief, spoke.") == []


def test_fragments_and_names_only():
    assert is_fragment("Tartu-") and is_fragment("-Narva") and not is_fragment("Ida-Viru")
    assert names_only("Ana Ruiz/Coastal News via AFP") and not names_only("Ana Ruiz waving")
    keep = not_credits("Tartu-based farmers met.\nImage: Farmpress.ee")

    class M:
        def __init__(self, start, end, text):
            self.start, self.end, self.text = start, end, text

    assert not keep(M(0, 6, "Tartu-")) and keep(M(17, 22, "met.")) and not keep(M(32, 43, "Farmpress.ee"))


@pytest.mark.model
def test_no_entity_from_a_credit_or_a_fragment(nlp):
    r = extract_text(nlp, "Marta Kivi opened the Tartu fair on Monday.\n\nImage: Farmpress.ee\n\n"
                          "Photo: Baltic Picture Desk\n\nKivi thanked the farmers (Photo by Lembit Saar/Coastal News).\n\n"
                          "Image: Marta Kivi greeting farmers in Tartu. Baltic Picture Desk/Farmpress.ee")
    labels = {e.label for e in r.entities}
    assert "Marta Kivi" in labels
    assert not labels & {"Farmpress.ee", "Baltic Picture Desk", "Lembit Saar", "Coastal News", "Photo"}
    r = extract_text(nlp, "Students of the University of Vermont-Burlington protested.")
    assert not any(e.label.endswith("-") or m.text.endswith("-") for e in r.entities for m in e.mentions)


@pytest.mark.model
def test_a_lone_common_noun_tagged_person_is_no_person_unless_it_joins_one(nlp):
    e = entities_with_tags(nlp, "Murder shocked the quiet town of Leeton.", [("Murder", "PERSON")])
    assert not any(x.type == "Person" for x in e.values())
    e = entities_with_tags(nlp, "State said nothing more.", [("State", "PERSON")])
    assert not any(x.type == "Person" for x in e.values())
    # The surname of a person named in full stays that person's.
    e = entities_with_tags(nlp, "Anton Guard spoke. Guard said the talks failed.",
                           [("Anton Guard", "PERSON"), ("Guard", "PERSON")])
    assert {m.text for m in e["anton_guard"].mentions} == {"Anton Guard", "Guard"}


def test_the_common_noun_rule_comes_before_the_person_default():
    from newsgraph.extract.entities.classify import RULES

    names = [r.__name__ for r in RULES]
    assert names.index("common_noun") == len(names) - 3
