"""Actors and places: typed mentions resolved to one entity per real-world referent.

The ``newsgraph_entities`` component reads spaCy's entities (and the alias ruler's),
types each mention by the contract's classes with the offline gazetteer, merges the
mentions of one referent (full name and surname, acronyms and expansions, demonyms
and capitals acting for their state) and stores the result on the Doc:

* ``doc.spans["ng_mentions"]``: every resolved mention, ``label_`` = entity type,
  ``kb_id_`` = entity key;
* ``doc._.ng_entities``: ``dict[key, EntityRecord]``.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from newsgraph.errors import InputError
from newsgraph.graph.iri import slug
from newsgraph.graph.model import ENTITY_TYPES, EntityRecord
from newsgraph.graph.model import Span as TextSpan

from . import gazetteer
from .doccache import sentences, tokens
from .doccache import text as doc_text
from .reader import dateline_place_span

SPAN_KEY = "ng_mentions"

# spaCy NER labels that can name an actor or a place.
NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
# Prepositions after which a capital is the city, not the government ("in Moscow").
LOCATIVE_PREPS = frozenset({"in", "at", "near", "from", "to", "into", "outside", "across",
                            "around", "inside", "through", "toward", "towards", "via", "of"})
# Dependency labels where a capital acts as its government ("Moscow's ire", "Moscow takes").
ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent", "dobj", "conj", "appos"})
# Words before a name that are titles, not part of it ("President Donald Trump").
HONORIFICS = frozenset({
    "president", "prime", "minister", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.",
    "sen", "sen.", "senator", "rep", "rep.", "gen", "gen.", "general", "king", "queen",
    "prince", "princess", "sheikh", "chancellor", "governor", "gov", "gov.", "mayor",
    "secretary", "ambassador", "judge", "justice", "pope", "lt", "lt.", "col", "col.",
    "captain", "capt", "capt.", "sir", "lord", "lady", "emir", "ayatollah", "imam",
    "commander", "chairman", "director", "premier", "vice", "deputy", "foreign", "defense",
    "defence", "state", "supreme", "leader", "former", "late", "said", "spokesman",
})
# Lower-case words that may sit inside a name ("Bashar al-Assad", "Ban Ki-moon").
NAME_PARTICLES = frozenset({"al", "al-", "bin", "ibn", "de", "da", "van", "von", "der", "la", "le",
                            "di", "del", "du", "el", "abu", "of", "and", "the", "for", "on"})
# Demonym + one of these nouns, with no name after it, is a definite description of a person
# already introduced with that title ("the Russian president").
PERSON_TITLES_HEADS = frozenset({"president", "leader", "minister", "premier", "chancellor", "king", "queen",
                                 "emir", "dictator", "ruler", "monarch", "secretary", "ambassador", "envoy",
                                 "spokesman", "spokeswoman", "general", "governor", "mayor", "senator",
                                 "chief", "commander", "pope", "sultan", "chairman", "director"})
# Titles of a state's leader, and the generic words that can refer to whoever holds one
# ("the German leader" after "German Chancellor Olaf Scholz").
LEADER_TITLE_PHRASES = frozenset({"president", "prime minister", "premier", "chancellor", "king", "queen",
                                  "emir", "sultan", "leader", "dictator", "ruler", "monarch"})
GENERIC_LEADERS = frozenset({"leader", "ruler", "head"})

# Title words that take "of" + a portfolio ("Secretary of State", "Minister of Defence").
TITLE_WORDS_BEFORE_OF = frozenset({"secretary", "minister", "ministers", "secretaries", "chief", "head",
                                   "undersecretary", "commissioner"})
# Seats that act for an organisation rather than for the state they are in.
CAPITAL_ACTORS = {"Brussels": ("European Union", "Organization"),
                  "Brussels's": ("European Union", "Organization")}
# Words that label a photo caption or credit line, glued to a name by the tokenizer.
CAPTION_WORDS = frozenset({"Image", "Photo", "Picture", "File", "Credit", "Video", "Source", "Caption",
                           "Handout"})
# Prefixes that turn a name into a stance adjective ("pro-Beijing", "anti-American").
STANCE_PREFIXES = frozenset({"pro", "pro-", "anti", "anti-", "pan", "pan-", "non", "non-"})
# Last words of an event's name ("Boston Marathon", "World Cup"): not an actor.
# Also a day's name ("Bloody Sunday", "Black Friday") names what happened that day.
EVENT_HEADS = frozenset({"marathon", "cup", "championship", "championships", "olympics", "games",
                         "festival", "fair", "expo", "tournament", "grand prix", "open", "derby",
                         "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
# Words that complete a street name the model cut short ("Victor Hugo street").
STREET_WORDS = frozenset({"street", "avenue", "avenues", "streets", "road", "boulevard", "square",
                          "bridge", "highway", "lane"})
# Last words of newspaper and agency names ("the Sydney Morning Herald", "The Moscow Times"),
# which the model often tags as events or works of art.
NEWS_OUTLET_WORDS = frozenset({"Herald", "Times", "Post", "News", "Gazette", "Tribune", "Journal", "Telegraph",
                               "Guardian", "Chronicle", "Observer", "Express", "Mail", "Standard", "Courier",
                               "Inquirer", "Monitor", "Dispatch", "Review", "Agency"})
# Definite descriptions that refer back to an organisation ("the bloc" after "the European
# Union", "the alliance" after NATO).
ORG_DESCRIPTIONS = frozenset({"bloc", "alliance", "organisation", "organization", "union", "coalition", "group"})
# A state's organs named with no owner ("police", "the army"): the article's state's.
UNOWNED_ORGANS = frozenset({"police", "army", "military", "authorities", "troops", "soldiers",
                            "forces", "policemen", "officers", "ministry"})
# Where "the two sides" and the like are kept on the Doc (token -> the two entity keys).
PAIR_KEY = "ng_pairs"
# Plural nouns that, with "both" or "the two", refer to the article's two main parties.
# (Not "the two leaders": the people named most are often ministers, not the leaders.)
PAIR_NOUNS = {"sides": "any", "parties": "any", "countries": "Country", "nations": "Country",
              "neighbours": "Country", "neighbors": "Country", "governments": "Country",
              "capitals": "Country"}
# Nouns for the members of an armed group ("the rebels" refers back to "the M23 rebel group").
ARMED_NOUNS = frozenset({"rebel", "militant", "insurgent", "jihadist", "fighter", "guerrilla", "militia",
                         "separatist", "insurgency"})
# Labels of international bodies whose bare short name ("Security Council", "Commission")
# a state's own body shares.
SUPRANATIONAL_PREFIXES = ("UN ", "United Nations", "EU ", "European ", "NATO", "African Union", "AU ")
# Cabinet portfolios, and the titles that hold them: "Defence" in "Defence Minister" is part of
# a person's title, while "the Defence Ministry" names an organisation.
PORTFOLIOS = frozenset({"defence", "defense", "interior", "foreign", "finance", "justice", "health",
                        "trade", "energy", "economy", "education", "agriculture", "security", "home"})
PORTFOLIO_HOLDERS = frozenset({"minister", "ministers", "secretary", "secretaries", "chief", "spokesman",
                               "spokeswoman", "spokesperson", "official", "officials"})
# Generic heads that alone do not name one organisation ("the Party", "the Council").
GENERIC_ORG_WORDS = frozenset({"party", "council", "institute", "university", "department", "ministry",
                               "committee", "commission", "church", "army", "agency", "court", "office",
                               "group", "association", "union", "state", "government", "company",
                               "corporation", "bank", "foundation", "center", "centre", "school", "college"})

# Plural nouns for collective actors that a non-state NORP qualifies into a group
# ("Central Asian migrants", "Kurdish fighters", "Salafi militants").
GROUP_NOUNS = frozenset({"migrant", "refugee", "militant", "rebel", "insurgent", "fighter", "jihadist",
                         "extremist", "protester", "protestor", "demonstrator", "separatist", "autocrat",
                         "islamist", "nationalist", "activist", "dissident", "militia", "guerrilla",
                         "settler", "tribesman", "clan", "faction", "loyalist", "gunman", "worker",
                         "farmer", "student", "voter", "opposition", "minority", "community"})
# Plural nouns for people of a state who do not act for it: its demonym on them names a group
# ("Syrian rebels", "Afghan women", "Chinese tourists"), where "Russian troops" is the state.
NATIONAL_GROUP_NOUNS = frozenset({
    "civilian", "citizen", "national", "resident", "woman", "man", "child", "girl", "boy", "teenager",
    "youth", "student", "worker", "refugee", "migrant", "immigrant", "seeker", "tourist", "fan", "voter",
    "family", "journalist", "protester", "protestor", "demonstrator", "activist", "dissident", "farmer",
    "villager", "pilgrim", "fisherman", "hostage", "detainee", "rebel", "militant", "insurgent",
    "separatist", "jihadist", "extremist", "nationalist", "settler", "athlete", "player", "teenager",
    "schoolchild", "survivor"})
# Collective nouns that name such a group in the singular ("the Afghan team", "the Syrian opposition").
NATIONAL_COLLECTIVES = frozenset({"team", "population", "community", "opposition", "minority", "diaspora",
                                  "squad"})
# Lower-case nouns after an organisation's name that describe it rather than name it
# ("the Georgian Dream party", "the Strong Georgia alliance").
DESCRIPTOR_TAILS = frozenset({"party", "alliance", "movement", "coalition", "bloc", "group", "faction", "militia"})
# Nouns for those who rule or speak for a state: "the regime in Damascus" is the government.
RULERS = frozenset({"junta", "regime", "government", "hardliner", "official", "leader", "leadership",
                    "ruler", "authority", "policymaker", "administration", "establishment"})
# Words of the names of organs every state has ("Ministry of Foreign Affairs", "National Police").
GENERIC_ORGAN_WORDS = PORTFOLIOS | {"ministry", "department", "affairs", "armed", "forces", "army", "navy", "air",
                                    "force", "police", "national", "council", "office", "intelligence",
                                    "service", "guard", "coast", "presidential", "border", "state", "internal",
                                    "general", "staff", "public", "prosecutor", "prosecutor's", "revenue",
                                    "treasury", "ministry's"}
# Head words of organisations' names, whatever the model's tag ("Coordination Headquarters").
ORG_HEAD_WORDS = frozenset({"headquarters", "command", "committee", "commission", "council", "agency", "office",
                            "ministry", "department", "bureau", "authority", "service", "directorate",
                            "institute", "foundation", "organization", "organisation", "front", "movement"})
# Lower-case nouns that make the name before them ("the Zaatari camp") or their "of" phrase
# ("the town of Afgooye") a place.
PLACE_NOUNS = frozenset({"district", "province", "region", "county", "governorate", "oblast", "prefecture",
                         "municipality", "camp", "crossing", "valley", "village", "town", "city", "state",
                         "neighbourhood", "neighborhood", "island", "islands", "peninsula", "port"})
# What a government sends: "a statement from Moscow" is the government's.
MESSAGES = frozenset({"statement", "message", "letter", "response", "reaction", "warning", "signal",
                      "word", "note", "communique", "protest", "request", "demand", "offer", "proposal"})
# Words that make a name an organisation's, whatever the model's tag.
ORG_NAME_WORDS = GENERIC_ORG_WORDS | ORG_DESCRIPTIONS | UNOWNED_ORGANS | {w.lower() for w in NEWS_OUTLET_WORDS} | {
    "front", "movement", "brigade", "brigades", "network", "service", "services", "fund", "bureau",
    "assembly", "parliament", "congress", "senate", "tribunal", "authority", "guard", "corps", "league"}
# Definite descriptions that refer back to a state ("the country said", "the government").
STATE_DESCRIPTIONS = frozenset({"country", "government", "nation", "regime", "kingdom", "republic"})
# Pronouns that refer to a person.
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})

_TRAILING_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Alias:
    label: str
    type: str
    iri: str | None = None


@dataclass(slots=True)
class _Mention:
    start: int  # char offsets
    end: int
    text: str
    type: str
    key: str | None = None  # canonical key when already known (gazetteer, alias table)
    label: str | None = None
    source: str = "ner"
    token: int = 0  # index of the head token


class _MentionIndex:
    """Mentions by start offset, for the look-ups that scanned every mention once per mention
    (quadratic in a long document).  Offsets must not change while the index is used; types,
    keys and the like may, as they are read at look-up time."""

    def __init__(self, mentions: list[_Mention]) -> None:
        self._sorted = sorted(mentions, key=lambda m: m.start)  # (stable: list order within a start)
        self._starts = [m.start for m in self._sorted]
        self._longest = max((m.end - m.start for m in mentions), default=0)
        self._first: dict[int, _Mention] = {}
        for m in mentions:
            self._first.setdefault(m.start, m)

    def first_at(self, start: int) -> _Mention | None:
        """The first mention (in list order) that starts at ``start``."""
        return self._first.get(start)

    def starting_in(self, lo: int, hi: int) -> list[_Mention]:
        """The mentions with ``lo <= start < hi``."""
        return self._sorted[bisect_left(self._starts, lo):bisect_left(self._starts, hi)]

    def covering(self, start: int, end: int) -> list[_Mention]:
        """The mentions with ``x.start <= start and end <= x.end``."""
        return [x for x in self.starting_in(end - self._longest, start + 1) if end <= x.end]


def load_aliases(path: str | Path | None = None) -> dict[str, Alias]:
    """The shipped alias table, extended by a user's CSV/TSV (surface, label, type, iri)."""
    table = dict(_shipped_aliases())
    if path is not None:
        table.update(_read_alias_file(Path(path)))
    return table


