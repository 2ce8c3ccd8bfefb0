"""The pipeline in spaCy's shape: factory metadata, the alias table read once, and a built
pipeline saved with ``nlp.to_disk`` and loaded with ``spacy.load`` giving the same results."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEXTS = (ROOT / "seeds" / "st-petersburg-bombing.txt",
         ROOT / "eval" / "dev" / "wikinews" / "wikinews-2006-chavez-bush-un-address.txt",
         ROOT / "eval" / "dev" / "gum_news" / "GUM_news_afghan.txt")
ALIASES = ("surface,label,type,iri\n"
           "ZetaCorp,Zeta Corporation,Organization,http://www.wikidata.org/entity/Q1\n"
           "the Syndicate,Red Syndicate,Group,\n")


def _articles():
    from newsgraph.extract.reader import read_articles

    return list(read_articles([str(p) for p in TEXTS], date="2017-04-03"))


def test_factories_declare_what_they_assign_and_require():
    import spacy

    import newsgraph.extract.pipeline  # noqa: F401 - registers the factories

    nlp = spacy.blank("en")
    meta = {name: nlp.get_factory_meta(name) for name in ("newsgraph_entities", "newsgraph_events",
                                                          "newsgraph_relations")}
    assert meta["newsgraph_entities"].assigns == ["doc._.ng_entities", "doc._.ng_pronouns", "doc.spans",
                                                  "doc.user_data"]
    assert "doc.ents" in meta["newsgraph_entities"].requires
    assert "token.dep" in meta["newsgraph_entities"].requires
    assert meta["newsgraph_events"].assigns == ["doc._.ng_events", "doc._.ng_participants"]
    assert "doc._.ng_entities" in meta["newsgraph_events"].requires
    assert meta["newsgraph_relations"].assigns == ["doc._.ng_relations"]
    assert {"doc._.ng_entities", "doc._.ng_events"} <= set(meta["newsgraph_relations"].requires)
    assert nlp.get_factory_meta("newsgraph_events").default_config == {"min_confidence": 0.3}


def test_extensions_are_registered_in_one_module():
    from spacy.tokens import Doc

    from newsgraph.extract import doc as ng_doc

    assert all(Doc.has_extension(name) for name in ng_doc.DOC_EXTENSIONS)
    src = ROOT / "extract"
    registering = sorted(str(p.relative_to(src)) for p in src.rglob("*.py") if "set_extension" in p.read_text())
    assert registering == ["doc.py"]


@pytest.mark.model
def test_alias_file_is_read_once(tmp_path, monkeypatch):
    from newsgraph.extract.entities import aliases
    from newsgraph.extract.pipeline import load_pipeline

    table = tmp_path / "aliases.csv"
    table.write_text(ALIASES)
    reads = []
    read = aliases._read_alias_file
    monkeypatch.setattr(aliases, "_read_alias_file", lambda path: reads.append(path) or read(path))
    nlp = load_pipeline(aliases=str(table))
    assert reads == [table]
    assert nlp.get_pipe("newsgraph_entities").aliases["ZetaCorp"].label == "Zeta Corporation"
    assert any(p["pattern"] == "ZetaCorp" for p in nlp.get_pipe("newsgraph_aliases").patterns)
    meta = nlp.get_pipe_meta("newsgraph_entities")
    assert "doc._.ng_entities" in meta.assigns and "doc.ents" in meta.requires


@pytest.mark.model
def test_saved_pipeline_loads_with_the_same_results(tmp_path):
    import spacy

    from newsgraph.extract.pipeline import extract, load_pipeline

    table = tmp_path / "aliases.csv"
    table.write_text(ALIASES)
    nlp = load_pipeline(aliases=str(table))
    articles = _articles()
    before = list(extract(articles, nlp))
    nlp.to_disk(tmp_path / "pipeline")
    table.unlink()  # the saved pipeline carries its alias table
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == nlp.pipe_names
    assert loaded.get_pipe("newsgraph_entities").aliases == nlp.get_pipe("newsgraph_entities").aliases
    after = list(extract(articles, loaded))
    assert [r.article.id for r in after] == [p.name for p in TEXTS]
    assert after == before
    assert all(r.entities and r.events for r in after)
    copy = load_pipeline()  # the shipped table, then the bytes of the user one
    copy.get_pipe("newsgraph_entities").from_bytes(nlp.get_pipe("newsgraph_entities").to_bytes())
    assert copy.get_pipe("newsgraph_entities").aliases == nlp.get_pipe("newsgraph_entities").aliases


def test_shipped_table_is_read_by_lexicon_and_checked_row_by_row(monkeypatch):
    from newsgraph.errors import InputError
    from newsgraph.extract import lexicon
    from newsgraph.extract.entities import aliases

    bad = lexicon.parse("# actors\nsurface\tlabel\ttype\tiri\nUN\tUnited Nations\tOrganization\t\n"
                        "Mars\tMars\tPlanet\t\n", lexicon.ACTORS)
    monkeypatch.setattr(lexicon, "read_table", lambda name: bad if name == lexicon.ACTORS else None)
    aliases._shipped_aliases.cache_clear()
    try:
        with pytest.raises(InputError, match=r"actors\.tsv: line 4: type must be one of"):
            aliases._shipped_aliases()
    finally:
        monkeypatch.undo()
        aliases._shipped_aliases.cache_clear()
    assert dict(aliases._shipped_aliases())["UN"].label == "United Nations"
