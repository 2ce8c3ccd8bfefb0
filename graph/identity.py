"""Cross-article identity: entities of different articles that are one actor under two names.

Within an article the extractor already joins the names of one person (extract/entities/names.py
and people.py); across articles the keys differ when the articles spell the name differently.
:func:`identity_links` finds, among the graph's entities, the keys that name one actor:

* a person with and without a middle name or initials: "John F. Kerry" = "John Kerry" =
  "John Forbes Kerry" (same first and last word).  Two different middles ("John A. Smith",
  "John B. Smith"; "George W. Bush", "George H. W. Bush") stay apart, and the bare form
  ("George Bush") joins a middle form only when the graph has one compatible middle form;
* a small respelling of a long name word: one edit (Levenshtein distance 1) in the surname, or
  inside the first name, of 6 or more letters, every other word the same ("Dzhokhar Tsarnaev" /
  "Dzokhar Tsarnaev"); a first name that differs in its last letter ("Antonio"/"Antonia",
  "Martin"/"Martina") is another person's;
* hyphens and spaces inside a name ("Wong Kwok-kin" / "Wong Kwok kin"), and a name cut short
  before a lower-case syllable ("Wong Kwok" for "Wong Kwok-kin") when the graph has only one
  name it could be cut from;
* a name of three words or more that begins the one longer name beginning so, a word of it
  perhaps respelled ("Mohamed bin Zayed" / "Mohammed bin Zayed Al Nahyan");
* an organisation (or group) whose name is the same words in another order ("National Police" /
  "Police National"), of the same type.  A name made only of the words of every state's organs
  ("National Police", "Interior Ministry") names a different body in each state: it joins only
  when every article of both is mostly about one and the same country.

Conservative throughout: two keys one article names side by side are two entities (that article's
resolution kept them apart), and a set of keys joined by these rules is merged only when no two
of its members have conflicting middle names; otherwise none of it is.

String distance: rapidfuzz (``rapidfuzz.distance.Levenshtein``; MIT, C++ core).
Tests: tests/test_graph_identity.py.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from rapidfuzz.distance import Levenshtein

from newsgraph.extract import lexicon

from .iri import to_ascii
from .model import EntityRecord

Records = list[tuple[str, EntityRecord]]  # (doc IRI, record) of one key

# Respellings: the shortest name word compared, and the edits allowed.
MIN_RESPELLED = 6
# Words after a surname that make a name another person's (a son, a father): left alone.
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Words that make a name a chain of father's names ("Mohamed Ould Abdelaziz", "Tamim bin Hamad Al
# Thani"): such a name joins only one with the same middle, never a shorter form.
_PATRONYMIC = frozenset({"bin", "ibn", "ben", "bint", "ould", "ag", "abu", "mac", "oglu"})
_INITIALS = re.compile(r"^(?:[A-Z]\.?)+$|^(?:[A-Z]\.)+[A-Z]?$")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# The words of the names every state's organs have (data/entity_organisations.tsv "organ_words",
# data/titles.tsv "portfolios"), and the small words between them.
_ORGAN_WORDS = frozenset(lexicon.word_lists("entity_organisations.tsv")["organ_words"]) \
    | frozenset(lexicon.word_lists(lexicon.TITLES)["portfolios"]) | {"of", "the", "and", "for"}


def fold(word: str) -> str:
    """Lower-case ASCII letters and digits only: "Kwok-kin" -> "kwokkin", "Erdoğan" -> "erdogan"."""
    ascii_text = to_ascii(word)
    return re.sub(r"[^a-z0-9]", "", ascii_text.lower())


@dataclass(frozen=True, slots=True)
class PersonName:
    """A full name as the rules compare it."""

    words: tuple[str, ...]  # as written, possessive dropped
    folded: tuple[str, ...]
    middle: tuple[tuple[str, str | None], ...]  # (initial, full word or None for an initial)
    patronymic: bool = False  # a middle of father's names

    @property
    def given(self) -> str:
        return self.folded[0]

    @property
    def surname(self) -> str:
        return self.folded[-1]

    @property
    def joined(self) -> str:
        return "".join(self.folded)


def person_name(label: str) -> PersonName | None:
    """The parts of a person's full name; None for one word or a name with a suffix ("Jr.")."""
    words = tuple(w for w in _POSSESSIVE.sub("", label.strip()).split() if w)
    folded = tuple(fold(w) for w in words)
    if len(words) < 2 or not all(folded) or folded[-1] in _SUFFIXES:
        return None
    middle: list[tuple[str, str | None]] = []
    patronymic = any(f in _PATRONYMIC for f in folded[1:-1])
    for word, f in zip(words[1:-1], folded[1:-1]):
        if word.islower() and "-" not in word and not patronymic:
            continue  # a particle ("bin", "da") is no middle name
        if _INITIALS.match(word):
            middle.extend((c, None) for c in f)  # "F." -> f; "H.W." -> h, w
        else:
            middle.append((f[0], f))
    return PersonName(words, folded, tuple(middle), patronymic)


