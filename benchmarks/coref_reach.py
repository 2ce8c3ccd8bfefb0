"""How far apart the mentions of one event are, where event coreference merges them.

    .venv/bin/python benchmarks/coref_reach.py                 # the project's article sets
    .venv/bin/python benchmarks/coref_reach.py DIR [DIR ...]   # any folders or files

Runs extraction over the articles with the coreference window switched off
(``COREF_WINDOW_SENTENCES`` set beyond any article) and records, for every mention merged
into an earlier event, how many sentences (and characters) it lies after that event's latest
earlier mention.  The largest of these is what ``COREF_WINDOW_SENTENCES`` must exceed for
the graphs of these articles to stay the same as without a window.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
from check_identical import SETS  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="*", help="folders or files (default: the project's sets)")
    args = ap.parse_args(argv)

    from newsgraph.extract.events import coreference
    from newsgraph.extract.doccache import sentences
    from newsgraph.extract.pipeline import extract, load_pipeline
    from newsgraph.extract.reader import read_articles

    coreference.COREF_WINDOW_SENTENCES = 10**9  # no window: measure what the rules alone merge
    found: list[tuple[int, int, str, str]] = []  # (sentences, characters, article, mention)
    current = {"id": ""}
    original = coreference._merge_coreferent

    def measured(evs, *a, **k):
        out = original(evs, *a, **k)
        for ev in out:
            toks = ev.tokens
            if len(toks) < 2:
                continue
            sent_of = sentences(toks[0].doc)[0]
            for n in range(1, len(toks)):
                last = max(toks[:n], key=lambda t: t.i)
                if toks[n].i > last.i:
                    found.append((sent_of[toks[n].i] - sent_of[last.i], toks[n].idx - last.idx,
                                  current["id"], f"{last.text!r} -> {toks[n].text!r}"))
        return out

    coreference._merge_coreferent = measured  # looked up there by the events component
    nlp = load_pipeline()
    inputs = args.inputs or [str(p) for p in SETS.values()]
    articles = 0
    for folder in inputs:
        for art in read_articles([folder]):  # one at a time, so that each merge knows its article
            current["id"] = art.id
            list(extract([art], nlp))
            articles += 1
    by_distance = Counter(d for d, *_ in found)
    print(f"{articles} articles, {len(found)} merged mentions")
    print("sentences apart: count  " + ", ".join(f"{d}: {n}" for d, n in sorted(by_distance.items())))
    for d, chars, art, what in sorted(found, reverse=True)[:10]:
        print(f"  {d:3} sentences {chars:6} chars  {art}  {what}")


if __name__ == "__main__":
    main()
