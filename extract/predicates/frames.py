"""Predicate-argument frames: for a predicate (a verb, an event noun, a predicative
adjective) its arguments by role, read once from the dependency parse by general syntax.

The rules here know no event classes and no word meanings beyond a few closed classes of
function words (relative pronouns, control verbs, support verbs); which predicates are events
and how their roles map to an event's is the business of the event tables
(``extract/data/event_classes.tsv``, ``extract/events/``).

Roles: ``agent`` (who acts: the active subject, a passive's by-phrase, a noun's possessor or
by-phrase), ``patient`` (who or what is acted on: the object, the passive subject, the subject
of a small clause "held Russia accountable", a predicate nominal "named it X", "is a Y"),
``recipient`` (the dative). Each argument is the head token of its phrase; coordinated
arguments are distributed (one argument per conjunct); an apposition is not a second argument
(it renames its head: an elaborating list stays one party).

The constructions that give a predicate an argument its clause does not spell out (the
prior art is clause-based open information extraction: ClausIE, MinIE, Stanford OpenIE):

* relative clauses: "the rebels, who had been fighting" (the pronoun is its antecedent),
  "the rebels fighting the army" / "the man arrested yesterday" (participial relatives: the
  antecedent is the agent of an active participle, the patient of a passive one);
* control: "Russia vowed to attack" (subject control), "urged the junta to release" (object
  control: the object of a directive verb does what its infinitive says); an infinitive of
  purpose is its clause subject's ("phoned Tusk to express solidarity"); a noun's infinitive
  is its possessor's ("the government's decision to suspend talks");
* coordinated verbs share a subject: "X declared ... and called Y"; a speech verb that the
  parser conjoins inside a reported clause shares the reporting verb's ("X said the vote
  failed and warned that ..."); a finite verb the parser conjoins to a gerund, or a past verb
  to a present one, shares the subject of the clause's own verb above ("has accused X of
  committing ... and imposed sanctions", "said she would stay when her term ends and
  accused ...");
* adverbial participles take the main clause's subject: "X went further, imposing bans";
* a subject the parser took into a fronted phrase of time or place with no comma after it
  ("On Monday Hugo Chavez criticized ...") is the verb's own;
* support (light) verbs lend their subject to their object noun: "X launched an attack",
  "X voiced its hope";
* predicative adjectives take the copula's subject: "X was critical of Y".

What the event rules ask of a frame, so that they need not walk the parse themselves: its
subject phrases, own or inherited (``Frame.subjects``), the phrases it acts on in either voice
(``Frame.objects``), its argument phrases by construction (``Frame.phrases``); the verb frames
a noun is an argument of (``frames_with_argument``: "the strikes that hit the market"); a
predicate's prepositional phrases (``obliques``); a frame for any word (``predicate_frame``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import NamedTuple

from spacy.tokens import Token

from ..doccache import sentence_span
from .verb_classes import SPEECH_VERBS

# Dependencies of an active subject.
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# Dependencies of a passive subject (the patient).
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
# Dependencies of a direct object (the patient).
OBJECT_DEPS = frozenset({"dobj", "obj"})
# Dependencies of a small clause on a verb ("held Russia accountable", "found him guilty"):
# its subject is the verb's patient.
SMALL_CLAUSE_DEPS = frozenset({"ccomp", "oprd"})
# Parts of speech of a small clause's head (a verbless predicate: an adjective or a noun).
SMALL_CLAUSE_POS = frozenset({"ADJ", "NOUN"})
# Relative pronouns: a relative clause's pronoun stands for the noun the clause modifies.
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})
# Verbs whose object does what their infinitive says ("urged the junta to release"); with
# others the subject does ("called Putin to offer sympathy").
OBJECT_CONTROL_VERBS = frozenset({"urge", "ask", "request", "call", "press", "pressure", "encourage", "order",
                                  "instruct", "tell", "force", "persuade", "allow", "permit", "invite",
                                  "advise", "warn", "compel", "oblige", "help", "enable"})
# Verbs whose passive subject is their infinitive's ("is expected to visit", "was said to have
# ordered", "is due to meet"), besides the directive verbs ("was forced to expel").
RAISING_PASSIVES = frozenset({"expect", "schedule", "set", "due", "believe", "say", "report", "think",
                              "suppose", "slate", "understand", "know", "force", "oblige", "compel"})
# Verbs that carry a noun predicate without adding meaning ("hold a summit", "launch an
# attack", "voice hope"): their subject is the noun's agent.
SUPPORT_VERBS = frozenset({"hold", "have", "launch", "carry", "conduct", "stage", "make", "give", "take",
                           "mount", "begin", "start", "continue", "lead", "organize", "organise", "host",
                           "offer", "express", "issue", "order", "commit", "perpetrate", "claim", "plan",
                           "provide", "voice", "extend", "lend", "pay", "deliver", "announce", "file",
                           "lodge", "raise", "renew", "step", "intensify", "escalate", "join", "send", "submit"})
# Verbs of going and being away whose "on" phrase names the journey their subject makes
# ("arrived on a state visit", "is on a tour of Asia", "left on a mission to Kabul").
JOURNEY_VERBS = frozenset({"arrive", "be", "come", "go", "travel", "fly", "leave", "head", "embark", "set",
                           "depart", "land", "remain", "stay", "begin", "start"})
# Nouns of journeys and meetings whose subject is the governing verb's when they are told as the
# time of its act ("returned after a visit to Qatar"), and those prepositions of time.
JOURNEY_NOUNS = frozenset({"visit", "trip", "tour", "talk", "meeting", "summit", "mission", "stopover"})
JOURNEY_TIME_PREPS = frozenset({"after", "before", "during", "following", "from"})
# Journeys that "on" puts their governing verb's subject on, whatever the verb ("met Lula on a
# visit to Brazil", "signed the deal on a trip to Hanoi"); not meetings ("agreed on talks").
TRAVEL_NOUNS = frozenset({"visit", "trip", "tour", "mission", "stopover"})
# Nouns of people, which "which" never stands for ("protesters in Belarus, which ...").
PEOPLE_NOUNS = frozenset({"protester", "protestor", "demonstrator", "people", "civilian", "resident", "student",
                          "worker", "refugee", "migrant", "activist", "journalist", "official", "soldier", "rebel",
                          "militant", "fighter", "man", "woman", "child", "voter", "villager", "leader", "member"})
# Tags of a finite verb (one that has a subject of its own).
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# Named-entity types of a name that can be a clause's subject.
NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Named-entity types of a fronted phrase of time or place that a subject may run into.
FRONTED_TYPES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})
# Copulas: a predicative adjective's subject is theirs ("was critical of").
COPULAS = frozenset({"be", "remain", "become", "seem", "appear", "stay"})
# Adverbial-clause markers after which a participle still shares the main clause's subject
# ("after meeting X", "while visiting Y", "by imposing bans").
SHARED_SUBJECT_MARKS = frozenset({"after", "before", "while", "when", "by", "since", "without", "upon", "on"})
# Punctuation that opens an elaboration of the noun before it ("the P5+1 nations - the US, ...").
ELABORATION_MARKS = frozenset({"-", "\u2013", "\u2014", "--", ":", "("})
AGENT = "agent"
PATIENT = "patient"
RECIPIENT = "recipient"
# How an argument distributed from a coordination is marked (``Arg.via``: "subject, coordinated").
COORDINATED = ", coordinated"
# The constructions that give a verb a subject it does not spell out (``subject_of``).
INHERITED_SUBJECT_VIAS = frozenset({"relative clause", "object control", "subject control", "coordinated verb",
                                    "participle clause"})
# The constructions of a predicate's own patients that say what something is, not what is
# done to it: a small clause's subject and the predicate nominals.
PREDICATIVE_VIAS = frozenset({"small clause", "object predicate", "attribute"})


class Arg(NamedTuple):
    """One argument of a predicate: its role, the head token of its phrase, and the
    construction it was read from (``subject``, ``relative clause``, ``control`` ...)."""

    role: str
    token: int
    via: str


class Frame(NamedTuple):
    """A predicate and its arguments."""

    predicate: int  # token index of the predicate's head word
    lemma: str
    pos: str  # VERB, NOUN or ADJ
    passive: bool
    args: tuple[Arg, ...]
    speakers: tuple[int, ...] = ()  # head tokens of who reports it (reported speech, a quote)

    def heads(self, role: str) -> list[int]:
        """Token indexes of the arguments in ``role``, in the order found."""
        return [a.token for a in self.args if a.role == role]

    def phrases(self, role: str | None = None, only: Collection[str] = (), but: Collection[str] = ()) -> list[int]:
        """Token indexes of the argument phrases in ``role`` (any role when None), one per phrase:
        the head of a coordination, not the conjuncts distributed from it; read through one of
        the constructions ``only`` (any when empty) and none of ``but``."""
        return [a.token for a in self.args if (role is None or a.role == role) and not a.via.endswith(COORDINATED)
                and (not only or a.via in only) and a.via not in but]

    def subjects(self, inherited: bool = True) -> list[int]:
        """The heads of an active predicate's subject phrases: its own subject ("Kenya expelled"),
        or with ``inherited`` the one it takes from the clause it hangs on (``subject_of``); not a
        passive's by-phrase, nor a passive subject (a patient: see ``objects``)."""
        return self.phrases(AGENT, only={"subject", *(INHERITED_SUBJECT_VIAS if inherited else ())})

    def objects(self) -> list[int]:
        """The heads of the phrases a verb acts on, in either voice: its object ("expelled two
        diplomats"), its passive subject ("the envoy was summoned"), the antecedent of a passive
        relative or the subject a passive shares ("the man arrested", "was arrested and
        charged"); not a small clause's subject nor a predicate nominal (``PREDICATIVE_VIAS``)."""
        return self.phrases(PATIENT, but=PREDICATIVE_VIAS)


