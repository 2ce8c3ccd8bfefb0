"""extract/events/ is a package that keeps the names of the single module it replaced."""

import ast
import pathlib

from newsgraph.extract import events

PACKAGE = pathlib.Path(events.__file__).parent
OLD_NAMES = {  # what other modules, tests and benchmarks import from newsgraph.extract.events
    "event_classes", "trigger_lexicon", "match_trigger", "Trigger", "EventClass", "EventExtractor",
    "make_event_extractor", "factuality", "reporter", "anonymous_key", "parse_number", "_Event",
    "_merge_coreferent", "_same_happening", "_mention_facts", "COREF_WINDOW_SENTENCES",
    "ATTACK_CLASSES", "STANCE_CLASSES", "SUBJECT_DEPS", "_arguments", "_fillers",
}


def test_old_names_are_re_exported():
    missing = {n for n in OLD_NAMES if not hasattr(events, n)}
    assert not missing
    assert callable(events.factuality)  # the function, not the module of the same name


def test_module_and_function_sizes():
    for path in PACKAGE.glob("*.py"):
        text = path.read_text("utf-8")
        assert len(text.splitlines()) <= 600, path.name
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                assert node.end_lineno - node.lineno + 1 <= 60, (path.name, node.name)
