"""Build orchestration: validate the inputs, extract, merge, write.

``build`` is what ``newsgraph build`` runs.  The spaCy model is the cost newsgraph
cannot avoid, so everything else is arranged around it:

* inputs are validated in a first pass (a bad input fails the build before any work
  or output) and read again, one article at a time, for extraction: the texts of the
  corpus are never all held at once, and Docs never outlive their batch;
* extraction runs in this process, in ``workers`` processes (each loads the model once;
  articles go out in chunks, results come back in input order) or on a Dask cluster
  (``scheduler``), see :mod:`newsgraph.engines`; only the small picklable
  :class:`ArticleResult` records come back;
* with ``store``, each result is written to disk as soon as it exists, unchanged
  articles are not extracted again, and the RDF store is updated graph by graph
  (see :mod:`newsgraph.store`);
* results are merged in input (corpus) order, so the output does not depend on how
  extraction was spread: the files are byte-identical for any ``workers``/``scheduler``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newsgraph import __version__
from newsgraph.errors import ModelError, NewsgraphError
from newsgraph.extract.reader import MAX_CHARS
from newsgraph.graph.model import Article, ArticleResult

# The extraction engines live in newsgraph.engines.  ``extract_results`` is looked up here,
# in this module, each time a build extracts, so that it can be replaced (tests do).
from newsgraph.engines import default_model, extract_results

if TYPE_CHECKING:  # (imported where used: a build that extracts nothing loads no more than it needs)
    import networkx as nx

    from newsgraph.exports.rdf import Prepared
    from newsgraph.store import Store


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


# -- the build -----------------------------------------------------------------------------

def build(inputs: Sequence[str], out_dir: str | os.PathLike | None, *, model: str | None = None,
          aliases: str | None = None, date: str | None = None, events_as: str = "auto",
          batch_size: int = 32, max_chars: int = MAX_CHARS, workers: int = 1,
          store: str | os.PathLike | None = None, scheduler=None, progress: bool = False,
          on_result: Callable[[int, ArticleResult], None] | None = None) -> BuildReport:
    """Build the graph of ``inputs`` and write its files into ``out_dir`` (None: no files).

    ``model``: the spaCy model (None: :func:`default_model`).  ``store``: a folder keeping
    results and an RDF store between builds; the graph is then the store's whole corpus
    (earlier builds' articles plus these). ``scheduler``: a Dask scheduler address (or
    ``distributed.Client``) to extract on.  ``on_result(i, result)`` is called after the
    i-th extracted article (1-based) is merged or stored.
    """
    run = _Run(inputs=inputs, out_dir=out_dir, model=model or default_model(), aliases=aliases,
               date=date, events_as=events_as, batch_size=batch_size, max_chars=max_chars,
               workers=workers, scheduler=scheduler, progress=progress, on_result=on_result)
    run.check_options()
    # Pass 1: every input is read and checked before any work or output.
    run.scan()
    if not run.scanned and store is None:
        raise NewsgraphError("no articles found in the input (.txt, .md, .html, .jsonl)")
    run.read_model()
    graph, done = _build_in_memory(run) if store is None else _build_with_store(run, store)
    kinds, events, rels = counts(graph)
    return BuildReport(articles=len(run.scanned), extracted=done.extracted, skipped=done.skipped,
                       replaced=done.replaced, documents=done.documents,
                       entities=dict(sorted(kinds.items())), events=events, relations=rels,
                       files=done.files, seconds=time.perf_counter() - run.started,
                       build_info=run.build_info, store=done.sync)


@dataclass
class _Run:
    """One build: its options and what its steps share (the scanned inputs, the model's
    build information, when it started)."""

    inputs: Sequence[str]
    out_dir: str | os.PathLike | None
    model: str
    aliases: str | None
    date: str | None  # as given
    events_as: str
    batch_size: int
    max_chars: int
    workers: int
    scheduler: object
    progress: bool
    on_result: Callable[[int, ArticleResult], None] | None
    iso_date: str | None = None  # ``date`` checked
    scanned: list[tuple[str, str]] = field(default_factory=list)  # (id, digest) in input order
    kept: list[Article] | None = None  # standard input's articles (it cannot be read twice)
    meta: dict = field(default_factory=dict)  # the model's meta.json
    build_info: dict = field(default_factory=dict)
    started: float = field(default_factory=time.perf_counter)

    def __post_init__(self) -> None:
        from newsgraph.provenance import start_time

        self.started_at, self.reproducible = start_time()

    def check_options(self) -> None:
        """Refuse bad options now, before any input is read or any work done."""
        from newsgraph.extract.reader import iso_date as check_iso_date

        if self.workers < 1:
            raise NewsgraphError(f"--workers {self.workers}: give 1 or more")
        if self.batch_size < 1:
            raise NewsgraphError(f"--batch-size {self.batch_size}: give 1 or more")
        self.iso_date = check_iso_date(self.date, "--date") if self.date else None
        if self.aliases:  # every row checked now, not after the corpus was extracted
            from newsgraph.extract.entities import load_aliases
            load_aliases(self.aliases)

    def scan(self) -> None:
        if self.inputs:
            self.scanned, self.kept = _scan(self.inputs, self.iso_date, self.max_chars)

    def read_model(self) -> None:
        self.meta = model_meta(self.model)
        self.build_info = {"toolVersion": __version__, **model_info_from_meta(self.meta)}
        if self.reproducible:  # the clock would make every build's RDF different
            self.build_info["startedAtTime"] = self.started_at

    def articles(self) -> Iterator[Article]:
        """Pass 2: the scanned articles again, one at a time."""
        return _reread(self.inputs, self.iso_date, self.max_chars, self.scanned, self.kept)

    def extract(self, articles: Iterator[Article], total: int) -> Iterator[ArticleResult]:
        """Extraction results in input order, behind a progress bar when asked for one."""
        results = extract_results(articles, total, model=self.model, aliases=self.aliases,
                                  batch_size=self.batch_size, workers=self.workers,
                                  scheduler=self.scheduler, progress=None if self.progress else False)
        if self.progress and total > 1 and sys.stderr.isatty():
            from tqdm import tqdm
            return iter(tqdm(results, total=total, unit="article", file=sys.stderr))
        return results

    def write(self, graph: nx.MultiDiGraph, rdf: Prepared | None, documents: int) -> list[Path]:
        """Every output file and build.json into ``out_dir`` (none when it is None)."""
        from newsgraph.exports import EXPORTERS, write_all
        from newsgraph.provenance import build_record

        if self.out_dir is None:
            return []
        kinds, events, rels = counts(graph)
        record = build_record(
            build_info=self.build_info, started=self.started_at, reproducible=self.reproducible,
            inputs=list(self.inputs),
            options={"date": self.date, "aliases": self.aliases, "events_as": self.events_as,
                     "batch_size": self.batch_size, "max_chars": self.max_chars},
            counts={"articles": documents, "entities": sum(kinds.values()), "events": events,
                    "relations": rels},
            files=[*EXPORTERS, "build.json"], seconds=time.perf_counter() - self.started)
        return write_all(graph, self.out_dir, events_as=self.events_as, extra={"build.json": record},
                         rdf=rdf)


@dataclass
class _Done:
    """What the extraction and writing steps of a build did."""

    documents: int  # documents in the graph
    files: list[Path]
    extracted: int = 0
    skipped: int = 0
    replaced: int = 0
    sync: dict = field(default_factory=dict)  # the store's graphs_replaced, graphs_removed


def _build_in_memory(run: _Run) -> tuple[nx.MultiDiGraph, _Done]:
    """Extract every input, merge the results as they come, write the files."""
    from newsgraph.graph.builder import GraphBuilder

    builder = GraphBuilder(build_info=run.build_info)
    extracted = 0
    for extracted, result in enumerate(run.extract(run.articles(), len(run.scanned)), 1):
        builder.add(result)
        if run.on_result:
            run.on_result(extracted, result)
    graph = builder.graph()
    del builder
    documents = len(run.scanned)
    return graph, _Done(documents, run.write(graph, None, documents), extracted=extracted)


def _build_with_store(run: _Run, store: str | os.PathLike) -> tuple[nx.MultiDiGraph, _Done]:
    """Extract only the articles the store lacks, store each result at once, merge the
    store's whole corpus, update its RDF and write the files from the same sorted RDF."""
    from newsgraph.store import Store

    fp = fingerprint(run.model, run.aliases, run.meta)
    with Store(store) as st:
        keys = {doc_id: st.key(digest, fp) for doc_id, digest in run.scanned}
        status = st.plan((doc_id, digest, keys[doc_id]) for doc_id, digest in run.scanned)
        todo = {doc_id for doc_id, _ in run.scanned if not st.has(keys[doc_id])}
        pending = (a for a in run.articles() if a.id in todo)
        extracted = 0
        for extracted, result in enumerate(run.extract(pending, len(todo)), 1):
            st.put(keys[result.article.id], result)  # on disk at once: a killed build loses nothing
            if run.on_result:
                run.on_result(extracted, result)
        if not st.documents:
            raise NewsgraphError(f"{store}: the store holds no articles; give some inputs")
        graph, done = _export_store(run, st)
        done.extracted, done.skipped = extracted, len(run.scanned) - len(todo)
        done.replaced = sum(1 for s in status.values() if s == "changed")
        st.commit()  # last: the manifest says what the store holds
    return graph, done


