"""Events: triggers from a lexicon kept as data, arguments from the dependency parse.

``newsgraph_events`` runs after ``newsgraph_entities``.  Trigger words come from
``data/triggers.tsv`` (lemma, POS, class, CAMEO code, constraint, confidence) and the
classes from ``data/event_classes.tsv``.  Arguments are read off the parse (subjects,
objects, passive agents, possessives, demonym modifiers, "with"/"on"/"against"/"in"
prepositions, light verbs such as "hold a summit"), factuality from negation, modals
and conditionals, and anaphoric mentions ("this attack") join the event they repeat.
Results: ``doc._.ng_events`` (list of :class:`EventRecord`).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.graph.model import EVENT_ROLES, PLACE_TYPES, EventRecord, ParticipantRecord
from newsgraph.graph.model import Span as TextSpan

from .doccache import date_entity_of, sentence_span, sentences, tokens
from .doccache import text as doc_text
from .entities import RULERS, in_headline, mentions_by_token, records_in
from .timex import normalise_timex

# Subjects of a verb trigger: its agent (active voice).
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# Objects of a verb trigger: its target.
OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "nsubjpass", "attr", "oprd"})
# Modifiers of a noun trigger that name its agent ("Russia's support", "the Russian intervention").
NOUN_AGENT_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
# Prepositions introducing the target of an interaction ("support of Assad", "attack on").
TARGET_PREPS = frozenset({"of", "on", "against", "for", "at", "to", "toward", "towards", "upon", "into"})
# Prepositions introducing co-participants ("summit with Lukashenko", "call with").
WITH_PREPS = frozenset({"with", "between", "among"})
# Prepositions introducing the place of an event.
PLACE_PREPS = frozenset({"in", "at", "near", "on", "inside", "outside", "across", "throughout", "from"})
# Prepositions whose unnamed object is where the event happened ("at the market").
SITE_PREPS = frozenset({"in", "at", "near", "inside", "outside"})
# Verbs that carry a noun trigger without adding meaning ("hold a summit", "launch an attack").
LIGHT_VERBS = frozenset({"hold", "have", "launch", "carry", "conduct", "stage", "make", "give", "take",
                         "mount", "begin", "start", "continue", "lead", "organize", "organise", "host",
                         "offer", "express", "issue", "order", "commit", "perpetrate", "claim", "plan"})
# Heads of a named group's phrase: "the M23 rebel group", "the Hamas movement" are the group.
GROUP_HEADS = frozenset({"group", "movement", "organization", "organisation", "militia", "alliance",
                         "faction", "coalition", "network", "bloc", "party"})
# Verbs by which the subject makes an event of these classes: agreements, truces and talks
# are made by whoever signs, reaches, extends or resumes them ("the two sides agreed to
# extend a fragile ceasefire"), sanctions by whoever approves or adopts them.
_PACT_VERBS = frozenset({"sign", "reach", "extend", "agree", "conclude", "renew", "seal", "finalize",
                         "finalise", "resume", "observe", "respect"})
MAKING_VERBS = {
    "agreement": _PACT_VERBS, "ceasefire": _PACT_VERBS, "negotiate": _PACT_VERBS, "meet": _PACT_VERBS,
    "sanction": frozenset({"approve", "adopt", "impose", "extend", "announce", "agree", "slap", "tighten",
                           "expand", "renew", "level"}),
}
# Modal verbs that make an event hypothetical.
HYPOTHETICAL_MODALS = frozenset({"would", "could", "might", "may", "should", "must", "ought"})
# Markers of a condition ("if Russia attacks").
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
# Words that make a noun event anaphoric ("this attack"): it may repeat an earlier event.
ANAPHORIC_DETS = frozenset({"this", "that", "the", "these", "those"})
# CAMEO roots of violent events (assault, fight, mass violence).
ATTACK_ROOTS = frozenset({"18", "19", "20"})
# Classes that name one violent happening under different words ("the bombing", "this
# attack", "the blast"): coreference is allowed across them, not with military campaigns.
ATTACK_CLASSES = frozenset({"attack", "bombing", "assassinate", "kill", "injure", "mass_killing", "abduct"})
# Nouns for the organs that act for a state or organisation ("Syrian government forces",
# "the Turkish army"): the modifier names the actor.
STATE_ORGANS = frozenset({"government", "authority", "authorities", "regime", "junta", "force", "forces", "military",
                          "army", "troop", "troops", "navy", "administration", "leadership", "state",
                          "ministry", "cabinet", "delegation", "diplomat", "diplomats", "embassy",
                          "ambassador", "envoy", "representative", "official", "officials", "spokesman",
                          "spokeswoman", "spokesperson", "mission", "negotiator", "police",
                          "minister", "ministers", "leader", "leaders", "lawmaker", "lawmakers",
                          "legislator", "legislators", "guard", "guards", "gendarme", "gendarmes",
                          # heads act for what they head ("the director of the National Police")
                          "director", "chief", "head", "commander", "chairman", "chairwoman",
                          # members act for their organisation or state, as CAMEO codes them
                          # ("Taliban fighters" TALREB, "Turkish soldiers" TURMIL)
                          "fighter", "fighters", "militant", "militants", "gunman", "gunmen", "soldier",
                          "soldiers", "rebel", "rebels", "insurgent", "insurgents", "member", "members",
                          "supporter", "supporters", "loyalist", "loyalists", "jet", "jets", "warplane",
                          "warplanes", "drone", "drones"})
# Heads whose owner (a modifier or "of") is the actor they stand for.
ORGAN_HEADS = STATE_ORGANS | GROUP_HEADS
# Nouns for an actor's act or stance ("backed the efforts of ECOWAS", "rejected Iran's
# demands"): as the object of an interaction, their owner is its target.
ACT_NOUNS = frozenset({"effort", "decision", "plan", "proposal", "policy", "measure", "move", "bid",
                       "initiative", "position", "stance", "demand", "call", "request", "offer", "claim",
                       "accusation", "action", "conduct", "behavior", "behaviour", "role", "program",
                       "programme", "ambition", "commitment", "approach", "strategy", "law", "election"})
# Verbs of saying: an event in their clausal complement is reported by their subject.
SPEECH_VERBS = frozenset({"say", "declare", "tell", "state", "announce", "claim", "report", "insist",
                          "add", "note", "argue", "assert", "confirm", "deny", "allege", "write",
                          "tweet", "warn", "suggest", "acknowledge", "admit", "believe", "think"})
# Classes that need two named parties: a phone call with nobody at the other end is another
# sense of "call".
COUNTERPART_CLASSES = frozenset({"phone_call"})
# Speech-act classes whose object may be the real event ("announced sanctions").
CONTENT_CLASSES = frozenset({"statement", "pledge", "appeal"})
# Pronouns that never refer to a participant.
NON_REFERRING_PRONOUNS = frozenset({"it", "this", "that", "which", "what", "there", "itself", "something",
                                    "anything", "nothing", "everything", "here"})
# Instruments and means: the subject of "a bomb killed" is not its agent.
INSTRUMENT_NOUNS = frozenset({"bomb", "explosive", "explosives", "device", "ied", "car", "vehicle", "truck",
                              "missile", "rocket", "shell", "grenade", "mortar", "fire", "bullet", "gun",
                              "weapon", "drone", "blast", "explosion", "attack", "suicide", "motorcycle"})
# Verbs whose object does what their infinitive says ("urged the junta to release"); with
# others the subject does ("called Putin to offer sympathy").
OBJECT_CONTROL_VERBS = frozenset({"urge", "ask", "request", "call", "press", "pressure", "encourage", "order",
                                  "instruct", "tell", "force", "persuade", "allow", "permit", "invite",
                                  "advise", "warn", "compel", "oblige", "help", "enable"})
# Intention and purpose verbs: what they govern has not (yet) happened ("designed to crack down").
INTENTION_VERBS = frozenset({"design", "intend", "plan", "aim", "seek", "want", "hope", "try", "attempt",
                             "expect", "prepare", "wish", "threaten", "consider", "propose", "mean",
                             "offer", "refuse", "decline",
                             # directives: what is urged or asked for has not happened
                             "urge", "ask", "request", "call", "press", "pressure", "encourage", "demand",
                             "implore", "appeal", "invite", "advise", "order", "instruct", "tell", "need"})
# Classes whose noun's possessor undergoes the act ("Bazoum's release", "Navalny's arrest",
# "Khashoggi's killing") when it is a person; a state's possessive still acts ("Russia's
# invasion").
PATIENT_POSSESSOR_CLASSES = frozenset({"release", "arrest", "abduct", "kill", "assassinate", "injure",
                                       "expel", "convict"})
# Classes of giving: their recipient is a "to" phrase, wherever the parser hung it.
TRANSFER_CLASSES = frozenset({"pledge", "aid", "support"})
# Classes that judge an act, and so its author ("condemned the attack").
JUDGING_CLASSES = frozenset({"criticize", "condemn", "praise", "support", "oppose"})
# Replies whose object may be an earlier act of another actor ("rejected the request").
ANSWER_CLASSES = frozenset({"reject", "deny"})
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
# Verbs whose object events happened ("suffered injuries", "carried out attacks",
# "caused deaths"), even as bare plurals.
HAPPENING_VERBS = frozenset({"suffer", "sustain", "cause", "inflict", "carry", "conduct", "stage",
                             "launch", "mount", "record", "report", "confirm", "witness"})
# Families of classes whose mentions may corefer (see _same_family).
COREF_FAMILIES = (ATTACK_CLASSES, frozenset({"meet", "negotiate", "mediate"}))
# A mention joins only an event mentioned within this many sentences before it (counted from the
# event's latest mention), so that coreference is linear in the length of a document; on the 61
# development and held-out articles the farthest merge was 79 sentences (benchmarks/coref_reach.py).
COREF_WINDOW_SENTENCES = 100
# Plural nouns that name one happening, so "the sanctions" can repeat an event as "the
# bombing" does ("the attacks" may be several).
PLURAL_EVENT_NOUNS = frozenset({"sanctions", "talks", "negotiations", "hostilities", "consultations",
                                "arrests", "detentions"})
# Verbs whose subject attack strikes their object ("the strikes targeted Pakistan").
AFFECTING_VERBS = frozenset({"target", "hit", "strike", "destroy", "damage", "wreck", "rock", "level",
                             "flatten"})
# Nouns that name a state after "in"/"under" and an act after "into" ("taken into custody").
STATE_NOUNS = frozenset({"custody", "detention", "captivity"})
# Verbs of aspect, through which an act keeps its factuality ("will continue to hold").
ASPECTUAL_VERBS = frozenset({"continue", "keep", "remain", "begin", "start", "resume"})
# Noun triggers of these classes name a standing stance ("Russia's support of Assad"), not a
# happening: they yield relations but no event node.
STANCE_CLASSES = frozenset({"support", "cooperate", "aid", "praise", "criticize", "reject",
                            "reduce_relations"})
# Classes that name a stance whatever the trigger's part of speech: "opposes", "stood against"
# describe a position held, not a happening, so they too give relations and no event node.
STATE_CLASSES = frozenset({"oppose"})
# Nouns for people of a state who do not stand for it ("Russia's opposition", "Iran's
# citizens"): a target they name is not the state.
GROUP_NOUNS_OF_PEOPLE = frozenset({"opposition", "people", "citizen", "citizens", "resident", "residents",
                                   "civilian", "civilians", "dissident", "dissidents", "protester",
                                   "protesters", "minority", "minorities", "critic", "critics"})
# Nouns for where something happens ("on the Belarusian border"): a state that qualifies them
# is the event's place, not its target.
LOCATION_NOUNS = frozenset({"border", "frontier", "coast", "territory", "soil", "waters", "side", "region",
                            "airspace", "land", "area", "shore", "crossing", "checkpoint"})
# Heads that count or gather the people of their "of" phrase ("thousands of refugees").
QUANTITY_HEADS = frozenset({"thousands", "hundreds", "dozens", "scores", "tens", "millions", "group",
                            "groups", "crowd", "crowds", "number", "band", "handful"})
# Verbs of a gift's purpose whose object is its recipient ("to help Jordan").
HELPING_VERBS = frozenset({"help", "assist", "support", "aid", "enable", "allow"})
# Heads of anaphoric general nouns that can repeat any earlier event ("the incident").
GENERAL_EVENT_NOUNS = frozenset({"incident", "tragedy", "event", "atrocity"})
# An event with no participant, place or time is kept only when its trigger is this reliable:
# a bare "threat" or "fight" adds a node that says little and is often not an event at all.
BARE_EVENT_CONFIDENCE = 0.75

_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                      "ninety": 90, "hundred": 100, "dozen": 12})


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str  # head lemma, lower case
    pos: str  # VERB or NOUN
    event_class: str
    cameo: str | None
    requires: str  # "" or "kind:value" (see triggers.tsv header)
    confidence: float


@dataclass(frozen=True, slots=True)
class EventClass:
    name: str
    cameo: str | None
    predicate: str | None
    symmetric: bool
    quad_class: int | None = None
    goldstein: float | None = None
    kairos: str | None = None


def _data_rows(name: str) -> list[dict[str, str]]:
    text = resources.files("newsgraph.extract").joinpath(f"data/{name}").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@cache
def event_classes() -> dict[str, EventClass]:
    out = {}
    for row in _data_rows("event_classes.tsv"):
        out[row["class"]] = EventClass(
            name=row["class"], cameo=row.get("cameo") or None, predicate=row.get("predicate") or None,
            symmetric=(row.get("symmetric") or "").strip().lower() in {"yes", "true", "1"},
            quad_class=int(row["quad_class"]) if row.get("quad_class") else None,
            goldstein=float(row["goldstein"]) if row.get("goldstein") else None,
            kairos=row.get("kairos") or None)
    return out


@cache
def trigger_lexicon() -> dict[tuple[str, str], tuple[Trigger, ...]]:
    """(lemma, POS) -> triggers, constrained ones first so they win over the plain sense."""
    classes = event_classes()
    table: dict[tuple[str, str], list[Trigger]] = {}
    for row in _data_rows("triggers.tsv"):
        if row["class"] not in classes:
            continue
        trig = Trigger(lemma=row["lemma"].strip().lower(), pos=row["pos"].strip().upper(),
                       event_class=row["class"],
                       cameo=(row.get("cameo") or "").strip() or classes[row["class"]].cameo,
                       requires=(row.get("requires") or "").strip(),
                       confidence=float(row.get("confidence") or 0.5))
        table.setdefault((trig.lemma.split()[0], trig.pos), []).append(trig)
    return {k: tuple(sorted(v, key=lambda t: (t.requires == "", -t.confidence))) for k, v in table.items()}


# Dependency labels each constraint kind of triggers.tsv looks for among the trigger's children.
CONSTRAINT_DEPS = {
    "prt": {"prt", "advmod", "prep"},  # the small model labels particles all three ways
    "prep": {"prep", "agent"},
    "dobj": {"dobj", "obj"},
    "xcomp": {"xcomp"},
    "ccomp": {"ccomp", "oprd", "acomp"},
    "compound": {"compound"},
    "amod": {"amod"},
    "advmod": {"advmod"},
    "nsubj": {"nsubj"},
}


def _satisfies(tok: Token, requires: str) -> list[Token] | None:
    """The tokens that satisfy a trigger's constraint (see the header of triggers.tsv), or
    None when a clause fails. An empty constraint is satisfied by no extra token."""
    if not requires:
        return []
    matched: list[Token] = []
    clauses = [c.strip().partition(":") for c in requires.split(";") if c.strip()]
    preps = [c for c in tok.children if c.dep_ in CONSTRAINT_DEPS["prep"]]
    for kind, _, value in clauses:
        values = set(value.lower().split("|"))
        accept = lambda t: "*" in values or t.lemma_.lower() in values or t.lower_ in values  # noqa: E731
        if kind == "pobj":
            named = {v for k, _, v in clauses if k == "prep"}
            named_preps = [p for p in preps if not named or p.lower_ in set("|".join(named).split("|"))]
            hits = [o for p in named_preps for o in p.children if o.dep_ == "pobj" and accept(o)]
        elif kind in CONSTRAINT_DEPS:
            hits = [c for c in tok.children if c.dep_ in CONSTRAINT_DEPS[kind] and accept(c)]
        else:
            return None  # an unknown kind never holds: better miss than invent
        if not hits:
            return None
        matched.append(hits[0])
    return matched


def _lemma_candidates(tok: Token) -> list[str]:
    """The lemma, and for a capitalised word outside any name the lower-case forms the
    lemmatiser would give it in running text ("Airstrikes" in a headline)."""
    lemma = tok.lemma_.lower()
    out = [lemma]
    if tok.pos_ == "PROPN" and not tok.ent_type_:
        low = tok.lower_
        out += [low] + ([low[:-1]] if low.endswith("s") and not low.endswith("ss") else [])
    return out


def match_trigger(tok: Token) -> tuple[Trigger, list[Token]] | None:
    """The best lexicon entry for a token and the extra tokens its constraint matched."""
    pos = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "ADJ"}.get(tok.pos_)
    if pos is None:
        return None
    if pos == "NOUN" and tok.ent_type_ and tok.ent_type_ not in {"CARDINAL", "ORDINAL"}:
        return None  # part of a name or a date ("Operation Desert Storm", "March 5"), not an event noun
    best: tuple[tuple[int, float], Trigger, list[Token]] | None = None
    for lemma in _lemma_candidates(tok):
        for trig in trigger_lexicon().get((lemma, pos), ()):
            extra = _satisfies(tok, trig.requires)
            if extra is None:
                continue
            rank = (len(extra), trig.confidence)
            if best is None or rank > best[0]:
                best = (rank, trig, extra)
        if best is not None:
            break
    return (best[1], best[2]) if best else None


@dataclass(slots=True)
class _Event:
    trig: Trigger
    tokens: list[Token]
    roles: dict[str, list[str]] = field(default_factory=dict)
    place: str | None = None
    date: str | None = None
    factuality: str = "asserted"
    casualties: dict[str, int] = field(default_factory=dict)
    sentence: tuple[int, int] = (0, 0)
    reported_by: str | None = None
    # Facts about ``tokens`` kept up to date as mentions join (see _mention_facts): a merged
    # event can gather thousands of mentions in a long document, too many to rescan each time.
    facts_of: int = 0  # how many of ``tokens`` the facts below cover
    lemmas: set[str] = field(default_factory=set)  # the mentions' lemmas
    all_headline: bool = True  # every mention is in a headline
    last_sentence: int = -1  # sentence number of the latest mention


@Language.factory("newsgraph_events", default_config={"min_confidence": 0.3})
def make_event_extractor(nlp: Language, name: str, min_confidence: float) -> "EventExtractor":
    return EventExtractor(nlp, name, min_confidence=min_confidence)


class EventExtractor:
    """Pipeline component: events with arguments, on ``doc._.ng_events``."""

    def __init__(self, nlp: Language, name: str = "newsgraph_events", *, min_confidence: float = 0.3) -> None:
        self.name = name
        self.min_confidence = min_confidence
        if not Doc.has_extension("ng_events"):
            Doc.set_extension("ng_events", default=None)
        if not Doc.has_extension("ng_participants"):
            Doc.set_extension("ng_participants", default=None)
        if not Doc.has_extension("ng_date"):
            Doc.set_extension("ng_date", default=None)

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
            first, last = sentence_span(tok)
            ev = _Event(trig=trig, tokens=[tok, *extra], sentence=(doc[first].idx, doc[last - 1].idx + len(doc[last - 1])))
            _arguments(ev, tok, ent_of, entities)
            ev.factuality = factuality(tok, trig.event_class)
            ev.reported_by = reporter(tok, ent_of)
            ev.date = _event_date(tok, doc._.ng_date)
            events.append(ev)
        _answer_targets(events)
        # A naming "call" is no call at all: drop it before it can absorb a real call's mentions.
        events = [ev for ev in events if not _naming_call(ev)]
        states = frozenset(k for k, e in entities.items() if e.type == "Country")
        merged = _merge_coreferent(_merge_chains(events), ent_of, states)
        _act_targets(merged)
        events = [ev for ev in merged
                  if (ev.roles or ev.place or ev.date or ev.casualties
                      or (ev.trig.confidence >= BARE_EVENT_CONFIDENCE and not _generic(ev))
                      or _happened(ev))
                  and not _hollow(ev, entities) and not _generic_fillers(ev)]
        doc._.ng_events = [_record(i, ev, doc, entities) for i, ev in enumerate(events)]
        doc._.ng_participants = _participants(doc, events)
        return doc


def _answer_targets(events: list[_Event]) -> None:
    """A reply aims at whoever made what it answers: in "Lula criticised NATO ..., a view
    Scholz rejected" and "X urged Brazil to ... . Lula turned down the request", the rejected
    view or request is the last fitting act before it, so its agent is the target."""
    for i, ev in enumerate(events):
        if ev.trig.event_class not in ANSWER_CLASSES or _named(ev, "target"):
            continue
        tok = ev.tokens[0]
        nouns = [tok.head] if tok.dep_ == "relcl" else \
            [c for c in tok.children if c.dep_ in {"dobj", "obj", "nsubjpass"}] if tok.pos_ == "VERB" else []
        noun = next((n for n in nouns if n.lemma_.lower() in ANSWERED_ACTS and
                     not any(c.dep_ == "poss" for c in n.children)), None)
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
            if p_tok.i < first_allowed:
                break  # this or the previous sentence only
            cls = event_classes()[prev.trig.event_class]
            if (prev.trig.event_class in fits or ("*" in fits and cls.quad_class in (1, 3))) and \
                    (agents := _named(prev, "agent") - own):
                _add(ev, "target", sorted(agents))
                break


def _act_targets(events: list[_Event]) -> None:
    """Judging an act judges its author: in "Kenya condemned the attack" and "Araghchi called
    the sanctions illegal", the attack's and the sanctions' agents (once the mentions of each
    event are merged) are the target."""
    by_token = {t.i: ev for ev in events for t in ev.tokens}
    for ev in events:
        if ev.trig.event_class not in JUDGING_CLASSES or ev.trig.pos != "VERB" or _named(ev, "target"):
            continue
        own = _named(ev, "agent", "participant")
        for obj in (c for c in ev.tokens[0].children if c.dep_ in {"dobj", "obj"}):
            act = by_token.get(obj.i)
            if act is not None and act is not ev and (agents := _named(act, "agent") - own):
                for role in ("target", "victim"):  # the act itself is no party
                    if f"~{obj.i}" in ev.roles.get(role, []):
                        ev.roles[role].remove(f"~{obj.i}")
                _add(ev, "target", sorted(agents))


def anonymous_key(tok: Token) -> str | None:
    """Key of an unnamed participant headed at ``tok`` ("eleven people", "the police", "26",
    "those"), or None when the token cannot be one (a name, a date, an event noun, a weapon)."""
    if tok.ent_type_ in {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}:
        return None
    if tok.pos_ == "PRON":
        if tok.lower_ in NON_REFERRING_PRONOUNS:
            return None
    elif tok.pos_ == "NUM":
        if tok.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj"}:
            return None
    elif tok.pos_ not in {"NOUN", "PROPN"} or tok.lemma_.lower() in INSTRUMENT_NOUNS:
        return None
    if any((tok.lemma_.lower(), pos) in trigger_lexicon() for pos in ("NOUN", "VERB")):
        return None  # an event noun ("the bombing killed ...") is not a participant
    return f"~{tok.i}"


def _fillers(tok: Token, ent_of: dict[int, str], *, anonymous: bool = True, owners: bool = True) -> Iterator[str]:
    """Entities named by a noun phrase headed at ``tok``, through coordination and appositions;
    an unnamed participant when the phrase names no entity."""
    key = ent_of.get(tok.i)
    pair = tok.doc.user_data.get("ng_pairs", {}).get(tok.i) if key is None else None
    if pair is not None:
        yield from pair  # "both sides", "the two countries"
        return
    if key is None and tok.lower_ in QUANTITY_HEADS:
        # "thousands of Afghan women", "a group of Syrian refugees": the people counted take part.
        of = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        if of:
            yield from _fillers(of[0], ent_of, anonymous=anonymous)
            return
    if key is None and owners and tok.lemma_.lower() in ORGAN_HEADS:
        # "the Russian government", "Germany's ambassador", "the ambassadors of Germany, France
        # and the Netherlands": the organ or envoy acts for the state that a modifier names.
        # A group's phrase names it by a compound ("the M23 rebel group"), not by a demonym
        # ("a Kenyan rebel group" is not Kenya) nor an "of" ("a group of protesters").
        organ = tok.lemma_.lower() in STATE_ORGANS
        deps = {"amod", "compound", "poss", "nmod"} if organ else {"compound", "poss"}
        mods = [c for c in tok.children if c.dep_ in deps]
        # "Kyrgyz and Tajik border guards", "the U.S. and EU ambassadors": coordinated owners.
        mods += [cc for c in mods for cc in c.children if cc.dep_ == "conj"]
        owners = [ent_of[c.i] for c in mods if c.i in ent_of]
        pronouns = tok.doc._.ng_pronouns or {} if tok.doc.has_extension("ng_pronouns") else {}
        # "his government": the organ of whoever "his" is.
        owners += [pronouns[c.i] for c in tok.children if c.dep_ == "poss" and c.i in pronouns]
        for acl in tok.children if organ else ():
            # "a mission led by Abdulsalami Abubakar": the envoy's mission is its leader's.
            if acl.dep_ == "acl" and acl.lemma_ in {"lead", "head", "send", "dispatch"}:
                owners += [k for a in acl.children if a.dep_ == "agent" for o in a.children
                           if o.dep_ == "pobj" for k in _fillers(o, ent_of, anonymous=False)]
        for prep in tok.children if organ else ():
            if prep.dep_ == "prep" and prep.lower_ in {"of", "from"}:
                owners += [k for o in prep.children if o.dep_ == "pobj"
                           for k in _fillers(o, ent_of, anonymous=False)]
        # "the junta in Bamako", "the regime in Damascus": the capital stands for its state (the
        # parser often hangs "in Bamako" on the verb, so the next words are read as they stand).
        doc = tok.doc
        # (Not "the UNHCR representative in Jordan": an envoy posted there is not its government's.)
        if organ and tok.lemma_.lower() in RULERS and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "in" \
                and tok.i + 2 in ent_of:
            there = (doc._.ng_entities or {}).get(ent_of[tok.i + 2])
            if there is not None and there.type == "Country":
                owners.append(ent_of[tok.i + 2])
        named_appos = [k for c in tok.children if c.dep_ == "appos" for k in _fillers(c, ent_of, anonymous=False)]
        if named_appos:
            # "Mali's leader, Colonel Assimi Goita": the apposition names the organ itself, so
            # it is one party, not the leader and the state as two.
            yield from dict.fromkeys(named_appos)
            for child in tok.children:
                if child.dep_ == "conj":
                    yield from _fillers(child, ent_of, anonymous=anonymous)
            return
        if owners:
            yield from dict.fromkeys(owners)
            for child in tok.children:
                if child.dep_ in {"conj", "appos"}:
                    yield from _fillers(child, ent_of, anonymous=anonymous)
            return
    if key is None and tok.pos_ == "PRON":
        if tok.lower_ in {"who", "which", "that"} and tok.head.dep_ in {"relcl", "acl"} and tok.head.head.i != tok.i:
            # "militants who attacked the convoy": the relative pronoun is the noun it modifies.
            yield from _fillers(tok.head.head, ent_of, anonymous=anonymous)
            return
        key = tok.doc._.ng_pronouns.get(tok.i) if tok.doc.has_extension("ng_pronouns") and tok.doc._.ng_pronouns else None
    elif key is None and tok.doc.has_extension("ng_pronouns") and tok.doc._.ng_pronouns:
        key = tok.doc._.ng_pronouns.get(tok.i)  # a description: "the country", "the rebels"
    named = key is not None
    if key is None and anonymous:
        key = anonymous_key(tok)
    if key is not None:
        yield key
    for child in tok.children:
        if child.dep_ == "conj":
            yield from _fillers(child, ent_of, anonymous=anonymous)
        elif child.dep_ == "appos":
            # An apposition renames its head: "St. Petersburg, Putin's hometown" is no second party.
            # Nor is the body a named person heads ("Prigozhin, the head of the Wagner Group").
            yield from _fillers(child, ent_of, anonymous=anonymous and not named, owners=not named)


def _owners(tok: Token, ent_of: dict[int, str]) -> list[str]:
    """Entities that own a noun: its possessor ("Russia's support") or its "of" phrase."""
    out = [ent_of[c.i] for c in tok.children if c.dep_ == "poss" and c.i in ent_of]
    pronouns = tok.doc._.ng_pronouns or {}
    out += [pronouns[c.i] for c in tok.children if c.dep_ == "poss" and c.i in pronouns]
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "by"}:
            out += [k for o in prep.children if o.dep_ == "pobj" for k in _fillers(o, ent_of, anonymous=False)]
    return list(dict.fromkeys(out))


def _add(ev: _Event, role: str, keys: Iterator[str] | list[str]) -> None:
    own: set[int] | None = None  # (made only for an unnamed key: a merged event has many tokens)
    for key in keys:
        if key.startswith("~"):
            own = own if own is not None else {t.i for t in ev.tokens}
            if int(key[1:]) in own:
                continue  # "take revenge": a word of the trigger is not its participant
        bucket = ev.roles.setdefault(role, [])
        if key not in bucket and all(key not in v for v in ev.roles.values()):
            bucket.append(key)


def _arguments(ev: _Event, tok: Token, ent_of: dict[int, str], entities: dict) -> None:
    is_place = lambda k: k in entities and entities[k].type in PLACE_TYPES  # noqa: E731
    symmetric = event_classes()[ev.trig.event_class].symmetric
    target_role = "victim" if ev.trig.event_class in {"kill", "injure", "die"} else "target"
    if ev.trig.pos == "VERB":
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children)
        for child in tok.children:
            if child.dep_ in SUBJECT_DEPS:
                _add(ev, "participant" if symmetric else "agent", list(_fillers(child, ent_of)))
            elif child.dep_ == "agent":  # "was attacked by X"
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        _add(ev, "agent", list(_fillers(pobj, ent_of)))
            elif child.dep_ in {"ccomp", "oprd"} and child.pos_ in {"ADJ", "NOUN"}:
                # Small clause: "hold Russia accountable", "found him guilty".
                for sub in child.children:
                    if sub.dep_ in SUBJECT_DEPS:
                        _add(ev, target_role, list(_fillers(sub, ent_of)))
            elif child.dep_ in {"dobj", "obj"} and child.i not in ent_of and \
                    ((child.lemma_.lower(), "NOUN") in trigger_lexicon() or child.lemma_.lower() in ACT_NOUNS) \
                    and (owners := _owners(child, ent_of)):
                # "criticized Russia's support for Assad", "backed the efforts of ECOWAS": the act
                # is aimed at whoever owns the act.
                _add(ev, target_role, owners)
            elif child.dep_ in OBJECT_DEPS or (passive and child.dep_ == "nsubjpass"):
                keys = [k for k in _fillers(child, ent_of) if not (is_place(k) and child.dep_ == "attr")]
                _add(ev, "participant" if symmetric else target_role, keys)
        # A subject inherited through xcomp/conj: "Russia vowed to attack", "X declared ... and
        # called Y", "the United States will continue to hold Russia accountable".
        node = tok
        while not any(c.dep_ in SUBJECT_DEPS | {"nsubjpass"} for c in node.children) \
                and (node.dep_ in {"xcomp", "conj"} or node.dep_ == "advcl" and node.tag_ == "VBG") \
                and node.head.i != node.i:
            # A participle's subject is its main clause's: "X went further, imposing bans on Y".
            directive = node.head.lemma_ in OBJECT_CONTROL_VERBS and (
                node.head.lemma_ != "call" or any(c.dep_ == "prep" and c.lower_ in {"on", "upon"}
                                                  for c in node.head.children))
            controller = [c for c in node.head.children if c.dep_ in {"dobj", "obj"}] \
                if node.dep_ == "xcomp" and directive else []
            node = node.head
            # Object control: in "urged the junta to release Bazoum" the junta releases.
            for child in controller or [c for c in node.children if c.dep_ in SUBJECT_DEPS]:
                _add(ev, "participant" if symmetric else "agent", list(_fillers(child, ent_of)))
            if controller:
                break
        # Relative clause: "the bombing that killed eleven people" attaches to its noun.
        _casualties(ev, tok)
    else:
        if ev.trig.event_class in {"kill", "injure"}:
            # "left 20 people dead", "the dead soldiers", "shot him to death", "X was wounded":
            # who died is what the adjective or noun is predicated of.
            head = tok.head
            if tok.dep_ in {"oprd", "ccomp", "xcomp", "acomp"} or (tok.dep_ == "pobj" and head.lower_ == "to"):
                verb = head.head if tok.dep_ == "pobj" else head
                for child in verb.children:
                    if child.dep_ in {"dobj", "obj", "nsubjpass"} or (child.dep_ == "nsubj" and verb.lemma_ == "be"):
                        _add(ev, target_role, list(_fillers(child, ent_of)))
            elif tok.dep_ == "amod" and head.pos_ == "NOUN":
                _add(ev, target_role, list(_fillers(head, ent_of)))
        pronouns = tok.doc._.ng_pronouns or {}
        for child in tok.children:
            if child.dep_ not in NOUN_AGENT_DEPS or child.i > tok.i:
                continue
            key = ent_of.get(child.i) or pronouns.get(child.i)
            if key is None:
                continue
            if entities.get(key) is not None and entities[key].type == "Place":
                ev.place = ev.place or key  # "the St. Petersburg bombing"
            elif child.dep_ == "poss" and ev.trig.event_class in PATIENT_POSSESSOR_CLASSES and \
                    entities.get(key) is not None and entities[key].type == "Person":
                _add(ev, target_role, [key])  # "Bazoum's release", "Navalny's arrest": who undergoes it
            elif child.dep_ in {"amod", "compound"} and ev.trig.event_class in {"kill", "injure"}:
                _add(ev, target_role, [key])  # "Afghan civilian casualties", "Syrian deaths": whose
            else:
                _add(ev, "participant" if symmetric else "agent", [key])
        for rel in tok.children:
            if rel.dep_ == "relcl" and rel.pos_ == "VERB" and rel.lemma_.lower() in LIGHT_VERBS | {"impose"}:
                # "the sanctions that ECOWAS imposed on Niger": the relative clause's subject
                # acts, its "on"/"against" phrase is the target.
                for child in rel.children:
                    if child.dep_ in SUBJECT_DEPS:
                        _add(ev, "participant" if symmetric else "agent", list(_fillers(child, ent_of)))
                    elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS - {"of", "for", "at"}:
                        for obj in child.children:
                            if obj.dep_ == "pobj":
                                _add(ev, "participant" if symmetric else target_role, list(_fillers(obj, ent_of)))
        head = tok.head
        subj = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok  # "a total of N strikes"
        if subj.dep_ == "nsubj" and subj.head.lemma_ in AFFECTING_VERBS and ev.trig.event_class in ATTACK_CLASSES:
            # "563 strikes targeted Pakistan", "the blast hit a market": the verb's object is
            # what the attack struck.
            for child in subj.head.children:
                if child.dep_ in {"dobj", "obj"}:
                    _add(ev, target_role, list(_fillers(child, ent_of)))
        if tok.dep_ in {"dobj", "obj"} and head.lemma_ in {"suffer", "sustain", "receive"} and \
                ev.trig.event_class in {"injure", "kill"}:
            # "13 people suffered injuries": who suffers them is the victim.
            for child in head.children:
                if child.dep_ in SUBJECT_DEPS:
                    _add(ev, "victim", list(_fillers(child, ent_of)))
        # Light verb: "X held a summit", "X launched an attack", "X blamed Y and launched an
        # attack" (the subject of a coordinated light verb is the first verb's).
        obj = tok
        while obj.dep_ == "conj" and obj.head.i != obj.i and obj.head.pos_ == "NOUN":
            obj = obj.head  # "approved asset freezes and travel bans": the bans are approved too
        head = obj.head
        if obj.dep_ in {"dobj", "obj"} and (head.lemma_.lower() in LIGHT_VERBS or
                                            head.lemma_.lower() in MAKING_VERBS.get(ev.trig.event_class, ())):
            node = head
            while True:
                subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
                if subjects or node.dep_ not in {"conj", "xcomp"} or node.head.i == node.i:
                    break
                node = node.head
            for child in subjects:
                _add(ev, "participant" if symmetric else "agent", list(_fillers(child, ent_of)))
        # "the support of the West for Kyiv" / "attack by militants".
        # "al Shabaab claimed (responsibility for) the attack": who claims an attack made it.
        claim = obj.head if obj.dep_ in {"dobj", "obj"} else None
        if tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_ in {"responsibility", "credit"} \
                and tok.head.head.dep_ in {"dobj", "obj"}:
            claim = tok.head.head.head
        # (Not "claimed both attacks": a plural sums up several events, each with its own node.)
        if claim is not None and claim.lemma_ == "claim" and ev.trig.event_class in ATTACK_CLASSES | {"kill"} \
                and tok.tag_ != "NNS":
            for child in claim.children:
                if child.dep_ in SUBJECT_DEPS:
                    _add(ev, "agent", [k for k in _fillers(child, ent_of) if not k.startswith("~")])
    # The prepositions of a multiword trigger's other words too: "imposed sanctions on X".
    # (also through the trigger's own preposition: "spoke by telephone with X")
    for prep in [*tok.children, *(c for t in ev.tokens[1:] if tok.i in (t.head.i, t.head.head.i)
                                  for c in t.children)]:
        if prep.dep_ != "prep":
            continue
        p = prep.lower_
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        for obj in objs:
            keys = list(_fillers(obj, ent_of))
            inside: list[str] = []
            if p in PLACE_PREPS and not any(is_place(k) for k in keys):
                # "in the St. Petersburg metro", "at a market in Baghdad": a place named inside
                # the object's phrase beats the unnamed site.
                named = [c for c in obj.subtree if c.i in ent_of and is_place(ent_of[c.i])][:1]
                keys = [ent_of[c.i] for c in named] or keys
                # A state that owns the object is its target ("sanctions on Iran's national
                # carrier"); one that only qualifies it is where it happens ("swapped prisoners
                # on the Belarusian border" is not aimed at Belarus).
                inside = [ent_of[c.i] for c in named if c.dep_ != "poss"] \
                    if obj.lemma_.lower() in LOCATION_NOUNS else []
            for key in keys:
                if key in inside:
                    if ev.place is None or ev.place.startswith("~"):
                        ev.place = key
                    continue
                if p in PLACE_PREPS and is_place(key) and (ev.place is None or ev.place.startswith("~")) and (
                        p != "on" or entities[key].type == "Place"):
                    ev.place = key
                elif key.startswith("~") and p in SITE_PREPS and ev.place is None and obj.pos_ == "NOUN":
                    ev.place = key  # "at a police training ground": an unnamed site
                elif key.startswith("~") and p in PLACE_PREPS | {"during", "after", "before", "about", "over"}:
                    continue
                elif p in WITH_PREPS:
                    _add(ev, "participant", [key])
                elif p == "by" and ev.trig.pos == "NOUN":
                    _add(ev, "agent", [key])
                elif p == "of" and ev.trig.pos == "NOUN" and ev.trig.event_class in {"demand", "appeal"} \
                        and not key.startswith("~"):
                    _add(ev, "agent", [key])  # "the demands of the African Union": theirs
                elif p in TARGET_PREPS and not (is_place(key) and p in {"at", "on"} and entities[key].type == "Place"):
                    _add(ev, "participant" if symmetric else target_role, [key])
    if ev.place is None and ev.trig.pos == "NOUN" and tok.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass"}:
        # "began in Syria": the place may hang on the governing verb.
        for prep in tok.head.children:
            if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS - {"from"}:
                for obj in prep.children:
                    key = ent_of.get(obj.i)
                    if key and is_place(key):
                        ev.place = key
                        break
    if ev.place is None:
        # PP attachment is the parser's weak spot: "attacked by the Taliban near Kandahar" hangs
        # the place on an argument. A locative PP on a direct argument is the event's place.
        for arg in tok.children:
            heads = [arg] if arg.dep_ in OBJECT_DEPS | SUBJECT_DEPS else \
                [c for c in arg.children if c.dep_ == "pobj"] if arg.dep_ in {"agent", "prep"} else []
            for head in heads:
                for prep in head.children:
                    if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS - {"from", "on"}:
                        for obj in prep.children:
                            key = ent_of.get(obj.i)
                            if key and entities.get(key) is not None and entities[key].type == "Place" \
                                    and (ev.place is None or ev.place.startswith("~")):
                                ev.place = key
    if ev.trig.event_class == "threaten" and not ev.roles.get("target") and ev.trig.pos == "VERB":
        # "warned that they could trigger sanctions if Iran does not curb ...": the threat is
        # aimed at the subject of its condition.
        for cond in tok.subtree:
            if cond.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in cond.children):
                for child in cond.children:
                    if child.dep_ in SUBJECT_DEPS:
                        _add(ev, "target", [k for k in _fillers(child, ent_of) if not k.startswith("~")])
    if ev.trig.event_class in TRANSFER_CLASSES and ev.trig.pos == "VERB" and not _named(ev, "target"):
        # "pledged 120 million dollars in aid to Bangladesh": the recipient's "to" phrase often
        # hangs on the object's phrase rather than on the verb.
        for prep in _phrase_preps(tok, "to"):
            keys = [k for o in prep.children if o.dep_ == "pobj" for k in _fillers(o, ent_of, anonymous=False)
                    if entities.get(k) is None or entities[k].type != "Place"]
            if keys:
                _add(ev, target_role, keys)
                break
    if ev.trig.event_class in TRANSFER_CLASSES and ev.trig.pos == "VERB" and not _named(ev, "target"):
        # "pledged $450 million to help Jordan (cover the cost)": whom the gift is to help
        for purpose in tok.children:
            if purpose.dep_ in {"advcl", "xcomp"} and purpose.lemma_ in HELPING_VERBS:
                helped = [c for c in purpose.children if c.dep_ in {"dobj", "obj"}] or \
                    [s for c in purpose.children if c.dep_ in {"ccomp", "xcomp"} for s in c.children
                     if s.dep_ in SUBJECT_DEPS]
                _add(ev, target_role, [k for h in helped for k in _fillers(h, ent_of, anonymous=False)
                                       if entities.get(k) is None or entities[k].type != "Place"])
    # "sanctions on Iran's national carrier", "shelled Ukraine's power stations": an unnamed
    # target a state owns stands for that state, as CAMEO codes state property and organs.
    for role in ("target", "victim"):
        for key in list(ev.roles.get(role, [])):
            if key.startswith("~"):
                noun = tok.doc[int(key[1:])]
                states = [ent_of[c.i] for c in noun.children if c.dep_ == "poss" and c.i in ent_of
                          and entities.get(ent_of[c.i]) is not None and entities[ent_of[c.i]].type == "Country"]
                if states and noun.lemma_.lower() not in GROUP_NOUNS_OF_PEOPLE:
                    ev.roles[role].remove(key)
                    _add(ev, role, states)
    # Places do not act: a place the parse put in an actor slot is the event's place.
    for role in list(ev.roles):
        for key in list(ev.roles[role]):
            if entities.get(key) is not None and entities[key].type == "Place":
                ev.roles[role].remove(key)
                ev.place = ev.place or key
        if not ev.roles[role]:
            del ev.roles[role]
    if symmetric and "agent" in ev.roles:
        _add(ev, "participant", ev.roles.pop("agent"))
    if symmetric and len([k for k in ev.roles.get("participant", []) if not k.startswith("~")]) < 2 and \
            not any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in tok.children):
        # (Not for "the truce", "this meeting": they repeat an event whose parties are known.)
        # "a day when he was there holding a summit with Y": the nearest person subject before
        # the trigger in the sentence is the other participant.
        pronouns = tok.doc._.ng_pronouns or {}
        first, _ = sentence_span(tok)
        for cand in reversed(tokens(tok.doc)[first:tok.i]):
            key = ent_of.get(cand.i) or pronouns.get(cand.i)
            if cand.dep_ in {"nsubj", "poss"} and key and entities.get(key) is not None \
                    and entities[key].type in {"Person", "Country", "Organization"}:
                _add(ev, "participant", [key])
                break


def _phrase_preps(verb: Token, word: str) -> Iterator[Token]:
    """Prepositions ``word`` inside the verb's object and prepositional phrases, in text order,
    not inside a clause of their own ("pledged 120 million dollars in aid to Bangladesh")."""
    clause = {"relcl", "advcl", "ccomp", "xcomp", "conj", "acl", "parataxis", "csubj"}
    stack = [c for c in verb.children if c.dep_ in {"dobj", "obj", "prep", "dative"}]
    found = []
    while stack:
        node = stack.pop()
        if node.dep_ == "prep" and node.lower_ == word:
            found.append(node)
        stack.extend(c for c in node.children if c.dep_ not in clause)
    yield from sorted(found, key=lambda t: t.i)


def _casualties(ev: _Event, tok: Token) -> None:
    if ev.trig.event_class not in {"kill", "injure", "attack", "bombing"}:
        return
    kind = "killed" if ev.trig.event_class in {"kill", "attack", "bombing"} else "injured"
    for child in tok.children:
        if child.dep_ in {"dobj", "nsubjpass"}:
            for num in child.children:
                if num.dep_ == "nummod":
                    value = parse_number(num)
                    if value is not None:
                        ev.casualties[kind] = value


def parse_number(tok: Token) -> int | None:
    """'eleven' -> 11, '26' -> 26, '1,200' -> 1200; None for anything vaguer."""
    text = tok.text.lower().replace(",", "")
    if text.isdigit():
        return int(text)
    if "-" in text:  # "twenty-four"
        parts = text.split("-")
        if all(p in _NUMBER_WORDS for p in parts):
            return sum(_NUMBER_WORDS[p] for p in parts)
    return _NUMBER_WORDS.get(text)


def _naming_call(ev: _Event) -> bool:
    """'called the deal "a first step"', 'what he called a cowardly attack', 'the region the
    rebels call Azawad': "call" naming something, not a phone call."""
    tok = ev.tokens[0]
    if ev.trig.event_class not in COUNTERPART_CLASSES or tok.lemma_ != "call":
        return False
    # (Not "called Putin to offer sympathy": an xcomp verb is the call's purpose.)
    # A small clause needs both parts: an object and what it is called ("called Netanyahu"
    # alone, which the parser may label oprd, is a call).
    kids = list(tok.children)
    # "which calls its movement Ansar Allah": a name in apposition to the object names it.
    if any(c.dep_ in {"dobj", "obj"} and any(a.dep_ == "appos" and a.pos_ == "PROPN" for a in c.children)
           for c in kids) and tok.tag_ in {"VBZ", "VBP"}:
        return True
    return (any(c.dep_ in {"dobj", "obj"} for c in kids) and any(
        c.dep_ in {"oprd", "attr"} or (c.dep_ == "ccomp" and c.pos_ in {"ADJ", "NOUN", "PROPN"}) for c in kids)) \
        or (tok.dep_ == "relcl" and any(c.dep_ in {"dobj", "oprd", "attr"} and c.pos_ == "PROPN" for c in kids))


