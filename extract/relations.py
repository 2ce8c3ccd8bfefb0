"""Relations between actors: interactions from events, standing relations from titles.

Rules are generator functions over a processed Doc yielding :class:`RelationRecord`;
the ``newsgraph_relations`` component collects them on ``doc._.ng_relations``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.graph.iri import slug
from newsgraph.graph.model import EventRecord, RelationRecord
from newsgraph.graph.model import Span as TextSpan

from . import gazetteer
from .doccache import text as doc_text
from .entities import PLACE_NOUNS, PORTFOLIOS, SPAN_KEY, UNOWNED_ORGANS, opening_city_state, dominant_state, mentions_by_token, records_in
from .events import event_classes
from .reader import find_dateline_place

# Titles that make their holder the leader of the state or organisation they modify.
LEADER_TITLES = frozenset({
    "president", "leader", "premier", "chancellor", "king", "queen", "emir", "sultan", "monarch",
    "dictator", "ruler", "head", "chief", "chairman", "chairwoman", "chair", "ceo", "founder",
    "commander", "mayor", "governor", "prime", "pm", "ayatollah", "shah", "secretary-general",
})
# Multi-word titles of heads ("prime minister", "secretary general") whose last word alone
# would read as a member's title.
LEADER_PHRASES = ("prime minister", "first minister", "secretary general", "director general",
                  "supreme leader", "head of state")
# Words that make a title a past one: no standing relation now.
PAST_QUALIFIERS = frozenset({"former", "ex", "late", "then", "outgoing", "ousted", "deposed", "exiled"})
# Words that make a leader's title a subordinate one ("foreign minister", "deputy leader").
SUBORDINATE_QUALIFIERS = frozenset({"deputy", "vice", "assistant", "foreign", "defense", "defence",
                                    "interior", "finance", "policy", "acting", "regional",
                                    "military", "security", "party", "spokesman", "trade",
                                    "economy", "health", "justice", "energy", "press", "senior", "junior"})
# Titles that make their holder a member, employee or representative of it.
MEMBER_TITLES = frozenset({
    "ambassador", "envoy", "minister", "spokesman", "spokeswoman", "spokesperson", "official",
    "diplomat", "senator", "representative", "lawmaker", "member", "editor", "fellow", "analyst", "lawyer",
    "reporter", "correspondent", "journalist", "professor", "researcher", "director", "officer",
    "general", "adviser", "advisor", "secretary", "aide", "delegate", "negotiator", "deputy",
    "soldier", "militant", "fighter", "commentator", "columnist", "economist", "scholar",
    "employee", "staffer", "agent", "investigator", "prosecutor", "judge", "lawyer", "activist",
    "candidate", "mp", "politician", "councillor", "councilor", "coach", "player",
    "counterpart", "emissary", "representative", "negotiator",
})
TITLE_WORDS = LEADER_TITLES | MEMBER_TITLES
# Prepositions linking a title to its organisation ("a senior fellow at the Institute").
TITLE_PREPS = frozenset({"at", "of", "for", "with", "in", "from"})
# Unnamed organs a title may be held in, standing for the state or body that modifies them.
BODY_NOUNS = frozenset({"ministry", "government", "department", "office", "embassy", "army", "military",
                        "mission", "delegation", "administration", "cabinet", "presidency", "service"})
# Event classes whose place, when it is a state and no target is named, is also their target
# ("the Russian intervention began in Syria"; an attack *in* a state need not be *on* it).
PLACE_AS_TARGET = frozenset({"military_operation"})
# Cooperative classes -> the CAMEO "express intent to ..." code of the same act announced for
# the future (CAMEO 03x).
# Directed acts only: a future meeting or agreement names its parties less reliably (who meets
# whom is often a plan reported by a third party), so it stays an event without a relation.
INTENT_CAMEO = {"support": "032", "aid": "033", "yield": "035", "release": "035", "ceasefire": "035",
                "mediate": "039"}
# Nouns in an organisation's apposition that make it part of another ("an al-Qaeda affiliate").
ORG_PART_NOUNS = frozenset({"affiliate", "branch", "wing", "faction", "offshoot", "member", "part", "arm",
                            "subsidiary", "unit", "franchise"})
# Symmetric cooperative predicates that never hold between a person and their own body.
SELF_EXCLUSIVE = frozenset({"meetsWith", "agreesWith", "cooperatesWith", "negotiatesWith", "calls"})
# Confidence of each standing-relation rule (how often the pattern is right in news text).
TITLE_CONFIDENCE = {"compound": 0.9, "appos": 0.8, "copula": 0.75, "of": 0.7, "context": 0.5}
# Titles that only a state's leader holds (a "chairman" or "chief" may lead anything).
NATIONAL_LEADER_TITLES = frozenset({"president", "premier", "chancellor", "king", "queen", "emir", "sultan",
                                    "minister", "monarch"})


@Language.factory("newsgraph_relations")
def make_relation_extractor(nlp: Language, name: str) -> "RelationExtractor":
    return RelationExtractor(name)


class RelationExtractor:
    """Pipeline component: ``doc._.ng_relations`` from events and titles."""

    def __init__(self, name: str = "newsgraph_relations") -> None:
        self.name = name
        if not Doc.has_extension("ng_relations"):
            Doc.set_extension("ng_relations", default=None)

    def __call__(self, doc: Doc) -> Doc:
        standing = list(title_relations(doc)) + list(place_relations(doc))
        belongs = {frozenset((r.subject, r.object)) for r in standing}
        # A person does not meet, agree or cooperate with the state or organisation they belong
        # to ("Mali's minister, Colonel X, signed the deal" is no deal between X and Mali).
        rels = [r for r in interaction_relations(doc, doc._.ng_events or [])
                if not (r.predicate in SELF_EXCLUSIVE and frozenset((r.subject, r.object)) in belongs)]
        rels += standing
        seen, unique = set(), []
        for r in rels:
            k = (r.subject, r.predicate, r.object, r.cameo, r.evidence.start, r.evidence.end)
            if k not in seen and r.subject != r.object:
                seen.add(k)
                unique.append(r)
        doc._.ng_relations = unique
        return doc


def interaction_relations(doc: Doc, events: list[EventRecord]) -> Iterator[RelationRecord]:
    """agent -> target for directed events, every pair of participants for meetings."""
    entities = records_in(doc)
    classes = event_classes()
    for ev in events:
        cls = classes.get(ev.event_class)
        if cls is not None and ev.factuality == "future" and ev.event_class in INTENT_CAMEO:
            yield from _intent_relations(ev, entities, classes)
            continue
        if cls is None or not cls.predicate or ev.factuality != "asserted":
            continue
        roles: dict[str, list[str]] = {}
        for role, key in ev.roles:
            roles.setdefault(role, []).append(key)
        evidence = ev.sentence or ev.triggers[0]
        conf = round(min(0.95, ev.confidence * 0.9), 3)
        if cls.symmetric:
            people = [k for k in roles.get("participant", []) + roles.get("agent", []) if k in entities]
            for a in people:
                for b in people:
                    if a != b:
                        yield RelationRecord(a, cls.predicate, b, evidence, conf, ev.cameo, ev.key, ev.reported_by)
            continue
        targets = roles.get("target", []) + roles.get("victim", [])
        if not targets and ev.place and ev.event_class in PLACE_AS_TARGET and \
                entities.get(ev.place) and entities[ev.place].type == "Country":
            targets = [ev.place]
        targets = [t for t in targets if t in entities]  # relations link entities, not unnamed participants
        agents = [a for a in roles.get("agent", []) if a in entities and entities[a].type != "Place"]
        if not targets and len(agents) >= 2 and cls.quad_class in (1, 2):
            # "Germany and Brazil pledged to deepen cooperation": co-agents of a cooperative
            # act with no other party act towards each other.
            for a in agents:
                for b in agents:
                    if a != b:
                        yield RelationRecord(a, cls.predicate, b, evidence, round(conf * 0.8, 3), ev.cameo,
                                             ev.key, ev.reported_by)
            continue
        for a in roles.get("agent", []):
            if entities.get(a) is None or entities[a].type == "Place":
                continue  # places do not act
            for t in targets:
                yield RelationRecord(a, cls.predicate, t, evidence, conf, ev.cameo, ev.key, ev.reported_by)


def _intent_relations(ev: EventRecord, entities: dict, classes: dict) -> Iterator[RelationRecord]:
    """A cooperative act announced for the future is not a done act but a done promise: CAMEO
    codes "Germany will contribute 200 million euros to the Fund" as 033 (express intent to
    provide aid), agent -> recipient, with the predicate of the class ``pledge``."""
    agents = [k for role, k in ev.roles if role == "agent" and k in entities and entities[k].type != "Place"]
    others = [k for role, k in ev.roles if role in {"target", "participant"} and k in entities]
    conf = round(min(0.95, ev.confidence * 0.9) * 0.8, 3)
    evidence = ev.sentence or ev.triggers[0]
    for a in agents:
        for t in others:
            if a != t:
                yield RelationRecord(a, classes["pledge"].predicate, t, evidence, conf, INTENT_CAMEO[ev.event_class],
                                     ev.key, ev.reported_by)


def _covering(doc: Doc, tokens: list[Token]) -> TextSpan:
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return TextSpan(start, end, doc_text(doc)[start:end])


def _title_bodies(title: Token, ent_of: dict[int, str], is_body) -> Iterator[Token]:
    """Tokens naming what a title is held in: its modifiers ("UN ambassador", "Iran's
    minister") and the object of its preposition ("a fellow at the Institute")."""
    mods = [t for t in title.children if t.dep_ in {"compound", "amod", "poss", "nmod"} and t.i in ent_of
            and is_body(ent_of[t.i])]
    yield from mods
    for tok in title.children:
        if tok.dep_ == "prep" and tok.lower_ == "for" and mods:
            continue  # "the UN special representative for Somalia": the UN's, for Somalia
        if tok.dep_ == "prep" and tok.lower_ in TITLE_PREPS:
            for obj in tok.children:
                if obj.dep_ != "pobj":
                    continue
                if obj.i in ent_of and is_body(ent_of[obj.i]):
                    yield obj
                elif obj.lemma_.lower() in BODY_NOUNS:
                    # "a spokeswoman for the Armenian foreign ministry": the state's organ
                    yield from (m for m in obj.children if m.dep_ in {"amod", "compound", "poss", "nmod"}
                                and m.i in ent_of and is_body(ent_of[m.i]))


def _government_post(tok: Token) -> bool:
    """A title that only a government gives: "Foreign Secretary", "Defence Cabinet Secretary",
    "foreign affairs adviser", "Government spokesman"."""
    words = {t.lower_ for c in tok.lefts if c.dep_ in {"compound", "amod"} for t in c.subtree}
    return tok.lower_ in MEMBER_TITLES | LEADER_TITLES and bool(words & (PORTFOLIOS | {"government", "cabinet"}))


def _title_kind(tok: Token) -> str | None:
    """leaderOf or memberOf for a title word, read with the title words before it: "prime
    minister" and "secretary-general" lead; "foreign minister", "deputy leader" are members."""
    words = [c.lower_ for c in tok.lefts if c.dep_ in {"compound", "amod"} and not c.ent_type_]
    words = [w for w in words if w.isalpha()] + [tok.lower_]
    phrase = " ".join(words)
    if tok.lower_ not in LEADER_TITLES | MEMBER_TITLES:
        return None
    if any(w in PAST_QUALIFIERS for w in words[:-1]):
        return None  # "former Nigerian head of state": no longer holds it
    if "opposition" in words[:-1]:
        return None  # "Uganda's opposition leader": of the state's politics, not of the state
    if any(w in SUBORDINATE_QUALIFIERS for w in words[:-1]):
        return "memberOf"
    if tok.lower_ in LEADER_TITLES or any(lead in phrase for lead in LEADER_PHRASES):
        return "leaderOf"
    return "memberOf"


def _apposed(root: Token) -> list[Token]:
    """Nouns in apposition with a name, in either order: "X, a fellow at Y" and "the EU's
    foreign policy chief, X" (a title-case title is PROPN: "Mali's Minister of ..., X")."""
    heads = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos" and (root.head.pos_ == "NOUN" or root.head.lower_ in TITLE_WORDS):
        heads.append(root.head)
    elif root.dep_ == "appos" and root.head.dep_ == "pobj" and root.head.head.head.lower_ in TITLE_WORDS:
        # "the UN special representative for Somalia, Ingrid Halvorsen": the parser hangs the
        # name on the nearest noun, the title's object
        heads.append(root.head.head.head)
    return heads


def _sentence_state(doc: Doc, span: Span, ent_of: dict[int, str], entities: dict) -> str | None:
    """The only state named in the sentence of ``span`` ("fly on to Chile, where he will meet
    President Gabriel Boric"), or None."""
    acted_on = _acted_on(span, ent_of)
    # Only a state named as a phrase of its own ("fly on to Chile"): a demonym or a modifier
    # belongs to the noun it modifies ("a former Nigerian head of state", "Nigerian clerics").
    states = {ent_of[t.i] for t in span.sent if t.i in ent_of and entities.get(ent_of[t.i]) is not None
              and entities[ent_of[t.i]].type == "Country" and t.dep_ not in {"amod", "compound", "nmod", "poss"}
              and t.pos_ == "PROPN"} - acted_on
    if not states:
        # "In Managua, Vice Foreign Minister X said": the state of the one city the sentence names
        states = {e.located_in for t in span.sent if t.i in ent_of and (e := entities.get(ent_of[t.i])) is not None
                  and e.type == "Place" and e.located_in in entities and t.pos_ == "PROPN"} - acted_on
    return states.pop() if len(states) == 1 else None


def _office_state(doc: Doc, span: Span, ent_of: dict[int, str], entities: dict, dominant: str | None,
                  home: str | None) -> str | None:
    """Whose office a bare title ("Foreign Minister X") is, in order of evidence: a city the
    sentence opens with; the sentence's or the previous sentence's subject state when X is a
    subject; the article's main state; its dateline's state; the one state its sentence names.
    A state X acts on in the clause is never X's own ("urged Brazil to ...")."""
    acted_on = _acted_on(span, ent_of)
    speaks = _speaks(span)
    candidates = (
        lambda: opening_city_state(span.sent, span.start, ent_of, entities),
        lambda: _subject_state(span.sent, ent_of, entities) if speaks else None,
        lambda: _previous_subject_state(span, ent_of, entities, dominant) if speaks else None,
        lambda: dominant, lambda: home,
        lambda: _sentence_state(doc, span, ent_of, entities))
    return next((state for get in candidates if (state := get()) and state not in acted_on), None)


def _speaks(span: Span) -> bool:
    """Whether the person is a clause's subject (who acts or speaks), not someone acted on or
    quoted in a phrase ("imposing bans on ..., among them Interior Minister X", "in the words
    of Foreign Minister X"): only then do the sentence's and the previous sentence's subjects
    say whose office they hold."""
    return span.root.dep_ in {"nsubj", "nsubjpass"}


def _previous_subject_state(span: Span, ent_of: dict[int, str], entities: dict, dominant: str | None) -> str | None:
    """The state the sentence before is about, when the article's own state is named in neither
    sentence: "Peru closed the crossing ... Foreign Minister X said" is Peru's minister in an
    article about Bolivia."""
    doc, start = span.doc, span.sent.start
    if start == 0:
        return None
    prev = doc[start - 1].sent
    if dominant and any(ent_of.get(t.i) == dominant for t in [*prev, *span.sent]):
        return None
    return _subject_state(prev, ent_of, entities)


def _subject_state(sent: Span, ent_of: dict[int, str], entities: dict) -> str | None:
    """The state that is the main clause's subject: itself ("Peru closed the crossing") or its
    government ("Yemen's internationally recognised government welcomed ...")."""
    for subj in (t for t in sent if t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ == "ROOT"):
        heads = [subj] + ([c for c in subj.children if c.dep_ in {"poss", "amod", "compound"}]
                          if subj.lemma_.lower() in {"government", "administration", "authorities"} else [])
        for t in heads:
            e = entities.get(ent_of.get(t.i, ""))
            if e is not None and e.type == "Country":
                return ent_of[t.i]
    return None


def _dateline_state(doc: Doc, entities: dict) -> str | None:
    """The state of a wire dateline's place ("AMMAN, May 2 ... –" -> Jordan) when the article
    names that state: whose officials a story filed there quotes without saying."""
    place = find_dateline_place(doc_text(doc))
    country = place and (gazetteer.country_by_capital(place) or gazetteer.country_by_name(place))
    if not country and place and (known := gazetteer.place_by_name(place)) is not None and known.country_code:
        country = gazetteer.country_by_code(known.country_code)
    key = slug(country.name) if country else None
    return key if key in entities and entities[key].type == "Country" else None


def _acted_on(span: Span, ent_of: dict[int, str]) -> set[str]:
    """Entities named in the clause a person is the subject of: in "Chancellor Olaf Scholz
    urged Brazil to ...", Brazil is whom he urged, not whose chancellor he is."""
    if span.root.dep_ not in {"nsubj", "nsubjpass"}:
        return set()
    # Objects and prepositional objects only: what a minister *says* about a state ("said
    # Peru wanted trade") is often about their own.
    heads = [c for c in span.root.head.children if c.dep_ in {"dobj", "obj", "dative", "prep", "agent"}]
    return {ent_of[t.i] for h in heads for t in h.subtree if t.i in ent_of}


def title_relations(doc: Doc) -> list[RelationRecord]:
    """leaderOf / memberOf from titles: 'Russian president Vladimir Putin', 'UN ambassador
    Nikki Haley', 'X, a senior fellow at Y', 'X is a contributing editor at Y', 'Y's leader X'.

    A title with no state named ("President Donald Trump") is guessed to be the article's
    state's only when nothing contradicts it: the person is tied to no other state, and no
    other person holds the same title of that state explicitly ("Russian president Vladimir
    Putin" rules out "President Donald Trump" as Russia's president)."""
    found = list(_title_relations(doc))
    entities = records_in(doc)
    explicit = [(r, t) for r, t, guessed in found if not guessed]
    tied = {(r.subject, r.object) for r, _ in explicit}
    states = {r.subject: r.object for r, _ in explicit
              if (e := entities.get(r.object)) is not None and e.type == "Country"}
    holders = {(r.object, t): r.subject for r, t in explicit if r.predicate == "leaderOf" and t}
    out = [r for r, _ in explicit]
    for r, title, guessed in found:
        if not guessed or (r.subject, r.object) in tied:
            continue
        if states.get(r.subject, r.object) != r.object:
            continue  # "U.S. President Donald Trump" elsewhere in the article
        if holders.get((r.object, title), r.subject) != r.subject:
            continue  # the state's holder of this title is named explicitly
        out.append(r)
    # "Turgunbaev spoke with his Tajik counterpart, X": X leads Tajikistan if Turgunbaev leads
    # his state, and is its minister if he is a minister.
    leaders = {r.subject for r in out if r.predicate == "leaderOf" and entities.get(r.object) is not None
               and entities[r.object].type == "Country"}
    peer = {r.subject: t.split(":", 1)[1] for r, t, _ in found if t and t.startswith("counterpart:")}
    return [replace(r, predicate="leaderOf") if r.predicate == "memberOf" and peer.get(r.subject) in leaders
            and entities.get(r.object) is not None and entities[r.object].type == "Country" else r for r in out]


def place_relations(doc: Doc) -> Iterator[RelationRecord]:
    """locatedIn that the text states: "Azerbaijan's Gazakh district", "the Armenian province of
    Tavush", "the Zaatari camp in northern Jordan" (an ng:Relation with its quote, beside the
    gazetteer's plain triple when it knows the place too)."""
    ent_of = mentions_by_token(doc)
    entities = records_in(doc)
    is_area = lambda k: k in entities and entities[k].type in {"Country", "Place"}  # noqa: E731
    for span in doc.spans.get(SPAN_KEY, []):
        place = entities.get(span.kb_id_)
        if place is None or place.type != "Place":
            continue
        root = span.root
        # The noun the name belongs to: "Gazakh district" (compound), "province of Tavush" (pobj).
        head = root.head if root.dep_ == "compound" and root.head.lower_ in PLACE_NOUNS else root
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in PLACE_NOUNS:
            head = root.head.head
        found = [m for m in head.children if m.dep_ in {"poss", "amod"} and m.i in ent_of
                 and entities[ent_of[m.i]].type == "Country"]
        found += [o for p in head.children if p.dep_ == "prep" and p.lower_ == "in"
                  for o in p.children if o.dep_ == "pobj" and o.i in ent_of and is_area(ent_of[o.i])]
        for area in found[:1]:
            # (the text's statement backs the gazetteer's fact; one that contradicts it is a misreading)
            if ent_of[area.i] != span.kb_id_ and place.located_in in {None, ent_of[area.i]}:
                yield RelationRecord(span.kb_id_, "locatedIn", ent_of[area.i],
                                     _covering(doc, [*span, head, area]), TITLE_CONFIDENCE["appos"])


def _title_relations(doc: Doc) -> Iterator[tuple[RelationRecord, str | None, bool]]:
    """Each standing relation with its title word (or None) and whether it is a guess."""
    ent_of = mentions_by_token(doc)
    entities = records_in(doc)
    # Bodies may be named or referred to: "the country's chief adviser", "its spokesman".
    bodies = {**(doc._.ng_pronouns or {}), **ent_of} if doc.has_extension("ng_pronouns") else ent_of
    is_person = lambda k: k in entities and entities[k].type == "Person"  # noqa: E731
    is_body = lambda k: k in entities and entities[k].type in {"Country", "Organization", "Group"}  # noqa: E731
    dominant = dominant_state(entities)
    home = _dateline_state(doc, entities)
    for span in doc.spans.get(SPAN_KEY, []):
        if is_body(span.kb_id_) and entities[span.kb_id_].type != "Country":
            # "JNIM, an al-Qaeda affiliate", "the M23, part of the Congo River Alliance": an
            # organisation's apposition naming what it belongs to.
            root = span.root
            for owner in root.children:
                # "the Treasury's Office of Foreign Assets Control": a body of another body
                if owner.dep_ == "poss" and owner.i < span.start and owner.i in ent_of \
                        and entities[ent_of[owner.i]].type == "Organization" and ent_of[owner.i] != span.kb_id_:
                    yield RelationRecord(span.kb_id_, "memberOf", ent_of[owner.i], _covering(doc, [owner, *span]),
                                         TITLE_CONFIDENCE["compound"]), None, False
            for head in _apposed(root):
                if head.lemma_.lower() in ORG_PART_NOUNS:
                    for body in _title_bodies(head, bodies, is_body):
                        if bodies[body.i] != span.kb_id_:
                            yield RelationRecord(span.kb_id_, "memberOf", bodies[body.i],
                                                 _covering(doc, [root, head, body]), TITLE_CONFIDENCE["appos"]), None, False
            continue
        if not is_person(span.kb_id_):
            continue
        person, root = span.kb_id_, span.root
        # 1. Title as a pre-modifier: "Russian president Vladimir Putin".
        for tok in root.children:
            if tok.dep_ == "compound" and tok.i < span.start and (kind := _title_kind(tok)) \
                    and not any(m.i in ent_of for m in [*tok.subtree, *root.lefts]
                                if m.i != tok.i and not span.start <= m.i < span.end) \
                    and (tok.lower_ in NATIONAL_LEADER_TITLES or _government_post(tok)) \
                    and (state := _office_state(doc, span, ent_of, entities, dominant, home)):
                # "President Yoweri Museveni", "Foreign Minister Abbas Araghchi" with no state
                # named: in an article about one state, its office holder; in an article about
                # several, the one state its sentence names. A guess, so a lower confidence.
                yield RelationRecord(person, kind, state, _covering(doc, [tok, *span]),
                                     TITLE_CONFIDENCE["context"]), tok.lower_, True
                continue
            if tok.dep_ == "compound" and tok.i < span.start and (kind := _title_kind(tok)):
                # The body may hang on the title or, in the parser's flatter reading, on the name
                # itself before the title ("German Chancellor Olaf Scholz").
                mods = [m for m in tok.subtree if m.i != tok.i] + \
                    [m for m in root.lefts if m.i < tok.i and m.dep_ in {"amod", "compound", "nmod", "poss"}]
                for mod in mods:
                    if mod.i in bodies and is_body(bodies[mod.i]):
                        mod_kind = "memberOf" if mod.i not in ent_of and mod.lower_ in UNOWNED_ORGANS else kind
                        yield RelationRecord(person, mod_kind, bodies[mod.i], _covering(doc, [mod, root, *span]),
                                             TITLE_CONFIDENCE["compound"]), tok.lower_, False
        # 2. Apposition / copula: "X, a senior fellow at Y" ; "X is a fellow at Y"; and the
        # title-first order "the EU's foreign policy chief, Josep Borrell".
        heads = _apposed(root)
        if root.dep_ == "nsubj" and root.head.lemma_ == "be":
            heads += [c for c in root.head.children if c.dep_ in {"attr", "acomp"}]
        for title in heads:
            rule = "appos" if title.dep_ == "appos" or root.dep_ == "appos" else "copula"
            # The title and its conjuncts: "X, a fellow at Y and an editor at Z".
            for held in [title, *(c for c in title.children if c.dep_ == "conj")]:
                kind = _title_kind(held)
                title_word = held.lower_
                if title_word == "counterpart":
                    # "his Tajik counterpart, X": X holds the office "his" holds (see title_relations)
                    owner = next((bodies[c.i] for c in held.children if c.dep_ == "poss" and c.i in bodies), None)
                    title_word = f"counterpart:{owner}" if owner else title_word
                for body in _title_bodies(held, bodies, is_body) if kind else ():
                    # "the La Paz police commander": heads the police, a member of the state it stands for
                    held_kind = "memberOf" if body.i not in ent_of and body.lower_ in UNOWNED_ORGANS else kind
                    if body.dep_ in {"amod", "compound", "poss", "nmod"} and body.head.lemma_.lower() in BODY_NOUNS \
                            and body.head.i != held.i:
                        held_kind = "memberOf"  # "the head of the OAS observation mission": of the mission
                    yield RelationRecord(person, held_kind, bodies[body.i], _covering(doc, [root, held, body]),
                                         TITLE_CONFIDENCE[rule]), title_word, False
        # 3. "Robert Kyagulanyi of the NUP", "Irakli Kobakhidze, of the ruling Georgian Dream
        # party": a person's "of" phrase naming an organisation is where they belong.
        for prep in root.children:
            if prep.dep_ == "prep" and prep.lower_ in {"of", "from"} and prep.i > root.i:
                for obj in prep.children:
                    key = ent_of.get(obj.i)
                    if obj.dep_ == "pobj" and key and entities[key].type in {"Organization", "Group"}:
                        yield RelationRecord(person, "memberOf", key, _covering(doc, [root, obj]),
                                             TITLE_CONFIDENCE["of"]), None, False
