"""Word lists of the entity rules.

The open lists of words (titles, organ and organisation words, group nouns, place nouns) are
data: they live in ``extract/data/entity_{organisations,groups,places}.tsv`` and, for titles,
in ``extract/data/titles.tsv`` (shared with the relation rules), one row per word with the
lists it belongs to (each file's header says what each list is for), and are read
once through :func:`newsgraph.extract.lexicon.word_lists`, the project's one reader of the data
tables.  Fixed grammatical sets (NER and dependency labels, prepositions, pronouns, name
particles), keys on the Doc and small tables stay named constants.
"""

from __future__ import annotations

import re

from .. import lexicon

# Keys on the Doc (named in extract/doc.py): doc.spans[SPAN_KEY] holds the resolved mentions,
# doc.user_data[PAIR_KEY] maps "the two sides" tokens to the two entity keys.
from ..doc import MENTIONS as SPAN_KEY, PAIRS as PAIR_KEY  # noqa: F401


def _word_lists(name: str) -> dict[str, frozenset[str]]:
    """List name -> its words, from the ``word<TAB>lists`` table ``extract/data/<name>``."""
    return {lst: frozenset(words) for lst, words in lexicon.word_lists(name).items()}


# The lists of data/titles.tsv that are the entity rules' (the others are the relation rules').
TITLE_LISTS = ("honorifics", "person_title_heads", "leader_titles", "generic_leaders", "titles_before_of",
               "portfolios", "portfolio_holders")
_TITLES = _word_lists(lexicon.TITLES)
_ORGANISATIONS = _word_lists("entity_organisations.tsv")
_GROUPS = _word_lists("entity_groups.tsv")
_PLACES = _word_lists("entity_places.tsv")
_CAPTIONS = _word_lists("entity_captions.tsv")

# -- fixed grammatical sets ------------------------------------------------------------------
# spaCy NER labels that can name an actor or a place.
NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
# Prepositions after which a capital is the city, not the government ("in Moscow").
LOCATIVE_PREPS = frozenset({"in", "at", "near", "from", "to", "into", "outside", "across",
                            "around", "inside", "through", "toward", "towards", "via", "of"})
# Dependency labels where a capital acts as its government ("Moscow's ire", "Moscow takes").
ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent", "dobj", "conj", "appos"})
# Lower-case words that may sit inside a name ("Bashar al-Assad", "Ban Ki-moon").
NAME_PARTICLES = frozenset({"al", "al-", "bin", "ibn", "de", "da", "van", "von", "der", "la", "le",
                            "di", "del", "du", "el", "abu", "of", "and", "the", "for", "on"})
# Prefixes that turn a name into a stance adjective ("pro-Beijing", "anti-American").
STANCE_PREFIXES = frozenset({"pro", "pro-", "anti", "anti-", "pan", "pan-", "non", "non-"})
# Pronouns that refer to a person.
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
# Definite descriptions that refer back to a state ("the country said", "the government").
STATE_DESCRIPTIONS = frozenset({"country", "government", "nation", "regime", "kingdom", "republic"})
# Forms of state written as names when they stand for the state a text is about ("the
# Republic's core values", "the Kingdom will host"): alone, no entity of their own.
STATE_FORMS = frozenset({"republic", "kingdom"})
# Words of the names of movements and armed groups that carry a state's demonym or an army's
# word but are none of a state's organs ("Syrian Democratic Forces", "Sudanese Liberation
# Army", "Rapid Support Forces", "the White Army"): read by the state-organ relation and by
# what "the army" refers back to.
MOVEMENT_WORDS = frozenset({"democratic", "popular", "patriotic", "resistance", "islamic", "unity", "salvation",
                            "rapid", "free", "movement", "front", "opposition", "rebel", "liberation",
                            "independence", "revolutionary", "republican", "white"})

# -- small tables -----------------------------------------------------------------------------
# Seats that act for an organisation rather than for the state they are in.
CAPITAL_ACTORS = {"Brussels": ("European Union", "Organization"),
                  "Brussels's": ("European Union", "Organization")}
# Plural nouns that, with "both" or "the two", refer to the article's two main parties.
# (Not "the two leaders": the people named most are often ministers, not the leaders.)
PAIR_NOUNS = {"sides": "any", "parties": "any", "countries": "Country", "nations": "Country",
              "neighbours": "Country", "neighbors": "Country", "governments": "Country",
              "capitals": "Country", "leaders": "Person", "presidents": "Person", "ministers": "Person"}
# Labels of international bodies whose bare short name ("Security Council", "Commission")
# a state's own body shares.
SUPRANATIONAL_PREFIXES = ("UN ", "United Nations", "EU ", "European ", "NATO", "African Union", "AU ")

