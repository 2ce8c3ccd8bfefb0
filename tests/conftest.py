"""Shared fixtures: the spaCy pipeline and the seed build are made once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
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
    """The shared evaluation articles (every folder of ../shared/eval) and the seed, built
    once through the CLI; skipped where ../shared/eval is not checked out."""
    from newsgraph.cli import main

    folders = sorted(d for d in SHARED_EVAL.iterdir() if d.is_dir()) if SHARED_EVAL.is_dir() else []
    if not folders:
        pytest.skip("../shared/eval is not present")
    out = tmp_path_factory.mktemp("eval") / "out"
    assert main(["build", str(SEEDS), *map(str, folders), "-o", str(out), "-q"]) == 0
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
