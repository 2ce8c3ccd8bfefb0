"""Reported speech: who says what. A predicate inside a clause reported by a verb of saying
or of stance ("Haley said that Russia ...", "Poland believes Russia ..."), under "according
to X", or inside quotation marks attributed to a speaker ('"We support Russia," said Chavez.',
'Chavez said: "We support Russia. Russia is right."') has that speaker; what a directive asks
for ("demanded that Russia withdraw") has none. First-person pronouns inside a quote are the
speaker ("we" in a spokesman's quote is the body he speaks for). Events read their reporter
from here (``doc._.ng_frames``)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..doccache import CLOSING_QUOTES, OPENING_QUOTES, QUOTE_MARKS
from .frames import subject_of
from .verb_classes import REPORTING_VERBS, SPEECH_VERBS

# Marks of an embedded question ("declined to say whether talks would resume"): it reports nothing.
QUESTION_MARKS = frozenset({"whether", "if"})
# Verbs through which an infinitive reporting verb is still said ("went on to say", "continued
# to insist"); under any other ("declined to say", "asked him to confirm") it is not.
SAID_THROUGH = frozenset({"go", "continue", "keep", "begin", "start", "proceed"})
# Nouns of a stated source ("according to a statement by the army", "according to the army's
# report"): the source is who issued it.
SOURCE_NOUNS = frozenset({"statement", "report", "communique", "announcement", "release", "account",
                          "estimate", "tally"})
# Prepositions that name the issuer of a source noun ("a statement by / from the army").
ISSUER_PREPS = frozenset({"by", "from", "of"})
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
            if tok.text in QUOTE_MARKS:
                break  # another quote begins: its attribution is not this one's
            if tok.lemma_ in SPEECH_VERBS and tok.pos_ in {"VERB", "AUX"}:
                return tok
    return None


def speaker_of_verb(verb: Token) -> list[Token]:
    """Who a speech verb reports: its subject (own or inherited); not a credit in brackets
    that the parser made a second subject ("ABUJA (Reuters) - Nigeria's army said ...": the
    wire carries the story, the army says it)."""
    found = subject_of(verb)
    if found is None or found[0] != "agent":
        return []
    return [t for t in found[1] if not _bracketed(t)]


def _bracketed(tok: Token) -> bool:
    doc = tok.doc
    return 0 < tok.i < len(doc) - 1 and doc[tok.i - 1].text == "(" and doc[tok.i + 1].text == ")"


def reports(verb: Token, clause: Token) -> bool:
    """Whether ``verb`` reports ``clause`` as said: not an embedded question ("did not say if"),
    not under a negation ("did not say that") nor an infinitive it hangs on ("declined to say",
    "asked him to confirm")."""
    if any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in clause.children):
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    return verb.dep_ != "xcomp" or verb.head.lemma_ in SAID_THROUGH


def according_to(node: Token) -> list[Token]:
    """The source an "according to X" on ``node`` names: X, or who issued X when X is a
    statement or report ("according to a statement by the army", "the army's report")."""
    for prep in node.children:
        if prep.dep_ != "prep" or prep.lower_ != "according":
            continue
        for obj in (o for to in prep.children if to.lower_ == "to" for o in to.children if o.dep_ == "pobj"):
            if obj.lemma_.lower() not in SOURCE_NOUNS:
                return [obj]
            issuers = [c for c in obj.children if c.dep_ == "poss"] + [
                o for p in obj.children if p.dep_ == "prep" and p.lower_ in ISSUER_PREPS
                for o in p.children if o.dep_ == "pobj"]
            return issuers[:1]
    return []


def reported_speaker(tok: Token) -> list[Token]:
    """The source of the clause ``tok`` is in, nearest first: the subject of a reporting verb
    that governs it ("X said that Russia ...", "X believes Russia ..."), or of one hung beside
    it ("Russia ..., X said"), or an "according to X" on it; [] when nobody reports it."""
    node = tok
    while True:
        if node.dep_ == "prep" and node.lower_ == "according":
            return []  # the source phrase itself ("according to a statement") is not reported
        source = according_to(node)
        if source:
            return source
        if node.head.i == node.i:
            break
        if node.dep_ in {"ccomp", "parataxis"} and node.head.lemma_ in REPORTING_VERBS:
            return speaker_of_verb(node.head) if reports(node.head, node) else []
        node = node.head
    # The clause is the sentence's root (or under it): a reporting verb in parataxis under the
    # root reports it ("Russia is right, Chavez said").
    for child in node.children:
        if child.dep_ == "parataxis" and child.lemma_ in REPORTING_VERBS and child.i != tok.i:
            return speaker_of_verb(child) if reports(child, node) else []
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
