"""The alias table: the shipped actors (``extract/data/actors.tsv``), a user's table
(``--aliases FILE``) read and checked, and the entity-ruler patterns made from it.

Checks of an alias table (``--aliases FILE``) before any extraction starts.

A user's table says which surface forms name which actor, with an optional IRI for
``owl:sameAs``. Every row is checked at once, so a bad row fails the build in a second
with its line number rather than after the whole corpus was extracted:

* the IRI is a valid absolute IRI (RFC 3987, as pyoxigraph parses it) with the scheme
  http, https or urn: an alias table may come from someone else, and a ``javascript:`` or
  ``file:`` IRI in the published graph is a link a reader's tools might follow;
* one surface form names one actor (the same surface twice with another label or type);
* two labels that would get the same entity key (``"A.B.C."`` and ``"A B C"`` both become
  ``a_b_c``) are the same actor: same type and same IRI, else the table is refused rather
  than two actors silently merged; the same holds against the shipped table's actors.

Data: data/actors.tsv.  Tests: tests/extract/entities/test_entity_aliases.py, tests/test_actor_table.py.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.graph.iri import slug
from newsgraph.graph.model import ENTITY_TYPES

from .. import lexicon
from .mention import us_spelling


# IRI schemes an alias may link to: web identifiers (Wikidata, GeoNames, ...) and URNs.
IRI_SCHEMES = frozenset({"http", "https", "urn"})


def check_iri(iri: str, where: str) -> str:
    """``iri`` when it is a valid absolute http, https or urn IRI, else an InputError."""
    import pyoxigraph as ox

    scheme = iri.split(":", 1)[0].lower() if ":" in iri else ""
    if scheme not in IRI_SCHEMES:
        raise InputError(f"{where}: IRI {iri[:80]!r}: only http, https and urn IRIs are allowed")
    try:
        ox.NamedNode(iri)
    except ValueError as exc:
        raise InputError(f"{where}: {iri[:80]!r} is not a valid IRI ({exc})") from None
    return iri


def check_rows(rows: Iterable[tuple[int, str, str, str, str | None]], where: str,
               known: dict[str, tuple[str, str]] | None = None) -> None:
    """Refuse conflicting rows: ``rows`` are ``(line, surface, label, type, iri)``;
    ``known`` maps entity keys of the shipped table to their ``(label, type)``."""
    surfaces: dict[str, tuple[int, str, str]] = {}
    keys: dict[str, tuple[int, str, str, str | None]] = {}
    for line, surface, label, etype, iri in rows:
        at = f"{where}: line {line}"
        seen = surfaces.get(surface.lower())
        if seen and (seen[1], seen[2]) != (label, etype):
            raise InputError(f"{at}: surface {surface!r} is already given to {seen[1]!r} ({seen[2]}) "
                             f"on line {seen[0]}")
        surfaces.setdefault(surface.lower(), (line, label, etype))
        key = slug(label)
        other = keys.get(key)
        if other and (other[2] != etype or (iri and other[3] and iri != other[3])):
            raise InputError(f"{at}: {label!r} ({etype}) and {other[1]!r} ({other[2]}) on line {other[0]} "
                             f"would be one entity {key!r}; give them the same type and IRI, or "
                             f"labels that differ in letters or digits")
        if other is None or (iri and not other[3]):
            keys[key] = (line, label, etype, iri or (other[3] if other else None))
        shipped = (known or {}).get(key)
        if shipped and shipped[1] != etype:
            raise InputError(f"{at}: {label!r} ({etype}) would be one entity {key!r} with the shipped "
                             f"actor {shipped[0]!r} ({shipped[1]}); use that type or another label")


@dataclass(frozen=True, slots=True)
class Alias:
    label: str
    type: str
    iri: str | None = None




class AliasTable:
    """The alias table as the typing rules look a name up in it: by its surface, case-folded or
    US-spelled ("Organisation"), or by the entity ruler's id; also each label's IRI."""

    def __init__(self, aliases: dict[str, Alias]) -> None:
        self.aliases = aliases
        self._lower = {k.lower(): v for k, v in aliases.items()}
        self._by_id = {slug(a.label): a for a in aliases.values()}
        # Canonical label -> IRI (owl:sameAs), looked up once per entity.
        self.label_iris = {a.label: a.iri for a in aliases.values() if a.iri}

    def find(self, text: str, ruler_id: str = "") -> Alias | None:
        """The row of a name: its surface, case-folded, US-spelled, or the ruler's id."""
        alias = self.aliases.get(text) or self._lower.get(text.lower()) or self._lower.get(us_spelling(text).lower())
        if alias is None and ruler_id:
            alias = self._by_id.get(ruler_id)
        return alias

