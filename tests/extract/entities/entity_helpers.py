"""Helpers of the entity tests (imported by basename: the test folders have no __init__.py)."""

from conftest import ents, mention_texts  # noqa: F401 - the entity tests import them from here too


def entities_with_tags(nlp, text, tags):
    """The entities of ``text`` when the model's NER gives ``tags`` ((surface, label) in text
    order): a typing rule checked on the tag it is about, whatever this model version says."""
    from newsgraph.extract.entities import records_in

    doc, at, forced = nlp.make_doc(text), 0, []
    for surface, label in tags:
        at = text.index(surface, at)
        forced.append(doc.char_span(at, at + len(surface), label=label))
        at += len(surface)
    for name, proc in nlp.pipeline:
        if name == "newsgraph_entities":
            kept = [e for e in doc.ents if not any(e.start < f.end and f.start < e.end for f in forced)]
            doc.ents = sorted(kept + forced, key=lambda e: e.start)
        doc = proc(doc)
        if name == "newsgraph_entities":
            return records_in(doc)
