"""The gazetteer's on-disk cache key covers every module of the package and its data, so a
change to any of them rebuilds the tables (no data packages loaded: only the key is computed)."""

from __future__ import annotations

from pathlib import Path

from newsgraph.extract.gazetteer import cache


def test_the_key_hashes_every_module_of_the_package_and_the_table_reader():
    package = Path(cache.__file__).parent
    hashed = cache._sources()
    assert set(package.glob("*.py")) <= set(hashed)
    assert {p.name for p in hashed} >= {"__init__.py", "build.py", "cache.py", "model.py", "lexicon.py"}


def test_a_change_to_any_module_gives_another_cache_file(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", str(tmp_path))
    copies = []
    for source in cache._sources():
        copy = tmp_path / source.name
        copy.write_bytes(source.read_bytes())
        copies.append(copy)
    monkeypatch.setattr(cache, "_sources", lambda: copies)
    first = cache._cache_path()
    assert first is not None and first.parent == tmp_path and first.name.startswith("gazetteer-")
    assert cache._cache_path() == first  # the same code, the same file
    for copy in copies:
        text = copy.read_bytes()
        copy.write_bytes(text + b"\n# changed\n")
        assert cache._cache_path() != first, copy.name
        copy.write_bytes(text)
    assert cache._cache_path() == first


def test_the_cache_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", "off")
    assert cache._cache_path() is None
