"""Factuality and dates (extract/events/factuality.py).

Moved from tests/test_extract_rules.py: synthetic sentences through the real model, with
tolerant assertions (the small model's parse is not perfect)."""

import pytest

from conftest import events_of, extract_text, rels

pytestmark = pytest.mark.model


def test_negated_and_hypothetical_events_give_no_relations(nlp):
    r = extract_text(nlp, "Germany did not attack Poland. If Russia attacked Estonia, NATO would respond.")
    got = rels(r)
    assert not any(s == "germany" for s, _, _ in got)
    assert not any(s == "russia" for s, _, _ in got)
    facts = {e.factuality for e in r.events if e.event_class == "attack"}
    assert "negated" in facts and "hypothetical" in facts


def test_relative_dates_use_the_publication_date(nlp):
    r = extract_text(nlp, "The Saudi intervention in Yemen began two years ago.", date="2017-03-10")
    inter = [e for e in r.events if "intervention" in {t.text for t in e.triggers}]
    assert inter and inter[0].date == "2015-03"


def test_would_not_is_hypothetical_not_negated(nlp):
    r = extract_text(nlp, "Ankara said Turkey would not hesitate to strike Syrian forces again.")
    strikes = [e for e in r.events if e.cameo and e.cameo.startswith("19")]
    assert strikes and strikes[0].factuality == "hypothetical"
    assert not r.relations or all(rel.predicate != "attacks" for rel in r.relations)


def test_reported_would_is_a_future_promise_not_a_possibility(nlp):
    r = extract_text(nlp, "Officials said Canada would donate 40 million dollars to Haiti. "
                          "Analysts said Peru would have sent aid to Ecuador if asked.")
    by_agent = {k: ev for ev in r.events for role, k in ev.roles if role == "agent"}
    assert by_agent["peru"].event_class == "aid" and by_agent["peru"].factuality == "hypothetical"
    # A done act it is not, but the promise was made: CAMEO 033, express intent to provide aid.
    assert (by_agent["canada"].event_class, by_agent["canada"].cameo) == ("pledge", "033")
    pledges = [x for x in r.relations if x.subject == "canada" and x.object == "haiti"]
    assert pledges and all(x.cameo == "033" and x.predicate == "pledgesTo" for x in pledges)
    assert not any(x.subject == "peru" for x in r.relations)


def test_presupposed_event_nouns_and_more_triggers(nlp):
    r = extract_text(nlp, "Canada urged Peru to condemn Bolivia's invasion more clearly. Norway would keep "
                          "pressing both sides to withdraw. Japan said it would give 5 million dollars to "
                          "UNICEF. The United States suspended its strategic partnership with Nicaragua "
                          "after weeks of protests.")
    invasion = [e for e in r.events if any(t.text == "invasion" for t in e.triggers)]
    # The invasion is not urged, it is presupposed: asserted, with its code.
    assert invasion and invasion[0].factuality == "asserted" and invasion[0].cameo
    classes = {e.event_class for e in r.events}
    # ("Japan said it would give ...": a promise, CAMEO 033, now that "it" is Japan)
    assert {"demand", "pledge", "reduce_relations", "protest"} <= classes


def test_only_conflict_nouns_are_presupposed(nlp):
    r = extract_text(nlp, "The two sides will discuss the release of detainees next week.")
    release = events_of(r, "release")
    # a topic of the talks, not a done act, so it has no ng:cameoCode in the graph
    assert release and release[0].factuality in {"future", "hypothetical"}


# -- pure rules on hand-built parses (no model) ------------------------------------------------
def _factuality_of(rows: str, i: int, event_class: str) -> str:
    from rule_docs import parse

    from newsgraph.extract.events.factuality import factuality

    doc = parse(rows)
    return factuality(doc[i], event_class)


def test_negation_modals_and_will_on_built_parses():
    assert _factuality_of("""
        Germany 3 nsubj PROPN Germany
        did     3 aux   AUX   do
        not     3 neg   PART  not
        attack  3 ROOT  VERB  attack
        Poland  3 dobj  PROPN Poland
    """, 3, "attack") == "negated"
    assert _factuality_of("""
        Russia  2 nsubj PROPN Russia
        could   2 aux   AUX   could
        attack  2 ROOT  VERB  attack
        Estonia 2 dobj  PROPN Estonia
    """, 2, "attack") == "hypothetical"
    assert _factuality_of("""
        Russia  2 nsubj PROPN Russia
        will    2 aux   AUX   will
        attack  2 ROOT  VERB  attack
    """, 2, "attack") == "future"


