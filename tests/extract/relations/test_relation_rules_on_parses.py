"""The relation rules on hand-built parses (``spacy.blank("en")``, no model): each rule is
checked on exactly the tree it is about, whatever a model version would parse."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from newsgraph.extract import lexicon
from newsgraph.extract.entities import SPAN_KEY
from newsgraph.extract.relations import (
    TITLE_RULES, RelationExtractor, place_relations, title_relations, title_words,
)
from newsgraph.extract.relations.title_words import _title_kind
from newsgraph.extract.relations.titles import body_of_body, part_of_parent, party_of_person, title_before_name, \
    title_beside_name, title_of_state_before_name
from newsgraph.graph.model import EntityRecord, RelationRecord
from newsgraph.graph.model import Span as TextSpan

NLP = spacy.blank("en")
for name in ("ng_entities", "ng_pronouns", "ng_events"):
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=None)


def parse(words: list[str], heads: list[int], deps: list[str], pos: list[str] | None = None) -> Doc:
    """A Doc with the given tree (``heads``: absolute token indices; the root is its own head);
    lemmas are the lower-case words ("is": "be")."""
    spaces = [i + 1 < len(words) and words[i + 1] not in {"'s", ".", ","} for i in range(len(words))]
    lemmas = ["be" if w == "is" else w.lower() for w in words]
    return Doc(NLP.vocab, words=words, spaces=spaces, heads=heads, deps=deps, lemmas=lemmas,
               pos=pos or ["PROPN"] * len(words))


def with_entities(doc: Doc, mentions: list[tuple[int, int, str, str]], **located_in: str) -> Doc:
    """Mentions (start, end, key, type) as the entity component leaves them; an entity named
    twice or more counts as often for the article's main state."""
    doc.spans[SPAN_KEY] = [Span(doc, s, e, kb_id=key) for s, e, key, _ in mentions]
    entities = {}
    for s, e, key, kind in mentions:
        span = doc[s:e]
        text = TextSpan(span.start_char, span.end_char, span.text)
        old = entities.get(key)
        entities[key] = EntityRecord(key, kind, span.text, (old.mentions if old else ()) + (text,),
                                     located_in=located_in.get(key))
    doc._.ng_entities = entities
    return doc


# -- what a title word makes its holder ---------------------------------------------------------
@pytest.mark.parametrize("words, kind", [
    (["President"], "leaderOf"),
    (["Prime", "Minister"], "leaderOf"),  # a leader's phrase, though "minister" is a member's title
    (["Foreign", "Minister"], "memberOf"),
    (["Deputy", "Leader"], "memberOf"),  # a subordinate qualifier
    (["Former", "President"], None),  # a past title
    (["Opposition", "Leader"], None),  # of the state's politics, not of the state
    (["Spokesman"], "memberOf"),
    (["Farmer"], None),  # no title
])
def test_a_title_word_read_with_the_words_before_it(words, kind):
    n = len(words)  # the title words, then "Ana Ruiz"; every word hangs on the title or the name
    doc = parse([*words, "Ana", "Ruiz"], [n - 1] * (n - 1) + [n + 1, n + 1, n + 1],
                ["compound"] * (n - 1) + ["compound", "compound", "ROOT"])
    assert _title_kind(doc[n - 1]) == kind


# -- titles -------------------------------------------------------------------------------------
def test_a_title_before_a_name_with_its_body_named():
    # UN ambassador Nikki Haley spoke .
    doc = with_entities(parse(["UN", "ambassador", "Nikki", "Haley", "spoke", "."],
                              [1, 3, 3, 4, 4, 4], ["compound", "compound", "compound", "nsubj", "ROOT", "punct"]),
                        [(0, 1, "united_nations", "Organization"), (2, 4, "nikki_haley", "Person")])
    [rel] = title_relations(doc)
    assert rel == RelationRecord("nikki_haley", "memberOf", "united_nations", TextSpan(0, 25, "UN ambassador Nikki Haley"),
                                 0.9)


