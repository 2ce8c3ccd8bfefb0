"""The title words of the relation rules and what a title makes its holder.

The word lists are read from ``data/titles.tsv`` (through :mod:`newsgraph.extract.lexicon`;
its header says what each list is): one row per word with the lists it is in, so a word may be
in several ("minister" is a member's title and one only a state gives).  The same file holds
the entity rules' title lists (:mod:`newsgraph.extract.entities.wordlists`).
"""

from __future__ import annotations

from spacy.tokens import Token

from .. import lexicon
from ..entities import PORTFOLIOS
from ..entities.wordlists import TITLE_LISTS as ENTITY_TITLE_LISTS

TITLES = lexicon.TITLES  # word, lists: the title words of data/titles.tsv
# The lists of data/titles.tsv that are the relation rules' (the others are the entity rules').
TITLE_LISTS = ("leader", "leader_phrase", "national_leader", "member", "past", "subordinate")


def _title_lists() -> dict[str, tuple[str, ...]]:
    """list name -> its words in file order (``lexicon.word_lists`` of data/titles.tsv); a list
    that is neither the relation rules' nor the entity rules' is an error naming its line."""
    lists = lexicon.word_lists(TITLES, known=TITLE_LISTS + ENTITY_TITLE_LISTS)
    return {name: lists.get(name, ()) for name in TITLE_LISTS}


_LISTS = _title_lists()
# Titles that make their holder the leader of the state or organisation they modify.
LEADER_TITLES = frozenset(_LISTS["leader"])
# Multi-word titles of heads ("prime minister", "secretary general") whose last word alone
# would read as a member's title.
LEADER_PHRASES = tuple(_LISTS["leader_phrase"])
# Words that make a title a past one: no standing relation now.
PAST_QUALIFIERS = frozenset(_LISTS["past"])
# Words that make a leader's title a subordinate one ("foreign minister", "deputy leader").
SUBORDINATE_QUALIFIERS = frozenset(_LISTS["subordinate"])
# Titles that make their holder a member, employee or representative of it.
MEMBER_TITLES = frozenset(_LISTS["member"])
TITLE_WORDS = LEADER_TITLES | MEMBER_TITLES
# Titles that only a state's leader holds (a "chairman" or "chief" may lead anything).
NATIONAL_LEADER_TITLES = frozenset(_LISTS["national_leader"])
del _LISTS


def _government_post(tok: Token) -> bool:
    """A title that only a government gives: "Foreign Secretary", "Defence Cabinet Secretary",
    "foreign affairs adviser", "Government spokesman"."""
    words = {t.lower_ for c in tok.lefts if c.dep_ in {"compound", "amod"} for t in c.subtree}
    return tok.lower_ in MEMBER_TITLES | LEADER_TITLES and bool(words & (PORTFOLIOS | {"government", "cabinet"}))


def _title_kind(tok: Token) -> str | None:
    """leaderOf or memberOf for a title word, read with the title words before it: "prime
    minister" and "secretary-general" lead; "foreign minister", "deputy leader" are members."""
    words = [c.lower_ for c in tok.lefts if c.dep_ in {"compound", "amod"} and not c.ent_type_]
    words = [w for w in words if w.isalpha()] + [tok.lower_]
    phrase = " ".join(words)
    if tok.lower_ not in LEADER_TITLES | MEMBER_TITLES:
        return None
    if any(w in PAST_QUALIFIERS for w in words[:-1]):
        return None  # "former Nigerian head of state": no longer holds it
    if "opposition" in words[:-1]:
        return None  # "Uganda's opposition leader": of the state's politics, not of the state
    if any(w in SUBORDINATE_QUALIFIERS for w in words[:-1]):
        return "memberOf"
    if tok.lower_ in LEADER_TITLES or any(lead in phrase for lead in LEADER_PHRASES):
        return "leaderOf"
    return "memberOf"