@cache
def _shipped_aliases() -> tuple[tuple[str, Alias], ...]:
    text = resources.files("newsgraph.extract").joinpath("data/actors.tsv").read_text("utf-8")
    return tuple(_parse_alias_rows(text.splitlines(), "actors.tsv", delimiter="\t"))


def _read_alias_file(path: Path) -> list[tuple[str, Alias]]:
    """A user's table, every row checked (``aliases.check_rows``) before it is used."""
    from .aliases import check_rows
    from .reader import decode

    try:
        text = decode(path.read_bytes(), str(path))
    except OSError as exc:
        raise InputError(f"{path}: cannot read the alias table ({exc.strerror})") from exc
    delimiter = "\t" if path.suffix.lower() in {".tsv", ".tab"} else ","
    rows = list(_parse_alias_rows(text.splitlines(), str(path), delimiter=delimiter, numbered=True))
    known = {slug(a.label): (a.label, a.type) for _, a in _shipped_aliases()}
    check_rows(((n, s, a.label, a.type, a.iri) for n, s, a in rows), str(path), known)
    return [(s, a) for _, s, a in rows]


def _parse_alias_rows(lines: list[str], where: str, *, delimiter: str, numbered: bool = False) -> Iterator:
    """``(surface, Alias)`` per row; ``numbered``: ``(line number, surface, Alias)``."""
    from .aliases import check_iri

    kept = [(i, ln) for i, ln in enumerate(lines, 1) if ln.strip() and not ln.startswith("#")]
    rows = csv.reader((ln for _, ln in kept), delimiter=delimiter)
    for n, row in enumerate(rows, 1):
        line = kept[min(rows.line_num, len(kept)) - 1][0]  # the file's line, for messages
        at = f"{where}: line {line}"
        if n == 1 and row and row[0].strip().lower() == "surface":
            continue  # header
        if len(row) < 3 or not row[0].strip() or not row[1].strip():
            raise InputError(f"{at}: expected surface, label, type[, iri]")
        etype = row[2].strip().capitalize() if row[2].strip().lower() != "organization" else "Organization"
        if etype not in ENTITY_TYPES:
            raise InputError(f"{at}: type must be one of {', '.join(ENTITY_TYPES)}")
        iri = check_iri(row[3].strip(), at) if len(row) > 3 and row[3].strip() else None
        alias = Alias(row[1].strip(), etype, iri)
        yield (line, row[0].strip(), alias) if numbered else (row[0].strip(), alias)


def ruler_patterns(aliases: dict[str, Alias]) -> list[dict]:
    """Entity-ruler patterns so the alias surfaces come out as single entities."""
    ner_label = {"Person": "PERSON", "Organization": "ORG", "Country": "GPE", "Place": "LOC", "Group": "NORP"}
    return [{"label": ner_label[a.type], "pattern": surface, "id": slug(a.label)}
            for surface, a in sorted(aliases.items())]


@Language.factory("newsgraph_entities", default_config={"aliases": None})
def make_entity_resolver(nlp: Language, name: str, aliases: str | None) -> "EntityResolver":
    return EntityResolver(nlp, name, aliases=load_aliases(aliases))