def test_a_bare_title_is_the_articles_state_and_a_guess():
    # Peru voted . Peru won . President Ana Ruiz spoke .  (Peru, named twice, is the article's state)
    doc = with_entities(parse(["Peru", "voted", ".", "Peru", "won", ".", "President", "Ana", "Ruiz", "spoke", "."],
                              [1, 1, 1, 4, 4, 4, 8, 8, 9, 9, 9],
                              ["nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct", "compound", "compound", "nsubj",
                               "ROOT", "punct"]),
                        [(0, 1, "peru", "Country"), (3, 4, "peru", "Country"), (7, 9, "ana_ruiz", "Person")])
    [rel] = title_relations(doc)
    assert (rel.subject, rel.predicate, rel.object, rel.confidence) == ("ana_ruiz", "leaderOf", "peru", 0.5)
    assert rel.evidence.text == "President Ana Ruiz"


def test_a_title_in_apposition_and_after_a_copula():
    # Ana Ruiz , a fellow at Brookings , is an editor at Reuters .
    words = ["Ana", "Ruiz", ",", "a", "fellow", "at", "Brookings", ",", "is", "an", "editor", "at", "Reuters", "."]
    heads = [1, 8, 1, 4, 1, 4, 5, 1, 8, 10, 8, 10, 11, 8]
    deps = ["compound", "nsubj", "punct", "det", "appos", "prep", "pobj", "punct", "ROOT", "det", "attr", "prep",
            "pobj", "punct"]
    doc = with_entities(parse(words, heads, deps), [(0, 2, "ana_ruiz", "Person"), (6, 7, "brookings", "Organization"),
                                                    (12, 13, "reuters", "Organization")])
    got = [(r.predicate, r.object, r.confidence) for r in title_relations(doc)]
    assert got == [("memberOf", "brookings", 0.8), ("memberOf", "reuters", 0.75)]


def test_an_organisation_that_is_part_of_another_and_a_persons_party():
    # JNIM , an al-Qaeda affiliate , backed Omar Sy of the NUP .
    words = ["JNIM", ",", "an", "al-Qaeda", "affiliate", ",", "backed", "Omar", "Sy", "of", "the", "NUP", "."]
    heads = [6, 0, 4, 4, 0, 0, 6, 8, 6, 8, 11, 9, 6]
    deps = ["nsubj", "punct", "det", "compound", "appos", "punct", "ROOT", "compound", "dobj", "prep", "det", "pobj",
            "punct"]
    doc = with_entities(parse(words, heads, deps), [(0, 1, "jnim", "Group"), (3, 4, "al_qaeda", "Group"),
                                                    (7, 9, "omar_sy", "Person"), (11, 12, "nup", "Organization")])
    got = [(r.subject, r.predicate, r.object) for r in title_relations(doc)]
    assert got == [("jnim", "memberOf", "al_qaeda"), ("omar_sy", "memberOf", "nup")]


def test_a_body_named_with_another_bodys_possessive_is_part_of_it():
    # The World Bank 's IFC approved the loan .
    doc = with_entities(parse(["The", "World", "Bank", "'s", "IFC", "approved", "the", "loan", "."],
                              [2, 2, 4, 2, 5, 5, 7, 5, 5],
                              ["det", "compound", "poss", "case", "nsubj", "ROOT", "det", "dobj", "punct"]),
                        [(1, 3, "world_bank", "Organization"), (4, 5, "ifc", "Organization")])
    [rel] = title_relations(doc)
    assert (rel.subject, rel.predicate, rel.object, rel.evidence.text) == ("ifc", "memberOf", "world_bank", "Bank's IFC")


