"""Word lists of the entity rules: the open lists of words (titles, organ nouns, place nouns,
group nouns ...) and the fixed grammatical sets (dependency labels, pronouns) they test.
"""

from __future__ import annotations

import re

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
