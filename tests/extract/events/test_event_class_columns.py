"""The class-behaviour columns of extract/data/event_classes.tsv (extract/events/lexicon.py)."""

import csv
from importlib import resources

import pytest

from newsgraph.extract.events import lexicon

DATA = resources.files("newsgraph.extract") / "data" / "event_classes.tsv"
FLAGS = ("needs_counterpart", "content_object", "possessor_undergoes", "recipient_to", "judges_act",
         "answers_act", "of_is_agent")


@pytest.fixture(scope="module")
def rows():
    lines = [ln for ln in DATA.read_text("utf-8").splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_every_rule_column_is_documented_in_the_header_comment(rows):
    comment = "\n".join(ln for ln in DATA.read_text("utf-8").splitlines() if ln.startswith("#"))
    for column in ("undergoer", "casualties", "coref_family", "made_by", "stance", "territory_undergoes", *FLAGS):
        assert column in rows[0], column
        assert f"#   {column}" in comment, column


def test_rule_column_values(rows):
    for row in rows:
        assert row["undergoer"] in {"", "victim"}, row["class"]
        assert row["casualties"] in {"", "killed", "injured"}, row["class"]
        assert row["coref_family"] in {"", "attack", "talks", "criticism"}, row["class"]
        assert row["stance"] in {"", "noun", "always"}, row["class"]
        assert all(v.isalpha() and v.islower() for v in row["made_by"].split("|") if row["made_by"]), row["class"]
        for flag in FLAGS:
            assert row[flag] in {"yes", "no"}, (row["class"], flag)
        assert all(v.isdigit() for v in row["territory_undergoes"].split("|") if row["territory_undergoes"]), \
            row["class"]


def test_columns_read_into_event_classes():
    classes = lexicon.event_classes()
    assert {n for n, c in classes.items() if c.undergoer == "victim"} == {"kill", "injure"}
    assert classes["kill"].casualties == "killed" and classes["injure"].casualties == "injured"
    assert classes["bombing"].casualties == "killed" and classes["bombing"].undergoer == "target"
    assert "impose" in classes["sanction"].made_by and "sign" in classes["ceasefire"].made_by
    assert classes["oppose"].stance == "always" and classes["support"].stance == "noun"
    assert classes["phone_call"].needs_counterpart and not classes["meet"].needs_counterpart


def test_the_old_class_sets_are_the_columns():
    # The sets events.py spelled out, as they were; they are now derived from the table.
    assert lexicon.ATTACK_CLASSES == {"attack", "bombing", "assassinate", "kill", "injure", "mass_killing", "abduct"}
    assert lexicon.COREF_FAMILIES == (lexicon.ATTACK_CLASSES, frozenset({"criticize", "condemn", "accuse"}),
                                      frozenset({"meet", "negotiate", "mediate"}))
    assert lexicon.PATIENT_POSSESSOR_CLASSES == {"release", "arrest", "abduct", "kill", "assassinate", "injure",
                                                 "expel", "convict"}
    assert lexicon.STANCE_CLASSES == {"support", "cooperate", "aid", "praise", "criticize", "reject",
                                      "reduce_relations"}
    assert lexicon.STATE_CLASSES == {"oppose"} and lexicon.COUNTERPART_CLASSES == {"phone_call"}
    assert lexicon.CONTENT_CLASSES == {"statement", "pledge", "appeal"}
    assert lexicon.TRANSFER_CLASSES == {"pledge", "aid", "support"}
    assert lexicon.JUDGING_CLASSES == {"criticize", "condemn", "praise", "support", "oppose"}
    assert lexicon.ANSWER_CLASSES == {"reject", "deny"}
    assert set(lexicon.MAKING_VERBS) == {"agreement", "ceasefire", "negotiate", "meet", "sanction"}
