"""leaderOf / memberOf from titles ("Russian president Vladimir Putin", "X, a senior fellow at
Y", "Y's leader X") and from what an organisation is said to be part of.

:data:`TITLE_RULES` is an ordered list of small rules, each ``(span, ctx) -> Iterator[Found]``
over one entity mention ``span``; a rule that does not apply yields nothing.  A ``Found`` is
the relation, the title word it was read from (or None) and whether it is a guess.
:func:`title_relations` then keeps the guesses nothing contradicts.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any, Callable

from spacy.tokens import Doc, Span, Token

from newsgraph.graph.model import RelationRecord

from ..entities import SPAN_KEY, UNOWNED_ORGANS, dominant_state, mentions_by_token, records_in
from .evidence import TITLE_CONFIDENCE, _covering
from .offices import _dateline_state, _office_state
from .relation_words import ENVOY_TITLES
from .title_words import NATIONAL_LEADER_TITLES, TITLE_WORDS, _government_post, _title_kind

# Prepositions linking a title to its organisation ("a senior fellow at the Institute").
TITLE_PREPS = frozenset({"at", "of", "for", "with", "in", "from"})
# Unnamed organs a title may be held in, standing for the state or body that modifies them.
BODY_NOUNS = frozenset({"ministry", "government", "department", "office", "embassy", "army", "military",
                        "mission", "delegation", "administration", "cabinet", "presidency", "service", "state"})
# Nouns in an organisation's apposition that make it part of another ("an al-Qaeda affiliate").
ORG_PART_NOUNS = frozenset({"affiliate", "branch", "wing", "faction", "offshoot", "member", "part", "arm",
                            "subsidiary", "unit", "franchise"})
# Nouns of an organisation's own organs: "the FAO, a United Nations agency", "MINUSMA, the UN
# mission in Mali" (an organisation's only: "a British news agency" is not Britain's).
AGENCY_NOUNS = frozenset({"agency", "body", "organ", "office", "mission", "programme", "program", "fund"})
# Nouns that make a state a member of what they are of ("a member of the AU", "other members").
MEMBER_NOUNS = frozenset({"member"})
# How a title before a name hangs on it: as a compound, or as an nmod when it has its own
# "of" phrase ("Qatari Minister of State X").
TITLE_BEFORE_DEPS = frozenset({"compound", "nmod"})
# Dependencies of the words that modify a noun ("UN ambassador", "Iran's minister").
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})

# A relation read by a rule, the title word it was read from (or None), whether it is a guess.
Found = tuple[RelationRecord, str | None, bool]


@dataclass(frozen=True, slots=True)
class TitleContext:
    """What the rules need to know about the article, worked out once per Doc."""

    doc: Doc
    ent_of: dict[int, str]  # token index -> key of the entity whose mention it is in
    entities: dict[str, Any]  # key -> EntityRecord
    bodies: dict[int, str]  # ent_of, and pronouns referring to bodies ("its spokesman")
    dominant: str | None  # the state the article is about
    home: str | None  # the state of its dateline's place

    @classmethod
    def of(cls, doc: Doc) -> "TitleContext":
        ent_of = mentions_by_token(doc)
        entities = records_in(doc)
        # Bodies may be named or referred to: "the country's chief adviser", "its spokesman".
        bodies = {**(doc._.ng_pronouns or {}), **ent_of} if doc.has_extension("ng_pronouns") else ent_of
        return cls(doc, ent_of, entities, bodies, dominant_state(entities), _dateline_state(doc, entities))

    def is_person(self, key: str) -> bool:
        return key in self.entities and self.entities[key].type == "Person"

    def is_body(self, key: str) -> bool:
        """A state, organisation or group: what a title can be held in."""
        return key in self.entities and self.entities[key].type in {"Country", "Organization", "Group"}

    def is_state(self, key: str) -> bool:
        return key in self.entities and self.entities[key].type == "Country"

    def is_organisation(self, key: str) -> bool:
        """A body that is not a state: what can be part of another body."""
        return self.is_body(key) and self.entities[key].type != "Country"


def _title_bodies(title: Token, ent_of: dict[int, str], is_body: Callable[[str], bool],
                  is_state: Callable[[str], bool] = lambda key: False) -> Iterator[Token]:
    """Tokens naming what a title is held in: its modifiers ("UN ambassador", "Iran's
    minister") and the object of its preposition ("a fellow at the Institute").  Not a state
    an envoy is sent to ("the Egyptian ambassador in Israel"), nor one a title is "with" ("a
    liaison officer with the Palestinians"), nor a demonym beside a possessive that names the
    body (not "his German counterpart") ("the country's first Indian president": the demonym says who the holder is)."""
    mods = [t for t in title.children if t.dep_ in _MODIFIER_DEPS and t.i in ent_of and is_body(ent_of[t.i])]
    if any(t.dep_ == "poss" and (t.pos_ == "NOUN" or t.i in ent_of and is_body(ent_of[t.i])) for t in title.children):
        mods = [t for t in mods if t.dep_ != "amod"]
    yield from mods
    for tok in title.children:
        if tok.dep_ == "prep" and tok.lower_ == "for" and mods:
            continue  # "the UN special representative for Somalia": the UN's, for Somalia
        if tok.dep_ == "prep" and tok.lower_ in TITLE_PREPS:
            posted = tok.lower_ == "with" or tok.lower_ in {"in", "to"} and title.lemma_.lower() in ENVOY_TITLES
            for obj in tok.children:
                if obj.dep_ != "pobj" or posted and obj.i in ent_of and is_state(ent_of[obj.i]):
                    continue
                if obj.i in ent_of and is_body(ent_of[obj.i]):
                    yield obj
                elif obj.lemma_.lower() in BODY_NOUNS:
                    # "a spokeswoman for the Armenian foreign ministry": the state's organ;
                    # "head of state of Niger", "head of the government of Mali": the state's
                    yield from (m for m in obj.children if m.dep_ in _MODIFIER_DEPS
                                and m.i in ent_of and is_body(ent_of[m.i]))
                    yield from (o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                                for o in p.children if o.dep_ == "pobj" and o.i in ent_of and is_body(ent_of[o.i]))


def _apposed(root: Token) -> list[Token]:
    """Nouns in apposition with a name, in either order: "X, a fellow at Y" and "the EU's
    foreign policy chief, X" (a title-case title is PROPN: "Mali's Minister of ..., X")."""
    heads = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos" and (root.head.pos_ == "NOUN" or root.head.lower_ in TITLE_WORDS):
        heads.append(root.head)
    elif root.dep_ == "appos" and root.head.dep_ == "pobj" and root.head.head.head.lower_ in TITLE_WORDS:
        # "the UN special representative for Somalia, Ingrid Halvorsen": the parser hangs the
        # name on the nearest noun, the title's object
        heads.append(root.head.head.head)
    return heads


# -- the rules, in the order of TITLE_RULES ---------------------------------------------------
def body_of_body(span: Span, ctx: TitleContext) -> Iterator[Found]:
    """An organisation named with another's possessive is part of it: "the Treasury's Office
    of Foreign Assets Control"."""
    if not ctx.is_organisation(span.kb_id_):
        return
    for owner in span.root.children:
        if owner.dep_ == "poss" and owner.i < span.start and owner.i in ctx.ent_of \
                and ctx.entities[ctx.ent_of[owner.i]].type == "Organization" and ctx.ent_of[owner.i] != span.kb_id_:
            yield RelationRecord(span.kb_id_, "memberOf", ctx.ent_of[owner.i], _covering(ctx.doc, [owner, *span]),
                                 TITLE_CONFIDENCE["compound"]), None, False


def part_of_parent(span: Span, ctx: TitleContext) -> Iterator[Found]:
    """What an organisation, or a state, is said to belong to: in apposition ("JNIM, an
    al-Qaeda affiliate", "the M23, part of the Congo River Alliance", "Hungary, a member of the
    EU"), after a copula ("Kenya is a member of the African Union"), or as one of the others
    ("China and other members of the SCO", "Hungary, like other members of the EU"). A state
    is only ever a member ("part of" a state is a place's locatedIn)."""
    if not ctx.is_body(span.kb_id_):
        return
    nouns = ORG_PART_NOUNS | AGENCY_NOUNS if ctx.is_organisation(span.kb_id_) else MEMBER_NOUNS
    root = span.root
    for head, rule in _parent_nouns(root):
        if head.lemma_.lower() in nouns:
            # "a United Nations agency" is the UN's; "a British news agency" is no organ of Britain
            parent = ctx.is_organisation if head.lemma_.lower() in AGENCY_NOUNS else ctx.is_body
            for body in _title_bodies(head, ctx.bodies, parent):
                if ctx.bodies[body.i] != span.kb_id_:
                    yield RelationRecord(span.kb_id_, "memberOf", ctx.bodies[body.i],
                                         _covering(ctx.doc, [root, head, body]), TITLE_CONFIDENCE[rule]), None, False


def _surface_apposition(root: Token) -> list[Token]:
    """The head of a noun phrase set off by commas right after a name, as the words stand
    (the parser often hangs it elsewhere: "the Food and Agriculture Organization (FAO), a
    United Nations agency, ..."): "," + determiner + words up to the next punctuation, whose
    last word is a noun. A bracketed short form between them is skipped."""
    doc, i = root.doc, root.i + 1
    if i < len(doc) and doc[i].text == "(":
        close = next((t.i for t in doc[i:i + 6] if t.text == ")"), None)
        i = close + 1 if close is not None else len(doc)
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in {"a", "an", "the"}:
        return []
    end = next((t.i for t in doc[i + 2:i + 10] if t.is_punct), None)
    if end is None or end <= i + 2 or doc[end - 1].pos_ != "NOUN":
        return []
    return [doc[end - 1]]


def _parent_nouns(root: Token) -> Iterator[tuple[Token, str]]:
    """The nouns that can say what ``root`` belongs to, with how they are tied to it."""
    apposed = _apposed(root)
    apposed += [h for h in _surface_apposition(root) if h not in apposed]
    for head in apposed:
        yield head, "appos"
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        yield from ((c, "copula") for c in root.head.children if c.dep_ == "attr")
    others = [c for c in root.children if c.dep_ == "conj"]  # "China and other members of ..."
    if root.dep_ == "nsubj":  # "Hungary, like other members of the EU, ..."
        others += [o for p in root.head.children if p.dep_ == "prep" and p.lower_ == "like"
                   for o in p.children if o.dep_ == "pobj"]
    for other in others:
        if any(c.dep_ == "amod" and c.lower_ == "other" for c in other.children):
            yield other, "appos"


def title_before_name(span: Span, ctx: TitleContext) -> Iterator[Found]:
    """A title before a person's name: "Russian president Vladimir Putin", "German Chancellor
    Olaf Scholz"; with no state or body named ("President Yoweri Museveni"), a guess at whose
    office it is (:func:`_bare_title`)."""
    if not ctx.is_person(span.kb_id_):
        return
    for tok in span.root.children:
        if tok.dep_ not in TITLE_BEFORE_DEPS or tok.i >= span.start or not (kind := _title_kind(tok)):
            continue
        guess = _bare_title(span, ctx, tok, kind)
        if guess is not None:
            yield guess
        else:
            owner = _counterpart_owner(tok, ctx)
            for r, word, guessed in _title_with_body(span, ctx, tok, kind):
                yield r, f"counterpart:{owner}" if owner else word, guessed


def title_of_state_before_name(span: Span, ctx: TitleContext) -> Iterator[Found]:
    """"President of Argentina Mauricio Macri", "Foreign Minister of Iran Abbas Araghchi": a
    title with its "of" phrase written right before the name. Read by word order: the parser
    reads it flat in several ways (the name as the object of "of" with the state as its
    compound, or the title and the name as two subjects)."""
    if not ctx.is_person(span.kb_id_) or span.start < 3:
        return
    doc = ctx.doc
    state_end = span.start - 1
    if state_end not in ctx.ent_of or not ctx.is_body(key := ctx.ent_of[state_end]):
        return
    state_start = state_end
    while state_start > 0 and ctx.ent_of.get(state_start - 1) == key:
        state_start -= 1
    if state_start < 2 or doc[state_start - 1].lower_ != "of" or not (kind := _title_kind(doc[state_start - 2])):
        return
    title = doc[state_start - 2]
    yield RelationRecord(span.kb_id_, kind, key, _covering(doc, [title, *doc[state_start:span.end]]),
                         TITLE_CONFIDENCE["compound"]), title.lower_, False


def _bare_title(span: Span, ctx: TitleContext, tok: Token, kind: str) -> Found | None:
    """"President Yoweri Museveni", "Foreign Minister Abbas Araghchi" with no state named: in an
    article about one state, its office holder; in an article about several, the one state its
    sentence names (:func:`_office_state`). A guess, so a lower confidence."""
    if any(m.i in ctx.ent_of for m in [*tok.subtree, *span.root.lefts]
           if m.i != tok.i and not span.start <= m.i < span.end):
        return None  # something is named with the title: see _title_with_body
    if not (tok.lower_ in NATIONAL_LEADER_TITLES or _government_post(tok)):
        return None  # a "chairman" or "spokesman" of anything
    state = _office_state(ctx.doc, span, ctx.ent_of, ctx.entities, ctx.dominant, ctx.home)
    if not state:
        return None
    return RelationRecord(span.kb_id_, kind, state, _covering(ctx.doc, [tok, *span]),
                          TITLE_CONFIDENCE["context"]), tok.lower_, True


def _title_with_body(span: Span, ctx: TitleContext, tok: Token, kind: str) -> Iterator[Found]:
    """The bodies named with a title before a name. The body may hang on the title or, in the
    parser's flatter reading, on the name itself before the title ("German Chancellor Olaf
    Scholz"); an unowned organ ("police", "army") makes its head a member of the state."""
    root = span.root
    mods = [m for m in tok.subtree if m.i != tok.i] + \
        [m for m in root.lefts if m.i < tok.i and m.dep_ in _MODIFIER_DEPS]
    for mod in mods:
        if mod.i in ctx.bodies and ctx.is_body(ctx.bodies[mod.i]):
            mod_kind = "memberOf" if mod.i not in ctx.ent_of and mod.lower_ in UNOWNED_ORGANS else kind
            yield RelationRecord(span.kb_id_, mod_kind, ctx.bodies[mod.i], _covering(ctx.doc, [mod, root, *span]),
                                 TITLE_CONFIDENCE["compound"]), tok.lower_, False


def title_beside_name(span: Span, ctx: TitleContext) -> Iterator[Found]:
    """A title in apposition or after a copula: "X, a senior fellow at Y"; "X is a fellow at
    Y"; and the title-first order "the EU's foreign policy chief, Josep Borrell"; in an "as"
    phrase ("As head of the Senate, X said"); with the title's conjuncts ("X, a fellow at Y
    and an editor at Z")."""
    if not ctx.is_person(span.kb_id_):
        return
    root = span.root
    heads = _apposed(root)
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        heads += [c for c in root.head.children if c.dep_ in {"attr", "acomp"}]
    heads += _as_titles(root)
    for title in heads:
        rule = "appos" if title.dep_ == "appos" or root.dep_ == "appos" else "copula"
        for held in [title, *(c for c in title.children if c.dep_ == "conj")]:
            yield from _held_title(span, ctx, held, rule)


# Verbs that give their object the title of their "as" phrase ("elected X as speaker").
APPOINTING_VERBS = frozenset({"elect", "appoint", "name", "install", "nominate", "choose", "confirm", "designate",
                              "reappoint", "re-elect", "reelect", "swear", "inaugurate", "instal"})


# Nouns of a time in office, whose "as" phrase is the office ("a third term as president").
TERM_NOUNS = frozenset({"term", "mandate", "tenure", "stint"})


# Verbs whose subject holds the office of their "as" phrase ("serves as foreign minister").
SERVING_VERBS = frozenset({"serve", "remain", "act", "continue", "return"})


def _serves(verb: Token) -> bool:
    """"X serves as", "X won a sixth term as president", "X began her term as": the subject
    holds the "as" office (not "X sees Y as ...", nor "X stepped down as ...": a past one)."""
    return verb.lemma_.lower() in SERVING_VERBS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in TERM_NOUNS for c in verb.children)


def _as_titles(root: Token) -> list[Token]:
    """A title in an "as" phrase of the name or of the clause it is the subject of: "As the
    president of the Bolivian Senate, Santos Ramirez, put it", "Ramirez, as head of the
    Senate, said" (not "X sees Y as the leader of Z": that is Y's title, and Y is an object)."""
    holders = [root] + ([root.head] if root.dep_ in {"nsubj", "nsubjpass"} else [])
    # After the verb, an "as" phrase is said of a passive subject ("X was sworn in as
    # president") or of an appointment's object ("parliament elected X as speaker"); "X sees Y
    # as the leader" says it of Y.
    after = root.dep_ == "nsubjpass" or root.dep_ == "dobj" and root.head.lemma_.lower() in APPOINTING_VERBS \
        or root.dep_ == "nsubj" and _serves(root.head)
    if root.dep_ == "dobj":
        holders.append(root.head)
    if root.dep_ == "nsubjpass":  # "was sworn in for a third term as president"
        holders += [o for p in root.head.children if p.dep_ == "prep" for o in p.children
                    if o.dep_ == "pobj" and o.lemma_.lower() in TERM_NOUNS]
    return [o for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "as"
            and (h is root or p.i < h.i or after) for o in p.children if o.dep_ == "pobj"
            and o.lower_ in TITLE_WORDS]


def _counterpart_owner(title: Token, ctx: TitleContext) -> str | None:
    """Whose counterpart a "counterpart" title names ("his Tajik counterpart": whoever "his" is)."""
    if title.lower_ != "counterpart":
        return None
    return next((ctx.bodies[c.i] for c in title.children if c.dep_ == "poss" and c.i in ctx.bodies), None)


def _held_title(span: Span, ctx: TitleContext, held: Token, rule: str) -> Iterator[Found]:
    """The bodies one apposed title is held in. "his Tajik counterpart, X" is marked with whose
    counterpart X is (``counterpart:KEY``: see :func:`title_relations`)."""
    kind = _title_kind(held)
    owner = _counterpart_owner(held, ctx)
    title_word = f"counterpart:{owner}" if owner else held.lower_
    for body in _title_bodies(held, ctx.bodies, ctx.is_body, ctx.is_state) if kind else ():
        # "the La Paz police commander": heads the police, a member of the state it stands for
        held_kind = "memberOf" if body.i not in ctx.ent_of and body.lower_ in UNOWNED_ORGANS else kind
        if body.dep_ in _MODIFIER_DEPS and body.head.lemma_.lower() in BODY_NOUNS and body.head.i != held.i \
                or _organ_after(body, ctx):
            held_kind = "memberOf"  # "the head of the OAS observation mission": of the mission
        yield RelationRecord(span.kb_id_, held_kind, ctx.bodies[body.i], _covering(ctx.doc, [span.root, held, body]),
                             TITLE_CONFIDENCE[rule]), title_word, False


def _organ_after(body: Token, ctx: TitleContext) -> bool:
    """Whether the words right after a body's name go on to one of its organs, whatever the
    parse: "the head of the Organization of American States (OAS) observation mission"."""
    doc, key = ctx.doc, ctx.bodies.get(body.i)
    i = body.i
    while i + 1 < len(doc) and ctx.ent_of.get(i + 1) == key:
        i += 1  # the end of the name
    i += 1
    if i < len(doc) and doc[i].text == "(":
        i = next((t.i + 1 for t in doc[i:i + 6] if t.text == ")"), i)
    for tok in doc[i:i + 3]:
        if tok.pos_ != "NOUN":
            return False
        if tok.lemma_.lower() in BODY_NOUNS:
            return True
    return False


def party_of_person(span: Span, ctx: TitleContext) -> Iterator[Found]:
    """A person's "of" / "from" phrase naming an organisation is where they belong: "Robert
    Kyagulanyi of the NUP", "Irakli Kobakhidze, of the ruling Georgian Dream party"."""
    if not ctx.is_person(span.kb_id_):
        return
    root = span.root
    for prep in root.children:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "from"} and prep.i > root.i:
            for obj in prep.children:
                key = ctx.ent_of.get(obj.i)
                if obj.dep_ == "pobj" and key and ctx.entities[key].type in {"Organization", "Group"}:
                    yield RelationRecord(span.kb_id_, "memberOf", key, _covering(ctx.doc, [root, obj]),
                                         TITLE_CONFIDENCE["of"]), None, False