def _hollow(ev: _Event, entities: dict) -> bool:
    """Events whose trigger word is there but whose act is not: a "call" with nobody called
    ("called the sanctions illegal", "calling itself"), or an announcement whose object is an
    event of its own ("announced sanctions": the sanctions are the event)."""
    tok = ev.tokens[0]
    if ev.trig.event_class in COUNTERPART_CLASSES:
        named = [k for ks in ev.roles.values() for k in ks if k in entities]
        if len(set(named)) < 2:
            return True
        if _naming_call(ev):
            return True
    if ev.trig.event_class in CONTENT_CLASSES and ev.trig.pos == "VERB":
        for child in tok.children:
            if child.dep_ in {"dobj", "obj", "ccomp"} and child.i not in {t.i for t in ev.tokens} and \
                    (child.lemma_.lower(), "NOUN") in trigger_lexicon():
                return True
    return False


def _generic_fillers(ev: _Event) -> bool:
    """A verb event whose every participant is a kind, not a party: "peace and security are
    threatened by countries that violate human rights"."""
    keys = [k for ks in ev.roles.values() for k in ks]
    # Only verbal acts (threats, statements, criticism): "killed civilians" is a happening.
    if event_classes()[ev.trig.event_class].quad_class not in (1, 3):
        return False
    if ev.trig.pos != "VERB" or not keys or any(not k.startswith("~") for k in keys) or ev.place or ev.date:
        return False
    doc = ev.tokens[0].doc
    heads = [doc[int(k[1:])] for k in keys]
    return all(h.pos_ == "NOUN" and not any(c.dep_ in {"det", "nummod", "poss"} for c in h.children)
               and not any(c.pos_ == "PROPN" for c in h.children) for h in heads)


