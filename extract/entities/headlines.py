"""Headlines, captions and datelines: the lines where Title Case makes names of common words,
and the dateline city that is where a story was filed.

Tests: tests/extract/entities/test_entity_headlines.py.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from spacy.tokens import Doc

from .. import gazetteer
from ..doc import HEADLINE_STARTS, HEADLINES, TITLE
from ..doccache import text as doc_text, tokens
from ..reader import dateline_place_span, guess_title
from .mention import _Mention


def headline_lines(doc: Doc) -> list[tuple[int, int]]:
    """Cached :func:`_find_headline_lines`."""
    cached = doc.user_data.get(HEADLINES)
    if cached is None:
        cached = doc.user_data[HEADLINES] = _find_headline_lines(doc_text(doc))
    return cached



def in_headline(doc: Doc, start: int, end: int | None = None) -> bool:
    """Whether characters ``start``..``end`` lie within a headline line of the Doc."""
    end = start + 1 if end is None else end
    lines = headline_lines(doc)
    starts = doc.user_data.get(HEADLINE_STARTS)
    if starts is None or len(starts) != len(lines):
        starts = doc.user_data[HEADLINE_STARTS] = [a for a, _ in lines]
    # Lines never overlap: only the last one starting at or before ``start`` can hold it (a
    # bisection, not a scan: a long document can have thousands of subheads and captions).
    i = bisect_right(starts, start) - 1
    return i >= 0 and end <= lines[i][1]



def in_title(doc: Doc, start: int) -> bool:
    """Whether character ``start`` lies in the article's title: a Title-Case headline line, or a
    first line that reads as a title in any case (``reader.guess_title``: "Israel announces
    ceasefire in Gaza Strip"), where headline grammar drops auxiliaries and articles."""
    if in_headline(doc, start):
        return True
    span = doc.user_data.get(TITLE)
    if span is None:
        text = doc_text(doc)
        offset = len(text) - len(text.lstrip("\ufeff"))
        title = guess_title(text[:offset + 1000])  # (the first line is all it reads)
        span = doc.user_data[TITLE] = (offset, offset + len(title)) if title else (0, 0)
    return span[0] <= start < span[1]


def _find_headline_lines(doc_string: str) -> list[tuple[int, int]]:
    """Character ranges of Title-Case lines (headlines, subheads), where the model's NER is
    unreliable: most words capitalised and no sentence-final stop."""
    out, pos = [], 0
    for line in doc_string.split("\n"):
        words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line)]
        long_words = [w for w in words if len(w) > 3]
        if len(words) >= 3 and not line.rstrip().endswith((".", "?", "!", "\"", "”")) and long_words and \
                sum(w[0].isupper() for w in long_words) >= 0.7 * len(long_words):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out



def _confirm_headline_mentions(doc: Doc, mentions: list[_Mention]) -> Iterator[_Mention]:
    """Check headline mentions against the body, where capitals mean something: cut one back to
    the longest part the body names ("Erdogan and Putin Agree" -> "Putin", "Minister Visits
    Bangladesh" -> "Bangladesh"); drop one the body writes in lower case ("Protests Spread",
    "Flood Aid"): Title Case makes names of common words."""
    lines = headline_lines(doc)
    if not lines:
        yield from mentions
        return
    body_names = {m.text for m in mentions if not in_headline(doc, m.start, m.end)}
    body_words = {w for name in body_names for w in name.split()}
    lower_words = {t.text for t in tokens(doc) if t.text.islower() and not in_headline(doc, t.idx)}
    for m in mentions:
        if not in_headline(doc, m.start, m.end) or m.text in body_names or m.source != "ner":
            yield m
            continue
        words = m.text.split()
        best = None
        for n in range(len(words) - 1, 0, -1):  # the longest part the body knows
            for i in range(0, len(words) - n + 1):
                part = " ".join(words[i:i + n])
                if part in body_names or (n == 1 and part in body_words):
                    best = (i, part)
                    break
            if best:
                break
        if best is not None:
            start = m.start + len(" ".join(words[:best[0]])) + (1 if best[0] else 0)
            yield _Mention(start=start, end=start + len(best[1]), text=best[1], type=m.type,
                           key=m.key, label=m.label, source=m.source, token=m.token, link=m.link)
        elif not any(w.lower() in lower_words for w in words):
            yield m  # a caption's or headline's own name: nothing contradicts it



def _without_common_words(doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
    """Drop a one-word 'person' that the article also writes in lower case ("Murder", "Conspiracy"
    in a headline) and that is no part of a person's full name there."""
    lower = {t.text for t in tokens(doc) if t.text.islower() and t.is_alpha}
    in_names = {w for m in mentions if m.type == "Person" and " " in m.text for w in m.text.split()}
    return [m for m in mentions if not (m.type == "Person" and m.source == "ner" and " " not in m.text
                                        and m.text.lower() in lower and m.text not in in_names)]



def _dateline_city(doc: Doc, mentions: list[_Mention]) -> None:
    """'MUSCAT, July 10, 2026 (Agency) –': the dateline names where the story was filed, a place,
    never the government a capital elsewhere stands for."""
    span = dateline_place_span(doc_text(doc))
    for m in mentions if span else ():
        if span[0] <= m.start and m.end <= span[1] and m.type in {"Country", "Person", "Organization"} \
                and gazetteer.country_by_name(m.text) is None:
            m.type, m.key, m.source, m.link = "Place", None, "ner", None
            m.label = m.text.title() if m.text.isupper() else m.text
    if span and not any(m.start < span[1] and span[0] < m.end for m in mentions):
        # a dateline city the model left untagged ("BANGUI, Central African Republic: ..."): the
        # place the story was filed from, when the gazetteer knows it
        words = doc.char_span(span[0], span[1], alignment_mode="expand")
        place = gazetteer.place_by_name(words.text.title()) if words is not None else None
        if place is not None:
            mentions.append(_Mention(start=span[0], end=span[1], text=doc_text(doc)[span[0]:span[1]], type="Place",
                                     label=place.name, source="dateline", token=words.root.i))
