"""Checks of an alias table (``--aliases FILE``) before any extraction starts.

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
"""

from __future__ import annotations

from collections.abc import Iterable

from newsgraph.errors import InputError
from newsgraph.graph.iri import slug

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