def _export_store(run: _Run, st: Store) -> tuple[nx.MultiDiGraph, _Done]:
    """Merge the store's corpus, then update its RDF and write the files from it."""
    from newsgraph.exports.rdf import Prepared
    from newsgraph.graph.builder import GraphBuilder

    # Canonical labels and types depend on every document: merge the whole corpus
    # again from the stored results (no spaCy), then replace the changed graphs.
    builder = GraphBuilder(build_info=run.build_info)
    for result in st.results():
        builder.add(result)
    graph = builder.graph()
    del builder
    # The RDF is written once, sorted on disk, as in a build without a store: the
    # store is updated from it graph by graph, the files are written from it.
    documents = len(st.documents)
    rdf = Prepared(graph, st.scratch())
    try:
        sync = st.sync_rdf(rdf.graphs())
        files = run.write(graph, rdf, documents)
    finally:
        rdf.close()
    return graph, _Done(documents, files, sync=sync)


def counts(graph) -> tuple[Counter, int, int]:
    """Entities by type, events, relations (background facts excluded)."""
    kinds = Counter(a.get("type") for _, a in graph.nodes(data=True) if a.get("kind") == "entity")
    events = sum(1 for _, a in graph.nodes(data=True) if a.get("kind") == "event")
    rels = sum(1 for *_, a in graph.edges(data=True) if a.get("kind") == "relation" and not a.get("background"))
    return kinds, events, rels
