"""Acts done to a territory (column territory_undergoes of event_classes.tsv): the place they are
done to is their target, not their place (arguments.places_do_not_act); an act in a place keeps it
as the place. Sentences of our own, through the model."""

import pytest

from conftest import events_of, extract_text, rels

from newsgraph.extract.events import lexicon

pytestmark = pytest.mark.model


def _one(result, cls):
    found = events_of(result, cls)
    assert found, [e.event_class for e in result.events]
    return found[0]


def test_the_column_names_territorial_codes():
    classes = lexicon.event_classes()
    assert classes["support"].territory_undergoes == {"054"}
    assert {"191", "192"} <= classes["military_operation"].territory_undergoes
    assert not classes["attack"].territory_undergoes


@pytest.mark.parametrize("text", [
    "Nicaragua recognised Abkhazia on Friday.",
    "Abkhazia was recognised by Nicaragua on Friday.",
])
def test_recognised_place_is_the_target(nlp, text):
    ev = _one(extract_text(nlp, text), "support")
    assert ("target", "abkhazia") in ev.roles and ev.place is None


def test_annexed_and_occupied_places_are_targets(nlp):
    r = extract_text(nlp, "Russia annexed Crimea in 2014, and its soldiers occupied the Golan Heights.")
    targets = {k for ev in events_of(r, "military_operation") for role, k in ev.roles if role == "target"}
    assert {"crimea", "golan_heights"} <= targets
    assert ("russia", "intervenesIn", "crimea") in rels(r)


def test_the_of_phrase_of_a_blockade_noun_is_its_target(nlp):
    ev = _one(extract_text(nlp, "The naval blockade of the Gaza Strip entered its third week."), "military_operation")
    assert ("target", "gaza_strip") in ev.roles and ev.place != "gaza_strip"


def test_an_act_in_a_place_keeps_it_as_the_place(nlp):
    ev = _one(extract_text(nlp, "The army began a new offensive in Idlib on Sunday."), "military_operation")
    assert ev.place == "idlib" and all(k != "idlib" for _, k in ev.roles)
    ev = _one(extract_text(nlp, "Gunmen attacked a police post near Tikrit on Sunday."), "attack")
    assert ev.place == "tikrit" and all(k != "tikrit" for _, k in ev.roles)