class EntityResolver:
    """Pipeline component: typed, resolved entity mentions (see module docstring)."""

    def __init__(self, nlp: Language, name: str = "newsgraph_entities", *,
                 aliases: dict[str, Alias] | None = None) -> None:
        self.name = name
        self.tokenizer = nlp.tokenizer
        self.aliases = aliases if aliases is not None else load_aliases()
        self._alias_lower = {k.lower(): v for k, v in self.aliases.items()}
        self._alias_by_id = {slug(a.label): a for a in self.aliases.values()}
        # Canonical label -> IRI of the alias table (owl:sameAs), looked up once per entity.
        self.label_iris = {a.label: a.iri for a in self.aliases.values() if a.iri}
        if not Doc.has_extension("ng_entities"):
            Doc.set_extension("ng_entities", default=None)
        if not Doc.has_extension("ng_pronouns"):
            Doc.set_extension("ng_pronouns", default=None)

    def __call__(self, doc: Doc) -> Doc:
        mentions = [m for ent in doc.ents for m in self._typed_mentions(doc, ent)]
        mentions += list(_untagged_country_pairs(doc))
        mentions += list(_untagged_countries(doc))
        mentions = list(_confirm_headline_mentions(doc, mentions))
        _dateline_city(doc, mentions)
        mentions += list(_nested_places(doc, mentions))
        mentions += list(_affiliations(doc, mentions))
        mentions += list(_named_places(doc, mentions))
        mentions += list(self._descriptions(doc, mentions))
        mentions = [m for m in mentions if not _after_stance_prefix(doc, m.start)]
        mentions.sort(key=lambda m: (m.start, m.end))
        _shared_short_names(mentions)
        mentions += list(_bracketed_short_forms(doc, mentions))
        mentions += list(_defined_acronyms(doc, mentions))
        mentions.sort(key=lambda m: (m.start, m.end))
        known_as(doc, mentions)
        mentions = _without_common_words(doc, mentions)
        entities = resolve(mentions, self.label_iris)
        extra = [m for m in propagate(doc, mentions, entities, self.tokenizer)
                 if not _after_stance_prefix(doc, m.start)]
        if extra:  # names the model missed elsewhere in the article ("Merkel" at a sentence start)
            mentions = sorted(mentions + extra, key=lambda m: (m.start, m.end))
            entities = resolve(mentions, self.label_iris)
        group = SpanGroup(doc, name=SPAN_KEY)
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and m.key:
                group.append(Span(doc, span.start, span.end, label=m.type, kb_id=m.key))
        doc.spans[SPAN_KEY] = group
        doc._.ng_entities = entities
        doc._.ng_pronouns = dict(resolve_pronouns(doc, mentions, entities))
        doc.user_data[PAIR_KEY] = dict(resolve_pairs(doc, mentions, entities))
        refs: dict[str, list[TextSpan]] = defaultdict(list)
        for i, key in sorted(doc._.ng_pronouns.items()):
            tok = doc[i]
            # A pronoun, "the <description>", or a bare organ ("Police detained ...").
            start = tok.idx if tok.pos_ == "PRON" else next(
                (c.idx for c in tok.children if c.lower_ == "the"), tok.idx)
            refs[key].append(TextSpan(start, tok.idx + len(tok.text), doc_text(doc)[start:tok.idx + len(tok.text)]))
        orgs = [sp for sp in group if sp.label_ in {"Organization", "Group"}]
        org_ends = {o.end - 1: o.end_char for o in orgs}  # last token -> end offset
        org_starts = {o.end_char: o.start for o in orgs}  # end offset -> first token
        doc._.ng_entities = {k: replace(e, references=tuple(refs.get(k, ())), mentions=tuple(
                                 _np_extent(doc, m, org_ends, org_starts, e.type == "Person") for m in e.mentions))
                             for k, e in entities.items()}
        return doc

    # -- typing ---------------------------------------------------------------------------
    def _typed_mentions(self, doc: Doc, ent: Span) -> Iterator[_Mention]:
        if ent.label_ not in NER_LABELS:
            if ent.label_ in {"EVENT", "WORK_OF_ART", "PRODUCT"} and len(ent) > 1 and (
                    ent[-1].text in NEWS_OUTLET_WORDS or ent[-1].text.istitle() and ent[-1].lower_ in ORG_HEAD_WORDS):
                # (also "Ukraine's Coordination Headquarters" tagged PRODUCT: an organisation's head word)
                # "according to the Sydney Morning Herald" tagged EVENT: a newspaper, a source
                yield from self._typed_mentions(doc, Span(doc, ent.start, ent.end, label="ORG"))
            return
        span = _trim(ent)
        if span is None:
            return
        span = _repair_boundary(span, ent.label_)
        described = ent.label_ == "ORG" and len(span) > 1 and span[-1].lower_ in DESCRIPTOR_TAILS \
            and span[-1].text.islower() and all(t.text[:1].isupper() for t in span[:-1])
        full = span
        if described:
            span = span[:-1]  # "the Georgian Dream party": the name is "Georgian Dream"
        if span[-1].lower_ in EVENT_HEADS and len(span) > 1:
            # "the Boston Marathon", "the Women's World Cup": an event's name, not an actor; a
            # place it starts with is still a place ("Boston").
            for n in range(len(span) - 1, 0, -1):
                head = span[:n]
                if gazetteer.country_by_name(head.text) or gazetteer.place_by_name(head.text):
                    yield from self._typed_mentions(doc, Span(doc, head.start, head.end, label="GPE"))
                    break
            return
        text = span.text
        if "\n" in text or not any(c.isupper() for c in text):
            return  # headline fragments across lines; lower-case junk
        alias = self.aliases.get(text) or self._alias_lower.get(text.lower()) \
            or self._alias_lower.get(us_spelling(text).lower())
        if alias is None and ent.ent_id_:
            alias = self._alias_by_id.get(ent.ent_id_)
        base = dict(start=span.start_char, end=span.end_char, text=text, token=span.root.i)
        if alias is not None and alias.type == "Organization" and alias.label != text and \
                alias.label.startswith(SUPRANATIONAL_PREFIXES) and (owner := _state_owner(span)) is not None:
            # "Kyrgyzstan's Security Council", "the Russian Security Council": a state's own body,
            # not the one the alias table means by the bare name (the UN's).
            label = f"{owner.name} {text}"
            base = dict(start=span.start_char, end=span.end_char, text=text, token=span.root.i)
            yield _Mention(type="Organization", key=org_key(label), label=label, source="owned", **base)
            return
        if alias is not None and alias.type == "Country" and _locative(span) \
                and gazetteer.country_by_name(text) is None and alias.label.lower() != text.lower():
            # "talks at the Kremlin", "a reception at Downing Street": the building, where the
            # same name acting ("the Kremlin said") is the state.
            yield _Mention(type="Place", source="alias", **base)
            return
        if alias is not None:
            key = _country_key(alias.label) if alias.type == "Country" else slug(alias.label)
            yield _Mention(type=alias.type, key=key, label=_country_label(alias.label) if alias.type == "Country" else alias.label,
                           source="alias", **base)
            return
        label = ent.label_
        if label in {"GPE", "LOC", "PERSON", "NORP"} and any(c.isdigit() for c in text):
            label = "ORG"  # "M23" tagged GPE: places, people and peoples have no digits in their names
        if "/" in text and len(span) > 1:  # "Wikimedia Commons/Kremlin.ru": two names in one span
            yield from _split_slash(span, label)
            return
        if " (" in text or text.endswith("("):
            # "Bolivarian National Armed Forces (FANB": the name, and its acronym as an alias.
            yield from _split_parenthetical(self, doc, ent, span)
            return
        if label in {"GPE", "LOC", "NORP", "ORG"} and re.search(r"[\w.][-–]\w", text):
            parts = gazetteer.split_hyphenated(text)
            if parts:  # "U.S.-Russia relations": a mention of each state
                yield from _split_mentions(span, parts)
                return
        country = gazetteer.country_by_name(text) if label != "PERSON" or len(span) == 1 else None
        if country is None and len(span) == 1 and (label in {"GPE", "LOC", "ORG"} or (
                label == "PERSON" and span.root.dep_ in {"amod", "compound"}
                and span.root.head.pos_ in {"NOUN", "PROPN"} and span.root.head.ent_type_ != "PERSON")):
            country = gazetteer.country_by_demonym(text)  # "Ugandan" tagged GPE, "Bangladeshi officials" PERSON
        if country is not None and (label in {"GPE", "LOC", "ORG", "NORP"} or not _titled(span)):
            # A lone state name is the state even when the model calls it a person ("Niger").
            yield _Mention(type="Country", key=slug(country.name), label=country.name, source="gazetteer", **base)
            yield from _national_group(span, country)
            return
        if label in {"PERSON", "ORG"} and not _titled(span) and gazetteer.country_by_capital(text) is not None:
            label = "GPE"  # "Bamako said", "talks in Dushanbe": a capital the model took for a name
        if label in {"PERSON", "ORG"} and _locative(span):
            place = gazetteer.place_by_name(text)
            if place is not None and place.kind in {"city", "region", "us_state"}:
                # "in Goma" tagged PERSON or ORG: a known place after a locative preposition.
                yield _Mention(type="Place", source="gazetteer", **base)
                return
        if label in {"ORG", "GPE", "FAC", "LOC"} and _titled(span) and gazetteer.place_by_name(text) is None:
            # "Chancellor Olaf Scholz" tagged ORG: a person's title before it says it is a person.
            yield _Mention(type="Person", source="titled", **base)
            return
        if label == "NORP":
            country = gazetteer.country_by_demonym(text)
            if country is not None:
                yield _Mention(type="Country", key=slug(country.name), label=country.name, source="demonym", **base)
                yield from _national_group(span, country)
            else:
                group = _group_phrase(span)
                if group is not None:
                    yield _Mention(start=group.start_char, end=group.end_char, text=group.text,
                                   type="Group", token=group.root.i)
            return
        if label == "GPE":
            if text in CAPITAL_ACTORS and _acts(span):
                # "Brussels said": the EU's seat speaks for the EU, not for Belgium.
                key, etype = CAPITAL_ACTORS[text]
                yield _Mention(type=etype, key=slug(key), label=key, source="seat", **base)
                return
            capital = gazetteer.country_by_capital(text)
            if capital is not None and _acts(span):
                yield _Mention(type="Country", key=slug(capital.name), label=capital.name, source="capital", **base)
                return
            yield _Mention(type="Place", **base)
            return
        if label in {"LOC", "FAC"} or label in {"ORG", "PERSON"} and len(span) > 1 and span[-1].lower_ in STREET_WORDS:
            yield _Mention(type="Place", **base)  # (also "the Pan-American Highway" tagged ORG)
            return
        if label == "ORG" and len(span) == 2 and span[1].lower_ in STATE_DESCRIPTIONS | {"administration", "cabinet"}:
            state = gazetteer.country_by_demonym(span[0].text) or gazetteer.country_by_name(span[0].text)
            if state is not None:  # "the British Government": the state, named by "British" as in
                # "the British government"
                yield _Mention(start=span.start_char, end=span[0].idx + len(span[0].text), text=span[0].text,
                               type="Country", key=slug(state.name), label=state.name, source="demonym",
                               token=span[0].i)
                return
        if label == "ORG" and not {w.lower() for w in text.split()} & ORG_NAME_WORDS and any(
                c.dep_ == "appos" and c.lemma_.lower() in PERSON_TITLES_HEADS | {"head", "spokesman", "spokeswoman",
                                                                                 "director", "chief", "envoy"}
                for c in span.root.children):
            # "Ana Lucía Berrocal, the head of the OAS mission" tagged ORG (and cut short): a
            # person's apposition says it is a person; the name runs back over its first name.
            start = span.start
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text.istitle() \
                    and not doc[start - 1].ent_type_ and not doc[start - 1].is_stop:
                start -= 1
            name = doc[start:span.end]
            yield _Mention(start=name.start_char, end=name.end_char, text=name.text, type="Person", token=name.root.i)
            return
        if label == "ORG":
            seat = gazetteer.country_by_seat(text) or (gazetteer.country_by_capital(text) if _acts(span) else None)
            if seat is not None:
                yield _Mention(type="Country", key=slug(seat.name), label=seat.name, source="seat", **base)
                return
            # (a name the text calls a party or alliance is one, whatever the model says elsewhere)
            first, _, rest = text.partition(" ")
            lead = gazetteer.country_by_demonym(first) or gazetteer.country_by_name(first) if rest else None
            if not described and lead is not None and _generic_organ(rest):
                # "the Russian Foreign Ministry": the same key as "Russia's Foreign Ministry"
                label = f"{lead.name} {rest}"
                yield _Mention(type="Organization", key=org_key(label), label=label, source="owned", **base)
                return
            if not described and _generic_organ(text) and (owner := _state_owner(span)) is not None:
                # "Azerbaijan's Ministry of Defence": one state's organ, not every state's
                label = f"{owner.name} {text}"
                yield _Mention(type="Organization", key=org_key(label), label=label, source="owned", **base)
                return
            if described:  # the mention keeps its noun ("Kobakhidze, of the governing Georgian Dream party")
                yield _Mention(type="Organization", source="described", key=org_key(text), label=text,
                               start=full.start_char, end=full.end_char, text=full.text, token=full.root.i)
                return
            yield _Mention(type="Organization", **base)
            return
        if len(span) == 1 and span.root.dep_ in {"amod", "compound"} and span.root.head.pos_ == "NOUN" \
                and span.root.head.tag_ in {"NNS", "NN"} and not span.root.head.text[:1].isupper():
            # "regional Salafi organizations": an adjective the model took for a name.
            yield _Mention(type="Person", source="weak", **base)
            return
        yield _Mention(type="Person", **base)

    def _descriptions(self, doc: Doc, mentions: list[_Mention]) -> Iterator[_Mention]:
        """Definite descriptions of people introduced with a title: after "German Chancellor
        Olaf Scholz", "the chancellor", "the German chancellor" and "the German leader" are Scholz."""
        by_token = {m.token: m for m in mentions}
        by_title: dict[tuple[str, str], _Mention] = {}  # (country key or "", title) -> person
        leaders: dict[str, _Mention] = {}  # country key -> its leader
        for tok in tokens(doc):
            if tok.lower_ not in PERSON_TITLES_HEADS:
                continue
            mods = [c for c in tok.lefts if c.dep_ in {"amod", "compound", "poss"}]
            title = " ".join([c.lower_ for c in mods if c.i not in by_token and c.is_alpha] + [tok.lower_])
            country = next((by_token[c.i] for c in mods if c.i in by_token and by_token[c.i].type == "Country"), None)
            ckey = country.key or "" if country else ""
            person = by_token.get(tok.head.i) if tok.dep_ == "compound" else None
            if person is not None and person.type == "Person":
                by_title[(ckey, title)] = by_title[("", title)] = person
                # "the minister" after "Tajik Foreign Minister X": the title's head word alone
                # names the most recent holder too.
                by_title[("", tok.lower_)] = person
                if ckey and (title in LEADER_TITLE_PHRASES or tok.lower_ in LEADER_TITLE_PHRASES):
                    leaders[ckey] = person
                continue
            det = next((c for c in tok.children if c.dep_ == "det" and c.lower_ == "the"), None)
            if det is None or tok.dep_ == "compound" or any(c.dep_ in {"prep", "relcl", "acl"} for c in tok.rights):
                continue  # "the president of the bank": a new person, not a reference
            target = by_title.get((ckey, title)) or (leaders.get(ckey) if ckey and tok.lower_ in GENERIC_LEADERS else None)
            if target is None and not ckey and len(mods) == 0:
                target = by_title.get(("", title))
            if target is not None:
                end = tok.idx + len(tok.text)
                yield _Mention(start=det.idx, end=end, text=doc_text(doc)[det.idx:end], type="Person",
                               source=f"description:{target.start}", token=tok.i)


def propagate(doc: Doc, mentions: list[_Mention], entities: dict[str, EntityRecord],
              tokenizer) -> Iterator[_Mention]:
    """Other occurrences of a resolved name that NER did not tag: surnames of people named in
    full, and the names of organisations, states and places, when capitalised and not inside
    another mention."""
    names: dict[tuple[str, ...], dict[str, str]] = defaultdict(dict)  # form -> {key: type}
    named = []  # (start, key, label) of people named in full, for shared surnames
    for m in mentions:
        ent = entities.get(m.key or "")
        if ent is None or m.source.startswith("description"):
            continue
        forms = {m.text}
        if ent.type == "Person" and len(_name_tokens(ent.label)) >= 2:
            forms |= {_name_tokens(ent.label)[-1], _surname(ent.label)}
            if len(_name_tokens(m.text)) >= 2:
                named.append((m.start, ent.key, ent.label))
        for form in forms:
            toks = tuple(t.text for t in tokenizer(form)) if form else ()
            if toks and form[:1].isupper():
                names[toks][ent.key] = ent.type
    if not names:
        return
    people = NamedPeople(named)
    covered = [False] * len(doc)
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                covered[i] = True
    longest = max(len(k) for k in names)
    firsts = {k[0] for k in names}  # most tokens start no name: skip them at once
    words = [t.text for t in tokens(doc)]  # once: slicing the Doc in the loop made a Span per try
    i = 0
    while i < len(doc):
        if words[i] not in firsts:
            i += 1
            continue
        for n in range(min(longest, len(doc) - i), 0, -1):
            cands = names.get(tuple(words[i:i + n]))
            if not cands or any(covered[i:i + n]):
                continue
            span = doc[i:i + n]
            if n == 1 and (span[0].is_stop or span[0].pos_ not in {"PROPN", "NOUN", "ADJ"}):
                continue
            key = next(iter(cands)) if len(cands) == 1 else (
                # A surname two people share: the one named most recently before.
                short_name_target(span.text, span.start_char, people, among=frozenset(cands))
                if set(cands.values()) == {"Person"} else None)
            if key is None:
                continue
            yield _Mention(start=span.start_char, end=span.end_char, text=span.text, type=cands[key],
                           key=key, label=entities[key].label, source="propagated", token=span.root.i)
            i += n - 1
            break
        i += 1


