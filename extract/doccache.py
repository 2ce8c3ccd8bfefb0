"""Per-Doc caches shared by newsgraph's components.

Iterating a Doc creates a new Token object per token, and ``Token.sent`` walks the parse to
find the sentence each time; the components need both many times per article, so they are
computed once and kept in ``doc.user_data`` (dropped with the Doc).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .doc import DATES, SENTENCES, TEXT, TOKENS

# Quotation marks that open and close a quote (straight quotes do both).
OPENING_QUOTES = frozenset({"\u201c", '"', "``", "\u00ab"})
CLOSING_QUOTES = frozenset({"\u201d", '"', "''", "\u00bb"})
# Either kind of quotation mark (one set, not a union per token).
QUOTE_MARKS = OPENING_QUOTES | CLOSING_QUOTES



def text(doc: Doc) -> str:
    """The Doc's text (spaCy rebuilds ``doc.text`` from the tokens on every access)."""
    cached = doc.user_data.get(TEXT)
    if cached is None:
        cached = doc.user_data[TEXT] = doc.text
    return cached


def tokens(doc: Doc) -> list[Token]:
    """The Doc's tokens as one list, made once."""
    cached = doc.user_data.get(TOKENS)
    if cached is None or len(cached) != len(doc):
        cached = doc.user_data[TOKENS] = list(doc)
    return cached


def sentences(doc: Doc) -> tuple[list[int], list[tuple[int, int]]]:
    """Token index -> sentence number, and each sentence's (start, end) token indices."""
    cached = doc.user_data.get(SENTENCES)
    if cached is None:
        of, bounds = [0] * len(doc), []
        for n, sent in enumerate(doc.sents):
            bounds.append((sent.start, sent.end))
            of[sent.start:sent.end] = [n] * (sent.end - sent.start)
        cached = doc.user_data[SENTENCES] = (of, bounds)
    return cached


def sentence_span(tok: Token) -> tuple[int, int]:
    """(start, end) token indices of the token's sentence."""
    of, bounds = sentences(tok.doc)
    return bounds[of[tok.i]]


def sentence_chars(tok: Token) -> tuple[int, int]:
    """(start, end) character offsets of the token's sentence."""
    first, last = sentence_span(tok)
    doc = tok.doc
    return doc[first].idx, doc[last - 1].idx + len(doc[last - 1])


def date_entity_of(doc: Doc) -> dict[int, tuple[int, int]]:
    """Token index -> (start, end) of the DATE entity it is in (``doc.ents`` builds every
    entity Span on each access)."""
    cached = doc.user_data.get(DATES)
    if cached is None:
        cached = doc.user_data[DATES] = {
            i: (e.start, e.end) for e in doc.ents if e.label_ == "DATE" for i in range(e.start, e.end)}
    return cached
