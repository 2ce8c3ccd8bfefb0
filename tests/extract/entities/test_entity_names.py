"""Matching a person's names (names.py): pure rules, no model."""

from newsgraph.extract.entities.names import _spellings_of_one_name, _surname, short_name_target


def test_a_surname_fits_its_full_name_with_or_without_particles():
    named = [(0, "bill_de_blasio", "Bill de Blasio"), (10, "bashar_al_assad", "Bashar al-Assad")]
    assert short_name_target("Blasio", 50, named) == "bill_de_blasio"
    assert short_name_target("DeBlasio", 50, named) == "bill_de_blasio"
    assert short_name_target("Assad", 50, named) == "bashar_al_assad"
    assert short_name_target("Putin", 50, named) is None
    assert _surname("Bashar al-Assad") == "Assad"


def test_a_shared_surname_goes_to_the_person_named_most_before():
    named = [(0, "tamerlan_tsarnaev", "Tamerlan Tsarnaev"), (10, "dzhokhar_tsarnaev", "Dzhokhar Tsarnaev"),
             (20, "dzhokhar_tsarnaev", "Dzhokhar Tsarnaev")]
    assert short_name_target("Tsarnaev", 30, named) == "dzhokhar_tsarnaev"
    assert short_name_target("Tsarnaev", 5, named) == "tamerlan_tsarnaev"


def test_respellings_of_one_name_but_not_two_similar_names():
    assert _spellings_of_one_name("Abu Muhammad al Masri", "Abu Mohamed Al-Masri")
    assert _spellings_of_one_name("Tsarnaev", "Tzarnaev")
    assert not _spellings_of_one_name("Kim Jong Un", "Kim Jong Il")