def _counted(tok: Token) -> bool:
    """A number (not a date) counts the noun: "563 strikes", "at least 85 deaths"."""
    return any(c.dep_ == "nummod" and c.ent_type_ != "DATE" for c in tok.children)


def _happened(ev: _Event) -> bool:
    """A bare event noun the sentence says took place, whatever the word's ambiguity: counted
    ("563 strikes", "at least 85 deaths"), suffered or caused ("causing the deaths"), or the
    subject of occur/happen ("where the explosions occurred")."""
    tok = ev.tokens[0]
    if ev.trig.pos != "NOUN" or len(ev.tokens) > 1:
        return False
    if _counted(tok):
        return True
    if tok.dep_ in {"dobj", "obj"} and tok.head.lemma_ in HAPPENING_VERBS:
        return True
    return tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.lemma_ in {"occur", "happen", "erupt", "unfold"}


def _generic(ev: _Event) -> bool:
    """A bare noun event that names a kind, not a happening: "responsible for an attack",
    "attacks which harm civilians", "no attack"."""
    if len(ev.tokens) > 1 or ev.trig.pos != "NOUN":
        return False
    tok = ev.tokens[0]
    dets = [c.lower_ for c in tok.children if c.dep_ == "det"]
    if any(d in {"a", "an", "any", "no", "every", "each"} for d in dets):
        return True
    if any(c.dep_ == "amod" and c.lower_ in {"specific", "such", "similar", "other", "future"} for c in tok.children):
        return True
    # "a series of protests", "a wave of attacks": the quantity noun makes them specific.
    quantified = tok.dep_ == "pobj" and tok.head.head.lemma_ in {"series", "wave", "spate", "string", "round",
                                                                  "number", "couple", "dozen", "day", "week",
                                                                  "month", "year", "night"}
    if tok.dep_ in {"dobj", "obj"} and tok.head.lemma_ in HAPPENING_VERBS:
        return False  # "suffered minor injuries", "carried out attacks": they happened
    # "563 strikes", "at least 85 deaths": counted happenings are a set of real ones, not a kind.
    return tok.tag_ == "NNS" and not dets and not quantified and not _counted(tok) \
        and not any(c.dep_ == "poss" for c in tok.children)


