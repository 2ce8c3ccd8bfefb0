"""Score a built graph against the development gold sets (shared ``eval/README.md``).

The README's rules are implemented literally.  The prediction is read only through SPARQL over
its RDF (CONTRACT.md), the route a user's tooling takes, so the scorer checks the public output
and not the project's internals.

Conventions where the README is silent:

* P, R, F1, type accuracy, roles and arguments recall with a zero denominator are 0.0, never
  1.0: an empty prediction earns nothing, an empty gold set rewards nothing.
* Names also have runs of white space folded; a leading "the" and a trailing "'s" are stripped
  once each.

Run ``python -m newsgraph.evaluate GOLD ... --pred DIR [--json] [--explain]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import pyoxigraph as ox

from newsgraph.errors import EvalError, QueryError
from newsgraph.query import load_store

# Namespaces as CONTRACT.md spells them, deliberately not imported from the exporter: a wrong
# namespace in the export must show up as a low score, not be shared by the scorer.
NG = "https://w3id.org/newsgraph/ns#"
SCHEMA = "https://schema.org/"
SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
PREFIXES = {
    "ng": NG,
    "sem": SEM,
    "schema": SCHEMA,
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "gaf": "http://groundedannotationframework.org/gaf#",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "oa": "http://www.w3.org/ns/oa#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
}
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
STANDING = {"leader_of": NG + "leaderOf", "member_of": NG + "memberOf", "located_in": NG + "locatedIn"}
# "Meetings match in either direction": a meeting is a predicted relation with CAMEO root 04
# (consult: meet, visit, negotiate, discuss by telephone), which is symmetric, matched against a
# gold interaction that accepts root 04.  Every other code is directed.
MEETING_ROOT = "04"

# Mention-level gold: the named-entity types of GUM and of WikiEvents (ACE).
GUM_TYPES = frozenset({"person", "organization", "place"})
ACE_TYPES = frozenset({"PER", "ORG", "GPE", "LOC", "FAC"})
PRONOUNS = frozenset(
    "i me my mine myself you your yours yourself yourselves he him his himself she her hers "
    "herself it its itself we us our ours ourselves they them their theirs themselves this that "
    "these those who whom whose which what one ones someone somebody anyone anybody everyone "
    "everybody nobody none each both all another other others".split()
)
# Scored WikiEvents (KAIROS) event types, by type prefix, and the CAMEO roots they map to.
KAIROS_ROOTS = {
    "Conflict.Attack": frozenset({"18", "19", "20"}),
    "Contact.Contact.Meet": frozenset({"04"}),
    "Contact.Contact.Correspondence": frozenset({"01", "02", "04"}),
    "Contact.Contact.Broadcast": frozenset({"01", "02", "04"}),
    "Contact.ThreatenCoerce": frozenset({"13", "17"}),
    "Justice.ArrestJailDetain": frozenset({"17"}),
    "Life.Die": frozenset({"18", "19", "20"}),
    "Life.Injure": frozenset({"18", "19", "20"}),
}
MAPPED_ROOTS = frozenset().union(*KAIROS_ROOTS.values())
# KAIROS argument role -> the predicted roles that may fill it; other roles are not scored.
ARGUMENT_ROLES = {
    "Attacker": ("agent",),
    "Killer": ("agent",),
    "Injurer": ("agent",),
    "Target": ("target",),
    "Victim": ("victim", "target"),
    "Participant": ("participant", "agent"),
    "Place": ("place",),
}
GRAPH_FIGURES = ("entities", "events", "relations")
MENTION_FIGURES = ("mentions", "nodes", "events")

Span = tuple[int, int]


class _Mention(NamedTuple):
    begin: int
    end: int
    text: str


@dataclass
class _Entity:
    iri: str
    type: str | None = None
    label: str = ""
    names: set[str] = field(default_factory=set)  # normalised rdfs:label and skos:altLabel

    def __str__(self) -> str:
        return f"{self.label or self.iri} [{self.type}]"


@dataclass
class _Event:
    iri: str
    cameo: str | None
    fillers: dict[str, set[str]]  # role short name -> entity IRIs

    @property
    def root(self) -> str | None:
        return self.cameo[:2] if self.cameo else None


@dataclass
class _Relation:
    subject: str
    predicate: str
    object: str
    cameo: str | None
    start: float  # where its evidence starts (else the subject's first mention, else +inf)

    @property
    def root(self) -> str | None:
        return self.cameo[:2] if self.cameo else None


# ---------------------------------------------------------------------------------------------
# Text rules


def _fold(text: str) -> str:
    """Curly quotes to straight ones (one character for one, so offsets survive)."""
    return text.translate(str.maketrans("‘’“”", "''\"\""))


def _norm(name: str) -> str:
    """README name comparison: no case, no leading "the ", no trailing "'s"."""
    name = " ".join(_fold(name).lower().split())
    return name.removeprefix("the ").removesuffix("'s").rstrip()


def _is_name(text: str) -> bool:
    """README "names": a word other than a leading "the" starts upper-case; not a pronoun."""
    text = text.strip()
    # Only the lower-case and capitalised spellings are pronouns: "US" and "WHO" are names.
    if text.lower() in PRONOUNS and text in (text.lower(), text.capitalize()):
        return False
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    # Opening punctuation ('"Islamic', '(FBI') does not hide the capital.
    return any(w.lstrip("\"'([{‘“")[:1].isupper() for w in words)


def _last_word(text: str, span: Span) -> int:
    """Offset where the span's last word starts, after dropping a trailing "'s"."""
    stripped = _fold(text[span[0] : span[1]]).rstrip().removesuffix("'s").rstrip()
    # Opening punctuation is not part of the word: "(FANB" ends on the word "FANB".
    word = re.search(r"\S*$", stripped).group()
    return span[0] + len(stripped) - len(word.lstrip("\"'([{‘“"))


