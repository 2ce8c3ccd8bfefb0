"""People: clusters of full names and the short names that join them, "known as" names, shared
surnames, full names the model tagged as bodies, untagged names in apposition with a title.

Tests: tests/extract/entities/test_entity_people.py.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from newsgraph.graph.iri import slug

from .. import gazetteer
from ..doccache import text as doc_text, tokens
from .mention import _Mention, _name_tokens, _strip_possessive
from .names import _fold, _FullNames, NamedPeople, short_name_target, _spellings_of_one_name, _surname
from .wordlists import COMMON_NOUNS, ORG_NAME_WORDS, PERSON_ROLE_WORDS, PERSON_TITLES_HEADS


def _people_tagged_as_bodies(mentions: list[_Mention]) -> None:
    """'the billionaire Bidzina Ivanishvili' tagged ORG, then 'Ivanishvili' tagged PERSON: a
    short name with no organisation word whose last word the article uses alone for a person
    is that person's full name; so is one whose first word is, since a family name comes
    first in Chinese, Korean and Vietnamese names ('Dai Bingguo', then 'Dai said')."""
    alone = {m.text for m in mentions if m.type == "Person" and m.source == "ner" and " " not in m.text}
    for m in mentions:
        words = m.text.split()
        if m.type in {"Organization", "Place"} and m.source == "ner" and 2 <= len(words) <= 3 \
                and (words[-1] in alone or words[0] in alone) and all(w.istitle() and w.isalpha() for w in words) \
                and not {w.lower() for w in words} & ORG_NAME_WORDS \
                and gazetteer.place_by_name(m.text) is None:
            m.type = "Person"



def _resolve_people(persons: list[_Mention]) -> list[tuple[int, str, str]]:
    """Full names start clusters; a surname or first name joins the cluster it fits.

    Returns the full-name mentions as ``(start, key, label)`` for :func:`short_name_target`.
    """
    names = _FullNames()
    full = names.label  # key -> label
    for m in persons:
        toks = _name_tokens(m.text)
        if len(toks) >= 2:
            key = slug(" ".join(toks))
            # "Nikolas K. Gvosdev" and "Nikolas Gvosdev": same first and last token.
            # "Hassan Sheikh" and "Hassan Sheikh Mohamud": one's words begin the other's.
            same = next((k for k, lab in names.with_first_word(toks[0])
                         if (_name_tokens(lab)[-1] == toks[-1] and _name_tokens(lab)[0] == toks[0])
                         or _name_tokens(lab)[:len(toks)] == toks
                         or toks[:len(_name_tokens(lab))] == _name_tokens(lab)), None)
            if same is None:  # "Abu Muhammad al Masri" and "Abu Mohamed Al-Masri": one transliterated name
                same = next((k for k, lab in names.with_first_letter(_fold(" ".join(toks))[:1])
                             if _spellings_of_one_name(lab, " ".join(toks))), None)
            if same is None:  # "Sassou Nguesso" after "Denis Sassou Nguesso": the one name it ends
                ends = [k for k, lab in names.label.items() if lab.endswith(toks[-1])
                        and len(_name_tokens(lab)) > len(toks) and _name_tokens(lab)[-len(toks):] == toks]
                same = ends[0] if len(ends) == 1 else None
            if same is not None:
                if len(toks) > len(_name_tokens(full[same])):
                    names.set(same, " ".join(toks))
                m.key = same
            else:
                names.set(key, " ".join(toks))
                m.key = key
    named = [(m.start, m.key, full[m.key]) for m in persons if m.key]
    people = NamedPeople(named)
    for m in persons:
        if m.key:
            m.label = full[m.key]
            continue
        key = short_name_target(" ".join(_name_tokens(m.text)), m.start, people)
        if key is not None:
            m.key, m.label = key, full[key]
    return named



def known_as(doc: Doc, mentions: list[_Mention]) -> None:
    """'Robert Kyagulanyi, the singer known as Bobi Wine', 'X, also known as Y': Y is another
    name of X; it is marked to take X's key when the article is resolved."""
    by_token = {m.token: m for m in mentions}
    for m in mentions:
        tok = doc[m.token]
        if m.type != "Person" or tok.dep_ != "pobj" or tok.head.lower_ != "as":
            continue
        known = tok.head.head
        if known.lemma_ not in {"know", "call", "name", "nickname", "dub"}:
            continue
        owner = known.head if known.dep_ in {"acl", "relcl", "advcl"} else None
        if owner is not None and owner.dep_ == "appos" and owner.i not in by_token:
            owner = owner.head  # "X, the singer known as Y"
        target = by_token.get(owner.i) if owner is not None else None
        if target is not None and target.type == "Person" and target is not m:
            m.source, m.link = "alias_of", target.start



