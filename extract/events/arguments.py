"""Arguments: who acts (agent), who is acted on (target, victim), who takes part
(participant) and where (place), read off the predicate layer and the dependency parse around
a trigger.

``_arguments`` runs the rules of ``RULES`` in order (the comment above ``RULES`` says why
the order matters); each is a small function of an :class:`ArgContext`
(argument_context.py). The rules live by family: verb_arguments.py, noun_arguments.py,
preposition_arguments.py, and here the repairs that run last. Who a noun phrase names is
fillers.py's business; casualty counts are casualties.py's."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.graph.iri import slug

from .. import gazetteer
from ..doccache import sentence_span, tokens
from ..predicates import AGENT
from ..predicates.frames import ELABORATION_MARKS
from ..predicates.speech import SAID_THROUGH
from ..predicates.verb_classes import REPORTING_VERBS
from .argument_context import ArgContext, Rule, trigger_frame
from .blame import blame_bearer
from .draft import _Event, is_unnamed, unnamed_key, unnamed_token
from .fillers import _fillers
from .lexicon import APPEAL_ROOTS, done_to_people, event_classes
from .noun_arguments import (affecting_verb_object, agent_noun, behind_act, claimed_attack, drawn_reaction,
                             frame_noun_agent, light_verb_subject, noun_modifiers, predicated_victims, purpose_object,
                             relative_light_verb, suffered_harm)
from .preposition_arguments import place_on_an_argument, place_on_governing_verb, places_do_not_act, prepositions
from .verb_arguments import (frame_subject, gift_helped, gift_recipient_to, threat_condition, verb_casualties,
                             verb_children)

# Words that make a noun event anaphoric ("this attack"): it may repeat an earlier event.
ANAPHORIC_DETS = frozenset({"this", "that", "the", "these", "those"})
# Nouns for people of a state who do not stand for it ("Russia's opposition", "Iran's
# citizens"): a target they name is not the state.
GROUP_NOUNS_OF_PEOPLE = frozenset({"opposition", "people", "citizen", "citizens", "resident", "residents",
                                   "civilian", "civilians", "dissident", "dissidents", "protester",
                                   "protesters", "minority", "minorities", "critic", "critics"})


def _arguments(ev: _Event, tok: Token, ent_of: dict[int, str], entities: dict) -> None:
    """Fill ``ev``'s roles and place from the parse around ``tok``: every rule of ``RULES``, in order."""
    ctx = ArgContext(ev=ev, tok=tok, ent_of=ent_of, entities=entities, cls=event_classes()[ev.trig.event_class])
    for rule in RULES:
        rule(ctx)


# Things a state owns that a demonym names as the state's ("Israeli ports", "Russian
# refineries"): an attack on them is an attack on the state. (Not people: "Afghan civilians"
# are no state.)
STATE_PROPERTY = frozenset({"port", "refinery", "airport", "airbase", "base", "embassy", "consulate", "ship",
                            "vessel", "warship", "aircraft", "jet", "plane", "drone", "infrastructure",
                            "facility", "installation", "pipeline", "power", "station", "plant", "city",
                            "town", "village", "territory", "position", "outpost", "checkpoint", "border",
                            "boat", "patrol", "convoy", "oil", "gas"})


# What an attack aims at that is a party's by its compound ("Islamic State targets", "Taliban
# positions", "Hezbollah strongholds").
PARTY_SITES = frozenset({"target", "stronghold", "hideout", "camp", "headquarters", "compound", "depot",
                         "position", "outpost", "barracks", "territory", "office", "residence"})
# Participles that say whose a site is: "a camp belonging to the JEM", "territory held by the
# rebels", "a Hamas-run school", "Houthi-controlled ports".
OWNING_PARTICIPLES = frozenset({"belong", "hold", "held", "control", "controlled", "run", "own", "owned",
                                "occupy", "occupied"})


