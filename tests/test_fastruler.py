"""The fast attribute ruler gives exactly what spaCy's AttributeRuler gives."""

import pytest
import spacy

from newsgraph.extract.fastruler import FastAttributeRuler, replace_attribute_ruler

PATTERNS = [
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}, "index": 0},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
    {"patterns": [[{"LOWER": {"IN": ["is", "was"]}}]], "attrs": {"LEMMA": "be", "POS": "AUX"}, "index": 0},
    {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {"LEMMA": "you"}, "index": 0},
    {"patterns": [[{"LOWER": {"NOT_IN": ["the", "a"]}, "IS_SPACE": False}]], "attrs": {"MORPH": "Foo=Bar"},
     "index": 0},
    {"patterns": [[{"LOWER": "was"}]], "attrs": {"LEMMA": "was-later-rule-wins"}, "index": 0},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE", "TAG": "_SP"}, "index": 0},
]
TEXT = "Y'all gonna say it was the end.  \n The crowd is a crowd, y all."


def _annotations(doc):
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_) for t in doc]


def test_same_output_as_attribute_ruler_on_a_blank_pipeline():
    slow, fast = spacy.blank("en"), spacy.blank("en")
    for nlp in (slow, fast):
        nlp.add_pipe("attribute_ruler").add_patterns(PATTERNS)
    assert replace_attribute_ruler(fast)
    assert "attribute_ruler" not in fast.pipe_names
    assert _annotations(fast(TEXT)) == _annotations(slow(TEXT))
    assert next(t for t in fast(TEXT) if t.lower_ == "was").lemma_ == "was-later-rule-wins"


def test_patterns_it_cannot_reproduce_keep_spacys_ruler():
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(
        [{"patterns": [[{"LOWER": "a", "OP": "+"}]], "attrs": {"LEMMA": "x"}, "index": 0}])
    assert not replace_attribute_ruler(nlp)
    assert "attribute_ruler" in nlp.pipe_names


@pytest.mark.model
def test_same_tags_and_lemmas_as_the_models_own_ruler(nlp):
    from newsgraph.extract.pipeline import DEFAULT_MODEL

    plain = spacy.load(DEFAULT_MODEL)
    assert isinstance(nlp.get_pipe("newsgraph_attribute_ruler"), FastAttributeRuler)
    texts = ["There's a man who ain't gonna wait. Let's go, y'all: c'mon!",
             "The Kenyan president's office said on Monday it was reviewing the ceasefire terms.",
             "  Officials   were\n\ndismissed; 12 people were killed in the blasts, police said."]
    for text in texts:
        ours = nlp.make_doc(text)
        for name, proc in plain.pipeline:
            ours = (nlp.get_pipe("newsgraph_attribute_ruler") if name == "attribute_ruler" else proc)(ours)
        assert _annotations(ours) == _annotations(plain(text))
