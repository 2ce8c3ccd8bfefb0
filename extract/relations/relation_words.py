"""The word lists of the standing-relation rules other than titles, read from
``data/relation_words.tsv`` (through :mod:`newsgraph.extract.lexicon`; its header says what
each list is for)."""

from __future__ import annotations

from .. import lexicon

RELATION_WORDS = "relation_words.tsv"
_KNOWN = ("organ_heads", "envoy_titles", "based_words", "head_verbs", "work_verbs", "rule_verbs", "represent_verbs",
          "form_verbs")
_LISTS = lexicon.word_lists(RELATION_WORDS, known=_KNOWN)

# Head nouns of organs' names ("Ministry", "Forces", "Security Council").
ORGAN_HEADS = frozenset(_LISTS.get("organ_heads", ()))
# Titles of those sent somewhere: their "in" / "to" phrase is their post, not their body.
ENVOY_TITLES = frozenset(_LISTS.get("envoy_titles", ()))
# "the Cairo-based Arab League": where an organisation sits.
BASED_WORDS = frozenset(_LISTS.get("based_words", ()))
# "X, who heads the party": the subject leads the object.
HEAD_VERBS = frozenset(_LISTS.get("head_verbs", ()))
# "the network where X worked": the subject is a member.
WORK_VERBS = frozenset(_LISTS.get("work_verbs", ()))
# "the Gaza Strip, which is run by Hamas": the agent rules the place.
RULE_VERBS = frozenset(_LISTS.get("rule_verbs", ()))
# "X represented India at the talks": the subject acts for the object.
REPRESENT_VERBS = frozenset(_LISTS.get("represent_verbs", ()))
# "Mali, Niger and Burkina Faso formed the AES", "the states that make up the GCC": members.
FORM_VERBS = frozenset(_LISTS.get("form_verbs", ()))
del _LISTS
