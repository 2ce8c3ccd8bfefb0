"""Read articles from files, folders, JSONL and stdin.

Every article's ``text`` is the exact decoded input (for HTML: the article body the
extraction library returns); all offsets downstream refer to it.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.graph.model import Article

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ""})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

# spaCy's default Doc limit; beyond it the parser's memory use explodes.
MAX_CHARS = 1_000_000

# A dateline is a short line near the top that is only a date ("Friday, August 21, 2015").
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][A-Za-z.'’ -]+)?,\s+)?"  # "BISHKEK, " / "KABUL, Afghanistan, "
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})"
    # the line ends, or a wire dateline runs into the story: "AMMAN, May 2, 2025 (Reuters) – ..."
    r"(?:\s*$|(?=\s*(?:\([^)\n]{1,40}\)\s*)?[-–—]\s))",
    re.MULTILINE,
)
# The place of a wire dateline ("AMMAN, May 2, 2025 (Reuters) – ...").
_DATELINE_PLACE = re.compile(r"^\s*([A-Z][A-Z.'’ -]+[A-Z.])(?:,\s*[A-Z][A-Za-z.'’ -]+)?,\s+\S")


def iter_paths(inputs: Iterable[str]) -> Iterator[str | Path]:
    """Expand inputs: folders recursively (sorted, supported suffixes only), ``-`` as is."""
    for item in inputs:
        if item == "-":
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in SUPPORTED - {""}
                           and not p.name.startswith(".") and not _is_boilerplate(p.name))
            yield from files
        elif path.is_file():
            yield path
        else:
            raise InputError(f"{item}: no such file or folder")


# Files that accompany corpora but are not articles (a folder scan skips them).
_BOILERPLATE = re.compile(r"^(license|licence|readme|copying|notice|changelog|authors)([._-].*)?$", re.I)


def _is_boilerplate(name: str) -> bool:
    return bool(_BOILERPLATE.match(name))


def read_articles(inputs: Iterable[str], *, date: str | None = None,
                  max_chars: int = MAX_CHARS) -> Iterator[Article]:
    """Yield one :class:`Article` per document in ``inputs``; ids must be unique."""
    seen: dict[str, str] = {}
    for path in iter_paths(inputs):
        for art in _read_one(path, date=date, max_chars=max_chars):
            where = str(path)
            if art.id in seen:
                raise InputError(f"{where}: document id {art.id!r} already used by {seen[art.id]}")
            seen[art.id] = where
            yield art


def _read_one(path: str | Path, *, date: str | None, max_chars: int) -> Iterator[Article]:
    if path == "-":
        data = sys.stdin.buffer.read()
        name, source, suffix = "stdin", None, ".txt"
    else:
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
        name, source, suffix = path.name, str(path), path.suffix.lower()
    label = source or "stdin"
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(data, label, date=date, max_chars=max_chars)
        return
    text = decode(data, label)
    if suffix in HTML_SUFFIXES:
        yield _check(html_article(text, name, source, date=date), label, max_chars)
        return
    if suffix not in TEXT_SUFFIXES:
        raise InputError(f"{label}: unsupported file type {suffix!r} (use .txt, .md, .html or .jsonl)")
    yield _check(Article(id=name, text=text, title=guess_title(text),
                         date=date or find_dateline(text), source=source), label, max_chars)


def decode(data: bytes, label: str) -> str:
    """Strict UTF-8 (a BOM is not text and is dropped); binary data is refused."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{label}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{label}: not valid UTF-8 (byte {exc.start}); convert it to UTF-8 first") from exc


def _check(article: Article, label: str, max_chars: int) -> Article:
    if not article.text.strip():
        raise InputError(f"{label}: empty document")
    if len(article.text) > max_chars:
        raise InputError(f"{label}: {len(article.text):,} characters is more than the limit of "
                         f"{max_chars:,} (split it, or raise --max-chars)")
    return article


def _read_jsonl(data: bytes, label: str, *, date: str | None, max_chars: int) -> Iterator[Article]:
    text = decode(data, label)
    count = 0
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{label}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: malformed JSON ({exc.msg})") from exc
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or rec.get("id") in (None, ""):
            raise InputError(f"{where}: a record needs a string 'text' and an 'id'")
        count += 1
        yield _check(Article(
            id=str(rec["id"]), text=rec["text"], title=rec.get("title") or guess_title(rec["text"]),
            date=normalise_date(rec.get("date")) or date or find_dateline(rec["text"]),
            source=rec.get("url") or f"{label}#{lineno}",
        ), where, max_chars)
    if not count:
        raise InputError(f"{label}: no records")


def html_article(html: str, name: str, source: str | None, *, date: str | None = None) -> Article:
    """Article body, title and date of an HTML page through trafilatura."""
    import trafilatura  # slow import; only HTML input needs it

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      favor_precision=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text:
        raise InputError(f"{source or name}: no article text found in the HTML")
    return Article(id=name, text=text, title=getattr(doc, "title", None),
                   date=date or normalise_date(getattr(doc, "date", None)),
                   source=getattr(doc, "url", None) or source)


def guess_title(text: str) -> str | None:
    """The first line when it reads as a headline: short, followed by a blank line, no final stop."""
    lines = text.lstrip("\ufeff").split("\n", 2)
    first = lines[0].strip()
    if (first and len(first) <= 200 and len(lines) > 1 and not lines[1].strip()
            and not first.endswith((".", ":", ";", ","))):
        return first
    return None


def find_dateline(text: str) -> str | None:
    """An ISO date from a dateline in the first lines of the text."""
    match = _DATELINE.search(text[:600])
    if not match:
        return None
    # The place before the date (a wire dateline) is not part of it.
    return normalise_date(re.sub(r"^\s*[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][A-Za-z.'’ -]+)?,\s+(?=\S)", "", match.group(0)))


def find_dateline_place(text: str) -> str | None:
    """The place of a wire dateline in the first lines ("AMMAN" -> "Amman"), or None."""
    span = dateline_place_span(text)
    return text[span[0]:span[1]].strip().title() if span else None


def dateline_place_span(text: str) -> tuple[int, int] | None:
    """Character range of a wire dateline's place ("AMMAN" in "AMMAN, Feb. 26, 2025 –"), or None."""
    match = _DATELINE.search(text[:600])
    place = _DATELINE_PLACE.match(match.group(0)) if match else None
    return (match.start() + place.start(1), match.start() + place.end(1)) if place else None


def normalise_date(value: object) -> str | None:
    """ISO ``YYYY-MM-DD`` from a date string in any common format, else None."""
    if not value or not isinstance(value, str):
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return value.strip()
    from .timex import full_date

    if (day := full_date(value)) is not None:
        return day.isoformat()  # the usual forms, without dateparser's slow start
    import dateparser  # slow import; most inputs never need it

    parsed = dateparser.parse(value, languages=["en"],
                              settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date().isoformat() if parsed else None
