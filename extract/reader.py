"""Read articles from files, folders, JSONL and stdin.

Every article's ``text`` is the exact decoded input (for HTML: the article body the
extraction library returns); all offsets downstream refer to it.
"""

from __future__ import annotations

import json
import re
import sys
import datetime as dt
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
# Its place, when it has one: "BISHKEK", "KABUL, Afghanistan", "New Delhi" (not a weekday).
_DATELINE_PLACE_WORDS = r"(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)[A-Z][A-Za-z.'’ -]+"
_DATELINE = re.compile(
    rf"^\s*(?:{_DATELINE_PLACE_WORDS}(?:,\s*[A-Z][A-Za-z.'’ -]+)?,\s+)?"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})"
    # the line ends, or a wire dateline runs into the story: "AMMAN, May 2, 2025 (Reuters) – ...",
    # "New Delhi, Feb 17, 2019: ..."
    r"(?:\s*$|(?=\s*(?:\([^)\n]{1,40}\)\s*)?[-–—:]\s))",
    re.MULTILINE,
)
# The place of a wire dateline ("AMMAN, May 2, 2025 (Reuters) – ...").
_DATELINE_PLACE = re.compile(rf"^\s*({_DATELINE_PLACE_WORDS}[A-Za-z.])(?:,\s*[A-Z][A-Za-z.'’ -]+)?,\s+\S")
# A wire dateline without a date (or with a day but no year) that runs into the story: the place
# in capitals, perhaps its state, the day and the agency, then a dash or colon ("BANGUI, Central African Republic: Rebels ...",
# "MORONI (AFP) - Police ..."). Capitals keep out a sentence that opens with a name and a colon.
_CAPS_DATELINE = re.compile(r"^[ \t]*([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})(?:,[ \t]*[A-Z][A-Za-z.'’ -]+)?"
                            r"(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?"  # a day without its year: "Feb 10"
                            r"(?:[ \t]*\([^)\n]{1,40}\))?[ \t]*[-–—:][ \t]+(?=\S)", re.MULTILINE)


def iter_paths(inputs: Iterable[str]) -> Iterator[tuple[str | Path, str]]:
    """Expand inputs to ``(path, document id)``: folders recursively (sorted, supported
    suffixes only), ``-`` as is. A file's id is its path relative to the folder that was
    given (``world/index.html``), or its name when the file was given itself, so equal
    names in different sub-folders do not clash."""
    for item in inputs:
        if item == "-":
            yield item, "stdin"
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in SUPPORTED - {""}
                           and not _hidden(p.relative_to(path)) and not _is_boilerplate(p.name))
            for f in files:
                yield f, clean_text(f.relative_to(path).as_posix())
        elif path.is_file():
            # clean_text: a name in another encoding than the file system's comes as lone
            # surrogates (Python's surrogateescape), which no output file can carry
            yield path, clean_text(path.name)
        else:
            raise InputError(f"{item}: no such file or folder")


def _hidden(relative: Path) -> bool:
    """A dot-file, or a file in a dot-folder (.git, .cache) under the folder given."""
    return any(part.startswith(".") for part in relative.parts)


# Files that accompany corpora but are not articles (a folder scan skips them): licences,
# read-mes, and the attribution lists CC BY corpora carry ("SOURCES.md").
_BOILERPLATE = re.compile(
    r"^(license|licence|readme|copying|notice|changelog|authors|sources|attribution|citation)([._-].*)?$", re.I)


def _is_boilerplate(name: str) -> bool:
    return bool(_BOILERPLATE.match(name))


def read_articles(inputs: Iterable[str], *, date: str | None = None,
                  max_chars: int = MAX_CHARS) -> Iterator[Article]:
    """Yield one :class:`Article` per document in ``inputs``; ids must be unique.

    ``date`` (ISO ``YYYY-MM-DD``) is the publication date of inputs that give none."""
    if date is not None:
        date = iso_date(date, "--date")
    seen: dict[str, str] = {}
    for path, doc_id in iter_paths(inputs):
        for art in _read_one(path, doc_id, date=date, max_chars=max_chars):
            where = str(path)
            if art.id in seen:
                raise InputError(f"{where}: document id {art.id!r} already used by {seen[art.id]} "
                                 "(give the folder that holds both, or rename one)")
            seen[art.id] = where
            yield art


# Bytes a file may have for a document of max_chars characters: 4 per character in UTF-8
# (UTF-32 too, plus its mark); a JSONL line may spend 6 on an escape (\uXXXX); an HTML page
# carries markup, scripts and styles around its text. Larger inputs are refused unread.
BYTES_PER_CHAR = {"text": 4, "jsonl": 6, "html": 20}


