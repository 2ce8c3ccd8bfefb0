"""Arguments: who acts (agent), who is acted on (target, victim), who takes part
(participant) and where (place), read off the dependency parse around a trigger.

``_arguments`` runs the rules of ``RULES`` in order (the comment above ``RULES`` says why
the order matters); each is a small function of an :class:`ArgContext`. Who a noun phrase
names is fillers.py's business; casualty counts are casualties.py's."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.graph.model import PLACE_TYPES

from ..doccache import sentence_span, tokens
from ..predicates import AGENT, OBJECT_CONTROL_VERBS, PATIENT, SUPPORT_VERBS, frame_of
from .casualties import _casualties
from .draft import _add, _Event, _named, is_unnamed, unnamed_token
from .fillers import _fillers, _owners
from .lexicon import EventClass, event_classes, trigger_lexicon

# Subjects of a verb trigger: its agent (active voice).
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# Objects of a verb trigger: its target.
OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "nsubjpass", "attr", "oprd"})
# Dependents of a verb trigger that undergo it: what a territorial act is done to.
UNDERGOER_DEPS = frozenset({"dobj", "obj", "nsubjpass"})
# Modifiers of a noun trigger that name its agent ("Russia's support", "the Russian intervention").
NOUN_AGENT_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
# Prepositions introducing the target of an interaction ("support of Assad", "attack on").
TARGET_PREPS = frozenset({"of", "on", "against", "for", "at", "to", "toward", "towards", "upon", "into"})
# CAMEO quad classes of verbal acts (1 verbal cooperation, 3 verbal conflict): a noun of such
# an act names its author with "from" ("criticism from the observers").
VERBAL_QUADS = frozenset({1, 3})
# Prepositions introducing co-participants ("summit with Lukashenko", "call with").
WITH_PREPS = frozenset({"with", "between", "among"})
# Prepositions introducing the place of an event.
PLACE_PREPS = frozenset({"in", "at", "near", "on", "inside", "outside", "across", "throughout", "from"})
# Prepositions whose unnamed object is where the event happened ("at the market").
SITE_PREPS = frozenset({"in", "at", "near", "inside", "outside"})
# Verbs that carry a noun trigger without adding meaning ("hold a summit", "launch an attack"):
# the predicate layer's support verbs.
LIGHT_VERBS = SUPPORT_VERBS
# Words that make a noun event anaphoric ("this attack"): it may repeat an earlier event.
ANAPHORIC_DETS = frozenset({"this", "that", "the", "these", "those"})
# Nouns for an actor's act or stance ("backed the efforts of ECOWAS", "rejected Iran's
# demands"): as the object of an interaction, their owner is its target.
ACT_NOUNS = frozenset({"effort", "decision", "plan", "proposal", "policy", "measure", "move", "bid",
                       "initiative", "position", "stance", "demand", "call", "request", "offer", "claim",
                       "accusation", "action", "conduct", "behavior", "behaviour", "role", "program",
                       "programme", "ambition", "commitment", "approach", "strategy", "law", "election"})
# Verbs whose subject attack strikes their object ("the strikes targeted Pakistan").
AFFECTING_VERBS = frozenset({"target", "hit", "strike", "destroy", "damage", "wreck", "rock", "level",
                             "flatten"})
# Nouns for people of a state who do not stand for it ("Russia's opposition", "Iran's
# citizens"): a target they name is not the state.
GROUP_NOUNS_OF_PEOPLE = frozenset({"opposition", "people", "citizen", "citizens", "resident", "residents",
                                   "civilian", "civilians", "dissident", "dissidents", "protester",
                                   "protesters", "minority", "minorities", "critic", "critics"})
# Nouns for where something happens ("on the Belarusian border"): a state that qualifies them
# is the event's place, not its target.
LOCATION_NOUNS = frozenset({"border", "frontier", "coast", "territory", "soil", "waters", "side", "region",
                            "airspace", "land", "area", "shore", "crossing", "checkpoint"})
# Verbs of a gift's purpose whose object is its recipient ("to help Jordan").
HELPING_VERBS = frozenset({"help", "assist", "support", "aid", "enable", "allow"})


@dataclass(frozen=True, slots=True)
class ArgContext:
    """What every argument rule reads: the event being filled, its trigger token, the entity
    of each token and the entity records, and the two roles the class fills."""

    ev: _Event
    tok: Token
    ent_of: dict[int, str]
    entities: dict
    cls: EventClass  # how the event's class behaves (event_classes.tsv)

    @property
    def symmetric(self) -> bool:
        """A meeting or a fight: all parties are participants."""
        return self.cls.symmetric

    @property
    def target_role(self) -> str:
        """"victim" for classes whose undergoer is harmed (column undergoer), else "target"."""
        return self.cls.undergoer

    @property
    def victims(self) -> bool:
        return self.cls.undergoer == "victim"

    @property
    def actor_role(self) -> str:
        """The subject's side is "agent" while the rules run, also in a symmetric event
        (``symmetric_parties`` then makes it a participant on side 0)."""
        return "agent"

    @property
    def undergoer_role(self) -> str:
        return "participant" if self.symmetric else self.target_role

    def is_place(self, key: str) -> bool:
        return key in self.entities and self.entities[key].type in PLACE_TYPES

    def is_type(self, key: str, *types: str) -> bool:
        return self.entities.get(key) is not None and self.entities[key].type in types

    def fill(self, tok: Token, **kw: bool) -> list[str]:
        return list(_fillers(tok, self.ent_of, **kw))

    def add(self, role: str, keys: list[str]) -> None:
        _add(self.ev, role, keys)


# A rule adds what it finds to ``ctx.ev`` (roles, place) and returns nothing; a child rule
# returns (role, keys) for one child of a verb trigger, or None when the child is not its case.
Rule = Callable[[ArgContext], None]
ChildRule = Callable[[Token, ArgContext], "tuple[str, list[str]] | None"]


def _arguments(ev: _Event, tok: Token, ent_of: dict[int, str], entities: dict) -> None:
    """Fill ``ev``'s roles and place from the parse around ``tok``: every rule of ``RULES``, in order."""
    ctx = ArgContext(ev=ev, tok=tok, ent_of=ent_of, entities=entities, cls=event_classes()[ev.trig.event_class])
    for rule in RULES:
        rule(ctx)


