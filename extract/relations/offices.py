"""Whose office a bare title is: "President Yoweri Museveni", "Foreign Minister X" with no
state named in the title.  Each helper reads one kind of evidence; :func:`_office_state`
tries them in order."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsgraph.graph.iri import slug

from .. import gazetteer
from ..doccache import text as doc_text
from ..entities import opening_city_state
from ..reader import find_dateline_place
from .relation_words import ENVOY_TITLES


def _sentence_state(doc: Doc, span: Span, ent_of: dict[int, str], entities: dict) -> str | None:
    """The only state named in the sentence of ``span`` ("fly on to Chile, where he will meet
    President Gabriel Boric"), or None."""
    acted_on = _acted_on(span, ent_of)
    # Only a state named as a phrase of its own ("fly on to Chile"): a demonym or a modifier
    # belongs to the noun it modifies ("a former Nigerian head of state", "Nigerian clerics").
    states = {ent_of[t.i] for t in span.sent if t.i in ent_of and entities.get(ent_of[t.i]) is not None
              and entities[ent_of[t.i]].type == "Country" and t.dep_ not in {"amod", "compound", "nmod", "poss"}
              and t.pos_ == "PROPN"} - acted_on
    if not states:
        # "In Managua, Vice Foreign Minister X said": the state of the one city the sentence names
        states = {e.located_in for t in span.sent if t.i in ent_of and (e := entities.get(ent_of[t.i])) is not None
                  and e.type == "Place" and e.located_in in entities and t.pos_ == "PROPN"} - acted_on
    return states.pop() if len(states) == 1 else None


def _office_state(doc: Doc, span: Span, ent_of: dict[int, str], entities: dict, dominant: str | None,
                  home: str | None) -> str | None:
    """Whose office a bare title ("Foreign Minister X") is, in order of evidence: a city the
    sentence opens with; the sentence's or the previous sentence's subject state when X is a
    subject; the article's main state; its dateline's state; the one state its sentence names.
    A state X acts on in the clause is never X's own ("urged Brazil to ...")."""
    acted_on = _acted_on(span, ent_of) | _envoys_states(span, ent_of, entities)
    speaks = _speaks(span)
    candidates = (
        lambda: opening_city_state(span.sent, span.start, ent_of, entities),
        lambda: _subject_state(span.sent, ent_of, entities) if speaks else None,
        lambda: _previous_subject_state(span, ent_of, entities, dominant) if speaks else None,
        lambda: dominant, lambda: home,
        lambda: _sentence_state(doc, span, ent_of, entities))
    return next((state for get in candidates if (state := get()) and state not in acted_on), None)


def _envoys_states(span: Span, ent_of: dict[int, str], entities: dict) -> set[str]:
    """The states of the envoys the sentence names besides the person ("Japanese Ambassador
    Uichiro Niwa was summoned to see Assistant Foreign Minister Hu Zhengyue"): an envoy deals
    with the officials of the state he is posted to, so a bare title beside him is not his state's."""
    return {ent_of[m.i] for t in span.sent if t.lemma_.lower() in ENVOY_TITLES and not span.start <= t.i < span.end
            for m in t.children if m.dep_ in {"amod", "compound", "poss"} and m.i in ent_of
            and getattr(entities.get(ent_of[m.i]), "type", None) == "Country"}


def _speaks(span: Span) -> bool:
    """Whether the person is a clause's subject (who acts or speaks), not someone acted on or
    quoted in a phrase ("imposing bans on ..., among them Interior Minister X", "in the words
    of Foreign Minister X"): only then do the sentence's and the previous sentence's subjects
    say whose office they hold."""
    return span.root.dep_ in {"nsubj", "nsubjpass"}


def _previous_subject_state(span: Span, ent_of: dict[int, str], entities: dict, dominant: str | None) -> str | None:
    """The state the sentence before is about, when the article's own state is named in neither
    sentence: "Peru closed the crossing ... Foreign Minister X said" is Peru's minister in an
    article about Bolivia."""
    doc, start = span.doc, span.sent.start
    if start == 0:
        return None
    prev = doc[start - 1].sent
    if dominant and any(ent_of.get(t.i) == dominant for t in [*prev, *span.sent]):
        return None
    return _subject_state(prev, ent_of, entities)


def _subject_state(sent: Span, ent_of: dict[int, str], entities: dict) -> str | None:
    """The state that is the main clause's subject: itself ("Peru closed the crossing") or its
    government ("Yemen's internationally recognised government welcomed ...")."""
    for subj in (t for t in sent if t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ == "ROOT"):
        heads = [subj] + ([c for c in subj.children if c.dep_ in {"poss", "amod", "compound"}]
                          if subj.lemma_.lower() in {"government", "administration", "authorities"} else [])
        for t in heads:
            e = entities.get(ent_of.get(t.i, ""))
            if e is not None and e.type == "Country":
                return ent_of[t.i]
    return None


def _dateline_state(doc: Doc, entities: dict) -> str | None:
    """The state of a wire dateline's place ("AMMAN, May 2 ... –" -> Jordan) when the article
    names that state: whose officials a story filed there quotes without saying."""
    place = find_dateline_place(doc_text(doc))
    country = place and (gazetteer.country_by_capital(place) or gazetteer.country_by_name(place))
    if not country and place and (known := gazetteer.place_by_name(place)) is not None and known.country_code:
        country = gazetteer.country_by_code(known.country_code)
    key = slug(country.name) if country else None
    return key if key in entities and entities[key].type == "Country" else None


def _acted_on(span: Span, ent_of: dict[int, str]) -> set[str]:
    """Entities named in the clause a person is the subject of: in "Chancellor Olaf Scholz
    urged Brazil to ...", Brazil is whom he urged, not whose chancellor he is."""
    # Where someone travels to is never their own state ("accompanying President Lula during the
    # visit to Angola"), wherever the sentence says it.
    sent = span.sent
    # Only for the clause of the journey (whom the traveller meets there is the destination's:
    # "fly on to Chile on Tuesday, where he will meet President Gabriel Boric").
    own_verb = _clause_verb(span.root.head)
    destinations = {ent_of[o.i] for t in sent if t.lower_ == "to" and t.head.lemma_.lower() in DESTINATION_HEADS
                    and _clause_verb(t.head).i == own_verb.i
                    for o in t.children if o.dep_ == "pobj" and o.i in ent_of}
    if span.root.dep_ not in {"nsubj", "nsubjpass"}:
        return destinations
    # Objects and prepositional objects only: what a minister *says* about a state ("said
    # Peru wanted trade") is often about their own.
    heads = [c for c in span.root.head.children if c.dep_ in {"dobj", "obj", "dative", "prep", "agent"}]
    return destinations | {ent_of[t.i] for h in heads for t in h.subtree if t.i in ent_of}


def _clause_verb(tok):  # noqa: ANN001, ANN202
    """The verb of the clause a token is in (itself when a verb)."""
    for _ in range(6):
        if tok.pos_ in {"VERB", "AUX"} or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


# Words of travel whose "to" phrase is a destination.
DESTINATION_HEADS = frozenset({"visit", "trip", "tour", "travel", "journey", "mission", "arrive", "fly", "go",
                               "come", "head", "return"})