def middles_agree(a: PersonName, b: PersonName) -> bool:
    """Whether two middles can be one person's: either is empty, or they have the same
    initials and the same words where both write a word ("F." = "Forbes", "A." != "B.",
    "W." != "H. W.")."""
    if a.patronymic or b.patronymic:
        return a.middle == b.middle
    if not a.middle or not b.middle:
        return True
    return len(a.middle) == len(b.middle) and all(
        ia == ib and (wa is None or wb is None or wa == wb) for (ia, wa), (ib, wb) in zip(a.middle, b.middle))


def _majority_type(records: Records) -> str:
    return Counter(r.type for _, r in records).most_common(1)[0][0]


def _label(records: Records) -> str:
    """The label the merged node will have (the most articles' label, then the longer)."""
    votes = Counter(r.label for _, r in records)
    return max(votes, key=lambda lab: (votes[lab], len(lab), lab))


class _Links:
    """Union-find over keys."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        root = key
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        self.parent.setdefault(ra, ra)
        self.parent.setdefault(rb, rb)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for key in self.parent:
            out[self.find(key)].append(key)
        return [sorted(g) for g in out.values() if len(g) > 1]


def identity_links(entities: dict[str, Records]) -> dict[str, str]:
    """Key -> the key of the node it merges into, for the keys that move (see the module
    docstring); ``entities`` are the records of each key, as :class:`GraphBuilder` holds them."""
    people: dict[str, PersonName] = {}
    orgs: dict[str, tuple[str, tuple[str, ...]]] = {}  # key -> (type, folded words)
    docs = {key: {d for d, _ in records} for key, records in entities.items()}
    for key, records in entities.items():
        if any(r.local for _, r in records):
            continue  # an article's unnamed band ("the gunmen") is nobody else's
        etype, label = _majority_type(records), _label(records)
        if etype == "Person" and (name := person_name(label)) is not None:
            people[key] = name
        elif etype in {"Organization", "Group"} and len(words := tuple(fold(w) for w in label.split())) >= 2:
            orgs[key] = (etype, words)
    country = _country_of(entities)
    org_country: dict[str, str | None] = {}
    for key, (_etype, words) in list(orgs.items()):
        if set(words) <= _ORGAN_WORDS:  # a generic organ: of the one country all its articles are about
            found = {country.get(d) for d in docs[key]}
            if len(found) != 1 or None in found:
                del orgs[key]
                continue
            org_country[key] = found.pop()
    links = _Links()
    pairs = (*middle_name_pairs(people), *respelled_pairs(people), *spacing_pairs(people),
             *cut_short_pairs(people), *prefix_pairs(people), *reordered_pairs(orgs, org_country))
    for a, b in pairs:
        if not docs[a] & docs[b]:  # one article naming both kept them apart
            links.join(a, b)
    moves: dict[str, str] = {}
    for group in links.groups():
        if not _consistent(group, people, docs):
            continue
        label = _label([r for k in group for r in entities[k]])
        # The node keeps the key of the name it is labelled with (the most articles' name).
        canonical = next((k for k in group if _label(entities[k]) == label),
                         max(group, key=lambda k: len(docs[k])))
        moves.update((k, canonical) for k in group if k != canonical)
    return moves


def _consistent(group: list[str], people: dict[str, PersonName], docs: dict[str, set[str]]) -> bool:
    """No two members in one article, and no two people with middles that disagree."""
    return all(not docs[a] & docs[b] and (a not in people or b not in people
                                          or middles_agree(people[a], people[b]) or _begins(people[a], people[b]))
               for a, b in combinations(group, 2))


def _begins(a: PersonName, b: PersonName) -> bool:
    """One name of three words or more begins the other (:func:`prefix_pairs`): its "middle" is
    the other's first words, which agree by construction."""
    short, long_ = (a, b) if len(a.folded) < len(b.folded) else (b, a)
    return len(short.folded) >= 3 and _alike(long_.folded[:len(short.folded)], short.folded)


def middle_name_pairs(people: dict[str, PersonName]) -> Iterable[tuple[str, str]]:
    """Same first and last word; middles that agree.  A form without a middle joins the forms
    with one only when those all agree ("George Bush" with "George W. Bush" alone; with both it
    and "George H. W. Bush", with neither)."""
    by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, name in people.items():
        by_ends[(name.given, name.surname)].append(key)
    for keys in by_ends.values():
        fuller = [k for k in keys if people[k].middle or people[k].patronymic]
        bare = [k for k in keys if k not in fuller]
        agreeing = [(a, b) for a, b in combinations(fuller, 2) if middles_agree(people[a], people[b])]
        yield from agreeing
        yield from combinations(bare, 2)
        if len(agreeing) == len(fuller) * (len(fuller) - 1) // 2:  # every middle form agrees
            yield from ((a, b) for a in bare for b in fuller if middles_agree(people[a], people[b]))


