"""Stable IRIs: the same input always gives the same identifiers."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

NG = "https://w3id.org/newsgraph/ns#"
ID = "https://w3id.org/newsgraph/id/"

# The prefixes of the RDF the project writes and reads, in the order Turtle and TriG declare
# them: the exporters, the JSON-LD context, the scorer and the predeclared SPARQL prefixes.
PREFIXES = {
    "ng": NG,
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "schema": "https://schema.org/",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "gaf": "http://groundedannotationframework.org/gaf#",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "oa": "http://www.w3.org/ns/oa#",
    "pos": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dct": "http://purl.org/dc/terms/",
    "ngid": ID,
    "ngent": ID + "entity/",
    "ngcls": "https://w3id.org/newsgraph/event-class/",
}


def _q(value: str) -> str:
    # Percent-encode everything but unreserved characters: unique and reversible.
    return quote(value, safe="")


# Latin letters that Unicode does not decompose into a base letter and a mark, spelled as
# their ASCII readers write them ("Radosław" -> "Radoslaw", "Søren" -> "Soren").
_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae",
                               "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
                               "ı": "i", "ħ": "h", "Ħ": "H"})


def strip_marks(text: str) -> str:
    """``text`` without diacritics, other Latin letters spelled out; other scripts kept."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
                   if not unicodedata.combining(c))


def to_ascii(text: str) -> str:
    """``text`` in ASCII letters: diacritics dropped, other Latin letters spelled out."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED)).encode("ascii", "ignore").decode()


def slug(text: str) -> str:
    """A readable ASCII key: ``"Bashar al-Assad"`` -> ``"bashar_al_assad"``."""
    ascii_text = to_ascii(text)
    key = re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")
    return key or "x" + hashlib.sha1(text.encode()).hexdigest()[:10]


def doc_iri(article_id: str) -> str:
    return f"{ID}doc/{_q(article_id)}"


def entity_iri(key: str) -> str:
    return f"{ID}entity/{_q(key)}"


def event_iri(article_id: str, key: str) -> str:
    return f"{ID}event/{_q(article_id)}/{_q(key)}"


def participant_iri(article_id: str, key: str) -> str:
    return f"{ID}participant/{_q(article_id)}/{_q(key.lstrip('~'))}"


def mention_iri(article_id: str, start: int, end: int) -> str:
    # RFC 5147 fragment, as NIF 2.0 recommends for offset-based IRIs.
    return f"{doc_iri(article_id)}#char={start},{end}"


def digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:16]


def relation_iri(*parts: object) -> str:
    return f"{ID}relation/{digest(*parts)}"


def evidence_iri(relation: str) -> str:
    """The evidence annotation of a relation: the same hash under ``annotation/``."""
    return relation.replace(f"{ID}relation/", f"{ID}annotation/", 1)