def factuality(tok: Token, event_class: str | None = None) -> str:
    """asserted | negated | hypothetical | future, from the trigger and the verbs above it."""
    chain = [tok]
    node = tok
    if tok.pos_ == "NOUN" and event_class in event_classes() and event_classes()[event_class].quad_class == 4 \
            and any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in {"the", "this", "that"})
                                  for c in tok.children):
        # "urged Brazil to condemn Moscow's invasion": a definite or possessed event noun is
        # presupposed, whatever the verbs above it say of their own acts; only its own
        # negation counts ("no invasion" has no determiner to start with). Only for material
        # conflict (CAMEO quad class 4): "will discuss the release of detainees" and "could
        # reduce its cooperation" do not presuppose a release or a cooperation.
        return "negated" if any(c.dep_ == "neg" for c in tok.children) else "asserted"
    # Walk up through the verbs that govern the trigger ("is not going to lead to any shifts").
    # Not through subjects: "this attack is not going to lead to shifts" negates the leading,
    # not the attack.
    while node.head.i != node.i and len(chain) < 4 and node.dep_ in {
            "dobj", "pobj", "prep", "xcomp", "ccomp", "attr", "acomp"}:
        node = node.head
        chain.append(node)
    for t in chain[1:]:
        if t.lemma_ == "call" and not any(c.dep_ == "prep" and c.lower_ in {"on", "upon"} for c in t.children):
            continue  # "called Putin to offer sympathy": a purpose, not "called on X to ..."
        if t.lemma_ in INTENTION_VERBS and any(c.dep_ == "xcomp" and c.i in {x.i for x in chain} for c in t.children):
            return "hypothetical"  # "designed to crack down": intended, not done
    for t in chain:
        kids = list(t.children)
        # Only "would" on the trigger or an aspectual verb above it: "would continue to
        # support"; "would not hesitate to strike" stays a possibility.
        if (t is tok or t.lemma_ in ASPECTUAL_VERBS) and _future_in_past(t, kids):
            # "said Germany would contribute 200 million euros": reported "will", not a "would"
            # of possibility; a negation still denies it.
            return "negated" if any(c.dep_ == "neg" for c in kids) else "future"
        # A modal or a condition wins over negation: "would not hesitate to strike" is not a
        # denied strike but a possible one.
        if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_MODALS for c in kids):
            return "hypothetical"
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in kids):
            return "hypothetical"
        if any(c.dep_ == "neg" for c in kids):
            return "negated"
    if any(t.lemma_ in {"continue", "keep", "remain"} for t in chain):
        return "asserted"  # "will continue to hold Russia accountable": ongoing, not future
    for t in chain:
        kids = list(t.children)
        if any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll", "wo"} for c in kids):
            return "future"
        if t.lemma_ == "go" and any(c.dep_ == "aux" for c in kids) and any(c.dep_ == "xcomp" for c in kids):
            return "future"
    return "asserted"


