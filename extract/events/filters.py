"""Which found events are kept: hollow, naming, generic and bare mentions are dropped."""

from __future__ import annotations

from spacy.tokens import Token

from ..entities.wordlists import news_outlet
from ..predicates.verb_classes import SPEECH_VERBS, TOPIC_VERBS
from .blame import is_blame, is_duty
from .context import CONTINUING_VERBS
from .draft import _Event, is_unnamed, mention_heads, unnamed_token
from .noun_arguments import AGENT_NOUNS
from .lexicon import event_classes, trigger_lexicon
from .triggers import _patients

# Verbs whose object events happened ("suffered injuries", "carried out attacks",
# "caused deaths"), even as bare plurals.
HAPPENING_VERBS = frozenset({"suffer", "sustain", "cause", "inflict", "carry", "conduct", "stage",
                             "launch", "mount", "record", "report", "confirm", "witness"})

# Verbs whose event-noun subject took place: occurring ("where the explosions occurred") or
# going on ("protests resumed on Monday", the context step's continuing verbs).
HAPPENED_VERBS = frozenset({"occur", "happen", "erupt", "unfold"}) | CONTINUING_VERBS
# Pronouns on which a relative clause or participle describes a kind of person, not a
# happening ("those who jail journalists", "anyone blocking highways").
GENERIC_PRONOUNS = frozenset({"those", "anyone", "anybody", "whoever", "everyone", "everybody"})
# Prepositions whose object is the medium or the setting of the act the phrase hangs on
# ("warned in its statement", "said at a news conference", "announced during a briefing").
MEDIUM_PREPS = frozenset({"in", "at", "through", "via", "during"})


def _naming_call(ev: _Event) -> bool:
    """'called the deal "a first step"', 'what he called a cowardly attack', 'the region the
    rebels call Azawad': "call" naming something, not a phone call; and a condemning name given
    to "what" another verb acts on ("rejected what he called imperialist interference": the
    rejection is the act)."""
    tok = ev.tokens[0]
    if ev.trig.event_class == "criticize" and tok.lemma_ == "call":
        return any(c.dep_ in {"dobj", "obj", "nsubj"} and c.lower_ in {"what", "whatever"} for c in tok.children)
    if not event_classes()[ev.trig.event_class].needs_counterpart or tok.lemma_ != "call":
        return False
    # (Not "called Putin to offer sympathy": an xcomp verb is the call's purpose.)
    # A small clause needs both parts: an object and what it is called ("called Netanyahu"
    # alone, which the parser may label oprd, is a call).
    kids = list(tok.children)
    # "which calls its movement Ansar Allah": a name in apposition to the object names it.
    if any(c.dep_ in {"dobj", "obj"} and any(a.dep_ == "appos" and a.pos_ == "PROPN" for a in c.children)
           for c in kids) and tok.tag_ in {"VBZ", "VBP"}:
        return True
    # ("called the British request 'stupidity'" with the object parsed into the name: a noun
    # before the name that hangs on it)
    return (any(c.dep_ in {"dobj", "obj"} for c in kids) and any(
        c.dep_ in {"oprd", "attr"} or (c.dep_ == "ccomp" and c.pos_ in {"ADJ", "NOUN", "PROPN"}) for c in kids)) \
        or any(c.dep_ == "oprd" and any(g.dep_ == "nmod" and g.i < c.i and g.pos_ in {"NOUN", "PROPN"}
                                        for g in c.children) for c in kids) \
        or (tok.dep_ == "relcl" and any(c.dep_ in {"dobj", "oprd", "attr"} and c.pos_ == "PROPN" for c in kids))


def _hollow(ev: _Event, entities: dict) -> bool:
    """Events whose trigger word is there but whose act is not: a "call" with nobody called
    ("called the sanctions illegal", "calling itself"); an announcement whose object is an
    event of its own ("announced sanctions": the sanctions are the event; "announced that ..."
    is a statement as such, ``_bare_statement``); a statement that only carries another act
    (``_vehicle``); a
    responsibility that is a duty, not a blame; a release of information (``_published``);
    a hosting of people who live there (``_sheltering``); a withdrawal of no armed force
    (``_civil_withdrawal``); a warning of how things are (``_warning_of_fact``); one party
    discussing something alone (``_lone_discussion``)."""
    tok = ev.tokens[0]
    if is_blame(ev) and is_duty(tok):
        return True  # "bears responsibility for border security": a duty, not a blame
    if _published(ev) or _sheltering(ev) or _civil_withdrawal(ev) or _warning_of_fact(ev) or _lone_discussion(ev):
        return True
    if event_classes()[ev.trig.event_class].needs_counterpart:
        named = [k for ks in ev.roles.values() for k in ks if k in entities]
        if len(set(named)) < 2:
            return True
        if _naming_call(ev):
            return True
    if not event_classes()[ev.trig.event_class].content_object:
        return False
    if ev.trig.pos == "NOUN":
        return all(_vehicle(t) for t in mention_heads(ev))
    if ev.trig.pos == "VERB":
        # (In any voice: "the sanctions were announced", "the pledges announced on Monday".)
        for child in _patients(tok) + [c for c in tok.children if c.dep_ == "ccomp"]:
            if child.i not in {t.i for t in ev.tokens} and (child.lemma_.lower(), "NOUN") in trigger_lexicon():
                return True
    return False