def _read_one(path: str | Path, doc_id: str, *, date: str | None, max_chars: int) -> Iterator[Article]:
    suffix = ".txt" if path == "-" else Path(path).suffix.lower()
    # Messages name the path as typed; the graph records the name under the input folder
    # (the document id), so a build does not depend on where the inputs lie.
    label = "stdin" if path == "-" else clean_text(str(path))
    source = None if path == "-" else doc_id
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, label, doc_id, date=date, max_chars=max_chars)
        return
    if suffix not in HTML_SUFFIXES and suffix not in TEXT_SUFFIXES:
        raise InputError(f"{label}: unsupported file type {suffix!r} (use .txt, .md, .html or .jsonl)")
    kind = "html" if suffix in HTML_SUFFIXES else "text"
    data = _read_bytes(path, label, BYTES_PER_CHAR[kind] * max_chars + 4, max_chars)
    if kind == "html":
        yield _check(html_article(decode(data, label, html=True), doc_id, label, date=date), label, max_chars)
        return
    text = decode(data, label)
    yield _check(Article(id=doc_id, text=text, title=guess_title(text),
                         date=date or find_dateline(text), source=source), label, max_chars)


def _read_bytes(path: str | Path, label: str, limit: int, max_chars: int) -> bytes:
    """The bytes of a file or of standard input, refused unread past ``limit`` bytes."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read(limit + 1)
        else:
            with open(path, "rb") as fh:
                data = fh.read(limit + 1)
    except OSError as exc:
        raise InputError(f"{label}: cannot read ({exc.strerror})") from exc
    if len(data) > limit:
        raise InputError(f"{label}: more than {limit:,} bytes, too long for the limit of {max_chars:,} "
                         "characters (split it, or raise --max-chars)")
    return data


# Byte-order marks, longest first (UTF-32 LE starts like UTF-16 LE).
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
# A declared charset in the first bytes of a page: <meta charset=...>, the http-equiv
# Content-Type form, or an XML declaration's encoding (the HTML standard's prescan reads 1,024).
_DECLARED = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"""
                       rb"""|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.IGNORECASE)
PRESCAN_BYTES = 4096
# Labels the HTML standard maps to another decoder than Python's codec of that name:
# browsers read "iso-8859-1" and "ascii" pages as windows-1252, and a page that could be
# read as ASCII to find its "utf-16" declaration is not UTF-16.
_WHATWG = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
           "l1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252", "windows-1252": "cp1252",
           "x-cp1252": "cp1252", "iso-8859-9": "cp1254", "latin5": "cp1254", "tis-620": "cp874",
           "iso-8859-11": "cp874", "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8",
           "x-user-defined": "cp1252", "unicode-1-1-utf-8": "utf-8", "utf8": "utf-8"}


def decode(data: bytes, label: str, *, html: bool = False) -> str:
    """Text of a file's bytes: by its byte-order mark (UTF-8, UTF-16, UTF-32), else for HTML
    by the charset the page declares, else strict UTF-8 (HTML without a declaration falls
    back to windows-1252, as browsers do). Binary data is refused. Characters that XML 1.0
    and N-Triples cannot carry are replaced one for one (see :func:`clean_text`)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return clean_text(_decode_as(data[len(bom):], codec, label, offset=len(bom)))
    if b"\x00" in data[:8192]:
        codec = _utf16_without_bom(data)
        if codec is None:
            raise InputError(f"{label}: looks like a binary file, not text")
        return clean_text(_decode_as(data, codec, label))
    declared = html_charset(data, label) if html else None
    if declared:
        return clean_text(_decode_as(data, declared, label))
    try:
        return clean_text(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        if html:  # an undeclared legacy page: what a browser does
            return clean_text(data.decode("cp1252", errors="replace"))
        raise InputError(f"{label}: not valid UTF-8 (byte {exc.start}); convert it to UTF-8 first") from exc


def _decode_as(data: bytes, codec: str, label: str, *, offset: int = 0) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        if codec == "cp1252":  # five byte values are unassigned; browsers map them anyway
            return data.decode(codec, errors="replace")
        raise InputError(f"{label}: not valid {codec.upper()} (byte {exc.start + offset})") from exc


def html_charset(data: bytes, label: str = "page") -> str | None:
    """The Python codec of the charset a page declares in its first bytes, or None."""
    match = _DECLARED.search(data[:PRESCAN_BYTES])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii").lower()
    if name in _WHATWG:
        return _WHATWG[name]
    import codecs

    try:
        return codecs.lookup(name).name
    except LookupError:
        raise InputError(f"{label}: declares charset {name!r}, which is not a known encoding") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 with no byte-order mark: mostly-ASCII text has a zero in every other byte."""
    head = data[:8192]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.6 and zeros_even < 0.02:
        return "utf-16-le"
    if zeros_even > 0.6 and zeros_odd < 0.02:
        return "utf-16-be"
    return None


# What XML 1.0 (GraphML, GEXF) forbids and N-Triples cannot carry in UTF-8: C0 controls
# but tab, newline and carriage return; U+FFFE and U+FFFF; lone surrogates (JSON can hold them).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_NOT_CHARACTERS = re.compile("[\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """``text`` with each forbidden character replaced by one character, so every offset
    stays valid: a control character by a space, the others by U+FFFD."""
    text = _CONTROL.sub(" ", text)
    return _NOT_CHARACTERS.sub("\ufffd", text)


def _check(article: Article, label: str, max_chars: int) -> Article:
    if not article.text.strip():
        raise InputError(f"{label}: empty document")
    if len(article.text) > max_chars:
        raise InputError(f"{label}: {len(article.text):,} characters is more than the limit of "
                         f"{max_chars:,} (split it, or raise --max-chars)")
    return article


def _read_jsonl(path: str | Path, label: str, file_id: str, *, date: str | None,
                max_chars: int) -> Iterator[Article]:
    """Records one line at a time: a corpus file of any size is never held whole. A record
    without a URL has ``FILE_ID#LINE`` as its source."""
    limit = BYTES_PER_CHAR["jsonl"] * max_chars + 1024
    count = 0
    try:
        fh = sys.stdin.buffer if path == "-" else open(path, "rb")
    except OSError as exc:
        raise InputError(f"{label}: cannot read ({exc.strerror})") from exc
    with fh:
        # Records end at b"\n" only (str.splitlines would also cut at U+2028 or U+0085,
        # which JSON allows unescaped inside a string).
        for lineno, raw in enumerate(iter(lambda: fh.readline(limit + 1), b""), 1):
            where = f"{label}:{lineno}"
            if len(raw) > limit:
                raise InputError(f"{where}: a line of more than {limit:,} bytes (raise --max-chars for longer texts)")
            if lineno == 1 and raw.startswith((b"\xff\xfe", b"\xfe\xff")):
                raise InputError(f"{label}: JSONL must be UTF-8 (this file is UTF-16 or UTF-32)")
            line = decode(raw.removeprefix(b"\xef\xbb\xbf") if lineno == 1 else raw, where)
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as exc:
                raise InputError(f"{where}: malformed JSON ({getattr(exc, 'msg', 'nested too deeply')})") from exc
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) \
                    or isinstance(rec.get("id"), bool) or not isinstance(rec.get("id"), (str, int)) \
                    or rec.get("id") == "":
                raise InputError(f"{where}: a record needs a string 'text' and an 'id' (a string or number)")
            for name in ("title", "url", "date"):
                if rec.get(name) is not None and not isinstance(rec[name], str):
                    raise InputError(f"{where}: '{name}' must be a string")
            body = clean_text(rec["text"])  # escapes such as \u0000 or a lone \ud800 decode to forbidden characters
            count += 1
            yield _check(Article(
                id=clean_text(str(rec["id"])), text=body,
                title=clean_text(rec["title"]) if rec.get("title") else guess_title(body),
                date=(iso_date(rec["date"], f"{where}: 'date'") if rec.get("date") else None)
                or date or find_dateline(body),
                source=clean_text(rec["url"]) if rec.get("url") else f"{file_id}#{lineno}",
            ), where, max_chars)
    if not count:
        raise InputError(f"{label}: no records")