def _future_in_past(verb: Token, kids: list[Token]) -> bool:
    """'would' + bare verb in a clause reported by a past speech verb, with no condition and
    no 'have' (the counterfactual 'said it would have been a disaster')."""
    if not any(c.dep_ == "aux" and c.lower_ == "would" for c in kids):
        return False
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in kids) or \
            any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in kids) or \
            any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in c.children)
                for c in kids):
        return False
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head  # "said X would ... and that Y would ..."
    head = node.head
    return node.dep_ == "ccomp" and head.lemma_ in SPEECH_VERBS and head.tag_ in {"VBD", "VBN"}


def reporter(tok: Token, ent_of: dict[int, str]) -> str | None:
    """Who reports the event when it sits in reported speech ("Haley declared that the US and
    Russia stood together"): the named subject of the governing speech verb."""
    node = tok
    for _ in range(6):
        if node.head.i == node.i:
            return None
        if node.dep_ in {"ccomp", "parataxis"} and node.head.lemma_.lower() in SPEECH_VERBS:
            for child in node.head.children:
                if child.dep_ in SUBJECT_DEPS:
                    key = next(_fillers(child, ent_of, anonymous=False), None)
                    return key if key and not key.startswith("~") else None
            return None
        node = node.head
    return None


def _event_date(tok: Token, pub_date: str | None) -> str | None:
    """A DATE entity attached to the trigger or its clause ("in 2004", "April 2017")."""
    candidates = [tok] + ([tok.head] if tok.head.i != tok.i else [])
    for node in candidates:
        for prep in node.children:
            targets = [prep] if prep.ent_type_ == "DATE" else [c for c in prep.children if c.ent_type_ == "DATE"]
            for target in targets:
                bounds = date_entity_of(tok.doc).get(target.i)
                if bounds is not None:
                    value = normalise_timex(tok.doc[bounds[0]:bounds[1]].text, pub_date)
                    if value:
                        return value
    return None


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
        if head is not None and tok.dep_ in {"relcl", "acl"} and ev.trig.event_class in {"kill", "injure"} \
                and (head.trig.cameo or "")[:2] in ATTACK_ROOTS:
            # "the bombing that killed eleven people": the deaths are a fact of the bombing.
            for k, v in ev.casualties.items():
                head.casualties.setdefault(k, v)
            continue
        out.append(ev)
    return out


