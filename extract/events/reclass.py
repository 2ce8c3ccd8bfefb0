"""Classes that depend on who acts: read after the arguments, before coreference (so that a
reclassified mention can join the event it is part of)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..predicates import predicate_frame
from .draft import _Event, unnamed_key
from .lexicon import event_classes

# Nouns of people gathered in the street.
CROWD_NOUNS = frozenset({"protester", "protesters", "demonstrator", "demonstrators", "crowd", "crowds",
                         "marcher", "marchers", "rioter", "rioters"})
# Words that count a crowd ("a few hundred Egyptians", "thousands of students").
CROWD_COUNTS = frozenset({"hundred", "hundreds", "thousand", "thousands", "dozens", "tens", "millions"})
# A counted group this large is a crowd ("300 people marched").
CROWD_SIZE = 100
# What a crowd's act is: a demand is a demonstration (141); damage is a violent protest, a
# riot (145).
CROWD_ACTS = {"demand": "141", "destroy": "145"}
# CAMEO's official complaint: a protest a state lodges.
OFFICIAL_COMPLAINT = "114"


def reclassify(events: list[_Event], entities: dict) -> None:
    """Every rule of this module, in order: crowds' acts, states' protests, verbal clashes."""
    crowd_acts(events)
    state_protests(events, entities)
    verbal_clashes(events, entities)


def crowd_acts(events: list[_Event]) -> None:
    """A demand that a crowd makes with a verb ("a few hundred Egyptians burned flags, demanding
    the expulsion of the envoy", "thousands of students took to the streets demanding ...") is
    a demonstration (CAMEO 141), not a demand made by a government or a person; its agent is
    the crowd, not the state its people are of. Damage a crowd does ("protesters set fire to
    the office") is a violent protest, a riot (145)."""
    protest = event_classes()["protest"]
    for ev in events:
        tok = ev.tokens[0]
        code = CROWD_ACTS.get(ev.trig.event_class)
        if code is None or tok.pos_ != "VERB":
            continue
        doc = tok.doc
        crowds = [i for i in predicate_frame(tok).subjects() if _crowd(doc[i])]
        if crowds:
            ev.trig = replace(ev.trig, event_class=protest.name, cameo=code)
            # "a few hundred Egyptians" are people of Egypt in the street, not the state.
            ev.roles["agent"] = [unnamed_key(i) for i in crowds]


def state_protests(events: list[_Event], entities: dict) -> None:
    """A protest that a state makes ("Bolivia sent a note of protest to Lima", "China protested
    the visit") is an official complaint (CAMEO 114), not a demonstration."""
    criticize, protest = event_classes()["criticize"], event_classes()["protest"]
    for ev in events:
        agents = ev.roles.get("agent", [])
        # (a demonstration, 141: not a riot or a blockade, which no state lodges)
        if ev.trig.event_class != protest.name or ev.trig.cameo != protest.cameo or not agents \
                or not all(k in entities and entities[k].type == "Country" for k in agents):
            continue
        tok = ev.tokens[0]
        # ("Thousands of Kenyans protested", "Kenyans protested": people of a state, a crowd)
        if tok.pos_ == "VERB" and any(_crowd(tok.doc[i]) or tok.doc[i].tag_ in {"NNS", "NNPS"}
                                      for i in predicate_frame(tok).subjects()):
            continue
        ev.trig = replace(ev.trig, event_class=criticize.name, cameo=OFFICIAL_COMPLAINT)


# People whose clash is one of words: ministers and leaders clash at a news conference, armed
# men in the streets.
SPEAKING_PEOPLE = frozenset({"minister", "leader", "official", "lawmaker", "legislator", "diplomat", "politician",
                             "president", "premier", "spokesman", "spokeswoman", "envoy", "candidate", "senator",
                             "counterpart", "chancellor", "negotiator"})
# CAMEO's disapproval: a verbal clash.
DISAPPROVAL = "oppose"


def verbal_clashes(events: list[_Event], entities: dict) -> None:
    """A clash whose parties are people who speak for states or parties ("Turkish, Greek
    ministers clash at heated news event", "Blinken and Wang clashed over Taiwan") is a clash of
    words, a disapproval (CAMEO 110), not a fight: no one fights with anyone."""
    oppose = event_classes()[DISAPPROVAL]
    for ev in events:
        tok = ev.tokens[0]
        if ev.trig.event_class != "fight" or tok.lemma_.lower() != "clash":
            continue
        frame = predicate_frame(tok)
        heads = [tok.doc[i] for i in frame.subjects()] if tok.pos_ == "VERB" else []
        people = [k for ks in ev.roles.values() for k in ks if k in entities and entities[k].type == "Person"]
        if heads and all(h.lemma_.lower() in SPEAKING_PEOPLE or h.ent_type_ == "PERSON" for h in heads) \
                or people and len(people) == len([k for ks in ev.roles.values() for k in ks]):
            ev.trig = replace(ev.trig, event_class=oppose.name, cameo=oppose.cameo)


def _crowd(head: Token) -> bool:
    """A subject head that names a crowd: a noun of protesters, or a large count."""
    if head.lower_ in CROWD_NOUNS or head.lower_ in CROWD_COUNTS:
        return True
    for c in head.children:
        if c.dep_ == "nummod":
            if c.lower_ in CROWD_COUNTS:
                return True
            value = c.text.replace(",", "")
            if value.isdigit() and int(value) >= CROWD_SIZE:
                return True
    return False
