"""Events: triggers from a lexicon kept as data, arguments from the dependency parse.

``newsgraph_events`` runs after ``newsgraph_entities``.  Trigger words come from
``data/triggers.tsv`` (lemma, POS, class, CAMEO code, constraint, confidence) and the
classes from ``data/event_classes.tsv``.  Arguments are read off the parse (subjects,
objects, passive agents, possessives, demonym modifiers, "with"/"on"/"against"/"in"
prepositions, light verbs such as "hold a summit"), factuality from negation, modals
and conditionals, and anaphoric mentions ("this attack") join the event they repeat.
Results: ``doc._.ng_events`` (list of :class:`EventRecord`).
"""
# The rules live in one module per family; this package re-exports every name the
# single-module ``events.py`` had, so that ``from newsgraph.extract.events import X`` (and
# ``events.X``) keep working. To replace a name for a test, patch the module that uses it
# (``events.coreference``), not the package:
#   lexicon.py      event classes, triggers and the class-behaviour table (data/*.tsv)
#   triggers.py     which token is a trigger (triggers.tsv constraints)
#   draft.py        the mutable event the rules fill in, and how a role is added
#   fillers.py      who a noun phrase names (entities, organs, owners, unnamed "~i")
#   arguments.py    agent / target / victim / participant / place of one trigger: the driver,
#                   its ordered RULES and the repairs; the rules by family in
#                   argument_context.py (ArgContext), verb_arguments.py (a verb's own arguments
#                   from the predicate layer), noun_arguments.py, preposition_arguments.py
#   casualties.py   how many were killed or injured
#   factuality.py   asserted / negated / hypothetical / future, reporter, date
#   acts.py         targets found through other events (replies, judgements)
#   coreference.py  chains and repeated mentions of one happening
#   filters.py      which found events are kept
#   records.py      EventRecord / ParticipantRecord
#   component.py    the ``newsgraph_events`` factory and component

from __future__ import annotations

# Every name the single module events.py had, from the module that now holds it.
from . import (  # noqa: F401
    acts, argument_context, arguments, casualties, component, coreference, draft, factuality, fillers, filters,
    lexicon, noun_arguments, preposition_arguments, records, triggers, verb_arguments)
from .lexicon import (  # noqa: F401
    _PACT_VERBS, ANSWER_CLASSES, ATTACK_CLASSES, ATTACK_ROOTS, CONTENT_CLASSES,
    COREF_FAMILIES, COUNTERPART_CLASSES, event_classes, EventClass, JUDGING_CLASSES, MAKING_VERBS,
    PATIENT_POSSESSOR_CLASSES, STANCE_CLASSES, STATE_CLASSES, TRANSFER_CLASSES, Trigger, trigger_lexicon)
from .triggers import (  # noqa: F401
    _lemma_candidates, _satisfies, CONSTRAINT_DEPS, match_trigger)
from .draft import (  # noqa: F401
    _add, _Event, _named)
from .fillers import (  # noqa: F401
    _fillers, _owners, anonymous_key, GROUP_HEADS, INSTRUMENT_NOUNS, NON_REFERRING_PRONOUNS,
    ORGAN_HEADS, QUANTITY_HEADS, STATE_ORGANS)
from ..predicates import OBJECT_CONTROL_VERBS  # noqa: F401
from .argument_context import (  # noqa: F401
    ArgContext, SUBJECT_DEPS, TARGET_PREPS)
from .arguments import (  # noqa: F401
    _arguments, ANAPHORIC_DETS, GROUP_NOUNS_OF_PEOPLE)
from .verb_arguments import (  # noqa: F401
    _phrase_preps, ACT_NOUNS, HELPING_VERBS)
from .noun_arguments import (  # noqa: F401
    AFFECTING_VERBS, LIGHT_VERBS, NOUN_AGENT_DEPS)
from .preposition_arguments import (  # noqa: F401
    DIRECT_VIAS, LOCATION_NOUNS, PLACE_PREPS, SITE_PREPS, WITH_PREPS)
from .casualties import (  # noqa: F401
    _casualties, _NUMBER_WORDS, parse_number)
from .factuality import (  # noqa: F401
    _event_date, _future_in_past, ASPECTUAL_VERBS, CONDITIONAL_MARKS, factuality, HYPOTHETICAL_MODALS,
    FUTURE_IN_PAST_VERBS, INTENTION_VERBS, reporter)
from .coreference import (  # noqa: F401
    _mention_facts, _merge_chains, _merge_coreferent, _named_keys, _RecentEvents, _same_family,
    _same_happening, COREF_WINDOW_SENTENCES, GENERAL_EVENT_NOUNS, PLURAL_EVENT_NOUNS)
from .acts import (  # noqa: F401
    _act_targets, _answer_targets, ANSWERED_ACTS)
from .filters import (  # noqa: F401
    _counted, _generic, _generic_fillers, _happened, _hollow, _naming_call, HAPPENING_VERBS)
from .records import (  # noqa: F401
    _cameo, _participants, _record)
from .component import (  # noqa: F401
    BARE_EVENT_CONFIDENCE, EventExtractor, make_event_extractor, STATE_NOUNS)
