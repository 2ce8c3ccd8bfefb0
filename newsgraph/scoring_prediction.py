"""What the scorer (:mod:`newsgraph.evaluate`) reads from a prediction: a handful of SPARQL
queries over its RDF, run once, the route a user's tooling takes (CONTRACT.md)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox

from newsgraph.errors import EvalError, QueryError
from newsgraph.graph.iri import PREFIXES
from newsgraph.query import load_store
from newsgraph.scoring import norm

NG = PREFIXES["ng"]
SCHEMA = PREFIXES["schema"]
SEM = PREFIXES["sem"]
# Contract entity classes; the order settles a node that (against the contract) has several.
ENTITY_CLASSES = {
    SCHEMA + "Person": "Person",
    SCHEMA + "Organization": "Organization",
    SCHEMA + "Country": "Country",
    SCHEMA + "Place": "Place",
    NG + "Group": "Group",
}
# Event participants (sub-properties of sem:hasActor) and the place, by short role name.
ROLE_PROPERTIES = {
    NG + "agent": "agent",
    NG + "target": "target",
    NG + "participant": "participant",
    NG + "victim": "victim",
    SEM + "hasPlace": "place",
}


class Mention(NamedTuple):
    begin: int
    end: int
    text: str


@dataclass
class Entity:
    iri: str
    type: str | None = None
    label: str = ""
    names: set[str] = field(default_factory=set)  # normalised rdfs:label and skos:altLabel

    def __str__(self) -> str:
        return f"{self.label or self.iri} [{self.type}]"


@dataclass
class Event:
    iri: str
    cameo: str | None
    fillers: dict[str, set[str]]  # role short name -> entity IRIs

    @property
    def root(self) -> str | None:
        return self.cameo[:2] if self.cameo else None


@dataclass
class Relation:
    subject: str
    predicate: str
    object: str
    cameo: str | None
    start: float  # where its evidence starts (else the subject's first mention, else +inf)

    @property
    def root(self) -> str | None:
        return self.cameo[:2] if self.cameo else None


def load_prediction(pred: str | Path) -> ox.Store:
    """Load a built graph: a DIR with graph.nq (preferred) or graph.ttl, or one RDF file.

    The same loader as ``newsgraph query``: the scorer reads what a user's query would.
    """
    try:
        return load_store(pred)
    except QueryError as err:
        raise EvalError(str(err)) from err


def select(store: ox.Store, query: str) -> Iterator[dict[str, str | None]]:
    """SELECT over the union of all graphs; each row maps variable -> lexical value or None."""
    solutions = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]
    for row in solutions:
        yield {n: (row[n].value if row[n] is not None else None) for n in names}


class Prediction:
    """What the scorer reads from a prediction graph: a handful of SPARQL queries, run once."""

    def __init__(self, store: ox.Store) -> None:
        rows = select(
            store,
            "SELECT ?doc ?id ?text WHERE { ?doc a schema:NewsArticle ; schema:identifier ?id ."
            " OPTIONAL { ?doc nif:isString ?text } }",
        )
        self.docs = {r["id"]: (r["doc"], r["text"]) for r in rows}
        # node (entity or event) -> document -> its mentions there, in text order
        self.mentions: dict[str, dict[str, list[Mention]]] = self._read_mentions(store)
        self.entities: dict[str, Entity] = self._read_entities(store)
        self.events: dict[str, list[Event]] = self._read_events(store)
        self.relations: dict[str, list[Relation]] = self._read_relations(store)

    def _read_mentions(self, store: ox.Store) -> dict[str, dict[str, list[Mention]]]:
        texts = {iri: text or "" for iri, text in self.docs.values()}
        mentions: dict[str, dict[str, list[Mention]]] = defaultdict(lambda: defaultdict(list))
        for r in select(
            store,
            "SELECT DISTINCT ?x ?doc ?b ?e ?a WHERE { ?x gaf:denotedBy ?m . ?m nif:referenceContext"
            " ?doc ; nif:beginIndex ?b ; nif:endIndex ?e . OPTIONAL { ?m nif:anchorOf ?a } }",
        ):
            b, e = int(r["b"]), int(r["e"])
            anchor = r["a"] if r["a"] is not None else texts.get(r["doc"], "")[b:e]
            mentions[r["x"]][r["doc"]].append(Mention(b, e, anchor))
        for by_doc in mentions.values():
            for in_doc in by_doc.values():
                in_doc.sort()
        return mentions

    @staticmethod
    def _read_entities(store: ox.Store) -> dict[str, Entity]:
        entities: dict[str, Entity] = {}
        order = list(ENTITY_CLASSES.values())
        classes = " ".join(f"<{c}>" for c in ENTITY_CLASSES)
        for r in select(store, f"SELECT ?x ?c WHERE {{ VALUES ?c {{ {classes} }} ?x a ?c }}"):
            entity = entities.setdefault(r["x"], Entity(r["x"]))
            kind = ENTITY_CLASSES[r["c"]]
            if entity.type is None or order.index(kind) < order.index(entity.type):
                entity.type = kind
        for r in select(store, "SELECT ?x ?p ?n WHERE { VALUES ?p { rdfs:label skos:altLabel } ?x ?p ?n }"):
            if entity := entities.get(r["x"]):
                entity.names.add(norm(r["n"]))
                if r["p"].endswith("#label") and (not entity.label or r["n"] < entity.label):
                    entity.label = r["n"]  # several labels break the contract: a stable choice
        return entities

    @staticmethod
    def _read_events(store: ox.Store) -> dict[str, list[Event]]:
        fillers: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        roles = " ".join(f"<{p}>" for p in ROLE_PROPERTIES)
        for r in select(store, f"SELECT ?ev ?p ?x WHERE {{ VALUES ?p {{ {roles} }} ?ev ?p ?x }}"):
            fillers[r["ev"]][ROLE_PROPERTIES[r["p"]]].add(r["x"])
        events: dict[str, list[Event]] = defaultdict(list)
        for r in select(
            store,
            "SELECT ?ev ?doc (MIN(STR(?c)) AS ?cameo) WHERE { ?ev a sem:Event ;"
            " prov:wasDerivedFrom ?doc . OPTIONAL { ?ev ng:cameoCode ?c } } GROUP BY ?ev ?doc",
        ):
            events[r["doc"]].append(Event(r["ev"], r["cameo"], dict(fillers[r["ev"]])))
        return events

    def _read_relations(self, store: ox.Store) -> dict[str, list[Relation]]:
        # Grouping by (subject, predicate, object, CAMEO) is README's deduplication of predicted
        # relations; the group starts where its earliest evidence does.
        relations: dict[str, list[Relation]] = defaultdict(list)
        for r in select(
            store,
            "SELECT ?s ?p ?o ?doc ?cameo (MIN(?st) AS ?start) WHERE { ?r a ng:Relation ;"
            " rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?doc ."
            " OPTIONAL { ?r ng:cameoCode ?cameo } OPTIONAL { ?r ng:evidence/oa:hasTarget ?t ."
            " ?t oa:hasSource ?doc ; oa:hasSelector/oa:start ?st } } GROUP BY ?s ?p ?o ?doc ?cameo",
        ):
            start = float(r["start"]) if r["start"] else self.first(r["s"], r["doc"])
            relations[r["doc"]].append(Relation(r["s"], r["p"], r["o"], r["cameo"], start))
        return relations

    def doc(self, identifier: str, text: str | None = None) -> str:
        """IRI of the document with this schema:identifier; given its text, check it is the same."""
        if identifier not in self.docs:
            raise EvalError(f"document {identifier!r} is not in the prediction graph")
        iri, stored = self.docs[identifier]
        if text is not None and stored != text:
            raise EvalError(f"{identifier}: nif:isString differs from the gold text, offsets would not agree")
        return iri

    def in_doc(self, node: str, doc: str) -> list[Mention]:
        return self.mentions.get(node, {}).get(doc, [])

    def first(self, node: str, doc: str) -> float:
        """Where the node is first mentioned in the document (+inf when it is not)."""
        mentions = self.in_doc(node, doc)
        return mentions[0].begin if mentions else float("inf")

    def doc_entities(self, doc: str) -> list[Entity]:
        """Entities with a mention in the document, in order of first mention."""
        found = [e for e in self.entities.values() if self.in_doc(e.iri, doc)]
        return sorted(found, key=lambda e: (self.first(e.iri, doc), e.iri))

    def doc_events(self, doc: str) -> list[Event]:
        """Events derived from the document, in order of first mention."""
        return sorted(self.events.get(doc, ()), key=lambda e: (self.first(e.iri, doc), e.iri))

    def doc_relations(self, doc: str) -> list[Relation]:
        """Relations derived from the document, deduplicated, in order of their evidence."""
        return sorted(self.relations.get(doc, ()), key=lambda r: (r.start, r.subject, r.predicate, r.object))

    def show_event(self, event: Event, doc: str) -> str:
        triggers = "/".join(m.text for m in self.in_doc(event.iri, doc)) or event.iri
        return f"{triggers} (CAMEO {event.cameo})"

    def show_relation(self, rel: Relation) -> str:
        s, o = (self.entities.get(x, Entity(x)) for x in (rel.subject, rel.object))
        cameo = f" (CAMEO {rel.cameo})" if rel.cameo else ""
        return f"{s.label or s.iri} {rel.predicate.rsplit('#', 1)[-1]} {o.label or o.iri}{cameo}"
