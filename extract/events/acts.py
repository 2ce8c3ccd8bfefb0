"""Targets found through other events: a reply aims at whoever made what it answers,
judging an act judges its author, a call for an act aims at whoever it is to be done by or to."""

from __future__ import annotations

from spacy.tokens import Token

from ..doccache import sentence_span, sentences
from .draft import _add, _Event, _named, unnamed_key
from .lexicon import APPEAL_ROOTS, VERBAL_QUADS, event_classes

# Nouns for such acts -> the event classes they can name ("*": any verbal act).
ANSWERED_ACTS = {
    "request": {"appeal", "demand"}, "call": {"appeal", "demand"}, "demand": {"demand", "appeal"},
    "appeal": {"appeal"}, "plea": {"appeal"}, "ultimatum": {"demand", "threaten"},
    "charge": {"accuse", "criticize", "condemn"}, "accusation": {"accuse", "criticize", "condemn"},
    "allegation": {"accuse", "criticize"}, "criticism": {"criticize", "condemn", "accuse"},
    "offer": {"pledge", "aid"}, "proposal": {"pledge", "appeal"},
    "view": {"*"}, "claim": {"*"}, "argument": {"*"}, "assertion": {"*"}, "suggestion": {"*"},
    "idea": {"*"}, "position": {"*"},
}


# How far before the sentence before it an answer may find the act it answers, when that act
# was aimed at whoever answers it (tokens: a few sentences).
ANSWER_REACH_TOKENS = 120


def _answer_targets(events: list[_Event]) -> None:
    """A reply aims at whoever made what it answers: in "Lula criticised NATO ..., a view
    Scholz rejected" and "X urged Brazil to ... . Lula turned down the request", the rejected
    view or request is the last fitting act before it, so its agent is the target."""
    for i, ev in enumerate(events):
        if not event_classes()[ev.trig.event_class].answers_act or _named(ev, "target"):
            continue
        tok = ev.tokens[0]
        nouns = [tok.head] if tok.dep_ == "relcl" else \
            [c for c in tok.children if c.dep_ in {"dobj", "obj", "nsubjpass"}] if tok.pos_ == "VERB" else []
        # (not a noun a relative clause defines: "denied the charge that led to his conviction"
        # names its own act, not the last one told)
        noun = next((n for n in nouns if n.lemma_.lower() in ANSWERED_ACTS and
                     not any(c.dep_ == "poss" or (c.dep_ == "relcl" and c.i != tok.i) for c in n.children)), None)
        if noun is None:
            continue
        fits = ANSWERED_ACTS[noun.lemma_.lower()]
        sent_start = sentence_span(tok)[0]
        first_allowed = sentence_span(tok.doc[sent_start - 1])[0] if sent_start > 0 else 0
        own = _named(ev, "agent", "participant")
        for j in range(i - 1, -1, -1):  # (no copy of the list per event: it is as long as the document)
            prev = events[j]
            p_tok = prev.tokens[0]
            if p_tok.i >= noun.i:
                continue
            near = p_tok.i >= first_allowed  # this or the previous sentence
            if not near and p_tok.i < first_allowed - ANSWER_REACH_TOKENS:
                break
            cls = event_classes()[prev.trig.event_class]
            # Further back, only an act aimed at the one who answers: "X accused Minsk of ...
            # (a quote) ... Belarus rejected the accusations"
            if (prev.trig.event_class in fits or ("*" in fits and cls.quad_class in VERBAL_QUADS)) and \
                    (agents := _named(prev, "agent") - own) and (near or own & _named(prev, "target")):
                _add(ev, "target", sorted(agents))
                break


# Prepositions that introduce the act judged: an adjective's or noun's "of" / "for" ("critical
# of the arrests", "criticism of the strikes", "support for Somalia's fight"), a verb's
# "against" / "over" ("protested against the raids").
JUDGED_ACT_PREPS = frozenset({"of", "for", "against", "over", "about"})
NOUN_ACT_PREPS = frozenset({"of", "for"})


def _authors(act: _Event, mention: Token, ent_of: dict[int, str]) -> set[str]:
    """Who did an act: its agents; for a joint act, its parties ("welcomed the deal"), or the
    one named as its possessor ("support for Somalia's fight against al-Shabaab")."""
    agents = _named(act, "agent")
    if agents or not event_classes()[act.trig.event_class].symmetric:
        return agents
    owners = {ent_of.get(c.i) for c in mention.children if c.dep_ == "poss"}
    parties = _named(act, "participant")
    return parties & owners if owners & parties else parties