# -- verb triggers ---------------------------------------------------------------------------
def _passive_agent(child: Token, ctx: ArgContext) -> tuple[str, list[str]] | None:
    """"was attacked by X"."""
    if child.dep_ != "agent":
        return None
    return "agent", [k for pobj in child.children if pobj.dep_ == "pobj" for k in ctx.fill(pobj)]


def _small_clause(child: Token, ctx: ArgContext) -> tuple[str, list[str]] | None:
    """Small clause: "hold Russia accountable", "found him guilty"."""
    if child.dep_ not in {"ccomp", "oprd"} or child.pos_ not in {"ADJ", "NOUN"}:
        return None
    return ctx.target_role, [k for sub in child.children if sub.dep_ in SUBJECT_DEPS for k in ctx.fill(sub)]


def _owned_act(child: Token, ctx: ArgContext) -> tuple[str, list[str]] | None:
    """"criticized Russia's support for Assad", "backed the efforts of ECOWAS": the act is aimed
    at whoever owns the act."""
    if child.dep_ in {"dobj", "obj"} and child.i not in ctx.ent_of and \
            ((child.lemma_.lower(), "NOUN") in trigger_lexicon() or child.lemma_.lower() in ACT_NOUNS) \
            and (owners := _owners(child, ctx.ent_of)):
        return ctx.target_role, owners
    return None


def _object(child: Token, ctx: ArgContext) -> tuple[str, list[str]] | None:
    """An object (or the subject of a passive): what the act is aimed at; a place as "attr" is not."""
    if child.dep_ not in OBJECT_DEPS:
        return None
    return ctx.undergoer_role, [k for k in ctx.fill(child) if not (ctx.is_place(k) and child.dep_ == "attr")]


# Tried in this order on each child of a verb trigger; the first that returns a result takes
# the child. The order matters where a child fits several: an owned act noun as object
# ("criticized Russia's support") gives its owner, not the act, as the target.
VERB_CHILD_RULES: tuple[ChildRule, ...] = (_passive_agent, _small_clause, _owned_act, _object)


