"""Headlines and captions (headlines.py), through the model."""

import pytest

from conftest import extract_text
from entity_helpers import ents, mention_texts



@pytest.mark.model
def test_title_case_headline_does_not_glue_verbs_to_names(nlp):
    r = extract_text(nlp, "Merkel and Macron Agree on Budget Deal\n\nGerman Chancellor Angela Merkel and "
                          "French President Emmanuel Macron agreed on Tuesday. Macron praised the deal.")
    names = {m.text for x in r.entities for m in x.mentions}
    assert not any(n.endswith("Agree") for n in names)
    assert "Macron" in mention_texts(r, "emmanuel_macron")


@pytest.mark.model
def test_a_day_named_event_is_not_an_actor_and_headline_common_words_are_not_people(nlp):
    r = extract_text(nlp, "The march recalled Bloody Thursday, when troops fired on protesters.")
    assert not any("thursday" in k for k in ents(r))
    r = extract_text(nlp, "Counts: Murder of Civilians; Conspiracy to Murder Civilians. The conspiracy count was dropped.")
    assert "conspiracy" not in ents(r)  # tagged PERSON once, written in lower case later


def test_title_case_lines_without_a_final_stop_are_headlines():
    from newsgraph.extract.entities.headlines import _find_headline_lines

    text = "Protests Spread Across The Capital\nThe police said on Monday that it was calm."
    assert _find_headline_lines(text) == [(0, len("Protests Spread Across The Capital"))]