def _mention_matches(text: str, pred: Span, gold: Span) -> bool:
    """README: the spans overlap and end on the same word.

    "The same word" is the same occurrence in the text (its start offset), so "Donald Trump"
    matches "U.S. President Donald Trump's" and "U.S" matches "U.S.", but two overlapping spans
    ending on different words never match.
    """
    overlap = pred[0] < gold[1] and gold[0] < pred[1]
    return overlap and _last_word(text, pred) == _last_word(text, gold)


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None


# ---------------------------------------------------------------------------------------------
# Reading the prediction (SPARQL only)


def load_prediction(pred: str | Path) -> ox.Store:
    """Load a built graph: a DIR with graph.nq (preferred) or graph.ttl, or one RDF file.

    The same loader as ``newsgraph query``: the scorer reads what a user's query would.
    """
    try:
        return load_store(pred)
    except QueryError as err:
        raise EvalError(str(err)) from err


def _select(store: ox.Store, query: str) -> Iterator[dict[str, str | None]]:
    """SELECT over the union of all graphs; each row maps variable -> lexical value or None."""
    solutions = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]
    for row in solutions:
        yield {n: (row[n].value if row[n] is not None else None) for n in names}


class _Prediction:
    """What the scorer reads from a prediction graph: a handful of SPARQL queries, run once."""

    def __init__(self, store: ox.Store) -> None:
        rows = _select(
            store,
            "SELECT ?doc ?id ?text WHERE { ?doc a schema:NewsArticle ; schema:identifier ?id ."
            " OPTIONAL { ?doc nif:isString ?text } }",
        )
        self.docs = {r["id"]: (r["doc"], r["text"]) for r in rows}
        texts = {iri: text or "" for iri, text in self.docs.values()}

        # node (entity or event) -> document -> its mentions there, in text order
        self.mentions: dict[str, dict[str, list[_Mention]]] = defaultdict(lambda: defaultdict(list))
        for r in _select(
            store,
            "SELECT DISTINCT ?x ?doc ?b ?e ?a WHERE { ?x gaf:denotedBy ?m . ?m nif:referenceContext"
            " ?doc ; nif:beginIndex ?b ; nif:endIndex ?e . OPTIONAL { ?m nif:anchorOf ?a } }",
        ):
            b, e = int(r["b"]), int(r["e"])
            anchor = r["a"] if r["a"] is not None else texts.get(r["doc"], "")[b:e]
            self.mentions[r["x"]][r["doc"]].append(_Mention(b, e, anchor))
        for by_doc in self.mentions.values():
            for mentions in by_doc.values():
                mentions.sort()

        self.entities: dict[str, _Entity] = {}
        order = list(ENTITY_CLASSES.values())
        classes = " ".join(f"<{c}>" for c in ENTITY_CLASSES)
        for r in _select(store, f"SELECT ?x ?c WHERE {{ VALUES ?c {{ {classes} }} ?x a ?c }}"):
            entity = self.entities.setdefault(r["x"], _Entity(r["x"]))
            kind = ENTITY_CLASSES[r["c"]]
            if entity.type is None or order.index(kind) < order.index(entity.type):
                entity.type = kind
        for r in _select(store, "SELECT ?x ?p ?n WHERE { VALUES ?p { rdfs:label skos:altLabel } ?x ?p ?n }"):
            if entity := self.entities.get(r["x"]):
                entity.names.add(_norm(r["n"]))
                if r["p"].endswith("#label") and (not entity.label or r["n"] < entity.label):
                    entity.label = r["n"]  # several labels break the contract: a stable choice

        fillers: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        roles = " ".join(f"<{p}>" for p in ROLE_PROPERTIES)
        for r in _select(store, f"SELECT ?ev ?p ?x WHERE {{ VALUES ?p {{ {roles} }} ?ev ?p ?x }}"):
            fillers[r["ev"]][ROLE_PROPERTIES[r["p"]]].add(r["x"])
        self.events: dict[str, list[_Event]] = defaultdict(list)
        for r in _select(
            store,
            "SELECT ?ev ?doc (MIN(STR(?c)) AS ?cameo) WHERE { ?ev a sem:Event ;"
            " prov:wasDerivedFrom ?doc . OPTIONAL { ?ev ng:cameoCode ?c } } GROUP BY ?ev ?doc",
        ):
            self.events[r["doc"]].append(_Event(r["ev"], r["cameo"], dict(fillers[r["ev"]])))

        # Grouping by (subject, predicate, object, CAMEO) is README's deduplication of predicted
        # relations; the group starts where its earliest evidence does.
        self.relations: dict[str, list[_Relation]] = defaultdict(list)
        for r in _select(
            store,
            "SELECT ?s ?p ?o ?doc ?cameo (MIN(?st) AS ?start) WHERE { ?r a ng:Relation ;"
            " rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?doc ."
            " OPTIONAL { ?r ng:cameoCode ?cameo } OPTIONAL { ?r ng:evidence/oa:hasTarget ?t ."
            " ?t oa:hasSource ?doc ; oa:hasSelector/oa:start ?st } } GROUP BY ?s ?p ?o ?doc ?cameo",
        ):
            start = float(r["start"]) if r["start"] else self.first(r["s"], r["doc"])
            self.relations[r["doc"]].append(_Relation(r["s"], r["p"], r["o"], r["cameo"], start))

    def doc(self, identifier: str, text: str | None = None) -> str:
        """IRI of the document with this schema:identifier; given its text, check it is the same."""
        if identifier not in self.docs:
            raise EvalError(f"document {identifier!r} is not in the prediction graph")
        iri, stored = self.docs[identifier]
        if text is not None and stored != text:
            raise EvalError(f"{identifier}: nif:isString differs from the gold text, offsets would not agree")
        return iri

    def in_doc(self, node: str, doc: str) -> list[_Mention]:
        return self.mentions.get(node, {}).get(doc, [])

    def first(self, node: str, doc: str) -> float:
        """Where the node is first mentioned in the document (+inf when it is not)."""
        mentions = self.in_doc(node, doc)
        return mentions[0].begin if mentions else float("inf")

    def doc_entities(self, doc: str) -> list[_Entity]:
        """Entities with a mention in the document, in order of first mention."""
        found = [e for e in self.entities.values() if self.in_doc(e.iri, doc)]
        return sorted(found, key=lambda e: (self.first(e.iri, doc), e.iri))

    def doc_events(self, doc: str) -> list[_Event]:
        """Events derived from the document, in order of first mention."""
        return sorted(self.events.get(doc, ()), key=lambda e: (self.first(e.iri, doc), e.iri))

    def doc_relations(self, doc: str) -> list[_Relation]:
        """Relations derived from the document, deduplicated, in order of their evidence."""
        return sorted(self.relations.get(doc, ()), key=lambda r: (r.start, r.subject, r.predicate, r.object))

    def show_event(self, event: _Event, doc: str) -> str:
        triggers = "/".join(m.text for m in self.in_doc(event.iri, doc)) or event.iri
        return f"{triggers} (CAMEO {event.cameo})"

    def show_relation(self, rel: _Relation) -> str:
        s, o = (self.entities.get(x, _Entity(x)) for x in (rel.subject, rel.object))
        cameo = f" (CAMEO {rel.cameo})" if rel.cameo else ""
        return f"{s.label or s.iri} {rel.predicate.rsplit('#', 1)[-1]} {o.label or o.iri}{cameo}"