def test_a_modal_wins_over_negation():
    # "would not hesitate to strike": a possible strike, not a denied one.
    assert _factuality_of("""
        Turkey   3 nsubj PROPN Turkey
        would    3 aux   AUX   would
        not      3 neg   PART  not
        hesitate 3 ROOT  VERB  hesitate
        to       5 aux   PART  to
        strike   3 xcomp VERB  strike
    """, 5, "attack") == "hypothetical"


def test_reported_would_after_a_past_speech_verb_is_future():
    assert _factuality_of("""
        Officials 1 nsubj PROPN official NNS
        said      1 ROOT  VERB  say      VBD
        Canada    4 nsubj PROPN Canada   NNP
        would     4 aux   AUX   would    MD
        donate    1 ccomp VERB  donate   VB
        aid       4 dobj  NOUN  aid      NN
    """, 4, "aid") == "future"


def test_a_definite_conflict_noun_is_presupposed_under_an_intention():
    # quad class 4 (material conflict): "urged X to condemn the invasion" asserts the invasion.
    rows = """
        Canada   1 nsubj PROPN Canada
        urged    1 ROOT  VERB  urge
        Peru     1 dobj  PROPN Peru
        to       4 aux   PART  to
        condemn  1 xcomp VERB  condemn
        the      6 det   DET   the
        invasion 4 dobj  NOUN  invasion
    """
    assert _factuality_of(rows, 6, "military_operation") == "asserted"
    assert _factuality_of(rows, 4, "condemn") == "hypothetical"  # the condemning is only urged


def test_an_offer_to_meet_is_no_meeting(nlp):
    r = extract_text(nlp, "Headline\n\nKABUL, May 3, 2026 (Agency) – Afghanistan said the talks went well. "
                          "Afghanistan's envoy Khalid Nasser has offered to meet Pakistani negotiators in Islamabad.")
    offered = [ev for ev in events_of(r, "meet") if any(t.text == "meet" for t in ev.triggers)]
    assert offered and offered[0].factuality != "asserted"


@pytest.mark.parametrize("text, word", [
    ("The cabinet is considering sanctions against the generals.", "sanctions"),
    ("Hamas wants a ceasefire in Gaza.", "ceasefire"),
    ("Kenya seeks talks with the rebels.", "talks"),
])
def test_what_an_intention_verb_takes_as_its_object_is_hypothetical(nlp, text, word):
    r = extract_text(nlp, text)
    facts = {e.factuality for e in r.events if any(t.text == word for t in e.triggers)}
    assert facts == {"hypothetical"}, text


@pytest.mark.parametrize("text, word, expected", [
    # what is called for, demanded or avoided has not happened, even as a definite noun
    ("Chile called for the expulsion of the ambassador.", "expulsion", "hypothetical"),
    ("Kenya pressed for a ceasefire in Darfur.", "ceasefire", "hypothetical"),
    ("The ministers avoided any criticism of Beijing.", "criticism", "hypothetical"),
    # a speech act hedged by politeness is performed by being said; a wish is not
    ("\"I would like to thank Norway for its help,\" the minister said.", "thank", "asserted"),
    ("Peru would like to meet Chile next year.", "meet", "hypothetical"),
])
def test_asked_for_avoided_and_performed_acts(nlp, text, word, expected):
    r = extract_text(nlp, text)
    facts = {e.factuality for e in r.events if any(t.text == word for t in e.triggers)}
    assert facts == {expected}, text


# -- who reports an event: read from the predicate layer (doc._.ng_frames speakers) ------------
def _reporters(r, word: str) -> set:
    return {e.reported_by for e in r.events if any(t.text == word for t in e.triggers)}


@pytest.mark.parametrize("text, word, who", [
    # a verb of saying
    ("Peru said that Chilean troops shelled a border post.", "shelled", "peru"),
    # a stance verb: the stance holder is the source of the claim
    ("Ghana believes that Togolese soldiers attacked a village near Aflao.", "attacked", "ghana"),
    # "according to X"
    ("Militants ambushed a patrol near Gao, according to the Malian army.", "ambushed", "mali"),
    # a quote attributed after the closing mark, over two sentences
    ('"Rebels shelled the market in Bunia. They killed four traders," said Jean Mbala, the mayor.',
     "killed", "jean_mbala"),
    # a quote attributed before the opening mark
    ('Ecuador said: "Colombian troops bombed a camp near the border. They killed six people."',
     "killed", "ecuador"),
])
def test_the_reporter_of_an_event(nlp, text, word, who):
    assert _reporters(extract_text(nlp, text), word) == {who}, text