def owned_target_is_state(ctx: ArgContext) -> None:
    """"sanctions on Iran's national carrier", "shelled Ukraine's power stations", "will strike
    Israeli ports", "a US base", "Islamic State targets": an unnamed target a state owns (its
    possessive, or its demonym on a thing) or a party names as its own (a compound on its base
    or site) stands for that party, as CAMEO codes state property and organs."""
    ev = ctx.ev
    for role in ("target", "victim"):
        for key in list(ev.roles.get(role, [])):
            if is_unnamed(key):
                noun = ctx.tok.doc[unnamed_token(key)]
                states = [ctx.ent_of[c.i] for c in noun.children if c.i in ctx.ent_of
                          and (c.dep_ == "poss" or c.dep_ == "amod" and noun.lemma_.lower() in STATE_PROPERTY)
                          and ctx.is_type(ctx.ent_of[c.i], "Country")]
                # "a US base", "Islamic State targets", "Taliban positions": any party's own
                states += [ctx.ent_of[c.i] for c in noun.children if c.dep_ == "compound" and c.i in ctx.ent_of
                           and noun.lemma_.lower() in STATE_PROPERTY | PARTY_SITES
                           and ctx.is_type(ctx.ent_of[c.i], "Country", "Organization", "Group")]
                if noun.lemma_.lower() in STATE_PROPERTY | PARTY_SITES:
                    states += _site_holders(noun, ctx)
                if states and noun.lemma_.lower() not in GROUP_NOUNS_OF_PEOPLE:
                    ev.roles[role].remove(key)
                    ctx.add(role, states)


def _site_holders(noun: Token, ctx: ArgContext) -> list[str]:
    """Who a participle says holds a site: "a camp belonging to the JEM", "towns held by the
    rebels" (its "to" or "by" phrase), "Hamas-run schools" (the party hyphened to it)."""
    out: list[str] = []
    for part in noun.children:
        if part.dep_ not in {"acl", "amod"} or part.lemma_.lower() not in OWNING_PARTICIPLES \
                and part.lower_ not in OWNING_PARTICIPLES:
            continue
        for c in part.children:
            if c.dep_ in {"prep", "agent"} and c.lower_ in {"to", "by"}:
                out += [k for o in c.children if o.dep_ == "pobj" for k in _fillers(o, ctx.ent_of, anonymous=False)]
            elif c.dep_ in {"npadvmod", "compound", "nmod"} and c.i in ctx.ent_of:
                out.append(ctx.ent_of[c.i])
    return out


def trigger_noun_owner(ctx: ArgContext) -> None:
    """"closed the Russian consulate", "expelled Iran's ambassador" when the noun is part of the
    trigger ("close" + "consulate"): whose the noun is, when not the agent's own ("closed its
    embassy"), is the act's target."""
    ev = ctx.ev
    if ev.roles.get(ctx.target_role) or ev.trig.pos != "VERB":
        return
    agents = set(ev.roles.get("agent", []))
    for noun in ev.tokens[1:]:
        if noun.pos_ != "NOUN" or noun.head.i != ev.tokens[0].i or done_to_people(noun.lemma_.lower()):
            continue  # (whose release is demanded is not whom the demand is aimed at)
        owners = [ctx.ent_of[c.i] for c in noun.children if c.dep_ in {"poss", "amod", "compound"}
                  and c.i in ctx.ent_of and ctx.is_type(ctx.ent_of[c.i], "Country", "Organization")]
        owners += [k for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                   for o in p.children if o.dep_ == "pobj" for k in ctx.fill(o) if not is_unnamed(k)]
        owners = [k for k in owners if k not in agents]
        if owners:
            ctx.add(ctx.target_role, owners)


def demanded_of_clause_subject(ctx: ArgContext) -> None:
    """"demanding that Israel halt its offensive", "urged that Serbia withdraw": a demand or an
    appeal is aimed at the subject of the clause that says what is asked for; not at a passive
    subject, which undergoes the act asked of someone else ("demanded that the Chinese vessel be
    released": whoever holds it)."""
    ev = ctx.ev
    if ev.trig.pos != "VERB" or (ev.trig.cameo or "")[:2] not in APPEAL_ROOTS or ev.roles.get(ctx.target_role):
        return
    agents = set(ev.roles.get("agent", []))
    for clause in ctx.tok.children:
        if clause.dep_ == "ccomp":
            for subject in (c for c in clause.children if c.dep_ == "nsubj"):
                ctx.add(ctx.target_role, [k for k in ctx.fill(subject) if not is_unnamed(k) and k not in agents])