def load_aliases(path: str | Path | None = None) -> dict[str, Alias]:
    """The shipped alias table, extended by a user's CSV/TSV (surface, label, type, iri)."""
    table = dict(_shipped_aliases())
    if path is not None:
        table.update(_read_alias_file(Path(path)))
    return table



@cache
def _shipped_aliases() -> tuple[tuple[str, Alias], ...]:
    """The shipped table, read by :mod:`..lexicon`; each row checked as a user's row is."""
    table = lexicon.read_table(lexicon.ACTORS)
    return tuple((row["surface"], _alias(row["surface"], row["label"], row["type"], row["iri"],
                                         f"{table.name}: line {line}"))
                 for line, row in table.numbered())



def _read_alias_file(path: Path) -> list[tuple[str, Alias]]:
    """A user's table, every row checked (``aliases.check_rows``) before it is used."""
    from ..reader import decode

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
    kept = [(i, ln) for i, ln in enumerate(lines, 1) if ln.strip() and not ln.startswith("#")]
    rows = csv.reader((ln for _, ln in kept), delimiter=delimiter)
    for n, row in enumerate(rows, 1):
        line = kept[min(rows.line_num, len(kept)) - 1][0]  # the file's line, for messages
        at = f"{where}: line {line}"
        if n == 1 and row and row[0].strip().lower() == "surface":
            continue  # header
        if len(row) < 3:
            raise InputError(f"{at}: expected surface, label, type[, iri]")
        alias = _alias(row[0], row[1], row[2], row[3] if len(row) > 3 else "", at)
        yield (line, row[0].strip(), alias) if numbered else (row[0].strip(), alias)


def _alias(surface: str, label: str, etype: str, iri: str, at: str) -> Alias:
    """One row's Alias: its type one of the contract's (any case), its IRI checked."""
    if not surface.strip() or not label.strip():
        raise InputError(f"{at}: expected surface, label, type[, iri]")
    etype = etype.strip().capitalize() if etype.strip().lower() != "organization" else "Organization"
    if etype not in ENTITY_TYPES:
        raise InputError(f"{at}: type must be one of {', '.join(ENTITY_TYPES)}")
    return Alias(label.strip(), etype, check_iri(iri.strip(), at) if iri.strip() else None)



def alias_rows(aliases: dict[str, Alias]) -> list[list[str | None]]:
    """The table as plain rows ``[surface, label, type, iri]``, in order (for saving)."""
    return [[surface, a.label, a.type, a.iri] for surface, a in aliases.items()]


def aliases_from_rows(rows: Iterable[list]) -> dict[str, Alias]:
    """The table :func:`alias_rows` gave (read back from a saved pipeline)."""
    return {surface: Alias(label, etype, iri) for surface, label, etype, iri in rows}


def ruler_patterns(aliases: dict[str, Alias]) -> list[dict]:
    """Entity-ruler patterns so the alias surfaces come out as single entities."""
    ner_label = {"Person": "PERSON", "Organization": "ORG", "Country": "GPE", "Place": "LOC", "Group": "NORP"}
    return [{"label": ner_label[a.type], "pattern": surface, "id": slug(a.label)}
            for surface, a in sorted(aliases.items())]
