"""Actors and places: typed mentions resolved to one entity per real-world referent.

The ``newsgraph_entities`` component reads spaCy's entities (and the alias ruler's),
types each mention by the contract's classes with the offline gazetteer, merges the
mentions of one referent (full name and surname, acronyms and expansions, demonyms
and capitals acting for their state) and stores the result on the Doc:

* ``doc.spans["ng_mentions"]``: every resolved mention, ``label_`` = entity type,
  ``kb_id_`` = entity key;
* ``doc._.ng_entities``: ``dict[key, EntityRecord]``.

The rules are split by family, one module each (with its word lists in ``wordlists`` or
``extract/data``, and its tests in ``tests/extract/entities/``):

* ``component``: the spaCy component and the order the families run in;
* ``typing``: the ordered rules that type one NER span (see its docstring);
* ``cues``: syntactic cues about a span (titles, locatives, capitals acting, owners);
* ``aliases``: the alias table, loaded and checked;
* ``acronyms``, ``names`` and ``people``, ``organisations``, ``places``, ``headlines``;
* ``references``: pronouns, descriptions and "both sides";
* ``resolve``: mentions clustered into ``EntityRecord``s;
* ``mention`` and ``wordlists``: the mention record, its index, and the word lists.

Every name the other stages import is re-exported here, so ``from .entities import X`` keeps
working (relations, events, pipeline, build, and the tests).
"""

from newsgraph.graph.iri import slug  # noqa: F401  (re-exported: the tests use it)

from .wordlists import (  # noqa: F401
    ACTING_DEPS,
    ARMED_NOUNS,
    CAPITAL_ACTORS,
    CAPTION_WORDS,
    DESCRIPTOR_TAILS,
    EVENT_HEADS,
    GENERIC_LEADERS,
    GENERIC_ORG_WORDS,
    GENERIC_ORGAN_WORDS,
    GROUP_NOUNS,
    HONORIFICS,
    LEADER_TITLE_PHRASES,
    _LEADING_THE,
    LOCATIVE_PREPS,
    MESSAGES,
    NAME_PARTICLES,
    NATIONAL_COLLECTIVES,
    NATIONAL_GROUP_NOUNS,
    NER_LABELS,
    NEWS_OUTLET_WORDS,
    ORG_DESCRIPTIONS,
    ORG_HEAD_WORDS,
    ORG_NAME_WORDS,
    PAIR_KEY,
    PAIR_NOUNS,
    PERSON_PRONOUNS,
    PERSON_TITLES_HEADS,
    PLACE_NOUNS,
    PORTFOLIO_HOLDERS,
    PORTFOLIOS,
    RULERS,
    SPAN_KEY,
    STANCE_PREFIXES,
    STATE_DESCRIPTIONS,
    STREET_WORDS,
    SUPRANATIONAL_PREFIXES,
    TITLE_WORDS_BEFORE_OF,
    _TRAILING_POSSESSIVE,
    UNOWNED_ORGANS,
)
from .mention import (  # noqa: F401
    _country_key,
    _country_label,
    _Mention,
    _MentionIndex,
    mentions_by_token,
    _name_tokens,
    org_key,
    records_in,
    _split_name,
    _strip_possessive,
    us_spelling,
)
from .aliases import (  # noqa: F401
    Alias,
    load_aliases,
    _parse_alias_rows,
    _read_alias_file,
    ruler_patterns,
    _shipped_aliases,
)
from .headlines import (  # noqa: F401
    _confirm_headline_mentions,
    _dateline_city,
    _find_headline_lines,
    headline_lines,
    in_headline,
    _without_common_words,
)
from .names import (  # noqa: F401
    _fitting,
    _fold,
    _FullNames,
    NamedPeople,
    short_name_target,
    _spellings_of_one_name,
    _surname,
)
from .cues import (  # noqa: F401
    _acts,
    _after_stance_prefix,
    _group_phrase,
    _locative,
    _national_group,
    _repair_boundary,
    _split_mentions,
    _split_slash,
    _state_owner,
    _titled,
    _trim,
)
from .organisations import (  # noqa: F401
    _affiliations,
    _armed_groups,
    dominant_state,
    _generic_organ,
    _head_references,
    _name_head,
    opening_city_state,
    _org_heads,
    _organ_kind,
    _own_generic_organs,
)
from .acronyms import (  # noqa: F401
    acronym,
    _bracketed_short_forms,
    _defined_acronyms,
    _long_form,
    _long_form_before,
    _name_before_place,
    _names_same_body,
    _resolve_acronyms,
)
from .places import (  # noqa: F401
    _named_places,
    _nested_places,
    _shared_short_names,
    _untagged_countries,
    _untagged_country_pairs,
)
from .people import (  # noqa: F401
    known_as,
    _people_tagged_as_bodies,
    _resolve_people,
    _shared_surnames,
)
from .references import (  # noqa: F401
    resolve_pairs,
    resolve_pronouns,
)
from .resolve import (  # noqa: F401
    propagate,
    resolve,
    _with_background,
)
from .classify import RULES, typed_mentions  # noqa: F401
from .references import descriptions  # noqa: F401
from .component import (  # noqa: F401
    EntityResolver,
    make_entity_resolver,
    _np_extent,
)