def is_passive(verb: Token) -> bool:
    """A passive clause: a passive auxiliary or subject, a reduced passive relative ("the man
    arrested yesterday"), or a participle coordinated with a passive ("was arrested and charged")."""
    if any(c.dep_ in {"auxpass", "nsubjpass", "csubjpass"} for c in verb.children):
        return True
    if verb.tag_ != "VBN" or any(c.dep_ in {"aux", "nsubj"} for c in verb.children):
        return False
    if verb.dep_ == "acl":
        return True
    return verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.pos_ in {"VERB", "AUX"} \
        and is_passive(verb.head)


def antecedent(tok: Token) -> Token:
    """What a relative pronoun stands for: the noun its clause modifies ("militants who
    attacked" -> militants); any other token is itself. A non-restrictive relative clause
    (after a comma) on the last of coordinated nouns is about all of them ("Medvedev and
    Kokoity, who met ..."): the coordination's first noun, whose conjuncts are the others."""
    if tok.lower_ in RELATIVE_PRONOUNS and tok.tag_ in {"WP", "WDT", "WP$"} and tok.head.dep_ == "relcl" \
            and tok.head.head.i != tok.head.i:
        noun = tok.head.head
        if tok.i > 0 and tok.doc[tok.i - 1].text == "," and noun.dep_ == "conj":
            while noun.dep_ == "conj" and noun.head.i != noun.i:
                noun = noun.head
        if noun.dep_ == "appos" and noun.pos_ == "NOUN" and noun.head.ent_type_ in NAME_TYPES:
            # "Nasheed, the Maldives' first elected president, who was jailed": the apposition
            # renames the one named; the clause is about him (not about the state it names)
            return noun.head
        before = tok.doc[tok.i - 2] if tok.i > 1 and tok.doc[tok.i - 1].text == "," else None
        if tok.lower_ == "which" and noun.lemma_.lower() in PEOPLE_NOUNS and before is not None \
                and before.ent_type_ in {"GPE", "ORG", "NORP"} and before.i > noun.i:
            # "a crackdown on protesters in Belarus, which retaliated": "which" is no people; the
            # name right before it is what it stands for, whatever noun the parser hung it on
            return before
        return noun
    return tok


