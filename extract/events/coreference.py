"""Event coreference: chains of triggers that name one happening ("vowed to take
revenge"), and later mentions that repeat an earlier event ("the bombing ... this attack")."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Token

from ..doccache import sentences
from ..entities import in_title
from .arguments import ANAPHORIC_DETS
from .filters import _generic
from .draft import _add, _Event, _named, is_unnamed, mention_heads, unnamed_token
from .lexicon import ATTACK_ROOTS, TRANSFER_CLASSES, event_classes, same_family as _same_family

# A mention joins only an event mentioned within this many sentences before it (counted from the
# event's latest mention), so that coreference is linear in the length of a document; on the 61
# development and held-out articles the farthest merge was 79 sentences (benchmarks/coref_reach.py).
COREF_WINDOW_SENTENCES = 100
# Plural nouns that name one happening, so "the sanctions" can repeat an event as "the
# bombing" does ("the attacks" may be several).
PLURAL_EVENT_NOUNS = frozenset({"sanctions", "talks", "negotiations", "hostilities", "consultations",
                                "arrests", "detentions"})
# A mention continues an event of its class and code mentioned at most this many sentences
# before (``_continues``).
CONTINUATION_SENTENCES = 5
# Modifiers that announce a new happening of a class already mentioned ("another attack",
# "had also been arrested").
NEW_EVENT_WORDS = frozenset({"another", "other", "second", "third", "new", "separate", "further", "earlier",
                             "previous", "similar", "first", "last", "next", "latest", "more", "fresh",
                             "also", "too", "again"})
# Dependents of a trigger that carry those modifiers (or a number: "two attacks").
NEW_EVENT_DEPS = frozenset({"det", "amod", "nummod", "advmod"})
# Heads of anaphoric general nouns that can repeat any earlier event ("the incident").
GENERAL_EVENT_NOUNS = frozenset({"incident", "tragedy", "event", "atrocity"})


def _merge_chains(events: list[_Event]) -> list[_Event]:
    """One happening, several triggers: 'vowed to take revenge' (xcomp of the same class) is one
    event; so is 'gave 50 million dollars in aid' (the "in" noun names the verb's act); 'the
    bombing that killed eleven people' gives the bombing its casualties."""
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
        kind_of = by_token.get(tok.head.head.i) if tok.dep_ == "pobj" and tok.head.lower_ == "in" else None
        if kind_of is not None and kind_of is not ev and kind_of.trig.pos == "VERB" \
                and ev.trig.event_class in TRANSFER_CLASSES and kind_of.trig.event_class in TRANSFER_CLASSES:
            # "gave 50 million dollars in aid", "pledged $50 million in aid": the noun names
            # what the verb's act is, not a second act.
            kind_of.tokens.append(tok)
            continue
        if head is not None and tok.dep_ in {"relcl", "acl"} and event_classes()[ev.trig.event_class].undergoer == "victim" \
                and (head.trig.cameo or "")[:2] in ATTACK_ROOTS:
            # "the bombing that killed eleven people": the deaths are a fact of the bombing.
            for k, v in ev.casualties.items():
                head.casualties.setdefault(k, v)
            continue
        out.append(ev)
    return out


def _copular_identity(events: list[_Event]) -> list[_Event]:
    """'Their last attack was an assassination attempt': a copula between two event nouns of one
    family says they are one happening; the predicate noun becomes a mention of the subject's
    event."""
    by_token = {ev.tokens[0].i: ev for ev in events}
    out = []
    for ev in events:
        tok = ev.tokens[0]
        subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None) \
            if tok.dep_ == "attr" and tok.head.lemma_ == "be" else None
        same = by_token.get(subject.i) if subject is not None else None
        if same is not None and same is not ev and _same_family(same.trig.event_class, ev.trig.event_class):
            same.tokens.extend(ev.tokens)
            for role, keys in ev.roles.items():
                _add(same, role, keys)
            continue
        out.append(ev)
    return out