# ---------------------------------------------------------------------------------------------
# One-to-one greedy matching: the same rule for every kind of item


@dataclass
class _Matching:
    taken: dict[int, Any] = field(default_factory=dict)  # gold index -> the item that took it
    links: list[tuple[Any, int]] = field(default_factory=list)  # each matching item -> gold index
    false_positives: list[Any] = field(default_factory=list)  # items that match nothing
    duplicates: list[tuple[Any, int]] = field(default_factory=list)  # counted as false positives
    misses: list[int] = field(default_factory=list)  # required gold items nobody took
    tp: int = 0

    @property
    def figure(self) -> dict[str, float]:
        return _figure(self.tp, len(self.false_positives) + len(self.duplicates), len(self.misses))

    def explain(self, show: Callable[[Any], str], gold: Callable[[int], str]) -> dict[str, list[str]]:
        return {
            "false_positives": [show(p) for p in self.false_positives],
            "duplicates": [f"{show(p)} duplicates {gold(i)}" for p, i in self.duplicates],
            "misses": [gold(i) for i in self.misses],
        }


def _match(
    preds: Sequence[Any],
    n_gold: int,
    candidates: Callable[[Any], list[int]],
    optional: frozenset[int] = frozenset(),
    duplicates_count: bool = True,
) -> _Matching:
    """Each predicted item, in the given order, takes its first still-free candidate.

    ``candidates`` lists the gold indices an item matches, preferred first.  Taking an optional
    gold item, or duplicating one, counts neither way; other duplicates are false positives when
    ``duplicates_count`` (entities, events, nodes, mentions) and count neither way otherwise
    (relations).
    """
    m = _Matching()
    for pred in preds:
        cands = candidates(pred)
        free = [i for i in cands if i not in m.taken]
        if free:
            m.taken[free[0]] = pred
            m.links.append((pred, free[0]))
            m.tp += free[0] not in optional
        elif not cands:
            m.false_positives.append(pred)
        else:
            m.links.append((pred, cands[0]))
            # Matching any optional item makes it "a duplicate of an optional" one: neither way.
            if duplicates_count and not optional.intersection(cands):
                m.duplicates.append((pred, cands[0]))
    m.misses = [i for i in range(n_gold) if i not in m.taken and i not in optional]
    return m


