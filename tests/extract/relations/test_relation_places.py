"""locatedIn stated by the text (extract/relations/places.py).  Small synthetic sentences
through the real model (moved from tests/test_extract_rules.py)."""

import pytest

from conftest import extract_text, rels

pytestmark = pytest.mark.model


def test_located_in_stated_by_the_text_is_a_relation_with_its_quote(nlp):
    r = extract_text(nlp, "Shelling hit Russia's Belgorod region on Monday. "
                          "Troops entered the Georgian province of Kakheti.")
    got = rels(r)
    assert ("kakheti", "locatedIn", "georgia") in got
    assert ("belgorod", "locatedIn", "russia") in got
    quote = next(x.evidence.text for x in r.relations if x.subject == "kakheti")
    assert "Georgian province of Kakheti" in quote
