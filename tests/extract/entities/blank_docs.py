"""Hand-built Docs for the pure-rule tests: a blank English pipeline, no model (imported by
basename: the test folders have no __init__.py)."""

import spacy
from spacy.tokens import Doc

NLP = spacy.blank("en")


def doc_of(text: str, ents: dict[str, str] | None = None) -> Doc:
    """A Doc of ``text`` split on spaces, a space before "(" and none inside brackets or before
    a final stop; ``ents`` maps a phrase of it to its NER label."""
    final = text.endswith(".")
    words = text[:-1 if final else None].replace("(", "( ").replace(")", " )").split() + (["."] if final else [])
    spaces = [not (w == "(" or nxt in {")", "."}) for w, nxt in zip(words, words[1:] + [""])]
    spaces[-1] = False
    tags = ["O"] * len(words)
    for phrase, label in (ents or {}).items():
        n = len(phrase.split())
        at = next(i for i in range(len(words)) if words[i:i + n] == phrase.split())
        tags[at:at + n] = [f"B-{label}"] + [f"I-{label}"] * (n - 1)
    return Doc(NLP.vocab, words=words, spaces=spaces, ents=tags)
