"""Time and memory of one long document: spaCy alone beside newsgraph's extraction.

    .venv/bin/python benchmarks/long_document.py                       # both texts, 250 ... 10,000 repetitions
    .venv/bin/python benchmarks/long_document.py --text paragraph --reps 250 1000 --json out.json
    .venv/bin/python benchmarks/long_document.py --profile paragraph 2000   # cProfile of one run, top 25

The document is one text repeated: ``sentence`` is one news sentence repeated on one line
(joined by spaces), ``paragraph`` a five-sentence news paragraph (a bombing, a phone call, a
meeting; named people, states and places) repeated as paragraphs (joined by blank lines).
REPS counts sentences for both (the paragraph is repeated REPS / 5 times), so the two
documents of a row are about as long: 10,000 is about 1.1 MB and 0.9 MB.  ``articles`` is
real news: the 61 articles of the project's sets (``seeds/``, ``../shared/eval/*``,
``eval/heldout*``; read at run time, 198 KB together) one after the other, whole articles
up to at least REPS x 100 characters (starting again from the first when that is longer).
Every measurement is a fresh process (so peak RSS is that document's): *spaCy alone* loads
the model as newsgraph does (``exclude=UNUSED_COMPONENTS``: the components newsgraph keeps)
and runs ``nlp(text)``; *newsgraph* loads ``load_pipeline()`` and runs the same steps as
``extract()`` (``make_doc``, each component in turn, ``doc_to_result``), timing each
component.  Seconds are processing only (model loading excluded); peak RSS is the process's
``ru_maxrss`` (model included).  A run over ``--timeout`` seconds is killed and shown as such.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPS = (250, 500, 1000, 2000, 5000, 10000)
# Written for this benchmark (no development or held-out article's names or sentences).
SENTENCE = ("A car bomb exploded outside the Interior Ministry in Baghdad on Tuesday, killing nine "
            "people, Iraqi police said.")
PARAGRAPH = (
    "A suicide bomber killed 14 people at a crowded market in Peshawar on Monday, Pakistani police said. "
    "Prime Minister Ayesha Qureshi spoke by telephone with Afghan Foreign Minister Karim Sadiqi and "
    "condemned the attack. "
    "Sadiqi said Afghanistan would cooperate with the investigation into the bombing. "
    "On Wednesday, Qureshi met Chinese President Li Wenhao in Beijing to discuss border security. "
    "The two leaders agreed to hold further talks on the attack next month.")
TEXTS = {"sentence": (SENTENCE, " ", 1), "paragraph": (PARAGRAPH, "\n\n", 5)}  # (text, joiner, sentences)


def document(kind: str, reps: int) -> str:
    """``reps`` sentences of the ``kind`` of text (``articles``: ``reps`` x 100 characters)."""
    if kind == "articles":
        return _articles(reps * 100)
    unit, sep, sentences = TEXTS[kind]
    return sep.join([unit] * max(1, reps // sentences)) + "\n"


def _articles(size: int) -> str:
    from check_identical import SETS

    from newsgraph.extract.reader import read_articles

    texts = [a.text.strip() + "\n" for folder in SETS.values() for a in read_articles([str(folder)])]
    out, n = [], 0
    while n < size:
        for text in texts:
            out.append(text)
            n += len(text) + 1
            if n >= size:
                break
    return "\n".join(out)


def child(side: str, kind: str, reps: int) -> dict:
    """One measurement, in this process (run by the parent as a fresh process)."""
    text = document(kind, reps)
    if side == "spacy":
        import spacy

        from newsgraph.extract.pipeline import DEFAULT_MODEL, UNUSED_COMPONENTS
        nlp = spacy.load(DEFAULT_MODEL, exclude=list(UNUSED_COMPONENTS))
        nlp.max_length = 50_000_000
        start = time.perf_counter()
        doc = nlp(text)
        seconds = time.perf_counter() - start
        parts = {}
    else:
        from newsgraph.extract.pipeline import doc_to_result, load_pipeline
        from newsgraph.graph.model import Article
        nlp = load_pipeline()
        article = Article(id=f"{kind}-{reps}.txt", text=text, date="2024-03-05")
        parts = {}
        start = time.perf_counter()
        doc = nlp.make_doc(text)
        doc._.ng_date = article.date
        doc.user_data["ng_text"] = text
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            parts[name] = round(time.perf_counter() - t0, 3)
        t0 = time.perf_counter()
        result = doc_to_result(doc, article)
        parts["doc_to_result"] = round(time.perf_counter() - t0, 3)
        seconds = time.perf_counter() - start
        parts["events"] = len(result.events)
        parts["entities"] = len(result.entities)
        parts["relations"] = len(result.relations)
    return {"side": side, "text": kind, "reps": reps, "chars": len(text), "tokens": len(doc),
            "seconds": round(seconds, 2), "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "parts": parts}


def measure(side: str, kind: str, reps: int, timeout: float) -> dict:
    cmd = [sys.executable, __file__, "--child", side, kind, str(reps)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"side": side, "text": kind, "reps": reps, "seconds": None, "timeout": timeout}
    if done.returncode:
        sys.exit(f"{' '.join(cmd)} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def profile(kind: str, reps: int, top: int = 25) -> None:
    import cProfile
    import pstats

    from newsgraph.extract.pipeline import extract, load_pipeline
    from newsgraph.graph.model import Article
    nlp = load_pipeline()
    article = Article(id=f"{kind}-{reps}.txt", text=document(kind, reps), date="2024-03-05")
    prof = cProfile.Profile()
    prof.enable()
    list(extract([article], nlp))
    prof.disable()
    pstats.Stats(prof).sort_stats("cumulative").print_stats(top)
    pstats.Stats(prof).sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reps", type=int, nargs="*", default=list(REPS))
    ap.add_argument("--text", choices=[*TEXTS, "articles", "both"], default="both",
                    help="both: sentence and paragraph")
    ap.add_argument("--side", choices=["spacy", "newsgraph", "both"], default="both")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds before a run is given up")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--profile", nargs=2, metavar=("TEXT", "REPS"), help="cProfile one newsgraph run")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child[0], args.child[1], int(args.child[2]))))
        return
    if args.profile:
        profile(args.profile[0], int(args.profile[1]))
        return
    kinds = list(TEXTS) if args.text == "both" else [args.text]
    sides = ["spacy", "newsgraph"] if args.side == "both" else [args.side]
    results = []
    print(f"{'text':9} {'reps':>6} {'chars':>9} {'side':9} {'seconds':>8} {'RSS MB':>7}  components")
    for kind in kinds:
        for reps in args.reps:
            for side in sides:
                r = measure(side, kind, reps, args.timeout)
                results.append(r)
                secs = f"{r['seconds']:8.2f}" if r["seconds"] is not None else f">{r['timeout']:.0f}".rjust(8)
                print(f"{kind:9} {reps:>6} {len(document(kind, reps)):>9,} {side:9} {secs} "
                      f"{r.get('rss_mb', ''):>7}  {r.get('parts') or ''}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
