"""What the component stores on the Doc: the extent of a mention (component._np_extent)."""

import pytest

from conftest import extract_text
from entity_helpers import ents, mention_texts

pytestmark = pytest.mark.model


def test_mention_extent_takes_the_article_and_a_persons_party(nlp):
    r = extract_text(nlp, "Maria Santos of the Green Alliance criticized the Finance Ministry. "
                          "The Swedish minister declined to comment.")
    e = ents(r)
    assert "Maria Santos of the Green Alliance" in mention_texts(r, "maria_santos")
    assert e["maria_santos"].label == "Maria Santos"  # the name stays the label
    org = next(x for x in e.values() if x.label == "Green Alliance")
    assert {m.text for m in org.mentions} == {"the Green Alliance"}
    # "the" of a phrase the name only modifies is not the name's.
    assert mention_texts(r, "sweden") == {"Swedish"}
