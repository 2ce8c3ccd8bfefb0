"""Actors and places: typed mentions resolved to one entity per real-world referent.

The ``newsgraph_entities`` component reads spaCy's entities (and the alias ruler's),
types each mention by the contract's classes with the offline gazetteer, merges the
mentions of one referent (full name and surname, acronyms and expansions, demonyms
and capitals acting for their state) and stores the result on the Doc:

* ``doc.spans["ng_mentions"]``: every resolved mention, ``label_`` = entity type,
  ``kb_id_`` = entity key;
* ``doc._.ng_entities``: ``dict[key, EntityRecord]``.

The rules are split by family, one module each (with its word lists in ``wordlists`` or
``extract/data/entity_*.tsv``, and its tests in ``tests/extract/entities/``):

* ``component``: the spaCy component and the order the families run in;
* ``typing``: the ordered rules that type one NER span (see its docstring);
* ``cues``: syntactic cues about a span (titles, locatives, capitals acting, owners);
* ``aliases``: the alias table, loaded and checked;
* ``acronyms``, ``names`` and ``people``, ``organisations``, ``places``, ``headlines``;
* ``references``: pronouns, descriptions and "both sides";
* ``resolve``: mentions clustered into ``EntityRecord``s;
* ``mention`` and ``wordlists``: the mention record, its index, and the word lists.

The names other modules import are re-exported here, so ``from .entities import X`` and
``from newsgraph.extract.entities import X`` keep working: those of relations, events, the
pipeline and the build, and the internals tests/test_scaling.py checks.  New code and tests
import from the family's module.
"""

from newsgraph.graph.iri import slug

from .acronyms import _names_same_body, _resolve_acronyms
from .aliases import Alias, load_aliases, ruler_patterns
from .component import EntityResolver, make_entity_resolver
from .headlines import headline_lines, in_headline, in_title
from .mention import _Mention, mentions_by_token, _name_tokens, org_key, records_in
from .names import _fitting, _fold, NamedPeople, short_name_target, _spellings_of_one_name, _surname
from .organisations import dominant_state, opening_city_state
from .people import _resolve_people
from .wordlists import NAME_PARTICLES, PLACE_NOUNS, PORTFOLIOS, RULERS, SPAN_KEY, UNOWNED_ORGANS

__all__ = [
    # the component, and the alias table of the pipeline and the build
    "EntityResolver", "make_entity_resolver", "Alias", "load_aliases", "ruler_patterns",
    # what relations.py and events.py read off a processed Doc
    "records_in", "mentions_by_token", "in_headline", "in_title", "opening_city_state", "dominant_state",
    "SPAN_KEY", "RULERS", "PLACE_NOUNS", "PORTFOLIOS", "UNOWNED_ORGANS",
    # internals tests/test_scaling.py checks (it patches the modules: E.acronyms, E.names)
    "slug", "org_key", "headline_lines", "NamedPeople", "short_name_target", "NAME_PARTICLES",
    "_Mention", "_name_tokens", "_fold", "_surname", "_fitting", "_spellings_of_one_name", "_resolve_people",
    "_resolve_acronyms", "_names_same_body",
]