def _figure(tp: int, fp: int, fn: int) -> dict[str, float]:
    """P/R/F1 and the counts; a zero denominator gives 0.0."""
    p = _ratio(tp, tp + fp)
    r = _ratio(tp, tp + fn)
    return {"p": p, "r": r, "f1": _ratio(2 * p * r, p + r), "tp": tp, "fp": fp, "fn": fn}


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def _sum_figures(figures: Iterable[dict[str, float]]) -> dict[str, float]:
    """Micro average: add the counts up, recompute P/R/F1."""
    counts = Counter()
    for f in figures:
        counts.update({k: int(f[k]) for k in ("tp", "fp", "fn")})
    return _figure(counts["tp"], counts["fp"], counts["fn"])


def _optional(items: Sequence[dict]) -> frozenset[int]:
    return frozenset(i for i, g in enumerate(items) if not g.get("required", True))


# ---------------------------------------------------------------------------------------------
# Graph-level gold (*.gold.json)


def _score_graph(gold: dict, pred: _Prediction) -> tuple[dict, dict]:
    """Figures and explanation for one graph-level gold file."""
    doc = pred.doc(gold["document"])
    gold_ents, gold_evs = gold.get("entities", []), gold.get("events", [])
    gold_rels = _unique_relations(gold.get("relations", []))

    names = [{_norm(n) for n in g["names"]} for g in gold_ents]
    opt_ents = _optional(gold_ents)
    em = _match(
        pred.doc_entities(doc),
        len(gold_ents),
        lambda e: [i for i, n in enumerate(names) if e.names & n],
        opt_ents,
    )
    # Relations and roles map entities to gold keys "through the entity matching": the gold item
    # a node took or, for a duplicate, the one it duplicates.
    key = {e.iri: gold_ents[i]["key"] for e, i in em.links}
    # Type accuracy over matched pairs, leaving out optional items (they count neither way).
    typed = [(e, gold_ents[i]) for i, e in em.taken.items() if i not in opt_ents]
    type_acc = _ratio(sum(e.type == g["type"] for e, g in typed), len(typed))

    def event_cands(ev: _Event) -> list[int]:
        texts = [m.text for m in pred.in_doc(ev.iri, doc)]
        return [
            i
            for i, g in enumerate(gold_evs)
            if any(_has_word(t, w) for t in texts for w in g["triggers"])
            and (not g.get("cameo_root") or ev.root in g["cameo_root"])
        ]

    all_events = pred.doc_events(doc)
    ev_cands = {ev.iri: event_cands(ev) for ev in all_events}
    # Only events that carry a CAMEO code, or that match a gold event, are counted.
    events = [ev for ev in all_events if ev.cameo or ev_cands[ev.iri]]
    opt_evs = _optional(gold_evs)
    vm = _match(events, len(gold_evs), lambda ev: ev_cands[ev.iri], opt_evs)
    roles_found = roles_total = 0
    for i, ev in vm.taken.items():
        if i not in opt_evs:  # roles of required gold events only
            filled = {key.get(x) for xs in ev.fillers.values() for x in xs}
            roles_total += len(gold_evs[i].get("roles", {}))
            roles_found += sum(
                bool(filled.intersection(keys)) for keys in gold_evs[i].get("roles", {}).values()
            )

    def relation_cands(r: _Relation) -> list[int]:
        s, o = key.get(r.subject), key.get(r.object)
        ends = [(s, o), (o, s)] if r.root == MEETING_ROOT else [(s, o)]
        return [
            i
            for i, g in enumerate(gold_rels)
            if _relation_kind_matches(r, g) and any(a in g["subject"] and b in g["object"] for a, b in ends)
        ]

    rm = _match(
        pred.doc_relations(doc), len(gold_rels), relation_cands, _optional(gold_rels), duplicates_count=False
    )

    figures = {
        "entities": em.figure | {"type_acc": type_acc},
        "events": vm.figure | {"roles_recall": _ratio(roles_found, roles_total)},
        "relations": rm.figure,
    }
    explain = {
        "entities": em.explain(str, lambda i: gold_ents[i]["key"]),
        "events": vm.explain(lambda ev: pred.show_event(ev, doc), lambda i: gold_evs[i]["key"]),
        "relations": rm.explain(pred.show_relation, lambda i: _show_gold_relation(gold_rels[i])),
    }
    return figures, explain


