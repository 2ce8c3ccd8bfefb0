"""Event coreference: chains of triggers that name one happening ("vowed to take
revenge"), and later mentions that repeat an earlier event ("the bombing ... this attack")."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from spacy.tokens import Token

from ..doccache import sentences
from ..entities import in_headline
from .arguments import ANAPHORIC_DETS
from .draft import _add, _Event, _named, is_unnamed
from .lexicon import ATTACK_ROOTS, event_classes

# A mention joins only an event mentioned within this many sentences before it (counted from the
# event's latest mention), so that coreference is linear in the length of a document; on the 61
# development and held-out articles the farthest merge was 79 sentences (benchmarks/coref_reach.py).
COREF_WINDOW_SENTENCES = 100
# Plural nouns that name one happening, so "the sanctions" can repeat an event as "the
# bombing" does ("the attacks" may be several).
PLURAL_EVENT_NOUNS = frozenset({"sanctions", "talks", "negotiations", "hostilities", "consultations",
                                "arrests", "detentions"})
# Heads of anaphoric general nouns that can repeat any earlier event ("the incident").
GENERAL_EVENT_NOUNS = frozenset({"incident", "tragedy", "event", "atrocity"})


def _merge_chains(events: list[_Event]) -> list[_Event]:
    """One happening, several triggers: 'vowed to take revenge' (xcomp of the same class) is one
    event; 'the bombing that killed eleven people' gives the bombing its casualties."""
    by_token = {ev.tokens[0].i: ev for ev in events}
    out = []
    for ev in events:
        tok = ev.tokens[0]
        head = by_token.get(tok.head.i) if tok.head.i != tok.i else None
        if head is not None and head is not ev and tok.dep_ == "xcomp" and \
                head.trig.event_class == ev.trig.event_class:
            head.tokens.append(tok)
            for role, keys in ev.roles.items():
                _add(head, role, keys)
            head.place = head.place or ev.place
            continue
        if head is not None and tok.dep_ in {"relcl", "acl"} and event_classes()[ev.trig.event_class].undergoer == "victim" \
                and (head.trig.cameo or "")[:2] in ATTACK_ROOTS:
            # "the bombing that killed eleven people": the deaths are a fact of the bombing.
            for k, v in ev.casualties.items():
                head.casualties.setdefault(k, v)
            continue
        out.append(ev)
    return out


def _same_family(a: str, b: str) -> bool:
    """Classes whose mentions can name one happening: the same class, two kinds of attack
    ("the bombing" ... "the attack"), or two words for talks ("negotiations" ... "the talks")."""
    return a == b or (_family(a) is not None and _family(a) == _family(b))


def _family(name: str) -> str | None:
    """The class's coreference family (column coref_family of event_classes.tsv)."""
    cls = event_classes().get(name)
    return cls.coref_family if cls is not None else None


def _same_happening(prev: _Event, ev: _Event, headline: Callable[[Token], bool],
                    states: frozenset[str] = frozenset()) -> bool:
    """Argument-compatible coreference: two mentions of one class that share a named
    participant or place and contradict each other nowhere ("the EU imposed sanctions on Iran
    ... the sanctions against Iran ..."); a headline's event is the body's first of its class."""
    same_class = _same_family(prev.trig.event_class, ev.trig.event_class)
    if not same_class or "asserted" not in (prev.factuality, ev.factuality) and prev.factuality != ev.factuality:
        return False
    if prev.trig.event_class == ev.trig.event_class and prev.trig.cameo and ev.trig.cameo \
            and prev.trig.cameo != ev.trig.cameo and _family(ev.trig.event_class) is None:
        return False  # "criticised the statement" (111) and "summoned the ambassadors" (114): two acts
    if (prev.factuality == "asserted") != (ev.factuality == "asserted"):
        return False
    if _mention_facts(prev, headline).all_headline:
        return True  # a headline's event is the first later mention of its class, and only that one
    named_place = lambda e: e.place if e.place and not is_unnamed(e.place) else None  # noqa: E731
    if named_place(prev) and named_place(ev) and named_place(prev) != named_place(ev):
        return False
    if prev.date and ev.date and not (prev.date.startswith(ev.date) or ev.date.startswith(prev.date)):
        return False
    for role in ("agent", "target", "victim"):
        a, b = _named(prev, role), _named(ev, role)
        if a and b and not a & b:
            return False
    pa, pb = _named(prev, "participant"), _named(ev, "participant")
    if len(pa) >= 2 and len(pb) >= 2 and pa != pb:
        return False
    # A shared state as the only agent in common proves little: a state's police, army and
    # ministers act in many events of one article ("police arrested X ... police detained Y").
    shared = ((_named(prev, "agent") - states) & (_named(ev, "agent") - states)) | (
        _named(prev, "target", "victim", "participant") & _named(ev, "target", "victim", "participant"))
    return bool(shared) or (named_place(prev) is not None and named_place(prev) == named_place(ev))


