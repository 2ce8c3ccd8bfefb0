"""Which found events are kept (extract/events/filters.py).

Moved from tests/test_extract_rules.py: synthetic sentences through the real model, with
tolerant assertions (the small model's parse is not perfect)."""

import pytest

from conftest import events_of, extract_text

pytestmark = pytest.mark.model


def test_generic_statements_and_senses_of_fight_are_not_events(nlp):
    r = extract_text(nlp, "Peace is threatened by countries that violate rights. The two allies will continue "
                          "to fight separately. Rebels fought with government troops near Goma.")
    classes = [e.event_class for e in r.events]
    assert "threaten" not in classes
    fights = [e for e in r.events if e.event_class == "fight"]
    assert len(fights) == 1 and fights[0].place == "goma"


def test_counted_plural_events_are_happenings_not_kinds(nlp):
    r = extract_text(nlp, "Police recorded 14 bombings in the province last year. Bombings are rare in the capital.")
    triggers = {t.text for ev in r.events if ev.cameo for t in ev.triggers}
    assert "bombings" in triggers  # counted: a set of real bombings
    assert "Bombings" not in triggers  # a kind


def test_calling_something_a_name_is_no_phone_call(nlp):
    r = extract_text(nlp, "Omani minister Badr Hamad called the deal a first step. "
                          "Zambian President Hakainde Hichilema called Malawian President Lazarus Chakwera on Monday.")
    calls = events_of(r, "phone_call")
    # A call is directed: the caller is its agent, the called its target.
    assert len(calls) == 1 and ("target", "lazarus_chakwera") in calls[0].roles


def test_bare_event_nouns_the_sentence_says_took_place(nlp):
    r = extract_text(nlp, "Monitors recorded at least 40 deaths in March. The explosions occurred near the "
                          "harbour. Police shot dead the gunman. Deaths are rising in the region.")
    texts = {t.text for e in r.events if e.cameo for t in e.triggers}
    assert {"deaths", "explosions", "dead"} <= texts
    assert "Deaths" not in texts  # a kind, not a count


def test_a_naming_call_does_not_swallow_a_phone_call_in_the_same_sentence(nlp):
    r = extract_text(nlp, "Prime Minister Lars Berg called the deal a betrayal and later spoke by telephone "
                          "with Danish Prime Minister Mette Holm.")
    calls = events_of(r, "phone_call")
    assert calls and {("agent", "lars_berg"), ("participant", "mette_holm")} <= set(calls[0].roles)
    assert all(t.text != "called" for t in calls[0].triggers)


def test_a_statement_that_carries_another_act_is_no_event_of_its_own(nlp):
    # The statement is how the act reached the news: what it says or does is the event.
    r = extract_text(nlp, "A statement issued by the Kenyan foreign ministry said the border would reopen. "
                          "Peru condemned the coup in a statement on Monday. "
                          "According to a statement from Ankara, the minister will travel to Cairo. "
                          "The Ghanaian president said at a news conference that the army would stay.")
    assert not events_of(r, "statement")
    assert events_of(r, "condemn")


def test_a_statement_as_such_is_no_event_but_what_it_tells_is_reported(nlp):
    # CAMEO 010 "make statement" says nothing the graph holds; the acts a statement tells are
    # events reported by its maker.
    r = extract_text(nlp, "The Chilean foreign ministry issued a statement on Tuesday. "
                          "Uruguay held a press conference in Montevideo.")
    assert not r.events
    r = extract_text(nlp, "In a statement, the Chilean foreign ministry condemned the attack on the embassy.")
    assert events_of(r, "condemn") and not events_of(r, "statement")


def test_announcing_a_clause_or_an_event_reports_it(nlp):
    # "announced that ..." is reported speech like "said that ..."; an announced event noun is
    # the event, in any voice.
    r = extract_text(nlp, "The Peruvian president announced that he was closing the embassy. "
                          "New sanctions against Iran were announced by Britain on Monday.")
    assert all(t.text != "announced" for e in r.events for t in e.triggers)
    assert events_of(r, "sanction")


def test_an_act_said_not_to_be_done_is_no_event(nlp):
    # "without" denies its object: no warning was given, no charge was brought.
    r = extract_text(nlp, "A bomb exploded without warning at a bar in Leeds. "
                          "The three men were later released without charge.")
    assert not events_of(r, "threaten")
    assert all(t.text not in {"warning", "charge"} for e in r.events for t in e.triggers)
    assert events_of(r, "release")


def test_a_description_tells_no_happening(nlp):
    # A kind of person, and what something is called or taken as, are not events.
    r = extract_text(nlp, "Peru will not take lessons from a state that shelters those who kill our police. "
                          "The minister warned that anyone blocking highways would be arrested. "
                          "Ortiz called the detentions \"an abduction of justice\". "
                          "Chad condemned the raid as a massacre of herders.")
    words = {t.text for e in r.events for t in e.triggers}
    assert not words & {"kill", "blocking", "abduction", "massacre"}
    assert "condemned" in words