def _unique_relations(relations: list[dict]) -> list[dict]:
    """Gold relations repeating the same subjects, kind, codes and objects count once (the first,
    required when any copy is)."""
    unique: dict[tuple, dict] = {}
    for g in relations:
        sig = (g["kind"],) + tuple(frozenset(g.get(k) or ()) for k in ("subject", "object", "cameo_root"))
        if sig in unique:
            unique[sig]["required"] = unique[sig].get("required", True) or g.get("required", True)
        else:
            unique[sig] = dict(g)
    return list(unique.values())


def _relation_kind_matches(rel: _Relation, gold: dict) -> bool:
    """CAMEO root in cameo_root (interaction) or the named standing predicate."""
    if gold["kind"] != "interaction":
        return rel.predicate == STANDING.get(gold["kind"])
    # An interaction whose gold lists no root takes any CAMEO code, as events do ("when the gold
    # lists any"); a relation without a code is never an interaction.
    return rel.root is not None and (not gold.get("cameo_root") or rel.root in gold["cameo_root"])


def _show_gold_relation(g: dict) -> str:
    kind = (
        f"interaction {'/'.join(g.get('cameo_root') or ['*'])}" if g["kind"] == "interaction" else g["kind"]
    )
    return f"{'|'.join(g['subject'])} {kind} {'|'.join(g['object'])}"