def _mention_facts(ev: _Event, headline: Callable[[Token], bool]) -> _Event:
    """``ev`` with its lemmas and headline flag brought up to date: only the mentions added
    since the last call are looked at (mentions are only ever appended)."""
    if ev.facts_of > len(ev.tokens):  # (never so in the pipeline; start again if it were)
        ev.facts_of, ev.lemmas, ev.all_headline = 0, set(), True
    for t in ev.tokens[ev.facts_of:]:
        ev.lemmas.add(t.lemma_)
        ev.all_headline = ev.all_headline and headline(t)
    ev.facts_of = len(ev.tokens)
    return ev


def _named_keys(ev: _Event) -> set[str]:
    """The event's named participants, in any role, and its named place: an earlier event is
    the same happening (``_same_happening``) only if it shares one of them or is a headline's."""
    keys = {k for ks in ev.roles.values() for k in ks if not is_unnamed(k)}
    if ev.place and not is_unnamed(ev.place):
        keys.add(ev.place)
    return keys


class _RecentEvents:
    """The merged events whose latest mention lies within ``COREF_WINDOW_SENTENCES`` before the
    current sentence (``events``, in merge order), also indexed by named participant and place
    (``_named_keys``), so that a mention is compared only with the events it can join."""

    def __init__(self, headline: Callable[[Token], bool]) -> None:
        self.events: list[_Event] = []
        self._headline = headline
        self._order: dict[int, int] = {}  # id(event) -> its place in the merged list
        # named key -> {id(event): event} (an entry may be stale after a headline's roles are
        # dropped: candidates are checked in full)
        self._by_key: dict[str, dict[int, _Event]] = defaultdict(dict)
        self._headlines: list[_Event] = []  # events all of whose mentions are in headlines
        self._here = -1

    def _near(self, ev: _Event) -> bool:
        return self._here - ev.last_sentence <= COREF_WINDOW_SENTENCES

    def move_to(self, sentence: int) -> None:
        """Drop what the window has left behind (an event never comes back into it)."""
        if sentence != self._here:
            self._here = sentence
            self.events = [ev for ev in self.events if self._near(ev)]

    def add(self, ev: _Event) -> None:
        self._order[id(ev)] = len(self._order)
        self.events.append(ev)
        self.index(ev, _named_keys(ev))
        if _mention_facts(ev, self._headline).all_headline:
            self._headlines.append(ev)

    def index(self, ev: _Event, keys: Iterable[str]) -> None:
        for key in keys:
            self._by_key[key][id(ev)] = ev

    def sharing(self, keys: Iterable[str]) -> list[_Event]:
        """The events in the window that have one of ``keys`` or are a headline's, latest first."""
        found: dict[int, _Event] = {}
        for key in keys:
            if key in self._by_key:
                near = self._by_key[key] = {i: ev for i, ev in self._by_key[key].items() if self._near(ev)}
                found.update(near)
        self._headlines = [ev for ev in self._headlines
                           if self._near(ev) and _mention_facts(ev, self._headline).all_headline]
        found.update((id(ev), ev) for ev in self._headlines)
        return sorted(found.values(), key=lambda ev: self._order[id(ev)], reverse=True)


def _merge_coreferent(events: list[_Event], ent_of: dict[int, str],
                      states: frozenset[str] = frozenset()) -> list[_Event]:
    """'The bombing ...', 'this attack', 'this incident' become one event with three mentions.

    Only events mentioned within ``COREF_WINDOW_SENTENCES`` before a mention are compared with
    it, and of those, for argument-compatible coreference, only the ones that share a named
    participant or place with it: the step is linear in the document's length."""
    out: list[_Event] = []
    headline = lambda t: in_headline(t.doc, t.idx)  # noqa: E731
    recent = _RecentEvents(headline)
    sent_of = sentences(events[0].tokens[0].doc)[0] if events else []
    for ev in events:
        tok = ev.tokens[0]
        here = sent_of[tok.i]
        recent.move_to(here)
        target = _antecedent(ev, ent_of, recent, headline, states)
        if target is not None:
            _absorb(target, ev, here, recent, headline)
        else:
            ev.last_sentence = max(sent_of[t.i] for t in ev.tokens)
            out.append(ev)
            recent.add(ev)
    return out


