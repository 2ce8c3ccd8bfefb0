"""Argument rules of any trigger's prepositional phrases ("imposed sanctions on X", "talks
with Y", "in Kabul") and of places: where an event happens, on the governing verb or on an
argument, and the places the parse put in an actor's slot."""

from __future__ import annotations

from spacy.tokens import Token

from ..predicates import PATIENT, frame_of, journey_of_subject, obliques
from .argument_context import TARGET_PREPS, ArgContext, construction, trigger_frame
from .draft import is_unnamed
from .lexicon import ANSWER_CLASSES, PATIENT_POSSESSOR_CLASSES, VERBAL_QUADS, done_to_people

# The constructions of a trigger's direct arguments in its frame (its own clause's), on which
# the parser may hang the event's place.
DIRECT_VIAS = frozenset({"subject", "passive subject", "object", "dative", "attribute", "object predicate",
                         "small clause", "by-phrase"})
# Verbs of aiming: their "at" phrase is what is aimed at, not where ("fired at the boats").
AIMING_VERBS = frozenset({"fire", "shoot", "throw", "hurl", "aim", "launch", "lob"})
# Prepositions introducing co-participants ("summit with Lukashenko", "call with").
WITH_PREPS = frozenset({"with", "between", "among"})
# Prepositions whose object is what a joint act (talks, an agreement) is about.
TOPIC_PREPS = frozenset({"on", "about", "over"})
# Prepositions introducing the place of an event.
PLACE_PREPS = frozenset({"in", "at", "near", "on", "inside", "outside", "across", "throughout", "from"})
# Prepositions whose unnamed object is where the event happened ("at the market").
SITE_PREPS = frozenset({"in", "at", "near", "inside", "outside"})
# Nouns for where something happens ("on the Belarusian border"): a state that qualifies them
# is the event's place, not its target.
LOCATION_NOUNS = frozenset({"border", "frontier", "coast", "territory", "soil", "waters", "side", "region",
                            "airspace", "land", "area", "shore", "crossing", "checkpoint"})
# The constructions of a verb's own patients that are no undergoer of a territorial act: a
# small clause's subject and a predicate nominal say what something is, not what is done to it.
NON_UNDERGOING_VIAS = frozenset({"small clause", "object predicate", "attribute"})


def prepositions(ctx: ArgContext) -> None:
    """The trigger's prepositional phrases, and those of a multiword trigger's other words:
    "imposed sanctions on X" (also through the trigger's own preposition: "spoke by telephone
    with X"). Each object's keys go where ``_prep_key`` says."""
    ev, tok = ctx.ev, ctx.tok
    subjects = set(trigger_frame(tok).subjects(inherited=False)) if tok.pos_ in {"VERB", "AUX"} else set()
    for prep in [*tok.children, *(c for t in ev.tokens[1:] if tok.i in (t.head.i, t.head.head.i)
                                  for c in t.children)]:
        if prep.dep_ != "prep" and not (prep.dep_ == "dative" and prep.pos_ == "ADP"):
            continue  # (the parser labels "offered condolences to Turkey"'s "to" a dative)
        p = prep.lower_
        if p == "of" and prep.head.i != tok.i and done_to_people(prep.head.lemma_.lower()) \
                and ev.trig.event_class not in PATIENT_POSSESSOR_CLASSES:
            continue  # "demanded the release of X": X is whom the release frees, not whom the demand is aimed at
        if prep.head.i != tok.i and ev.trig.event_class in ANSWER_CLASSES:
            continue  # "blocked the EU's sanctions package against Russia": the phrase is the package's
        # "On Monday Hugo Chavez, President of Venezuela, criticized ...": the parser took the
        # subject into the phrase of time, which then says nothing but where
        absorbed = [t for t in prep.subtree if t.i in subjects]
        if absorbed:
            _absorbing_phrase(ctx, prep, absorbed[0])
            continue
        for obj in [c for c in prep.children if c.dep_ == "pobj"]:
            if obj.i != tok.i and obj.i not in {t.i for t in ev.tokens} and journey_of_subject(obj):
                continue  # "met Lula on a visit to Brazil": the phrase is the subject's journey, its own event
            keys, inside = _prep_object_keys(ctx, p, obj)
            for key in keys:
                _prep_key(ctx, p, obj, key, inside)