def respelled_pairs(people: dict[str, PersonName]) -> Iterable[tuple[str, str]]:
    """Every word the same but the surname or the first name, which is one edit from the other's
    and 6 letters or longer ("Tsarnaev"/"Tzarnaev"; "Dzhokhar"/"Dzokhar"); a first name's last
    letter must be the same ("Antonio"/"Antonia" are two people)."""
    buckets: dict[tuple, list[str]] = defaultdict(list)
    for key, name in people.items():
        buckets[(0, name.folded[1:])].append(key)  # all but the first name alike
        buckets[(-1, name.folded[:-1])].append(key)  # all but the surname alike
    for (pos, _), keys in buckets.items():
        for a, b in combinations(keys, 2):
            wa, wb = people[a].folded[pos], people[b].folded[pos]
            if wa == wb or min(len(wa), len(wb)) < MIN_RESPELLED or (pos == 0 and wa[-1] != wb[-1]):
                continue
            if Levenshtein.distance(wa, wb, score_cutoff=1) <= 1:
                yield a, b


def spacing_pairs(people: dict[str, PersonName]) -> Iterable[tuple[str, str]]:
    """The same letters but for spaces, hyphens and marks ("Wong Kwok-kin" / "Wong Kwok kin")."""
    by_letters: dict[str, list[str]] = defaultdict(list)
    for key, name in people.items():
        by_letters[name.joined].append(key)
    for keys in by_letters.values():
        yield from combinations(keys, 2)


def prefix_pairs(people: dict[str, PersonName]) -> Iterable[tuple[str, str]]:
    """A name of three words or more that begins the one longer name the graph has that begins
    so, its words the same but for one respelled as :func:`respelled_pairs` allows ("Mohamed bin
    Zayed" / "Mohammed bin Zayed Al Nahyan"; not "Kim Jong" when the graph has "Kim Jong Un" and
    "Kim Jong Il")."""
    by_start: dict[tuple[int, str], list[str]] = defaultdict(list)  # (length, its last word) -> longer names
    for key, name in people.items():
        for n in range(3, len(name.folded)):
            by_start[(n, name.folded[n - 1])].append(key)
    for key, name in people.items():
        n = len(name.folded)
        if n < 3:
            continue
        longer = [k for k in by_start.get((n, name.folded[-1]), ()) if _alike(people[k].folded[:n], name.folded)]
        if len({people[k].joined for k in longer}) == 1:
            yield from ((key, k) for k in longer)


def _alike(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The same words but for at most one respelled (one edit in a word of 6 letters or more
    that keeps its last letter)."""
    differ = [(x, y) for x, y in zip(a, b) if x != y]
    return not differ or len(differ) == 1 and min(len(differ[0][0]), len(differ[0][1])) >= MIN_RESPELLED \
        and differ[0][0][-1] == differ[0][1][-1] and Levenshtein.distance(*differ[0], score_cutoff=1) <= 1


def _cut_form(name: PersonName) -> tuple[str, ...] | None:
    """The name cut before its last lower-case syllable: "Wong Kwok-kin", "Wong Kwok kin" ->
    ("wong", "kwok"); None for a name that does not end in one ("Smith-Jones")."""
    last = name.words[-1]
    if "-" in last and last.rsplit("-", 1)[1][:1].islower() and fold(last.rsplit("-", 1)[0]):
        return (*name.folded[:-1], fold(last.rsplit("-", 1)[0]))
    if len(name.words) >= 3 and last.islower() and last.isalpha():
        return name.folded[:-1]
    return None


def cut_short_pairs(people: dict[str, PersonName]) -> Iterable[tuple[str, str]]:
    """A name that is another cut before its last lower-case syllable ("Wong Kwok" for
    "Wong Kwok-kin"), when the graph has one name it can be cut from (not also "Wong Kwok-man")."""
    cut_from: dict[tuple[str, ...], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for key, name in people.items():
        if (cut := _cut_form(name)) is not None:
            cut_from[cut][name.joined].append(key)
    for key, name in people.items():
        fuller = cut_from.get(name.folded)
        if fuller is not None and len(fuller) == 1:
            yield from ((key, k) for keys in fuller.values() for k in keys)


def _country_of(entities: dict[str, Records]) -> dict[str, str]:
    """Doc IRI -> the country its article names most (none on a tie)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for key, records in entities.items():
        for d_iri, rec in records:
            if rec.type == "Country":
                counts[d_iri][key] += len(rec.mentions) or 1
    out = {}
    for d_iri, c in counts.items():
        top = c.most_common(2)
        if len(top) == 1 or top[0][1] > top[1][1]:
            out[d_iri] = top[0][0]
    return out


def reordered_pairs(orgs: dict[str, tuple[str, tuple[str, ...]]],
                    country: dict[str, str | None]) -> Iterable[tuple[str, str]]:
    """Organisations (or groups) of one type whose names are the same words in another order
    ("National Police" / "Police National"); a name of organ words only, of the same country
    (``country``: key -> the one country its articles are about, for those names)."""
    by_words: dict[tuple, list[str]] = defaultdict(list)
    for key, (etype, words) in orgs.items():
        by_words[(etype, tuple(sorted(words)), country.get(key))].append(key)
    for keys in by_words.values():
        yield from ((a, b) for a, b in combinations(keys, 2) if orgs[a][1] != orgs[b][1])