TITLE_RULES: tuple[Callable[[Span, TitleContext], Iterator[Found]], ...] = (
    body_of_body, part_of_parent, title_before_name, title_of_state_before_name, title_beside_name, party_of_person)
"""The rules in the order they run on each mention, which is the order of the single function
they were cut from (so the output is the same, byte for byte).  An organisation's rules come
first and a person's after; a mention is one or the other, so no rule sees the other kind's
spans.  Among a person's rules the most specific reading comes first: a title written before
the name (confidence 0.9, its guesses 0.5), then one in apposition or after a copula (0.8 /
0.75), then an "of" phrase (0.7).  Where two rules read the same triple from the same words the
first one's relation is kept (:class:`RelationExtractor` keeps the first of each), and in
:func:`title_relations` a later explicit title of a person decides their state; on the eight
article sets of ``benchmarks/check_identical.py`` swapping the two title rules changes nothing;
dropping the "of" rule changes two of the sets."""


def _title_relations(doc: Doc) -> Iterator[Found]:
    """Each standing relation with its title word (or None) and whether it is a guess: every
    rule of :data:`TITLE_RULES`, in order, on every mention, in mention order."""
    ctx = TitleContext.of(doc)
    for span in doc.spans.get(SPAN_KEY, []):
        for rule in TITLE_RULES:
            yield from rule(span, ctx)