def _named(ev: _Event, *roles: str) -> set[str]:
    return {k for r in roles for k in ev.roles.get(r, []) if not k.startswith("~")}


def _same_family(a: str, b: str) -> bool:
    """Classes whose mentions can name one happening: the same class, two kinds of attack
    ("the bombing" ... "the attack"), or two words for talks ("negotiations" ... "the talks")."""
    return a == b or any(a in family and b in family for family in COREF_FAMILIES)


def _same_happening(prev: _Event, ev: _Event, headline: Callable[[Token], bool],
                    states: frozenset[str] = frozenset()) -> bool:
    """Argument-compatible coreference: two mentions of one class that share a named
    participant or place and contradict each other nowhere ("the EU imposed sanctions on Iran
    ... the sanctions against Iran ..."); a headline's event is the body's first of its class."""
    same_class = _same_family(prev.trig.event_class, ev.trig.event_class)
    if not same_class or "asserted" not in (prev.factuality, ev.factuality) and prev.factuality != ev.factuality:
        return False
    if prev.trig.event_class == ev.trig.event_class and prev.trig.cameo and ev.trig.cameo \
            and prev.trig.cameo != ev.trig.cameo and not any(ev.trig.event_class in f for f in COREF_FAMILIES):
        return False  # "criticised the statement" (111) and "summoned the ambassadors" (114): two acts
    if (prev.factuality == "asserted") != (ev.factuality == "asserted"):
        return False
    if _mention_facts(prev, headline).all_headline:
        return True  # a headline's event is the first later mention of its class, and only that one
    named_place = lambda e: e.place if e.place and not e.place.startswith("~") else None  # noqa: E731
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
    keys = {k for ks in ev.roles.values() for k in ks if not k.startswith("~")}
    if ev.place and not ev.place.startswith("~"):
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
        kids = list(tok.children)
        # "this attack", "the bombing" repeat an event; "the 9/11 attacks", "the specific
        # attacks which ..." and other modified or plural nouns introduce their own.
        anaphoric = ev.trig.pos == "NOUN" and any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in kids) \
            and not any((c.dep_ in {"compound", "nummod"} and c.i not in ent_of and c.ent_type_ != "DATE") or 
                        (c.dep_ == "amod" and c.lower_ in {"specific", "other", "new", "previous", "similar",
                                                           "first", "second", "last", "earlier", "next"})
                        for c in kids) \
            and (tok.tag_ != "NNS" or tok.lower_ in PLURAL_EVENT_NOUNS
                 or any(c.lower_ in {"these", "those"} for c in kids))
        target = None
        candidates = []
        named_roles = [k for ks in ev.roles.values() for k in ks if not k.startswith("~")]
        if anaphoric and not named_roles:
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
        if candidates:
            # The most salient compatible event (most mentions so far), the nearest on a tie:
            # "this attack" after a digression on Beslan still means the article's bombing.
            target = max(enumerate(candidates), key=lambda ic: (len(ic[1].tokens), -ic[0]))[1]
        if target is None:
            target = next((prev for prev in recent.sharing(_named_keys(ev))
                           if _same_happening(prev, ev, headline, states)), None)
        if target is not None and _mention_facts(target, headline).all_headline and not headline(tok) \
                and _named(ev, "agent", "target", "victim", "participant"):
            # Headline grammar drops auxiliaries ("Opposition Leader Detained"), so its parse
            # misreads roles: the body's reading of the event wins.
            target.roles = {}
        if target is not None:
            for role, keys in ev.roles.items():
                for key in keys:
                    if not key.startswith("~") and key not in target.roles.get(role, []):
                        _add(target, role, [key])
            recent.index(target, _named_keys(ev))  # (what it may have gained)
            target.tokens.append(tok)
            target.last_sentence = max(target.last_sentence, here)
            if "asserted" in (ev.factuality, target.factuality):
                target.factuality = "asserted"  # one mention that asserts it is enough
            target.place = target.place or ev.place
            target.date = target.date or ev.date
            for k, v in ev.casualties.items():
                target.casualties.setdefault(k, v)
        else:
            ev.last_sentence = max(sent_of[t.i] for t in ev.tokens)
            out.append(ev)
            recent.add(ev)
    return out


