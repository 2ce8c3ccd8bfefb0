"""Reported speech: who says what. A predicate inside a clause reported by a speech verb
("Haley said that Russia ...") or inside quotation marks attributed to a speaker
('"We support Russia," said Chavez.', 'Chavez said: "We support Russia. Russia is right."')
has that speaker; first-person pronouns inside a quote are the speaker ("we" in a
spokesman's quote is the body he speaks for)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from .frames import subject_of

# Verbs that report speech or a stated position; their subject is the speaker of their
# complement clause and of a quote they attribute.
SPEECH_VERBS = frozenset({"say", "tell", "state", "add", "announce", "declare", "claim", "insist", "warn",
                          "note", "argue", "assert", "stress", "write", "explain", "reply", "respond",
                          "confirm", "deny", "allege", "report", "tweet", "continue", "conclude",
                          "emphasize", "emphasise", "maintain", "acknowledge", "admit", "affirm",
                          "urge", "demand", "comment", "remark", "recall", "predict", "promise",
                          "vow", "pledge", "threaten", "ask", "accuse", "charge", "complain"})
# Quotation marks that open and close a quote (straight quotes do both).
OPENING_QUOTES = frozenset({"\u201c", '"', "``", "\u00ab"})
CLOSING_QUOTES = frozenset({"\u201d", '"', "''", "\u00bb"})
# First-person pronouns: singular ones are the speaker, plural ones the body the speaker
# speaks for (or the speaker, when no body is named).
FIRST_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})
FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
# How far (tokens) after a closing quote or before an opening one an attribution may sit.
ATTRIBUTION_REACH = 12
# How many tokens a quote may run over (one quote of a long speech, not the whole article
# when a quotation mark is missing).
MAX_QUOTE_TOKENS = 400


def quotes(doc: Doc) -> Iterator[tuple[int, int]]:
    """Token ranges [start, end) inside quotation marks, the marks excluded. A straight quote
    opens when no quote is open and closes the open one."""
    start = None
    for tok in doc:
        text = tok.text
        if start is None and text in OPENING_QUOTES:
            start = tok.i + 1
        elif start is not None and text in CLOSING_QUOTES:
            if tok.i - start <= MAX_QUOTE_TOKENS:
                yield start, tok.i
            start = None
        elif start is not None and tok.i - start > MAX_QUOTE_TOKENS:
            start = None  # an unmatched mark: no quote


def _speech_verb_near(doc: Doc, start: int, end: int) -> Token | None:
    """The speech verb attributing the quote [start, end): after the closing mark ('"...,"
    said X', '"...," X said') or before the opening one ('X said: "..."'), in reach."""
    after = range(end + 1, min(len(doc), end + 1 + ATTRIBUTION_REACH))
    before = range(start - 2, max(-1, start - 2 - ATTRIBUTION_REACH), -1)
    for window in (after, before):
        for i in window:
            tok = doc[i]
            if tok.text in OPENING_QUOTES | CLOSING_QUOTES:
                break  # another quote begins: its attribution is not this one's
            if tok.lemma_ in SPEECH_VERBS and tok.pos_ in {"VERB", "AUX"}:
                return tok
    return None


def speaker_of_verb(verb: Token) -> list[Token]:
    """Who a speech verb reports: its subject (own or inherited)."""
    found = subject_of(verb)
    return found[1] if found is not None and found[0] == "agent" else []


def reported_speaker(tok: Token) -> list[Token]:
    """The speaker of the clause ``tok`` is in when a speech verb reports it ("X said that
    Russia ...", "Russia ..., X said"), nearest first; [] outside reported speech."""
    node = tok
    while node.head.i != node.i:
        if node.dep_ in {"ccomp", "parataxis"} and node.head.lemma_ in SPEECH_VERBS:
            return speaker_of_verb(node.head)
        node = node.head
    if node.i != tok.i:
        # The clause is the sentence's root: a speech verb in parataxis under it reports it
        # ("Russia is right, Chavez said").
        for child in node.children:
            if child.dep_ == "parataxis" and child.lemma_ in SPEECH_VERBS:
                return speaker_of_verb(child)
    return []


def quote_speakers(doc: Doc) -> dict[int, list[Token]]:
    """Token index -> the speaker heads of the quote it is in, for every attributed quote."""
    out: dict[int, list[Token]] = {}
    for start, end in quotes(doc):
        verb = _speech_verb_near(doc, start, end)
        speakers = speaker_of_verb(verb) if verb is not None else []
        if not speakers:
            continue
        for i in range(start, end):
            out[i] = speakers
    return out


def first_person(doc: Doc, speakers: dict[int, list[Token]]) -> Iterator[tuple[Token, Token, bool]]:
    """(pronoun, speaker head, plural) for every first-person pronoun in an attributed quote."""
    for i, heads in speakers.items():
        tok = doc[i]
        low = tok.lower_
        if tok.pos_ == "PRON" and (low in FIRST_SINGULAR or low in FIRST_PLURAL) and len(heads) == 1:
            yield tok, heads[0], low in FIRST_PLURAL
