"""The ``newsgraph_relations`` pipeline component: runs every family of relation rules and
keeps one relation per (subject, predicate, object, CAMEO code, evidence)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..doc import ENTITIES, EVENTS, RELATIONS  # (importing extract.doc registers the extensions)
from .bodies import body_relations
from .evidence import calibrated
from .interactions import interaction_relations
from .places import place_relations
from .titles import title_relations

# Cooperative predicates that never hold between a person and their own body: the symmetric
# ones, and backing one's own ("President Ruto deployed the military to support police" is
# no support of Kenya by its president).
SELF_EXCLUSIVE = frozenset({"meetsWith", "agreesWith", "cooperatesWith", "negotiatesWith", "calls",
                            "supports", "aids", "pledgesTo", "praises"})


@Language.factory(
    "newsgraph_relations",
    assigns=[f"doc._.{RELATIONS}"],
    requires=[f"doc._.{ENTITIES}", f"doc._.{EVENTS}", "doc.spans", "token.dep", "token.pos"])
def make_relation_extractor(nlp: Language, name: str) -> "RelationExtractor":
    return RelationExtractor(name)


class RelationExtractor:
    """Pipeline component: ``doc._.ng_relations`` from events and titles."""

    def __init__(self, name: str = "newsgraph_relations") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        standing = list(title_relations(doc)) + list(place_relations(doc)) + list(body_relations(doc))
        belongs = {frozenset((r.subject, r.object)) for r in standing}
        # A person does not meet, agree, cooperate with or back the state or organisation they
        # belong to ("Mali's minister, Colonel X, signed the deal" is no deal between X and Mali).
        rels = [r for r in interaction_relations(doc, doc._.ng_events or [])
                if not (r.predicate in SELF_EXCLUSIVE and frozenset((r.subject, r.object)) in belongs)]
        rels += standing
        seen, unique = set(), []
        for r in rels:
            k = (r.subject, r.predicate, r.object, r.cameo, r.evidence.start, r.evidence.end)
            if k not in seen and r.subject != r.object:
                seen.add(k)
                unique.append(r)
        doc._.ng_relations = [calibrated(r) for r in unique]
        return doc
