"""Normalise temporal expressions to xsd:date / xsd:gYearMonth / xsd:gYear lexical forms."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

_YEAR = re.compile(r"^(?:in\s+)?(?:the\s+)?(?:year\s+)?((?:19|20)\d{2})s?$", re.IGNORECASE)
_MONTHS = ("january february march april may june july august september october "
           "november december").split()
_MONTH_YEAR = re.compile(r"^(?:in\s+)?(" + "|".join(_MONTHS) + r")\.?,?\s+((?:19|20)\d{2})$", re.IGNORECASE)
# Relative expressions dateparser can anchor on the publication date.
_RELATIVE = re.compile(r"\b(ago|before|earlier|yesterday|today|last|previous|past)\b", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight)\b", re.IGNORECASE)
_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b", re.IGNORECASE)
_ANY_YEAR = re.compile(r"\b(1[89]|20)\d{2}\b")
# Vague expressions that name no point in time.
_VAGUE = re.compile(r"\b(coming|next|future|recent|now|days|weeks|years|decades|day|a time)\b", re.IGNORECASE)


@lru_cache(maxsize=8192)  # pure; news repeats "Monday", "last week" ... and dateparser is slow
def normalise_timex(text: str, pub_date: str | None = None) -> str | None:
    """'2004' -> '2004'; 'April 2017' -> '2017-04'; 'a year and a half ago' with a
    publication date -> its year-month; None when the expression names no point in time."""
    t = " ".join(text.split()).strip(" ,.")
    if m := _YEAR.match(t):
        return m.group(1) if not t.lower().endswith("s") else None
    if m := _MONTH_YEAR.match(t):
        return f"{m.group(2)}-{_MONTHS.index(m.group(1).lower()) + 1:02d}"
    if (day := full_date(t)) is not None:
        return day.isoformat()
    base = _parse_iso(pub_date)
    if base is not None and (day := weekday_date(t, base)) is not None:
        return day.isoformat()
    # "on Monday", "May 12": no year, so they are relative to the publication date as well.
    relative = bool(_RELATIVE.search(t) or _WEEKDAY.search(t) or (_MONTH.search(t) and not _ANY_YEAR.search(t)))
    if relative and base is None:
        return None
    if not relative and _VAGUE.search(t):
        return None
    if base is None and not _ANY_YEAR.search(t):
        return None  # dateparser would fill the missing year (or month) from the clock
    import dateparser  # slow import; only reached for full dates and relative expressions

    # Never the wall clock: without a publication date, a fixed base (only fields the text
    # does not give would come from it, and those are not reported: see has_day below).
    anchor = base or _NO_BASE
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False,
                "RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day)}
    text_for_parser = _half_years(t)
    parsed = dateparser.parse(text_for_parser, languages=["en"], settings=settings)
    if parsed is None:
        return None
    if relative:
        # A relative expression is only as precise as its unit: months for "a year ago".
        return f"{parsed.year:04d}-{parsed.month:02d}" if re.search(r"year|month", t, re.I) \
            else parsed.date().isoformat()
    has_day = bool(re.search(r"\b\d{1,2}(st|nd|rd|th)?\b(?!\d)", re.sub(r"(19|20)\d{2}", "", t)))
    return parsed.date().isoformat() if has_day else f"{parsed.year:04d}-{parsed.month:02d}"


_NO_BASE = date(2000, 1, 1)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# "Monday", "on Monday", "this Monday", "Monday night": the day of that name in the week up
# to and including the publication day (news writes "on Monday" for the day it appears).
_BARE_WEEKDAY = re.compile(r"^(?:on\s+)?(?:this\s+(?:past\s+)?)?(" + "|".join(_WEEKDAYS) + r")"
                           r"(?:\s+(?:morning|afternoon|evening|night))?$", re.IGNORECASE)


def weekday_date(text: str, pub: date) -> date | None:
    """The date a bare weekday names in an article published on ``pub`` (0-6 days before it),
    else None; "last Monday" and "next Monday" are left to dateparser."""
    m = _BARE_WEEKDAY.match(" ".join(text.split()).strip(" ,."))
    if not m:
        return None
    back = (pub.weekday() - _WEEKDAYS.index(m.group(1).lower())) % 7
    return date.fromordinal(pub.toordinal() - back)


# Full dates as news writes them, parsed without dateparser (whose import and first parse
# cost about half a second): "Friday, August 21, 2015", "21 August 2015", "Aug. 21, 2015".
_FULL_DATE_FORMATS = ("%A, %B %d, %Y", "%A %B %d, %Y", "%B %d, %Y", "%B %d %Y", "%d %B %Y", "%A, %d %B %Y",
                      "%A %d %B %Y", "%b %d, %Y", "%b. %d, %Y", "%d %b %Y", "%Y-%m-%d")


def full_date(text: str) -> date | None:
    """A full calendar date in one of the usual English forms, else None."""
    t = " ".join(text.replace("\u00a0", " ").split()).strip(" ,.")
    for fmt in _FULL_DATE_FORMATS:
        try:
            return datetime.strptime(t, fmt).date()
        except ValueError:
            continue
    return None


def _half_years(text: str) -> str:
    """dateparser does not read 'a year and a half ago': rewrite it as months."""
    m = re.search(r"\b(a|one|two|three|\d+)\s+years?\s+and\s+a\s+half\s+ago", text, re.I)
    if not m:
        return text
    n = {"a": 1, "one": 1, "two": 2, "three": 3}.get(m.group(1).lower()) or int(m.group(1))
    return f"{n * 12 + 6} months ago"


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