def elaborating_conjunct(tok: Token, conj: Token) -> bool:
    """A list the parser hung as conjuncts of a noun although a dash, colon or parenthesis sets
    it off as the noun's elaboration ("the P5+1 nations - the US, the UK, ..."): the noun is
    the party, as with a list in apposition, and the members are no parties of their own."""
    between = tok.doc[tok.i + 1:conj.left_edge.i]
    return any(t.text in ELABORATION_MARKS for t in between) and not any(t.dep_ == "cc" for t in between)


def conjuncts(tok: Token) -> list[Token]:
    """A phrase head and the heads coordinated with it ("Russia, China and Iran"), not an
    elaborating list (``elaborating_conjunct``)."""
    out, stack = [], [tok]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(c for c in node.children if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}
                     and not elaborating_conjunct(node, c))
    return sorted(out, key=lambda t: t.i)


def _distributed(role: str, tok: Token, via: str) -> Iterator[Arg]:
    head = antecedent(tok)
    for member in conjuncts(head):
        yield Arg(role, member.i, via if member.i == head.i else f"{via}, coordinated")


def _small_clause_subjects(clause: Token) -> Iterator[Arg]:
    """"held Russia accountable": the subject of a verbless small clause is what the verb acts on."""
    for sub in clause.children:
        if sub.dep_ in SUBJECT_DEPS:
            yield from _distributed(PATIENT, sub, "small clause")