def _absorbing_phrase(ctx: ArgContext, prep: Token, subject: Token) -> None:
    """A fronted phrase that the parser ran the subject into ("In Caracas on Monday Hugo Chavez,
    President of Venezuela, criticized ..."): it says where, outside the subject's own words."""
    own = {t.i for t in subject.subtree}
    if ctx.ev.place is None and prep.lower_ in PLACE_PREPS:
        ctx.ev.place = next((ctx.ent_of[t.i] for t in prep.subtree if t.i not in own and t.i in ctx.ent_of
                             and ctx.is_place(ctx.ent_of[t.i])), None)


def _prep_object_keys(ctx: ArgContext, p: str, obj: Token) -> tuple[list[str], list[str]]:
    """The keys a preposition's object names, and those of them that only say where."""
    keys = ctx.fill(obj)
    inside: list[str] = []
    if p in PLACE_PREPS and not any(ctx.is_place(k) for k in keys):
        # "in the St. Petersburg metro", "at a market in Baghdad": a place named inside
        # the object's phrase beats the unnamed site.
        named = [c for c in obj.subtree if c.i in ctx.ent_of and ctx.is_place(ctx.ent_of[c.i])][:1]
        keys = [ctx.ent_of[c.i] for c in named] or keys
        # A state that owns the object is its target ("sanctions on Iran's national
        # carrier"); one that only qualifies it is where it happens ("swapped prisoners
        # on the Belarusian border" is not aimed at Belarus).
        inside = [ctx.ent_of[c.i] for c in named if c.dep_ != "poss"] \
            if obj.lemma_.lower() in LOCATION_NOUNS else []
    return keys, inside


def _prep_key(ctx: ArgContext, p: str, obj: Token, key: str, inside: list[str]) -> None:
    """Where one key of a prepositional object goes, the first case that fits: a place, an
    unnamed site, nothing (an unnamed object of a place or time preposition), a co-participant
    ("with"), a noun's agent ("by", "the demands of"), a target ("on", "against" ...)."""
    ev = ctx.ev
    free_place = ev.place is None or is_unnamed(ev.place)
    if p == "at" and ctx.tok.lemma_.lower() in AIMING_VERBS and not ctx.is_type(key, "Place"):
        ctx.add(ctx.undergoer_role, [key])  # "fired water cannon at two Philippine boats": aimed at them
    elif p == "from" and ev.trig.pos == "NOUN" and ctx.cls.quad_class in VERBAL_QUADS and not is_unnamed(key) \
            and not ctx.is_type(key, "Place"):
        ctx.add("agent", [key])  # "criticism from the observers", "condemnation from Moscow": theirs
    elif p == "from" and ev.trig.event_class == "expel" and ctx.is_type(key, "Country") \
            and not ev.roles.get("agent"):
        ctx.add("agent", [key])  # "two diplomats were expelled from Estonia": the state expels them
    elif key in inside:
        if free_place:
            ev.place = key
    elif p in PLACE_PREPS and ctx.is_place(key) and free_place and (
            p != "on" or ctx.entities[key].type == "Place"):
        ev.place = key
    elif is_unnamed(key) and p in SITE_PREPS and ev.place is None and obj.pos_ == "NOUN":
        ev.place = key  # "at a police training ground": an unnamed site
    elif is_unnamed(key) and p in PLACE_PREPS | {"during", "after", "before", "about", "over"}:
        return
    elif p in WITH_PREPS:
        ctx.add("participant", [key])
    elif (p in TOPIC_PREPS or p == "of" and ev.trig.event_class == "agreement") and ctx.symmetric:
        # "an agreement on the dam", "talks on Syria", "the Treaty of Alliance": what the parties
        # deal with, not a party
        return
    elif p == "by" and ev.trig.pos == "NOUN":
        ctx.add("agent", [key])
    elif p == "of" and ev.trig.pos == "NOUN" and ctx.cls.of_is_agent and not is_unnamed(key):
        ctx.add("agent", [key])  # "the demands of the African Union": theirs
    elif p == "to" and ev.trig.event_class in PATIENT_POSSESSOR_CLASSES:
        return  # where or to whom people are sent: "handed the detainees over to the Red Cross"
    elif p in TARGET_PREPS and not (ctx.is_place(key) and p in {"at", "on"} and ctx.entities[key].type == "Place"):
        ctx.add(ctx.undergoer_role, [key])


