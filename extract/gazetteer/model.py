"""The gazetteer's records (:class:`Country`, :class:`Place`, the lookup tables :class:`_Index`)
and the normalisation every lookup key goes through (:func:`_key`)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Country:
    """A state or territory with its own ISO 3166-1 code, or a de facto state without one
    (``iso2`` empty, ``de_jure`` the ISO2 of the state it lies in as the UN sees it)."""

    iso2: str  # "" for a de facto state (data/places_extra.tsv kind "state")
    iso3: str
    name: str  # common English short name: "Russia", "United States", "South Korea"
    geonames_id: int | None  # None for a de facto state (none was fetched online)
    lat: float  # representative point (countryinfo latlng; else the capital's coordinates)
    lng: float
    capital: str | None
    names: tuple[str, ...]  # every name it is known by, ``name`` first
    demonyms: tuple[str, ...]
    de_jure: str | None = None  # de facto states only: ISO2 of the state it lies in per the UN

    @property
    def ident(self) -> str:
        """What tells it from every other record: its ISO2 code, or a de facto state's name."""
        return self.iso2 or self.name


@dataclass(frozen=True, slots=True)
class Place:
    """A city, US state, continent or hand-listed region."""

    name: str
    geonames_id: int | None
    lat: float | None
    lng: float | None
    country_code: str | None  # ISO2 of the country it lies in
    kind: str  # "city" | "region" | "continent" | "us_state"
    population: int = 0


@dataclass(frozen=True, slots=True)
class _Index:
    by_code: dict[str, Country]  # ISO2 and ISO3
    names: dict[str, Country]  # normalised name -> country
    acronyms: frozenset[str]  # normalised names that only match when written in capitals
    demonyms: dict[str, Country]
    capitals: dict[str, Country]  # capital names, their alternate names, seats of government
    places: dict[str, Place]  # regions, continents, hand-listed city names
    us_states: dict[str, Place]
    city_names: dict[str, Place]  # a city's own (GeoNames) name -> most populous such city
    city_alt_names: dict[str, Place]  # an alternate name -> most populous such city
    capital_ids: frozenset[int]  # GeoNames ids of national capitals


# -- normalisation ----------------------------------------------------------------------------
# Unicode apostrophes and dashes become ASCII ones before diacritics are stripped.
_TO_ASCII = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'",
                           **{chr(c): "-" for c in range(0x2010, 0x2016)}})
_LEADING_THE = re.compile(r"^\s*the\s+", re.IGNORECASE)
# "St. Petersburg" and "Saint Petersburg" must share a key, so population can decide.
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_ABBREVIATION = re.compile(r"\b(?:st|ste|mt|ft)\b")


def _fold(text: str) -> str:
    """Strip diacritics ("Élysée" -> "Elysee"); ASCII passes through untouched (fast path)."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text.translate(_TO_ASCII))
    return "".join(c for c in text if not unicodedata.combining(c))


def _key(text: str) -> str:
    """Lookup key: folded, lower-case, no dots/commas/hyphens, no leading "the", no "'s".

    Called ~160k times while the index is built, hence the plain string operations.
    """
    s = _fold(text).lower()
    if "." in s:
        s = s.replace(".", "")
    if "-" in s or "," in s:
        s = s.replace("-", " ").replace(",", " ")
    s = " ".join(s.split())
    if s.startswith("the "):
        s = s[4:]
    if s.endswith("'s"):
        s = s[:-2].rstrip()
    if "t " in s or "te " in s:  # cheap pre-check for the abbreviations above
        s = _ABBREVIATION.sub(lambda m: _ABBREVIATIONS[m.group(0)], s)
    return s


def _has_upper(text: str) -> bool:
    return any(c.isupper() for c in text)


def _in_capitals(text: str) -> bool:
    """True for "US", "U.S.", "the U.S." — how an abbreviation must be written to match."""
    letters = [c for c in _LEADING_THE.sub("", text) if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _is_acronym(form: str) -> bool:
    compact = form.replace(".", "").replace(" ", "")
    return compact.isalpha() and compact.isupper() and len(compact) <= 5