def _same_happening(prev: _Event, ev: _Event, headline: Callable[[Token], bool],
                    states: frozenset[str] = frozenset(), here: int = 0) -> bool:
    """Argument-compatible coreference: two mentions of one class that share a named
    participant or place and contradict each other nowhere ("the EU imposed sanctions on Iran
    ... the sanctions against Iran ..."); a headline's event is the lead's first of its class
    (``here`` is the sentence of ``ev``)."""
    if not _same_family(prev.trig.event_class, ev.trig.event_class):
        return False
    if _mention_facts(prev, headline).all_headline:
        # A headline sums up the lead: its event is the lead's first mention of its class, and
        # only that one, whatever its code or modality, since a headline drops auxiliaries and
        # detail ("Israel announces ceasefire" for "would observe a ceasefire", "pledges aid"
        # for "pledged $300 million in development aid").
        return here - prev.last_sentence <= CONTINUATION_SENTENCES
    codes = (prev.trig.cameo, ev.trig.cameo)
    if prev.trig.event_class == ev.trig.event_class and all(codes) and codes[0] != codes[1] \
            and not any(_general_code(c) for c in codes):
        return False  # "criticised the statement" (111) and "summoned the ambassadors" (114): two acts
    if prev.factuality != ev.factuality:
        return False
    if not _consistent(prev, ev):
        return False
    # A shared state as the only agent in common proves little: a state's police, army and
    # ministers act in many events of one article ("police arrested X ... police detained Y").
    shared = ((_named(prev, "agent") - states) & (_named(ev, "agent") - states)) | (
        _named(prev, "target", "victim", "participant") & _named(ev, "target", "victim", "participant"))
    return bool(shared) or (_named_place(prev) is not None and _named_place(prev) == _named_place(ev))


def _general_code(code: str | None) -> bool:
    """A CAMEO root's general code ("180" assault, "190" use force, "040" consult): a mention of
    it can name the same act as a more specific one ("the attack" ... "the bombing")."""
    return code is not None and len(code) == 3 and code.endswith("0")


def _named_place(ev: _Event) -> str | None:
    """The event's place when it is a named one."""
    return ev.place if ev.place and not is_unnamed(ev.place) else None


def _consistent(prev: _Event, ev: _Event) -> bool:
    """No named place, date or party of one mention contradicts the other's."""
    if _named_place(prev) and _named_place(ev) and _named_place(prev) != _named_place(ev):
        return False
    if prev.date and ev.date and not (prev.date.startswith(ev.date) or ev.date.startswith(prev.date)):
        return False
    for role in ("agent", "target", "victim"):
        a, b = _named(prev, role), _named(ev, role)
        if a and b and not a & b:
            return False
    # Two pairs of parties that differ are two happenings, even with a party in common: "Modi
    # and Trump held a phone call ... Putin and Modi also spoke by phone".
    return not any(len(a) >= 2 and len(b) >= 2 and a != b
                   for a, b in ((_named(prev, r), _named(ev, r)) for r in ("participant", "agent")))


