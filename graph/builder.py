"""Merge per-article results into one ``networkx.MultiDiGraph``.

The graph is the in-memory model every exporter reads.  Its schema:

``G.graph``
    ``documents``: ``{doc_iri: {"id", "text", "title", "date", "source"}}``;
    ``build``: provenance of the build (tool version, model, ...).
Entity node (id = entity IRI)
    ``kind="entity"``, ``type`` (one of ``ENTITY_TYPES``), ``label``, ``alt_labels``
    (sorted tuple), ``mentions`` (sorted tuple of ``(doc_iri, start, end, text)``),
    ``references`` (pronouns and descriptions resolved to it, same shape; not names),
    ``docs`` (sorted tuple of doc IRIs), ``first_date``/``last_date`` (ISO dates of the
    articles that mention it, or None), and background data when known:
    ``geonames_id``, ``lat``, ``lng``, ``country_code``, ``same_as``.
Event node (id = event IRI)
    ``kind="event"``, ``event_class``, ``cameo``, ``label`` (first trigger's text),
    ``mentions`` (triggers as above), ``doc`` (doc IRI), ``date``, ``factuality``,
    ``casualties`` (tuple of ``(kind, count)``), ``reported_by`` (entity IRI of the
    source of reported speech, or None).
Relation edge entity -> entity (key = relation IRI)
    ``kind="relation"``, ``predicate`` (``ng:`` local name), ``cameo``, ``confidence``,
    ``doc`` (doc IRI, None for background facts), ``evidence`` (``(start, end, text)``
    or None), ``event`` (event IRI or None), ``reported_by`` (entity IRI or None),
    ``background`` (True for gazetteer and
    alias-table facts, which are exported as plain triples only).
Participant node (id = participant IRI)
    ``kind="participant"``, ``type`` ("Participant" or "Site"), ``label`` (the noun phrase),
    ``doc``, ``mentions``: an unnamed participant of the article's events ("eleven people").
Role edge event -> entity or participant (key = role)
    ``kind="role"``, ``role`` (agent, target, participant, victim or place).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

import networkx as nx

from . import iri
from .identity import identity_links
from .iri import slug
from .model import ArticleResult, EntityRecord

# How strongly a mention type argues for a cluster type when articles disagree:
# states and people are rarely mistaken for something else by the extractor.
_TYPE_PRIORITY = {"Country": 4, "Person": 3, "Organization": 2, "Group": 1, "Place": 0}


class GraphBuilder:
    """Accumulates :class:`ArticleResult` objects; :meth:`graph` returns the merged graph.

    Only small records are kept (never spaCy Docs), so memory grows with the graph,
    not with the text that produced it.
    """

    def __init__(self, *, build_info: dict | None = None) -> None:
        self._documents: dict[str, dict] = {}
        self._entities: dict[str, list[tuple[str, EntityRecord]]] = defaultdict(list)
        self._events: list[tuple[str, str, dict]] = []
        self._relations: list[tuple[str, str, str, dict]] = []
        self._roles: list[tuple[str, str, str]] = []
        self._participants: list[tuple[str, dict]] = []
        self._build_info = dict(build_info or {})

    def add(self, result: ArticleResult) -> None:
        art = result.article
        d_iri = iri.doc_iri(art.id)
        if d_iri in self._documents:
            raise ValueError(f"two inputs share the document id {art.id!r}")
        self._documents[d_iri] = {
            "id": art.id, "text": art.text, "title": art.title,
            "date": art.date, "source": art.source,
        }
        # An unnamed band ("the gunmen") is this article's own: its key gets the article's digest.
        local = {e.key: f"{e.key}_{iri.digest(art.id)[:8]}" for e in result.entities if e.local}

        def key_of(key: str) -> str:
            return local.get(key, key)

        for ent in result.entities:
            self._entities[key_of(ent.key)].append((d_iri, ent))
        for part in result.participants:
            self._participants.append((iri.participant_iri(art.id, part.key), {
                "kind": "participant", "type": "Site" if part.kind == "site" else "Participant",
                "label": part.label, "doc": d_iri,
                "mentions": ((d_iri, part.mention.start, part.mention.end, part.mention.text),),
            }))

        def node_of(key: str) -> str:
            return iri.participant_iri(art.id, key) if key.startswith("~") else iri.entity_iri(key_of(key))

        stances = {ev.key for ev in result.events if ev.stance}
        for ev in result.events:
            if ev.stance:
                continue  # a standing stance is exported through its relations only
            ev_iri = iri.event_iri(art.id, ev.key)
            self._events.append((ev_iri, d_iri, {
                "kind": "event",
                "event_class": ev.event_class,
                "cameo": ev.cameo,
                "label": ev.triggers[0].text if ev.triggers else ev.event_class,
                "mentions": tuple(sorted((d_iri, s.start, s.end, s.text) for s in ev.triggers)),
                "doc": d_iri,
                "date": ev.date,
                "factuality": ev.factuality,
                "casualties": tuple(ev.casualties),
                "reported_by": iri.entity_iri(key_of(ev.reported_by)) if ev.reported_by else None,
            }))
            for role, key in ev.roles:
                self._roles.append((ev_iri, node_of(key), role))
            if ev.place:
                self._roles.append((ev_iri, node_of(ev.place), "place"))
        self._add_relations(result, d_iri, key_of, stances)

    def _add_relations(self, result: ArticleResult, d_iri: str, key_of: Callable[[str], str],
                       stances: set[str]) -> None:
        """The article's relations, between the entities' (article-scoped where local) nodes."""
        art = result.article
        for rel in result.relations:
            ev_iri = iri.event_iri(art.id, rel.event) if rel.event and rel.event not in stances else None
            ev_span = rel.evidence
            r_iri = iri.relation_iri(d_iri, rel.subject, rel.predicate, rel.object,
                                     rel.cameo, ev_span.start, ev_span.end)
            self._relations.append((iri.entity_iri(key_of(rel.subject)), iri.entity_iri(key_of(rel.object)), r_iri, {
                "kind": "relation",
                "predicate": rel.predicate,
                "cameo": rel.cameo,
                "confidence": round(float(rel.confidence), 3),
                "doc": d_iri,
                "evidence": (ev_span.start, ev_span.end, ev_span.text),
                "event": ev_iri,
                "background": False,
                "reported_by": iri.entity_iri(key_of(rel.reported_by)) if rel.reported_by else None,
            }))

    def graph(self) -> nx.MultiDiGraph:
        """Build the merged graph; nodes and edges are inserted in sorted order."""
        g = nx.MultiDiGraph()
        g.graph["documents"] = dict(sorted(self._documents.items()))
        g.graph["build"] = self._build_info
        background: dict[tuple[str, str], dict] = {}
        remap = _remap(self._entities)
        merged: dict[str, list[tuple[str, EntityRecord]]] = defaultdict(list)
        for key, records in self._entities.items():
            merged[remap.get(key, key)].extend(records)
        moved = {iri.entity_iri(k): iri.entity_iri(v) for k, v in remap.items()}
        for key in sorted(merged):
            node, located_in = _merge_entity(key, merged[key], self._documents)
            g.add_node(iri.entity_iri(key), **node)
            if located_in and located_in != key:
                background[(key, located_in)] = {
                    "kind": "relation", "predicate": "locatedIn", "cameo": None,
                    "confidence": 1.0, "doc": None, "evidence": None, "event": None,
                    "background": True,
                }
        for ev_iri, _doc, attrs in sorted(self._events, key=lambda e: e[0]):
            if attrs["reported_by"] in moved:
                attrs = {**attrs, "reported_by": moved[attrs["reported_by"]]}
            g.add_node(ev_iri, **attrs)
        for p_iri, attrs in sorted(self._participants, key=lambda p: p[0]):
            g.add_node(p_iri, **attrs)
        for (s, o), attrs in sorted(background.items()):
            s_iri, o_iri = iri.entity_iri(s), iri.entity_iri(o)
            if o_iri in g:  # only link to countries the corpus mentions
                g.add_edge(s_iri, o_iri, key=iri.relation_iri("gazetteer", s, o), **attrs)
        for s, o, r_iri, attrs in sorted(self._relations, key=lambda r: r[2]):
            s, o = moved.get(s, s), moved.get(o, o)
            if s in g and o in g and s != o and not g.has_edge(s, o, key=r_iri):
                if attrs.get("reported_by") in moved:
                    attrs = {**attrs, "reported_by": moved[attrs["reported_by"]]}
                g.add_edge(s, o, key=r_iri, **attrs)
        for ev_iri, ent_iri, role in sorted({(e, moved.get(x, x), r) for e, x, r in self._roles}):
            if ev_iri in g and ent_iri in g:
                g.add_edge(ev_iri, ent_iri, key=role, kind="role", role=role)
        return g


def _remap(entities: dict[str, list[tuple[str, EntityRecord]]]) -> dict[str, str]:
    """Key -> the key of the node it joins: first one actor's names in different articles
    (graph/identity.py: "John F. Kerry" and "John Kerry"), then lone surnames and first names
    (:func:`_surname_links`) among the names so joined."""
    same = identity_links(entities)
    joined: dict[str, list[tuple[str, EntityRecord]]] = defaultdict(list)
    for key in sorted(entities, key=lambda k: k in same):  # (a node's own records first)
        joined[same.get(key, key)].extend(entities[key])
    links = _surname_links(joined)
    remap = {}
    for key in entities:
        target = links.get(same.get(key, key), same.get(key, key))
        if target != key:
            remap[key] = target
    return remap


def _surname_links(entities: dict[str, list[tuple[str, EntityRecord]]]) -> dict[str, str]:
    """Across articles, a person known only by one name ("Trump" in an article that never
    gives the full name) is the one person of the corpus with that surname or first name;
    when two people share it ("Tsarnaev"), they stay apart."""
    def is_person(records: list[tuple[str, EntityRecord]]) -> bool:
        return Counter(r.type for _, r in records).most_common(1)[0][0] == "Person"

    full: dict[str, set[str]] = defaultdict(set)
    first: dict[str, set[str]] = defaultdict(set)  # (names with the family name first: "Kim Jong Un")
    for key, records in entities.items():
        words = records[0][1].label.split()
        if len(words) >= 2 and is_person(records):
            full[slug(words[-1])].add(key)
            full[slug(words[-1].split("-")[-1])].add(key)  # "al-Assad" -> "assad"
            first[slug(words[0])].add(key)
    links = {}
    for key, records in entities.items():
        if len(records[0][1].label.split()) != 1 or not is_person(records):
            continue
        if len(full.get(key, ())) == 1:
            links[key] = next(iter(full[key]))
        elif key not in full and len(first.get(key, ())) == 1:
            links[key] = next(iter(first[key]))  # "Kim" -> "Kim Jong Un", "Xi" -> "Xi Jinping"
    return links


def _merge_entity(key: str, records: list[tuple[str, EntityRecord]],
                  documents: dict[str, dict]) -> tuple[dict, str | None]:
    """One node from the records of one entity in several articles."""
    type_votes: Counter[str] = Counter()
    label_votes: Counter[str] = Counter()
    names: set[str] = set()
    mentions: set[tuple[str, int, int, str]] = set()
    references: set[tuple[str, int, int, str]] = set()
    background: dict[str, object] = {}
    located_in = None
    for d_iri, rec in records:
        type_votes[rec.type] += len(rec.mentions) or 1
        label_votes[rec.label] += 1
        names.update(rec.names)
        names.add(rec.label)
        mentions.update((d_iri, m.start, m.end, m.text) for m in rec.mentions)
        references.update((d_iri, m.start, m.end, m.text) for m in rec.references)
        for attr in ("geonames_id", "lat", "lng", "country_code", "same_as"):
            value = getattr(rec, attr)
            if value is not None:
                background.setdefault(attr, value)
        located_in = located_in or rec.located_in
    etype = max(type_votes, key=lambda t: (type_votes[t], _TYPE_PRIORITY.get(t, 0), t))
    # Most articles' choice wins; then the fuller name; then alphabetical for stability.
    label = max(label_votes, key=lambda lab: (label_votes[lab], len(lab), lab))
    docs = sorted({d for d, _ in records})
    dates = sorted(documents[d]["date"] for d in docs if documents[d].get("date"))
    node = {
        "kind": "entity",
        "type": etype,
        "label": label,
        "alt_labels": tuple(sorted(n for n in names if n != label)),
        "mentions": tuple(sorted(mentions)),
        "references": tuple(sorted(references - mentions)),
        "docs": tuple(docs),
        "first_date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None,
        "geonames_id": None, "lat": None, "lng": None, "country_code": None, "same_as": None,
    }
    node.update(background)
    return node, located_in


def build_graph(results: Iterable[ArticleResult], *, build_info: dict | None = None) -> nx.MultiDiGraph:
    """Convenience: merge an iterable of results into a graph."""
    builder = GraphBuilder(build_info=build_info)
    for result in results:
        builder.add(result)
    return builder.graph()