def verb_children(ctx: ArgContext) -> None:
    """Passive agents, small clauses and objects of a verb trigger (VERB_CHILD_RULES)."""
    if ctx.ev.trig.pos != "VERB":
        return
    for child in ctx.tok.children:
        for rule in VERB_CHILD_RULES:
            found = rule(child, ctx)
            if found is not None:
                ctx.add(*found)
                break


def frame_subject(ctx: ArgContext) -> None:
    """A verb's (or predicative adjective's) subject, its own or the one it inherits, read from
    the predicate layer (extract/predicates): relative and participial clauses ("militants
    attacking the base"), control ("Russia vowed to attack", "urged the junta to release"),
    coordinated verbs and participle clauses ("X declared ... and called Y"); an inherited
    passive subject is the undergoer ("the man arrested", "was arrested and charged")."""
    if ctx.ev.trig.pos == "NOUN" or ctx.ev.trig.pos == "ADJ" and ctx.victims:
        return
    frame = frame_of(ctx.tok)
    if frame is None:
        return
    doc = ctx.tok.doc
    for arg in frame.args:
        if arg.role == AGENT and not arg.via.startswith("by-phrase"):
            ctx.add(ctx.actor_role, ctx.fill(doc[arg.token]))
        elif arg.role == PATIENT and not arg.via.startswith(("object", "passive subject")):
            ctx.add(ctx.undergoer_role, ctx.fill(doc[arg.token]))


def frame_noun_agent(ctx: ArgContext) -> None:
    """A noun trigger's agent through a support verb the light-verb rule does not reach: the
    verb's inherited subject ("vowed to launch an offensive", "the arrests made by police")."""
    ev = ctx.ev
    if ev.trig.pos != "NOUN" or ev.roles.get("agent") and not ctx.symmetric:
        return
    frame = frame_of(ctx.tok)
    for arg in frame.args if frame is not None else ():
        if arg.role == AGENT and arg.via.startswith("support verb"):
            ctx.add(ctx.actor_role, ctx.fill(ctx.tok.doc[arg.token]))


def verb_casualties(ctx: ArgContext) -> None:
    """"killed eleven people": the count of a verb's object (see casualties.py)."""
    if ctx.ev.trig.pos == "VERB":
        _casualties(ctx.ev, ctx.tok)


# -- noun (and adjective) triggers -----------------------------------------------------------
def predicated_victims(ctx: ArgContext) -> None:
    """"left 20 people dead", "the dead soldiers", "shot him to death", "X was wounded": who
    died is what the adjective or noun is predicated of."""
    tok = ctx.tok
    if ctx.ev.trig.pos == "VERB" or not ctx.victims:
        return
    head = tok.head
    if tok.dep_ in {"oprd", "ccomp", "xcomp", "acomp"} or (tok.dep_ == "pobj" and head.lower_ == "to"):
        verb = head.head if tok.dep_ == "pobj" else head
        for child in verb.children:
            if child.dep_ in {"dobj", "obj", "nsubjpass"} or (child.dep_ == "nsubj" and verb.lemma_ == "be"):
                ctx.add(ctx.target_role, ctx.fill(child))
    elif tok.dep_ == "amod" and head.pos_ == "NOUN":
        ctx.add(ctx.target_role, ctx.fill(head))


def noun_modifiers(ctx: ArgContext) -> None:
    """Named modifiers before a noun trigger: a place is where ("the St. Petersburg bombing"),
    a person's possessive undergoes some acts ("Bazoum's release"), a demonym of deaths is
    whose ("Syrian deaths"), any other is the agent ("Russia's support", "the Russian invasion")."""
    ev, tok = ctx.ev, ctx.tok
    if ev.trig.pos == "VERB":
        return
    pronouns = tok.doc._.ng_pronouns or {}
    for child in tok.children:
        if child.dep_ not in NOUN_AGENT_DEPS or child.i > tok.i:
            continue
        key = ctx.ent_of.get(child.i) or pronouns.get(child.i)
        if key is None:
            continue
        if ctx.is_type(key, "Place"):
            ev.place = ev.place or key  # "the St. Petersburg bombing"
        elif child.dep_ == "poss" and ctx.cls.possessor_undergoes and ctx.is_type(key, "Person"):
            ctx.add(ctx.target_role, [key])  # "Bazoum's release", "Navalny's arrest": who undergoes it
        elif child.dep_ in {"amod", "compound"} and ctx.victims:
            ctx.add(ctx.target_role, [key])  # "Afghan civilian casualties", "Syrian deaths": whose
        else:
            ctx.add(ctx.actor_role, [key])


