"""The model's name spans mended before anything reads them (cues.repair_model_spans), on
hand-built parses: no model."""

from spacy.tokens import Doc

from blank_docs import NLP
from newsgraph.extract.entities.cues import repair_model_spans


def parsed(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """A Doc from (word, head, dep, pos, NER tag) rows; heads are absolute token indices."""
    words = [r[0] for r in rows]
    spaces = [True] * len(words)
    spaces[-1] = False
    return Doc(NLP.vocab, words=words, spaces=spaces, heads=[r[1] for r in rows], deps=[r[2] for r in rows],
               pos=[r[3] for r in rows], ents=[r[4] for r in rows])


def spans(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def test_a_name_split_into_two_people_is_one_when_the_parse_compounds_it():
    doc = parsed([("Nigerian", 1, "amod", "PROPN", "B-NORP"), ("Senator", 4, "compound", "PROPN", "O"),
                  ("Adaeze", 4, "compound", "PROPN", "B-PERSON"), ("Okafor", 4, "compound", "PROPN", "I-PERSON"),
                  ("Bello", 5, "nsubj", "PROPN", "B-PERSON"), ("resigned", 5, "ROOT", "VERB", "O")])
    repair_model_spans(doc)
    assert spans(doc) == [("Nigerian", "NORP"), ("Adaeze Okafor Bello", "PERSON")]


def test_an_honorific_tagged_alone_goes_on_to_the_untagged_name_it_compounds_into():
    doc = parsed([("Mullah", 2, "compound", "PROPN", "B-PERSON"), ("Yusuf", 2, "compound", "PROPN", "O"),
                  ("Karimi", 3, "nsubj", "PROPN", "O"), ("spoke", 3, "ROOT", "VERB", "O")])
    repair_model_spans(doc)
    assert spans(doc) == [("Mullah Yusuf Karimi", "PERSON")]


def test_a_person_does_not_swallow_an_organisation_word_or_a_state():
    doc = parsed([("Biden", 1, "compound", "PROPN", "B-PERSON"), ("Administration", 2, "compound", "PROPN", "O"),
                  ("officials", 3, "nsubj", "NOUN", "O"), ("left", 3, "ROOT", "VERB", "O")])
    repair_model_spans(doc)
    assert spans(doc) == [("Biden", "PERSON")]
    doc = parsed([("Okafor", 1, "compound", "PROPN", "B-PERSON"), ("Nigeria", 2, "nsubj", "PROPN", "O"),
                  ("won", 2, "ROOT", "VERB", "O")])
    repair_model_spans(doc)
    assert spans(doc) == [("Okafor", "PERSON")]


def test_the_first_word_of_a_demonym_taken_by_a_date_goes_back_to_the_state():
    doc = parsed([("June", 5, "npadvmod", "PROPN", "B-DATE"), ("3", 0, "nummod", "NUM", "I-DATE"),
                  ("-", 0, "punct", "PUNCT", "I-DATE"), ("North", 4, "compound", "PROPN", "I-DATE"),
                  ("Korean", 5, "amod", "PROPN", "B-NORP"), ("troops", 6, "nsubj", "NOUN", "O"),
                  ("fired", 6, "ROOT", "VERB", "O")])
    repair_model_spans(doc)
    assert spans(doc) == [("June 3", "DATE"), ("North Korean", "NORP")]


def test_a_word_that_makes_no_state_name_with_the_next_span_stays():
    doc = parsed([("Last", 1, "amod", "ADJ", "B-DATE"), ("week", 3, "npadvmod", "NOUN", "I-DATE"),
                  ("Kenyan", 3, "nsubj", "PROPN", "B-NORP"), ("voted", 3, "ROOT", "VERB", "O")])
    repair_model_spans(doc)
    assert spans(doc) == [("Last week", "DATE"), ("Kenyan", "NORP")]


def test_a_states_title_tagged_as_a_body_is_the_state_and_the_person():
    doc = parsed([("Ghanaian", 4, "amod", "PROPN", "B-ORG"), ("Deputy", 4, "compound", "PROPN", "I-ORG"),
                  ("Foreign", 4, "compound", "PROPN", "I-ORG"), ("Minister", 4, "compound", "PROPN", "I-ORG"),
                  ("Ama", 5, "compound", "PROPN", "I-ORG"), ("Owusu", 6, "nsubj", "PROPN", "I-ORG"),
                  ("spoke", 6, "ROOT", "VERB", "O")])
    repair_model_spans(doc)
    assert spans(doc) == [("Ghanaian", "NORP"), ("Ama Owusu", "PERSON")]
    doc = parsed([("Kenya", 3, "compound", "PROPN", "B-ORG"), ("National", 3, "compound", "PROPN", "I-ORG"),
                  ("Security", 3, "compound", "PROPN", "I-ORG"), ("Adviser", 4, "nsubj", "PROPN", "O"),
                  ("spoke", 4, "ROOT", "VERB", "O")])
    repair_model_spans(doc)
    assert spans(doc) == [("Kenya", "GPE")]


def test_a_body_named_after_a_state_keeps_its_name():
    doc = parsed([("Kenya", 2, "compound", "PROPN", "B-ORG"), ("Airways", 2, "compound", "PROPN", "I-ORG"),
                  ("Chairman", 3, "nsubj", "PROPN", "O"), ("spoke", 3, "ROOT", "VERB", "O")])
    repair_model_spans(doc)
    assert spans(doc) == [("Kenya Airways", "ORG")]


def test_a_state_that_opens_a_persons_span_after_a_titles_of_is_the_state():
    doc = parsed([("President", 3, "nsubj", "PROPN", "O"), ("of", 0, "prep", "ADP", "O"),
                  ("Chile", 3, "compound", "PROPN", "B-PERSON"), ("Boric", 1, "pobj", "PROPN", "I-PERSON"),
                  ("arrives", 4, "ROOT", "VERB", "O")])
    doc[0].head = doc[4]
    repair_model_spans(doc)
    assert spans(doc) == [("Chile", "GPE"), ("Boric", "PERSON")]
    doc = parsed([("Jordan", 1, "compound", "PROPN", "B-PERSON"), ("Peterson", 2, "nsubj", "PROPN", "I-PERSON"),
                  ("spoke", 2, "ROOT", "VERB", "O")])
    repair_model_spans(doc)
    assert spans(doc) == [("Jordan Peterson", "PERSON")]


def test_a_place_the_model_cut_at_and_or_of_is_one_place_when_the_gazetteer_knows_it():
    doc = parsed([("Troops", 1, "nsubj", "NOUN", "O"), ("left", 1, "ROOT", "VERB", "O"),
                  ("Antigua", 1, "dobj", "PROPN", "B-PERSON"), ("and", 2, "cc", "CCONJ", "O"),
                  ("Barbuda", 2, "conj", "PROPN", "B-PERSON"), ("and", 2, "cc", "CCONJ", "O"),
                  ("Peru", 2, "conj", "PROPN", "B-GPE")])
    repair_model_spans(doc)
    assert spans(doc) == [("Antigua and Barbuda", "GPE"), ("Peru", "GPE")]


def test_a_name_cut_where_a_known_name_starts_inside_it_is_one_body():
    doc = parsed([("the", 3, "det", "DET", "O"), ("Defence", 3, "compound", "PROPN", "B-ORG"),
                  ("and", 1, "cc", "CCONJ", "I-ORG"), ("Security", 4, "compound", "PROPN", "B-ORG"),
                  ("Council", 5, "nsubj", "PROPN", "I-ORG"), ("met", 5, "ROOT", "VERB", "O")])
    doc[3].ent_id_ = doc[4].ent_id_ = "un_security_council"  # (as the alias ruler tags its part)
    repair_model_spans(doc)
    assert spans(doc) == [("Defence and Security Council", "ORG")]
    assert doc[4].ent_id_ == ""


def test_the_office_of_a_known_body_cut_by_the_alias_ruler_stays_that_body():
    doc = parsed([("to", 0, "ROOT", "ADP", "O"), ("the", 2, "det", "DET", "B-ORG"), ("Office", 0, "pobj", "PROPN", "I-ORG"),
                  ("of", 2, "prep", "ADP", "I-ORG"), ("the", 5, "det", "DET", "I-ORG"),
                  ("World", 5, "compound", "PROPN", "B-ORG"), ("Bank", 3, "pobj", "PROPN", "I-ORG")])
    doc[5].ent_id_ = doc[6].ent_id_ = "world_bank"
    repair_model_spans(doc)
    assert spans(doc) == [("the Office of the World Bank", "ORG")]
    assert doc[6].ent_id_ == "world_bank"