def _participants(doc: Doc, events: list[_Event]) -> list[ParticipantRecord]:
    """The unnamed participants the events refer to, as records."""
    sites = {ev.place for ev in events if ev.place and ev.place.startswith("~")}
    keys = sites | {k for ev in events for ks in ev.roles.values() for k in ks if k.startswith("~")}
    out = []
    for key in sorted(keys, key=lambda k: int(k[1:])):
        head = doc[int(key[1:])]
        # The phrase up to its head: "eleven people", "a police training ground".
        left = min((t.i for t in head.subtree if t.i <= head.i and t.dep_ not in {"punct", "cc"}), default=head.i)
        span = doc[left:head.i + 1]
        while len(span) > 1 and span[0].dep_ in {"det", "predet"} and span[0].lower_ in {"the", "a", "an"}:
            span = span[1:]
        out.append(ParticipantRecord(key=key, label=span.text, kind="site" if key in sites else "actor",
                                     mention=TextSpan(span.start_char, span.end_char, span.text)))
    return out


def _cameo(ev: _Event, entities: dict) -> str | None:
    """The event's CAMEO code, refined by its agent: CAMEO keeps "conventional military force"
    (19) for states; an attack by anyone else is "unconventional violence" (180)."""
    code = ev.trig.cameo
    if ev.trig.event_class == "attack" and code == "190":
        agents = [entities.get(k) for k in ev.roles.get("agent", []) if not k.startswith("~")]
        if not any(a is not None and a.type == "Country" for a in agents):
            return "180"
    return code


def _record(index: int, ev: _Event, doc: Doc, entities: dict | None = None) -> EventRecord:
    triggers = tuple(sorted({TextSpan(t.idx, t.idx + len(t.text), t.text) for t in ev.tokens}))
    roles = tuple((role, key) for role in EVENT_ROLES
                  for key in ev.roles.get(role, []))
    first = ev.tokens[0]
    return EventRecord(
        key=f"e{first.idx}", event_class=ev.trig.event_class, cameo=_cameo(ev, entities or {}), triggers=triggers,
        roles=roles, place=ev.place, date=ev.date, factuality=ev.factuality,
        casualties=tuple(sorted(ev.casualties.items())), confidence=ev.trig.confidence,
        stance=(ev.trig.event_class in STATE_CLASSES
                or ev.trig.pos == "NOUN" and ev.trig.event_class in STANCE_CLASSES) and not ev.date,
        reported_by=ev.reported_by,
        sentence=TextSpan(ev.sentence[0], ev.sentence[1], doc_text(doc)[ev.sentence[0]:ev.sentence[1]]))
