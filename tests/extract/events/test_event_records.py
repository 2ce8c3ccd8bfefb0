"""Event records (extract/events/records.py): CAMEO codes and stances.

Moved from tests/test_extract_rules.py: synthetic sentences through the real model, with
tolerant assertions (the small model's parse is not perfect)."""

import pytest

from conftest import events_of, extract_text, rels

pytestmark = pytest.mark.model


def test_cameo_of_an_attack_depends_on_who_attacks(nlp):
    r = extract_text(nlp, "Russia attacked Ukraine on Monday. Militants attacked a police station in Kano.")
    codes = {e.cameo for e in r.events if e.event_class == "attack"}
    assert codes == {"190", "180"}


def test_standing_together_against_is_opposition_not_cooperation(nlp):
    r = extract_text(nlp, "The foreign minister said that Kenya and Ethiopia stood together against "
                          "al-Shabaab. Norway opposes the Eritrean government.")
    got = rels(r)
    # The co-subjects oppose the object; they do not cooperate with each other.
    assert not any(p == "cooperatesWith" for _, p, _ in got)
    assert ("norway", "opposes", "eritrea") in got
    assert any(s in {"kenya", "ethiopia"} and p == "opposes" for s, p, _ in got)
    # A stance is a relation, not a happening: no event node for it.
    assert all(e.stance for e in events_of(r, "oppose"))


def test_a_stance_noun_told_again_by_a_verb_is_a_happening():
    # "criticism" alone is a standing stance; a mention by a trigger verb ("condemned") makes
    # the merged event an act; a light verb ("drew") does not.
    import spacy
    from spacy.tokens import Doc

    from newsgraph.extract.events.draft import _Event
    from newsgraph.extract.events.lexicon import trigger_lexicon
    from newsgraph.extract.events.records import _stance

    words = ["criticism", "drew", "condemned"]
    doc = Doc(spacy.blank("en").vocab, words=words, pos=["NOUN", "VERB", "VERB"],
              lemmas=["criticism", "draw", "condemn"])
    trig = trigger_lexicon()[("criticism", "NOUN")][0]
    assert _stance(_Event(trig=trig, tokens=[doc[0], doc[1]]))
    assert not _stance(_Event(trig=trig, tokens=[doc[0], doc[1], doc[2]]))


def test_a_cooperative_act_announced_for_the_future_is_a_promise(nlp):
    # CAMEO codes an announced gift as "express intent to provide aid" (033): the promise is
    # the event, the gift has not happened; a gift told as done stays aid (070).
    r = extract_text(nlp, "The Norwegian minister said Norway would donate 40 million dollars to the "
                          "World Food Programme.")
    assert [(e.event_class, e.cameo, e.factuality) for e in r.events] == [("pledge", "033", "asserted")]
    assert ("norway", "pledgesTo", "world_food_programme") in rels(r)
    r = extract_text(nlp, "Norway donated 40 million dollars to the World Food Programme.")
    assert [(e.event_class, e.cameo) for e in r.events] == [("aid", "070")]
    # "committed to" commits its subject as "will" does; a condition makes it no promise.
    r = extract_text(nlp, "Chile is fully committed to closer cooperation with Peru.")
    assert [(e.event_class, e.cameo) for e in r.events] == [("pledge", "030")]
    r = extract_text(nlp, "Canada would free the sailors if China paid.")
    assert [(e.event_class, e.factuality) for e in r.events if e.event_class in {"release", "pledge"}] == \
        [("release", "hypothetical")]


def test_a_participle_that_describes_a_group_tells_a_standing_tie(nlp):
    # "militias backed by Iran": a stance (a relation, no event node), as "Iran's backing" is;
    # "Rwanda backed the rebels in 2012" tells an act.
    r = extract_text(nlp, "The M23 rebels, backed by Rwanda, seized Goma.")
    backing = events_of(r, "support")
    assert backing and all(e.stance for e in backing)
    assert ("rwanda", "supports", "m23") in rels(r)
    r = extract_text(nlp, "Rwanda backed the rebels in 2012.")
    assert events_of(r, "support") and not any(e.stance for e in events_of(r, "support"))
