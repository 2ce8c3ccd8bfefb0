"""The mention record the entity rules pass around, an index of mentions by offset, the
keys and labels of names, and the accessors of a processed Doc (``records_in``, ``mentions_by_token``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from newsgraph.graph.iri import slug
from newsgraph.graph.model import EntityRecord

from .. import gazetteer
from .wordlists import SPAN_KEY, _TRAILING_POSSESSIVE


@dataclass(slots=True)
class _Mention:
    start: int  # char offsets
    end: int
    text: str
    type: str
    key: str | None = None  # canonical key when already known (gazetteer, alias table)
    label: str | None = None
    source: str = "ner"  # the rule that made or retyped it ("ner", "alias", "gazetteer", "parenthetical" ...)
    token: int = 0  # index of the head token
    # Start offset of the mention whose entity this one is, for the linked sources "description"
    # ("the chancellor"), "parenthetical" (a bracketed short form), "alias_of" ("known as") and
    # "head_of" ("the Commission"); resolve gives it that mention's key.  None otherwise.
    link: int | None = None



class _MentionIndex:
    """Mentions by start offset, for the look-ups that scanned every mention once per mention
    (quadratic in a long document).  Offsets must not change while the index is used; types,
    keys and the like may, as they are read at look-up time."""

    def __init__(self, mentions: list[_Mention]) -> None:
        self._sorted = sorted(mentions, key=lambda m: m.start)  # (stable: list order within a start)
        self._starts = [m.start for m in self._sorted]
        self._longest = max((m.end - m.start for m in mentions), default=0)
        self._first: dict[int, _Mention] = {}
        for m in mentions:
            self._first.setdefault(m.start, m)

    def first_at(self, start: int) -> _Mention | None:
        """The first mention (in list order) that starts at ``start``."""
        return self._first.get(start)

    def starting_in(self, lo: int, hi: int) -> list[_Mention]:
        """The mentions with ``lo <= start < hi``."""
        return self._sorted[bisect_left(self._starts, lo):bisect_left(self._starts, hi)]

    def covering(self, start: int, end: int) -> list[_Mention]:
        """The mentions with ``x.start <= start and end <= x.end``."""
        return [x for x in self.starting_in(end - self._longest, start + 1) if end <= x.end]



def _strip_possessive(text: str) -> str:
    return _TRAILING_POSSESSIVE.sub("", text).strip()



def _name_tokens(text: str) -> list[str]:
    return list(_split_name(text))



@lru_cache(maxsize=65536)
def _split_name(text: str) -> tuple[str, ...]:
    # Name resolution compares the same few names thousands of times per article.
    return tuple(t for t in re.split(r"\s+", _strip_possessive(text)) if t)



def org_key(name: str) -> str:
    """Key of an organisation name; "New People's Party" and "New People Party" are one, and
    so are "World Health Organisation" and "World Health Organization"."""
    name = re.sub(r"['’]s\b", "", name)
    # "Ministry of Defence" and "Defence Ministry", "Department of State" and "State Department"
    name = re.sub(r"^(?:the )?(.*?)(Ministry|Department) of (?:the )?([A-Z][\w ]*)$", r"\1\3 \2", name)
    return slug(us_spelling(name))



def us_spelling(name: str) -> str:
    """"Organisation" as "Organization": the one spelling difference of organisation names
    that never tells two organisations apart (unlike "Labour"/"Labor" parties)."""
    return re.sub(r"(?i)\b(organi)s(ation|ations)\b", r"\1z\2", name)



def _country_key(label: str) -> str:
    country = gazetteer.country_by_name(label)
    return slug(country.name) if country else slug(label)



def _country_label(label: str) -> str:
    country = gazetteer.country_by_name(label)
    return country.name if country else label



def records_in(doc: Doc) -> dict[str, EntityRecord]:
    """The resolved entities of a processed Doc."""
    return doc._.ng_entities or {}



def mentions_by_token(doc: Doc) -> dict[int, str]:
    """Token index -> entity key, for every token inside a resolved mention."""
    out: dict[int, str] = {}
    for span in doc.spans.get(SPAN_KEY, []):
        for tok in span:
            out[tok.i] = span.kb_id_
    return out