def own_arguments(verb: Token) -> Iterator[Arg]:
    """The arguments a verb's own clause spells out: subject, object, dative, by-phrase, the
    subject of a small clause, a predicate nominal ("attribute", "object predicate")."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            yield from _distributed(AGENT, child, "subject")
        elif child.dep_ in PASSIVE_SUBJECT_DEPS:
            yield from _distributed(PATIENT, child, "passive subject")
        elif child.dep_ in OBJECT_DEPS:
            yield from _distributed(PATIENT, child, "object")
        elif child.dep_ == "dative":
            yield from _distributed(RECIPIENT, child, "dative")
        elif child.dep_ in SMALL_CLAUSE_DEPS and child.pos_ in SMALL_CLAUSE_POS:
            yield from _small_clause_subjects(child)
        elif child.dep_ == "oprd":
            yield from _distributed(PATIENT, child, "object predicate")
        elif child.dep_ == "attr":
            yield from _distributed(PATIENT, child, "attribute")
        elif child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield from _distributed(AGENT, pobj, "by-phrase")


def _infinitive(verb: Token) -> bool:
    """A "to" infinitive ("to attack")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in verb.children)


def _controller(verb: Token) -> list[Token]:
    """Who does what an infinitive complement says: the object of a directive verb ("urged
    the junta to release", "called on X to stop"), else nobody here (subject control)."""
    head = verb.head
    if head.lemma_ not in OBJECT_CONTROL_VERBS:
        return []
    objects = [c for c in head.children if c.dep_ in OBJECT_DEPS]
    if head.lemma_ == "call":
        # "called Putin to offer sympathy" is a phone call's purpose; "called on X to" directs X.
        objects = [o for p in head.children if p.dep_ == "prep" and p.lower_ in {"on", "upon"}
                   for o in p.children if o.dep_ == "pobj"]
    return objects


