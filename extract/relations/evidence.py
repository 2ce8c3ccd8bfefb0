"""What every standing relation carries besides its triple: the quote it was read from and
how far the rule that read it is trusted."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.graph.model import Span as TextSpan

from ..doccache import text as doc_text

# Confidence of each standing-relation rule (how often the pattern is right in news text).
TITLE_CONFIDENCE = {"compound": 0.9, "appos": 0.8, "copula": 0.75, "of": 0.7, "context": 0.5}


def _covering(doc: Doc, tokens: list[Token]) -> TextSpan:
    """The text from the first to the end of the last of ``tokens``: a relation's evidence."""
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return TextSpan(start, end, doc_text(doc)[start:end])
