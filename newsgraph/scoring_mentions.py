"""Scoring against mention-level gold (GUM, WikiEvents): named mentions, nodes (coreference
clusters) and, on WikiEvents, events and their arguments (:mod:`newsgraph.evaluate`)."""

from __future__ import annotations

from collections import Counter, defaultdict

from newsgraph.scoring import Matching, Span, is_name, match, mention_matches
from newsgraph.scoring_prediction import Entity, Event, Prediction

# Mention-level gold: the named-entity types of GUM and of WikiEvents (ACE).
GUM_TYPES = frozenset({"person", "organization", "place"})
ACE_TYPES = frozenset({"PER", "ORG", "GPE", "LOC", "FAC"})
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


def _kairos_roots(event_type: str) -> frozenset[str]:
    """CAMEO roots of a scored KAIROS type (matched by prefix); empty when it is not scored."""
    for prefix, roots in KAIROS_ROOTS.items():
        if event_type == prefix or event_type.startswith(prefix + "."):
            return roots
    return frozenset()


def _show(text: str, start: int, end: int) -> str:
    return f"{text[start:end]!r} [{start}:{end}]"


def score_mentions(gold: dict, pred: Prediction) -> tuple[dict, dict]:
    """Figures and explanation for one mention-level gold document."""
    text = gold["text"]
    doc = pred.doc(f"{gold['doc_id']}.txt", text)
    # Named mentions.  Predicted mentions pass the same name test: a node rightly holds "he" or
    # "the president", and those belong to the node figure, not to named-mention precision.
    named = [m for m in gold["entities"] if m["type"] in GUM_TYPES | ACE_TYPES and is_name(m["text"])]
    gold_spans = [(m["start"], m["end"]) for m in named]
    entities = pred.doc_entities(doc)
    node_spans = {e.iri: [(m.begin, m.end) for m in pred.in_doc(e.iri, doc)] for e in entities}
    mm = _match_mentions(text, gold_spans, node_spans)
    figures = {"mentions": mm.figure}
    explain = {"mentions": mm.explain(lambda s: _show(text, *s), lambda i: _show(text, *gold_spans[i]))}

    nm, show_cluster = _match_nodes(text, named, mm, entities, node_spans)
    figures["nodes"] = nm.figure
    explain["nodes"] = nm.explain(str, show_cluster)

    # Events on WikiEvents only, recognised by its ACE types: GUM's event list is empty because
    # GUM does not annotate events, not because its articles have none.
    if any(m["type"] in ACE_TYPES for m in gold["entities"]):
        vm, gold_evs = _match_events(gold, pred, doc)
        figures["events"] = vm.figure

        def show_gold(i: int) -> str:
            trigger = gold_evs[i]["trigger"]
            return f"{gold_evs[i]['type']} {_show(text, trigger['start'], trigger['end'])}"

        explain["events"] = vm.explain(lambda ev: pred.show_event(ev, doc), show_gold)
        explain["arguments"] = _arguments(
            gold, pred, doc, {gold_evs[i]["id"]: ev for i, ev in vm.taken.items()}
        )
    return figures, explain


def _match_mentions(text: str, gold_spans: list[Span], node_spans: dict[str, list[Span]]) -> Matching:
    """The predicted named spans against the gold's; the same span on several nodes counts once."""
    spans = sorted({s for ss in node_spans.values() for s in ss if is_name(text[s[0] : s[1]])})

    def mention_cands(s: Span) -> list[int]:
        exact = [i for i, g in enumerate(gold_spans) if g == s]
        return exact + [i for i, g in enumerate(gold_spans) if g != s and mention_matches(text, s, g)]

    return match(spans, len(gold_spans), mention_cands)


def _match_nodes(text: str, named: list[dict], mm: Matching, entities: list[Entity],
                 node_spans: dict[str, list[Span]]):
    """Nodes against gold clusters; returns the matching and how to show a cluster.

    README heads this "(GUM)", but WikiEvents has coreference clusters too, and the
    project's reference figure (plain-NER baseline node F1 about 0.64 "on GUM+WikiEvents") is
    only reproduced by scoring both, so every mention-level document gets a node figure.
    Gold entities are the clusters with a named mention; a node goes to the cluster that most
    of its matched named mentions belong to (a tie: the cluster it mentions first).
    """
    cluster_of = {s: named[i]["id"] for i, s in mm.taken.items()}
    first_name: dict[str, str] = {}  # cluster -> its first named mention
    for m in named:
        first_name.setdefault(m["id"], _show(text, m["start"], m["end"]))
    clusters = list(first_name)

    def node_cands(e: Entity) -> list[int]:
        votes = Counter(cluster_of[s] for s in node_spans[e.iri] if s in cluster_of)
        return [clusters.index(votes.most_common(1)[0][0])] if votes else []

    return match(entities, len(clusters), node_cands), lambda i: first_name[clusters[i]]


def _match_events(gold: dict, pred: Prediction, doc: str) -> tuple[Matching, list[dict]]:
    """Predicted events of a mapped CAMEO root against the scored gold events, by trigger
    overlap; returns the matching and those gold events."""
    gold_evs = [g for g in gold.get("events", []) if _kairos_roots(g["type"])]

    def event_cands(ev: Event) -> list[int]:
        triggers = pred.in_doc(ev.iri, doc)
        return [
            i
            for i, g in enumerate(gold_evs)
            if ev.root in _kairos_roots(g["type"])
            and any(t.begin < g["trigger"]["end"] and g["trigger"]["start"] < t.end for t in triggers)
        ]

    # Predicted events whose root is outside every mapped set are ignored.
    vm = match([ev for ev in pred.doc_events(doc) if ev.root in MAPPED_ROOTS], len(gold_evs), event_cands)
    return vm, gold_evs


def _arguments(gold: dict, pred: Prediction, doc: str, matched: dict[str, Event]) -> dict[str, list]:
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
            if any(mention_matches(text, s, t) for s in spans for t in targets):
                found += 1
            else:
                misses.append(f"{g['type']} {g['trigger']['text']!r}: {a['role']} {a['text']!r}")
        if args:
            recalls.append(found / len(args))
    return {"recalls": recalls, "misses": misses}
