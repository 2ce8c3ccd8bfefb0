"""Factuality (asserted, negated, hypothetical, future), the reporter of reported
speech, and the event's date: what the clause around a trigger says about it."""

from __future__ import annotations

from spacy.tokens import Token

from ..doccache import date_entity_of
from ..predicates import COMMISSIVE_VERBS, DIRECTIVE_VERBS, SAYING_VERBS, STANCE_VERBS, SUPPORT_VERBS
from ..predicates.verb_classes import TOPIC_VERBS
from ..timex import normalise_timex
from .draft import is_unnamed
from .fillers import _fillers, names_no_one
from .lexicon import _PACT_VERBS, MAKING_VERBS, event_classes

# Modal verbs that make an event hypothetical.
HYPOTHETICAL_MODALS = frozenset({"would", "could", "might", "may", "should", "must", "ought", "can", "ca"})
# Markers of a condition ("if Russia attacks").
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
# Prepositions of a phrase of time or setting: an event there is not what the verb above denies.
ADJUNCT_PREPS = frozenset({"at", "during", "after", "before", "since", "following", "amid", "despite"})
# Markers of a habit: a clause "whenever ..." makes its main verb a recurring kind of act, no
# one happening ("pacts were suspended whenever politics turned").
HABITUAL_MARKS = frozenset({"whenever"})
# Intention and purpose verbs: what they govern has not (yet) happened ("designed to crack down").
INTENTION_VERBS = frozenset({"design", "intend", "plan", "aim", "seek", "want", "hope", "try", "attempt",
                             "expect", "prepare", "wish", "threaten", "consider", "propose", "mean",
                             "offer", "refuse", "decline",
                             # what is avoided or refrained from is not done
                             "avoid", "refrain",
                             # directives: what is urged or asked for has not happened
                             "urge", "ask", "request", "call", "press", "pressure", "push", "encourage", "demand",
                             "implore", "appeal", "invite", "advise", "order", "instruct", "tell", "need"})
# Verbs of a topic: what is discussed or debated has not happened ("to discuss the release of
# detainees"), unless a definite conflict noun presupposes it ("discussed the attack").
# Verbs of accusing: what their "of" phrase says someone did is alleged, not told ("accused the
# junta of massacring civilians"); a definite conflict noun is still presupposed ("accused
# Russia of the attack").
# Verbs whose clause or gerund says the act did not happen, by their subject's word.
DENYING_VERBS = frozenset({"deny"})
# Verbs whose infinitive's act did not happen ("failed to reach a deal", "refused to meet").
FAILING_VERBS = frozenset({"fail", "refuse", "decline", "neglect"})
ACCUSING_VERBS = frozenset({"accuse", "charge", "suspect", "indict", "convict"})
# Conjunctions across which a conjunct says the opposite of the first ("did not kill anyone
# but hurt 30 people").
CONTRAST_CONJUNCTIONS = frozenset({"but", "yet"})
# Nouns of intention whose infinitive is the intended act ("an attempt to free the hostages",
# "efforts to end the war"), besides the intention verbs' own nouns ("a plan to", "a call to").
INTENTION_NOUNS = frozenset({"effort", "bid", "drive", "push", "proposal", "intention", "goal", "mission",
                             "threat", "campaign", "move", "readiness", "willingness",
                             # texts put to a vote: "a resolution to impose sanctions"
                             "resolution", "bill", "motion",
                             # nouns of what can be: "the group's ability to strike the capital"
                             "ability", "capability", "capacity", "chance", "opportunity", "right", "power",
                             "freedom", "liberty", "permission", "authority"})
# Commitments: what is vowed or pledged is announced for the future ("pledged to provide aid":
# a promise, CAMEO 03x; "vowed to retaliate": no attack yet). The speech layer's commissive
# verbs, but a threat's act is a possibility (INTENTION_VERBS); "committed to" and "agreed
# to" are commitments too ("agreed to meet again in June": no meeting yet).
COMMITMENT_VERBS = (COMMISSIVE_VERBS - {"threaten"}) | {"commit", "agree"}
# How an intention verb governs what it intends: an infinitive ("plans to strike") or an
# object ("considering sanctions", "demanded the release").
INTENDED_DEPS = frozenset({"xcomp", "dobj"})
# Verbs whose "for" phrase is what they ask for ("called for talks", "pressed for a ceasefire").
ASKING_FOR_VERBS = frozenset({"call", "appeal", "press", "push", "ask", "plead", "lobby", "campaign", "clamor",
                              "clamour", "demand"})
