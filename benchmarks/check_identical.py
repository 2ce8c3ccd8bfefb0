"""Check that a change to extraction leaves the graphs of the project's article sets byte-identical.

    .venv/bin/python benchmarks/check_identical.py --rev 04c1941          # code at REV vs working tree
    .venv/bin/python benchmarks/check_identical.py --save /tmp/lin         # keep the current graphs ...
    .venv/bin/python benchmarks/check_identical.py --against /tmp/lin      # ... and compare later ones with them

Every set (``seeds``, ``eval/dev/{gum_news,wikinews}``, WikiEvents (``../shared/eval/wikievents``
when it is there, else the VOA part in ``eval/dev``), ``eval/heldout{,2,3,4}``) is built with
``newsgraph build DIR -o OUT -q`` (one build per folder, ``SOURCE_DATE_EPOCH=0``) and every
file the build writes (the nine, ``build.json`` included) is compared byte for byte.

``--rev`` is the mode to trust while other people edit the same working tree: both sides
are built from snapshots imported through ``PYTHONPATH`` (ahead of the editable install):
the working tree's packages as they are now, and the same packages as a whole at REV
(``git archive``), so a file added or removed since REV counts as well.
(``--against`` compares with whatever the tree was when ``--save`` ran, other people's
changes included.)
Exit status 0 when every file of every set is identical, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "seed": ROOT / "seeds",
    "gum_news": ROOT / "eval" / "dev" / "gum_news",
    "wikievents": (ROOT.parent / "shared" / "eval" / "wikievents" if (ROOT.parent / "shared" / "eval" / "wikievents").is_dir()
                   else ROOT / "eval" / "dev" / "wikievents_voa"),
    "wikinews": ROOT / "eval" / "dev" / "wikinews",
    "heldout": ROOT / "eval" / "heldout",
    "heldout2": ROOT / "eval" / "heldout2",
    "heldout3": ROOT / "eval" / "heldout3",
    "heldout4": ROOT / "eval" / "heldout4",
}
# Top-level folders of the repository and the package names the editable install maps them to.
PACKAGES = {"newsgraph": "newsgraph", "extract": "newsgraph/extract", "graph": "newsgraph/graph",
            "exports": "newsgraph/exports", "ontology": "newsgraph/ontology"}


def snapshot(dest: Path, rev: str | None = None) -> Path:
    """The packages laid out as installed (``dest/newsgraph/extract`` ...): the working
    tree's, or with ``rev`` the whole of them as they were at that commit."""
    for folder, target in PACKAGES.items():
        if rev is None:
            shutil.copytree(ROOT / folder, dest / target, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__"))
            continue
        (dest / target).mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "archive", rev, folder], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "--strip-components=1", "-C", str(dest / target)], input=archive, check=True)
    return dest


def build(name: str, src: Path, out: Path, pythonpath: Path | None) -> float:
    env = dict(os.environ, SOURCE_DATE_EPOCH="0")
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    # From the snapshot: -P keeps the working folder (the repository, whose ``newsgraph/`` would
    # be imported first) off sys.path.  Inputs are given as the README's commands give them,
    # relative to the repository (they end up in the graph as dct:source).
    command = [sys.executable, "-P", "-m", "newsgraph.cli"] if pythonpath else [str(Path(sys.executable).parent / "newsgraph")]
    start = time.perf_counter()
    subprocess.run([*command, "build", os.path.relpath(src, ROOT), "-o", str(out), "-q"], check=True, env=env, cwd=ROOT)
    return time.perf_counter() - start


def same(a: Path, b: Path) -> list[str]:
    """The output files that differ (or are missing on one side) between two build folders."""
    names = sorted({p.name for p in a.iterdir()} | {p.name for p in b.iterdir()})
    return [f for f in names
            if not (a / f).exists() or not (b / f).exists() or (a / f).read_bytes() != (b / f).read_bytes()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--rev", help="reference: the code at this commit (all of it)")
    mode.add_argument("--save", type=Path, help="build every set into DIR/base-NAME and stop")
    mode.add_argument("--against", type=Path, help="compare new builds with DIR/base-NAME")
    ap.add_argument("--sets", nargs="*", default=list(SETS), choices=list(SETS))
    ap.add_argument("--keep", type=Path, help="with --rev: keep the builds here (default: a temporary folder)")
    args = ap.parse_args(argv)

    if args.save:
        for name in args.sets:
            seconds = build(name, SETS[name], args.save / f"base-{name}", None)
            print(f"{name:12} saved in {seconds:.1f} s")
        return 0

    work = Path(tempfile.mkdtemp(prefix="ng-identical-"))
    try:
        if args.rev:
            ref_code = snapshot(work / "ref-code", args.rev)
            new_code = snapshot(work / "new-code")
            out = args.keep or work
        failed = 0
        for name in args.sets:
            if args.rev:
                ref, new = out / f"ref-{name}", out / f"new-{name}"
                t_ref = build(name, SETS[name], ref, ref_code)
                t_new = build(name, SETS[name], new, new_code)
                times = f"{t_ref:5.1f} s -> {t_new:5.1f} s"
            else:
                ref, new = args.against / f"base-{name}", work / f"new-{name}"
                times = f"{build(name, SETS[name], new, None):5.1f} s"
            differ = same(ref, new)
            failed += bool(differ)
            print(f"{name:12} {'DIFFERENT: ' + ', '.join(differ) if differ else 'identical'}  ({times})")
        print("all identical" if not failed else f"{failed} set(s) differ")
        return 1 if failed else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