# htmldate's defaults drop dates after the day the build runs (max_date = now): fixed
# here, so what a page yields does not depend on the clock.
HTML_DATE_PARAMS = {"original_date": True, "extensive_search": True, "max_date": "2099-12-31"}
# A line of prose: at least this many words (menus, bylines and footers are shorter).
PROSE_WORDS = 8


def html_article(html: str, name: str, label: str | None = None, *, date: str | None = None) -> Article:
    """Article body, title and date of an HTML page through trafilatura; a page whose text
    is only navigation, links or a footer (no line of prose) is refused."""
    import trafilatura  # slow import; only HTML input needs it

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      favor_precision=True, date_extraction_params=dict(HTML_DATE_PARAMS))
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not has_prose(text):
        raise InputError(f"{label or name}: no article text found in the HTML (only navigation, "
                         "links or boilerplate)")
    title = getattr(doc, "title", None)
    return Article(id=name, text=clean_text(text), title=clean_text(title) if title else None,
                   date=date or normalise_date(getattr(doc, "date", None)),
                   source=getattr(doc, "url", None) or name)


def has_prose(text: str) -> bool:
    """Whether some line reads as running text: PROSE_WORDS words or more, not a menu of
    items separated by '|' or '·'."""
    for line in text.splitlines():
        words = line.split()
        if len(words) >= PROSE_WORDS and sum(w in {"|", "·", "•", "/"} for w in words) < 2:
            return True
    return False


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
    return normalise_date(re.sub(rf"^\s*{_DATELINE_PLACE_WORDS}(?:,\s*[A-Z][A-Za-z.'’ -]+)?,\s+(?=\S)", "",
                                 match.group(0)))