def _act_targets(events: list[_Event], ent_of: dict[int, str]) -> None:
    """Judging an act judges its author: in "Kenya condemned the attack" and "Araghchi called
    the sanctions illegal", the attack's and the sanctions' agents (once the mentions of each
    event are merged) are the target; so in "was critical of the arrests made by police" and
    "criticism of the strikes" (the judged act as an adjective's or a noun's "of" phrase, or
    what a verb protests "against" or "over")."""
    by_token = {t.i: ev for ev in events for t in ev.tokens}
    for ev in events:
        if not event_classes()[ev.trig.event_class].judges_act or _named(ev, "target"):
            continue
        own = _named(ev, "agent", "participant")
        tok = ev.tokens[0]
        judged = [c for c in tok.children if c.dep_ in {"dobj", "obj"}] if ev.trig.pos == "VERB" else []
        judged += [o for p in tok.children if p.dep_ == "prep" and p.lower_ in JUDGED_ACT_PREPS
                   and (p.lower_ in NOUN_ACT_PREPS) == (ev.trig.pos != "VERB") for o in p.children if o.dep_ == "pobj"]
        for obj in judged:
            act = by_token.get(obj.i)
            if act is not None and not _named(act, "agent", "participant"):
                act = _earlier_act(act, obj, events) or act  # "Ankara launched the strikes ... condemned the strikes"
            if act is not None and act is not ev and (agents := _authors(act, obj, ent_of) - own):
                for role in ("target", "victim"):  # the act itself is no party
                    if unnamed_key(obj.i) in ev.roles.get(role, []):
                        ev.roles[role].remove(unnamed_key(obj.i))
                _add(ev, "target", sorted(agents))


# How far back (sentences) a definite act noun with no party of its own may repeat an act.
REPEATED_ACT_SENTENCES = 3


def _earlier_act(act: _Event, mention: Token, events: list[_Event]) -> _Event | None:
    """The earlier event of the same class, told with the same word, that a definite act noun
    with no party of its own repeats ("the strikes" after "Ankara launched the strikes")."""
    if act.trig.pos != "NOUN" or not any(c.dep_ == "det" and c.lower_ in {"the", "these", "those", "this"}
                                         for c in mention.children):
        return None
    sent_of = sentences(mention.doc)[0]
    here = sent_of[mention.i]
    for prev in reversed(events):
        start = prev.tokens[0]
        if start.i >= mention.i or prev.trig.event_class != act.trig.event_class:
            continue
        if here - sent_of[start.i] > REPEATED_ACT_SENTENCES:
            break
        if any(t.lemma_ == mention.lemma_ for t in prev.tokens) and _named(prev, "agent", "participant"):
            return prev
    return None


def _mediated_parties(events: list[_Event]) -> None:
    """A mediation is between the parties of what it brokers: "Qatar mediated talks between
    Mali and the FLA", "a deal brokered by China", "a prisoner swap brokered by the UAE" (the
    act the mediation verb takes as object, or the noun its participle describes)."""
    by_token = {t.i: ev for ev in events for t in ev.tokens}
    for ev in events:
        if ev.trig.event_class != "mediate" or _named(ev, "target", "participant"):
            continue
        tok = ev.tokens[0]
        brokered = [c for c in tok.children if c.dep_ in {"dobj", "obj"}] if tok.pos_ == "VERB" else []
        if tok.dep_ == "acl" and tok.tag_ == "VBN":
            brokered.append(tok.head)  # "a deal brokered by China"
        own = _named(ev, "agent")
        for noun in brokered:
            act = by_token.get(noun.i)
            if act is not None and act is not ev and (parties := _named(act, "agent", "participant", "target") - own):
                _add(ev, "participant", sorted(parties))




def _called_for_targets(events: list[_Event]) -> None:
    """A call for an act aims at the act's agent, or, when the act names none, at whom it is
    to be done to: "Kenya called for the suspension of Mugabe" (Mugabe), "demanded the
    withdrawal of Russian troops" (Russia)."""
    by_token = {t.i: ev for ev in events for t in ev.tokens}
    for ev in events:
        if (ev.trig.cameo or "")[:2] not in APPEAL_ROOTS or ev.trig.pos != "VERB" or _named(ev, "target"):
            continue
        tok = ev.tokens[0]
        acts = [c for c in tok.children if c.dep_ in {"dobj", "obj"}] + [
            o for p in tok.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.children if o.dep_ == "pobj"]
        own = _named(ev, "agent", "participant")
        for obj in acts:
            act = by_token.get(obj.i)
            if act is None or act is ev:
                continue
            parties = (_named(act, "agent") or _named(act, "target", "victim", "participant")) - own
            if parties:
                _add(ev, "target", sorted(parties))
                break