def relative_light_verb(ctx: ArgContext) -> None:
    """"the sanctions that ECOWAS imposed on Niger": the relative clause's subject acts, its
    "on"/"against" phrase is the target."""
    if ctx.ev.trig.pos == "VERB":
        return
    for rel in ctx.tok.children:
        if rel.dep_ == "relcl" and rel.pos_ == "VERB" and rel.lemma_.lower() in LIGHT_VERBS | {"impose"}:
            for child in rel.children:
                if child.dep_ in SUBJECT_DEPS:
                    ctx.add(ctx.actor_role, ctx.fill(child))
                elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS - {"of", "for", "at"}:
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            ctx.add(ctx.undergoer_role, ctx.fill(obj))


def affecting_verb_object(ctx: ArgContext) -> None:
    """"563 strikes targeted Pakistan", "the blast hit a market": the verb's object is what
    the attack struck ("a total of N strikes" too)."""
    tok = ctx.tok
    if ctx.ev.trig.pos == "VERB":
        return
    subj = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok
    if subj.dep_ == "nsubj" and subj.head.lemma_ in AFFECTING_VERBS and ctx.cls.coref_family == "attack":
        for child in subj.head.children:
            if child.dep_ in {"dobj", "obj"}:
                ctx.add(ctx.target_role, ctx.fill(child))


def suffered_harm(ctx: ArgContext) -> None:
    """"13 people suffered injuries": who suffers them is the victim."""
    tok, head = ctx.tok, ctx.tok.head
    if ctx.ev.trig.pos != "VERB" and tok.dep_ in {"dobj", "obj"} and \
            head.lemma_ in {"suffer", "sustain", "receive"} and ctx.victims:
        for child in head.children:
            if child.dep_ in SUBJECT_DEPS:
                ctx.add("victim", ctx.fill(child))


def _light_object(tok: Token) -> Token:
    """The noun a light verb governs: "approved asset freezes and travel bans": the bans are approved too."""
    obj = tok
    while obj.dep_ == "conj" and obj.head.i != obj.i and obj.head.pos_ == "NOUN":
        obj = obj.head
    return obj


def light_verb_subject(ctx: ArgContext) -> None:
    """Light verb: "X held a summit", "X launched an attack", "X blamed Y and launched an
    attack" (the subject of a coordinated light verb is the first verb's)."""
    if ctx.ev.trig.pos == "VERB":
        return
    obj = _light_object(ctx.tok)
    head = obj.head
    if obj.dep_ in {"dobj", "obj"} and (head.lemma_.lower() in LIGHT_VERBS or
                                        head.lemma_.lower() in ctx.cls.made_by):
        node = head
        while True:
            subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
            if subjects or node.dep_ not in {"conj", "xcomp"} or node.head.i == node.i:
                break
            node = node.head
        for child in subjects:
            ctx.add(ctx.actor_role, ctx.fill(child))


def claimed_attack(ctx: ArgContext) -> None:
    """"al Shabaab claimed (responsibility for) the attack": who claims an attack made it.
    (Not "claimed both attacks": a plural sums up several events, each with its own node.)"""
    tok = ctx.tok
    if ctx.ev.trig.pos == "VERB":
        return
    obj = _light_object(tok)
    claim = obj.head if obj.dep_ in {"dobj", "obj"} else None
    if tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_ in {"responsibility", "credit"} \
            and tok.head.head.dep_ in {"dobj", "obj"}:
        claim = tok.head.head.head
    if claim is not None and claim.lemma_ == "claim" and ctx.cls.coref_family == "attack" and tok.tag_ != "NNS":
        for child in claim.children:
            if child.dep_ in SUBJECT_DEPS:
                ctx.add("agent", [k for k in ctx.fill(child) if not is_unnamed(k)])


