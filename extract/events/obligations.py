"""Demands told as what someone else must do: '"Israel must halt its fire," Barhoum said',
"RWB said the government must do everything to find him", "Sarkozy says all three have to
stop", "Odinga said Mugabe should be suspended".

A speaker who says that another party must, has to or should do something demands it of that
party (CAMEO 10: every development gold that codes such a "should" accepts a demand, and an
appeal (02) is no criticism, which the gold often codes them as too). The act itself has not
happened (factuality marks it hypothetical); the demand has: it is an event of its own, made
by the speaker, aimed at the party the modal's clause is about, whose mention is the modal and
its verb.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..doccache import sentence_chars, sentences, tokens
from ..predicates import PATIENT
from .argument_context import trigger_frame
from .draft import _add, _Event, _named, is_unnamed
from .factuality import reporter
from .fillers import _fillers
from .lexicon import VERBAL_QUADS, Trigger, event_classes

# Modal auxiliaries of obligation: saying them of another party is a demand.
OBLIGATION_MODALS = frozenset({"must", "should", "ought"})
# Verbs of obligation with a "to" infinitive ("have to stop", "need to withdraw"): demands.
OBLIGATION_VERBS = frozenset({"have", "need"})
# Subjects that are no other party: the speaker's own side ("we must") and the addressee.
SELF_OR_ADDRESSEE = frozenset({"i", "we", "us", "you"})
# How reliable a demand read from a modal is (below a lexicon demand verb's).
OBLIGATION_CONFIDENCE = 0.6


def obligations(doc: Doc, ent_of: dict[int, str], events: list[_Event]) -> Iterator[_Event]:
    """A demand event for every reported clause that says what another named party must or
    should do (see the module docstring). When the speaker's own verbal act in the same
    sentence already tells it ("criticised the omission, saying the Brazilian leader should
    listen", "warned the areas that they should think"), that act is aimed at the party instead,
    if it names no one it is aimed at, and no second event is made; so when the speaker made a
    verbal act at the same party elsewhere in the article ("UN calls on Pakistan to
    investigate" ... "Pakistan must investigate, says UN"): the clause is another mention of it."""
    # ("urged X to stop" is an appeal already)
    taken = {t.i for ev in events if ev.trig.event_class in {"demand", "appeal"} for t in ev.tokens}
    sent_of, _ = sentences(doc)
    for verb in tokens(doc):
        modal = _obligation(verb)
        if modal is None or verb.i in taken:
            continue
        speaker = reporter(verb, ent_of)
        if speaker is None:
            continue
        frame = trigger_frame(verb)
        heads = frame.subjects() or frame.phrases(PATIENT, only={"passive subject"})
        if not heads or any(doc[h].lower_ in SELF_OR_ADDRESSEE for h in heads):
            continue
        parties = [k for h in heads for k in _fillers(doc[h], ent_of, anonymous=False)
                   if not is_unnamed(k) and k != speaker] or _addressees(verb, ent_of, speaker)
        if not parties:
            continue
        sentence = sentence_chars(verb)
        if _told_already([ev for ev in events if _verbal_act_of(ev, speaker)], parties, sentence,
                         [modal, verb], sent_of):
            continue
        cls = event_classes()["demand"]
        trig = Trigger(lemma=modal.lemma_.lower(), pos="VERB", event_class="demand", cameo=cls.cameo,
                       requires="", confidence=OBLIGATION_CONFIDENCE)
        yield _Event(trig=trig, tokens=[modal, verb], roles={"agent": [speaker], cls.undergoer: parties},
                     sentence=sentence, reported_by=speaker)


def _addressees(verb: Token, ent_of: dict[int, str], speaker: str) -> list[str]:
    """Whom the speaker tells what must be done, when the clause names no party ("Macron told
    Netanyahu that the strikes must stop"): the object of the reporting verb."""
    if verb.dep_ != "ccomp" or verb.head.i == verb.i:
        return []
    return [k for c in verb.head.children if c.dep_ in {"dobj", "dative", "iobj"}
            for k in _fillers(c, ent_of, anonymous=False) if not is_unnamed(k) and k != speaker]


def _told_already(acts: list[_Event], parties: list[str], sentence: tuple[int, int], mention: list[Token],
                  sent_of: list[int]) -> bool:
    """Whether one of the speaker's verbal ``acts`` tells the demand already: one in the same
    sentence (then aimed at the parties, if at no one named), one aimed at the same parties, or
    one aimed at no one named in the two sentences before ("X warned the areas that ... . 'The
    regimes of A and B should think ...,' X said"); the clause is then another mention of it."""
    told = [ev for ev in acts if ev.sentence == sentence]
    for ev in told:
        if not _named(ev, "target"):
            _add(ev, "target", parties)
    if told:
        return True
    here = sent_of[mention[-1].i]
    repeated = next((ev for ev in acts if _named(ev, "target") & set(parties)), None) or next(
        (ev for ev in acts if not _named(ev, "target")
         and 0 < here - max((sent_of[t.i] for t in ev.tokens if t.i < mention[-1].i), default=-9) <= 2), None)
    if repeated is None:
        return False
    if not _named(repeated, "target"):
        _add(repeated, "target", parties)
    repeated.tokens.extend(mention)
    return True


def _verbal_act_of(ev: _Event, speaker: str) -> bool:
    """Whether ``ev`` is an act of words (CAMEO quad classes 1 and 3, not a bare statement)
    that ``speaker`` makes."""
    cls = event_classes()[ev.trig.event_class]
    return cls.quad_class in VERBAL_QUADS and ev.trig.event_class != "statement" \
        and speaker in ev.roles.get("agent", [])


def _obligation(verb: Token) -> Token | None:
    """The modal that puts ``verb`` under an obligation: "must halt", "should listen" (the
    auxiliary), "have to stop" / "needs to withdraw" (the governing verb)."""
    if verb.pos_ != "VERB":
        return None
    kids = list(verb.children)
    if verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "have" for c in kids):
        return None  # "should have known": a reproach for the past, nothing asked of anyone
    for aux in kids:
        if aux.dep_ == "aux" and aux.lower_ in OBLIGATION_MODALS:
            return aux
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_ in OBLIGATION_VERBS and head.i < verb.i \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
            and not any(c.dep_ in {"dobj", "obj"} for c in head.children):  # ("have a plan to ...")
        return head
    return None