# ---------------------------------------------------------------------------------------------
# Mention-level gold (GUM, WikiEvents)


def _kairos_roots(event_type: str) -> frozenset[str]:
    """CAMEO roots of a scored KAIROS type (matched by prefix); empty when it is not scored."""
    for prefix, roots in KAIROS_ROOTS.items():
        if event_type == prefix or event_type.startswith(prefix + "."):
            return roots
    return frozenset()


def _score_mentions(gold: dict, pred: _Prediction) -> tuple[dict, dict]:
    """Figures and explanation for one mention-level gold document."""
    text = gold["text"]
    doc = pred.doc(f"{gold['doc_id']}.txt", text)

    def show(start: int, end: int) -> str:
        return f"{text[start:end]!r} [{start}:{end}]"

    # Named mentions.  Predicted mentions pass the same name test: a node rightly holds "he" or
    # "the president", and those belong to the node figure, not to named-mention precision.
    # The same span on several nodes counts once.
    named = [m for m in gold["entities"] if m["type"] in GUM_TYPES | ACE_TYPES and _is_name(m["text"])]
    gold_spans = [(m["start"], m["end"]) for m in named]
    entities = pred.doc_entities(doc)
    node_spans = {e.iri: [(m.begin, m.end) for m in pred.in_doc(e.iri, doc)] for e in entities}
    spans = sorted({s for ss in node_spans.values() for s in ss if _is_name(text[s[0] : s[1]])})

    def mention_cands(s: Span) -> list[int]:
        exact = [i for i, g in enumerate(gold_spans) if g == s]
        return exact + [i for i, g in enumerate(gold_spans) if g != s and _mention_matches(text, s, g)]

    mm = _match(spans, len(named), mention_cands)
    figures = {"mentions": mm.figure}
    explain = {"mentions": mm.explain(lambda s: show(*s), lambda i: show(*gold_spans[i]))}

    # Nodes.  README heads this "(GUM)", but WikiEvents has coreference clusters too, and the
    # project's reference figure (plain-NER baseline node F1 about 0.64 "on GUM+WikiEvents") is
    # only reproduced by scoring both, so every mention-level document gets a node figure.
    # Gold entities are the clusters with a named mention; a node goes to the cluster that most
    # of its matched named mentions belong to (a tie: the cluster it mentions first).
    cluster_of = {s: named[i]["id"] for i, s in mm.taken.items()}
    first_name: dict[str, str] = {}  # cluster -> its first named mention
    for m in named:
        first_name.setdefault(m["id"], show(m["start"], m["end"]))
    clusters = list(first_name)

    def node_cands(e: _Entity) -> list[int]:
        votes = Counter(cluster_of[s] for s in node_spans[e.iri] if s in cluster_of)
        return [clusters.index(votes.most_common(1)[0][0])] if votes else []

    nm = _match(entities, len(clusters), node_cands)
    figures["nodes"] = nm.figure
    explain["nodes"] = nm.explain(str, lambda i: first_name[clusters[i]])

    # Events on WikiEvents only, recognised by its ACE types: GUM's event list is empty because
    # GUM does not annotate events, not because its articles have none.
    if any(m["type"] in ACE_TYPES for m in gold["entities"]):
        gold_evs = [g for g in gold.get("events", []) if _kairos_roots(g["type"])]

        def event_cands(ev: _Event) -> list[int]:
            triggers = pred.in_doc(ev.iri, doc)
            return [
                i
                for i, g in enumerate(gold_evs)
                if ev.root in _kairos_roots(g["type"])
                and any(t.begin < g["trigger"]["end"] and g["trigger"]["start"] < t.end for t in triggers)
            ]

        # Predicted events whose root is outside every mapped set are ignored.
        vm = _match(
            [ev for ev in pred.doc_events(doc) if ev.root in MAPPED_ROOTS], len(gold_evs), event_cands
        )
        figures["events"] = vm.figure

        def show_gold(i: int) -> str:
            trigger = gold_evs[i]["trigger"]
            return f"{gold_evs[i]['type']} {show(trigger['start'], trigger['end'])}"

        explain["events"] = vm.explain(lambda ev: pred.show_event(ev, doc), show_gold)
        explain["arguments"] = _arguments(
            gold, pred, doc, {gold_evs[i]["id"]: ev for i, ev in vm.taken.items()}
        )
    return figures, explain