def _continues(prev: _Event, ev: _Event, here: int) -> bool:
    """Discourse continuation: news tells one happening over several sentences ("were kidnapped
    ... were abducted at gunpoint ... the abduction took place"), so a mention of the same class
    and code a few sentences after an event, asserted like it, that contradicts it nowhere and
    does not announce a new one ("another attack", "a second raid", an indefinite noun: "drew
    condemnation") or a generic one ("kidnappings have increased"), is that event again."""
    tok = ev.tokens[0]
    if here - prev.last_sentence > CONTINUATION_SENTENCES or prev.trig.cameo != ev.trig.cameo \
            or not _same_family(prev.trig.event_class, ev.trig.event_class) \
            or prev.factuality != "asserted" or ev.factuality != "asserted":
        return False
    if any(c.lower_ in NEW_EVENT_WORDS or c.like_num for c in tok.children if c.dep_ in NEW_EVENT_DEPS):
        return False
    if any(c.dep_ == "nummod" for c in prev.tokens[0].children):
        return False  # "at least 40 deaths" counts many happenings, not one to continue
    for role in ("agent", "target", "victim", "participant"):
        known = _named(prev, role)
        if known and not _named(ev, role) <= known:
            return False  # a party the event does not have: "Scholz met Lula ... had met Milei"
        if _unnamed_clash(prev.roles.get(role, []), ev.roles.get(role, []), tok.doc):
            return False  # "left 20 people dead ... shot the gunman to death"
    if ev.trig.pos == "NOUN" and _indefinite(tok) and tok.lower_ not in PLURAL_EVENT_NOUNS:
        return False  # "attacks have increased", "drew swift condemnation abroad": not "the attack"
    if any(e.trig.pos == "NOUN" and e.tokens[0].tag_ == "NNS" and e.tokens[0].lower_ not in PLURAL_EVENT_NOUNS
           for e in (prev, ev)):
        return False  # "the attacks", "the bombings" may be several happenings, as in _anaphoric
    if _generic(prev):
        return False  # "responsible for an attack" names a kind, not a happening to go on with
    return _consistent(prev, ev) and _linked(prev, ev)


def _linked(prev: _Event, ev: _Event) -> bool:
    """Something besides the class ties the later mention to the event: it is a definite noun
    ("the abduction took place"), or it shares a party, or a party of it is a definite
    description that can repeat an unnamed party of the event ("two aid workers were
    kidnapped ... the two men were abducted"). Two bare verbs of one class ("a bomb went off
    ... bombs went off") are not enough: news reports many acts of one kind."""
    tok = ev.tokens[0]
    if ev.trig.pos == "NOUN" and not _indefinite(tok):
        return True
    for role, keys in ev.roles.items():
        earlier = prev.roles.get(role, [])
        if set(keys) & set(earlier):
            return True
        old_heads = _unnamed_heads(earlier, tok.doc)
        if old_heads and any(_repeats(h, old_heads) for h in _unnamed_heads(keys, tok.doc)):
            return True
    return False


def _repeats(head: Token, earlier: list[Token]) -> bool:
    """Whether an unnamed party can repeat one of ``earlier``: a pronoun, or a definite noun of
    the same number that is the same word or counts the same ("the two men" after "two aid
    workers"; not "the government of Egypt" after "the parliament of Georgia")."""
    return head.pos_ == "PRON" or (head.pos_ == "NOUN" and not _indefinite(head) and any(
        _same_number(head, o) and (o.lemma_ == head.lemma_ or _count(o) is not None and _count(o) == _count(head))
        for o in earlier if o.pos_ == "NOUN"))


def _count(tok: Token) -> str | None:
    """The number that counts a noun ("two workers"), or None."""
    return next((c.lower_ for c in tok.children if c.dep_ == "nummod"), None)


def _unnamed_heads(keys: list[str], doc: Doc) -> list[Token]:
    """The head tokens of the unnamed parties among ``keys``."""
    return [doc[unnamed_token(k)] for k in keys if is_unnamed(k)]


def _unnamed_clash(earlier: list[str], later: list[str], doc: Doc) -> bool:
    """Unnamed parties that cannot be the same: a new one where the event names a party (an
    indefinite "a soldier", a bare "Militants", not "the gunmen"), or two nouns of different
    number or count ("20 people" and "the gunman")."""
    new_heads = _unnamed_heads(later, doc)
    if not earlier or not new_heads:
        return False
    if any(not is_unnamed(k) for k in earlier) and any(_indefinite(h) for h in new_heads):
        return True  # "Russia attacked Ukraine ... Militants attacked a police station"
    old_heads, new_heads = ([h for h in hs if h.pos_ == "NOUN"] for hs in (_unnamed_heads(earlier, doc), new_heads))
    return bool(old_heads and new_heads) and not any(_same_number(a, b) for a in old_heads for b in new_heads)


