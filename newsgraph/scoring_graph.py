"""Scoring against graph-level gold (``*.gold.json``): entities, events and relations of one
document, matched one to one (:mod:`newsgraph.evaluate`)."""

from __future__ import annotations

from newsgraph.scoring import Matching, has_word, match, norm, optional, ratio
from newsgraph.scoring_prediction import NG, Event, Prediction, Relation

STANDING = {"leader_of": NG + "leaderOf", "member_of": NG + "memberOf", "located_in": NG + "locatedIn"}
# "Meetings match in either direction": a meeting is a predicted relation with CAMEO root 04
# (consult: meet, visit, negotiate, discuss by telephone), which is symmetric, matched against a
# gold interaction that accepts root 04.  Every other code is directed.
MEETING_ROOT = "04"


def score_graph(gold: dict, pred: Prediction) -> tuple[dict, dict]:
    """Figures and explanation for one graph-level gold file."""
    doc = pred.doc(gold["document"])
    gold_ents, gold_evs = gold.get("entities", []), gold.get("events", [])
    gold_rels = _unique_relations(gold.get("relations", []))

    em, type_acc = _match_entities(pred, doc, gold_ents)
    # Relations and roles map entities to gold keys "through the entity matching": the gold item
    # a node took or, for a duplicate, the one it duplicates.
    key = {e.iri: gold_ents[i]["key"] for e, i in em.links}
    vm, roles_recall = _match_events(pred, doc, gold_evs, key)
    rm = _match_relations(pred, doc, gold_rels, key)

    figures = {
        "entities": em.figure | {"type_acc": type_acc},
        "events": vm.figure | {"roles_recall": roles_recall},
        "relations": rm.figure,
    }
    explain = {
        "entities": em.explain(str, lambda i: gold_ents[i]["key"]),
        "events": vm.explain(lambda ev: pred.show_event(ev, doc), lambda i: gold_evs[i]["key"]),
        "relations": rm.explain(pred.show_relation, lambda i: _show_gold_relation(gold_rels[i])),
    }
    return figures, explain


def _match_entities(pred: Prediction, doc: str, gold_ents: list[dict]) -> tuple[Matching, float]:
    """Entities by shared names; and the type accuracy over the matched pairs."""
    names = [{norm(n) for n in g["names"]} for g in gold_ents]
    opt_ents = optional(gold_ents)
    em = match(
        pred.doc_entities(doc),
        len(gold_ents),
        lambda e: [i for i, n in enumerate(names) if e.names & n],
        opt_ents,
    )
    # Type accuracy over matched pairs, leaving out optional items (they count neither way).
    typed = [(e, gold_ents[i]) for i, e in em.taken.items() if i not in opt_ents]
    return em, ratio(sum(e.type == g["type"] for e, g in typed), len(typed))


def _match_events(pred: Prediction, doc: str, gold_evs: list[dict],
                  key: dict[str, str]) -> tuple[Matching, float]:
    """Events by trigger word and CAMEO root; and the recall of the gold events' roles."""

    def event_cands(ev: Event) -> list[int]:
        texts = [m.text for m in pred.in_doc(ev.iri, doc)]
        return [
            i
            for i, g in enumerate(gold_evs)
            if any(has_word(t, w) for t in texts for w in g["triggers"])
            and (not g.get("cameo_root") or ev.root in g["cameo_root"])
        ]

    all_events = pred.doc_events(doc)
    ev_cands = {ev.iri: event_cands(ev) for ev in all_events}
    # Only events that carry a CAMEO code, or that match a gold event, are counted.
    events = [ev for ev in all_events if ev.cameo or ev_cands[ev.iri]]
    opt_evs = optional(gold_evs)
    vm = match(events, len(gold_evs), lambda ev: ev_cands[ev.iri], opt_evs)
    roles_found = roles_total = 0
    for i, ev in vm.taken.items():
        if i not in opt_evs:  # roles of required gold events only
            filled = {key.get(x) for xs in ev.fillers.values() for x in xs}
            roles_total += len(gold_evs[i].get("roles", {}))
            roles_found += sum(
                bool(filled.intersection(keys)) for keys in gold_evs[i].get("roles", {}).values()
            )
    return vm, ratio(roles_found, roles_total)


def _match_relations(pred: Prediction, doc: str, gold_rels: list[dict], key: dict[str, str]) -> Matching:
    """Relations by kind and by the gold keys their ends took (meetings either way round)."""

    def relation_cands(r: Relation) -> list[int]:
        s, o = key.get(r.subject), key.get(r.object)
        ends = [(s, o), (o, s)] if r.root == MEETING_ROOT else [(s, o)]
        return [
            i
            for i, g in enumerate(gold_rels)
            if _relation_kind_matches(r, g) and any(a in g["subject"] and b in g["object"] for a, b in ends)
        ]

    return match(
        pred.doc_relations(doc), len(gold_rels), relation_cands, optional(gold_rels), duplicates_count=False
    )


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


def _relation_kind_matches(rel: Relation, gold: dict) -> bool:
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