def _arguments(gold: dict, pred: _Prediction, doc: str, matched: dict[str, _Event]) -> dict[str, list]:
    """Scored arguments of the matched gold events (by id): each event's recall, and the misses.

    An argument is found when a filler of a mapped role has a mention that matches the
    argument's span or any mention of its gold cluster.
    """
    text = gold["text"]
    cluster: dict[str, list[Span]] = defaultdict(list)
    for m in gold["entities"]:
        cluster[m["id"]].append((m["start"], m["end"]))
    recalls, misses = [], []
    for g in gold["events"]:
        if g["id"] not in matched:
            continue
        fillers = matched[g["id"]].fillers
        args = [a for a in g.get("arguments", []) if a["role"] in ARGUMENT_ROLES]
        found = 0
        for a in args:
            targets = [(a["start"], a["end"]), *cluster.get(a.get("entity_id"), [])]
            spans = [
                (m.begin, m.end)
                for role in ARGUMENT_ROLES[a["role"]]
                for x in fillers.get(role, ())
                for m in pred.in_doc(x, doc)
            ]
            if any(_mention_matches(text, s, t) for s in spans for t in targets):
                found += 1
            else:
                misses.append(f"{g['type']} {g['trigger']['text']!r}: {a['role']} {a['text']!r}")
        if args:
            recalls.append(found / len(args))
    return {"recalls": recalls, "misses": misses}


# ---------------------------------------------------------------------------------------------
# Putting it together


def _gold_files(paths: Sequence[str | Path]) -> Iterator[tuple[Path, str, dict]]:
    """(path, set name, content) of each gold file; folders are searched recursively, sorted.

    A graph-level file is its own set; a mention-level file belongs to the folder given on the
    command line, or to its parent folder when given alone.
    """
    for root in map(Path, paths):
        if root.is_dir():
            files = sorted(root.rglob("*.json"))
        elif root.is_file():
            files = [root]
        else:
            raise EvalError(f"{root}: gold file or folder not found")
        for path in files:
            try:
                content = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as err:
                raise EvalError(f"{path}: cannot read gold JSON: {err}") from err
            if not isinstance(content, dict) or not ("document" in content or "doc_id" in content):
                raise EvalError(f"{path}: neither graph-level (document) nor mention-level (doc_id) gold")
            set_name = path.name if "document" in content else (root if root.is_dir() else path.parent).name
            yield path, set_name, content


def evaluate(gold_paths: Sequence[str | Path], pred: str | Path) -> dict:
    """Score a prediction (build DIR or RDF file) against gold files or folders of them.

    Returns README's ``newsgraph eval --json`` object, plus ``"explain"``: per document its
    false positives, duplicates and misses, and for mention-level documents their set and
    per-event argument recalls.
    """
    prediction = _Prediction(load_prediction(pred))
    result: dict[str, Any] = {
        "graph": {},
        "mention": {},
        "mention_micro": {},
        "explain": {"graph": {}, "mention": {}},
    }
    recalls: list[float] = []
    for path, set_name, gold in _gold_files(gold_paths):
        if "document" in gold:
            result["graph"][path.name], result["explain"]["graph"][path.name] = _score_graph(gold, prediction)
        else:
            figures, explain = _score_mentions(gold, prediction)
            result["mention"][gold["doc_id"]] = figures
            result["explain"]["mention"][gold["doc_id"]] = {"set": set_name} | explain
            recalls += explain.get("arguments", {}).get("recalls", [])
    docs = result["mention"].values()
    result["mention_micro"] = {k: _sum_figures(d[k] for d in docs if k in d) for k in MENTION_FIGURES}
    # The mean, over matched gold events with scored arguments, of the share of them found.
    result["mention_micro"]["arguments_recall_mean"] = _ratio(sum(recalls), len(recalls))
    return result


