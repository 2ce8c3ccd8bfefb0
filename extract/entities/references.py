"""References that are not names: personal pronouns and "its", "the country", "the bloc", a bare
organ ("the army"), "the rebels", a lone organisation head, and "both sides" / "the two countries".

Word lists: ``PERSON_PRONOUNS``, ``STATE_DESCRIPTIONS``, ``PAIR_NOUNS``; data/entity_organisations.tsv,
data/entity_groups.tsv, data/titles.tsv.  Tests: through the events and relations that use
them, in tests/extract/entities/test_entity_references.py ("the army", "the authorities", "the
group", unowned organs) and tests/extract/events/ (pronoun, "both sides" tests).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Doc

from newsgraph.graph.model import EntityRecord

from .. import gazetteer
from ..doccache import QUOTE_MARKS, sentences, tokens
from ..doccache import text as doc_text
from .genders import NOUN_GENDERS, PRONOUN_GENDERS, may_refer, person_genders
from .headlines import in_title
from .mention import _Mention, mentions_by_token
from .organisations import _armed_groups, dominant_state, opening_city_state, _org_heads, _organ_kind
from .wordlists import (ARMED_NOUNS, GENERIC_LEADERS, LEADER_TITLE_PHRASES, LOCATIVE_PREPS, MOVEMENT_WORDS,
                        NER_LABELS, ORG_DESCRIPTIONS, PAIR_NOUNS, PERSON_PRONOUNS, PERSON_TITLES_HEADS, PORTFOLIOS, STATE_DESCRIPTIONS,
                        STATE_FORMS, UNOWNED_ORGANS)


def resolve_pronouns(doc: Doc, mentions: list[_Mention],
                     entities: dict[str, EntityRecord]) -> Iterator[tuple[int, str]]:
    """Token index -> entity key for personal pronouns (the most recent person within two
    sentences) and possessive "its" (the most recent state or organisation in the sentence or
    the one before).  Used for event arguments; pronouns are not exported as name mentions.
    (Also "the country", "the bloc", a bare organ, "the rebels" and a lone organisation head:
    see :func:`_antecedent_kind`.)"""
    sent_of, _ = sentences(doc)
    toks = tokens(doc)
    ordered = sorted(mentions, key=lambda m: m.token)
    # (look-backs start at the token by bisection: a scan back from the end of the article for
    # every pronoun was quadratic in its length)
    ordered_at = [m.token for m in ordered]
    armed = _armed_groups(doc, mentions)
    state = dominant_state(entities)
    organs_of_kind = _organs_by_kind(ordered, entities)
    heads, inside = _org_heads(doc, mentions, entities)
    key_of = mentions_by_token(doc)  # (the span group is already on the Doc)
    quoted = _quoted(doc, sent_of)
    genders = person_genders(doc_text(doc), mentions, entities)
    for tok in tokens(doc):
        if tok.text in heads and tok.i not in inside and tok.tag_ in {"NNP", "NN"} and \
                [c.lower_ for c in tok.children if c.dep_ != "punct"] == ["the"]:
            # "the Bureau", "the Commission": the capitalised head of a name the article gave
            # ("the Bureau of Investigative Journalism"), when only one organisation has it.
            first, key = heads[tok.text]
            if first < tok.i and key:
                yield tok.i, key
            continue
        kind = _antecedent_kind(tok, armed)
        if kind is None:
            continue
        if kind == _ORGAN:
            # "the army said": an army the article has named ("the Malian Armed Forces (FAMa)"),
            # else, in an article about one state, its own ("Police detained him").
            at_of, key_of_organ = organs_of_kind.get(_organ_kind(tok.lower_), ([], []))
            n_before = bisect_left(at_of, tok.i)
            named_organ = key_of_organ[n_before - 1] if n_before else None
            # "In Algiers, the foreign ministry condemned ...": the state of the city the sentence
            # opens with, before the article's own.
            opening = opening_city_state(tok.sent, tok.i, key_of, entities)
            if opening or named_organ or state:
                yield tok.i, opening or named_organ or state
            continue
        if state and kind[0] == {"Country"} and tok.lower_ == "government":
            # "the government" of an article about one state is that state's, even after another
            # state was named ("sought help from neighbouring Chad ... demanded that the government")
            yield tok.i, state
            continue
        key = _antecedent(tok, *kind, ordered, ordered_at, sent_of, toks, entities, quoted, genders)
        if key is None and kind[0] == {"Country"}:
            # "we urge the government to ...": with no state named just before (or only as
            # where things happen), the government of the state the article is about
            key = state
        if key is not None:
            yield tok.i, key


# People and arms that "government" before them makes a state's ("government troops").
GOVERNMENT_ORGANS = frozenset({"troop", "force", "soldier", "army", "military", "official", "spokesman",
                               "spokeswoman", "spokesperson", "jet", "warplane", "aircraft", "helicopter",
                               "artillery", "delegation", "negotiator", "minister", "militia", "security"})
# What _antecedent_kind answers for a bare organ ("the army", "police"): the organ's owner.
_ORGAN = "organ"


def _antecedent_kind(tok, armed: set[str]):
    """What a token refers back to, tried in this order: ``(wanted types, reach in sentences,
    only these keys or None)``, :data:`_ORGAN` for a bare organ, or None for no reference."""
    word = tok.lower_
    if word in PERSON_PRONOUNS:
        return {"Person"}, 2, None
    if word == "its":
        return {"Country", "Organization"}, 1, None
    proper = tok.pos_ == "PROPN" and word in STATE_FORMS  # ("the Republic's": its possessive too)
    if word in STATE_DESCRIPTIONS and (tok.pos_ == "NOUN" and tok.tag_ == "NN" or proper) and \
            [c.lower_ for c in tok.children if c.dep_ not in {"punct", "relcl"} and not (proper and c.dep_ == "case")] \
            == ["the"]:
        return {"Country"}, 2, None  # "the country", "the government (whose term ends)", "the Republic's"
    if word == "government" and tok.dep_ in {"compound", "amod", "nmod"} and not list(tok.children) \
            and tok.head.lemma_.lower() in GOVERNMENT_ORGANS:
        return {"Country"}, 2, None  # "government troops", "government officials": the state's
    if word in ORG_DESCRIPTIONS and tok.pos_ == "NOUN" and tok.tag_ == "NN" and \
            any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and \
            not any(c.dep_ in {"prep", "relcl", "acl", "poss", "appos"} or c.ent_type_ in NER_LABELS
                    for c in tok.subtree if c.i != tok.i):
        if any(c.lemma_.lower() in ARMED_NOUNS for c in tok.children if c.dep_ in {"amod", "compound"}):
            # "the rebel group": an armed group the article names, not any organisation
            return ({"Organization", "Group"}, 3, armed) if armed else None
        return {"Organization"}, 2, None  # "the 27-nation bloc", "the alliance"
    if word in UNOWNED_ORGANS and tok.pos_ in {"NOUN", "PROPN"} and not any(
            (c.dep_ in {"amod", "compound", "poss", "nmod"} and c.lower_ not in PORTFOLIOS)
            or (c.dep_ == "prep" and c.lower_ in {"of", "from"})
            or (c.dep_ == "det" and c.lower_ != "the") for c in tok.children) and not (
            # "Pakistan's army chief": the phrase it modifies names whose organ it is
            tok.dep_ == "compound" and any(c.dep_ in {"poss", "amod", "nmod"} and c.i < tok.i and c.ent_type_
                                           for c in tok.head.children)):
        return _ORGAN  # (a portfolio does not name the state: "the foreign ministry" is still unowned)
    if armed and tok.lemma_ in ARMED_NOUNS and tok.pos_ == "NOUN" and (
            any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or tok.tag_ == "NNS") and \
            not any(c.dep_ in {"poss", "nummod"} or (c.dep_ == "det" and c.lower_ != "the")
                    or (c.dep_ in {"amod", "compound"} and c.ent_type_) for c in tok.children):
        # (also "northern rebels": an adjective that names no other actor)
        # "the rebels" after "the M23 rebel group": the armed group the article names.
        return {"Organization", "Group"}, 3, armed
    return None


def _organs_by_kind(ordered: list[_Mention],
                    entities: dict[str, EntityRecord]) -> dict[str, tuple[list[int], list[str]]]:
    """Kind ('army', 'police', 'ministry') -> the tokens and keys of the named organs of that
    kind, in text order."""
    organs = [(m.token, m.key, kind) for m in ordered if m.key and entities.get(m.key) is not None
              and entities[m.key].type == "Organization" and (kind := _organ_kind(entities[m.key].label))
              and (kind != "army" or _regular_army(entities[m.key].label))]
    organs_of_kind: dict[str, tuple[list[int], list[str]]] = {}
    for at, key, kind in organs:
        organs_of_kind.setdefault(kind, ([], []))[0].append(at)
        organs_of_kind[kind][1].append(key)
    return organs_of_kind




def _quoted(doc: Doc, sent_of: list[int]) -> list[bool]:
    """Token index -> whether it lies inside quotation marks opened in its own sentence."""
    inside, out, sent = False, [], -1
    for tok in tokens(doc):
        if sent_of[tok.i] != sent:
            inside, sent = False, sent_of[tok.i]
        if tok.text in QUOTE_MARKS:
            inside = not inside
        out.append(inside and tok.text not in QUOTE_MARKS)
    return out


# Words of the name of a state's regular forces, which "the army" may refer back to; not a
# paramilitary or rebel force whose name merely ends in "Forces" ("Rapid Support Forces").
REGULAR_ARMY_WORDS = ("armed forces", "army", "military", "defence forces", "defense forces")


def _regular_army(label: str) -> bool:
    """A state's own army, which "the army" can refer back to: named with the state's name or
    demonym ("the Malian Armed Forces", "Israel Defense Forces"), not a movement's ("the Free
    Syrian Army", "the White Army", "the Rapid Support Forces")."""
    name = label.lower()
    words = [w for w in label.replace("'s", "").split() if w.lower() != "the"]
    return any(w in name for w in REGULAR_ARMY_WORDS) and not {w.lower() for w in words} & MOVEMENT_WORDS and any(
        gazetteer.country_named(" ".join(words[:n])) for n in (1, 2, 3))