@pytest.mark.parametrize("text, word", [
    # a directive asks for the act, it does not report it
    ("Nairobi urged Kampala to attack the rebel bases.", "attack"),
    ("Mexico demanded that Guatemala expel the Honduran ambassador.", "expel"),
    # who declines to say, or does not say if, reports nothing
    ("Kenya declined to say whether Somali troops had shelled the camp.", "shelled"),
    ("Peru did not say if Chilean troops had shelled the post.", "shelled"),
])
def test_no_reporter_where_nothing_is_reported(nlp, text, word):
    assert _reporters(extract_text(nlp, text), word) == {None}, text


def test_what_a_directive_asks_for_has_not_happened(nlp):
    r = extract_text(nlp, "Mexico demanded that Guatemala expel the Honduran ambassador.")
    assert {e.factuality for e in events_of(r, "expel")} == {"hypothetical"}
    assert not any(x.subject == "guatemala" for x in r.relations)


def test_a_pledged_act_is_a_promise_and_a_vowed_attack_no_attack(nlp):
    r = extract_text(nlp, "Japan pledged to provide aid to Bangladesh. Hamas vowed to retaliate against Israel.")
    got = {(x.subject, x.predicate, x.object, x.cameo) for x in r.relations}
    assert ("japan", "pledgesTo", "bangladesh", "033") in got
    # the vow is a threat (CAMEO 13) aimed at Israel; the attack itself is not done
    assert {p for s, p, o, _ in got if s == "hamas" and o == "israel"} == {"threatens"}
    assert {e.factuality for e in r.events if any(t.text == "retaliate" for t in e.triggers)} == {"future"}


def test_a_subject_that_names_no_one_denies_the_act_and_takes_no_role(nlp):
    r = extract_text(nlp, "No other state has recognised Somaliland. Nobody was arrested. "
                          "No group claimed the bombing in Kabul.")
    recognised = [e for e in r.events if any(t.text == "recognised" for t in e.triggers)]
    assert recognised and all(e.factuality == "negated" for e in recognised)
    assert not any(role == "agent" for e in recognised for role, _ in e.roles)
    assert {e.factuality for e in r.events if any(t.text == "arrested" for t in e.triggers)} == {"negated"}
    bombing = [e for e in r.events if any(t.text == "bombing" for t in e.triggers)]
    assert bombing and not any(role == "agent" for e in bombing for role, _ in e.roles)
    assert not r.relations


def _facts(r) -> dict[str, str]:
    return {t.text: e.factuality for e in r.events for t in e.triggers}


def test_a_bare_verb_conjunct_shares_the_first_ones_modal(nlp):
    # "send" has no tense or modal of its own: "should" governs both verbs.
    r = extract_text(nlp, "ECOWAS should suspend Guinea and send troops to Conakry. "
                          "Armenia said Azerbaijan must reopen the corridor and lift its blockade of the region.")
    facts = _facts(r)
    assert facts.get("send") == "hypothetical"
    assert facts.get("lift") == "hypothetical"


def test_a_contrasting_conjunct_says_its_own(nlp):
    r = extract_text(nlp, "The bomb did not kill anyone but hurt 30 people in Lahore.")
    facts = _facts(r)
    assert facts.get("kill") == "negated" and facts.get("hurt") == "asserted"


def test_the_infinitive_of_a_noun_of_intention_is_not_done(nlp):
    r = extract_text(nlp, "Local militias chased the gunmen in an attempt to free the hostages. "
                          "Kenya was the first country to send troops to Haiti.")
    facts = _facts(r)
    assert facts.get("free") == "hypothetical"
    assert facts.get("send") == "asserted"  # "the first country to send": it did


def test_can_is_a_modal_of_possibility(nlp):
    r = extract_text(nlp, "Under the treaty Egypt can deploy only 750 troops in the Sinai.")
    assert _facts(r).get("deploy") == "hypothetical"


