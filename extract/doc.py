"""Everything newsgraph's components put on a spaCy Doc, named once.

Importing this module registers the ``Doc`` extensions (``doc._.ng_*``, default ``None``);
the components, the pipeline and the per-Doc caches import the names from here rather than
spelling the strings.

Doc extensions (``doc._.NAME``), set by the component named:

* ``ng_date`` (``DATE``): the article's publication date, set by ``pipeline.extract`` before
  the pipeline runs; relative dates are anchored on it;
* ``ng_entities`` (``ENTITIES``), ``ng_pronouns`` (``PRONOUNS``): ``newsgraph_entities``;
* ``ng_frames`` (``FRAMES``): ``newsgraph_predicates`` (and it adds quoted first person to
  ``ng_pronouns``);
* ``ng_events`` (``EVENTS``), ``ng_participants`` (``PARTICIPANTS``): ``newsgraph_events``;
* ``ng_relations`` (``RELATIONS``): ``newsgraph_relations``.

``doc.spans`` key: ``ng_mentions`` (``MENTIONS``), every resolved mention (``newsgraph_entities``).

``doc.user_data`` keys: ``ng_pairs`` (``PAIRS``, set by ``newsgraph_entities``), and the
per-Doc caches of ``doccache`` and ``entities.headlines`` (``TEXT``, ``TOKENS``,
``SENTENCES``, ``DATES``, ``HEADLINES``, ``HEADLINE_STARTS``, ``TITLE``), dropped with the Doc.
"""

from __future__ import annotations

from spacy.tokens import Doc

# doc._ extensions
DATE = "ng_date"
ENTITIES = "ng_entities"
PRONOUNS = "ng_pronouns"
FRAMES = "ng_frames"
EVENTS = "ng_events"
PARTICIPANTS = "ng_participants"
RELATIONS = "ng_relations"
DOC_EXTENSIONS = (DATE, ENTITIES, PRONOUNS, FRAMES, EVENTS, PARTICIPANTS, RELATIONS)

# doc.spans keys
MENTIONS = "ng_mentions"  # the resolved mentions: label_ = entity type, kb_id_ = entity key

# doc.user_data keys
PAIRS = "ng_pairs"  # "the two sides" token index -> the two entity keys
TEXT = "ng_text"  # == doc.text (spaCy rebuilds that from the tokens on every access)
TOKENS = "ng_tokens"  # list(doc)
SENTENCES = "ng_sentence_of"  # token index -> sentence number, and each sentence's bounds
DATES = "ng_dates"  # token index -> (start, end) of its DATE entity
HEADLINES = "ng_headlines"  # (start, end) characters of each headline line
HEADLINE_STARTS = "ng_headline_starts"  # their starts, for bisection
TITLE = "ng_title"  # (start, end) characters of the article's title line, (0, 0) for none


def register_extensions() -> None:
    """Register every ``doc._`` extension newsgraph uses (once; later calls change nothing)."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()