def resolve_pronouns(doc: Doc, mentions: list[_Mention],
                     entities: dict[str, EntityRecord]) -> Iterator[tuple[int, str]]:
    """Token index -> entity key for personal pronouns (the most recent person within two
    sentences) and possessive "its" (the most recent state or organisation in the sentence or
    the one before).  Used for event arguments; pronouns are not exported as name mentions."""
    sent_of, _ = sentences(doc)
    toks = tokens(doc)
    ordered = sorted(mentions, key=lambda m: m.token)
    armed = _armed_groups(doc, mentions)
    state = dominant_state(entities)
    # (token, key, kind) of the named armies, police forces and ministries, in text order
    organs = [(m.token, m.key, kind) for m in ordered if m.key and entities.get(m.key) is not None
              and entities[m.key].type == "Organization" and (kind := _organ_kind(entities[m.key].label))]
    # (look-backs start at the token by bisection: a scan back from the end of the article for
    # every pronoun was quadratic in its length)
    ordered_at = [m.token for m in ordered]
    organs_of_kind: dict[str, tuple[list[int], list[str]]] = {}
    for at, key, kind in organs:
        organs_of_kind.setdefault(kind, ([], []))[0].append(at)
        organs_of_kind[kind][1].append(key)
    heads, inside = _org_heads(doc, mentions, entities)
    key_of = mentions_by_token(doc)  # (the span group is already on the Doc)
    for tok in tokens(doc):
        word = tok.lower_
        only: set[str] | None = None
        if tok.text in heads and tok.i not in inside and tok.tag_ in {"NNP", "NN"} and \
                [c.lower_ for c in tok.children if c.dep_ != "punct"] == ["the"]:
            # "the Bureau", "the Commission": the capitalised head of a name the article gave
            # ("the Bureau of Investigative Journalism"), when only one organisation has it.
            first, key = heads[tok.text]
            if first < tok.i and key:
                yield tok.i, key
            continue
        if word in PERSON_PRONOUNS:
            wanted, reach = {"Person"}, 2
        elif word == "its":
            wanted, reach = {"Country", "Organization"}, 1
        elif word in STATE_DESCRIPTIONS and tok.pos_ == "NOUN" and tok.tag_ == "NN" and \
                [c.lower_ for c in tok.children if c.dep_ != "punct"] == ["the"]:
            wanted, reach = {"Country"}, 2  # "the country", "the government"
        elif word in ORG_DESCRIPTIONS and tok.pos_ == "NOUN" and tok.tag_ == "NN" and \
                any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and \
                not any(c.dep_ in {"prep", "relcl", "acl", "poss", "appos"} or c.ent_type_ in NER_LABELS
                        for c in tok.subtree if c.i != tok.i):
            wanted, reach = {"Organization"}, 2  # "the 27-nation bloc", "the alliance"
        elif word in UNOWNED_ORGANS and tok.pos_ in {"NOUN", "PROPN"} and not any(
                (c.dep_ in {"amod", "compound", "poss", "nmod"} and c.lower_ not in PORTFOLIOS)
                or (c.dep_ == "prep" and c.lower_ in {"of", "from"})
                or (c.dep_ == "det" and c.lower_ != "the") for c in tok.children):
            # (a portfolio does not name the state: "the foreign ministry" is still unowned)
            # "the army said": an army the article has named ("the Malian Armed Forces (FAMa)"),
            # else, in an article about one state, its own ("Police detained him").
            at_of, key_of_organ = organs_of_kind.get(_organ_kind(word), ([], []))
            n_before = bisect_left(at_of, tok.i)
            named_organ = key_of_organ[n_before - 1] if n_before else None
            # "In Algiers, the foreign ministry condemned ...": the state of the city the sentence
            # opens with, before the article's own.
            opening = opening_city_state(tok.sent, tok.i, key_of, entities)
            if opening or named_organ or state:
                yield tok.i, opening or named_organ or state
            continue
        elif armed and tok.lemma_ in ARMED_NOUNS and tok.pos_ == "NOUN" and (
                any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or tok.tag_ == "NNS") and \
                not any(c.dep_ in {"poss", "nummod"} or (c.dep_ == "det" and c.lower_ != "the")
                        or (c.dep_ in {"amod", "compound"} and c.ent_type_) for c in tok.children):
            # (also "northern rebels": an adjective that names no other actor)
            # "the rebels" after "the M23 rebel group": the armed group the article names.
            wanted, reach, only = {"Organization", "Group"}, 3, armed
        else:
            continue
        cands = []
        for j in range(bisect_left(ordered_at, tok.i) - 1, -1, -1):
            m = ordered[j]
            if not m.key or entities.get(m.key) is None:
                continue
            if sent_of[tok.i] - sent_of[m.token] > reach:
                break
            head = toks[m.token]  # (the cached token: doc[i] makes a new Token object each time)
            if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS:
                continue  # "its" refers to an actor, not to where something happened ("in Syria")
            if entities[m.key].type in wanted and (only is None or m.key in only):
                cands.append((m, head))
        if cands:
            # Salience: a subject or possessor ("Russia's support ..., its policies") beats a
            # more recent object ("its relationship with Iran and how it conducts its politics").
            salient = [m for m, head in cands if head.dep_ in {"nsubj", "nsubjpass", "poss"}]
            yield tok.i, (salient[0] if salient and word != "he" and word != "she" else cands[0][0]).key


def opening_city_state(sent: Span, after: int, key_of: dict[int, str],
                       entities: dict[str, EntityRecord]) -> str | None:
    """The state of a city a sentence opens with as its own dateline ("In Nairobi, Defence
    Cabinet Secretary X said", "In Algiers, the foreign ministry condemned"), for a token at or
    after ``after`` that follows the comma; ``key_of`` maps tokens to entity keys."""
    if len(sent) < 4 or sent[0].lower_ != "in" or sent[0].i + 1 not in key_of:
        return None
    city = entities.get(key_of[sent[0].i + 1])
    comma = next((t for t in sent[1:6] if t.text == ","), None)
    if city is None or city.type != "Place" or comma is None or comma.i > after:
        return None
    return city.located_in if city.located_in in entities else None


def _org_heads(doc: Doc, mentions: list[_Mention],
               entities: dict[str, EntityRecord]) -> tuple[dict[str, tuple[int, str]], set[int]]:
    """Head word of each organisation's name ("Bureau" of "the Bureau of Investigative
    Journalism", "Commission" of "the European Commission") -> (first token, key); a head that
    two organisations share maps to no key.  Also the tokens inside mentions."""
    out: dict[str, tuple[int, str]] = {}
    inside = set()
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            inside.update(range(span.start, span.end))
    for m in mentions:
        ent = entities.get(m.key or "")
        if ent is None or ent.type != "Organization" or (head := _name_head(ent.label)) is None:
            continue
        if head in out and out[head][1] not in {m.key, ""}:
            out[head] = (out[head][0], "")  # two organisations with this head: not a reference
        elif head not in out:
            out[head] = (m.token, m.key)
    # A head inside a mention is part of a name there, not a reference.
    return out, inside


def _generic_organ(name: str) -> bool:
    """Whether an organisation's name is one every state has ("Defence Ministry", "Ministry of
    Foreign Affairs", "National Police"), so that it names nothing without its state."""
    words = {w for w in _LEADING_THE.sub("", name).lower().split() if w not in {"of", "and", "the"}}
    return bool(words) and words <= GENERIC_ORGAN_WORDS and bool(words & {"ministry", "department", "forces",
                                                                           "army", "navy", "police", "guard",
                                                                           "council", "service", "office"})


def _own_generic_organs(mentions: list[_Mention]) -> None:
    """'The Defence Ministry' after "Azerbaijan's Ministry of Defence": the same state's organ,
    when the article names that organ of one state only."""
    owned: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for m in mentions:
        if m.source == "owned" and m.key and m.label:
            owned[org_key(_strip_possessive(m.text))].add((m.key, m.label))
    for m in mentions:
        if m.type == "Organization" and not m.key and m.source == "ner" and _generic_organ(m.text):
            found = owned.get(org_key(_strip_possessive(_LEADING_THE.sub("", m.text))), set())
            if len(found) == 1:
                m.key, m.label = next(iter(found))


def _organ_kind(name: str) -> str | None:
    """'army' for "the army", "Malian Armed Forces", "Defence Forces"; 'police' for police
    forces; None otherwise."""
    words = name.lower().split()
    if not words:
        return None
    if words[-1] in {"army", "military", "forces", "troops", "soldiers"} or "armed forces" in name.lower():
        return "army"
    if words[-1] in {"police", "policemen", "officers", "gendarmerie"} or "police" in words:
        return "police"
    if "ministry" in words:
        return "ministry"
    return None


def dominant_state(entities: dict[str, EntityRecord]) -> str | None:
    """The state an article is about: at least two mentions (its places' included) and twice as
    many as any other state."""
    votes: dict[str, int] = {}
    for k, e in entities.items():
        owner = k if e.type == "Country" else e.located_in if e.type == "Place" else None
        if owner and owner in entities:
            votes[owner] = votes.get(owner, 0) + len(e.mentions)  # its cities count for it
    counts = sorted(((n, k) for k, n in votes.items()), reverse=True)
    if counts and counts[0][0] >= 2 and (len(counts) == 1 or counts[0][0] >= 2 * counts[1][0]):
        return counts[0][1]
    return None


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


def _armed_groups(doc: Doc, mentions: list[_Mention]) -> set[str]:
    """Organisations the article names as armed groups: "M23 rebels", "the M23 rebel group",
    "al-Shabaab militants"."""
    out = set()
    for m in mentions:
        if m.type in {"Organization", "Group"} and m.key:
            tok = tokens(doc)[m.token]
            near = [tok.head, *tok.children, *(tok.head.children if tok.dep_ == "compound" else ())]
            if tok.dep_ == "pobj" and tok.head.lower_ == "of":
                near.append(tok.head.head)  # "fighters of the Azawad Liberation Front"
            if any(t.lemma_.lower() in ARMED_NOUNS for t in near if t.i != tok.i):
                out.add(m.key)
    return out


def _after_stance_prefix(doc: Doc, start: int) -> bool:
    """'pro-Beijing', 'anti-American': the name is part of a stance adjective, not a reference."""
    head = doc_text(doc)[max(0, start - 6):start].lower()
    return any(head.endswith(p.rstrip("-") + "-") for p in STANCE_PREFIXES)


def _repair_boundary(span: Span, label: str) -> Span:
    """Cut-short names: a person's name goes on to the untagged proper noun it compounds into
    ("Fatima" + "Tlisova"), a place's to the street word after it ("Victor Hugo street")."""
    doc, end = span.doc, span.end
    if label == "PERSON":
        # (The next word may carry a stray numeric tag: "Tlisova" as CARDINAL.)
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].ent_type_ not in NER_LABELS \
                and doc[end].text[:1].isupper() and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end:
            end += 1
    elif label in {"FAC", "GPE", "LOC", "ORG"} and end < len(doc) and doc[end].lower_ in STREET_WORDS \
            and not doc[end].ent_type_:
        end += 1
    return span if end == span.end else doc[span.start:end]