def _lone_discussion(ev: _Event) -> bool:
    """One party alone discussing something holds no meeting ("an official who spoke on
    condition of anonymity to discuss the investigation"); "X discussed Y with Z" and "X and
    Z discussed Y" do."""
    tok = ev.tokens[0]
    if ev.trig.event_class != "meet" or tok.pos_ != "VERB" or tok.lemma_ not in TOPIC_VERBS \
            or any(t.pos_ == "NOUN" for t in ev.tokens):
        return False
    parties = {k for ks in ev.roles.values() for k in ks}
    subjects = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
    plural = any(s.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in s.children) for s in subjects)
    return len(parties) < 2 and not plural


# What is published, not set free: "released the figures / the names of the victims / the text
# of the agreement" is no release of people (CAMEO 084) and no event.
PUBLISHED_NOUNS = frozenset({"figure", "figures", "data", "detail", "details", "name", "names", "finding",
                             "findings", "result", "results", "document", "documents", "photo", "photos",
                             "image", "images", "picture", "pictures", "list", "information", "evidence",
                             "statistic", "statistics", "text", "footage", "recording", "transcript", "audio",
                             "tape", "letter", "memo", "study", "survey", "version", "update", "map", "budget"})


# People a country shelters: hosting them is no diplomatic hosting (CAMEO 043, a visit).
SHELTERED_NOUNS = frozenset({"refugee", "refugees", "migrant", "migrants", "asylum", "displaced", "evacuee",
                             "evacuees", "exile", "exiles", "people", "those", "civilians", "families"})


def _verb_objects(ev: _Event, event_class: str) -> list[Token]:
    """What a verb trigger of ``event_class`` acts on, in any voice (``_patients``); [] for
    another class or a noun trigger."""
    if ev.trig.event_class != event_class or ev.trig.pos != "VERB":
        return []
    return _patients(ev.tokens[0])


def _in(tok: Token, words: frozenset[str]) -> bool:
    return tok.lower_ in words or tok.lemma_.lower() in words


def _sheltering(ev: _Event) -> bool:
    """"the cost of hosting 600,000 Syrian refugees", "a state that hosts those who kill":
    hosting people who live there is no hosting of a visit or talks."""
    objects = _verb_objects(ev, "host")
    return bool(objects) and all(_in(o, SHELTERED_NOUNS) for o in objects)


# What an armed actor pulls back: a withdrawal of anything else ("withdrew its staff", "withdrew
# the bill", "withdrew its candidacy") is no de-escalation (CAMEO 087).
MILITARY_NOUNS = frozenset({"troop", "troops", "force", "forces", "soldier", "soldiers", "army", "unit", "units",
                            "tank", "tanks", "weapon", "weapons", "artillery", "ship", "ships", "warship",
                            "warships", "fighter", "fighters", "militant", "militants", "contingent", "battalion",
                            "battalions", "brigade", "brigades", "personnel", "peacekeeper", "peacekeepers",
                            "mission", "equipment", "vehicle", "vehicles", "jet", "jets", "aircraft"})


def _civil_withdrawal(ev: _Event) -> bool:
    """"Médecins Sans Frontières withdrew its international staff": a withdrawal whose every
    object is no armed force (an intransitive "withdrew from the town" still counts)."""
    if ev.trig.cameo != "087":
        return False
    objects = [o for o in _verb_objects(ev, "yield") if o.pos_ in {"NOUN", "PROPN"}]
    return bool(objects) and not any(_in(o, MILITARY_NOUNS) for o in objects)


# Auxiliaries of what a warning says will come: "warned that X would face ..." threatens.
FUTURE_AUXILIARIES = frozenset({"will", "would", "shall", "could", "might", "may", "must", "'ll", "wo"})


