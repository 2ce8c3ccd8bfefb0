"""A faster drop-in for the model's attribute ruler, with the same output.

spaCy's ``AttributeRuler`` runs a ``Matcher`` over every token for its (in
``en_core_web_sm``) 180 patterns; that is about 8 % of the model's time, as much as all
of newsgraph's own components.  The patterns are simple (one or two tokens; ``TAG``,
``LOWER``, ``DEP``, ``IS_SPACE`` compared by equality, ``IN``, ``NOT_IN`` or ``REGEX``), so
here they are indexed by the tag and the lower-case form, looked up per token from
``Doc.to_array``, and applied with the ruler's own normalised attributes and spaCy's own
``set_token_attrs``: later rules win, exactly as ``AttributeRuler.match`` orders them.

A model whose ruler uses anything else (operators, other attributes) keeps its own ruler:
:func:`replace_attribute_ruler` then changes nothing.  ``tests/test_fastruler.py`` checks
that both rulers give the same tags, POS, morphology and lemmas.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# Token attributes the fast matcher reads, in the column order of ``Doc.to_array``.
COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}

# Attributes written as one array (the bulk of what the rules set).
ARRAY_ATTRS = [POS, MORPH, LEMMA]
ARRAY_COLUMN = {POS: 0, MORPH: 1, LEMMA: 2}

# Memo sizes: token rows repeat (common words), but a corpus's vocabulary has no end, so
# the memo starts again past this many rows rather than grow with the corpus.
MAX_MEMO = 100_000


class Unsupported(ValueError):
    """A pattern the fast matcher cannot reproduce exactly."""


def _value_test(key: str, value, strings) -> Callable[[int, Callable[[int], str]], bool]:
    """Test for one attribute value: ``test(hash_or_bool, text_of)``."""
    if key == "IS_SPACE":
        if not isinstance(value, bool):
            raise Unsupported(f"IS_SPACE {value!r}")
        return lambda v, _text, want=value: bool(v) == want
    if isinstance(value, str):
        h = strings.add(value)
        return lambda v, _text, h=h: v == h
    if isinstance(value, dict) and len(value) == 1:
        op, arg = next(iter(value.items()))
        if op in {"IN", "NOT_IN"} and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            hashes = frozenset(strings.add(a) for a in arg)
            return (lambda v, _t, s=hashes: v in s) if op == "IN" else (lambda v, _t, s=hashes: v not in s)
        if op == "REGEX" and isinstance(arg, str):
            rx = re.compile(arg)
            return lambda v, text, rx=rx: rx.search(text(v)) is not None
    raise Unsupported(f"{key} {value!r}")


def _token_test(spec: dict, strings) -> Callable[[tuple, Callable[[int], str]], bool]:
    tests = []
    for key, value in spec.items():
        if key not in COLUMNS:
            raise Unsupported(key)
        tests.append((COLUMNS[key], _value_test(key, value, strings)))
    return lambda row, text: all(test(row[col], text) for col, test in tests)


def _anchor(pattern: list[dict], strings) -> tuple[int, int, tuple[int, ...] | None]:
    """A token of a multi-token pattern that requires a tag or word for certain (an exact
    LOWER, a LOWER in a list, or an exact TAG): its offset in the pattern, the row column it is
    read from (0 tag, 1 word) and the hashes it accepts; ``(0, 0, None)`` when no token does."""
    for k, spec in enumerate(pattern):
        lower, tag = spec.get("LOWER"), spec.get("TAG")
        if isinstance(lower, str):
            return k, 1, (strings[lower],)
        if isinstance(lower, dict) and set(lower) == {"IN"} and all(isinstance(w, str) for w in lower["IN"]):
            return k, 1, tuple(strings[w] for w in lower["IN"])
        if isinstance(tag, str):
            return k, 0, (strings[tag],)
    return 0, 0, None


class FastAttributeRuler:
    """Pipeline component: the model's attribute ruler rules, matched by lookup.

    It keeps the ruler it copied (``ruler``) for ``to_disk``/``from_disk`` (spaCy's own files of
    the attribute ruler), so a saved pipeline, which has no ``attribute_ruler`` left, loads."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self._index(ruler)

    def to_disk(self, path, *, exclude=()) -> None:
        self.ruler.to_disk(path, exclude=exclude)

    def from_disk(self, path, *, exclude=()) -> "FastAttributeRuler":
        self._index(self.ruler.from_disk(path, exclude=exclude))
        return self

    def to_bytes(self, *, exclude=()) -> bytes:
        return self.ruler.to_bytes(exclude=exclude)

    def from_bytes(self, data: bytes, *, exclude=()) -> "FastAttributeRuler":
        self._index(self.ruler.from_bytes(data, exclude=exclude))
        return self

    def _index(self, ruler: AttributeRuler) -> None:
        """Index the ruler's rules (raises ``Unsupported`` for a rule it cannot reproduce)."""
        self.ruler = ruler
        strings = ruler.vocab.strings
        self.strings = strings
        self.attrs = list(ruler.attrs)  # normalised, as AttributeRuler applies them
        self.indices = list(ruler.indices)
        # One-token rules, indexed by what they require for certain, so a token only tries a
        # handful: (tag, lower), tag, lower, or nothing (tried on every token).
        self.by_tag_lower: dict[tuple[int, int], list] = defaultdict(list)
        self.by_tag: dict[int, list] = defaultdict(list)
        self.by_lower: dict[int, list] = defaultdict(list)
        self.anywhere: list = []
        self.multi: list = []  # (rule id, [token tests], *anchor) for rules of several tokens
        self._rows: dict[tuple, tuple] = {}  # token row -> matching one-token rules (memo)
        self._merges: dict[tuple, dict] = {}  # rule ids -> merged attributes (memo)
        for rule_id, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                tests = [_token_test(spec, strings) for spec in pattern]
                if len(pattern) > 1:
                    self.multi.append((rule_id, tests, *_anchor(pattern, strings)))
                    continue
                spec, item = pattern[0], (rule_id, tests[0])
                tag, lower = spec.get("TAG"), spec.get("LOWER")
                if isinstance(tag, str) and isinstance(lower, str):
                    self.by_tag_lower[(strings[tag], strings[lower])].append(item)
                elif isinstance(tag, str):
                    self.by_tag[strings[tag]].append(item)
                elif isinstance(lower, str):
                    self.by_lower[strings[lower]].append(item)
                else:
                    self.anywhere.append(item)

    def _single(self, row: tuple) -> tuple[tuple[int, int], ...]:
        """(offset from the token, rule id) of the one-token rules a token row matches."""
        found = self._rows.get(row)
        if found is None:
            tag, lower = row[0], row[1]
            text_of = self.strings.__getitem__
            found = tuple(
                (index if index >= 0 else 1 + index, rule_id)
                for rule_id, test in (*self.by_tag_lower.get((tag, lower), ()), *self.by_tag.get(tag, ()),
                                      *self.by_lower.get(lower, ()), *self.anywhere)
                if test(row, text_of) for index in (self.indices[rule_id],))
            if len(self._rows) >= MAX_MEMO:
                self._rows.clear()
            self._rows[row] = found
        return found

    def _merged(self, rule_ids: tuple[int, ...]) -> dict:
        """The attributes a set of rules gives a token: later rules win."""
        merged = self._merges.get(rule_ids)
        if merged is None:
            merged = {}
            for rule_id in sorted(rule_ids):
                merged.update(self.attrs[rule_id])
            self._merges[rule_ids] = merged
        return merged

    def __call__(self, doc: Doc) -> Doc:
        rows = [tuple(r) for r in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()]
        text_of = self.strings.__getitem__
        hits: dict[int, list[int]] = defaultdict(list)  # token -> rule ids that set it
        for i, row in enumerate(rows):
            for offset, rule_id in self._single(row):
                hits[i + offset].append(rule_id)
        n = len(rows)
        at: tuple[dict[int, list[int]], dict[int, list[int]]] = (defaultdict(list), defaultdict(list))
        for i, row in enumerate(rows):  # (positions of each tag and each word)
            at[0][row[0]].append(i)
            at[1][row[1]].append(i)
        for rule_id, tests, offset, column, values in self.multi:
            size, index = len(tests), self.indices[rule_id]
            if values is None:
                starts = range(n)
            else:  # only where the anchor token's tag or word occurs can a match start
                starts = sorted(p - offset for v in values for p in at[column].get(v, ()))
            for start in starts:
                if 0 <= start <= n - size and all(test(rows[start + k], text_of) for k, test in enumerate(tests)):
                    hits[start + index if index >= 0 else start + size + index].append(rule_id)
        # POS, MORPH and LEMMA in one array write; anything else (TAG, DEP: the rules for
        # whitespace tokens) through set_token_attrs, as AttributeRuler sets them.
        values = doc.to_array(ARRAY_ATTRS)
        for i, rule_ids in hits.items():
            attrs = self._merged(tuple(rule_ids))
            rest = None
            for attr, value in attrs.items():
                col = ARRAY_COLUMN.get(attr)
                if col is None:
                    rest = rest or {}
                    rest[attr] = value
                else:
                    values[i, col] = value
            if rest:
                set_token_attrs(doc[i], rest)
        doc.from_array(ARRAY_ATTRS, values)
        return doc


@Language.factory("newsgraph_attribute_ruler", default_config={"source": "attribute_ruler"},
                  assigns=["token.pos", "token.morph", "token.lemma", "token.tag", "token.dep"],
                  requires=["token.tag", "token.dep"])
def make_fast_attribute_ruler(nlp: Language, name: str, source: str) -> FastAttributeRuler:
    """A copy of the pipeline's ``source`` ruler; when there is none (``spacy.load`` of a saved
    pipeline, where it was replaced), an empty one that ``from_disk`` fills."""
    if source in nlp.pipe_names:
        return FastAttributeRuler(nlp.get_pipe(source))
    return FastAttributeRuler(AttributeRuler(nlp.vocab, name))


def replace_attribute_ruler(nlp: Language) -> bool:
    """Put the fast ruler in place of the model's ``attribute_ruler``; False (and no change)
    when the model has none or its patterns need spaCy's full matcher."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    try:
        nlp.add_pipe("newsgraph_attribute_ruler", before="attribute_ruler")
    except Unsupported:
        return False
    nlp.remove_pipe("attribute_ruler")
    return True
