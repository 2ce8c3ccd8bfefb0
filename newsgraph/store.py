"""The on-disk store of incremental builds (``newsgraph build --store DIR``).

Layout of ``DIR``::

    manifest.json          the committed state: documents in corpus order (id, content
                           digest, result key) and a digest of every named graph
    results/ab/<key>.pickle  one ArticleResult per extracted article, keyed by the
                           article's content digest and the extraction fingerprint
    oxigraph/              a pyoxigraph (RocksDB) store: one named graph per document,
                           background facts in the default graph
    dirty                  present while the oxigraph store is being changed
    scratch/               the build's sorted RDF files (see ``exports.rdf.Prepared``),
                           removed after use; leftovers of a killed run go at the next commit

Why it stays consistent when a build is interrupted (Ctrl-C, kill -9):

* a result file is written under a temporary name and renamed, as soon as its article
  is extracted, so the next run finds every article the killed run had finished and
  extracts only the rest;
* the canonical label and type of a merged entity depend on every document, so the
  merged graph is always rebuilt from the stored results (cheap beside spaCy), its RDF
  written once as sorted N-Quads on disk (the same file ``graph.nq`` is copied from), and
  each named graph of the oxigraph store is replaced only when its digest (SHA-256 of
  the graph's sorted N-Quads lines) changed, one graph in memory at a time;
* before the oxigraph store is touched, ``dirty`` is created; it is removed only after
  the new manifest has been renamed into place.  A run that finds ``dirty`` trusts no
  graph digest and rewrites every named graph, so a half-applied update is repaired;
* ``manifest.json`` is written last, by atomic rename.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.errors import StoreError
from newsgraph.graph.model import Article, ArticleResult

FORMAT = 1
MANIFEST = "manifest.json"
DIRTY = "dirty"
OXIGRAPH = "oxigraph"
RESULTS = "results"
SCRATCH = "scratch"
# RocksDB keeps what is written in memory until it is flushed (~800 MB for a first build
# of 1M quads): flush after this many bytes of N-Quads loaded (~80 MB peak instead).
FLUSH_BYTES = 8 * 2**20


def article_digest(article: Article) -> str:
    """Content hash of everything extraction reads from an article."""
    data = json.dumps([article.id, article.text, article.title, article.date, article.source],
                      ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def is_store(path: str | os.PathLike) -> bool:
    path = Path(path)
    return (path / MANIFEST).is_file() and (path / OXIGRAPH).is_dir()


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


class Store:
    """Results, manifest and RDF store of one store folder; open it with a ``with`` block."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            (self.path / RESULTS).mkdir(exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot create the store folder ({exc.strerror})") from exc
        manifest = self.path / MANIFEST
        if manifest.exists():
            try:
                data = json.loads(manifest.read_text("utf-8"))
            except (OSError, ValueError) as exc:
                raise StoreError(f"{manifest}: unreadable manifest ({exc})") from exc
            if data.get("format") != FORMAT:
                raise StoreError(f"{manifest}: store format {data.get('format')!r}, expected {FORMAT}")
        elif any(p for p in self.path.iterdir() if p.name not in {RESULTS, OXIGRAPH, DIRTY, SCRATCH}):
            raise StoreError(f"{self.path}: not a newsgraph store (no {MANIFEST}) and not empty")
        else:
            data = {"format": FORMAT, "documents": [], "graphs": {}}
        self.documents: list[dict] = list(data["documents"])
        # A run that was interrupted while changing the RDF store: trust no digest.
        self.dirty = (self.path / DIRTY).exists()
        self.graph_digests: dict[str, str] = {} if self.dirty else dict(data.get("graphs", {}))
        self._rdf = None

    # -- lifecycle ---------------------------------------------------------------------
    def __enter__(self) -> Store:
        self.rdf()  # take the store's lock now: a second build on the same store fails early
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def rdf(self):
        """The pyoxigraph store (opened once; RocksDB locks it against other processes)."""
        if self._rdf is None:
            import pyoxigraph as ox
            try:
                self._rdf = ox.Store(str(self.path / OXIGRAPH))
            except OSError as exc:
                raise StoreError(f"{self.path}: cannot open the RDF store; is another build using it? "
                                 f"({str(exc).splitlines()[0] if str(exc) else exc})") from exc
        return self._rdf

    def close(self) -> None:
        if self._rdf is not None:
            try:
                self._rdf.flush()
            except OSError:
                pass
            self._rdf = None  # dropping the last reference releases the lock

    def scratch(self) -> Path:
        """A folder for the build's temporary files (on the store's disk, not in memory)."""
        path = self.path / SCRATCH
        try:
            path.mkdir(exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{path}: cannot create ({exc.strerror})") from exc
        return path

    # -- results -----------------------------------------------------------------------
    @staticmethod
    def key(digest: str, fingerprint: str) -> str:
        return hashlib.sha256(f"{fingerprint}\n{digest}".encode()).hexdigest()

    def _result_path(self, key: str) -> Path:
        return self.path / RESULTS / key[:2] / f"{key}.pickle"

    def has(self, key: str) -> bool:
        return self._result_path(key).is_file()

    def put(self, key: str, result: ArticleResult) -> None:
        path = self._result_path(key)
        try:
            path.parent.mkdir(exist_ok=True)
            _atomic_write(path, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError as exc:
            raise StoreError(f"{path}: cannot write ({exc.strerror or exc})") from exc

    def get(self, key: str) -> ArticleResult:
        path = self._result_path(key)
        try:
            with open(path, "rb") as fh:
                return pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as exc:
            raise StoreError(f"{path}: cannot read a stored result ({exc}); delete it to extract again") from exc

    def results(self) -> Iterator[ArticleResult]:
        """The stored results of the corpus, in corpus order, one at a time."""
        for doc in self.documents:
            yield self.get(doc["key"])

    # -- corpus ------------------------------------------------------------------------
    def plan(self, entries: Iterable[tuple[str, str, str]]) -> dict[str, str]:
        """Merge the ``(id, digest, key)`` of this build's inputs into the corpus.

        New ids are appended, known ids keep their place and take the new content.
        Returns ``{id: "new" | "unchanged" | "changed"}``.
        """
        index = {d["id"]: i for i, d in enumerate(self.documents)}
        status: dict[str, str] = {}
        for doc_id, digest, key in entries:
            entry = {"id": doc_id, "digest": digest, "key": key}
            if doc_id in index:
                old = self.documents[index[doc_id]]
                status[doc_id] = "unchanged" if old["digest"] == digest else "changed"
                self.documents[index[doc_id]] = entry
            else:
                index[doc_id] = len(self.documents)
                self.documents.append(entry)
                status[doc_id] = "new"
        return status

    # -- RDF ---------------------------------------------------------------------------
    def sync_rdf(self, graphs: Iterable[tuple[str, bytes]]) -> dict[str, int]:
        """Make the RDF store hold exactly ``graphs``, replacing only the named graphs whose
        content changed and removing those no longer given.

        ``graphs``: ``(name, lines)`` one graph at a time (name the graph's IRI, ``""`` the
        default graph; lines its sorted N-Quads lines, as in ``graph.nq``), e.g.
        ``rdf.Prepared.graphs()``: only one graph is held here at a time.  A graph's digest
        is the SHA-256 of its lines, i.e. of ``ox.serialize(its sorted quads, N_QUADS)``.
        Returns counts of replaced/removed graphs."""
        import pyoxigraph as ox

        store = self.rdf()
        trusted = dict(self.graph_digests)  # empty after an interrupted update
        repair = self.dirty
        existing = {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)}
        digests: dict[str, str] = {}
        replaced = unflushed = 0
        try:
            for name, lines in graphs:
                if name in digests:
                    raise ValueError(f"graph {name or 'DEFAULT'} given twice: the N-Quads are not sorted by graph")
                digests[name] = digest = hashlib.sha256(lines).hexdigest()
                if trusted.get(name) == digest:
                    continue
                self.mark_dirty()  # before the first change
                if name == "":
                    store.clear_graph(ox.DefaultGraph())
                elif name in existing:
                    store.remove_graph(ox.NamedNode(name))
                store.load(lines, format=ox.RdfFormat.N_QUADS)
                replaced += 1
                unflushed += len(lines)
                if unflushed >= FLUSH_BYTES:
                    store.flush()
                    unflushed = 0
            if "" not in digests and (trusted.get("") or repair):
                self.mark_dirty()  # an empty default graph: clear it
                store.clear_graph(ox.DefaultGraph())
                replaced += 1
            removed = sorted((existing | set(trusted)) - set(digests) - {""})
            if removed:
                self.mark_dirty()
                for name in removed:
                    store.remove_graph(ox.NamedNode(name))
            if self.dirty:
                store.flush()
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot update the RDF store ({exc})") from exc
        self.graph_digests = digests
        return {"graphs_replaced": replaced, "graphs_removed": len(removed)}

    def mark_dirty(self) -> None:
        if not self.dirty:
            _atomic_write(self.path / DIRTY, b"an update of the RDF store is in progress\n")
            self.dirty = True

    def commit(self) -> None:
        """Write the manifest (atomic rename), then clear ``dirty`` and unused results."""
        data = {"format": FORMAT, "documents": self.documents,
                "graphs": dict(sorted(self.graph_digests.items()))}
        try:
            _atomic_write(self.path / MANIFEST,
                          (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode("utf-8"))
            if self.dirty:
                (self.path / DIRTY).unlink(missing_ok=True)
                self.dirty = False
            self._collect_garbage()
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot write the manifest ({exc.strerror or exc})") from exc

    def _collect_garbage(self) -> None:
        """Remove results no document uses any more (replaced articles, older extractors)
        and scratch files left by a killed run."""
        scratch = self.path / SCRATCH
        if scratch.is_dir():
            shutil.rmtree(scratch, ignore_errors=True)
        keep = {d["key"] for d in self.documents}
        for sub in (self.path / RESULTS).iterdir():
            if not sub.is_dir():
                continue
            for f in sub.iterdir():
                if f.suffix == ".pickle" and f.stem not in keep:
                    f.unlink(missing_ok=True)
                elif f.name.startswith(".") and f.suffix == ".tmp":
                    f.unlink(missing_ok=True)  # left by a killed run