def _warning_of_fact(ev: _Event) -> bool:
    """"He warned Americans that the devil is right at home": a warning whose clause tells how
    things are, not what will come, is a statement, no threat (CAMEO 13 needs a consequence:
    "warned that attacks would receive a harsh response")."""
    tok = ev.tokens[0]
    if ev.trig.event_class != "threaten" or tok.lemma_ != "warn" or len(ev.tokens) > 1:
        return False
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    return bool(clauses) and not any(
        a.dep_ in {"aux", "auxpass"} and a.lower_ in FUTURE_AUXILIARIES for c in clauses for a in c.children) \
        and not any(c.lemma_ == "go" and any(x.dep_ == "xcomp" for x in c.children) for c in clauses)


def _published(ev: _Event) -> bool:
    """A release whose object is information ("released figures showing ..."), not people."""
    objects = _verb_objects(ev, "release")
    return bool(objects) and all(_in(o, PUBLISHED_NOUNS) for o in objects)


def _vehicle(tok: Token) -> bool:
    """A statement noun that carries another act rather than being one: the subject that says
    or does it ("a statement issued by X said ...", "its statement thanked Y"), the medium or
    setting of a verb ("warned in its statement", "said at a news conference"), or a source
    ("according to a statement from X"). What it carries is the event; the statement is how
    the news learnt of it."""
    head = tok.head
    if tok.dep_ == "nsubj" and head.pos_ == "VERB":
        return head.lemma_ in SPEECH_VERBS or (head.lemma_.lower(), "VERB") in trigger_lexicon()
    if tok.dep_ != "pobj":
        return False
    if head.lower_ == "to" and head.head.lower_ == "according":
        return True
    return head.lower_ in MEDIUM_PREPS and head.head.pos_ in {"VERB", "AUX"}


def _withheld(ev: _Event) -> bool:
    """An act every mention of which says it was not done: "exploded without warning",
    "released without charge", "left without consulting parliament"."""
    heads = mention_heads(ev)  # (none when the trigger is itself a compound: "Kremlin critic X")
    return bool(heads) and all(t.dep_ in {"pobj", "pcomp"} and t.head.lower_ == "without" for t in heads)


# Acts of states and officials that "in protest" says the reason of: no demonstration of its own.
OFFICIAL_ACTS = frozenset({"recall", "summon", "expel", "withdraw", "suspend", "cancel", "resign", "cut", "close",
                           "postpone", "freeze", "halt", "leave", "boycott", "quit"})


def _kind_or_predicate(ev: _Event) -> bool:
    """A trigger that describes something rather than tells a happening: a kind of person
    ("those who kill our soldiers", "anyone blocking highways"), or what something else is
    called or taken to be ("called the arrests a kidnapping", "condemned the strike as a
    massacre", "this was a massacre"). Read before coreference, so that no later mention takes
    it for an antecedent."""
    return _describes(ev.tokens[0])


def _describes(tok: Token) -> bool:
    head = tok.head
    if tok.dep_ in {"relcl", "acl"} and head.lower_ in GENERIC_PRONOUNS:
        # In the present: "those who kill", "anyone blocking"; "those injured" (past) are the
        # people a happening hurt.
        return tok.tag_ in {"VBZ", "VBP", "VBG", "VB"}
    if tok.pos_ != "NOUN" or tok.lemma_.lower() in AGENT_NOUNS:
        return False  # ("Navalny was a critic of Putin": an agent noun says who acts)
    if tok.lemma_.lower() == "protest" and tok.dep_ == "pobj" and head.lower_ == "in" \
            and head.head.lemma_.lower() in OFFICIAL_ACTS and not any(c.dep_ in {"det", "poss", "amod"} for c in tok.children):
        return True  # "recalled its ambassador in protest at ...": how another act was done (not "marched in protest")
    if tok.dep_ == "oprd":
        return True
    if tok.dep_ == "attr" and head.lemma_ == "be":
        # "it was their first meeting", "the deliveries are a threat to Europe" (an event
        # subject names the same happening: coreference._copular_identity joins the two first)
        return not any(c.dep_ == "expl" for c in head.children)  # not "there was an explosion"
    # "X as Y" on a verb that has X, or on X itself as the verb's object: Y is said of X.
    if tok.dep_ != "pobj" or head.lower_ != "as":
        return False
    host = head.head
    if host.pos_ == "VERB":
        return any(c.dep_ in {"dobj", "nsubjpass"} for c in host.children)
    return host.dep_ in {"dobj", "nsubjpass"}