def test_a_counterpart_holds_the_office_of_the_one_whose_counterpart_they_are():
    # Ali Khan , Iran 's president , met his Tajik counterpart , Emom Rahmon .
    words = ["Ali", "Khan", ",", "Iran", "'s", "president", ",", "met", "his", "Tajik", "counterpart", ",", "Emom",
             "Rahmon", "."]
    heads = [1, 7, 1, 5, 3, 1, 1, 7, 10, 10, 7, 10, 13, 10, 7]
    deps = ["compound", "nsubj", "punct", "poss", "case", "appos", "punct", "ROOT", "poss", "amod", "dobj", "punct",
            "compound", "appos", "punct"]
    doc = with_entities(parse(words, heads, deps), [(0, 2, "ali_khan", "Person"), (3, 4, "iran", "Country"),
                                                    (9, 10, "tajikistan", "Country"), (12, 14, "emom_rahmon", "Person")])
    doc._.ng_pronouns = {8: "ali_khan"}  # "his"
    got = [(r.subject, r.predicate, r.object) for r in title_relations(doc)]
    assert got == [("ali_khan", "leaderOf", "iran"), ("emom_rahmon", "leaderOf", "tajikistan")]
    doc._.ng_pronouns = {}  # whose counterpart unknown: a member's title
    assert ("emom_rahmon", "memberOf", "tajikistan") in {(r.subject, r.predicate, r.object) for r in title_relations(doc)}


def test_the_title_rules_run_in_their_documented_order():
    assert TITLE_RULES == (body_of_body, part_of_parent, title_before_name, title_of_state_before_name,
                           title_beside_name, party_of_person)


# -- places -------------------------------------------------------------------------------------
def azerbaijans_gazakh_district(located_in: str | None) -> Doc:
    doc = parse(["Azerbaijan", "'s", "Gazakh", "district"], [3, 0, 3, 3], ["poss", "case", "compound", "ROOT"])
    return with_entities(doc, [(0, 1, "azerbaijan", "Country"), (2, 3, "gazakh", "Place")],
                         **({"gazakh": located_in} if located_in else {}))


def test_located_in_stated_by_a_possessive_before_a_place_noun():
    [rel] = place_relations(azerbaijans_gazakh_district(None))
    assert rel == RelationRecord("gazakh", "locatedIn", "azerbaijan",
                                 TextSpan(0, 28, "Azerbaijan's Gazakh district"), 0.8)
    assert list(place_relations(azerbaijans_gazakh_district("azerbaijan")))  # the gazetteer agrees
    # ... and a text that contradicts the gazetteer is a misreading
    assert not list(place_relations(azerbaijans_gazakh_district("armenia")))


# -- the component ------------------------------------------------------------------------------
def test_the_component_keeps_one_relation_per_triple_and_quote():
    doc = azerbaijans_gazakh_district(None)
    doc = RelationExtractor()(doc)
    assert [(r.subject, r.predicate, r.object) for r in doc._.ng_relations] == [("gazakh", "locatedIn", "azerbaijan")]


# -- the word lists -----------------------------------------------------------------------------
def test_the_title_lists_are_read_from_titles_tsv():
    rows = lexicon.rows(title_words.TITLES)
    assert {name for row in rows for name in row["lists"].split()} == \
        set(title_words.TITLE_LISTS) | set(title_words.ENTITY_TITLE_LISTS)  # the file is shared
    assert len({row["word"] for row in rows}) == len(rows)  # one row per word
    assert "president" in title_words.LEADER_TITLES & title_words.NATIONAL_LEADER_TITLES
    assert "prime minister" in title_words.LEADER_PHRASES
    assert title_words.TITLE_WORDS == title_words.LEADER_TITLES | title_words.MEMBER_TITLES


def test_an_unknown_list_in_titles_tsv_is_an_error_naming_its_line(monkeypatch):
    text = "word\tlists\npresident\tleader national_leader\nmayor\tleader local\n"
    monkeypatch.setattr(title_words.lexicon, "read_table", lambda name: lexicon.parse(text, name))
    with pytest.raises(ValueError, match=r"titles.tsv: line 3: unknown list 'local'"):
        title_words._title_lists()