# Verbs by which a speaker politely performs a speech act ("would like to thank").
POLITE_VERBS = frozenset({"like", "love", "wish"})
# Speech acts done by saying them, even through a polite "would like to".
PERFORMATIVE_VERBS = frozenset({"thank", "congratulate", "welcome", "condemn", "praise", "commend", "apologize",
                                "apologise", "express", "extend", "convey", "reiterate", "acknowledge",
                                "salute", "denounce", "urge", "assure"})
# Verbs of aspect, through which an act keeps its factuality ("will continue to hold").
ASPECTUAL_VERBS = frozenset({"continue", "keep", "remain", "begin", "start", "resume"})
# Verbs whose passive subject is an event still to come ("talks are expected to resume").
SCHEDULING_VERBS = frozenset({"expect", "schedule", "slate", "plan", "set", "due"})
# Verbs after which "would" is a reported "will" ("said Canada would donate"): saying and
# stance, not commitments ("vowed that it would strike" stays a possibility, as "vowed to").
FUTURE_IN_PAST_VERBS = SAYING_VERBS | STANCE_VERBS
# How far up the head chain a trigger without a frame of its own looks for its predicate's.
FRAME_REACH = 3


def factuality(tok: Token, event_class: str | None = None) -> str:
    """asserted | negated | hypothetical | future, from the trigger and the verbs above it; a
    conjunct that says nothing of its own shares its first conjunct's ("must halt the fire and
    lift the blockade", "friendship and cooperation")."""
    own = _factuality(tok, event_class)
    if own != "asserted":
        return own
    first = _first_conjunct(tok)
    return own if first is tok else _factuality(first, event_class)