def _generic_fillers(ev: _Event) -> bool:
    """A verb event whose every participant is a kind, not a party: "peace and security are
    threatened by countries that violate human rights"."""
    keys = [k for ks in ev.roles.values() for k in ks]
    # Only verbal acts (threats, statements, criticism): "killed civilians" is a happening.
    if event_classes()[ev.trig.event_class].quad_class not in (1, 3):
        return False
    if ev.trig.pos != "VERB" or not keys or any(not is_unnamed(k) for k in keys) or ev.place or ev.date:
        return False
    doc = ev.tokens[0].doc
    heads = [doc[unnamed_token(k)] for k in keys]
    return all(h.pos_ == "NOUN" and not any(c.dep_ in {"det", "nummod", "poss"} for c in h.children)
               and not any(c.pos_ == "PROPN" for c in h.children) for h in heads)


# Nouns that count a plural act in their "of" phrase ("a series of raids", "a wave of arrests").
SERIES_NOUNS = frozenset({"series", "wave", "spate", "string", "number", "round"})


def _counted(tok: Token) -> bool:
    """A number (not a date) counts the noun: "563 strikes", "at least 85 deaths"; or a noun of
    a series: "a series of raids", "a wave of arrests"."""
    return any(c.dep_ == "nummod" and c.ent_type_ != "DATE" for c in tok.children) or (
        tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in SERIES_NOUNS
        and tok.tag_ == "NNS")


def _happened(ev: _Event) -> bool:
    """A bare event noun the sentence says took place, whatever the word's ambiguity: counted
    ("563 strikes", "at least 85 deaths"), suffered or caused ("causing the deaths"), or the
    subject of occur/happen or of a continuing verb ("where the explosions occurred", "protests
    resumed")."""
    tok = ev.tokens[0]
    # (one mention; the verb that says it happened is part of it: "the explosions occurred")
    if ev.trig.pos != "NOUN" or any(t.i != tok.head.i for t in ev.tokens[1:]):
        return False
    if _counted(tok):
        return True
    if tok.dep_ in {"dobj", "obj"} and tok.head.lemma_ in HAPPENING_VERBS:
        return True
    return tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.lemma_ in HAPPENED_VERBS


# Foes that are no party: a fight or war against them is a policy, not a clash ("the fight
# against terrorism", "a war on drugs", "the battle against corruption").
ABSTRACT_FOES = frozenset({"terrorism", "terror", "extremism", "radicalism", "corruption", "poverty", "crime",
                           "drugs", "drug", "trafficking", "smuggling", "piracy", "impunity", "disease",
                           "hunger", "inflation", "illiteracy", "climate", "pandemic", "malaria", "cancer",
                           "misinformation", "disinformation", "racism", "discrimination", "fraud"})
# Triggers of such campaigns.
CAMPAIGN_WORDS = frozenset({"fight", "war", "battle", "struggle", "campaign", "combat"})


def _campaign(ev: _Event) -> bool:
    """"Somalia's fight against terrorism", "the war on drugs": a campaign against an
    abstract foe, not an armed clash (unless a mention names a party on the other side)."""
    for tok in mention_heads(ev):
        if tok.lemma_.lower() not in CAMPAIGN_WORDS:
            return False
        foes = [o for p in tok.children if p.dep_ == "prep" and p.lower_ in {"against", "on"}
                for o in p.children if o.dep_ == "pobj"]
        if not foes or not all(o.lemma_.lower() in ABSTRACT_FOES and not o.ent_type_ for o in foes):
            return False
    return bool(mention_heads(ev))


def _bare_statement(ev: _Event) -> bool:
    """A statement as such (CAMEO 010, "make statement, not specified below": "issued a
    statement", "held a news conference", "announced his candidacy") is no event node: what a
    statement says is reported speech (the events it tells carry ``ng:reportedBy``), and what
    it does is the event (``_vehicle``). On the development sets such nodes were 1 true and 6
    false positives (7 more matched only optional gold), on WikiEvents 3 false positives. So is
    declining to comment (011): no development gold marks it an event, WikiEvents counts it a
    false positive."""
    return ev.trig.event_class == "statement" and ev.trig.cameo in {event_classes()["statement"].cameo, "011"}


def _interview(ev: _Event, entities: dict) -> bool:
    """A meeting or call with a news organisation is an interview, not a contact between
    parties ("the commissioner spoke with Agence France-Presse"): what was said is reported
    speech, told by its own verbs."""
    if (ev.trig.cameo or "")[:2] != "04":
        return False
    parties = [k for ks in ev.roles.values() for k in ks if k in entities]
    return any(entities[k].type == "Organization" and news_outlet(entities[k].label) for k in parties)


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
