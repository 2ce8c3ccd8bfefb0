"""Unnamed bands (extract/entities/bands.py): the armed men or the crowd an article follows
without a name become one local Group of that article; the graph never joins two articles'."""

import pytest

from conftest import extract_text

from newsgraph.graph.builder import build_graph
from newsgraph.graph.model import Article, ArticleResult, EntityRecord, Span


def _bands(r):
    return [e for e in r.entities if e.local]


@pytest.mark.model
def test_an_armed_band_the_article_follows_is_one_local_group(nlp):
    r = extract_text(nlp, "Masked gunmen stormed a hotel in Mogadishu on Friday. The gunmen held dozens of "
                          "guests for hours. Kenya condemned the attackers.")
    bands = _bands(r)
    assert len(bands) == 1 and bands[0].type == "Group" and len(bands[0].mentions) == 3
    key = bands[0].key
    assert any(("agent", key) in e.roles for e in r.events)
    assert any(rel.subject == "kenya" and rel.object == key for rel in r.relations)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # named once only: a description, not a party the story follows
    "Gunmen killed a police officer in Kano on Sunday. The governor promised an inquiry.",
    # the bare noun refers to the group the article names
    "Al-Shabaab fighters attacked a base near Afgooye. The fighters withdrew after an hour; fighters "
    "also burned a truck.",
    "Shiite militants clashed with police in Basra. The militants later withdrew; militants fired mortars.",
    # one person, not a band
    "A gunman opened fire at a school. The gunman was arrested.",
])
def test_no_band_where_the_article_has_none_to_follow(nlp, text):
    assert not _bands(extract_text(nlp, text))


@pytest.mark.model
def test_a_crowd_is_a_band_of_its_own(nlp):
    r = extract_text(nlp, "Protesters blocked the main road in Lima. Police fired tear gas at the "
                          "demonstrators, and protesters threw stones.")
    bands = _bands(r)
    assert len(bands) == 1 and bands[0].label == "protesters"


def _article(doc_id: str) -> ArticleResult:
    text = "The gunmen fled."
    band = EntityRecord("armed_gunmen", "Group", "gunmen", (Span(4, 10, "gunmen"),), local=True)
    return ArticleResult(Article(id=doc_id, text=text), [band])


def test_two_articles_bands_are_two_nodes():
    g = build_graph([_article("a.txt"), _article("b.txt")])
    groups = [n for n, a in g.nodes(data=True) if a.get("kind") == "entity"]
    assert len(groups) == 2 and all("armed_gunmen_" in n for n in groups)
