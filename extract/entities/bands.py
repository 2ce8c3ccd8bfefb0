"""Unnamed bands: the armed men or the crowd an article keeps coming back to without a name
("six armed militiamen ambushed the convoy ... the gunmen ... the kidnappers") are one actor
of that article, a ``Group`` entity, so that what they do becomes relations.

Such a group is local to its article (``EntityRecord.local``): the graph never joins it with
another article's "gunmen".  Word lists: ``unnamed_armed`` and ``unnamed_crowd`` of
data/entity_groups.tsv.  Tests: tests/extract/entities/test_entity_bands.py."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..doccache import tokens
from .mention import _Mention
from .organisations import _armed_groups
from .wordlists import UNNAMED_ARMED, UNNAMED_CROWD

# A band becomes an actor only when the article mentions it at least this often: one passing
# "militants" is a description, not a party the story follows.
MIN_BAND_MENTIONS = 2
# Dependents that make a noun someone's or something's own ("his supporters", "M23 fighters",
# "fighters of the FLA" is handled by the named group): such a noun is not an unnamed band.
OWNING_DEPS = frozenset({"poss", "compound", "nmod"})


def unnamed_bands(doc: Doc, mentions: list[_Mention]) -> Iterator[_Mention]:
    """One ``Group`` mention per head noun of each unnamed band the article returns to: the
    armed nouns form one band, the crowd nouns another, unless the article names a group of
    that kind ("the M23 rebel group", "Shiite militants"), to which the bare nouns refer."""
    covered = {i for m in mentions for i in _token_range(doc, m)}
    armed_named = bool(_armed_groups(doc, mentions))
    group_heads = {tokens(doc)[m.token].lemma_.lower() for m in mentions if m.type in {"Organization", "Group"}}
    for words, kind in ((UNNAMED_ARMED, "armed"), (UNNAMED_CROWD, "crowd")):
        if (kind == "armed" and armed_named) or group_heads & words:
            continue  # "the militants" are the "Shiite militants" or the "M23 rebels" named before
        heads = [t for t in tokens(doc) if _band_noun(t, words, covered)]
        if len(heads) < MIN_BAND_MENTIONS:
            continue
        label = Counter(t.lower_ for t in heads).most_common(1)[0][0]
        for tok in heads:
            yield _Mention(start=tok.idx, end=tok.idx + len(tok.text), text=tok.text, type="Group",
                           key=f"{kind}_{label}", label=label, source="band", token=tok.i)


def _band_noun(tok: Token, words: frozenset[str], covered: set[int]) -> bool:
    """A plural noun of the list (or "militia") that no name covers or owns."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in words or tok.i in covered:
        return False
    if tok.tag_ != "NNS" and tok.lemma_.lower() != "militia":
        return False  # "a gunman": one person, not the band
    return not any(c.dep_ in OWNING_DEPS or c.i in covered or c.ent_type_ in {"NORP", "GPE", "ORG"}
                   for c in tok.children)


def _token_range(doc: Doc, m: _Mention) -> range:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)
