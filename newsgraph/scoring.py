"""The scorer's shared rules (:mod:`newsgraph.evaluate`): how names and mentions compare, and
the one-to-one greedy matching with its P/R/F1 figures, the same for every kind of item."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]

PRONOUNS = frozenset(
    "i me my mine myself you your yours yourself yourselves he him his himself she her hers "
    "herself it its itself we us our ours ourselves they them their theirs themselves this that "
    "these those who whom whose which what one ones someone somebody anyone anybody everyone "
    "everybody nobody none each both all another other others".split()
)


# ---------------------------------------------------------------------------------------------
# Text rules


def fold(text: str) -> str:
    """Curly quotes to straight ones (one character for one, so offsets survive)."""
    return text.translate(str.maketrans("‘’“”", "''\"\""))


def norm(name: str) -> str:
    """README name comparison: no case, no leading "the ", no trailing "'s"."""
    name = " ".join(fold(name).lower().split())
    return name.removeprefix("the ").removesuffix("'s").rstrip()


def is_name(text: str) -> bool:
    """README "names": a word other than a leading "the" starts upper-case; not a pronoun."""
    text = text.strip()
    # Only the lower-case and capitalised spellings are pronouns: "US" and "WHO" are names.
    if text.lower() in PRONOUNS and text in (text.lower(), text.capitalize()):
        return False
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    # Opening punctuation ('"Islamic', '(FBI') does not hide the capital.
    return any(w.lstrip("\"'([{‘“")[:1].isupper() for w in words)


def _last_word(text: str, span: Span) -> int:
    """Offset where the span's last word starts, after dropping a trailing "'s"."""
    stripped = fold(text[span[0] : span[1]]).rstrip().removesuffix("'s").rstrip()
    # Opening punctuation is not part of the word: "(FANB" ends on the word "FANB".
    word = re.search(r"\S*$", stripped).group()
    return span[0] + len(stripped) - len(word.lstrip("\"'([{‘“"))


def mention_matches(text: str, pred: Span, gold: Span) -> bool:
    """README: the spans overlap and end on the same word.

    "The same word" is the same occurrence in the text (its start offset), so "Donald Trump"
    matches "U.S. President Donald Trump's" and "U.S" matches "U.S.", but two overlapping spans
    ending on different words never match.
    """
    overlap = pred[0] < gold[1] and gold[0] < pred[1]
    return overlap and _last_word(text, pred) == _last_word(text, gold)


def has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None


# ---------------------------------------------------------------------------------------------
# One-to-one greedy matching: the same rule for every kind of item


@dataclass
class Matching:
    taken: dict[int, Any] = field(default_factory=dict)  # gold index -> the item that took it
    links: list[tuple[Any, int]] = field(default_factory=list)  # each matching item -> gold index
    false_positives: list[Any] = field(default_factory=list)  # items that match nothing
    duplicates: list[tuple[Any, int]] = field(default_factory=list)  # counted as false positives
    misses: list[int] = field(default_factory=list)  # required gold items nobody took
    tp: int = 0

    @property
    def figure(self) -> dict[str, float]:
        return figure(self.tp, len(self.false_positives) + len(self.duplicates), len(self.misses))

    def explain(self, show: Callable[[Any], str], gold: Callable[[int], str]) -> dict[str, list[str]]:
        return {
            "false_positives": [show(p) for p in self.false_positives],
            "duplicates": [f"{show(p)} duplicates {gold(i)}" for p, i in self.duplicates],
            "misses": [gold(i) for i in self.misses],
        }


def match(
    preds: Sequence[Any],
    n_gold: int,
    candidates: Callable[[Any], list[int]],
    optional: frozenset[int] = frozenset(),
    duplicates_count: bool = True,
) -> Matching:
    """Each predicted item, in the given order, takes its first still-free candidate.

    ``candidates`` lists the gold indices an item matches, preferred first.  Taking an optional
    gold item, or duplicating one, counts neither way; other duplicates are false positives when
    ``duplicates_count`` (entities, events, nodes, mentions) and count neither way otherwise
    (relations).
    """
    m = Matching()
    for pred in preds:
        cands = candidates(pred)
        free = [i for i in cands if i not in m.taken]
        if free:
            m.taken[free[0]] = pred
            m.links.append((pred, free[0]))
            m.tp += free[0] not in optional
        elif not cands:
            m.false_positives.append(pred)
        else:
            m.links.append((pred, cands[0]))
            # Matching any optional item makes it "a duplicate of an optional" one: neither way.
            if duplicates_count and not optional.intersection(cands):
                m.duplicates.append((pred, cands[0]))
    m.misses = [i for i in range(n_gold) if i not in m.taken and i not in optional]
    return m


def figure(tp: int, fp: int, fn: int) -> dict[str, float]:
    """P/R/F1 and the counts; a zero denominator gives 0.0."""
    p = ratio(tp, tp + fp)
    r = ratio(tp, tp + fn)
    return {"p": p, "r": r, "f1": ratio(2 * p * r, p + r), "tp": tp, "fp": fp, "fn": fn}


def ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def sum_figures(figures: Iterable[dict[str, float]]) -> dict[str, float]:
    """Micro average: add the counts up, recompute P/R/F1."""
    counts = Counter()
    for f in figures:
        counts.update({k: int(f[k]) for k in ("tp", "fp", "fn")})
    return figure(counts["tp"], counts["fp"], counts["fn"])


def optional(items: Sequence[dict]) -> frozenset[int]:
    """Indices of the gold items marked ``"required": false``."""
    return frozenset(i for i, g in enumerate(items) if not g.get("required", True))
