"""The ``newsgraph_events`` pipeline component: triggers, then per trigger its arguments,
factuality, reporter (the predicate layer's speakers) and date, then the steps across events
(answers, coreference, filters)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..doc import DATE, ENTITIES, EVENTS, FRAMES, PARTICIPANTS  # (importing extract.doc registers the extensions)
from ..doccache import sentence_chars, tokens
from ..entities import mentions_by_token, records_in
from . import coreference
from .acts import _act_targets, _answer_targets, _called_for_targets, _mediated_parties
from .arguments import _arguments
from .blame import speaker_blames
from .context import (also_acts_from_context, clash_parties_from_context, continuing_parties_from_context,
                      opponent_from_context)
from .draft import _Event
from .factuality import _event_date, factuality, reporter
from .obligations import obligations
from .threats import announced_threats
from .filters import (_bare_statement, _campaign, _generic, _generic_fillers, _happened, _hollow, _interview,
                      _kind_or_predicate, _naming_call, _withheld)
from .reclass import reclassify
from .records import _participants, _record
from .triggers import match_trigger

# Nouns that name a state after "in"/"under" and an act after "into" ("taken into custody").
STATE_NOUNS = frozenset({"custody", "detention", "captivity"})
# An event with no participant, place or time is kept only when its trigger is this reliable:
# a bare "threat" or "fight" adds a node that says little and is often not an event at all.
BARE_EVENT_CONFIDENCE = 0.75


@Language.factory(
    "newsgraph_events",
    assigns=[f"doc._.{EVENTS}", f"doc._.{PARTICIPANTS}"],
    requires=[f"doc._.{ENTITIES}", f"doc._.{DATE}", f"doc._.{FRAMES}", "doc.spans", "doc.sents", "token.dep",
              "token.pos", "token.lemma"],
    default_config={"min_confidence": 0.3})
def make_event_extractor(nlp: Language, name: str, min_confidence: float) -> "EventExtractor":
    return EventExtractor(nlp, name, min_confidence=min_confidence)


class EventExtractor:
    """Pipeline component: events with arguments, on ``doc._.ng_events``."""

    def __init__(self, nlp: Language, name: str = "newsgraph_events", *, min_confidence: float = 0.3) -> None:
        self.name = name
        self.min_confidence = min_confidence

    def __call__(self, doc: Doc) -> Doc:
        ent_of = mentions_by_token(doc)
        entities = records_in(doc)
        events: list[_Event] = []
        consumed: set[int] = set()
        for tok in tokens(doc):
            if tok.i in consumed:
                continue
            if tok.dep_ == "compound" and tok.pos_ in {"NOUN", "PROPN"} and not any(
                    c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children):
                # "the protest movement", "a bombing suspect": a modifier, not a mention; but
                # "Boston Marathon bombing suspect" names a bombing that happened.
                continue
            found = match_trigger(tok)
            if found is None or found[0].confidence < self.min_confidence:
                continue
            if tok.lemma_ in STATE_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ in {"in", "under"}:
                continue  # "remains in custody": a state, not the arrest ("taken into custody")
            trig, extra = found
            # "went on strike", "take revenge": the words of a multiword trigger are part of its
            # mention and cannot fire events of their own.
            extra = [t for t in extra if t.pos_ in {"NOUN", "ADJ", "VERB", "PROPN"}]
            consumed.update(t.i for t in extra)
            ev = _Event(trig=trig, tokens=[tok, *extra, *_occurrence_verb(tok)], sentence=sentence_chars(tok))
            _arguments(ev, tok, ent_of, entities)
            ev.factuality = factuality(tok, trig.event_class)
            ev.reported_by = reporter(tok, ent_of)
            speaker_blames(ev)
            ev.date = _event_date(tok, doc._.ng_date)
            events.append(ev)
        announced_threats(events, doc, ent_of)  # "Houthi forces will strike Israel, their spokesman said"
        reclassify(events, entities)  # classes that depend on who acts (reclass.py)
        _answer_targets(events)
        # A naming "call" is no call at all, and a description tells no happening: drop them
        # before they can absorb a real event's mentions.
        events = [ev for ev in coreference._copular_identity(events)
                  if not _naming_call(ev) and not _kind_or_predicate(ev)]
        states = frozenset(k for k, e in entities.items() if e.type == "Country")
        merged = coreference._merge_coreferent(coreference._merge_chains(events), ent_of, states)
        _act_targets(merged, ent_of)
        _called_for_targets(merged)
        _mediated_parties(merged)
        clash_parties_from_context(merged, entities)
        continuing_parties_from_context(merged)
        also_acts_from_context(merged)
        opponent_from_context(merged, entities)
        # '"Israel must withdraw," X said': a demand of its own (the withdrawal is hypothetical),
        # unless it tells again a verbal act of the speaker's (read on the merged events)
        merged.extend(list(obligations(doc, ent_of, merged)))
        events = [ev for ev in merged
                  if (ev.roles or ev.place or ev.date or ev.casualties
                      or (ev.trig.confidence >= BARE_EVENT_CONFIDENCE and not _generic(ev))
                      or _happened(ev))
                  and not _hollow(ev, entities) and not _generic_fillers(ev) and not _withheld(ev)
                  and not _campaign(ev) and not _interview(ev, entities)
                  and not _bare_statement(ev)]
        doc._.ng_events = [_record(i, ev, doc, entities) for i, ev in enumerate(events)]
        doc._.ng_participants = _participants(doc, events)
        return doc


# Verbs that only say an event noun's happening happened ("the bombing took place", "the
# explosion occurred"): a mention of that event, not a second one.
OCCURRENCE_VERBS = frozenset({"occur", "happen", "unfold"})


def _occurrence_verb(tok: Token) -> list[Token]:
    """The verb that says an event noun happened, as a further word of its mention."""
    head = tok.head
    if tok.pos_ != "NOUN" or tok.dep_ != "nsubj" or head.i == tok.i:
        return []
    lemma = head.lemma_.lower()
    if lemma in OCCURRENCE_VERBS or lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "place"
                                                            for c in head.children):
        return [head]
    return []
