"""``newsgraph validate``: check a build against the SHACL shapes of the model.

The data graph is the union of a build's RDF (``graph.ttl``, else ``graph.nq``) or of
one RDF file, plus the ontology (``ontology/newsgraph.ttl`` and the event classes of
``ontology/event-classes.ttl``), so that the shapes can check event types against the
scheme and relation predicates against the vocabulary.

Nothing reaches the network: pyshacl runs without inference and without ``owl:imports``;
files are parsed with pyoxigraph, which never loads a remote JSON-LD context (a file that
needs one is refused); shapes whose SPARQL would fetch something (``SERVICE``, ``FROM``:
rdflib's SPARQL engine does both) are refused.

Violations make a build non-conforming; warnings (extraction quality, see
``ontology/shapes.ttl``) are reported but do not.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path

from .errors import ValidationError

GRAPH_FILES = ("graph.ttl", "graph.nq")
SHAPES = "shapes.ttl"
ONTOLOGY = ("newsgraph.ttl", "event-classes.ttl")
SH = "http://www.w3.org/ns/shacl#"
# The focus node of the shapes that check the whole graph at once (see shapes.ttl).
WHOLE_GRAPH = "https://w3id.org/newsgraph/shapes#graph"


@dataclass(frozen=True, slots=True)
class Finding:
    """One validation result."""

    severity: str  # Violation, Warning or Info
    focus: str  # the node that fails (for whole-graph checks: the offending value)
    path: str | None
    value: str | None
    message: str
    shape: str | None  # the named shape (or the property shape's path) that found it

    def line(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = f" [value {self.value}]" if self.value and self.value != self.focus else ""
        return f"{self.severity}: {self.focus}{where}: {self.message}{value}"


@dataclass(frozen=True, slots=True)
class Report:
    source: Path
    conforms: bool
    triples: int
    violations: tuple[Finding, ...]
    warnings: tuple[Finding, ...]
    seconds: float

    def summary(self) -> str:
        verdict = "conforms" if self.conforms else f"does not conform: {_n(len(self.violations), 'violation')}"
        return (f"{self.source}: {verdict} to the newsgraph shapes ({self.triples:,} triples, "
                f"{_n(len(self.warnings), 'warning')}) in {self.seconds:.1f} s")

    def as_dict(self) -> dict:
        return {"source": str(self.source), "conforms": self.conforms, "triples": self.triples,
                "seconds": round(self.seconds, 2),
                "violations": [asdict(f) for f in self.violations],
                "warnings": [asdict(f) for f in self.warnings]}


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def ontology_dir() -> Path:
    """The folder of the shipped Turtle files (package ``newsgraph.ontology``)."""
    try:
        path = Path(str(resources.files("newsgraph.ontology")))
        if (path / SHAPES).is_file():
            return path
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parents[1] / "ontology"  # a source checkout


def data_file(path: str | Path) -> Path:
    """The RDF file to validate: a build folder's graph.ttl (else graph.nq) or the file."""
    path = Path(path)
    if path.is_dir():
        found = next((path / f for f in GRAPH_FILES if (path / f).is_file()), None)
        if found is None:
            raise ValidationError(f"{path}: no graph.ttl or graph.nq (run newsgraph build first)")
        return found
    if not path.is_file():
        raise ValidationError(f"{path}: no such file or folder")
    return path


def validate(path: str | Path, *, shapes: str | Path | None = None) -> Report:
    """Validate a build folder or an RDF file against the shapes (default: the shipped ones)."""
    import pyshacl
    import rdflib

    started = time.perf_counter()
    source = data_file(path)
    data = _load(source)
    triples = len(data)
    onto = ontology_dir()
    for name in ONTOLOGY:
        data.parse(onto / name, format="turtle")
    shapes_path = Path(shapes) if shapes else onto / SHAPES
    shapes_graph = rdflib.Graph()
    shapes_graph.parse(shapes_path, format="turtle")
    _offline(shapes_graph, shapes_path)
    conforms, results, _text = pyshacl.validate(
        data, shacl_graph=shapes_graph, inference="none", abort_on_first=False,
        allow_warnings=True, inplace=True, do_owl_imports=False)
    findings = _findings(results)
    return Report(source=source, conforms=bool(conforms), triples=triples,
                  violations=tuple(f for f in findings if f.severity == "Violation"),
                  warnings=tuple(f for f in findings if f.severity != "Violation"),
                  seconds=time.perf_counter() - started)


