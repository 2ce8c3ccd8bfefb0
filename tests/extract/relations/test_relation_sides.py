"""Sides, not cliques (extract/relations/interactions.py, events/arguments.py): who relates to
whom when several parties act. Sentences of the tests' own, through the real model."""

import pytest

from conftest import extract_text, rels

pytestmark = pytest.mark.model


def _pairs(r, predicate):
    return {(s, o) for s, p, o in rels(r) if p == predicate}


def test_a_coordinated_side_meets_the_other_side_not_itself(nlp):
    r = extract_text(nlp, "Brazil, Argentina and Chile held talks with the European Union in Brussels.")
    pairs = _pairs(r, "meetsWith")
    assert ("brazil", "european_union") in pairs and ("european_union", "chile") in pairs
    assert ("brazil", "argentina") not in pairs and ("argentina", "chile") not in pairs


def test_one_coordinated_side_of_a_symmetric_act_relates_all_its_parties(nlp):
    r = extract_text(nlp, "Spain and Morocco signed a fisheries agreement on Monday.")
    pairs = _pairs(r, "agreesWith")
    assert ("spain", "morocco") in pairs and ("morocco", "spain") in pairs


def test_a_call_is_directed(nlp):
    r = extract_text(nlp, "Chancellor Olaf Scholz called Turkish President Recep Tayyip Erdogan on Tuesday.")
    pairs = _pairs(r, "calls")
    assert ("olaf_scholz", "recep_tayyip_erdogan") in pairs
    assert ("recep_tayyip_erdogan", "olaf_scholz") not in pairs


def test_a_call_with_a_with_party_relates_the_caller_to_it(nlp):
    r = extract_text(nlp, "Japanese Prime Minister Fumio Kishida spoke by phone with Indian Prime Minister "
                          "Narendra Modi on Friday.")
    assert ("fumio_kishida", "narendra_modi") in _pairs(r, "calls")


def test_co_agents_of_a_directed_act_relate_to_its_target_not_to_each_other(nlp):
    r = extract_text(nlp, "Norway, Sweden and Finland pledged support to Ukraine on Monday.")
    got = rels(r)
    assert not any(s in {"norway", "sweden", "finland"} and o in {"norway", "sweden", "finland"} for s, _, o in got)


def test_co_agents_relate_to_each_other_when_the_text_says_so(nlp):
    r = extract_text(nlp, "Ghana and Togo agreed to cooperate with each other on border security.")
    got = {(s, o) for s, _, o in rels(r)}
    assert ("ghana", "togo") in got or ("togo", "ghana") in got


def test_an_elaborating_list_stays_one_party(nlp):
    r = extract_text(nlp, "Iran and the P5+1 nations - the United States, Britain, France, China, Russia and "
                          "Germany - reached an agreement in Vienna.")
    members = {"united_states", "united_kingdom", "france", "china", "russia", "germany"}
    got = rels(r)
    assert not any(s in members and o in members for s, _, o in got)


def test_a_parenthesised_list_stays_one_party(nlp):
    r = extract_text(nlp, "Iran and the E3 (Britain, France and Germany) reached an agreement in Vienna.")
    members = {"united_kingdom", "france", "germany"}
    assert not any(s in members and o in members for s, _, o in rels(r))


def test_the_with_party_of_an_act_on_ties_is_its_other_end(nlp):
    r = extract_text(nlp, "The parliament of Moldova voted to sever diplomatic ties with Belarus.")
    got = rels(r)
    assert ("moldova", "reducesRelationsWith", "belarus") in got
    assert ("belarus", "reducesRelationsWith", "moldova") not in got  # directed: Moldova did it


def test_who_tells_of_a_clash_is_no_party_to_it(nlp):
    r = extract_text(nlp, "The raid led to what Al Jazeera calls the worst crisis in a decade, with five Chadian "
                          "soldiers killed in a shootout between Sudanese troops and the rebels near the border.")
    assert not any("al_jazeera" in (s, o) for s, _, o in rels(r))


def test_co_agents_of_a_visit_do_not_visit_each_other(nlp):
    got = rels(extract_text(nlp, "Russia and China sent delegations to the ceremony in Caracas."))
    assert ("russia", "visits", "china") not in got and ("china", "visits", "russia") not in got
    got = rels(extract_text(nlp, "Kenya and Uganda spoke by phone on Monday."))
    assert ("kenya", "calls", "uganda") in got


def test_parties_that_accuse_or_blame_each_other_do_so_both_ways(nlp):
    r = extract_text(nlp, "Sudan and South Sudan accused each other of violating the border agreement.")
    got = rels(r)
    assert {("sudan", "accuses", "south_sudan"), ("south_sudan", "accuses", "sudan")} <= got
    r = extract_text(nlp, "Sudan and South Sudan accused Ethiopia of arming the rebels.")
    assert not any({s, o} == {"sudan", "south_sudan"} for s, p, o in rels(r))


def test_parties_named_as_agreeing_to_do_something_promise_it_to_each_other(nlp):
    r = extract_text(nlp, "India and China agreed to pull back troops from the disputed border.")
    assert {("india", "pledgesTo", "china"), ("china", "pledgesTo", "india")} <= rels(r)
    r = extract_text(nlp, "Ethiopian Prime Minister Abiy Ahmed spoke with Eritrean President Isaias Afwerki. "
                          "The two leaders agreed to pull troops back from the border.")
    assert not any(p == "pledgesTo" for s, p, o in rels(r))
