"""Standing relations an organisation's own name or a relative clause states: "the Turkish
Armed Forces" (memberOf Turkey), "the UN Security Council" (memberOf the UN), "Tsvangirai's
Movement for Democratic Change" (Tsvangirai leaderOf it), "X, who heads the party", "the
network where X worked", "the Gaza Strip, which is run by Hamas".

:data:`BODY_RULES` is an ordered list of rules ``(span, ctx) -> Iterator[RelationRecord]`` over
one entity mention, with the :class:`~.titles.TitleContext` of the title rules.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Callable

from spacy.tokens import Doc, Span, Token

from newsgraph.graph.iri import slug
from newsgraph.graph.model import RelationRecord

from .. import gazetteer
from ..entities import SPAN_KEY
from ..entities.wordlists import MOVEMENT_WORDS
from .evidence import TITLE_CONFIDENCE, _covering
from .relation_words import FORM_VERBS, HEAD_VERBS, ORGAN_HEADS, REPRESENT_VERBS, RULE_VERBS, WORK_VERBS
from .titles import TitleContext


def _name_words(span: Span) -> list[str]:
    """The words of a mention's name before its "of" / "for" complement, without "the" and a
    possessive: "Indian Ministry" of "the Indian Ministry of External Affairs"."""
    words = [t.text for t in span if t.tag_ != "POS"]
    if words and words[0].lower() == "the":
        words = words[1:]
    for i, w in enumerate(words):
        if w in {"of", "for", "on"}:
            return words[:i]
    return words


def state_organ(span: Span, ctx: TitleContext) -> Iterator[RelationRecord]:
    """An organ named with its state's name or demonym: "the Russian Foreign Ministry", "the
    Indian Ministry of External Affairs", "the Israel Defense Forces" (a name that opens with
    the state's and ends in an organ's head word) is a member of that state, when the article
    names the state; not a movement named after the state ("the Syrian Democratic Forces")."""
    if not ctx.is_organisation(span.kb_id_):
        return
    words = _name_words(span)
    if len(words) < 2 or words[-1].lower() not in ORGAN_HEADS or {w.lower() for w in words} & MOVEMENT_WORDS:
        return
    for n in range(min(3, len(words) - 1), 0, -1):
        lead = " ".join(words[:n])
        country = gazetteer.country_named(lead)
        if country is not None:
            if ctx.is_state(key := slug(country.name)):
                yield RelationRecord(span.kb_id_, "memberOf", key, _covering(ctx.doc, list(span)),
                                     TITLE_CONFIDENCE["compound"])
            return


def body_organ(span: Span, ctx: TitleContext) -> Iterator[RelationRecord]:
    """An organ named with the name of the body it belongs to: "the UN Security Council", "the
    African Union Commission", "the United Nations High Commissioner for Human Rights" (a name
    that opens with another organisation's name, as the article writes it, and ends in an
    organ's head word).  The body's name must be of several words or an acronym: one
    ordinary word ("Amazon" of "the Amazon Fund") is too often another thing's name."""
    if not ctx.is_organisation(span.kb_id_):
        return
    words = _name_words(span)
    if len(words) < 2 or words[-1].lower() not in ORGAN_HEADS:
        return
    text = " ".join(words)
    for key, e in ctx.entities.items():
        if key == span.kb_id_ or e.type != "Organization":
            continue
        if any(text.startswith(name + " ") for name in {e.label, *e.names} if _distinct_name(name)):
            yield RelationRecord(span.kb_id_, "memberOf", key, _covering(ctx.doc, list(span)),
                                 TITLE_CONFIDENCE["compound"])
            return


def _distinct_name(name: str) -> bool:
    """A name of several words ("African Union") or an acronym ("UN", "U.N.")."""
    return " " in name or len(name) > 1 and name.replace(".", "").isupper()


def persons_party(span: Span, ctx: TitleContext) -> Iterator[RelationRecord]:
    """A person's possessive on an organisation names its leader: "Tsvangirai's Movement for
    Democratic Change", "Orban's Fidesz party" (not a state's: "Russia's Foreign Ministry")."""
    if not ctx.is_organisation(span.kb_id_):
        return
    for owner in span.root.children:
        if owner.dep_ != "poss" or owner.i >= span.start:
            continue
        key = ctx.ent_of.get(owner.i) or _person_by_surname(owner.text, ctx)
        if key and ctx.is_person(key):
            yield RelationRecord(key, "leaderOf", span.kb_id_, _covering(ctx.doc, [owner, *span]),
                                 TITLE_CONFIDENCE["of"])


def _person_by_surname(word: str, ctx: TitleContext) -> str | None:
    """The one person of the article whose name ends in ``word`` (a possessive the model left
    inside the organisation's name, untagged), or None."""
    found = {k for k, e in ctx.entities.items() if e.type == "Person" and e.label.endswith(" " + word)}
    return found.pop() if len(found) == 1 else None


def _clauses(span: Span, lemmas: frozenset[str]) -> Iterator[Token]:
    """The verbs of the relative clauses on a mention whose lemma is one of ``lemmas``."""
    for c in span.root.children:
        if c.dep_ == "relcl" and c.lemma_.lower() in lemmas:
            yield c


def _object_entity(tok: Token, ctx: TitleContext, ok: Callable[[str], bool]) -> Token | None:
    """The entity a clause's object names: itself or its apposition ("heads the opposition
    party, the CHP")."""
    for t in (tok, *(c for c in tok.children if c.dep_ == "appos")):
        if t.i in ctx.ent_of and ok(ctx.ent_of[t.i]):
            return t
    return None


