"""Who reports a clause (extract/predicates/speech.py ``reported_speaker``) on hand-built
parses: verbs of saying, stance and commitment report their complement; directives do not;
"according to X" names a source. Sentences are the tests' own."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "events"))

from rule_docs import parse  # noqa: E402

from newsgraph.extract.predicates.speech import reported_speaker  # noqa: E402
from newsgraph.extract.predicates.verb_classes import (DIRECTIVE_VERBS, REPORTING_VERBS, SAYING_VERBS,  # noqa: E402
                                                       SPEECH_VERBS, STANCE_VERBS)


def speaker(rows: str, i: int) -> list[str]:
    doc = parse(rows)
    return [t.text for t in reported_speaker(doc[i])]


def test_the_lists_are_kept_apart():
    assert not DIRECTIVE_VERBS & REPORTING_VERBS  # what is asked for is not reported
    assert not STANCE_VERBS & SPEECH_VERBS  # a belief attributes no quote
    assert SAYING_VERBS <= REPORTING_VERBS and SAYING_VERBS <= SPEECH_VERBS


def test_a_verb_of_saying_reports_its_complement():
    assert speaker("""
        Lisbon   1 nsubj PROPN Lisbon
        claimed  1 ROOT  VERB  claim
        that     4 mark  SCONJ that
        pirates  4 nsubj NOUN  pirate
        boarded  1 ccomp VERB  board
        a        6 det   DET   a
        trawler  4 dobj  NOUN  trawler
    """, 4) == ["Lisbon"]


def test_a_stance_holder_reports_what_he_believes():
    assert speaker("""
        Oslo     1 nsubj PROPN Oslo
        believes 1 ROOT  VERB  believe
        that     4 mark  SCONJ that
        Minsk    4 nsubj PROPN Minsk
        jammed   1 ccomp VERB  jam
        the      6 det   DET   the
        signals  4 dobj  NOUN  signal
    """, 4) == ["Oslo"]


def test_a_directive_reports_nothing():
    # "Quito demanded that Lima release the fishermen": the release is asked for, not reported.
    assert speaker("""
        Quito     1 nsubj PROPN Quito
        demanded  1 ROOT  VERB  demand
        that      4 mark  SCONJ that
        Lima      4 nsubj PROPN Lima
        release   1 ccomp VERB  release
        the       6 det   DET   the
        fishermen 4 dobj  NOUN  fisherman
    """, 4) == []
    # "Quito urged Lima to shell the camp": an infinitive under a directive, no report either.
    assert speaker("""
        Quito 1 nsubj PROPN Quito
        urged 1 ROOT  VERB  urge
        Lima  1 dobj  PROPN Lima
        to    4 aux   PART  to
        shell 1 xcomp VERB  shell
        the   6 det   DET   the
        camp  4 dobj  NOUN  camp
    """, 4) == []


def test_a_reporting_verb_beside_the_root_reports_the_root():
    # "Gunmen looted the depot, Kigali said."
    assert speaker("""
        Gunmen 1 nsubj     NOUN  gunman
        looted 1 ROOT      VERB  loot
        the    3 det       DET   the
        depot  1 dobj      NOUN  depot
        ,      1 punct     PUNCT ,
        Kigali 6 nsubj     PROPN Kigali
        said   1 parataxis VERB  say
    """, 1) == ["Kigali"]


# "Drones struck a refinery, according to ...": the words before the source.
STRUCK_ACCORDING_TO = """
        Drones    1 nsubj PROPN drone
        struck    1 ROOT  VERB  strike
        a         3 det   DET   a
        refinery  1 dobj  NOUN  refinery
        ,         1 punct PUNCT ,
        according 1 prep  VERB  accord
        to        5 prep  ADP   to
"""


def test_according_to_names_the_source():
    # "Drones struck a refinery, according to Baku."
    rows = STRUCK_ACCORDING_TO + """
        Baku      6 pobj  PROPN Baku
    """
    assert speaker(rows, 1) == ["Baku"]
    assert speaker(rows, 5) == []  # the source phrase is not reported by itself


def test_according_to_a_statement_names_who_issued_it():
    # "Drones struck a refinery, according to a statement from Baku."
    assert speaker(STRUCK_ACCORDING_TO + """
        a         8 det   DET   a
        statement 6 pobj  NOUN  statement
        from      8 prep  ADP   from
        Baku      9 pobj  PROPN Baku
    """, 1) == ["Baku"]