def _trim(ent: Span) -> Span | None:
    """Drop a leading determiner or honorific, a trailing possessive or punctuation, and a
    caption label glued to the name ("Washington D.C. Image: ...")."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while end > start and doc[end - 1].text in CAPTION_WORDS and end < len(doc) and doc[end].text == ":":
        end -= 1
    if start < end and doc[start].lower_ in STANCE_PREFIXES:
        return None  # "pro-Beijing": a stance, not a reference
    if start > 0 and doc[start - 1].lower_ in STANCE_PREFIXES and doc[start - 1].whitespace_ == "":
        return None
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or
                           (ent.label_ == "PERSON" and doc[start].lower_ in HONORIFICS and end - start > 1)):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct
                           or doc[end - 1].text in {"'s", "’s", "'", "’"}
                           or doc[end - 1].pos_ in {"ADP", "DET", "CCONJ"}):  # "Office of the"
        end -= 1
    if end - start == 1 and ent.label_ == "ORG" and start >= 2 and doc[start - 1].lower_ == "of" \
            and doc[start - 2].lower_ in TITLE_WORDS_BEFORE_OF:
        return None  # "Secretary of State", "Minister of Defence": part of a person's title
    if doc[start].lower_ in PORTFOLIOS and end < len(doc) and doc[end].lower_ in PORTFOLIO_HOLDERS \
            and all(t.lower_ in PORTFOLIOS | {"cabinet", "affairs", "state", "and"} for t in doc[start:end]):
        # "Deputy Defence Minister X", "Defence Cabinet Secretary X", "Foreign Affairs Minister
        # X": part of a person's title, not an organisation
        return None
    if start >= end:
        return None
    return doc[start:end]


def headline_lines(doc: Doc) -> list[tuple[int, int]]:
    """Cached :func:`_find_headline_lines`."""
    cached = doc.user_data.get("ng_headlines")
    if cached is None:
        cached = doc.user_data["ng_headlines"] = _find_headline_lines(doc_text(doc))
    return cached


def in_headline(doc: Doc, start: int, end: int | None = None) -> bool:
    """Whether characters ``start``..``end`` lie within a headline line of the Doc."""
    end = start + 1 if end is None else end
    lines = headline_lines(doc)
    starts = doc.user_data.get("ng_headline_starts")
    if starts is None or len(starts) != len(lines):
        starts = doc.user_data["ng_headline_starts"] = [a for a, _ in lines]
    # Lines never overlap: only the last one starting at or before ``start`` can hold it (a
    # bisection, not a scan: a long document can have thousands of subheads and captions).
    i = bisect_right(starts, start) - 1
    return i >= 0 and end <= lines[i][1]


def _find_headline_lines(doc_string: str) -> list[tuple[int, int]]:
    """Character ranges of Title-Case lines (headlines, subheads), where the model's NER is
    unreliable: most words capitalised and no sentence-final stop."""
    out, pos = [], 0
    for line in doc_string.split("\n"):
        words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line)]
        long_words = [w for w in words if len(w) > 3]
        if len(words) >= 3 and not line.rstrip().endswith((".", "?", "!", "\"", "”")) and long_words and \
                sum(w[0].isupper() for w in long_words) >= 0.7 * len(long_words):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _confirm_headline_mentions(doc: Doc, mentions: list[_Mention]) -> Iterator[_Mention]:
    """Check headline mentions against the body, where capitals mean something: cut one back to
    the longest part the body names ("Erdogan and Putin Agree" -> "Putin", "Minister Visits
    Bangladesh" -> "Bangladesh"); drop one the body writes in lower case ("Protests Spread",
    "Flood Aid"): Title Case makes names of common words."""
    lines = headline_lines(doc)
    if not lines:
        yield from mentions
        return
    body_names = {m.text for m in mentions if not in_headline(doc, m.start, m.end)}
    body_words = {w for name in body_names for w in name.split()}
    lower_words = {t.text for t in tokens(doc) if t.text.islower() and not in_headline(doc, t.idx)}
    for m in mentions:
        if not in_headline(doc, m.start, m.end) or m.text in body_names or m.source != "ner":
            yield m
            continue
        words = m.text.split()
        best = None
        for n in range(len(words) - 1, 0, -1):  # the longest part the body knows
            for i in range(0, len(words) - n + 1):
                part = " ".join(words[i:i + n])
                if part in body_names or (n == 1 and part in body_words):
                    best = (i, part)
                    break
            if best:
                break
        if best is not None:
            start = m.start + len(" ".join(words[:best[0]])) + (1 if best[0] else 0)
            yield _Mention(start=start, end=start + len(best[1]), text=best[1], type=m.type,
                           key=m.key, label=m.label, source=m.source, token=m.token)
        elif not any(w.lower() in lower_words for w in words):
            yield m  # a caption's or headline's own name: nothing contradicts it


def _nested_places(doc: Doc, mentions: list[_Mention]) -> Iterator[_Mention]:
    """Places named inside a longer name: "Comic Corps of Canada", "University of Texas",
    "the U.S. embassy" also mention Canada, Texas and the United States."""
    index = _MentionIndex(mentions)
    for m in list(mentions):
        if m.type not in {"Organization", "Place", "Group"} or " " not in m.text:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        for n in (3, 2, 1):
            for i in range(span.start, span.end - n + 1):
                sub = doc[i:i + n]
                if len(sub) == len(span) or not sub.text[:1].isupper() or sub[0].is_stop \
                        or i == span.start or doc[i - 1].lower_ not in {"of", "for", "in"}:
                    continue  # only "X of Canada", "University of Texas": the place is named as such
                country = gazetteer.country_by_name(sub.text)
                place = None if country else gazetteer.place_by_name(sub.text)
                if country is None and (place is None or place.kind not in {"city", "us_state", "region"}
                                        or place.population < 100_000 and place.kind == "city"):
                    continue
                if any(x is not m for x in index.covering(sub.start_char, sub.end_char)):
                    continue  # already named by a mention of its own
                yield _Mention(start=sub.start_char, end=sub.end_char, text=sub.text,
                               type="Country" if country else "Place",
                               key=slug(country.name) if country else None,
                               label=country.name if country else None, source="nested", token=sub.root.i)
                break
            else:
                continue
            break


def _named_places(doc: Doc, mentions: list[_Mention]) -> Iterator[_Mention]:
    """Names a place noun says are places: "the Zaatari camp", "Azerbaijan's Gazakh district",
    "the town of Afgooye".  A person's or organisation's tag on the name gives way; an untagged
    name becomes a mention.  (The mention is the name: news corpora disagree on whether the
    noun belongs to it.)"""
    by_span = {(m.start, m.end): m for m in mentions}
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for tok in tokens(doc):
        if tok.lower_ not in PLACE_NOUNS or not tok.text.islower():
            continue
        if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of" and tok.tag_ == "NN":
            j = k = tok.i + 2  # "the town of Afgooye"
            while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() and k - j < 3:
                k += 1
            if k > j and (k == len(doc) or doc[k].pos_ != "NOUN"):
                name = doc[j:k]
                old = by_span.get((name.start_char, name.end_char))
                if old is not None and old.type in {"Person", "Organization", "Group"} and old.source in {"ner", "weak"}:
                    old.type, old.source = "Place", "place_noun"
                elif old is None and name.start_char not in covered:
                    yield _Mention(start=name.start_char, end=name.end_char, text=name.text, type="Place",
                                   source="place_noun", token=name.root.i)
            continue
        j = tok.i  # "the Zaatari camp"
        while j > 0 and doc[j - 1].pos_ == "PROPN" and doc[j - 1].text[:1].isupper() and tok.i - j < 3 \
                and doc[j - 1].ent_type_ != "DATE" and not gazetteer.country_by_demonym(doc[j - 1].text):
            j -= 1
        if j == tok.i or doc[j].is_sent_start and j == tok.i - 1 and doc[j].ent_type_ == "":
            continue
        name = doc[j:tok.i]
        if gazetteer.country_by_name(name.text) or gazetteer.country_by_demonym(name.text):
            continue  # "the Syria border"
        old = by_span.get((name.start_char, name.end_char))
        if old is not None and old.type in {"Person", "Organization"} and old.source in {"ner", "weak"}:
            # (a "weak" person: the model's name tag on a noun's modifier, here a place's name)
            old.type, old.source = "Place", "place_noun"
        elif old is None and name.start_char not in covered:
            yield _Mention(start=name.start_char, end=name.end_char, text=name.text, type="Place",
                           source="place_noun", token=name.root.i)


def _affiliations(doc: Doc, mentions: list[_Mention]) -> Iterator[_Mention]:
    """'Frederick Fung of ADPL', 'Nathan Law of Demosisto': a capitalised name right after a
    person's "of" that the model left untagged is the party or body the person belongs to (a
    known place is where they come from instead); an unknown acronym the model took for a place
    there is that party too."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    index = _MentionIndex(mentions)
    for m in mentions:
        if m.type != "Person" or m.source not in {"ner", "titled"}:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.end + 1 >= len(doc) or doc[span.end].lower_ != "of":
            continue
        i = span.end + 1 + (doc[span.end + 1].lower_ == "the")
        tagged = index.first_at(doc[i].idx) if i < len(doc) else None
        if tagged is not None:
            if tagged.type == "Place" and tagged.source == "ner" and tagged.text.isupper() \
                    and gazetteer.place_by_name(tagged.text) is None:
                tagged.type = "Organization"  # "Tarik Osmani of BDPK" tagged GPE: no place is spelled so
            continue
        j = i
        while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and doc[j].idx not in covered:
            j += 1
        if j == i or j - i > 5 or (j < len(doc) and doc[j].pos_ in {"NOUN", "PROPN"}) or in_headline(doc, i):
            continue  # nothing; too long to be one name; "of the Social Welfare constituency"
        name = doc[i:j]
        if gazetteer.country_by_name(name.text) or gazetteer.place_by_name(name.text) \
                or gazetteer.country_by_demonym(name.text):
            continue
        yield _Mention(start=name.start_char, end=name.end_char, text=name.text, type="Organization",
                       source="affiliation", token=name.root.i)


def _untagged_countries(doc: Doc) -> Iterator[_Mention]:
    """State names the model left untagged ("Nigeria backed ..."): proper nouns outside any
    entity that the gazetteer knows as a country."""
    toks = tokens(doc)
    i = 0
    while i < len(toks):
        tok = toks[i]
        if not tok.ent_type_ and tok.pos_ in {"ADJ", "PROPN"} and tok.text[:1].isupper() \
                and (country := gazetteer.country_by_demonym(tok.text)) is not None:
            # An untagged demonym ("Ugandan security forces").
            yield _Mention(start=tok.idx, end=tok.idx + len(tok.text), text=tok.text, type="Country",
                           key=slug(country.name), label=country.name, source="demonym", token=tok.i)
            i += 1
            continue
        if tok.ent_type_ or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            i += 1
            continue
        for n in (3, 2, 1):
            span = doc[i:i + n]
            if len(span) == n and all(t.pos_ == "PROPN" and not t.ent_type_ for t in span):
                country = gazetteer.country_by_name(span.text)
                if country is not None:
                    yield _Mention(start=span.start_char, end=span.end_char, text=span.text, type="Country",
                                   key=slug(country.name), label=country.name, source="gazetteer",
                                   token=span.root.i)
                    i += n - 1
                    break
        i += 1


def _untagged_country_pairs(doc: Doc) -> Iterator[_Mention]:
    """'U.S.-China talks' as one untagged token: a mention of each state."""
    for tok in tokens(doc):
        if not tok.ent_type_ and ("-" in tok.text or "–" in tok.text) and tok.text[:1].isupper():
            parts = gazetteer.split_hyphenated(tok.text)
            if parts:
                yield from _split_mentions(doc[tok.i:tok.i + 1], parts)


def _state_owner(span: Span):
    """The state whose name or demonym possesses or modifies the span ("Iran's ...", "the
    Russian ..."), or None."""
    doc = span.doc
    mods = [c for c in span.root.children if c.dep_ in {"poss", "amod", "compound", "nmod"} and c.i < span.start]
    if span.start > 0:
        mods.append(doc[span.start - 1] if doc[span.start - 1].tag_ != "POS" else doc[max(0, span.start - 2)])
    return next((c for m in mods if (c := gazetteer.country_by_name(m.text) or gazetteer.country_by_demonym(m.text))),
                None)


def _locative(span: Span) -> bool:
    """Whether the span is the object of a locative preposition ("in Goma", "from Dakar")."""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "in Paris and Lyon"
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS - {"of", "to"}


def _titled(span: Span) -> bool:
    """Whether a person's title stands right before the name ("President", "Foreign Minister")."""
    prev = span.doc[span.start - 1] if span.start > 0 else None
    return prev is not None and prev.lower_ in PERSON_TITLES_HEADS | HONORIFICS - {"state", "said", "former",
                                                                                "foreign", "defense", "defence"} \
        and prev.head.i in range(span.start, span.end)


def _group_phrase(span: Span) -> Span | None:
    """'Central Asian migrants': a non-state NORP that modifies a plural noun names a group."""
    head = span.root.head
    if span.root.dep_ in {"amod", "compound"} and head.tag_ == "NNS" and head.i > span.end - 1 \
            and head.lemma_.lower() in GROUP_NOUNS:
        return span.doc[span.start:head.i + 1]
    if span.root.tag_ in {"NNPS", "NNS"} or span.text.endswith("s"):
        return span  # "Shiites", "Kurds": the NORP itself is the group
    return None