def _shared_surnames(mentions: list[_Mention]) -> None:
    """A surname two people of the article share goes, each time, to the one the article has
    named most so far (the most recent on a tie): "Colonel Hilda Mamani, who is not related to
    the candidate" does not take over the candidate Mamani the article is about."""
    people = {m.key: m.label for m in mentions if m.type == "Person" and m.key and m.label and " " in m.label}
    by_surname: dict[str, set[str]] = defaultdict(set)
    for key, label in people.items():
        by_surname[_surname(label)].add(key)
    shared = {name: keys for name, keys in by_surname.items() if len(keys) > 1}
    if not shared:
        return
    seen: Counter = Counter()
    last: dict[str, int] = {}
    for m in sorted(mentions, key=lambda x: x.start):
        if m.type == "Person" and m.key in people and " " not in m.text.strip() and \
                (keys := shared.get(_strip_possessive(m.text))) and m.key in keys:
            named = [k for k in keys if k in last]
            if named:
                m.key = max(named, key=lambda k: (seen[k], last[k]))
                m.label = people[m.key]
        if m.key in people:
            seen[m.key] += 1
            if " " in m.text.strip():
                last[m.key] = m.start


def _untagged_titled_names(doc: Doc, mentions: list[_Mention]) -> Iterator[_Mention]:
    """A name of two or more capitalised words that the model left untagged, in apposition with
    a person's title: "Raila Odinga, the Kenyan Prime Minister", "the speaker of parliament,
    Znaur Gassiyev". The title says it is a person."""
    covered = [(m.start, m.end) for m in mentions]
    for tok in tokens(doc):
        if tok.lower_ not in PERSON_ROLE_WORDS or tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        name = tok.head if tok.dep_ == "appos" else next((c for c in tok.children if c.dep_ == "appos"), None)
        words = _name_words(name) if name is not None else []
        if tok.lower_ not in PERSON_TITLES_HEADS and not words:
            continue  # (a role word before a name is a title only when it is a title head)
        if not words and tok.text.istitle() and tok.dep_ == "compound" and tok.head.i > tok.i:
            # "removed President Umaro Sissoco Embalo from power": a capitalised title before the
            # untagged name it compounds into
            name = tok.head
            while name.dep_ == "compound" and name.i < name.head.i <= name.i + 2:
                name = name.head
            words = [t for t in doc[tok.i + 1:name.i + 1]]
            if not all(t.pos_ == "PROPN" and t.text[:1].isupper() and not t.ent_type_
                       and t.lower_ not in COMMON_NOUNS and t.lower_ not in PERSON_TITLES_HEADS for t in words):
                continue
        if not words and tok.text.istitle() and tok.dep_ == "nmod" and tok.head.i > tok.i:
            # "Minister of State Saeed Al Harthi": a title with its "of" phrase before the name
            title = {t.i for t in tok.subtree if t.i < tok.head.i and not (t.head.i == tok.head.i and t.dep_ == "compound")}
            name = tok.head
            words = [w for w in _name_words(name) if w.i not in title]
            if any(w.ent_type_ for w in words):
                continue
        if len(words) < 2:
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        if any(a < end and start < b for a, b in covered):
            continue
        covered.append((start, end))
        yield _Mention(start=start, end=end, text=doc_text(doc)[start:end], type="Person", source="titled",
                       token=name.i)


def _name_words(name: Token) -> list[Token]:
    """A capitalised proper noun and the capitalised proper nouns right before it on its line
    ("Raila Odinga"; read from the words, as a date line above can break the parse)."""
    def capitalised(w: Token) -> bool:
        return w.pos_ == "PROPN" and w.is_alpha and w.text[0].isupper() and not w.is_upper
    if not capitalised(name):
        return []
    words = [name]
    while words[0].i > 0 and capitalised(prev := name.doc[words[0].i - 1]) and "\n" not in prev.whitespace_:
        words.insert(0, prev)
    return words