def test_a_copula_between_two_event_nouns_names_one_happening(nlp):
    r = extract_text(nlp, "Their latest assault was a bombing of the police headquarters in Kano. "
                          "There was an explosion at a market in Kano.")
    assault = [e for e in r.events if any(t.text == "assault" for t in e.triggers)]
    assert assault and any(t.text == "bombing" for t in assault[0].triggers)
    assert any(t.text == "explosion" for e in r.events for t in e.triggers)  # "there was": not a description


def test_releasing_information_is_no_release(nlp):
    r = extract_text(nlp, "The Chilean navy released the names of the missing sailors. "
                          "The report, as released by the Peruvian ministry, lists 12 violations. "
                          "Peru released the two Chilean sailors on Friday.")
    released = events_of(r, "release")
    assert len(released) == 1 and any(t.text == "released" and t.start > 100 for t in released[0].triggers)


def test_a_trigger_that_is_itself_a_compound_is_not_withheld(nlp):
    # "without" denies an act only through a mention of it; a compound trigger ("Kremlin
    # critic X") has no mention head of its own, and is not denied for that.
    r = extract_text(nlp, "Opposition leader and Kremlin critic Ilya Yashin was jailed.")
    assert events_of(r, "criticize")


def test_a_campaign_against_an_abstract_foe_is_no_clash(nlp):
    r = extract_text(nlp, "Donors praised Kenya's fight against corruption. Colombia's war on drugs goes on.")
    assert not events_of(r, "fight") and not [e for e in r.events if e.cameo and e.cameo.startswith("19")]
    r = extract_text(nlp, "The army's fight against the rebels continued near Goma.")
    assert events_of(r, "fight")


def test_speaking_with_a_news_agency_is_an_interview_not_a_meeting(nlp):
    r = extract_text(nlp, "The Kenyan interior minister spoke with Reuters about the raid. "
                          "Ruto spoke with Abiy Ahmed in Nairobi.")
    meetings = events_of(r, "meet")
    assert len(meetings) == 1 and ("participant", "abiy_ahmed") in meetings[0].roles


def test_the_news_agencies_of_the_actor_table_are_news_outlets():
    from newsgraph.extract.entities.wordlists import news_outlet

    assert news_outlet("Reuters") and news_outlet("Agence France-Presse") and news_outlet("Kenya Times")
    assert not news_outlet("International Atomic Energy Agency") and not news_outlet("United Nations")


def test_hosting_refugees_is_no_hosting_of_a_visit(nlp):
    r = extract_text(nlp, "Donors will help Chad meet the cost of hosting 400,000 Sudanese refugees. "
                          "Chad hosted the Sudanese envoy in N'Djamena.")
    hosts = events_of(r, "host")
    assert len(hosts) == 1 and any(t.text == "hosted" for t in hosts[0].triggers)


def test_a_withdrawal_of_no_armed_force_is_no_de_escalation(nlp):
    r = extract_text(nlp, "The Red Cross withdrew its foreign staff from Tigray. Eritrea withdrew its troops from Tigray.")
    withdrawals = events_of(r, "yield")
    assert len(withdrawals) == 1 and ("agent", "eritrea") in withdrawals[0].roles


def test_a_warning_of_how_things_are_is_no_threat(nlp):
    r = extract_text(nlp, "The Venezuelan president warned Colombians that the danger is already at home.")
    assert not events_of(r, "threaten")
    r = extract_text(nlp, "Caracas warned that any Colombian incursion would meet a firm response.")
    assert events_of(r, "threaten")


def test_declining_to_comment_is_no_event(nlp):
    r = extract_text(nlp, "Lawyers for the former minister Juma Otieno declined to comment after the verdict in Nairobi.")
    assert not [e for e in r.events if e.cameo == "011" or any(t.text == "declined" for t in e.triggers)]


def test_acts_a_series_counts_are_told_as_happening(nlp):
    r = extract_text(nlp, "Police claimed success with a series of raids.")
    assert [e for e in r.events if e.cameo and e.cameo.startswith("18")]
    # (a bare plural act with nothing to count it stays a kind)
    r = extract_text(nlp, "Arrests are common in the capital.")
    assert not events_of(r, "arrest")


def test_in_protest_after_an_official_act_is_its_reason_not_a_demonstration(nlp):
    r = extract_text(nlp, "Algeria recalled its ambassador to Spain in protest at the shift on Western Sahara.")
    assert not events_of(r, "protest") and events_of(r, "reduce_relations")
    r = extract_text(nlp, "Thousands of people marched in protest against the law in Tbilisi.")
    assert events_of(r, "protest")
