"""The ``newsgraph_predicates`` pipeline component: the predicate-argument layer on the Doc.

``doc._.ng_frames``: token index -> :class:`~.frames.Frame` for every verb, every noun the
trigger lexicon knows and every predicative adjective, with the speakers of reported speech.
First-person pronouns inside an attributed quote join ``doc._.ng_pronouns`` (pronoun token ->
entity key), so every later rule reads "we" as the body the speaker speaks for."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..doc import ENTITIES, FRAMES, PAIRS, PRONOUNS
from ..doccache import tokens
from ..entities import mentions_by_token
from .frames import Frame, adjective_frame, noun_frame, verb_frame
from .speech import first_person, quote_speakers, reported_speaker, speaker_of_verb
from .verb_classes import REPORTING_VERBS


@Language.factory(
    "newsgraph_predicates",
    assigns=[f"doc._.{FRAMES}", f"doc._.{PRONOUNS}"],
    requires=[f"doc._.{ENTITIES}", "doc.spans", "token.dep", "token.pos", "token.lemma", "token.tag"])
def make_predicate_layer(nlp: Language, name: str) -> "PredicateLayer":
    return PredicateLayer(name)


def _event_nouns() -> frozenset[str]:
    from ..events.lexicon import trigger_lexicon  # (events reads this layer: import when run)

    return frozenset(lemma for lemma, pos in trigger_lexicon() if pos in {"NOUN", "ADJ"})


class PredicateLayer:
    """Pipeline component: every predicate's frame (``doc._.ng_frames``), and first person in
    quotes resolved to the speaker (``doc._.ng_pronouns``)."""

    def __init__(self, name: str = "newsgraph_predicates") -> None:
        self.name = name
        self._nouns: frozenset[str] | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self._nouns is None:
            self._nouns = _event_nouns()
        speakers = quote_speakers(doc)
        frames: dict[int, Frame] = {}
        for tok in tokens(doc):
            frame = self._frame(tok)
            if frame is None:
                continue
            said_by = reported_speaker(tok) or speakers.get(tok.i, [])
            frames[tok.i] = frame._replace(speakers=tuple(t.i for t in said_by)) if said_by else frame
        doc._.ng_frames = frames
        ent_of = mentions_by_token(doc)
        doc._.ng_pronouns = {**_reported_it_keys(doc, ent_of), **(doc._.ng_pronouns or {}),
                             **_first_person_keys(doc, speakers, ent_of)}
        return doc

    def _frame(self, tok: Token) -> Frame | None:
        if tok.pos_ == "VERB" or tok.pos_ == "AUX" and any(c.dep_ in {"nsubj", "acomp"} for c in tok.children):
            return verb_frame(tok)
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in self._nouns:
            return noun_frame(tok)
        if tok.pos_ == "ADJ":
            return adjective_frame(tok)
        return None




def _reported_it_keys(doc: Doc, ent_of: dict[int, str]) -> dict[int, str]:
    """"Ukraine said it would free 20 prisoners", "the army said it had killed 40 fighters":
    "it" as the subject of a clause that a state or an organisation reports, after the
    reporting verb, is that reporter; so is "they" when the reporter is several states or
    bodies ("France and Germany said they would ...", "20 countries, including the United
    States, announced they would ..."): one of them in ``ng_pronouns``, several in the pairs.
    ("They" of a reporter that is one body or unnamed people is left alone: it is as often the
    people the clause is about.)"""
    from ..events.fillers import _fillers  # (the entity a phrase names: one rule for everyone)

    entities = doc._.ng_entities or {}
    out: dict[int, str] = {}
    for tok in tokens(doc):
        if tok.lower_ not in {"it", "they"} or tok.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        clause = tok.head
        if clause.dep_ != "ccomp" or clause.head.lemma_ not in REPORTING_VERBS or clause.head.i > tok.i:
            continue
        said_by = speaker_of_verb(clause.head)
        keys = list(dict.fromkeys(k for s in said_by for k in _fillers(s, ent_of, anonymous=False)
                                  if k in entities and entities[k].type in {"Country", "Organization", "Group"}))
        if tok.lower_ == "it" and len(keys) == 1:
            out[tok.i] = keys[0]
        elif tok.lower_ == "they" and keys and any(s.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in s.children)
                                                  for s in said_by):
            if len(keys) == 1:
                out[tok.i] = keys[0]
            else:
                doc.user_data.setdefault(PAIRS, {})[tok.i] = tuple(keys)
    return out


def _first_person_keys(doc: Doc, speakers: dict[int, list[Token]], ent_of: dict[int, str]) -> dict[int, str]:
    """First-person pronoun token -> the entity key it stands for: the speaker ("I"), or the
    body the speaker speaks for ("we" in "said Fawzi Barhoum, a Hamas spokesman")."""
    from ..events.fillers import _fillers  # (the entity a phrase names: one rule for everyone)

    entities = doc._.ng_entities or {}
    out: dict[int, str] = {}
    for pron, head, plural in first_person(doc, speakers):
        named = list(_fillers(head, ent_of, anonymous=False))
        if not named:
            continue
        # "Fawzi Barhoum, a Hamas spokesman": the apposition names the body he speaks for.
        named += [k for c in head.children if c.dep_ == "appos" for k in _fillers(c, ent_of, anonymous=False)]
        # "Georgian Foreign Minister Ekaterine Tkeshelashvili": the state of his title.
        named += [ent_of[c.i] for c in head.subtree if c.i < head.i and c.dep_ in {"compound", "amod", "poss"}
                  and c.i in ent_of and ent_of[c.i] in entities and entities[ent_of[c.i]].type == "Country"]
        bodies = [k for k in named if k in entities and entities[k].type != "Person"]
        out[pron.i] = bodies[0] if plural and bodies else named[0]
    return out
