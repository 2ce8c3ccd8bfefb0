"""Blame told as where responsibility lies (extract/events/blame.py). Sentences are the
tests' own, through the real model."""

import pytest

from conftest import events_of, extract_text, rels

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, agent, target", [
    # the bearer is the subject of "bear"; the speaker blames him
    ('"Belgrade alone bears responsibility for the violence," Kosovo prime minister Albin Kurti said.',
     "albin_kurti", "serbia"),
    # "lies with": the bearer is the "with" phrase (a capital there is its government)
    ("The responsibility for the crisis lies with Kinshasa, a Rwandan spokesman said.",
     "rwanda", "democratic_republic_of_the_congo"),
    # "laid ... on": who lays it blames
    ("The Ghanaian government laid responsibility for the shooting on Togo.", "ghana", "togo"),
])
def test_who_bears_the_responsibility_is_blamed(nlp, text, agent, target):
    r = extract_text(nlp, text)
    blame = events_of(r, "accuse")
    assert blame and {("agent", agent), ("target", target)} <= set(blame[0].roles), blame
    assert (agent, "accuses", target) in rels(r)


def test_a_responsibility_for_a_task_is_a_duty_not_a_blame(nlp):
    r = extract_text(nlp, "The ministry bears responsibility for border security.")
    assert not events_of(r, "accuse")


def test_who_bears_no_responsibility_denies_it(nlp):
    r = extract_text(nlp, "Uganda's foreign minister said Kampala bears no responsibility for the raid.")
    assert not events_of(r, "accuse")
    denial = events_of(r, "deny")
    assert denial and ("agent", "uganda") in denial[0].roles