def render_table(result: dict) -> str:
    """Plain-text table: each graph-level file, each mention-level set, and micro totals.

    Sets come from ``result["explain"]``; without it all mention-level documents form one set.
    """
    # The set column is as wide as the longest gold file name needs (34 at least).
    width = max([34, *(len(name) + 2 for name in result.get("graph", {}))])
    rows = [f"{'set':<{width}}{'figure':<11}{'P':>6}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]

    def add(title: str, figures: dict[str, dict], notes: dict[str, str]) -> None:
        for n, (name, f) in enumerate(figures.items()):
            row = f"{title if n == 0 else '':<{width}}{name:<11}{f['p']:>6.3f}{f['r']:>7.3f}{f['f1']:>7.3f}"
            rows.append(
                f"{row}{f['tp']:>6}{f['fp']:>6}{f['fn']:>6}" + (f"  {notes[name]}" if name in notes else "")
            )

    graph = result.get("graph", {})
    for name, f in graph.items():
        notes = {
            "entities": f"type acc {f['entities']['type_acc']:.3f}",
            "events": f"roles recall {f['events']['roles_recall']:.3f}",
        }
        add(name, f, notes)
    if len(graph) > 1:
        add(
            f"graph-level total ({len(graph)} files)",
            {k: _sum_figures(f[k] for f in graph.values()) for k in GRAPH_FIGURES},
            {},
        )

    mention, explain = result.get("mention", {}), result.get("explain", {}).get("mention", {})
    sets: dict[str, list[str]] = defaultdict(list)
    for doc_id in mention:
        sets[explain.get(doc_id, {}).get("set", "mention-level")].append(doc_id)
    for name, ids in sets.items():
        docs = [mention[d] for d in ids]
        figures = {
            k: _sum_figures(d[k] for d in docs if k in d)
            for k in MENTION_FIGURES
            if any(k in d for d in docs)
        }
        recalls = [r for d in ids for r in explain.get(d, {}).get("arguments", {}).get("recalls", [])]
        notes = (
            {"events": f"arguments recall {_ratio(sum(recalls), len(recalls)):.3f}"}
            if "events" in figures
            else {}
        )
        add(f"{name} ({len(docs)} docs)", figures, notes)
    if len(sets) > 1:
        micro = result["mention_micro"]
        notes = {"events": f"arguments recall {micro['arguments_recall_mean']:.3f}"}
        add(f"mention-level micro ({len(mention)} docs)", {k: micro[k] for k in MENTION_FIGURES}, notes)
    return "\n".join(rows)


def render_explain(result: dict) -> str:
    """Per document, one line per false positive, duplicate and miss of each figure."""
    out = []
    for level in ("graph", "mention"):
        for doc, parts in result.get("explain", {}).get(level, {}).items():
            out.append(f"== {doc}" + (f" ({parts['set']})" if "set" in parts else ""))
            for figure, lists in parts.items():
                if figure != "set":
                    for what, items in lists.items():
                        if what != "recalls":
                            out += [f"  {figure} {what.replace('_', ' ')}: {item}" for item in items]
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m newsgraph.evaluate GOLD ... --pred DIR [--json] [--explain]``; exit status."""
    parser = argparse.ArgumentParser(
        prog="newsgraph eval", description="Score a built graph against gold files."
    )
    parser.add_argument("gold", nargs="+", help="*.gold.json, mention-level *.json, or folders of them")
    parser.add_argument("--pred", required=True, help="build folder (graph.nq or graph.ttl) or an RDF file")
    parser.add_argument("--json", action="store_true", help="print README's JSON object")
    parser.add_argument(
        "--explain", action="store_true", help="also list false positives, duplicates, misses"
    )
    args = parser.parse_args(argv)
    try:
        result = evaluate(args.gold, args.pred)
    except EvalError as err:
        print(f"newsgraph eval: {err}", file=sys.stderr)
        return 1
    if args.json:
        if not args.explain:
            del result["explain"]
        print(json.dumps(result, indent=1, ensure_ascii=False))
    else:
        print(render_table(result))
        if args.explain:
            print("\n" + render_explain(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