def _antecedent(tok, wanted: set[str], reach: int, only: set[str] | None, ordered: list[_Mention],
                ordered_at: list[int], sent_of, toks, entities: dict[str, EntityRecord],
                quoted: list[bool] | None = None, genders: dict[str, str] | None = None) -> str | None:
    """The key of the mention before ``tok`` (within ``reach`` sentences) of a ``wanted`` type
    that it refers to, never a person of the other gender than a gendered pronoun's
    (:mod:`.genders`). A person named inside a quote is not whom a pronoun after it in the
    same sentence refers to: in '"... the Egyptian ambassador ...," he added' "he" is the
    speaker."""
    cands = []
    for j in range(bisect_left(ordered_at, tok.i) - 1, -1, -1):
        m = ordered[j]
        if not m.key or entities.get(m.key) is None:
            continue
        if sent_of[tok.i] - sent_of[m.token] > reach:
            break
        if quoted and "Person" in wanted and quoted[m.token] and not quoted[tok.i] and sent_of[m.token] == sent_of[tok.i]:
            continue
        head = toks[m.token]  # (the cached token: doc[i] makes a new Token object each time)
        if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS and not _owns_subject(head):
            continue  # "its" refers to an actor, not to where something happened ("in Syria")
        if entities[m.key].type in wanted and (only is None or m.key in only) and \
                (not genders or may_refer(tok.text, m.key, genders)):
            cands.append((m, head))
    if not cands:
        return None
    # An owner named in the pronoun's own clause is the nearest reading ("imposed sanctions on
    # Moscow after its invasion": not the subject of the sentence around that clause).
    word = tok.lower_
    if word == "its":
        clause = _clause(tok)
        same = [m for m, head in cands if _clause(head) is not None and _clause(head).i == clause.i] if clause else []
        if same:
            return same[0].key
    # Salience: a subject or possessor ("Russia's support ..., its policies") beats a more
    # recent object ("its relationship with Iran and how it conducts its politics").
    salient = [m for m, head in cands if head.dep_ in {"nsubj", "nsubjpass", "poss"} or _owns_subject(head)]
    if word in {"his", "her"} and tok.dep_ == "poss":
        subject = _subject_of_time_adjunct(tok)
        owner = next((m for m, head in cands if subject is not None and head.i == subject.i), None)
        if owner is not None:
            return owner.key
    if word in {"he", "she"} and _unnamed_person_subject_before(tok, toks, ordered_at):
        return None  # "the officer was investigating crime when he was abducted": the officer
    if word in {"he", "she", "him", "his"}:
        # Not the author of a thing someone shows or cites ("displayed the book 'Hegemony or
        # Survival', written by Noam Chomsky ... He called on ..."): a by-phrase of a participle
        # that describes a noun is no actor of the story.
        actors = [m for m, head in cands if not _describing_agent(head)]
        return actors[0].key if actors else None
    return (salient[0] if salient else cands[0][0]).key


