"""Casualties: how many were killed or injured, from the numbers that count a verb
trigger's object ("killed eleven people", "wounded 26")."""

from __future__ import annotations

from spacy.tokens import Token

from .draft import _Event
from .lexicon import event_classes

_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                      "ninety": 90, "hundred": 100, "dozen": 12})


def _casualties(ev: _Event, tok: Token) -> None:
    kind = event_classes()[ev.trig.event_class].casualties  # killed | injured | None
    if kind is None:
        return
    for child in tok.children:
        if child.dep_ in {"dobj", "nsubjpass"}:
            for num in child.children:
                if num.dep_ == "nummod":
                    value = parse_number(num)
                    if value is not None:
                        ev.casualties[kind] = value


def parse_number(tok: Token) -> int | None:
    """'eleven' -> 11, '26' -> 26, '1,200' -> 1200; None for anything vaguer."""
    text = tok.text.lower().replace(",", "")
    if text.isdigit():
        return int(text)
    if "-" in text:  # "twenty-four"
        parts = text.split("-")
        if all(p in _NUMBER_WORDS for p in parts):
            return sum(_NUMBER_WORDS[p] for p in parts)
    return _NUMBER_WORDS.get(text)