def named_among(ctx: ArgContext) -> None:
    """"Ibrahim Sahin was among the 40 people arrested", "Among those killed was a Briton": the
    one said to be among the unnamed people an act was done to is one of them."""
    ev = ctx.ev
    for role in ("target", "victim"):
        for key in [k for k in ev.roles.get(role, []) if is_unnamed(k)]:
            noun = ctx.tok.doc[unnamed_token(key)]
            if noun.dep_ == "pobj" and noun.head.lower_ == "among" and noun.head.head.lemma_ == "be":
                for subj in (c for c in noun.head.head.children if c.dep_ in {"nsubj", "attr"}):
                    ctx.add(role, [k for k in ctx.fill(subj) if not is_unnamed(k)])


# Explosive devices and munitions: what kills or wounds as the subject or by-phrase of a
# casualty verb is the attack itself ("were killed by a roadside bomb", "a shell wounded two").
DEVICE_NOUNS = frozenset({"bomb", "bombs", "explosive", "explosives", "device", "ied", "mine", "landmine", "rocket",
                          "missile", "shell", "grenade", "mortar", "drone"})


def device_mention(ctx: ArgContext) -> None:
    """"Two Americans were killed by a roadside bomb": the device that did it names the
    attack the deaths belong to; it becomes a mention of the event (no one's agent)."""
    ev, tok = ctx.ev, ctx.tok
    if tok.pos_ != "VERB" or ctx.cls.casualties is None:
        return
    frame = trigger_frame(tok)
    for i in frame.phrases(AGENT, only={"subject", "by-phrase"}):
        if tok.doc[i].lemma_.lower() in DEVICE_NOUNS and tok.doc[i] not in ev.tokens:
            ev.tokens.append(tok.doc[i])
            if unnamed_key(i) in ev.roles.get("agent", []):
                ev.roles["agent"].remove(unnamed_key(i))
                if not ev.roles["agent"]:
                    del ev.roles["agent"]


# Nouns of a state's envoys: acts on them (recall, expel, summon) are acts on the ties
# between the sending and the receiving state.
ENVOY_NOUNS = frozenset({"ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats", "chargé",
                         "charge", "d'affaires", "consul", "emissary"})
# Prepositions of an envoy's posting: "ambassador to Mexico", "envoy in Israel", "withdrew its
# envoy from Togo" (on the verb).
POSTING_PREPS = frozenset({"to", "in", "at"})


def envoy_posting(ctx: ArgContext) -> None:
    """An act on an envoy is an act on the other state: "Egypt recalled its ambassador to
    Israel" targets Israel (the posting), "Poland expelled the Russian ambassador" targets
    Russia (the sender); the envoy named ("Ali Said, the ambassador in Tel Aviv, was
    recalled") takes part, and his own state is not the target: it acts, when he is posted."""
    ev, tok = ctx.ev, ctx.tok
    envoy = next((t for t in ev.tokens[1:] if t.lower_ in ENVOY_NOUNS), None)  # (lower_: "Ambassador" too)
    if envoy is None or tok.pos_ != "VERB":
        return
    agents = set(ev.roles.get("agent", []))
    posts = [o for p in envoy.children if p.dep_ == "prep" and p.lower_ in POSTING_PREPS
             for o in p.children if o.dep_ == "pobj"]
    posts += [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "from" for o in p.children
              if o.dep_ == "pobj"]
    # (a capital as its state only for a recall: "summoned the Chadian ambassador in Berlin" is
    # the host's own act on a foreign envoy)
    recall = ev.trig.event_class == "reduce_relations"
    posting = [_capital_state(ctx, k) if recall else k for o in posts for k in ctx.fill(o, anonymous=False)]
    posting = [k for k in posting if k and ctx.is_type(k, "Country", "Organization") and k not in agents]
    targets = ev.roles.get("target", [])
    people = [k for k in targets if ctx.is_type(k, "Person")]
    kept = [k for k in targets if k not in agents and k not in people and k not in posting]
    senders: list[str] = []
    if posting:
        # An envoy posted abroad is recalled by his own state ("decided to withdraw the
        # Egyptian ambassador in Israel"): the state that owns him acts.
        senders = [k for k in kept if ctx.is_type(k, "Country")]
        kept = [k for k in kept if k not in senders]
    elif ev.trig.event_class != "reduce_relations":  # (a recall's own state is its agent already)
        # A foreign envoy summoned or expelled: his state ("summoned Chinese Ambassador Zhou").
        owners = ctx.fill(envoy, anonymous=False) + [ctx.ent_of[c.i] for c in envoy.children
                                                     if c.dep_ in {"poss", "amod"} and c.i in ctx.ent_of]
        kept += [k for k in dict.fromkeys(owners) if ctx.is_type(k, "Country") and k not in agents and k not in kept]
    ev.roles["target"] = list(dict.fromkeys(posting + kept))
    if not ev.roles["target"]:
        del ev.roles["target"]
    ctx.add("agent", senders)
    ctx.add("participant", people)