def test_an_indefinite_event_that_would_do_something_is_supposed(nlp):
    r = extract_text(nlp, "A Chadian intervention in Sudan would cost thousands of lives. "
                          "The Sudanese offensive would not change anything, the minister said.")
    facts = _facts(r)
    assert facts.get("intervention") == "hypothetical"
    assert facts.get("offensive") == "asserted"  # a definite one that was
    assert not any(p == "intervenesIn" for _, p, _ in rels(r))


def test_what_a_demand_asks_for_is_not_done(nlp):
    r = extract_text(nlp, "Ankara repeated its demand that Greece withdraw its troops from the islands.")
    assert _facts(r).get("withdraw") == "hypothetical"


def test_what_a_subject_is_committed_to_doing_is_announced_not_done(nlp):
    # "committed to" + gerund: the act hangs on the preposition (pcomp), as "pledged to" +
    # infinitive hangs on the verb.
    r = extract_text(nlp, "Ghana is committed to sending troops to Mali.")
    assert {e.factuality for e in events_of(r, "mobilize")} == {"future"}


def test_what_parties_agree_to_do_is_not_done_yet(nlp):
    r = extract_text(nlp, "The two foreign ministers agreed to meet again in Oslo in June.")
    assert {e.factuality for e in events_of(r, "meet")} == {"future"}
    # A cooperative act agreed on is a promise (CAMEO 03x), not a done act.
    r = extract_text(nlp, "Peru and Chile agreed to pull their troops back from the border.")
    assert [(e.event_class, e.cameo[:2]) for e in r.events] == [("pledge", "03")]


@pytest.mark.parametrize("text, word", [
    # a topic: what is discussed has not happened, but a definite conflict noun is presupposed
    ("The two delegations met in Oslo to discuss the release of the fishermen.", "release"),
    # an allegation: what someone is accused of doing is not told as done
    ("Chile accused Peru of supporting the smugglers.", "supporting"),
    # a capability: what a group is able to do
    ("Officials said the raid showed the militia's ability to strike the capital.", "strike"),
    # "any": no act in particular
    ("Ghana said it would answer any Togolese attack on its border posts.", "attack"),
])
def test_topics_allegations_capabilities_and_any_are_not_told_as_done(nlp, text, word):
    r = extract_text(nlp, text)
    found = [e for e in r.events if any(t.text == word for t in e.triggers)]
    assert found and all(e.factuality != "asserted" for e in found), found


def test_a_definite_conflict_noun_discussed_is_still_presupposed(nlp):
    r = extract_text(nlp, "The ministers discussed the bombing of the embassy in Kabul.")
    assert {e.factuality for e in events_of(r, "bombing")} == {"asserted"}


def test_a_habit_is_not_told_as_done(nlp):
    r = extract_text(nlp, "Police arrested students whenever they gathered in the square.")
    assert {e.factuality for e in events_of(r, "arrest")} == {"hypothetical"}


def test_a_negation_does_not_reach_an_event_in_a_phrase_of_time_or_setting(nlp):
    # the talks took place; no agreement was reached at them
    r = extract_text(nlp, "No agreement was reached at the talks in Oslo.")
    assert {e.factuality for e in events_of(r, "meet")} == {"asserted"}
    r = extract_text(nlp, "Ghana did not attend the talks in Oslo.")
    assert {e.factuality for e in events_of(r, "meet")} == {"negated"}


@pytest.mark.parametrize("text, word", [
    ("The United Arab Emirates has denied arming the rebels.", "arming"),
    ("The army denied that its troops had attacked civilians.", "attacked"),
])
def test_what_its_subject_denies_doing_is_negated(nlp, text, word):
    r = extract_text(nlp, text)
    assert {e.factuality for e in r.events if any(t.text == word for t in e.triggers)} == {"negated"}


def test_a_freedom_or_right_to_act_is_no_act(nlp):
    r = extract_text(nlp, "Amnesty condemned the excessive force used against Kenyans exercising their "
                          "freedom to protest.")
    assert {e.factuality for e in r.events if any(t.text == "protest" for t in e.triggers)} <= {"hypothetical"}


def test_talks_expected_to_resume_are_not_yet_held(nlp):
    r = extract_text(nlp, "Talks between Serbia and Kosovo are expected to resume in Brussels next month.")
    talks = [e for e in r.events if e.event_class in {"meet", "negotiate"}]
    assert talks and all(e.factuality != "asserted" for e in talks)