def place_on_governing_verb(ctx: ArgContext) -> None:
    """"began in Syria": a noun event's place may hang on the governing verb."""
    ev, tok = ctx.ev, ctx.tok
    if ev.place is None and ev.trig.pos == "NOUN" and tok.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass"}:
        for prep in tok.head.children:
            if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS - {"from"}:
                for obj in prep.children:
                    key = ctx.ent_of.get(obj.i)
                    if key and ctx.is_place(key):
                        ev.place = key
                        break


def place_on_an_argument(ctx: ArgContext) -> None:
    """PP attachment is the parser's weak spot: "attacked by the Taliban near Kandahar" hangs
    the place on an argument. A locative PP on a direct argument (an argument phrase of the
    trigger's own clause in its frame, ``DIRECT_VIAS``, or the object of one of its
    ``obliques``) is the event's place."""
    ev, tok = ctx.ev, ctx.tok
    if ev.place is not None:
        return
    frame = trigger_frame(tok) if ev.trig.pos == "VERB" else frame_of(tok)
    # (Not a relative pronoun's antecedent: it lies outside the clause, and its own phrases
    # are its own: "the academy in Bogota that killed 20 people".)
    own = [i for i in frame.phrases(only=DIRECT_VIAS) if tok.is_ancestor(tok.doc[i])] if frame is not None else []
    heads = sorted([*(tok.doc[i] for i in own), *(obj for _, obj in obliques(tok))], key=lambda t: t.i)
    for head in heads:
        for _, obj in obliques(head, PLACE_PREPS - {"from", "on"}):
            key = ctx.ent_of.get(obj.i)
            if key and ctx.is_type(key, "Place") and (ev.place is None or is_unnamed(ev.place)):
                ev.place = key


def _undergoing_territories(ctx: ArgContext) -> set[str]:
    """The named places an act done to a territory (its code in the class's column
    ``territory_undergoes``) is done to: a verb's object or passive subject (its own or the
    one its frame gives it: "the occupied Crimea"), a noun's "of" phrase ("the blockade of Gaza")."""
    if ctx.ev.trig.cameo not in ctx.cls.territory_undergoes:
        return set()
    tok = ctx.tok
    if ctx.ev.trig.pos == "NOUN":
        heads = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj"]
    else:
        frame = trigger_frame(tok) if ctx.ev.trig.pos == "VERB" else frame_of(tok)
        heads = [tok.doc[a.token] for a in frame.args if a.role == PATIENT
                 and construction(a) not in NON_UNDERGOING_VIAS] if frame is not None else []
    return {k for h in heads for k in ctx.fill(h, anonymous=False) if ctx.is_type(k, "Place")}


def places_do_not_act(ctx: ArgContext) -> None:
    """A place the parse put in an actor slot is the event's place, unless it is the territory
    an act is done to (:func:`_undergoing_territories`): that one stays the target."""
    ev = ctx.ev
    territories = _undergoing_territories(ctx) if ctx.target_role in ev.roles else set()
    for role in list(ev.roles):
        for key in list(ev.roles[role]):
            if ctx.is_type(key, "Place") and not (role == ctx.target_role and key in territories):
                ev.roles[role].remove(key)
                ev.place = ev.place or key
        if not ev.roles[role]:
            del ev.roles[role]
    if ev.place in territories and ev.place in ev.roles.get(ctx.target_role, []):
        ev.place = None  # what an act is done to is not also where it happens

