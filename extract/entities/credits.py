"""Photo credits and bare fragments: text that names no actor of the story.

A credit says who made or holds a picture: "Image: Kremlin.ru", "Photo: Wikimedia Commons",
"Credit: Nordic Press Agency", "(Photo by Ana Ruiz/Reuters)", "(Image credit: ...)", a line that
is only a web address and names ("Wikimedia Commons/Kremlin.ru"), or the names that end a caption
after its sentence ("Image: The minister in Riga. Wikimedia Commons/Kremlin.ru").  A caption
that describes the picture ("Image: Angela Merkel arriving at the summit.") is text like any
other and keeps its names.  :func:`credit_spans` finds the credits of a text (no parse needed);
the entity component drops every mention inside one, and every fragment of a name that starts
or ends with a hyphen ("Massachusetts-" of "Massachusetts-Dartmouth").

Word lists: data/entity_captions.tsv (``CAPTION_WORDS``, ``CREDIT_WORDS``), ``CREDIT_CONNECTORS``.
Tests: tests/extract/entities/test_entity_credits.py.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .wordlists import CAPTION_WORDS, CREDIT_CONNECTORS, CREDIT_WORDS

# A web address as a name: "Kremlin.ru", "en.wikipedia.org" (not "U.S.", "St.").
_DOMAIN = re.compile(r"^[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.[a-z]{2,6}$")
_CAPTION = "|".join(sorted(map(re.escape, CAPTION_WORDS), key=len, reverse=True))
_CREDIT = "|".join(sorted(map(re.escape, CREDIT_WORDS), key=len, reverse=True))
# "Image: ...", "Photo credit: ...", "PHOTO: ...", "Credit: ...": (label, what follows) of a line.
_LABELLED_LINE = re.compile(rf"^[ \t]*(?i:(?P<label>{_CAPTION}|{_CREDIT})(?P<credit>\s+(?:credits?|courtesy))?)"
                            r"[ \t]*:[ \t]*(?P<rest>.*)$", re.MULTILINE)
# "Photo by Ana Ruiz/Reuters", "Picture courtesy of the Navy": a line of a credit's names.
_BY_LINE = re.compile(rf"^[ \t]*(?i:{_CAPTION})[ \t]+(?:by|courtesy of|credit)[ \t]+(?P<rest>.*)$", re.MULTILINE)
# "(Photo by ...)", "(Image credit: ...)", "(Photo: AP)", "(Courtesy of ...)".
_BRACKETED = re.compile(rf"\((?i:(?:{_CAPTION})\s+credits?\b|(?:{_CAPTION})\s*(?::|by\b|courtesy\b)|(?:{_CREDIT})\b)"
                        r"[^()\n]*\)")
# The end of a caption's sentence, before the credit that may close its line.
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*[ \t]+(?=\S)")


def is_fragment(text: str) -> bool:
    """A piece of a longer word: a name that starts or ends with a hyphen or dash."""
    text = text.strip()
    return text[:1] in {"-", "–", "—"} or text[-1:] in {"-", "–", "—"}


def names_only(text: str) -> bool:
    """Whether ``text`` is a list of names, as a credit is: every word capitalised, a number,
    a web address or a connector ("by", "via", "/"), and at most 12 words."""
    words = [w.strip("()[]\"'“”‘’.,:;") for w in re.split(r"[\s/|,;]+", text.strip())]
    words = [w for w in words if w]
    return 0 < len(words) <= 12 and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in CREDIT_CONNECTORS or _DOMAIN.match(w) for w in words)


def _has_domain(text: str) -> bool:
    return any(_DOMAIN.match(w.strip("()[]\"'.,:;")) for w in re.split(r"[\s/|,;]+", text) if w)


def credit_spans(text: str) -> list[tuple[int, int]]:
    """The character ranges of the credits in ``text`` (see the module docstring), sorted."""
    spans: list[tuple[int, int]] = []
    for m in _LABELLED_LINE.finditer(text):
        rest, start = m.group("rest"), m.start("rest")
        if m.group("label").capitalize() in CREDIT_WORDS or m.group("credit") or names_only(rest):
            spans.append((m.start(), m.end()))  # a credit line
            continue
        ends = list(_SENTENCE_END.finditer(rest))
        if ends and names_only(rest[ends[-1].end():]):  # a caption, then its credit
            spans.append((start + ends[-1].end(), m.end()))
    spans += [(m.start(), m.end()) for m in _BY_LINE.finditer(text) if names_only(m.group("rest"))]
    spans += [(m.start(), m.end()) for m in _BRACKETED.finditer(text)]
    pos = 0
    for line in text.split("\n"):  # a line of names with a web address: "Wikimedia Commons/Kremlin.ru"
        if _has_domain(line) and names_only(line):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return _merged(spans)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def in_credit(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether characters ``start``..``end`` lie in one of ``spans`` (``starts``: their starts)."""
    i = bisect_right(starts, start) - 1
    return i >= 0 and end <= spans[i][1]


def not_credits(text: str):
    """A filter of mentions (anything with ``start``, ``end`` and ``text``): False for a
    mention inside a credit of ``text`` or a fragment of a name."""
    spans = credit_spans(text)
    starts = [s for s, _ in spans]
    return lambda m: not is_fragment(m.text) and not (spans and in_credit(spans, starts, m.start, m.end))