def test_what_someone_was_to_do_is_planned(nlp):
    r = extract_text(nlp, "The envoy was to visit Harare on Monday.")
    visit = events_of(r, "visit")
    assert visit and visit[0].factuality == "future"


def test_what_a_resolution_proposes_is_not_done(nlp):
    r = extract_text(nlp, "The Security Council rejected a resolution on imposing an arms embargo on Myanmar.")
    sanction = events_of(r, "sanction")
    assert sanction and all(e.factuality == "hypothetical" for e in sanction)
    r = extract_text(nlp, "The Security Council imposed an arms embargo on Myanmar after the vote on the resolution.")
    assert [e.factuality for e in events_of(r, "sanction")] == ["asserted"]


def test_an_infinitive_of_purpose_is_not_done(nlp):
    r = extract_text(nlp, "The opposition organised rallies in Dhaka to topple the government of Bangladesh.")
    assert all(e.factuality == "hypothetical" for e in events_of(r, "military_operation"))
    assert not any(p == "intervenesIn" for s, p, o in rels(r))
    r = extract_text(nlp, "Rebels toppled the government of Bangladesh in Dhaka.")
    assert [e.factuality for e in events_of(r, "military_operation")] == ["asserted"]


def test_what_a_party_failed_or_refused_to_do_did_not_happen(nlp):
    r = extract_text(nlp, "Sudan and South Sudan failed to reach an agreement on the oil fees.")
    assert [e.factuality for e in events_of(r, "agreement")] == ["negated"]
    assert not any(p == "agreesWith" for s, p, o in rels(r))
    r = extract_text(nlp, "Sudan and South Sudan reached an agreement on the oil fees.")
    assert ("sudan", "agreesWith", "south_sudan") in rels(r)


def test_an_act_a_past_participle_says_was_made_is_done_under_a_future_verb(nlp):
    r = extract_text(nlp, "Bahrain and Qatar agreed on Monday to restore diplomatic relations in a deal brokered "
                          "by Kuwait.")
    assert ("bahrain", "agreesWith", "qatar") in rels(r)
    deal = [e for e in events_of(r, "agreement") if any(t.text == "deal" for t in e.triggers)]
    assert deal and deal[0].factuality == "asserted"


def test_what_a_deal_is_signed_to_do_is_agreed_and_what_a_party_looks_forward_to_is_not_done(nlp):
    r = extract_text(nlp, "Sudanese army chief Abdel Fattah al-Burhan and RSF leader Mohamed Hamdan Dagalo signed a "
                          "deal on Friday to halt fighting.")
    assert [e.factuality for e in events_of(r, "ceasefire")] == ["asserted"]
    r = extract_text(nlp, "Damascus is looking forward to restoring normal ties with Riyadh, Syrian Foreign "
                          "Minister Faisal Mekdad said.")
    assert all(e.factuality != "asserted" for e in events_of(r, "agreement"))


def test_should_have_is_a_reproach_not_a_demand(nlp):
    r = extract_text(nlp, "Lavrov said Estonian authorities should have consulted Moscow before expelling the "
                          "diplomats.")
    assert not events_of(r, "demand")
    r = extract_text(nlp, "Lavrov said Estonian authorities should consult Moscow.")
    assert events_of(r, "demand")


def test_what_an_accusation_or_claim_says_is_alleged(nlp):
    r = extract_text(nlp, "Uganda denied accusations by Kinshasa that it backs the ADF rebels.")
    assert all(e.factuality == "hypothetical" for e in events_of(r, "support"))
    r = extract_text(nlp, "Uganda backs the ADF rebels, Kinshasa said.")
    assert any(e.factuality == "asserted" for e in events_of(r, "support"))


def test_an_act_whose_doing_is_denied_two_verbs_down_did_not_happen(nlp):
    r = extract_text(nlp, "Rwanda denied giving military support to the M23 rebels.")
    assert [e.factuality for e in events_of(r, "support")] == ["negated"]


def test_a_postponed_or_cancelled_event_did_not_take_place(nlp):
    r = extract_text(nlp, "Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed postponed their "
                          "summit in Nairobi.")
    assert not any(p == "meetsWith" for s, p, o in rels(r))
    r = extract_text(nlp, "Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed held a summit in "
                          "Nairobi.")
    assert ("william_ruto", "meetsWith", "abiy_ahmed") in rels(r)
