"""Relations between actors: interactions from events, standing relations from titles.

Rules are generator functions over a processed Doc yielding :class:`RelationRecord`;
the ``newsgraph_relations`` component collects them on ``doc._.ng_relations``.

One module per family of rules:

* :mod:`.component` — the spaCy factory and component that runs the families below;
* :mod:`.interactions` — agent -> target relations from the article's events;
* :mod:`.titles` — leaderOf / memberOf from titles, as an ordered list of small rules;
* :mod:`.title_words` — the title word lists (``data/titles.tsv``) and what a title makes
  its holder;
* :mod:`.offices` — whose office a bare title ("Foreign Minister X") is;
* :mod:`.places` — locatedIn that the text states;
* :mod:`.evidence` — the quote and confidence every standing relation carries.

Importing this package registers the factory; every name the module had before it became
a package is importable from it.
"""

from __future__ import annotations

from .component import SELF_EXCLUSIVE, RelationExtractor, make_relation_extractor
from .evidence import TITLE_CONFIDENCE, _covering
from .interactions import PLACE_AS_TARGET, interaction_relations
from .offices import (
    _acted_on, _dateline_state, _office_state, _previous_subject_state, _sentence_state, _speaks,
    _subject_state,
)
from .places import place_relations
from .title_words import (
    LEADER_PHRASES, LEADER_TITLES, MEMBER_TITLES, NATIONAL_LEADER_TITLES, PAST_QUALIFIERS,
    SUBORDINATE_QUALIFIERS, TITLE_WORDS, _government_post, _title_kind,
)
from .titles import (
    BODY_NOUNS, ORG_PART_NOUNS, TITLE_PREPS, TITLE_RULES, _apposed, _title_bodies, _title_relations,
    title_relations,
)

__all__ = [
    "BODY_NOUNS", "LEADER_PHRASES", "LEADER_TITLES", "MEMBER_TITLES",
    "NATIONAL_LEADER_TITLES", "ORG_PART_NOUNS", "PAST_QUALIFIERS", "PLACE_AS_TARGET",
    "SELF_EXCLUSIVE", "SUBORDINATE_QUALIFIERS", "TITLE_CONFIDENCE", "TITLE_PREPS", "TITLE_RULES",
    "TITLE_WORDS", "RelationExtractor", "interaction_relations", "make_relation_extractor",
    "place_relations", "title_relations",
    # private helpers, re-exported for callers and tests of the single module this was
    "_acted_on", "_apposed", "_covering", "_dateline_state", "_government_post",
    "_office_state", "_previous_subject_state", "_sentence_state", "_speaks", "_subject_state",
    "_title_bodies", "_title_kind", "_title_relations",
]