# Prepositions of time whose phrase tells when the clause's subject acted ("during his visit").
TIME_ADJUNCT_PREPS = frozenset({"during", "after", "before", "following", "ahead", "since", "until", "upon", "amid"})


def _subject_of_time_adjunct(tok):  # noqa: ANN001, ANN202
    """The subject of the clause whose phrase of time a possessive pronoun is in: "Maduro met Lula
    during his first visit to Brazil" (his = Maduro's), "X returned home after her talks with Y";
    not an object's phrase ("praised Putin for his help"). None when it is not in one."""
    noun = tok.head
    prep = noun.head if noun.dep_ == "pobj" else None
    if prep is not None and prep.lower_ == "of" and prep.head.lower_ == "ahead":
        prep = prep.head  # "ahead of his visit"
    if prep is None or prep.lower_ not in TIME_ADJUNCT_PREPS or prep.head.pos_ not in {"VERB", "AUX"}:
        return None
    return next((c for c in prep.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


# Nouns of a person that a later "he" or "she" in the sentence refers to when no name says who.
PERSON_NOUNS = PERSON_TITLES_HEADS | set(NOUN_GENDERS) | {
    "officer", "person", "victim", "suspect", "captain", "pilot", "official", "lawyer", "journalist", "soldier",
    "diplomat", "witness", "driver", "resident", "activist", "reporter", "guard", "prisoner", "detainee"}


def _unnamed_person_subject_before(tok, toks, ordered_at: list[int]) -> bool:  # noqa: ANN001
    """Whether the clause a subject pronoun is subordinate to has an unnamed person as its
    subject ("the officer was investigating crime when he was abducted"): the pronoun is that
    person, not one named sentences before."""
    clause = _clause(tok)
    main = clause.head if clause is not None and clause.dep_ in {"advcl", "ccomp", "conj"} else None
    if main is None or main.i == clause.i:
        return False
    def named(t) -> bool:  # noqa: ANN001
        at = bisect_left(ordered_at, t.i)
        return at < len(ordered_at) and ordered_at[at] == t.i
    subjects = [c for c in main.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < tok.i]
    if any(named(t) for s in subjects for c in s.children if c.dep_ == "conj" for t in (c, *c.children)):
        return False  # ("her ex-husband and Paris's father, Albert Jaquier, ...")
    for subj in subjects:
        # one person ("soldiers ... after he tried": not them), unnamed ("His father, Mohamed
        # El-Hassan, said he": named), of the pronoun's gender ("his daughter said he": not her)
        if subj.lemma_.lower() in PERSON_NOUNS and subj.pos_ == "NOUN" and subj.tag_ == "NN" \
                and not named(subj) and not any(named(a) for a in subj.children if a.dep_ == "appos") \
                and NOUN_GENDERS.get(subj.lemma_.lower(), PRONOUN_GENDERS[tok.lower_]) == PRONOUN_GENDERS[tok.lower_]:
            return True
    return False


def _describing_agent(head) -> bool:  # noqa: ANN001
    """'a book written by X', 'a report compiled by X': the by-phrase of a participle on a noun."""
    return head.dep_ == "pobj" and head.head.dep_ == "agent" and head.head.head.dep_ == "acl"


def _clause(tok):  # noqa: ANN001, ANN202
    """The verb of the clause a word is in (the nearest verb above it), or None."""
    node = tok
    for _ in range(12):
        if node.pos_ in {"VERB", "AUX"}:
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _owns_subject(head) -> bool:  # noqa: ANN001
    """The "of" phrase of a sentence's subject: "the government of Egypt recalled its envoy"."""
    return head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.dep_ in {"nsubj", "nsubjpass"}


def resolve_pairs(doc: Doc, mentions: list[_Mention],
                  entities: dict[str, EntityRecord]) -> Iterator[tuple[int, tuple[str, str]]]:
    """Token index -> the two parties that "both sides", "the two countries", "the two
    leaders" refer to: the two actors of that kind the article names most (each at least
    twice, both named before the phrase), when no third comes close."""
    counts: dict[str, Counter] = {kind: Counter() for kind in ("Country", "Person", "any")}
    first: dict[str, int] = {}
    for m in mentions:
        e = entities.get(m.key or "")
        if e is None or e.type == "Place":
            continue
        first.setdefault(m.key, m.token)
        if e.type != "Person":  # sides and parties are states, organisations and groups
            counts["any"][m.key] += 1
        if e.type in counts:
            counts[e.type][m.key] += 1
    for tok in tokens(doc):
        kind = PAIR_NOUNS.get(tok.lower_)
        if kind is None or not any(
                (c.dep_ in {"det", "predet", "preconj"} and c.lower_ == "both") or (c.dep_ == "nummod" and c.lower_ == "two")
                for c in tok.children):
            continue
        ranked = [(n, k) for k, n in counts[kind].most_common(3) if first.get(k, len(doc)) < tok.i]
        if len(ranked) >= 2 and ranked[1][0] >= 2 and (len(ranked) == 2 or ranked[2][0] * 2 <= ranked[1][0]):
            yield tok.i, (ranked[0][1], ranked[1][1])


def descriptions(doc: Doc, mentions: list[_Mention]) -> Iterator[_Mention]:
    """Definite descriptions of people introduced with a title: after "German Chancellor
    Olaf Scholz", "the chancellor", "the German chancellor" and "the German leader" are Scholz."""
    by_token = {m.token: m for m in mentions}
    by_title: dict[tuple[str, str], _Mention] = {}  # (country key or "", title) -> person
    leaders: dict[str, _Mention] = {}  # country key -> its leader
    first_holder: dict[tuple[str, str], _Mention] = {}  # (country key, title) -> its first holder
    headline: list = []  # bare titles of a headline: (token, country key, title)
    for tok in tokens(doc):
        if tok.lower_ not in PERSON_TITLES_HEADS:
            continue
        mods = [c for c in tok.lefts if c.dep_ in {"amod", "compound", "poss"}]
        title = " ".join([c.lower_ for c in mods if c.i not in by_token and c.is_alpha] + [tok.lower_])
        country = next((by_token[c.i] for c in mods if c.i in by_token and by_token[c.i].type == "Country"), None)
        ckey = country.key or "" if country else ""
        # "German Chancellor Olaf Scholz", "Raila Odinga, the Kenyan Prime Minister"
        person = by_token.get(tok.head.i) if tok.dep_ in {"compound", "appos"} else None
        if person is not None and person.type == "Person":
            by_title[(ckey, title)] = by_title[("", title)] = person
            first_holder.setdefault((ckey, title), person)
            # "the minister" after "Tajik Foreign Minister X": the title's head word alone
            # names the most recent holder too.
            by_title[("", tok.lower_)] = person
            if ckey and (title in LEADER_TITLE_PHRASES or tok.lower_ in LEADER_TITLE_PHRASES):
                leaders[ckey] = person
            continue
        det = next((c for c in tok.children if c.dep_ == "det" and c.lower_ == "the"), None)
        if det is None and tok.dep_ != "compound" and in_title(doc, tok.idx):
            headline.append((tok, ckey, title))  # "Kenyan Prime Minister calls for ...": read below
            continue
        if det is None or tok.dep_ == "compound" or any(c.dep_ in {"prep", "relcl", "acl"} for c in tok.rights):
            continue  # "the president of the bank": a new person, not a reference
        target = by_title.get((ckey, title)) or (leaders.get(ckey) if ckey and tok.lower_ in GENERIC_LEADERS else None)
        if target is None and not ckey and len(mods) == 0:
            target = by_title.get(("", title))
        if target is not None:
            end = tok.idx + len(tok.text)
            yield _Mention(start=det.idx, end=end, text=doc_text(doc)[det.idx:end], type="Person",
                           source="description", link=target.start, token=tok.i)
    yield from _headline_titles(doc, headline, first_holder)


def _headline_titles(doc: Doc, headline: list, first_holder: dict[tuple[str, str], _Mention]) -> Iterator[_Mention]:
    """A headline's bare title of a state ("Kenyan Prime Minister calls for ...") is the person
    the article gives that title ("Raila Odinga, the Kenyan Prime Minister"), when one does:
    headlines name people by office and leave the name to the story."""
    for tok, ckey, title in headline:
        target = first_holder.get((ckey, title)) if ckey else None
        if target is None:
            continue
        start = min(c.idx for c in tok.subtree if c.i <= tok.i)
        end = tok.idx + len(tok.text)
        yield _Mention(start=start, end=end, text=doc_text(doc)[start:end], type="Person",
                       source="description", link=target.start, token=tok.i)