# -- any trigger: prepositions, places, and repairs --------------------------------------------
def prepositions(ctx: ArgContext) -> None:
    """The trigger's prepositional phrases, and those of a multiword trigger's other words:
    "imposed sanctions on X" (also through the trigger's own preposition: "spoke by telephone
    with X"). Each object's keys go where ``_prep_key`` says."""
    ev, tok = ctx.ev, ctx.tok
    for prep in [*tok.children, *(c for t in ev.tokens[1:] if tok.i in (t.head.i, t.head.head.i)
                                  for c in t.children)]:
        if prep.dep_ != "prep":
            continue
        p = prep.lower_
        for obj in [c for c in prep.children if c.dep_ == "pobj"]:
            keys, inside = _prep_object_keys(ctx, p, obj)
            for key in keys:
                _prep_key(ctx, p, obj, key, inside)


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
    if p == "from" and ev.trig.pos == "NOUN" and ctx.cls.quad_class in VERBAL_QUADS and not is_unnamed(key) \
            and not ctx.is_type(key, "Place"):
        ctx.add("agent", [key])  # "criticism from the observers", "condemnation from Moscow": theirs
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
    elif p == "by" and ev.trig.pos == "NOUN":
        ctx.add("agent", [key])
    elif p == "of" and ev.trig.pos == "NOUN" and ctx.cls.of_is_agent and not is_unnamed(key):
        ctx.add("agent", [key])  # "the demands of the African Union": theirs
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
    the place on an argument. A locative PP on a direct argument is the event's place."""
    ev = ctx.ev
    if ev.place is not None:
        return
    for arg in ctx.tok.children:
        heads = [arg] if arg.dep_ in OBJECT_DEPS | SUBJECT_DEPS else \
            [c for c in arg.children if c.dep_ == "pobj"] if arg.dep_ in {"agent", "prep"} else []
        for head in heads:
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS - {"from", "on"}:
                    for obj in prep.children:
                        key = ctx.ent_of.get(obj.i)
                        if key and ctx.is_type(key, "Place") and (ev.place is None or is_unnamed(ev.place)):
                            ev.place = key


def threat_condition(ctx: ArgContext) -> None:
    """"warned that they could trigger sanctions if Iran does not curb ...": the threat is
    aimed at the subject of its condition."""
    ev = ctx.ev
    if ev.trig.event_class != "threaten" or ev.roles.get("target") or ev.trig.pos != "VERB":
        return
    for cond in ctx.tok.subtree:
        if cond.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in cond.children):
            for child in cond.children:
                if child.dep_ in SUBJECT_DEPS:
                    ctx.add("target", [k for k in ctx.fill(child) if not is_unnamed(k)])


def _gift_without_recipient(ctx: ArgContext) -> bool:
    ev = ctx.ev
    return ctx.cls.recipient_to and ev.trig.pos == "VERB" and not _named(ev, "target")


def gift_recipient_to(ctx: ArgContext) -> None:
    """"pledged 120 million dollars in aid to Bangladesh": the recipient's "to" phrase often
    hangs on the object's phrase rather than on the verb."""
    if not _gift_without_recipient(ctx):
        return
    for prep in _phrase_preps(ctx.tok, "to"):
        keys = [k for o in prep.children if o.dep_ == "pobj" for k in ctx.fill(o, anonymous=False)
                if not ctx.is_type(k, "Place")]
        if keys:
            ctx.add(ctx.target_role, keys)
            break


def gift_helped(ctx: ArgContext) -> None:
    """"pledged $450 million to help Jordan (cover the cost)": whom the gift is to help."""
    if not _gift_without_recipient(ctx):
        return
    for purpose in ctx.tok.children:
        if purpose.dep_ in {"advcl", "xcomp"} and purpose.lemma_ in HELPING_VERBS:
            helped = [c for c in purpose.children if c.dep_ in {"dobj", "obj"}] or \
                [s for c in purpose.children if c.dep_ in {"ccomp", "xcomp"} for s in c.children
                 if s.dep_ in SUBJECT_DEPS]
            ctx.add(ctx.target_role, [k for h in helped for k in ctx.fill(h, anonymous=False)
                                      if not ctx.is_type(k, "Place")])