def _anaphoric(ev: _Event, ent_of: dict[int, str]) -> bool:
    """"this attack", "the bombing" repeat an event; "the 9/11 attacks", "the specific attacks
    which ..." and other modified or plural nouns introduce their own."""
    tok = ev.tokens[0]
    kids = list(tok.children)
    return ev.trig.pos == "NOUN" and any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in kids) \
        and not any((c.dep_ in {"compound", "nummod"} and c.i not in ent_of and c.ent_type_ != "DATE") or
                    (c.dep_ == "amod" and c.lower_ in {"specific", "other", "new", "previous", "similar",
                                                       "first", "second", "last", "earlier", "next"})
                    for c in kids) \
        and (tok.tag_ != "NNS" or tok.lower_ in PLURAL_EVENT_NOUNS
             or any(c.lower_ in {"these", "those"} for c in kids))


def _repeated(ev: _Event, recent: _RecentEvents, headline: Callable[[Token], bool]) -> list[_Event]:
    """The events in the window (latest first) that an anaphoric mention can repeat."""
    tok = ev.tokens[0]
    candidates = []
    for prev in reversed(recent.events):
        prev_root = (prev.trig.cameo or "")[:2]
        compatible = _same_family(prev.trig.event_class, ev.trig.event_class) or (
            tok.lemma_.lower() in GENERAL_EVENT_NOUNS and prev_root >= "14")
        # A noun repeats a noun mention ("the bombing"), or the noun of a verb's
        # multiword trigger ("imposed sanctions ... the sanctions").
        if not compatible or not (prev.trig.pos == "NOUN" or tok.lemma_ in _mention_facts(
                prev, headline).lemmas or (tok.lower_ in PLURAL_EVENT_NOUNS and prev.factuality == "asserted")):
            continue  # ("detained 38 people ... the arrests": a plural names the verb's act)
        if ev.place is not None and prev.place is not None and ev.place != prev.place:
            continue
        if ev.date is not None and prev.date is not None and ev.date != prev.date:
            continue
        candidates.append(prev)
    return candidates


def _antecedent(ev: _Event, ent_of: dict[int, str], recent: _RecentEvents, headline: Callable[[Token], bool],
                states: frozenset[str]) -> _Event | None:
    """The earlier event ``ev`` repeats: for an anaphoric mention with no named party, the most
    salient compatible event (most mentions so far, the nearest on a tie: "this attack" after a
    digression on Beslan still means the article's bombing); else the latest event in the window
    that shares a named key with it and is the same happening (``_same_happening``)."""
    named_roles = [k for ks in ev.roles.values() for k in ks if not is_unnamed(k)]
    candidates = _repeated(ev, recent, headline) if _anaphoric(ev, ent_of) and not named_roles else []
    if candidates:
        return max(enumerate(candidates), key=lambda ic: (len(ic[1].tokens), -ic[0]))[1]
    return next((prev for prev in recent.sharing(_named_keys(ev))
                 if _same_happening(prev, ev, headline, states)), None)


def _absorb(target: _Event, ev: _Event, here: int, recent: _RecentEvents,
            headline: Callable[[Token], bool]) -> None:
    """``ev`` becomes a mention of ``target``: its named parties, place, date, casualties join."""
    tok = ev.tokens[0]
    if _mention_facts(target, headline).all_headline and not headline(tok) \
            and _named(ev, "agent", "target", "victim", "participant"):
        # Headline grammar drops auxiliaries ("Opposition Leader Detained"), so its parse
        # misreads roles: the body's reading of the event wins.
        target.roles = {}
    for role, keys in ev.roles.items():
        for key in keys:
            if not is_unnamed(key) and key not in target.roles.get(role, []):
                _add(target, role, [key])
    for key, side in ev.sides.items():
        target.sides.setdefault(key, side)
    recent.index(target, _named_keys(ev))  # (what it may have gained)
    target.tokens.append(tok)
    target.last_sentence = max(target.last_sentence, here)
    if "asserted" in (ev.factuality, target.factuality):
        target.factuality = "asserted"  # one mention that asserts it is enough
    target.place = target.place or ev.place
    target.date = target.date or ev.date
    for k, v in ev.casualties.items():
        target.casualties.setdefault(k, v)