def _indefinite(tok: Token) -> bool:
    """A noun phrase that introduces a referent rather than repeating one: no definite
    determiner or possessive ("a soldier", "six armed militiamen", "Militants")."""
    return tok.pos_ == "NOUN" and not any(
        (c.dep_ == "det" and c.lower_ not in {"a", "an", "some", "another", "any"}) or c.dep_ == "poss"
        for c in tok.children)


def _same_number(a: Token, b: Token) -> bool:
    """Two heads that can name one group: the same grammatical number, and the same count when
    both are counted ("two workers ... the two men")."""
    return (a.tag_ in {"NNS", "NNPS"}) == (b.tag_ in {"NNS", "NNPS"}) and (
        None in (_count(a), _count(b)) or _count(a) == _count(b))


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

    @property
    def here(self) -> int:
        """The sentence of the mention being placed."""
        return self._here

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
    headline = lambda t: in_title(t.doc, t.idx)  # noqa: E731
    recent = _RecentEvents(headline)
    sent_of = sentences(events[0].tokens[0].doc)[0] if events else []
    for ev in events:
        tok = ev.tokens[0]
        here = sent_of[tok.i]
        recent.move_to(here)
        target = _antecedent(ev, ent_of, recent, headline, states)
        if target is not None:
            _absorb(target, ev, here, recent, headline)
        elif (target := _continued(ev, recent)) is not None:
            # Nothing but the class ties the mentions: the later one only fills the roles the
            # event lacks, lest a misread party of one sentence join every party of the other.
            _absorb(target, ev, here, recent, headline, fill_only=True)
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
        if any(c.dep_ == "det" and c.lower_ == "no" for c in prev.tokens[0].children):
            continue  # "there were no fatalities": a negative noun sets up nothing to repeat
        if tok.tag_ == "NN" and _several(prev, tok.lemma_):
            continue  # "killings and abductions ... the killing": one of them, not all
        if ev.place is not None and prev.place is not None and ev.place != prev.place:
            continue
        if ev.date is not None and prev.date is not None and ev.date != prev.date:
            continue
        candidates.append(prev)
    return candidates


def _several(ev: _Event, lemma: str) -> bool:
    """An event told only by plural nouns, one of them of ``lemma`` ("killings and abductions of
    journalists"): a set of happenings, of which the singular ("the killing") picks out one.
    (A mass noun, "the unrest" after "protests", may still sum the set up.)"""
    heads = mention_heads(ev)
    return any(t.lemma_ == lemma for t in heads) and all(
        t.pos_ == "NOUN" and t.tag_ == "NNS" and t.lower_ not in PLURAL_EVENT_NOUNS for t in heads)


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
                 if _same_happening(prev, ev, headline, states, recent.here)), None)


def _continued(ev: _Event, recent: _RecentEvents) -> _Event | None:
    """The latest event in the window that ``ev`` continues (``_continues``)."""
    return next((prev for prev in reversed(recent.events) if _continues(prev, ev, recent.here)), None)


def _absorb(target: _Event, ev: _Event, here: int, recent: _RecentEvents,
            headline: Callable[[Token], bool], fill_only: bool = False) -> None:
    """``ev`` becomes a mention of ``target``: its named parties, place, date, casualties join
    (with ``fill_only``, its parties only in roles that ``target`` names no one in)."""
    tok = ev.tokens[0]
    if _mention_facts(target, headline).all_headline and not headline(tok) \
            and _named(ev, "agent", "target", "victim", "participant"):
        # Headline grammar drops auxiliaries ("Opposition Leader Detained"), so its parse
        # misreads roles: the body's reading of the event wins.
        target.roles = {}
    for role, keys in ev.roles.items():
        if fill_only and _named(target, role):
            continue
        for key in keys:
            if not is_unnamed(key) and key not in target.roles.get(role, []):
                _add(target, role, [key])
    if not fill_only:
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
