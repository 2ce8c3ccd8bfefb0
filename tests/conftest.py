"""Shared fixtures: the spaCy pipeline and the seed build are made once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
# The development sets shipped in the repository (copies of the client's shared/eval whose
# licences allow it; eval/dev/README.md says what each is and where it comes from).
DEV = ROOT / "eval" / "dev"
SEED_GOLD = DEV / "seed" / "st-petersburg-bombing.gold.json"
DEV_SETS = (DEV / "gum_news", DEV / "wikievents_voa", DEV / "wikinews")
# The client's folder, beside the repository where it is checked out: only used for optional
# extra checks on data that may not be copied (the 10 non-VOA WikiEvents texts).
SHARED_EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.extract.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory) -> Path:
    """The seed article built once through the CLI, as a user would."""
    from newsgraph.cli import main

    out = tmp_path_factory.mktemp("seed") / "out"
    assert main(["build", str(SEEDS), "-o", str(out), "-q"]) == 0
    return out


@pytest.fixture(scope="session")
def eval_build(tmp_path_factory) -> Path:
    """The seed and the in-repository development articles (eval/dev: GUM news, the VOA
    documents of WikiEvents, Wikinews), built once through the CLI."""
    from newsgraph.cli import main

    out = tmp_path_factory.mktemp("eval") / "out"
    assert main(["build", str(SEEDS), *map(str, DEV_SETS), "-o", str(out), "-q"]) == 0
    return out


@pytest.fixture(scope="session")
def seed_store(seed_build):
    from newsgraph.query import load_store

    return load_store(seed_build)


def extract_text(nlp, text: str, *, date: str | None = None):
    """Run the full pipeline on one synthetic article and return its ArticleResult."""
    from newsgraph.extract.pipeline import extract
    from newsgraph.graph.model import Article

    return next(extract([Article(id="t.txt", text=text, date=date)], nlp))


# Views of an ArticleResult that the rule tests assert on.
def rels(result) -> set[tuple[str, str, str]]:
    return {(r.subject, r.predicate, r.object) for r in result.relations}


def events_of(result, cls: str) -> list:
    return [e for e in result.events if e.event_class == cls]


def ents(result) -> dict:
    return {e.key: e for e in result.entities}


def mention_texts(result, key: str) -> set[str]:
    return {m.text for m in ents(result)[key].mentions}


def terminal_sigint() -> None:
    """In a child process: Ctrl-C as a terminal delivers it. A test run started in the
    background (``make test &``) inherits an ignored SIGINT, which every child would keep."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_server(build: Path):
    """`newsgraph serve BUILD --port 0`, as a user starts it: ``(endpoint URL, process)``."""
    import re
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "serve", str(build), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=terminal_sigint)
    line = proc.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:\d+/query", line)
    assert match, (line, proc.stderr.read() if proc.poll() is not None else "")
    return match.group(0), proc