def who_heads(span: Span, ctx: TitleContext) -> Iterator[RelationRecord]:
    """"X, who heads / leads / chairs Y": X leads Y."""
    if not ctx.is_person(span.kb_id_):
        return
    for verb in _clauses(span, HEAD_VERBS):
        if not any(c.dep_ == "nsubj" and c.lower_ in {"who", "that"} for c in verb.children):
            continue
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            if (body := _object_entity(obj, ctx, ctx.is_body)) is not None:
                yield RelationRecord(span.kb_id_, "leaderOf", ctx.ent_of[body.i],
                                     _covering(ctx.doc, [span.root, verb, body]), TITLE_CONFIDENCE["copula"])


def where_worked(span: Span, ctx: TitleContext) -> Iterator[RelationRecord]:
    """"the network where X worked", "the agency where X serves": X is a member."""
    if not ctx.is_organisation(span.kb_id_):
        return
    for verb in _clauses(span, WORK_VERBS):
        if any(c.lower_ == "where" for c in verb.children):
            for subj in (c for c in verb.children if c.dep_ == "nsubj" and ctx.is_person(ctx.ent_of.get(c.i, ""))):
                yield RelationRecord(ctx.ent_of[subj.i], "memberOf", span.kb_id_,
                                     _covering(ctx.doc, [*span, verb]), TITLE_CONFIDENCE["copula"])


def run_by(span: Span, ctx: TitleContext) -> Iterator[RelationRecord]:
    """"the Gaza Strip, which is run / ruled / governed by Hamas": the agent leads the place."""
    if span.kb_id_ not in ctx.entities or ctx.entities[span.kb_id_].type not in {"Place", "Country"}:
        return
    for verb in _clauses(span, RULE_VERBS):
        if not any(c.dep_ == "nsubjpass" and c.lower_ in {"which", "that"} for c in verb.children):
            continue
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            for obj in agent.children:
                key = ctx.ent_of.get(obj.i)
                if obj.dep_ == "pobj" and key and (ctx.is_organisation(key) or ctx.is_person(key)):
                    yield RelationRecord(key, "leaderOf", span.kb_id_, _covering(ctx.doc, [*span, verb, obj]),
                                         TITLE_CONFIDENCE["copula"])


def represents(span: Span, ctx: TitleContext) -> Iterator[RelationRecord]:
    """"X represented India at the talks", "X, who represents the UN": X acts for (is a member
    of) the state or body."""
    if not ctx.is_person(span.kb_id_):
        return
    root = span.root
    verbs = [root.head] if root.dep_ == "nsubj" and root.head.lemma_.lower() in REPRESENT_VERBS else []
    verbs += [v for v in _clauses(span, REPRESENT_VERBS)
              if any(c.dep_ == "nsubj" and c.lower_ in {"who", "that"} for c in v.children)]
    for verb in verbs:
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            if (body := _object_entity(obj, ctx, ctx.is_body)) is not None:
                yield RelationRecord(span.kb_id_, "memberOf", ctx.ent_of[body.i],
                                     _covering(ctx.doc, [span.root, verb, body]), TITLE_CONFIDENCE["copula"])


def form_together(span: Span, ctx: TitleContext) -> Iterator[RelationRecord]:
    """"Mali, Niger and Burkina Faso formed the AES", "Niger and Burkina Faso, which together
    with Mali form the AES", "the states that make up the GCC": each state or body that forms an
    organisation is its member."""
    if not ctx.is_body(span.kb_id_) or (span.root.dep_ == "conj" and span.root.head.i in ctx.ent_of):
        return  # (a conjunct is read with the first of its list)
    root = span.root
    verbs = [root.head] if root.dep_ == "nsubj" and _forming(root.head) else []
    verbs += [v for v in _clauses(span, FORM_VERBS) if _forming(v)
              and any(c.dep_ == "nsubj" and c.lower_ in {"which", "that", "who"} for c in v.children)]
    for verb in verbs:
        bodies = [root, *(c for c in root.subtree if c.dep_ == "conj" and c.i in ctx.ent_of)]
        # "which together with Mali form ...": the parser hangs "with" on the verb or its subject
        bodies += [o for w in verb.subtree if w.dep_ == "prep" and w.lower_ == "with" and w.i < verb.i
                   for o in w.children if o.dep_ == "pobj" and o.i in ctx.ent_of]
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            org = _object_entity(obj, ctx, ctx.is_organisation)
            if org is None:
                continue
            for member in bodies:
                if ctx.is_body(ctx.ent_of[member.i]) and ctx.ent_of[member.i] != ctx.ent_of[org.i]:
                    yield RelationRecord(ctx.ent_of[member.i], "memberOf", ctx.ent_of[org.i],
                                         _covering(ctx.doc, [member, verb, org]), TITLE_CONFIDENCE["copula"])


def _forming(verb: Token) -> bool:
    """A verb of forming: "form", "constitute", "found", "make up" (not "make" alone)."""
    lemma = verb.lemma_.lower()
    return lemma in FORM_VERBS and (lemma != "make" or any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children))


BODY_RULES: tuple[Callable[[Span, TitleContext], Iterator[RelationRecord]], ...] = (
    state_organ, body_organ, persons_party, who_heads, where_worked, run_by, represents, form_together)
"""The rules in the order they run on each mention: what an organisation's name says first
(its state, then its body, then its leader), then what a relative clause on the mention says.
Each reads a different pattern, so the order only decides the order of the output."""


def body_relations(doc: Doc) -> Iterator[RelationRecord]:
    """Every rule of :data:`BODY_RULES`, in order, on every mention, in mention order."""
    ctx = TitleContext.of(doc)
    for span in doc.spans.get(SPAN_KEY, []):
        for rule in BODY_RULES:
            yield from rule(span, ctx)
