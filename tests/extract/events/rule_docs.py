"""Hand-built parses for pure-rule tests of extract/events/ (no model: ``spacy.blank("en")``).

Not a test module (no ``test_`` prefix): the test modules beside it import it by name, as the
other tests import ``conftest`` (pytest puts this folder on ``sys.path``)."""

from __future__ import annotations

from types import SimpleNamespace

import spacy
from spacy.tokens import Doc

from newsgraph.extract.events import lexicon
from newsgraph.extract.events.draft import _Event

_NLP = spacy.blank("en")
for _name in ("ng_pronouns", "ng_entities"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def parse(rows: str, **extra) -> Doc:
    """A Doc from one line per token: ``word head dep pos lemma [tag]`` (head: the index of the
    head token, the token's own index for the root; blank lines are skipped, so tables can be
    joined)."""
    cols = [ln.split() for ln in rows.strip().splitlines() if ln.strip()]
    return Doc(_NLP.vocab, words=[c[0] for c in cols], spaces=[True] * (len(cols) - 1) + [False],
               heads=[int(c[1]) for c in cols], deps=[c[2] for c in cols], pos=[c[3] for c in cols],
               lemmas=[c[4] for c in cols], tags=[c[5] if len(c) > 5 else "" for c in cols], **extra)


def event(doc: Doc, i: int, event_class: str, pos: str = "VERB") -> _Event:
    """A draft event of ``event_class`` triggered at token ``i``."""
    trig = lexicon.Trigger(lemma=doc[i].lemma_, pos=pos, event_class=event_class,
                           cameo=lexicon.event_classes()[event_class].cameo, requires="", confidence=0.9)
    return _Event(trig=trig, tokens=[doc[i]])


def entities(**types: str) -> dict:
    """Entity records as the rules read them: key -> an object with ``type``."""
    return {key: SimpleNamespace(type=kind) for key, kind in types.items()}