def _national_group(span: Span, country: "gazetteer.Country") -> Iterator[_Mention]:
    """'Syrian rebels', 'Afghan women', 'the Afghan team': a state's demonym on a noun for people
    who do not stand for the state is a group of its own (CAMEO codes them SYRREB, AFGCVL, not
    SYR or AFG), besides the mention of the state.  Organs ("Russian troops", "Thai officials")
    stay the state's; a singular person ("an Afghan woman") is not a group."""
    root = span.root
    if root.dep_ not in {"amod", "compound", "nmod"} or len(span) != 1:
        return
    head = root.head
    lemma = head.lemma_.lower()
    if head.i <= root.i or head.pos_ != "NOUN" or head.text[:1].isupper() and head.i > 0 and not head.is_sent_start \
            and lemma not in NATIONAL_COLLECTIVES:
        return  # "Afghan Girls" (a name), "Russian Navy": not a description of people
    if not (lemma in NATIONAL_COLLECTIVES or lemma in NATIONAL_GROUP_NOUNS and head.tag_ == "NNS"):
        return
    if gazetteer.country_by_name(span.text) is not None:
        return  # "Iran team": a state's name, not its demonym, modifies the noun
    doc = span.doc
    end = head.idx + len(head.text)
    # One node per state and noun, whatever else qualifies it ("Australian school children").
    yield _Mention(start=span.start_char, end=end, text=doc_text(doc)[span.start_char:end], type="Group",
                   key=slug(f"{country.name} {lemma}"), label=f"{span.text} {head.text.lower()}", source="group",
                   token=head.i)


def _split_parenthetical(resolver: "EntityResolver", doc: Doc, ent: Span, span: Span) -> Iterator[_Mention]:
    """The name before " (" and the short form inside the brackets, as one entity."""
    cut = next((t.i for t in span if t.text == "("), None)
    if cut is None or cut == span.start:
        return
    head = doc[span.start:cut]
    inner_end = next((t.i for t in doc[cut + 1:min(len(doc), cut + 8)] if t.text == ")"), None)
    inner = doc[cut + 1:inner_end] if inner_end else doc[cut + 1:span.end]
    yield from resolver._typed_mentions(doc, Span(doc, head.start, head.end, label=ent.label_))
    if len(inner) and inner.text.replace(".", "").isupper():
        for m in resolver._typed_mentions(doc, Span(doc, inner.start, inner.end, label=ent.label_)):
            m.source = f"parenthetical:{head.start_char}"
            yield m


def _bracketed_short_forms(doc: Doc, mentions: list[_Mention]) -> Iterator[_Mention]:
    """"the State Committee for National Security (GKNB)": a short form in brackets right after
    a name is that name, when the model tagged the two apart (or left the short form
    untagged, which then becomes a mention here).  A short form the alias table knows keeps
    its canonical entity and takes the long name with it."""
    text = doc_text(doc)
    by_start = {m.start: m for m in mentions}
    outermost: dict[int, _Mention] = {}  # end offset -> the longest mention ending there
    for m in mentions:
        if m.end not in outermost or m.start < outermost[m.end].start:
            outermost[m.end] = m
    for m in list(outermost.values()):
        if m.type == "Person" or m.source.startswith("parenthetical:"):
            continue
        open_at = text.find("(", m.end, m.end + 3)
        if m.type in {"Country", "Place"} and open_at >= 0 and not text[m.end:open_at].strip():
            # "the EU Mission in Armenia (EUMA)": the place ends the organisation's name, and
            # the short form is the organisation's, not the place's.
            org = _name_before_place(doc, m, by_start)
            if org is not None:
                if org.start not in by_start:
                    by_start[org.start] = org
                    yield org
                m = org
        if open_at < 0 or text[m.end:open_at].strip():
            continue
        close_at = text.find(")", open_at, open_at + 14)
        short = text[open_at + 1:close_at].strip() if close_at > 0 else ""
        letters = short.replace(".", "").replace("-", "")
        if not (2 <= len(letters) <= 10 and letters.isalnum() and sum(c.isupper() for c in letters) >= 2):
            continue
        if m.type in {"Country", "Place"}:
            # "the UN Regional Office for ... West Africa (UNRODWA)": an acronym spelling more
            # than the place is a longer name's (see _defined_acronyms); "(DRC)" is the place's.
            long = _long_form_before(letters, text, m.end)
            if long is not None and len(long) > len(m.text) + 1:
                continue
        start = text.index(short, open_at)
        inner = by_start.get(start)
        if inner is None:
            span = doc.char_span(start, start + len(short))
            if span is None:
                continue
            yield _Mention(start=start, end=start + len(short), text=short, type=m.type,
                           source=f"parenthetical:{m.start}", token=span.root.i)
        elif inner.key and inner.source == "alias" and not m.key:
            m.source = f"parenthetical:{inner.start}"  # the alias table's entity wins
        elif not inner.key:
            inner.type, inner.source = m.type, f"parenthetical:{m.start}"


def _defined_acronyms(doc: Doc, mentions: list[_Mention]) -> Iterator[_Mention]:
    """'the UN Regional Centre for Preventive Diplomacy for Central Asia (UNRCCA)': an acronym
    defined in brackets after a long form the model did not tag as one name.  The long form is
    found as Schwartz and Hearst (2003) do: the shortest run of words before the bracket whose
    letters spell the acronym in order, its first letter starting a word.  Both become one
    organisation."""
    text = doc_text(doc)
    linked = {m.start for m in mentions if m.source.startswith("parenthetical:") or m.source == "alias"}
    ends = {m.end: m for m in mentions}
    index = _MentionIndex(mentions)
    by_text: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        by_text[m.text].append(m)
    for match in re.finditer(r"\(([A-Z][A-Za-z.&-]{1,11})\)", text):
        short, open_at = match.group(1), match.start()
        letters = short.replace(".", "").replace("-", "").replace("&", "")
        if sum(c.isupper() for c in letters) < 2 or match.start(1) in linked:
            continue
        end = max(0, open_at - 200) + len(text[max(0, open_at - 200):open_at].rstrip())
        prev = ends.get(end)
        if prev is not None and prev.type in {"Organization", "Person"}:
            continue  # a name the model tagged whole: _bracketed_short_forms links it
        long = _long_form_before(letters, text, end)
        if long is None:
            continue
        long_words = long.split()
        if not (2 <= len(long_words) and all(w[:1].isupper() or w in {"of", "for", "and", "on", "in", "the", "de"}
                                              for w in long_words) and long_words[0][:1].isupper()):
            continue
        start = end - len(long)
        span = doc.char_span(start, start + len(long))
        inner = doc.char_span(match.start(1), match.end(1))
        if span is None or inner is None or any(m.type == "Person" for m in index.starting_in(start, start + len(long))):
            continue
        label = long
        key = org_key(label)
        yield _Mention(start=start, end=start + len(long), text=long, type="Organization", key=key, label=label,
                       source="acronym_defined", token=span.root.i)
        short_mention = index.first_at(match.start(1))
        for m in by_text.get(short, ()):  # the acronym here and wherever else the article uses it
            if m is short_mention or not m.key:
                m.type, m.key, m.label, m.source = "Organization", key, label, "acronym_defined"
        if short_mention is None:
            yield _Mention(start=match.start(1), end=match.end(1), text=short, type="Organization", key=key,
                           label=label, source="acronym_defined", token=inner.root.i)


def _long_form_before(letters: str, text: str, end: int) -> str | None:
    """The long form of an acronym ending at ``end`` of ``text``: looked for, as Schwartz and
    Hearst advise, in at most min(|A| + 5, 2|A|) words before it."""
    words = text[max(0, end - 200):end].split()[-min(len(letters) + 5, 2 * len(letters)):]
    return _long_form(letters, " ".join(words))


def _long_form(short: str, candidate: str) -> str | None:
    """Schwartz and Hearst's best long form of ``short`` ending ``candidate``, or None."""
    s, lf = len(short) - 1, len(candidate) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while lf >= 0 and (candidate[lf].lower() != c or (s == 0 and lf > 0 and candidate[lf - 1].isalnum())):
            lf -= 1
        if lf < 0:
            return None
        lf -= 1
        s -= 1
    return candidate[candidate.rfind(" ", 0, lf + 1) + 1:]