def _load(source: Path):
    """The union graph of an RDF file, parsed by pyoxigraph, as an rdflib Graph."""
    import pyoxigraph as ox
    import rdflib

    from .query import FORMATS, parse_error

    fmt = FORMATS.get(source.suffix.lower())
    if fmt is None:
        raise ValidationError(f"{source}: unknown RDF format (use .ttl, .nq, .trig, .nt or .jsonld)")
    try:
        triples = {ox.Triple(q.subject, q.predicate, q.object)
                   for q in ox.parse(path=str(source), format=fmt)}
    except (SyntaxError, ValueError, OSError) as exc:
        raise ValidationError(f"{source}: cannot parse ({parse_error(exc)})") from exc
    graph = rdflib.Graph()
    graph.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
    return graph


def _offline(shapes, path: Path) -> None:
    """Refuse SHACL-SPARQL constraints that would reach the network when pyshacl runs them
    with rdflib: ``SERVICE`` sends a request and ``FROM``/``FROM NAMED`` load a graph from
    its IRI."""
    from rdflib import URIRef

    from .query import tokens

    for key in ("select", "ask", "construct", "update"):
        for text in shapes.objects(None, URIRef(SH + key)):
            words = {t.upper() for k, t in tokens(str(text)) if k == "word"}
            if words & {"SERVICE", "FROM"}:
                raise ValidationError(f"{path}: a SPARQL constraint uses {min(words & {'SERVICE', 'FROM'})}, "
                                      "which is not run: validation does not reach the network")


def _findings(results) -> list[Finding]:
    """The validation results of pyshacl's report graph, sorted, with short names."""
    from rdflib import URIRef
    from rdflib.namespace import RDF

    sh = {k: URIRef(SH + k) for k in ("ValidationResult", "resultSeverity", "focusNode",
                                      "resultPath", "value", "resultMessage", "sourceShape")}
    out = []
    for r in results.subjects(RDF.type, sh["ValidationResult"]):
        def one(key: str):
            return next(iter(results.objects(r, sh[key])), None)

        focus, value = one("focusNode"), one("value")
        if str(focus) == WHOLE_GRAPH and value is not None:
            focus = value  # a whole-graph check: the offending node is the value
        shape = one("sourceShape")
        out.append(Finding(
            severity=str(one("resultSeverity") or SH + "Violation").removeprefix(SH),
            focus=_short(focus), path=_short(one("resultPath")) if one("resultPath") else None,
            value=_short(value) if value is not None else None,
            message=str(one("resultMessage") or "constraint not met"),
            shape=_short(shape) if isinstance(shape, URIRef) else None))
    return sorted(out, key=lambda f: (f.severity != "Violation", f.message, f.focus, f.value or ""))


def _short(term) -> str:
    """A CURIE for IRIs in the project's namespaces, the lexical form for literals."""
    from rdflib import Literal, URIRef

    from newsgraph.exports.rdf import PREFIXES

    if isinstance(term, URIRef):
        text = str(term)
        best = max(((p, ns) for p, ns in PREFIXES.items() if text.startswith(ns)),
                   key=lambda pn: len(pn[1]), default=None)
        return f"{best[0]}:{text[len(best[1]):]}" if best else f"<{text}>"
    if isinstance(term, Literal):
        return repr(str(term))
    return str(term)  # blank node (a path expression)
