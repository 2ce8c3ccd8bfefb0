"""The shape of extract/entities/ (issue 13): small modules and functions, the names other
modules import still importable from the package, and the word-list files readable."""

import ast
from pathlib import Path

import newsgraph.extract.entities as E

PACKAGE = Path(E.__file__).parent


def test_no_module_over_600_lines_and_no_function_over_60():
    long = []
    for path in sorted(PACKAGE.glob("*.py")):
        text = path.read_text("utf-8")
        assert len(text.splitlines()) <= 600, path.name
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > 60:
                long.append(f"{path.name}:{node.name}")
    assert long == []


def test_the_names_other_modules_import_are_re_exported():
    for name in E.__all__:
        assert hasattr(E, name), name
    from newsgraph.extract.entities import (PLACE_NOUNS, PORTFOLIOS, RULERS, SPAN_KEY,  # noqa: F401
                                            UNOWNED_ORGANS, dominant_state, in_headline, mentions_by_token,
                                            opening_city_state, records_in)


def test_every_word_list_file_is_read_and_its_lists_are_named_in_its_header():
    from newsgraph.extract.entities.wordlists import _word_lists

    for name in ("titles.tsv", "entity_organisations.tsv", "entity_groups.tsv", "entity_places.tsv"):
        lists = _word_lists(name)
        header = (PACKAGE.parent / "data" / name).read_text("utf-8").split("\nword\tlists\n")[0]
        assert lists and all(f" {lst} " in header for lst in lists), name
