"""The steps that build the gazetteer's country tables, on hand-made records (no data packages)."""

from __future__ import annotations

import pytest

from newsgraph.extract import lexicon
from newsgraph.extract.gazetteer import build


def test_the_supplement_is_read_through_the_lexicon_with_known_kinds_only():
    rows = build._read_extra()
    assert rows == lexicon.rows(lexicon.PLACES_EXTRA)
    assert {row["kind"] for row in rows} <= build.EXTRA_KINDS
    assert any(row["name"] == "North Caucasus" and row["kind"] == "region" for row in rows)


def test_an_unknown_kind_in_the_supplement_is_an_error_naming_its_line(monkeypatch):
    text = "# a comment\nname\tkind\taliases\nNorth Caucasus\tregion\t\nAtlantis\tisland\t\n"
    monkeypatch.setattr(build.lexicon, "read_table", lambda name: lexicon.parse(text, name))
    with pytest.raises(ValueError, match=r"places_extra.tsv: line 4: unknown kind 'island'"):
        build._read_extra()


def test_extra_country_names_come_from_country_rows_with_their_aliases():
    extra = [{"name": "America", "kind": "country", "country_code": "US", "aliases": "the States; "},
             {"name": "Caucasus", "kind": "region", "country_code": "", "aliases": ""}]
    assert build._extra_country_names(extra) == {"US": ["America", "the States"]}


def test_name_forms_keep_primary_names_first_and_drop_aliases_that_are_demonyms():
    forms, tiers = build._name_forms(["United States", "United States", ""], ["US", "U.S.", "American", "America"],
                                     {"american"})
    assert forms == ["United States", "US", "U.S.", "America"]
    assert tiers == {"united states": 0, "us": 1, "america": 1}


def test_demonym_forms_add_plurals_and_leave_out_the_states_own_names():
    assert build._demonym_forms(["Russian", "Chinese"], set()) == ["Russian", "Russians", "Chinese"]
    assert build._demonym_forms(["Djibouti", "Djiboutian"], {"djibouti"}) == ["Djiboutian", "Djiboutians"]


def test_coordinates_fall_back_on_the_capital_city():
    assert build._coordinates("RU", {"latlng": [60, 100]}, {}) == (60.0, 100.0)
    assert build._coordinates("XK", {}, {"XK": {"latitude": "42.67", "longitude": "21.17"}}) == (42.67, 21.17)
    assert build._coordinates("BV", {}, {}) is None


def test_a_preferred_short_name_goes_to_its_state_over_any_rank():
    cd = build.Country("CD", "COD", "Democratic Republic of the Congo", 1, 0.0, 0.0, None, (), ())
    cg = build.Country("CG", "COG", "Republic of the Congo", 2, 0.0, 0.0, None, (), ())
    ranks = {"congo": ((0, -100, 0), cg)}
    build._prefer_names([cd, cg], ranks)
    assert ranks["congo"][1] is cd