def owned_target_is_state(ctx: ArgContext) -> None:
    """"sanctions on Iran's national carrier", "shelled Ukraine's power stations": an unnamed
    target a state owns stands for that state, as CAMEO codes state property and organs."""
    ev = ctx.ev
    for role in ("target", "victim"):
        for key in list(ev.roles.get(role, [])):
            if is_unnamed(key):
                noun = ctx.tok.doc[unnamed_token(key)]
                states = [ctx.ent_of[c.i] for c in noun.children if c.dep_ == "poss" and c.i in ctx.ent_of
                          and ctx.is_type(ctx.ent_of[c.i], "Country")]
                if states and noun.lemma_.lower() not in GROUP_NOUNS_OF_PEOPLE:
                    ev.roles[role].remove(key)
                    ctx.add(role, states)


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
        frame = frame_of(tok)
        heads = [c for c in tok.children if c.dep_ in UNDERGOER_DEPS] + \
            ([tok.doc[a.token] for a in frame.args if a.role == PATIENT] if frame is not None else [])
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


def symmetric_parties(ctx: ArgContext) -> None:
    """In a symmetric event everyone is a participant: the agents found by the rules (the
    subject's side) join them on side 0, the others ("with C", the object) are side 1."""
    ev = ctx.ev
    if ctx.symmetric and "agent" in ev.roles:
        agents, others = ev.roles.pop("agent"), ev.roles.pop("participant", [])
        ev.sides.update({k: 0 for k in agents})
        ev.sides.update({k: 1 for k in others if k not in ev.sides})
        ctx.add("participant", agents)
        ctx.add("participant", others)


def symmetric_counterpart(ctx: ArgContext) -> None:
    """"a day when he was there holding a summit with Y": with fewer than two named parties,
    the nearest person, state or organisation subject (or possessive) before the trigger in the
    sentence is the other participant. (Not for "the truce", "this meeting": they repeat an
    event whose parties are known.)"""
    ev, tok = ctx.ev, ctx.tok
    if not ctx.symmetric or len([k for k in ev.roles.get("participant", []) if not is_unnamed(k)]) >= 2 or \
            any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in tok.children):
        return
    pronouns = tok.doc._.ng_pronouns or {}
    first, _ = sentence_span(tok)
    for cand in reversed(tokens(tok.doc)[first:tok.i]):
        key = ctx.ent_of.get(cand.i) or pronouns.get(cand.i)
        if cand.dep_ in {"nsubj", "poss"} and key and ctx.is_type(key, "Person", "Country", "Organization"):
            # (the side the found parties are not on)
            found = [ev.sides.get(k, 1) for k in ev.roles.get("participant", []) if not is_unnamed(k)]
            # With no party at all, a coordinated subject is every party ("India and China
            # planned ... in the talks"): one side, so all pairs. (Not when the trigger is the
            # subject of a clause of its own: "..., although talks have stalled".)
            keys = [key] if found or tok.dep_ in {"nsubj", "nsubjpass"} else \
                [k for k in ctx.fill(cand, anonymous=False) if ctx.is_type(k, "Person", "Country", "Organization")]
            for k in keys:
                ev.sides.setdefault(k, 0 if 1 in found or not found else 1)
            ctx.add("participant", keys)
            break


# The rules of ``_arguments``, tried in this order on every trigger (each checks whether it
# applies: verb rules, noun rules, then rules for any trigger). The order matters:
#  - rules add keys with ``_add``, which keeps a key in the first role it was given, so the
#    parse's direct arguments (subjects, objects, modifiers) win over prepositional phrases;
#  - the place rules fill ``ev.place`` only while it is empty (or an unnamed site), so a
#    place named in a prepositional phrase wins over one hanging on the governing verb or on
#    an argument, and those over the place found by ``places_do_not_act``;
#  - the rules of gifts and threats run only when the earlier rules found no named target;
#  - the repairs come last: an owned unnamed target becomes its state, places leave the actor
#    roles, a symmetric event's agents become participants, and only then is a missing
#    counterpart looked for (it counts the named participants the others found).
RULES: tuple[Rule, ...] = (
    frame_subject, verb_children, verb_casualties,
    predicated_victims, noun_modifiers, relative_light_verb, affecting_verb_object, suffered_harm,
    light_verb_subject, frame_noun_agent, claimed_attack,
    prepositions, place_on_governing_verb, place_on_an_argument,
    threat_condition, gift_recipient_to, gift_helped,
    owned_target_is_state, places_do_not_act, symmetric_parties, symmetric_counterpart,
)


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
