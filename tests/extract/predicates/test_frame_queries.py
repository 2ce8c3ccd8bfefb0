"""The questions the event rules ask the predicate layer (extract/predicates/frames.py): a
frame's subject and object phrases in either voice (``Frame.subjects``, ``Frame.objects``,
``Frame.phrases``), the frames a noun is an argument of (``frames_with_argument``), a
predicate's prepositional phrases (``obliques``) and a frame for any word
(``predicate_frame``). Run on the real model with sentences of the tests' own; assertions
allow for the small model's parses."""

import pytest

from newsgraph.extract.predicates import (AGENT, PATIENT, construction, frames_with_argument, obliques,
                                          predicate_frame)

pytestmark = pytest.mark.model


def _word(doc, text):
    return [t for t in doc if t.text == text][0]


def _texts(doc, indexes):
    return {doc[i].text for i in indexes}


def test_subjects_own_and_shared_by_a_coordinated_verb(nlp):
    doc = nlp("The rebels attacked the convoy and burned two trucks.")
    attacked, burned = _word(doc, "attacked"), _word(doc, "burned")
    assert _texts(doc, predicate_frame(attacked).subjects(inherited=False)) == {"rebels"}
    assert "rebels" in _texts(doc, predicate_frame(burned).subjects())
    # (an inherited subject is no own subject)
    assert "rebels" not in _texts(doc, predicate_frame(burned).subjects(inherited=False))
    assert _texts(doc, predicate_frame(burned).objects()) == {"trucks"}


def test_objects_in_either_voice_and_no_by_phrase_among_the_subjects(nlp):
    doc = nlp("The ambassador was summoned by the ministry on Monday.")
    frame = predicate_frame(_word(doc, "summoned"))
    assert _texts(doc, frame.objects()) == {"ambassador"}
    assert frame.subjects() == []
    assert _texts(doc, frame.phrases(AGENT, only={"by-phrase"})) == {"ministry"}


def test_phrases_give_one_head_per_coordination(nlp):
    doc = nlp("Ghana and Togo signed a trade deal.")
    frame = predicate_frame(_word(doc, "signed"))
    assert _texts(doc, frame.subjects()) == {"Ghana"}  # the phrase, not each conjunct
    assert {"Ghana", "Togo"} <= _texts(doc, frame.heads(AGENT))  # (the distributed arguments)


def test_frames_with_argument_finds_the_verbs_a_noun_is_an_argument_of(nlp):
    doc = nlp("The strikes that hit the market killed five people.")
    strikes, market = _word(doc, "strikes"), _word(doc, "market")
    found = {(f.lemma, a.role, construction(a)) for f, a in frames_with_argument(strikes)}
    assert ("hit", AGENT, "subject") in found  # through the relative pronoun
    assert ("kill", AGENT, "subject") in found
    assert {(f.lemma, a.role) for f, a in frames_with_argument(market)} == {("hit", PATIENT)}


def test_obliques_are_a_predicates_prepositional_objects(nlp):
    doc = nlp("The junta imposed sanctions on Niger in July.")
    imposed = _word(doc, "imposed")
    pairs = {(p.lower_, o.text) for p, o in obliques(imposed)}
    assert ("on", "Niger") in pairs or ("on", "Niger") in {(p.lower_, o.text) for p, o in
                                                            obliques(_word(doc, "sanctions"))}
    assert all(p.lower_ == "in" for p, _ in obliques(imposed, {"in"}))


def test_predicate_frame_reads_a_word_the_layer_keeps_no_frame_for(nlp):
    doc = nlp("Protesters gathered in the square.")
    square = _word(doc, "square")  # no event noun: the layer keeps no frame for it
    assert square.i not in doc._.ng_frames
    assert predicate_frame(square).predicate == square.i
    gathered = _word(doc, "gathered")
    assert predicate_frame(gathered) == doc._.ng_frames[gathered.i]
