"""The on-disk store of incremental builds (``newsgraph build --store DIR``).

Layout of ``DIR``::

    manifest.json          the committed state: documents in corpus order (id, content
                           digest, result key) and a digest of every named graph
    results/ab/<key>.json  one ArticleResult per extracted article, keyed by the
                           article's content digest and the extraction fingerprint: a
                           header line (format, version, SHA-256 of the rest), then the
                           result as JSON (``graph.model.result_to_data``)
    oxigraph/              a pyoxigraph (RocksDB) store: one named graph per document,
                           background facts in the default graph
    dirty                  present while the oxigraph store is being changed
    scratch/               the build's sorted RDF files (see ``exports.rdf.Prepared``),
                           removed after use; leftovers of a killed run go when the next
                           build opens the store

Results are data, never code: a store may be shared, and whoever can write to it must not
be able to run code as its other users (format 1 kept pickles; they are never loaded).  A
result file that does not check out (wrong header, version or checksum, bad JSON, a field
of the wrong type, another article, too big) is treated as missing: an article among the
build's inputs is extracted again, with a warning; any other is refused with a message
saying which article to give again.

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
import logging
import os
import shutil
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.errors import StoreError
from newsgraph.exports import SCRATCH_PREFIX, remove_leftovers, scratch_file
from newsgraph.graph.model import Article, ArticleResult, result_from_data, result_to_data

log = logging.getLogger(__name__)

FORMAT = 2  # 2: results as checked JSON (1: as pickles, never loaded now)
OLD_FORMATS = frozenset({1})  # their documents are kept, their results extracted again
RESULT_FORMAT = "newsgraph-result"
RESULT_VERSION = 1
RESULT_SUFFIX = ".json"
# Read no more than this of a result file (the seed's is 31 kB; an article of the default
# --max-chars limit, 1M characters, gives some 10 MB), so a planted huge file costs nothing.
MAX_RESULT_BYTES = 256 * 2**20
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


def encode_result(result: ArticleResult) -> bytes:
    """The bytes of a result file: a header line, then the result as compact JSON."""
    payload = json.dumps(result_to_data(result), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    header = {"format": RESULT_FORMAT, "version": RESULT_VERSION, "sha256": hashlib.sha256(payload).hexdigest()}
    return json.dumps(header, separators=(",", ":")).encode("ascii") + b"\n" + payload


def decode_result(data: bytes) -> ArticleResult:
    """The result of :func:`encode_result`'s bytes; ``ValueError`` saying what is wrong with
    anything else (a pickle, another version, a changed byte, a field of the wrong type)."""
    head, newline, payload = data.partition(b"\n")
    try:
        header = json.loads(head) if newline else None
    except ValueError:
        header = None
    if not isinstance(header, dict) or header.get("format") != RESULT_FORMAT:
        raise ValueError("not a newsgraph result file")
    if header.get("version") != RESULT_VERSION:
        raise ValueError(f"result format version {header.get('version')!r}, this newsgraph reads {RESULT_VERSION}")
    if header.keys() != {"format", "version", "sha256"}:
        raise ValueError(f"unknown header key(s) {sorted(header.keys() - {'format', 'version', 'sha256'})}")
    if hashlib.sha256(payload).hexdigest() != header["sha256"]:
        raise ValueError("checksum mismatch: changed or cut short")
    try:
        data = json.loads(payload)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    except ValueError as exc:
        raise ValueError(f"bad JSON ({exc})") from None
    try:
        return result_from_data(data)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    except ValueError as exc:
        raise ValueError(f"not a result: {str(exc).lstrip('.')}") from None


def _read_result(path: Path) -> ArticleResult:
    """Read and check one result file: ``FileNotFoundError`` when there is none,
    ``ValueError`` when it is not a good one."""
    # No symlink (it could point anywhere), no FIFO or device (it could block or never end).
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise ValueError(f"cannot be opened ({exc.strerror or exc})") from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("not a regular file")
        if info.st_size > MAX_RESULT_BYTES:
            raise ValueError(f"{info.st_size} bytes, more than the {MAX_RESULT_BYTES} a result may have")
        data = fh.read(MAX_RESULT_BYTES + 1)
    if len(data) > MAX_RESULT_BYTES:
        raise ValueError(f"more than the {MAX_RESULT_BYTES} bytes a result may have")
    return decode_result(data)


def _good_documents(docs: object) -> bool:
    """The manifest's document list has the expected shape (keys become file names)."""
    def hexdigest(v: object) -> bool:
        return isinstance(v, str) and len(v) == 64 and all(c in "0123456789abcdef" for c in v)
    return isinstance(docs, list) and all(
        isinstance(d, dict) and isinstance(d.get("id"), str) and hexdigest(d.get("digest"))
        and hexdigest(d.get("key")) for d in docs)


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = scratch_file(path.parent, path.name)
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
            found = data.get("format") if isinstance(data, dict) else None
            if found != FORMAT and not (type(found) is int and found in OLD_FORMATS):
                raise StoreError(f"{manifest}: store format {found!r}, expected {FORMAT}")
        elif any(p for p in self.path.iterdir()
                 if p.name not in {RESULTS, OXIGRAPH, DIRTY, SCRATCH} and not p.name.startswith(SCRATCH_PREFIX)):
            raise StoreError(f"{self.path}: not a newsgraph store (no {MANIFEST}) and not empty")
        else:
            data = {"format": FORMAT, "documents": [], "graphs": {}}
        if not _good_documents(data.get("documents")):
            raise StoreError(f"{manifest}: unreadable manifest (bad document list)")
        # An older store: its documents and RDF stay, its results are extracted again.
        self.old_format: int | None = data["format"] if data["format"] != FORMAT else None
        if self.old_format is not None:
            log.warning("%s: a store of format %s (results as pickles, which are never loaded): the "
                        "articles are extracted again and the store upgraded to format %s",
                        self.path, self.old_format, FORMAT)
        self.documents: list[dict] = list(data["documents"])
        self._by_key = {d["key"]: d for d in self.documents}
        # A run that was interrupted while changing the RDF store: trust no digest.
        self.dirty = (self.path / DIRTY).exists()
        self.graph_digests: dict[str, str] = {} if self.dirty else dict(data.get("graphs", {}))
        self._rdf = None

    # -- lifecycle ---------------------------------------------------------------------
    def __enter__(self) -> Store:
        self.rdf()  # take the store's lock now: a second build on the same store fails early
        # The lock is ours: whatever scratch is here was left by a killed run.
        shutil.rmtree(self.path / SCRATCH, ignore_errors=True)
        remove_leftovers(self.path)
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
        return self.path / RESULTS / key[:2] / f"{key}{RESULT_SUFFIX}"

    def _read(self, key: str) -> ArticleResult:
        """The checked result stored under ``key``: ``FileNotFoundError`` when there is none,
        ``ValueError`` when its file is not good or holds another article than the
        document of that key."""
        result = _read_result(self._result_path(key))
        doc = self._by_key.get(key)
        if doc is not None and (result.article.id != doc["id"] or article_digest(result.article) != doc["digest"]):
            raise ValueError(f"it holds another article ({result.article.id!r})")
        return result

    def has(self, key: str) -> bool:
        """Whether a good result is stored under ``key``.  A bad one counts as none, so that
        its article is extracted again (and the file replaced); it is logged."""
        try:
            self._read(key)
        except FileNotFoundError:
            return False
        except (OSError, ValueError) as exc:
            doc = self._by_key.get(key)
            what = f"the stored result of {doc['id']!r}" if doc else "a stored result"
            log.warning("%s: %s is unusable (%s); extracting it again", self._result_path(key), what, exc)
            return False
        return True

    def put(self, key: str, result: ArticleResult) -> None:
        path = self._result_path(key)
        data = encode_result(result)
        if len(data) > MAX_RESULT_BYTES:  # it could not be read back
            raise StoreError(f"{result.article.id}: its result is {len(data)} bytes, more than the "
                             f"{MAX_RESULT_BYTES} a stored result may have")
        try:
            path.parent.mkdir(exist_ok=True)
            _atomic_write(path, data)
        except OSError as exc:
            raise StoreError(f"{path}: cannot write ({exc.strerror or exc})") from exc

    def get(self, key: str) -> ArticleResult:
        """The result stored under ``key``; StoreError when there is no good one."""
        path = self._result_path(key)
        try:
            return self._read(key)
        except FileNotFoundError:
            problem = "missing"
        except (OSError, ValueError) as exc:
            problem = f"unusable ({exc})"
        doc = self._by_key.get(key)
        if doc is None:
            raise StoreError(f"{path}: stored result {problem}")
        raise StoreError(f"{path}: the stored result of document {doc['id']!r} is {problem}; "
                         f"give that article again to extract it")

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
        self._by_key = {d["key"]: d for d in self.documents}
        # The documents not given again must have their results: say so now, before any
        # extraction, rather than after it.  (Their contents are checked when read.)
        lost = [d["id"] for d in self.documents
                if d["id"] not in status and not self._result_path(d["key"]).is_file()]
        if lost:
            why = (f"the store was written by an older newsgraph (format {self.old_format}), whose "
                   f"pickled results are never loaded" if self.old_format is not None
                   else "their result files are missing")
            raise StoreError(f"{self.path}: {len(lost)} document(s) of the store have no stored result "
                             f"(first: {lost[0]!r}): {why}; give those articles again to extract them")
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
            # Background facts were in the default graph before they had a named graph of
            # their own: a store of that time has them there; clear them.
            if "" not in digests and (trusted.get("") or (repair and next(iter(
                    store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None)):
                self.mark_dirty()
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
                if f.suffix == RESULT_SUFFIX and f.stem not in keep:
                    f.unlink(missing_ok=True)
                elif f.suffix == ".pickle":
                    f.unlink(missing_ok=True)  # a result of store format 1: never loaded
                elif f.name.startswith(".") and f.suffix == ".tmp":
                    f.unlink(missing_ok=True)  # left by a killed run (we hold the lock)