def _name_before_place(doc: Doc, place: _Mention, by_start: dict[int, _Mention]) -> _Mention | None:
    """The mention of "the African Union Support and Stabilization Mission in Somalia", grown
    from the mention its name starts with (or its first word) to the place that ends it."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or span.start < 3 or doc[span.start - 1].lower_ not in {"in", "for", "to", "of"}:
        return None
    head = doc[span.start - 2]
    if not (head.text.istitle() and head.lower_ in ORG_NAME_WORDS | {"mission", "operation", "programme",
                                                                    "program", "force", "observers"}):
        return None
    i = span.start - 2
    while i > 0 and (doc[i - 1].text[:1].isupper() or doc[i - 1].lower_ in {"and", "for", "of"}) \
            and not doc[i - 1].is_sent_start and doc[i - 1].lower_ != "the":
        i -= 1
    while doc[i].lower_ in {"and", "for", "of"}:
        i += 1
    if i >= span.start - 2:
        return None  # one word ("Mission in Mali") names nothing
    start = doc[i].idx
    org = by_start.get(start) or _Mention(start=start, end=place.end, text="", type="Organization",
                                          token=head.i)
    if org.type == "Person":
        return None
    org.end, org.text, org.type, org.key, org.label, org.source = (
        place.end, doc_text(doc)[start:place.end], "Organization", None, None, "ner")
    org.token = head.i
    return org


def _split_slash(span: Span, label: str) -> Iterator[_Mention]:
    kind = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place",
            "FAC": "Place", "NORP": "Group"}[label]
    pos = 0
    for part in span.text.split("/"):
        stripped = part.strip()
        if stripped and stripped[0].isupper():
            start = span.start_char + pos + part.index(stripped)
            yield _Mention(start=start, end=start + len(stripped), text=stripped, type=kind, token=span.root.i)
        pos += len(part) + 1


def _acts(span: Span) -> bool:
    """Whether a capital stands for its government here rather than for the city."""
    root = span.root
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "the juntas in Bamako and Ouagadougou": like the first conjunct
    if first.dep_ == "pobj" and first.head.lower_ == "in" and (
            first.head.head.lemma_.lower() in RULERS or first.head.i > 0
            and span.doc[first.head.i - 1].lemma_.lower() in RULERS):
        # "the juntas in Bamako", "officials in Washington": the government there (also when
        # the parser hangs "in Bamako" on the verb: "accused the junta in Bamako of ...")
        return True
    if first.dep_ == "pobj" and first.head.lower_ == "from" and first.head.head.lemma_.lower() in MESSAGES:
        return True  # "a statement from Addis Ababa": the government speaks
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS:
        return False
    if root.dep_ in {"compound", "amod", "nmod"}:
        return False  # "the Moscow metro"
    if root.dep_ == "appos" and root.head.lemma_.lower() in {"capital", "city", "town", "seat"}:
        return False  # "the nation's capital, Wellington": the city named as such
    if root.dep_ == "conj":  # "Washington and Moscow face": like the first conjunct
        first = root
        while first.dep_ == "conj":
            first = first.head
        return first.dep_ in ACTING_DEPS and first.dep_ != "conj"
    return root.dep_ in ACTING_DEPS


def _split_mentions(span: Span, countries: tuple) -> Iterator[_Mention]:
    text, offset = span.text, span.start_char
    pos = 0
    for country in countries:
        # Each part is the stretch up to the next hyphen or dash.
        m = re.compile(r"[^-–]+(?:\.[^-–]*)?").search(text, pos)
        if m is None:
            return
        part = m.group(0)
        yield _Mention(start=offset + m.start(), end=offset + m.end(), text=part, type="Country",
                       key=slug(country.name), label=country.name, source="hyphen", token=span.root.i)
        pos = m.end() + 1


def _country_key(label: str) -> str:
    country = gazetteer.country_by_name(label)
    return slug(country.name) if country else slug(label)


def _country_label(label: str) -> str:
    country = gazetteer.country_by_name(label)
    return country.name if country else label


# -- resolution -----------------------------------------------------------------------------
def resolve(mentions: list[_Mention], label_iris: dict[str, str] | None = None) -> dict[str, EntityRecord]:
    """Cluster typed mentions of one article; fills ``m.key`` in place, returns the entities."""
    label_iris = label_iris or {}
    _people_tagged_as_bodies(mentions)
    _own_generic_organs(mentions)
    persons = [m for m in mentions if m.type == "Person" and not m.key
               and not m.source.startswith(("description", "alias_of"))]
    named = _resolve_people(persons)
    # The small model often tags a lone surname or first name ORG or GPE ("Haley", "Trump",
    # "Tamerlan"): when it fits a person named in full in the article, it is that person.
    labels = {k: lab for _, k, lab in named}
    people = NamedPeople(named)
    for m in mentions:
        if m.type != "Person" and not m.key and m.source == "ner" and len(_name_tokens(m.text)) == 1:
            key = short_name_target(_name_tokens(m.text)[0], m.start, people)
            if key is not None:
                m.type, m.key, m.label = "Person", key, labels[key]
    # A weak person (an adjective the model took for a name) that joined no cluster is dropped.
    mentions[:] = [m for m in mentions if not (m.source == "weak" and not m.key)]
    orgs = [m for m in mentions if m.type in {"Organization", "Group"} and not m.key]
    _resolve_acronyms(orgs, [m for m in mentions if m.type == "Organization" and m.key])
    # A short form introduced in brackets refers to the same entity everywhere in the article.
    short_forms = {m.text: m.source for m in mentions if m.source.startswith("parenthetical:")}
    for m in mentions:
        if not m.key and m.text in short_forms and m.source == "ner":
            m.source = short_forms[m.text]
    _head_references(mentions)
    at_start: dict[int, list[_Mention]] = defaultdict(list)  # (read as keys are given below)
    for m in mentions:
        at_start[m.start].append(m)
    for m in mentions:
        if m.source.startswith(("description:", "parenthetical:", "alias_of:", "head_of:")):
            start = int(m.source.split(":", 1)[1])
            target = next((x for x in at_start.get(start, ()) if x.key), None)
            if target is not None:
                m.key, m.label, m.type = target.key, target.label, target.type
        if not m.key:
            m.key = org_key(_strip_possessive(m.text)) if m.type == "Organization" else slug(_strip_possessive(m.text))
            m.label = m.label or _strip_possessive(m.text)
    # Another occurrence of a "known as" name belongs to the same person.
    aka = {m.text: m.key for m in mentions if m.source.startswith("alias_of:") and m.key}
    if aka:
        # (positions of the mentions of each key, kept up to date as keys change, instead of a
        # scan of every mention for each one of the name)
        of_key: dict[str | None, list[int]] = defaultdict(list)
        for i, m in enumerate(mentions):
            of_key[m.key].append(i)
        for i, m in enumerate(mentions):
            if m.text in aka and m.type == "Person":
                key = aka[m.text]
                label = next(mentions[j].label for j in of_key[key] if mentions[j].label)
                if m.key != key:
                    was = of_key[m.key]
                    del was[bisect_left(was, i)]
                    insort(of_key[key], i)
                m.key, m.label = key, label
    _shared_surnames(mentions)
    # Type of a cluster: consensus of its mentions, gazetteer/alias decisions count double.
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        votes[m.key][m.type] += 2 if m.source in {"alias", "gazetteer", "demonym", "capital", "seat", "hyphen",
                                               "described"} else 1
    entities: dict[str, EntityRecord] = {}
    grouped: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        grouped[m.key].append(m)
    for key, ms in grouped.items():
        etype = max(votes[key], key=lambda t: (votes[key][t], t == "Person", t))
        labels = Counter(m.label for m in ms if m.label)
        label = max(labels, key=lambda lab: (len(lab.split()), labels[lab], lab)) if labels else ms[0].text
        names = tuple(sorted({m.text for m in ms if not m.source.startswith("description")} - {label}))
        record = EntityRecord(key=key, type=etype, label=label,
                              mentions=tuple(TextSpan(m.start, m.end, m.text) for m in ms), names=names)
        entities[key] = _with_background(record, label_iris)
    return entities


def _np_extent(doc: Doc, mention: TextSpan, org_ends: dict[int, int], org_starts: dict[int, int],
               person: bool) -> TextSpan:
    """A name's mention spans its noun phrase: its article ("the Democratic Party", "the U.S.",
    not the "the" of a phrase the name only modifies, "the Russian president") and, for a
    person, a party or employer after "of"/"from" ("Claudia Mo of the Civic Party").  The name
    itself stays the entity's label; this is the extent of the evidence."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return mention
    start, end = mention.start, mention.end
    if span.start > 0:
        det = doc[span.start - 1]
        if det.lower_ == "the" and det.dep_ == "det" and span.start <= det.head.i < span.end:
            start = det.idx
    if person and span.end < len(doc) - 1:
        prep = doc[span.end]
        # "of" by adjacency (the parser often hangs it elsewhere in lists of names), "from"
        # only when it modifies the name ("poached Ito from Sony" is not Ito's affiliation).
        if prep.lower_ == "of" or prep.lower_ == "from" and span.start <= prep.head.i < span.end:
            nxt = span.end + 1 + (span.end + 1 < len(doc) and doc[span.end + 1].lower_ == "the")
            org_end = next((org_ends[i] for i in range(nxt, min(nxt + 8, len(doc))) if i in org_ends), None)
            after = next((t for t in doc[nxt:] if t.idx >= org_end), None) if org_end is not None else None
            # The organisation must end the phrase: not "of VOA's Russian service".
            if org_end is not None and org_starts.get(org_end) == nxt and (
                    after is None or (after.tag_ != "POS" and after.pos_ not in {"NOUN", "PROPN"})):
                end = org_end
    if (start, end) == (mention.start, mention.end):
        return mention
    return TextSpan(start, end, doc_text(doc)[start:end])


def _strip_possessive(text: str) -> str:
    return _TRAILING_POSSESSIVE.sub("", text).strip()


def _name_tokens(text: str) -> list[str]:
    return list(_split_name(text))


@lru_cache(maxsize=65536)
def _split_name(text: str) -> tuple[str, ...]:
    # Name resolution compares the same few names thousands of times per article.
    return tuple(t for t in re.split(r"\s+", _strip_possessive(text)) if t)