def _first_conjunct(tok: Token) -> Token:
    """The first conjunct whose auxiliaries and governors ``tok`` shares: of a noun conjunct, and
    of a bare verb one ("should suspend him and send forces": "send" has no tense or modal of
    its own); a finite verb ("did not attack Kyiv and struck Odesa"), one with its own subject
    or auxiliary, or one after "but" ("did not kill anyone but hurt 30") says its own."""
    node = tok
    while node.dep_ == "conj" and node.head.i != node.i and (
            node.pos_ == "NOUN" or (node.tag_ == "VB" and not any(
                c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass", "neg"} for c in node.children))) \
            and not any(t.dep_ == "cc" and t.lower_ in CONTRAST_CONJUNCTIONS for t in node.doc[node.head.i:node.i]):
        node = node.head
    return node


def _supposed(tok: Token) -> bool:
    """An indefinite event noun that is the subject of a possibility or a condition ("an
    intervention would backfire", "a Russian attack could kill hundreds", "if a strike
    happens"): it names what might be, not what was ("the attack would not change
    anything" is about an attack that was)."""
    # (A Title-Case headline tags the noun as a proper one: "Why an ECOWAS Intervention Would ...")
    if tok.pos_ not in {"NOUN", "PROPN"} or tok.dep_ not in {"nsubj", "nsubjpass"} or tok.tag_ not in {"NN", "NNP"}:
        return False
    if any((c.dep_ == "det" and c.lower_ not in {"a", "an", "any"}) or c.dep_ == "poss" for c in tok.children):
        return False
    kids = list(tok.head.children)
    return any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_MODALS for c in kids) or \
        any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in kids)


def _intended(tok: Token) -> bool:
    """An infinitive or a subjunctive clause that names what a noun of intention or request
    intends: "an attempt to free the hostages", "a plan to strike", "efforts to end the war",
    "Baku's demand that the EU withdraw its mission" (not "the first leader to visit")."""
    head = tok.head
    return tok.dep_ in {"acl", "ccomp"} and tok.tag_ == "VB" and any(
        (c.dep_ == "aux" and c.lower_ == "to") or (c.dep_ == "mark" and c.lower_ == "that") for c in tok.children) \
        and head.pos_ == "NOUN" and (head.lemma_ in INTENTION_NOUNS or head.lemma_ in INTENTION_VERBS)


# Verbs whose object is the act they make ("to impose sanctions", "to launch an offensive"):
# the light verbs and the classes' own verbs of making (the made_by column of event_classes.tsv).
MAKING_VERBS_OF_ACTS = SUPPORT_VERBS | frozenset().union(*MAKING_VERBS.values())
# Nouns of texts put to a vote or a decision, whose "on" or "for" phrase is what they propose
# ("a resolution on imposing an arms embargo", "a bill for sanctions on Iran").
PROPOSAL_NOUNS = frozenset({"resolution", "draft", "bill", "motion", "proposal", "amendment", "referendum"})


def _proposed(tok: Token) -> bool:
    """What a resolution, bill or motion proposes: "rejected a resolution on imposing an arms
    embargo", "a draft on sanctions against Syria"; put to a vote, not done."""
    node = tok
    if node.dep_ in {"dobj", "obj"} and node.head.tag_ == "VBG":
        node = node.head  # "on imposing an embargo": the embargo is the gerund's
    return node.dep_ in {"pcomp", "pobj"} and node.head.lower_ in {"on", "for"} \
        and node.head.head.lemma_.lower() in PROPOSAL_NOUNS


def _purpose(tok: Token) -> bool:
    """An infinitive of purpose: "organised the protests to topple the government"."""
    return tok.dep_ == "advcl" and tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
        and tok.head.lemma_.lower() not in _PACT_VERBS  # ("signed a deal to halt fighting": what was agreed)


# Nouns of what someone alleges, whose "that" clause the writer does not assert ("denied
# accusations that it backs the M23").
ALLEGATION_NOUNS = frozenset({"accusation", "allegation", "charge", "claim", "suspicion", "rumour", "rumor"})


def _alleged(tok: Token) -> bool:
    """The content of an accusation or a claim: "accusations by Kinshasa that Kigali backs the
    rebels" (alleged, not told as done)."""
    return tok.dep_ in {"acl", "ccomp"} and tok.head.lemma_.lower() in ALLEGATION_NOUNS \
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)


# Verbs that keep a planned event from taking place ("the summit was postponed", "called off the
# talks"): their subject or object has not happened.
CALLING_OFF_VERBS = frozenset({"postpone", "cancel", "delay", "scrap", "shelve", "defer", "adjourn"})


def _called_off(tok: Token) -> bool:
    """An event noun that a verb of cancelling or postponing has as its passive subject or
    object: "a SADC summit was postponed", "postponed the talks"."""
    return tok.pos_ == "NOUN" and tok.dep_ in {"nsubjpass", "dobj", "obj"} and tok.head.lemma_.lower() in CALLING_OFF_VERBS


def _aimed_at(tok: Token) -> bool:
    """An act that is intended, proposed, supposed or asked for, not done."""
    if _intended(tok) or (tok.dep_ in {"dobj", "obj"} and tok.head.lemma_.lower() in MAKING_VERBS_OF_ACTS
                          and _intended(tok.head)):
        # "in an attempt to free the hostages", "a bill to impose sanctions" (not what is to be
        # discussed: "a meeting in order to discuss the air strikes"): aimed at, not done
        return True
    # "a resolution on imposing an arms embargo": put to a vote; a purpose: "organised the
    # protests to topple the government"; "an ECOWAS intervention would cost lives": none has
    # happened; "any military operation": none in particular; "called for the suspension of X"
    return _proposed(tok) or _purpose(tok) or _alleged(tok) or _called_off(tok) or _supposed(tok) or (
        tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "any" for c in tok.children)) or _asked_for(tok)


