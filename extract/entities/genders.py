"""Which person a gendered pronoun may refer to.

"German Chancellor Angela Merkel met Vladimir Putin. She urged him to ...": "She" is not the
most recent person, Putin, but the one the pronoun can name. A person's gender is known from
the text when an honorific stands before one of their names ("Mrs May", "Mr. Obama"), else from
their given name (the first word of a name of two words or more) in data/name_genders.tsv,
the given names whose gender is clear in nomquamgender's pooled data (scripts/make_name_genders.py).
Unknown stays unknown: a pronoun never excludes a person whose gender neither source gives
("Xi Jinping", "Kim Jong Un", "Mugabe").

Tests: tests/extract/entities/test_entity_genders.py.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources

from newsgraph.graph.model import EntityRecord

# Pronoun -> the gender of the person it refers to.
PRONOUN_GENDERS = {"he": "M", "him": "M", "his": "M", "himself": "M",
                   "she": "F", "her": "F", "hers": "F", "herself": "F"}
# Honorific before a name -> gender ("Mrs May", "Ms. Clinton", "Mme Lagarde", "Mr Blair").
GENDERED_HONORIFICS = {"mr": "M", "mrs": "F", "ms": "F", "miss": "F", "mme": "F", "madame": "F", "madam": "F",
              "m": "M", "monsieur": "M"}
# Nouns of people whose gender they say ("his daughter", "the man").
NOUN_GENDERS = {"man": "M", "boy": "M", "father": "M", "son": "M", "husband": "M", "brother": "M", "king": "M",
                "woman": "F", "girl": "F", "mother": "F", "daughter": "F", "wife": "F", "sister": "F", "queen": "F"}
_HONORIFIC_BEFORE = re.compile(r"(?:^|[^\w.])(" + "|".join(sorted(GENDERED_HONORIFICS, key=len, reverse=True))
                               + r")\.?\s+$", re.IGNORECASE)


@cache
def _given_names() -> dict[str, str]:
    """Lower-cased given name -> "F" or "M" (data/name_genders.tsv)."""
    table: dict[str, str] = {}
    text = resources.files("newsgraph.extract.data").joinpath("name_genders.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, _, gender = line.partition("\t")
            table[name] = gender
    return table


def given_name_gender(label: str) -> str | None:
    """"F", "M" or None: the gender of the given name that opens a person's name of two words or
    more ("Angela Merkel" F, "Vladimir Putin" M; "Putin", "Xi Jinping" None)."""
    words = label.split()
    if len(words) < 2:
        return None
    first = words[0].strip(".,").lower()
    names = _given_names()
    found = names.get(first)
    if found is None:  # "José", "Zoë" under their plain spellings as well
        plain = "".join(c for c in unicodedata.normalize("NFKD", first) if not unicodedata.combining(c))
        found = names.get(plain)
    return found


def person_genders(text: str, mentions: Iterable, entities: dict[str, EntityRecord]) -> dict[str, str]:
    """Entity key -> "F" or "M" for the persons of an article whose gender the text (an honorific
    before a mention) or their given name gives; a person with conflicting evidence is left out."""
    seen: dict[str, set[str]] = {}
    for m in mentions:
        record = entities.get(m.key) if m.key else None
        if record is None or record.type != "Person":
            continue
        found = seen.setdefault(m.key, set())
        honorific = _HONORIFIC_BEFORE.search(text[max(0, m.start - 10):m.start])
        if honorific:
            found.add(GENDERED_HONORIFICS[honorific.group(1).lower()])
    for key, record in entities.items():
        if record.type == "Person":
            given = given_name_gender(record.label)
            if given:
                seen.setdefault(key, set()).add(given)
    return {key: next(iter(g)) for key, g in seen.items() if len(g) == 1}


def may_refer(pronoun: str, key: str, genders: dict[str, str]) -> bool:
    """Whether a pronoun may refer to the person ``key``: always, unless both genders are known
    and differ."""
    wanted = PRONOUN_GENDERS.get(pronoun.lower())
    known = genders.get(key)
    return wanted is None or known is None or known == wanted
