"""Matching a person's names: full names and the surnames, first names and respellings that
refer to them (``short_name_target``).

Word lists: ``NAME_PARTICLES``.  Tests: tests/extract/entities/test_entity_names.py, test_entity_people.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Iterable, Iterator
from difflib import SequenceMatcher
from functools import lru_cache

from newsgraph.graph.iri import strip_marks

from .mention import _name_tokens
from .wordlists import NAME_PARTICLES


class _FullNames:
    """The full names of an article's people (key -> label, in first-seen order), indexed by
    first word and by first folded letter: a name can only be another spelling or a longer or
    shorter form of one that shares its first word (its first letter, for a respelling), so
    :func:`_resolve_people` compares it with those alone, in the same order as with them all."""

    def __init__(self) -> None:
        self.label: dict[str, str] = {}  # (read it; change it through ``set``)
        self._seq: dict[str, int] = {}
        self._by_word: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._by_letter: dict[str, list[tuple[int, str]]] = defaultdict(list)

    @staticmethod
    def _slots(label: str) -> tuple[str, str]:
        return (_name_tokens(label) or [""])[0], _fold(label)[:1]

    def set(self, key: str, label: str) -> None:
        """Add a name, or give a key a new label (its place in the order stays)."""
        entry = (self._seq.setdefault(key, len(self._seq)), key)
        old = self._slots(self.label[key]) if key in self.label else (None, None)
        new = self._slots(label)
        for index, was, now in ((self._by_word, old[0], new[0]), (self._by_letter, old[1], new[1])):
            if was != now:
                if was is not None:
                    index[was].remove(entry)
                insort(index[now], entry)
        self.label[key] = label

    def with_first_word(self, word: str) -> Iterator[tuple[str, str]]:
        return ((k, self.label[k]) for _, k in self._by_word.get(word, ()))

    def with_first_letter(self, letter: str) -> Iterator[tuple[str, str]]:
        return ((k, self.label[k]) for _, k in self._by_letter.get(letter, ()))



class NamedPeople:
    """The full-name mentions of an article's people, ``(start, key, label)`` in a list, indexed
    for :func:`short_name_target`: which people a short name fits depends on the distinct
    (key, label) pairs only (worked out once per name), and the choice among several on how
    often and how lately each was named before a point (a bisection of each one's starts).  A
    long document names its people thousands of times: a scan of them all per short name was
    quadratic."""

    def __init__(self, named: Iterable[tuple[int, str, str]]) -> None:
        self.pairs: dict[tuple[str, str], None] = {}  # distinct (key, label), in list order
        self.starts: dict[str, list[tuple[int, int]]] = defaultdict(list)  # key -> sorted (start, list position)
        for pos, (s, k, lab) in enumerate(named):
            self.pairs.setdefault((k, lab))
            self.starts[k].append((s, pos))
        for v in self.starts.values():
            v.sort()
        self._fits: dict[tuple[str, frozenset[str] | None], set[str]] = {}

    def fitting(self, token: str, among: frozenset[str] | None = None) -> set[str]:
        """The keys of the people ``token`` fits (only of those ``among``, if given)."""
        found = self._fits.get((token, among))
        if found is None:
            pairs = [(k, lab) for k, lab in self.pairs if among is None or k in among]
            found = self._fits[(token, among)] = _fitting(token, pairs)
        return found

    def most_named_before(self, keys: set[str], start: int) -> str | None:
        """Of ``keys``, the one named most before ``start``, then the most recent; on a full tie,
        the one whose mention comes first in the list."""
        best = None
        for k in keys:
            starts = self.starts.get(k, [])
            n = bisect_left(starts, (start, -1))  # its mentions before ``start``
            if n:
                last = starts[n - 1][0]
                first_pos = starts[bisect_left(starts, (last, -1))][1]
                best = max(best or (n, last, -first_pos, k), (n, last, -first_pos, k))
        return best[3] if best else None



def _fitting(token: str, pairs: list[tuple[str, str]]) -> set[str]:
    """The keys of the (key, label) pairs a lone surname or first name fits (see short_name_target)."""
    folded = _fold(token)
    # (spelled with or without its particle's space: "DeBlasio" for "Bill de Blasio")
    cands = {k for k, lab in pairs if _name_tokens(lab)[-1] == token or _surname(lab) == token
             or _fold(_surname(lab)) == folded  # written with or without its diacritics
             or (len(_name_tokens(lab)) > 2 and _fold("".join(_name_tokens(lab)[-2:])) == folded
                 and _name_tokens(lab)[-2].lower() in NAME_PARTICLES)}
    if not cands:
        cands = {k for k, lab in pairs if _name_tokens(lab)[0] == token}
    if not cands and token[:1].isupper() and len(token) > 2:
        # A middle name used alone: "Lula" for "Luiz Inácio Lula da Silva".
        cands = {k for k, lab in pairs if token in _name_tokens(lab)[1:-1]}
    if not cands and len(token) >= 6:
        # "Tzarnaev" for "Tsarnaev", "Bauchtman" for "Buchtmann": a respelled surname
        cands = {k for k, lab in pairs if _spellings_of_one_name(_surname(lab), token)}
    return cands



def short_name_target(token: str, start: int, named: NamedPeople | list[tuple[int, str, str]],
                      among: frozenset[str] | None = None) -> str | None:
    """The person a lone surname or first name refers to: the one full name it fits; when
    several people share it ("Tsarnaev" for two brothers), the one named most so far, then the
    most recent (:func:`_shared_surnames` settles it again over all of the article's mentions).
    ``named``: the full-name mentions (``(start, key, label)``), best as a :class:`NamedPeople`
    made once; ``among``: only these people are considered."""
    people = named if isinstance(named, NamedPeople) else NamedPeople(named)
    cands = people.fitting(token, among)
    if len(cands) == 1:
        return next(iter(cands))
    return people.most_named_before(cands, start)



def _spellings_of_one_name(a: str, b: str) -> bool:
    """Whether two names of one article are spellings of one name: the same initial and
    at least 85 % alike once folded ("Mohamed"/"Muhammad" words, a doubled or dropped letter)."""
    fa, fb = _fold(a), _fold(b)
    # (cheap bounds first: a ratio is at most 2 * the shorter length / both lengths)
    if fa[:1] != fb[:1] or min(len(fa), len(fb)) < 6 or 2 * min(len(fa), len(fb)) < 0.85 * (len(fa) + len(fb)):
        return False
    matcher = SequenceMatcher(None, fa, fb)
    if matcher.quick_ratio() < 0.85 or matcher.ratio() < 0.85:
        return False
    # The last words must be alike too: "Kim Jong Un" and "Kim Jong Il" are two people.
    la, lb = _fold(a.split()[-1]), _fold(b.split()[-1])
    return SequenceMatcher(None, la, lb).ratio() >= 0.8



@lru_cache(maxsize=8192)
def _fold(name: str) -> str:
    """Lower case without diacritics, spaces, hyphens and apostrophes: how spellings of one name
    compare ("Chávez" and "Chavez", "Şahin" and "Sahin" are one spelling)."""
    name = strip_marks(name)
    return re.sub(r"[\s'’-]", "", name.lower())



@lru_cache(maxsize=8192)
def _surname(label: str) -> str:
    """'Bashar al-Assad' -> 'Assad'; 'Nikolas K. Gvosdev' -> 'Gvosdev'."""
    last = _name_tokens(label)[-1]
    return re.sub(r"^(?:al|el|ad|as|an)-", "", last, flags=re.IGNORECASE)