def _factuality(tok: Token, event_class: str | None = None) -> str:
    """The factuality of ``tok`` from itself and the verbs above it (``factuality``)."""
    if _aimed_at(tok):
        return "hypothetical"
    if tok.pos_ == "NOUN" and any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in MAKING_VERBS_OF_ACTS
                                  | {"broker", "mediate", "negotiate"} for c in tok.children):
        # "restore relations in a deal brokered by China", "under sanctions imposed in 2018": an
        # act a past participle says was made is told as done, whatever the verbs above it say
        return "negated" if any(c.dep_ == "neg" for c in tok.children) else "asserted"
    chain = [tok]
    if tok.pos_ == "NOUN" and event_class in event_classes() and event_classes()[event_class].quad_class == 4 \
            and any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in {"the", "this", "that"})
                                  for c in tok.children):
        # "urged Brazil to condemn Moscow's invasion": a definite or possessed event noun is
        # presupposed, whatever the verbs above it say of their own acts; only its own
        # negation counts ("no invasion" has no determiner to start with). Only for material
        # conflict (CAMEO quad class 4): "will discuss the release of detainees" and "could
        # reduce its cooperation" do not presuppose a release or a cooperation.
        return "negated" if any(c.dep_ == "neg" for c in tok.children) else "asserted"
    if tok.pos_ == "NOUN" and tok.dep_ == "nsubjpass" and tok.head.lemma_ in SCHEDULING_VERBS:
        return "future"  # "talks are expected to resume", "the summit is scheduled for May"
    node = _aspect_of(tok)
    chain += [node] if node is not tok else []
    # Walk up through the verbs that govern the trigger ("is not going to lead to any shifts").
    # Not through subjects: "this attack is not going to lead to shifts" negates the leading,
    # not the attack.
    while node.head.i != node.i and len(chain) < 4 and node.dep_ in {
            "dobj", "pobj", "pcomp", "prep", "xcomp", "ccomp", "attr", "acomp"}:
        node = node.head
        chain.append(node)
    if _performative(tok):
        return "asserted"  # "we would like to congratulate the people": said, so done
    governed = _governed(chain)
    if governed is not None:
        return governed
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
        if _possible(kids):
            return "hypothetical"
        if (any(c.dep_ == "neg" for c in kids) or any(_nobody(c) for c in kids)) and not _adjunct_below(t, chain):
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


def _aspect_of(tok: Token) -> Token:
    """The aspectual verb an event noun is the subject of ("talks will resume": the talks are
    what "resume" says of them), else the noun."""
    return tok.head if tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and tok.head.lemma_ in ASPECTUAL_VERBS else tok


def _adjunct_below(verb: Token, chain: list[Token]) -> bool:
    """Whether the trigger hangs on ``verb`` through a phrase of time or setting ("no agreement
    was reached at the talks", "did not comment after the attack"): the verb's negation denies
    its own act, not the one that frames it."""
    return any(x.dep_ == "prep" and x.head.i == verb.i and x.lower_ in ADJUNCT_PREPS for x in chain)


def _possible(kids: list[Token]) -> bool:
    """A verb whose dependents make its act a possibility or a habit: a modal, a condition
    ("if Russia attacks"), or a "whenever" clause ("were suspended whenever politics turned")."""
    return any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_MODALS for c in kids) or \
        any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in kids) or \
        any(c.dep_ == "advcl" and any(m.dep_ in {"mark", "advmod"} and m.lower_ in HABITUAL_MARKS
                                      for m in c.children) for c in kids)


def _nobody(dep: Token) -> bool:
    """A subject that says no one did it: "no group claimed the attack", "nobody was hurt",
    "none of the states recognised it"."""
    return dep.dep_ in {"nsubj", "nsubjpass"} and names_no_one(dep)


