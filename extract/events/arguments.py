"""Arguments: who acts (agent), who is acted on (target, victim), who takes part
(participant) and where (place), read off the dependency parse around a trigger."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from newsgraph.graph.model import PLACE_TYPES

from ..doccache import sentence_span, tokens
from .draft import _add, _Event, _named
from .fillers import _fillers, _owners
from .lexicon import (ATTACK_CLASSES, MAKING_VERBS, PATIENT_POSSESSOR_CLASSES, TRANSFER_CLASSES, event_classes,
                      trigger_lexicon)

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
# Words that make a noun event anaphoric ("this attack"): it may repeat an earlier event.
ANAPHORIC_DETS = frozenset({"this", "that", "the", "these", "those"})
# Nouns for an actor's act or stance ("backed the efforts of ECOWAS", "rejected Iran's
# demands"): as the object of an interaction, their owner is its target.
ACT_NOUNS = frozenset({"effort", "decision", "plan", "proposal", "policy", "measure", "move", "bid",
                       "initiative", "position", "stance", "demand", "call", "request", "offer", "claim",
                       "accusation", "action", "conduct", "behavior", "behaviour", "role", "program",
                       "programme", "ambition", "commitment", "approach", "strategy", "law", "election"})
# Verbs whose object does what their infinitive says ("urged the junta to release"); with
# others the subject does ("called Putin to offer sympathy").
OBJECT_CONTROL_VERBS = frozenset({"urge", "ask", "request", "call", "press", "pressure", "encourage", "order",
                                  "instruct", "tell", "force", "persuade", "allow", "permit", "invite",
                                  "advise", "warn", "compel", "oblige", "help", "enable"})
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
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                      "ninety": 90, "hundred": 100, "dozen": 12})


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