def _without_common_words(doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
    """Drop a one-word 'person' that the article also writes in lower case ("Murder", "Conspiracy"
    in a headline) and that is no part of a person's full name there."""
    lower = {t.text for t in tokens(doc) if t.text.islower() and t.is_alpha}
    in_names = {w for m in mentions if m.type == "Person" and " " in m.text for w in m.text.split()}
    return [m for m in mentions if not (m.type == "Person" and m.source == "ner" and " " not in m.text
                                        and m.text.lower() in lower and m.text not in in_names)]


def _dateline_city(doc: Doc, mentions: list[_Mention]) -> None:
    """'MUSCAT, July 10, 2026 (Agency) –': the dateline names where the story was filed, a place,
    never the government a capital elsewhere stands for."""
    span = dateline_place_span(doc_text(doc))
    for m in mentions if span else ():
        if span[0] <= m.start and m.end <= span[1] and m.type in {"Country", "Person", "Organization"} \
                and gazetteer.country_by_name(m.text) is None:
            m.type, m.key, m.source = "Place", None, "ner"
            m.label = m.text.title() if m.text.isupper() else m.text


def _shared_short_names(mentions: list[_Mention]) -> None:
    """'Congo' is the Democratic Republic, except in an article that names only the Republic of
    the Congo in full."""
    named = {m.label for m in mentions if m.type == "Country" and m.label and m.text not in gazetteer.SHARED_NAME_OTHERS}
    for m in mentions:
        if m.type == "Country" and m.text in gazetteer.SHARED_NAME_OTHERS:
            other = gazetteer.shared_name_bearer(m.text, named)
            if other is not None:
                m.key, m.label = slug(other.name), other.name


def _people_tagged_as_bodies(mentions: list[_Mention]) -> None:
    """'the billionaire Bidzina Ivanishvili' tagged ORG, then 'Ivanishvili' tagged PERSON: a
    short name with no organisation word whose last word the article uses alone for a person
    is that person's full name."""
    alone = {m.text for m in mentions if m.type == "Person" and m.source == "ner" and " " not in m.text}
    for m in mentions:
        words = m.text.split()
        if m.type in {"Organization", "Place"} and m.source == "ner" and 2 <= len(words) <= 3 \
                and words[-1] in alone and all(w.istitle() and w.isalpha() for w in words) \
                and not {w.lower() for w in words} & ORG_NAME_WORDS \
                and gazetteer.place_by_name(m.text) is None:
            m.type = "Person"


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


def _name_head(name: str) -> str | None:
    """The head word of an organisation's name: "Commission" of "the European Commission",
    "Council" of "the Council of Europe"; None for one word, or an acronym head ("Provisional
    IRA" and "the IRA" are left to the acronym rules)."""
    name = _LEADING_THE.sub("", _strip_possessive(name))
    words = name.split(" of ")[0].split()
    if (len(words) >= 2 or " of " in name) and words[-1].isalpha() and words[-1].istitle():
        return words[-1]
    return None


def _head_references(mentions: list[_Mention]) -> None:
    """'the Commission' after 'the European Commission', 'the Church' after 'the Church of
    Scientology', 'the Treasury' after 'the U.S. Treasury Department': a lone capitalised head
    (or distinctive word) of an organisation's name, tagged on its own, refers to the one
    organisation named earlier with it (to none when two have it).  So do its members named
    in the plural: 'the Sandinistas' after 'the Sandinista National Liberation Front'."""
    heads: dict[str, list[_Mention]] = defaultdict(list)
    firsts: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:  # (in text order)
        if m.type != "Organization" or m.source.startswith(("head_of:", "parenthetical:")):
            continue
        if (head := _name_head(m.label or m.text)) is not None:
            heads[head].append(m)
        own = _LEADING_THE.sub("", _strip_possessive(m.text)).split()
        while own and gazetteer.country_by_name(own[0]) is not None:
            own = own[1:]  # "U.S. Treasury Department"
        if len(own) == 2 and own[1].lower() in {"department", "ministry", "office", "agency"} and own[0].istitle():
            heads[own[0]].append(m)
        if len(own) >= 2 and own[0].istitle():
            firsts[own[0]].append(m)

    # For each list: its starts, how many of its first mentions share the first one's key, and
    # whether it is in text order (it is when the mentions are), so that the mentions before a
    # point are a prefix of it, found by bisection rather than by a scan per reference.
    prefixes: dict[int, tuple[list[int], int, bool]] = {}
    for cands in [*heads.values(), *firsts.values()]:
        keys = [x.key or org_key(_strip_possessive(x.text)) for x in cands]
        starts = [x.start for x in cands]
        prefixes[id(cands)] = (starts, next((i for i, k in enumerate(keys) if k != keys[0]), len(keys)),
                               all(a <= b for a, b in zip(starts, starts[1:])))

    def refer(m: _Mention, cands: list[_Mention]) -> None:
        starts, one_key, in_order = prefixes[id(cands)]
        if in_order:
            n_before = bisect_left(starts, m.start)
            if n_before and n_before <= one_key:
                m.source = f"head_of:{cands[0].start}"
            return
        before = [x for x in cands if x.start < m.start]  # (not in text order: every one looked at)
        if before and len({x.key or org_key(_strip_possessive(x.text)) for x in before}) == 1:
            m.source = f"head_of:{before[0].start}"

    for m in mentions:
        word = _LEADING_THE.sub("", _strip_possessive(m.text))
        if m.key or " " in word:
            continue
        if m.type == "Organization" and m.source == "ner" and word in heads:
            refer(m, heads[word])
        if not m.source.startswith("head_of:") and m.type in {"Group", "Organization"} and m.source == "ner" \
                and word.endswith("s") and word[:-1] in firsts:
            refer(m, firsts[word[:-1]])


class _FullNames:
    """The full names of an article's people (key -> label, in first-seen order), indexed by
    first word and by first folded letter: a name can only be another spelling or a longer or
    shorter form of one that shares its first word (its first letter, for a respelling), so
    :func:`_resolve_people` compares it with those alone, in the same order as with them all."""

    def __init__(self) -> None:
        self.label: dict[str, str] = {}  # (read it; change it through ``set``)
        self._seq: dict[str, int] = {}
        self._by_word: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._by_letter: dict[str, list[tuple[int, str]]] = defaultdict(list)

    @staticmethod
    def _slots(label: str) -> tuple[str, str]:
        return (_name_tokens(label) or [""])[0], _fold(label)[:1]

    def set(self, key: str, label: str) -> None:
        """Add a name, or give a key a new label (its place in the order stays)."""
        entry = (self._seq.setdefault(key, len(self._seq)), key)
        old = self._slots(self.label[key]) if key in self.label else (None, None)
        new = self._slots(label)
        for index, was, now in ((self._by_word, old[0], new[0]), (self._by_letter, old[1], new[1])):
            if was != now:
                if was is not None:
                    index[was].remove(entry)
                insort(index[now], entry)
        self.label[key] = label

    def with_first_word(self, word: str) -> Iterator[tuple[str, str]]:
        return ((k, self.label[k]) for _, k in self._by_word.get(word, ()))

    def with_first_letter(self, letter: str) -> Iterator[tuple[str, str]]:
        return ((k, self.label[k]) for _, k in self._by_letter.get(letter, ()))


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
            m.source = f"alias_of:{target.start}"


class NamedPeople:
    """The full-name mentions of an article's people, ``(start, key, label)`` in a list, indexed
    for :func:`short_name_target`: which people a short name fits depends on the distinct
    (key, label) pairs only (worked out once per name), and the choice among several on how
    often and how lately each was named before a point (a bisection of each one's starts).  A
    long document names its people thousands of times: a scan of them all per short name was
    quadratic."""

    def __init__(self, named: Iterable[tuple[int, str, str]]) -> None:
        self.pairs: dict[tuple[str, str], None] = {}  # distinct (key, label), in list order
        self.starts: dict[str, list[tuple[int, int]]] = defaultdict(list)  # key -> sorted (start, list position)
        for pos, (s, k, lab) in enumerate(named):
            self.pairs.setdefault((k, lab))
            self.starts[k].append((s, pos))
        for v in self.starts.values():
            v.sort()
        self._fits: dict[tuple[str, frozenset[str] | None], set[str]] = {}

    def fitting(self, token: str, among: frozenset[str] | None = None) -> set[str]:
        """The keys of the people ``token`` fits (only of those ``among``, if given)."""
        found = self._fits.get((token, among))
        if found is None:
            pairs = [(k, lab) for k, lab in self.pairs if among is None or k in among]
            found = self._fits[(token, among)] = _fitting(token, pairs)
        return found

    def most_named_before(self, keys: set[str], start: int) -> str | None:
        """Of ``keys``, the one named most before ``start``, then the most recent; on a full tie,
        the one whose mention comes first in the list."""
        best = None
        for k in keys:
            starts = self.starts.get(k, [])
            n = bisect_left(starts, (start, -1))  # its mentions before ``start``
            if n:
                last = starts[n - 1][0]
                first_pos = starts[bisect_left(starts, (last, -1))][1]
                best = max(best or (n, last, -first_pos, k), (n, last, -first_pos, k))
        return best[3] if best else None


def _fitting(token: str, pairs: list[tuple[str, str]]) -> set[str]:
    """The keys of the (key, label) pairs a lone surname or first name fits (see short_name_target)."""
    folded = _fold(token)
    # (spelled with or without its particle's space: "DeBlasio" for "Bill de Blasio")
    cands = {k for k, lab in pairs if _name_tokens(lab)[-1] == token or _surname(lab) == token
             or (len(_name_tokens(lab)) > 2 and _fold("".join(_name_tokens(lab)[-2:])) == folded
                 and _name_tokens(lab)[-2].lower() in NAME_PARTICLES)}
    if not cands:
        cands = {k for k, lab in pairs if _name_tokens(lab)[0] == token}
    if not cands and token[:1].isupper() and len(token) > 2:
        # A middle name used alone: "Lula" for "Luiz Inácio Lula da Silva".
        cands = {k for k, lab in pairs if token in _name_tokens(lab)[1:-1]}
    if not cands and len(token) >= 6:
        # "Tzarnaev" for "Tsarnaev", "Bauchtman" for "Buchtmann": a respelled surname
        cands = {k for k, lab in pairs if _spellings_of_one_name(_surname(lab), token)}
    return cands


def short_name_target(token: str, start: int, named: NamedPeople | list[tuple[int, str, str]],
                      among: frozenset[str] | None = None) -> str | None:
    """The person a lone surname or first name refers to: the one full name it fits; when
    several people share it ("Tsarnaev" for two brothers), the one named most so far, then the
    most recent (:func:`_shared_surnames` settles it again over all of the article's mentions).
    ``named``: the full-name mentions (``(start, key, label)``), best as a :class:`NamedPeople`
    made once; ``among``: only these people are considered."""
    people = named if isinstance(named, NamedPeople) else NamedPeople(named)
    cands = people.fitting(token, among)
    if len(cands) == 1:
        return next(iter(cands))
    return people.most_named_before(cands, start)


def _spellings_of_one_name(a: str, b: str) -> bool:
    """Whether two names of one article are spellings of one name: the same initial and
    at least 85 % alike once folded ("Mohamed"/"Muhammad" words, a doubled or dropped letter)."""
    fa, fb = _fold(a), _fold(b)
    # (cheap bounds first: a ratio is at most 2 * the shorter length / both lengths)
    if fa[:1] != fb[:1] or min(len(fa), len(fb)) < 6 or 2 * min(len(fa), len(fb)) < 0.85 * (len(fa) + len(fb)):
        return False
    matcher = SequenceMatcher(None, fa, fb)
    if matcher.quick_ratio() < 0.85 or matcher.ratio() < 0.85:
        return False
    # The last words must be alike too: "Kim Jong Un" and "Kim Jong Il" are two people.
    la, lb = _fold(a.split()[-1]), _fold(b.split()[-1])
    return SequenceMatcher(None, la, lb).ratio() >= 0.8


@lru_cache(maxsize=8192)
def _fold(name: str) -> str:
    """Lower case without spaces, hyphens and apostrophes: how spellings of one name compare."""
    return re.sub(r"[\s'’-]", "", name.lower())


@lru_cache(maxsize=8192)
def _surname(label: str) -> str:
    """'Bashar al-Assad' -> 'Assad'; 'Nikolas K. Gvosdev' -> 'Gvosdev'."""
    last = _name_tokens(label)[-1]
    return re.sub(r"^(?:al|el|ad|as|an)-", "", last, flags=re.IGNORECASE)


def acronym(text: str) -> str:
    """Initials of the capitalised words: 'Foreign Policy Research Institute' -> 'FPRI'."""
    words = [w for w in re.split(r"[\s-]+", text) if w and w.lower() not in NAME_PARTICLES]
    return "".join(w[0] for w in words if w[0].isupper())


def _resolve_acronyms(orgs: list[_Mention], keyed_orgs: list[_Mention] = ()) -> None:
    """'UN' and 'United Nations', 'FPRI' and 'Foreign Policy Research Institute', 'Comic Corps'
    and 'Comic Corps of Canada', 'Scientology' and 'Church of Scientology' merge."""
    long_forms = {}
    for m in [*keyed_orgs, *orgs]:
        if len(_name_tokens(m.text)) >= 2:
            long_forms.setdefault(acronym(m.text), m)
    for m in orgs:
        short = m.text.replace(".", "")
        if not m.key and short.isupper() and 2 <= len(short) <= 6 and short in long_forms:
            target = long_forms[short]
            m.key = target.key = target.key or org_key(target.text)
            m.label = target.label = target.text
    # A shorter name that is the head or tail of exactly one longer name in the article.
    names = sorted({m.text for m in orgs}, key=len, reverse=True)
    # A longer name that only adds to a shorter one shares its first or its last word: the
    # names are indexed by both, and each name's longer ones are found once (a long document
    # repeats its names many times).
    by_word: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(names):
        for word in {*_name_tokens(n)[:1], *_name_tokens(n)[-1:]}:
            by_word[word].append(i)
    longer_of: dict[tuple[str, ...], list[str]] = {}
    of_text: dict[str, list[_Mention]] = defaultdict(list)
    for m in orgs:
        of_text[m.text].append(m)
    spread: set[str] = set()  # longer names whose key went to all their unkeyed mentions
    for m in orgs:
        if m.key:
            continue
        toks = _name_tokens(m.text)
        if len(toks) == 1 and toks[0].lower() in GENERIC_ORG_WORDS:
            continue
        longer = longer_of.get(tuple(toks))
        if longer is None:
            pool = sorted({i for w in {toks[0], toks[-1]} for i in by_word.get(w, ())}) if toks else range(len(names))
            longer = longer_of[tuple(toks)] = [names[i] for i in pool if len(_name_tokens(names[i])) > len(toks)
                                               and _names_same_body(toks, _name_tokens(names[i]))]
        if len(longer) == 1:
            m.key, m.label = org_key(longer[0]), longer[0]
            if longer[0] not in spread:  # (a second time would find them all keyed)
                spread.add(longer[0])
                for other in of_text[longer[0]]:
                    if not other.key:
                        other.key, other.label = m.key, m.label


def _names_same_body(short: list[str], long: list[str]) -> bool:
    """Whether a longer organisation name only adds a generic word or an "of" phrase to a
    shorter one: "Comic Corps" / "Comic Corps of Canada", "Scientology" / "Church of
    Scientology", "Georgian Dream" / "Georgian Dream party" — but not "Google" / "Google
    Science Fair", a different thing named after it."""
    n = len(short)
    if long[:n] == short:
        rest = [w.lower() for w in long[n:]]
        return rest[0] == "of" or all(w in GENERIC_ORG_WORDS | {"movement", "coalition", "alliance", "front"}
                                      for w in rest)
    if long[-n:] == short:
        rest = [w.lower() for w in long[:-n]]
        return rest[-1] in {"of", "the"} and all(w in GENERIC_ORG_WORDS | {"of", "the"} for w in rest)
    return False


def org_key(name: str) -> str:
    """Key of an organisation name; "New People's Party" and "New People Party" are one, and
    so are "World Health Organisation" and "World Health Organization"."""
    name = re.sub(r"['’]s\b", "", name)
    # "Ministry of Defence" and "Defence Ministry", "Department of State" and "State Department"
    name = re.sub(r"^(?:the )?(.*?)(Ministry|Department) of (?:the )?([A-Z][\w ]*)$", r"\1\3 \2", name)
    return slug(us_spelling(name))


def us_spelling(name: str) -> str:
    """"Organisation" as "Organization": the one spelling difference of organisation names
    that never tells two organisations apart (unlike "Labour"/"Labor" parties)."""
    return re.sub(r"(?i)\b(organi)s(ation|ations)\b", r"\1z\2", name)


def _with_background(record: EntityRecord, label_iris: dict[str, str]) -> EntityRecord:
    """Attach gazetteer data (GeoNames id, coordinates, country) and alias-table IRIs."""
    if record.type == "Country":
        country = gazetteer.country_by_name(record.label)
        if country is not None:
            return replace(record, geonames_id=country.geonames_id, lat=country.lat, lng=country.lng,
                           country_code=country.iso2)
    elif record.type == "Place":
        place = gazetteer.place_by_name(record.label)
        if place is not None:
            located = gazetteer.country_by_code(place.country_code) if place.country_code else None
            return replace(record, geonames_id=place.geonames_id, lat=place.lat, lng=place.lng,
                           country_code=place.country_code,
                           located_in=slug(located.name) if located else None)
    elif record.type == "Group" and " " in record.label:
        # "Syrian rebels": the people of a state (see _national_group) carry its code, so that
        # "every Syrian actor" is one query.
        state = gazetteer.country_by_demonym(record.label.split()[0])
        if state is not None:
            record = replace(record, country_code=state.iso2)
    iri = label_iris.get(record.label)
    return replace(record, same_as=iri) if iri else record


def records_in(doc: Doc) -> dict[str, EntityRecord]:
    """The resolved entities of a processed Doc."""
    return doc._.ng_entities or {}


def mentions_by_token(doc: Doc) -> dict[int, str]:
    """Token index -> entity key, for every token inside a resolved mention."""
    out: dict[int, str] = {}
    for span in doc.spans.get(SPAN_KEY, []):
        for tok in span:
            out[tok.i] = span.kb_id_
    return out