def _governed(chain: list[Token]) -> str | None:
    """What an intention, commitment or directive verb above the trigger makes of it."""
    on_chain = {x.i for x in chain}
    for below, t in zip(chain, chain[1:]):
        if t.lemma_ in DENYING_VERBS and below.pos_ == "VERB" and below.dep_ in {"xcomp", "ccomp", "dobj", "pcomp"}:
            # "denied arming the RSF", "denied that its troops had fired", "denied offering any
            # help to the rebels": by its speaker's word
            return "negated"
    for t in chain[1:]:
        if t.lemma_ == "be" and any(c.dep_ == "xcomp" and c.i in on_chain and any(a.lower_ == "to" for a in c.children)
                                    for c in t.children):
            return "future"  # "the mission was to visit Guinea", "is to meet": planned, not done
        if t.lemma_ in ASKING_FOR_VERBS and any(x.dep_ == "prep" and x.lower_ == "for" and x.head.i == t.i
                                                for x in chain):
            return "hypothetical"  # "called for an end to the blockade": asked for, not done
        if t.lemma_ in ACCUSING_VERBS and any(x.dep_ == "prep" and x.lower_ == "of" and x.head.i == t.i
                                              for x in chain):
            return "hypothetical"  # "accused the junta of massacring civilians": alleged
        if t.lemma_ in FAILING_VERBS and any(c.dep_ == "xcomp" and c.i in on_chain for c in t.children):
            # "failed to reach an agreement", "refused to meet the envoy": not done (unless the
            # failing is denied: "did not fail to ...")
            return "asserted" if any(c.dep_ == "neg" for c in t.children) else "negated"
        if t.lemma_ == "call" and not any(c.dep_ == "prep" and c.lower_ in {"on", "upon"} for c in t.children):
            continue  # "called Putin to offer sympathy": a purpose, not "called on X to ..."
        governs = any((c.dep_ in INTENDED_DEPS or (c.dep_ == "prep" and c.lower_ == "to"))
                      and c.i in on_chain for c in t.children)
        looking_forward = t.lemma_ == "look" and any(c.lower_ == "forward" for c in t.children)
        if (t.lemma_ in INTENTION_VERBS or t.lemma_ in TOPIC_VERBS or looking_forward) and governs:
            return "hypothetical"  # "designed to crack down", "considering sanctions": intended, not done
        if t.lemma_ in COMMITMENT_VERBS and governs:
            return "negated" if any(c.dep_ == "neg" for c in t.children) else "future"
        if t.lemma_ in DIRECTIVE_VERBS and any(c.dep_ == "ccomp" and c.i in on_chain for c in t.children):
            return "hypothetical"  # "demanded that X withdraw": asked for, not done
    return None


def _asked_for(tok: Token) -> bool:
    """An act that a directive or intention asks for, even as a definite noun: the object of
    "demand", "seek", "want" ("demanded the withdrawal"), or of "call for", "appeal for"."""
    head = tok.head
    if tok.dep_ in {"dobj", "obj"}:
        return head.lemma_ in INTENTION_VERBS and head.lemma_ != "call"
    return tok.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_ in ASKING_FOR_VERBS


def _performative(tok: Token) -> bool:
    """"would like to thank", "wish to congratulate": a speech act hedged by politeness is
    performed by being said ("would like to meet" is a wish)."""
    if tok.lemma_ not in PERFORMATIVE_VERBS or tok.dep_ != "xcomp":
        return False
    head = tok.head
    return head.lemma_ in POLITE_VERBS and (head.lemma_ == "wish" or any(
        c.dep_ == "aux" and c.lower_ in {"would", "'d"} for c in head.children))


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
    return node.dep_ == "ccomp" and head.lemma_ in FUTURE_IN_PAST_VERBS and head.tag_ in {"VBD", "VBN"}


def _speakers(tok: Token) -> tuple[int, ...]:
    """The speakers the predicate layer found for the trigger's frame, or for the frame of
    the nearest predicate above it when the trigger has none."""
    frames = tok.doc._.ng_frames or {}
    node = tok
    for _ in range(FRAME_REACH):
        if node.i in frames:
            return frames[node.i].speakers
        if node.head.i == node.i:
            break
        node = node.head
    return ()


def reporter(tok: Token, ent_of: dict[int, str]) -> str | None:
    """Who reports the event ("Haley declared that the US and Russia stood together", "...,
    according to Haley", a quote Haley is said to speak): the first named speaker of the
    trigger's frame in the predicate layer (``doc._.ng_frames``)."""
    for i in _speakers(tok):
        key = next(_fillers(tok.doc[i], ent_of, anonymous=False), None)
        if key and not is_unnamed(key):
            return key
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