def _capital_state(ctx: ArgContext, key: str) -> str | None:
    """An envoy's posting: a state or body as it is, a national capital as its state ("its
    ambassador to Tehran": Iran), when the article names that state."""
    if not ctx.is_type(key, "Place"):
        return key
    country = gazetteer.country_by_capital(ctx.entities[key].label)
    state = slug(country.name) if country is not None else None
    return state if state in ctx.entities else None


def symmetric_parties(ctx: ArgContext) -> None:
    """In a symmetric event everyone is a participant: the agents found by the rules (the
    subject's side) join them on side 0, the others ("with C", the object) are side 1."""
    ev = ctx.ev
    if ctx.symmetric and "agent" in ev.roles:
        agents, others = ev.roles.pop("agent"), ev.roles.pop("participant", [])
        listed = _elaborated_side(ctx, agents) if not others else set()
        ev.sides.update({k: 1 if k in listed else 0 for k in agents})
        ev.sides.update({k: 1 for k in others if k not in ev.sides})
        ctx.add("participant", agents)
        ctx.add("participant", others)


def _elaborated_side(ctx: ArgContext, agents: list[str]) -> set[str]:
    """"Iran and the E3 - Britain, France and Germany - resumed talks": the members a dash sets
    off as a group's list are one side, facing the other conjuncts, not each other."""
    for tok in ctx.tok.sent:
        if tok.dep_ == "conj" and any(c.text in ELABORATION_MARKS and c.i < tok.i for c in tok.children) \
                and any(c.dep_ in {"compound", "nmod", "amod"} and c.i < tok.i for c in tok.children):
            members = {ctx.ent_of[t.i] for t in [tok, *tok.conjuncts] if t.i >= tok.i and t.i in ctx.ent_of}
            if members and set(agents) - members:
                return members
    return set()


# Verbs whose subject tells of what the sentence reports, not takes part in it ("what Reuters
# describes as a crisis", "X said").
SOURCE_VERBS = (REPORTING_VERBS - SAID_THROUGH) | {"describe", "call", "report"}


def symmetric_counterpart(ctx: ArgContext) -> None:
    """"a day when he was there holding a summit with Y": with fewer than two named parties,
    the nearest person, state or organisation subject (or possessive) before the trigger in the
    sentence is the other participant. (Not for "the truce", "this meeting": they repeat an
    event whose parties are known.)"""
    ev, tok = ctx.ev, ctx.tok
    if not ctx.symmetric or len([k for k in ev.roles.get("participant", []) if not is_unnamed(k)]) >= 2 or \
            any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in tok.children):
        return
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None) if tok.pos_ == "VERB" else None
    if subject is not None and subject.pos_ == "NOUN" and not any(
            c.dep_ == "det" and c.lower_ in {"the", "these", "those", "both"} for c in subject.children):
        return  # "X wins a term as police clash with protesters": a verb with a party of its own
        # (but "the ministers agreed": a description that refers back to the parties)
    pronouns = tok.doc._.ng_pronouns or {}
    first, _ = sentence_span(tok)
    for cand in reversed(tokens(tok.doc)[first:tok.i]):
        key = ctx.ent_of.get(cand.i) or pronouns.get(cand.i)
        if cand.dep_ == "nsubj" and cand.head.lemma_ in SOURCE_VERBS:
            break  # "what Reuters describes as ...": who tells of it is no party to it
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
    light_verb_subject, frame_noun_agent, claimed_attack, behind_act, drawn_reaction,
    prepositions, purpose_object, place_on_governing_verb, place_on_an_argument,
    threat_condition, gift_recipient_to, gift_helped,
    owned_target_is_state, trigger_noun_owner, demanded_of_clause_subject, named_among, envoy_posting, blame_bearer,
    agent_noun, device_mention, places_do_not_act,
    symmetric_parties, symmetric_counterpart,
)