def subject_of(verb: Token, depth: int = 0) -> tuple[str, list[Token], str] | None:
    """The subject a verb has or inherits, as (role, head tokens, construction): its own
    (agent, or patient when passive), or the one of the clause it hangs on (see the module's
    docstring), or None."""
    own = [antecedent(c) for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if own:
        return AGENT, own, "subject"
    own = [antecedent(c) for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
    # "Also arrested were X and Y": in the inverted passive the parser hangs the subject on the
    # auxiliary
    own += [c for a in verb.children if a.dep_ == "auxpass" and a.i > verb.i
            for c in a.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if own:
        return PATIENT, own, "passive subject"
    absorbed = _absorbed_subject(verb)
    if absorbed is not None:
        return (PATIENT if is_passive(verb) else AGENT), [absorbed], "subject"
    head, dep = verb.head, verb.dep_
    if head.i == verb.i or depth > 8:
        return None
    role = PATIENT if is_passive(verb) else AGENT
    if dep in {"relcl", "acl"} and head.pos_ in {"NOUN", "PROPN", "PRON"}:
        # "the rebels fighting the army", "the talks held in Geneva", "the deal signed by X".
        if dep == "acl" and verb.tag_ not in {"VBG", "VBN"}:
            # "a plan to attack": an infinitive relative's subject is not the noun; but the
            # noun's possessor's ("the government's decision to suspend talks": the government
            # suspends them)
            owners = [antecedent(c) for c in head.children if c.dep_ == "poss"] if _infinitive(verb) else []
            return (role, owners, "subject control") if owners and role == AGENT else None
        return role, [head], "relative clause"
    if dep == "xcomp" or dep == "advcl" and _infinitive(verb):
        # (the parser hangs "called on X to investigate" as an adverbial clause as often as not;
        # an infinitive of purpose is its clause subject's: "phoned Tusk to express solidarity")
        controller = _controller(verb)
        if controller:
            return role, controller, "object control"
        inherited = subject_of(head, depth + 1)
        if inherited and inherited[0] == PATIENT and head.lemma_.lower() in OBJECT_CONTROL_VERBS | RAISING_PASSIVES \
                and inherited[2] == "passive subject":
            # "Russia was forced to expel ...", "Putin is expected to visit ...": the passive
            # subject of a directive or raising verb does what its infinitive says
            return role, inherited[1], "object control"
        return (role, inherited[1], "subject control") if inherited and inherited[0] == AGENT else None
    speaker = _reported_clause_speaker(verb)
    if speaker is not None:
        inherited = subject_of(speaker, depth + 1)
        return (AGENT, inherited[1], "coordinated speech act") if inherited and inherited[0] == AGENT else None
    if dep == "conj" and (head.tag_ == "VBG" and verb.tag_ in FINITE_TAGS | {"VBN"}
                          or verb.tag_ == "VBD" and head.tag_ in {"VBZ", "VBP"}):
        # "has accused the RSF of committing genocide and imposed sanctions": a finite verb or a
        # participle is no second gerund; "said she would stay when her term ends and accused
        # the government": a past verb is no second present one. Each is conjoined with the
        # clause's own verb above (the nearest of its form)
        same = verb.tag_ if verb.tag_ == "VBD" else None
        clause = next((a for a in head.ancestors if a.pos_ in {"VERB", "AUX"} and a.tag_ != "VBG"
                       and (same is None or a.tag_ == same)), None)
        inherited = subject_of(clause, depth + 1) if clause is not None else None
        return (role, inherited[1], "coordinated verb") if inherited and inherited[0] == role else None
    if dep == "conj" and head.pos_ == "ADP" and head.head.pos_ in {"VERB", "AUX"} and verb.tag_ in FINITE_TAGS:
        # "barred him from running and then jailed him": the parser conjoins the finite verb
        # with the preposition; it is the clause verb's conjunct
        head = head.head
    if dep == "pcomp" and verb.tag_ == "VBG" and head.lower_ in SHARED_SUBJECT_MARKS and head.head.pos_ in {"VERB", "AUX"}:
        # "handed them over after accusing Israel of ...": the parser makes the marker a
        # preposition and the participle its complement; the clause above is still its subject's
        head, dep = head.head, "advcl"
    shares = dep == "conj" and head.pos_ in {"VERB", "AUX"} or dep == "advcl" and verb.tag_ in {"VBG", "VBN"} \
        and all(c.lower_ in SHARED_SUBJECT_MARKS for c in verb.children if c.dep_ == "mark")
    if shares:
        inherited = subject_of(head, depth + 1)
        if inherited is None:
            return None
        # "was arrested and charged": a passive shares a passive's subject, an active an
        # active's ("X declared ... and called Y"); a mixed pair has no shared subject.
        if inherited[0] != role:
            return None
        return role, inherited[1], "coordinated verb" if dep == "conj" else "participle clause"
    return None


def _absorbed_subject(verb: Token) -> Token | None:
    """The subject the parser took into a fronted phrase of time or place with no comma after
    it: in "On Monday Hugo Chavez criticized ..." or "In Kyiv Zelensky said ..." a name follows
    the date or place inside the phrase and comes right before the subjectless finite verb (or
    before its own apposition set off by commas: "... 2006 Hugo Chavez, President of
    Venezuela, criticized")."""
    if verb.tag_ not in FINITE_TAGS or verb.dep_ not in {"ROOT", "ccomp", "conj"}:
        return None
    for prep in (c for c in verb.lefts if c.dep_ == "prep"):
        # the name heads the phrase's object or is apposed to it ("on September 20, 2006 Hugo Chavez")
        for name in (t for t in prep.subtree if t.dep_ in {"pobj", "appos"} and t.pos_ == "PROPN"):
            if _fronted_name(name, prep, verb):
                return name
    return None


def _fronted_name(name: Token, prep: Token, verb: Token) -> bool:
    """Whether ``name`` follows a date or place in ``prep``'s phrase and ends it right before
    ``verb`` (see :func:`_absorbed_subject`)."""
    start = min([name.i, *(c.i for c in name.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"
                           and c.ent_type_ == name.ent_type_)])  # (not the date: "Monday Hugo Chavez")
    before = verb.doc[start - 1]
    if start <= prep.i + 1 or not (before.ent_type_ in FRONTED_TYPES or before.like_num):
        return False  # the phrase is the name's own ("to Hugo Chavez"), not a date or place before it
    if name.ent_type_ not in NAME_TYPES and not (name.ent_type_ == "DATE" and before.like_num):
        return False  # (the model may run a name on into the date before it: "20, 2006 Hugo Chavez")
    end = name.i + 1  # an apposition set off by commas may follow the name
    for child in name.rights:
        if child.dep_ in {"appos", "punct"}:
            end = child.right_edge.i + 1
    return all(t.pos_ in {"ADV", "PUNCT"} and t.text not in {'"', "("} for t in verb.doc[end:verb.i])


def _reported_clause_speaker(verb: Token) -> Token | None:
    """The speech verb whose subject a speech verb conjoined inside its reported clause
    shares: in "X said the swap changed nothing and warned that ..." the parser hangs
    "warned" on the reported "changed"; a second act of speech is the speaker's."""
    if verb.dep_ != "conj" or verb.lemma_ not in SPEECH_VERBS or verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        return None
    node = verb.head
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ == "ccomp" and node.head.lemma_ in SPEECH_VERBS and node.head.i < node.i:
        return node.head
    return None


def verb_frame(verb: Token) -> Frame:
    """The frame of a verb: its own arguments, and the subject it inherits when it has none."""
    args = list(own_arguments(verb))
    if not _has_subject(verb):
        inherited = subject_of(verb)
        if inherited is not None:
            role, heads, via = inherited
            for head in heads:
                args.extend(_distributed(role, head, via))
    return Frame(verb.i, verb.lemma_.lower(), "VERB", is_passive(verb), tuple(args))


def journey_of_subject(noun: Token) -> bool:
    """Whether a noun names a journey or meeting its governing verb's subject makes: an "on"
    phrase of a verb of going ("arrived on a visit") or of a travel noun ("met Lula on a first
    visit to Brazil"), or a journey noun in a phrase of time
    ("returned after talks with X", "spoke during a visit to Y")."""
    if noun.dep_ != "pobj" or noun.head.head.pos_ not in {"VERB", "AUX"}:
        return False
    prep, lemma = noun.head.lower_, noun.lemma_.lower()
    # (not "accompanying Macri during the visit": a definite noun repeats someone's journey)
    indefinite = not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"}
                         for c in noun.children)
    return prep == "on" and noun.head.head.lemma_.lower() in JOURNEY_VERBS or \
        prep == "on" and lemma in TRAVEL_NOUNS and indefinite or \
        prep in JOURNEY_TIME_PREPS and lemma in JOURNEY_NOUNS and indefinite


def rival_claim(verb: Token) -> bool:
    """"X also claimed the bombing": a second claim to an act someone else is said to have
    done; the claimant is no agent of it."""
    return verb.lemma_.lower() == "claim" and any(c.dep_ == "advmod" and c.lower_ in {"also", "too"}
                                                  for c in verb.children)


def noun_frame(noun: Token) -> Frame:
    """The frame of an event noun: its possessor and by-phrase (agent); the subject of the
    support verb whose object it is ("X launched an attack", "X voiced its hope")."""
    args: list[Arg] = []
    for child in noun.children:
        if child.dep_ == "poss":
            args.extend(_distributed(AGENT, child, "possessor"))
        elif child.dep_ == "prep" and child.lower_ == "by":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    args.extend(_distributed(AGENT, pobj, "by-phrase"))
    for clause in noun.children:
        # "the arrests made by police", "the sanctions that ECOWAS imposed on Niger".
        if clause.dep_ in {"relcl", "acl"} and clause.lemma_.lower() in SUPPORT_VERBS | {"impose"} \
                and not any(a.role == AGENT for a in args):
            args.extend(Arg(AGENT, a.token, f"support verb ({a.via})") for a in own_arguments(clause)
                        if a.role == AGENT)
    obj = noun
    while obj.dep_ == "conj" and obj.head.i != obj.i and obj.head.pos_ == "NOUN":
        obj = obj.head  # "approved asset freezes and travel bans": the bans are approved too
    if journey_of_subject(noun) and not any(a.role == AGENT for a in args):
        # "Macri arrived on a state visit to India", "she is on a tour of the region", "Xi
        # returned after state visits to Mexico", "said during a visit to Kyiv": who goes.
        inherited = subject_of(noun.head.head)
        if inherited is not None and inherited[0] == AGENT:
            for head in inherited[1]:
                args.extend(_distributed(AGENT, head, f"support verb (on a journey, {inherited[2]})"))
    if obj.dep_ in OBJECT_DEPS and obj.head.lemma_.lower() in SUPPORT_VERBS and not any(a.role == AGENT for a in args) \
            and not rival_claim(obj.head):
        inherited = subject_of(obj.head)
        if inherited is not None and inherited[0] == AGENT:
            for head in inherited[1]:
                args.extend(_distributed(AGENT, head, f"support verb ({inherited[2]})"))
    return Frame(noun.i, noun.lemma_.lower(), "NOUN", False, tuple(args))


def frame_of(tok: Token) -> Frame | None:
    """The frame of ``tok``: the one the ``newsgraph_predicates`` component put on the Doc, or
    (on a Doc it has not run on) the one its syntax gives a verb, noun or adjective."""
    frames = tok.doc._.ng_frames if tok.doc.has_extension("ng_frames") else None
    if frames is not None:
        return frames.get(tok.i)
    if tok.pos_ in {"VERB", "AUX"}:
        return verb_frame(tok)
    return noun_frame(tok) if tok.pos_ == "NOUN" else adjective_frame(tok)


def adjective_frame(adj: Token) -> Frame | None:
    """A predicative adjective takes its copula's subject ("X was critical of Y"); None for an
    adjective that is not predicated."""
    if adj.dep_ != "acomp" or adj.head.lemma_ not in COPULAS:
        return None
    inherited = subject_of(adj.head)
    args = [] if inherited is None else [a for h in inherited[1] for a in _distributed(AGENT, h, "copula subject")]
    return Frame(adj.i, adj.lemma_.lower(), "ADJ", False, tuple(args))


def construction(arg: Arg) -> str:
    """The construction a frame's argument came from, without the coordination mark."""
    return arg.via.removesuffix(COORDINATED)


def predicate_frame(tok: Token) -> Frame:
    """The frame of ``tok`` (``frame_of``), or, for a word the layer keeps none for (an auxiliary
    without a subject, a noun outside the trigger lexicon), the one its syntax gives it as a verb."""
    return frame_of(tok) or verb_frame(tok)


def frames_with_argument(tok: Token) -> list[tuple[Frame, Arg]]:
    """The verb frames of ``tok``'s sentence in which ``tok`` heads an argument phrase, with that
    argument: the reverse of a frame ("the strikes that hit the market": the strikes are the
    agent of "hit"; "the injuries he suffered": the patient of "suffered"). An argument
    distributed from a coordination counts for its conjunct only."""
    doc = tok.doc
    frames = doc._.ng_frames if doc.has_extension("ng_frames") else None
    start, end = sentence_span(tok)
    found = []
    for i in range(start, end):
        frame = frames.get(i) if frames is not None else \
            verb_frame(doc[i]) if doc[i].pos_ in {"VERB", "AUX"} else None
        if frame is not None and frame.pos == "VERB":
            found.extend((frame, a) for a in frame.args if a.token == tok.i)
    return found


def obliques(pred: Token, words: Collection[str] = ()) -> list[tuple[Token, Token]]:
    """A predicate's prepositional phrases, as (preposition, object head) for each object of
    each preposition that hangs on it (of the prepositions ``words`` when given): "imposed
    sanctions on Niger" -> (on, Niger). The passive by-phrase is no oblique (the frame's agent)."""
    return [(prep, obj) for prep in pred.children if prep.dep_ == "prep" and (not words or prep.lower_ in words)
            for obj in prep.children if obj.dep_ == "pobj"]