def _foreign_pairs(doc: Doc, explicit: list[tuple[RelationRecord, str | None]],
                   states: dict[str, str]) -> set[tuple[str, str]]:
    """(person, state) pairs the article says are not the person's own: who visits a state is
    a guest there ("Macri arrived on a state visit to India"), and the counterpart of the
    state's own office holder is another state's ("Xi ... his Rwandan counterpart Paul
    Kagame": Xi is no Rwandan)."""
    out = {(agent, target) for ev in doc._.ng_events or [] if ev.event_class == "visit"
           for role, agent in ev.roles if role == "agent"
           for role2, target in ev.roles if role2 == "target"}
    for r, title in explicit:
        if title and title.startswith("counterpart:") and r.subject in states:
            out.add((title.split(":", 1)[1], states[r.subject]))
    return out


def title_relations(doc: Doc) -> list[RelationRecord]:
    """leaderOf / memberOf from titles: 'Russian president Vladimir Putin', 'UN ambassador
    Nikki Haley', 'X, a senior fellow at Y', 'X is a contributing editor at Y', 'Y's leader X'.

    A title with no state named ("President Donald Trump") is guessed to be the article's
    state's only when nothing contradicts it: the person is tied to no other state, and no
    other person holds the same title of that state explicitly ("Russian president Vladimir
    Putin" rules out "President Donald Trump" as Russia's president)."""
    found = list(_title_relations(doc))
    entities = records_in(doc)
    explicit = [(r, t) for r, t, guessed in found if not guessed]
    tied = {(r.subject, r.object) for r, _ in explicit}
    states = {r.subject: r.object for r, _ in explicit
              if (e := entities.get(r.object)) is not None and e.type == "Country"}
    holders = {(r.object, t): r.subject for r, t in explicit if r.predicate == "leaderOf" and t}
    out = [r for r, _ in explicit]
    foreign = _foreign_pairs(doc, explicit, states)
    for r, title, guessed in found:
        if not guessed or (r.subject, r.object) in tied:
            continue
        if (r.subject, r.object) in foreign:
            continue  # a visitor to the state, or a counterpart of its own leader
        if states.get(r.subject, r.object) != r.object:
            continue  # "U.S. President Donald Trump" elsewhere in the article
        if holders.get((r.object, title), r.subject) != r.subject:
            continue  # the state's holder of this title is named explicitly
        out.append(r)
    # "Turgunbaev spoke with his Tajik counterpart, X": X leads Tajikistan if Turgunbaev leads
    # his state, and is its minister if he is a minister.
    # (a guess left out still says the holder leads some state: "President Xi Jinping" on a visit)
    leaders = {r.subject for r in [*out, *(g for g, _, guessed in found if guessed)] if r.predicate == "leaderOf"
               and entities.get(r.object) is not None and entities[r.object].type == "Country"}
    peer = {r.subject: t.split(":", 1)[1] for r, t, _ in found if t and t.startswith("counterpart:")}
    return [replace(r, predicate="leaderOf") if r.predicate == "memberOf" and peer.get(r.subject) in leaders
            and entities.get(r.object) is not None and entities[r.object].type == "Country" else r for r in out]