# -- people's titles (data/titles.tsv) ---------------------------------------------------------
HONORIFICS = _TITLES["honorifics"]
PERSON_TITLES_HEADS = _TITLES["person_title_heads"]
# Every word of a person's role in the shared table (the relation rules' leaders' and members'
# titles too): in apposition, one makes a name a person's ("Anders Lindqvist, the UNHCR
# representative").
PERSON_ROLE_WORDS = PERSON_TITLES_HEADS | _TITLES["member"] | _TITLES["leader"]
LEADER_TITLE_PHRASES = _TITLES["leader_titles"]
GENERIC_LEADERS = _TITLES["generic_leaders"]
TITLE_WORDS_BEFORE_OF = _TITLES["titles_before_of"]
PORTFOLIOS = _TITLES["portfolios"]
PORTFOLIO_HOLDERS = _TITLES["portfolio_holders"]

# -- organisations (data/entity_organisations.tsv) ---------------------------------------------
ORG_DESCRIPTIONS = _ORGANISATIONS["org_descriptions"]
UNOWNED_ORGANS = _ORGANISATIONS["unowned_organs"]
GENERIC_ORG_WORDS = _ORGANISATIONS["generic_org_words"]
DESCRIPTOR_TAILS = _ORGANISATIONS["descriptor_tails"]
RULERS = _ORGANISATIONS["rulers"]
ORG_HEAD_WORDS = _ORGANISATIONS["org_head_words"]
DESCRIBED_ORG_HEADS = _ORGANISATIONS["described_org_heads"]  # ("TUSIAD, the business association")
NEWS_OUTLET_WORDS = _ORGANISATIONS["news_outlet_words"]  # (capitalised: "Herald", "Times")
# The news agencies and broadcasters of the shipped actors (their section of data/actors.tsv).
NEWS_ORGANISATIONS = frozenset(row["label"] for row in lexicon.section_rows(lexicon.ACTORS, "News agencies"))


def news_outlet(label: str) -> bool:
    """A news organisation: a listed agency or broadcaster, or a name ending in a newspaper's
    word ("The Daily Telegraph", "Hürriyet Daily News"; not "Agency": "the Atomic Energy Agency")."""
    last = label.split()[-1] if label.split() else ""
    return label in NEWS_ORGANISATIONS or (last in NEWS_OUTLET_WORDS and last != "Agency" and len(label.split()) > 1)
MESSAGES = _ORGANISATIONS["messages"]
# Words of the names of organs every state has ("Ministry of Foreign Affairs", "National Police").
GENERIC_ORGAN_WORDS = PORTFOLIOS | _ORGANISATIONS["organ_words"]
# Words that make a name an organisation's, whatever the model's tag.
ORG_NAME_WORDS = GENERIC_ORG_WORDS | ORG_DESCRIPTIONS | UNOWNED_ORGANS | {w.lower() for w in NEWS_OUTLET_WORDS} \
    | _ORGANISATIONS["org_name_words"]

# -- groups of people (data/entity_groups.tsv) -------------------------------------------------
GROUP_NOUNS = _GROUPS["group_nouns"]
NATIONAL_GROUP_NOUNS = _GROUPS["national_group_nouns"]
NATIONAL_COLLECTIVES = _GROUPS["national_collectives"]
ARMED_NOUNS = _GROUPS["armed_nouns"]
UNNAMED_ARMED = _GROUPS["unnamed_armed"]
UNNAMED_CROWD = _GROUPS["unnamed_crowd"]

# -- places and events' names (data/entity_places.tsv) -----------------------------------------
PLACE_NOUNS = _PLACES["place_nouns"]
STREET_WORDS = _PLACES["street_words"]
EVENT_HEADS = _PLACES["event_heads"]

# -- captions and credit lines (data/entity_captions.tsv) ----------------------------------------
# Words that label a photo caption or credit line ("Image: ..."), glued to a name by the tokenizer.
CAPTION_WORDS = _CAPTIONS["caption_labels"]
# Words that start a credit whatever follows ("Credit: ...", "(Courtesy of ...)").
CREDIT_WORDS = _CAPTIONS["credit_labels"]
# Lower-case words a credit's names may hold ("Photo by Ana Ruiz for the Herald via AFP").
CREDIT_CONNECTORS = frozenset({"by", "of", "the", "and", "via", "for", "at", "de", "da", "del", "van", "von",
                               "&", "-", "–", "—", "©", "|"})

# -- lone common nouns the model may tag PERSON ("State", "Murder", "Police") ---------------------
# The nouns of the project's lists: organs and organisation words, groups, place and event nouns,
# and the nouns that trigger events.  Such a word alone is a person only as the short name of one
# the article names in full.
COMMON_NOUNS = GENERIC_ORG_WORDS | ORG_DESCRIPTIONS | UNOWNED_ORGANS | ORG_HEAD_WORDS \
    | _ORGANISATIONS["organ_words"] | GROUP_NOUNS | NATIONAL_GROUP_NOUNS | PLACE_NOUNS | EVENT_HEADS \
    | frozenset(row["lemma"] for row in lexicon.rows(lexicon.TRIGGERS) if row["pos"] == "NOUN" and " " not in row["lemma"])

_TRAILING_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
