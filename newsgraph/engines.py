"""Extraction engines: run the spaCy pipeline over articles in this process, in worker
processes, or on a Dask cluster.

Whichever runs, results come back in input order as small picklable
:class:`~newsgraph.graph.model.ArticleResult` records, so a build's output does not depend
on how extraction was spread (:func:`extract_results`).  Only this module's functions run
in the workers: each loads the model once and keeps it for every chunk it is given.
"""

from __future__ import annotations

import gc
import math
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from newsgraph.errors import NewsgraphError
from newsgraph.graph.model import Article, ArticleResult

# Thread pools of numerical libraries: one thread per worker process, or the processes
# fight over the cores (spaCy's CNN uses blis, single-threaded; numpy's OpenBLAS is not).
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
               "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")


def default_model() -> str:
    """The spaCy model extraction uses by default (``extract.pipeline.DEFAULT_MODEL``; imported
    only when asked for, as that module loads spaCy)."""
    from newsgraph.extract.pipeline import DEFAULT_MODEL

    return DEFAULT_MODEL


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
                   batch_size: int, progress: bool | None = None) -> Iterator[ArticleResult]:
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
        yield from extract(chained(), nlp, batch_size=batch_size, progress=progress)
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
    # No "still extracting" lines from workers: they would interleave on the terminal.
    return list(extract(articles, _WORKER["nlp"], batch_size=batch_size, progress=False))


def _extract_processes(articles: Iterable[Article], n_articles: int, model: str, aliases: str | None,
                       batch_size: int, workers: int) -> Iterator[ArticleResult]:
    import multiprocessing as mp

    chunk = max(1, min(batch_size, math.ceil(n_articles / (workers * 4))))
    # "spawn": a fresh interpreter per worker on every platform (fork would copy the
    # parent's threads and locks); each worker loads the model once in its initializer.
    ctx = mp.get_context("spawn")
    with _single_threaded_children():
        pool = ctx.Pool(workers, initializer=_init_worker, initargs=(model, aliases))
    try:
        yield from _ordered(lambda c: pool.apply_async(_work, (c, batch_size)), lambda r: r.get(),
                            _chunks(articles, chunk), window=2 * workers)
        pool.close()
    finally:
        pool.terminate()
        pool.join()


@contextmanager
def _single_threaded_children() -> Iterator[None]:
    """THREAD_VARS set to 1 while worker processes start (they inherit the environment),
    then restored: this process keeps its own thread pools."""
    saved = {v: os.environ.get(v) for v in THREAD_VARS}
    os.environ.update({v: "1" for v in THREAD_VARS})
    try:
        yield
    finally:
        for v, old in saved.items():
            if old is None:
                os.environ.pop(v, None)
            else:
                os.environ[v] = old


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
        return list(extract(articles, nlp, batch_size=batch_size, progress=False))


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


def extract_results(articles: Iterable[Article], n_articles: int, *, model: str | None = None,
                    aliases: str | None = None, batch_size: int = 32, workers: int = 1,
                    scheduler=None, progress: bool | None = None) -> Iterator[ArticleResult]:
    """Extract articles in this process, in ``workers`` processes or on a Dask scheduler;
    results come in input order.  ``model``: None for :func:`default_model`.
    ``progress``: a line on stderr for a document that takes long (in this process only;
    None: when stderr is a terminal)."""
    model = model or default_model()
    if scheduler:
        return _extract_dask(articles, n_articles, model, aliases, batch_size, scheduler)
    if workers > 1 and n_articles > 1:
        return _extract_processes(articles, n_articles, model, aliases, batch_size, min(workers, n_articles))
    return _extract_local(articles, model, aliases, batch_size, progress)