# What ends a wire dateline that runs into the story: an agency's bracket and a dash or colon.
_DATELINE_TAIL = re.compile(r"\s*(?:\([^)\n]{1,40}\)\s*)?[-–—:]\s+")


def dateline_story_start(text: str) -> int | None:
    """Where the story starts after a wire dateline that runs into it ("AMMAN, May 2, 2025
    (Reuters) – The army said": the offset of "The"), or None."""
    match = _DATELINE.search(text[:600])
    tail = _DATELINE_TAIL.match(text, match.end()) if match else None
    if tail is None:
        caps = _caps_dateline(text)
        return caps.end() if caps else None
    return tail.end() if tail.end() < len(text) else None


def _caps_dateline(text: str) -> re.Match | None:
    """A dateless wire dateline opening the story (``_CAPS_DATELINE``) in the first lines, or None.
    Its place must be one the gazetteer knows: "NATO: Russia must withdraw" is a headline."""
    from . import gazetteer  # (lazily: reading needs no gazetteer otherwise)

    caps = _CAPS_DATELINE.search(text[:600])
    if caps is None or len(caps.group(1).replace(".", "")) < 3:
        return None
    place = caps.group(1).title()
    known = gazetteer.place_by_name(place) or gazetteer.country_by_capital(place) or gazetteer.country_by_name(place)
    return caps if known is not None else None


def find_dateline_place(text: str) -> str | None:
    """The place of a wire dateline in the first lines ("AMMAN" -> "Amman"), or None."""
    span = dateline_place_span(text)
    return text[span[0]:span[1]].strip().title() if span else None


def dateline_place_span(text: str) -> tuple[int, int] | None:
    """Character range of a wire dateline's place ("AMMAN" in "AMMAN, Feb. 26, 2025 –"), or None."""
    match = _DATELINE.search(text[:600])
    place = _DATELINE_PLACE.match(match.group(0)) if match else None
    if place is None:
        caps = _caps_dateline(text)
        return caps.span(1) if caps else None
    return (match.start() + place.start(1), match.start() + place.end(1))


def iso_date(value: str, where: str) -> str:
    """``YYYY-MM-DD`` of an ISO 8601 calendar date (or of a date-time that starts with one),
    else an :class:`InputError` that names ``where``. Dates the user gives are never guessed
    at: "yesterday" or "03/04/2023" would depend on the clock or on the locale."""
    v = value.strip()
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?", v)
    if match:
        try:
            return dt.date.fromisoformat(match.group(1)).isoformat()
        except ValueError:
            pass
    raise InputError(f"{where} {value[:40]!r}: not a calendar date (use YYYY-MM-DD, e.g. 2023-07-03)")


def normalise_date(value: object) -> str | None:
    """ISO ``YYYY-MM-DD`` from a date string found in a text or page (a dateline, a page's
    metadata) in any common format, else None. Never relative to the clock."""
    if not value or not isinstance(value, str):
        return None
    try:
        return iso_date(value, "")
    except InputError:
        pass
    from .timex import full_date

    if (day := full_date(value)) is not None:
        return day.isoformat()  # the usual forms, without dateparser's slow start
    if RELATIVE_WORDS.search(value):
        return None  # "yesterday", "2 days ago": only the clock could anchor them
    import dateparser  # slow import; most inputs never need it

    parsed = dateparser.parse(value, languages=["en"],
                              settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
                                        "RELATIVE_BASE": dt.datetime(2000, 1, 1)})
    return parsed.date().isoformat() if parsed else None


# Words of dates that are relative to when they were written.
RELATIVE_WORDS = re.compile(r"\b(ago|yesterday|today|tomorrow|now|last|next|this|tonight)\b", re.IGNORECASE)
