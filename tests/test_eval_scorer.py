"""The evaluation scorer (newsgraph.evaluate) on tiny hand-written predictions and gold files."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from newsgraph.errors import EvalError
from newsgraph.cli import main
from newsgraph.evaluate import evaluate, load_prediction, render_explain, render_table

# The development sets shipped in the repository (eval/dev/README.md).
DEV = Path(__file__).resolve().parents[1] / "eval" / "dev"

PREFIXES = """
@prefix ng: <https://w3id.org/newsgraph/ns#> .
@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix schema: <https://schema.org/> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix gaf: <http://groundedannotationframework.org/gaf#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""


# --- helpers writing Turtle for one document ------------------------------------------------


def lit(value: str) -> str:
    """A Turtle string literal (JSON's escapes are Turtle's too)."""
    return json.dumps(value, ensure_ascii=False)


def span(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of phrase in text."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def mention(text: str, phrase: str, nth: int = 0) -> str:
    b, e = span(text, phrase, nth)
    return (
        f"[ a nif:Phrase ; nif:referenceContext :d ; nif:beginIndex {b} ; nif:endIndex {e} ;"
        f" nif:anchorOf {lit(phrase)} ]"
    )


def entity(node: str, cls: str, label: str, text: str, *phrases: str | tuple[str, int], alt: str = "") -> str:
    mentions = ", ".join(mention(text, *([p] if isinstance(p, str) else p)) for p in phrases)
    alt_labels = f" ; skos:altLabel {lit(alt)}" if alt else ""
    return f":{node} a {cls} ; rdfs:label {lit(label)}{alt_labels} ; gaf:denotedBy {mentions} .\n"


def event(node: str, cameo: str | None, text: str, trigger: str, **roles: str) -> str:
    code = f" ; ng:cameoCode {lit(cameo)}" if cameo else ""
    fillers = "".join(f" ; {'sem:hasPlace' if r == 'place' else 'ng:' + r} :{x}" for r, x in roles.items())
    return (
        f":{node} a sem:Event ; prov:wasDerivedFrom :d{code}{fillers} ;"
        f" gaf:denotedBy {mention(text, trigger)} .\n"
    )


def relation(node: str, s: str, p: str, o: str, cameo: str | None = None, start: int = 0) -> str:
    code = f" ; ng:cameoCode {lit(cameo)}" if cameo else ""
    return (
        f":{node} a ng:Relation, rdf:Statement ; rdf:subject :{s} ; rdf:predicate {p} ; rdf:object :{o}"
        f" ; prov:wasDerivedFrom :d{code} ; ng:evidence [ a oa:Annotation ; oa:hasTarget [ oa:hasSource :d ;"
        f" oa:hasSelector [ a oa:TextPositionSelector ; oa:start {start} ; oa:end {start + 1} ] ] ] .\n"
    )


def write_pred(folder: Path, docs: dict[str, tuple[str, str]]) -> Path:
    """graph.nq with one named graph per document (its IRI): identifier -> (text, Turtle).

    Each document's Turtle has its own ":" namespace, in which ":d" is the document.
    """
    store = ox.Store()
    for n, (name, (text, body)) in enumerate(docs.items()):
        base = f"https://example.org/doc{n}/"
        doc = (
            f":d a schema:NewsArticle, nif:Context ; schema:identifier {lit(name)} ; nif:isString {lit(text)}"
        )
        ttl = f"@prefix : <{base}> .\n{PREFIXES}{doc} .\n{body}"
        store.load(ttl, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(base + "d"))
    folder.mkdir(parents=True, exist_ok=True)
    store.dump(folder / "graph.nq", ox.RdfFormat.N_QUADS)
    return folder


def write_json(path: Path, content: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


def figures(result: dict, name: str = "seed.gold.json") -> dict[str, tuple]:
    return {k: (f["tp"], f["fp"], f["fn"]) for k, f in result["graph"][name].items()}


# --- graph-level ----------------------------------------------------------------------------

SEED = (
    "Vladimir Putin met Aleksandr Lukashenko in St. Petersburg. The Kremlin's spokesman said "
    "the bombing was an attack on Russia. Putin criticised the West."
)
GOLD = {
    "document": "seed.txt",
    "entities": [
        {"key": "putin", "type": "Person", "names": ["Vladimir Putin", "Putin"], "required": True},
        {"key": "lukashenko", "type": "Person", "names": ["Aleksandr Lukashenko"], "required": True},
        {"key": "spb", "type": "Place", "names": ["St. Petersburg"], "required": True},
        {"key": "russia", "type": "Country", "names": ["Russia", "Kremlin"], "required": True},
        {"key": "west", "type": "Group", "names": ["the West"], "required": False},
    ],
    "events": [
        {
            "key": "summit",
            "cameo_root": ["04"],
            "triggers": ["met"],
            "roles": {"participant": ["putin", "lukashenko"], "place": ["spb"]},
            "required": True,
        },
        {
            "key": "bombing",
            "cameo_root": ["18", "20"],
            "triggers": ["bombing", "attack"],
            "roles": {"place": ["russia", "spb"]},
            "required": True,
        },
        {
            "key": "criticism",
            "cameo_root": ["11"],
            "triggers": ["criticised"],
            "roles": {},
            "required": False,
        },
    ],
    "relations": [
        {
            "subject": ["putin"],
            "kind": "interaction",
            "cameo_root": ["04"],
            "object": ["lukashenko"],
            "required": True,
        },
        {"subject": ["putin"], "kind": "leader_of", "object": ["russia"], "required": True},
        {"subject": ["putin"], "kind": "leader_of", "object": ["russia"], "required": True},  # repeats: once
        {
            "subject": ["putin"],
            "kind": "interaction",
            "cameo_root": ["11"],
            "object": ["west"],
            "required": False,
        },
    ],
}
ENTITIES = (
    entity("putin", "schema:Person", "Vladimir Putin", SEED, "Vladimir Putin", ("Putin", 1), alt="Putin")
    + entity("luka", "schema:Person", "Aleksandr Lukashenko", SEED, "Aleksandr Lukashenko")
    + entity("spb", "schema:Place", "St. Petersburg", SEED, "St. Petersburg")
    + entity("russia", "schema:Country", "Russia", SEED, "Kremlin", "Russia", alt="Kremlin")
)
EVENTS = event("summit", "040", SEED, "met", participant="putin", agent="luka", place="spb") + event(
    "bombing", "183", SEED, "bombing", place="russia"
)
RELATIONS = relation("r1", "putin", "ng:meets", "luka", "040", 0) + relation(
    "r2", "putin", "ng:leaderOf", "russia"
)
PERFECT = {"entities": (4, 0, 0), "events": (2, 0, 0), "relations": (2, 0, 0)}


def score_seed(tmp_path: Path, body: str, gold: dict = GOLD) -> dict:
    pred = write_pred(tmp_path / "out", {"seed.txt": (SEED, body)})
    return evaluate([write_json(tmp_path / "seed.gold.json", gold)], pred)


def test_perfect_prediction_scores_one(tmp_path: Path) -> None:
    result = score_seed(tmp_path, ENTITIES + EVENTS + RELATIONS)
    assert figures(result) == PERFECT
    for name in ("entities", "events", "relations"):
        f = result["graph"]["seed.gold.json"][name]
        assert (f["p"], f["r"], f["f1"]) == (1.0, 1.0, 1.0)
    assert result["graph"]["seed.gold.json"]["entities"]["type_acc"] == 1.0
    assert result["graph"]["seed.gold.json"]["events"]["roles_recall"] == 1.0


def test_duplicate_node_is_a_false_positive(tmp_path: Path) -> None:
    dup = entity("putin2", "schema:Person", "Putin", SEED, ("Putin", 1))  # first mentioned after :putin
    result = score_seed(tmp_path, ENTITIES + dup)
    f = result["graph"]["seed.gold.json"]["entities"]
    assert (f["tp"], f["fp"], f["fn"]) == (4, 1, 0)
    assert f["p"] == pytest.approx(0.8) and f["f1"] == pytest.approx(8 / 9)
    assert result["explain"]["graph"]["seed.gold.json"]["entities"]["duplicates"] == [
        "Putin [Person] duplicates putin"
    ]


def test_optional_items_count_neither_way(tmp_path: Path) -> None:
    optional = (
        entity("west", "ng:Group", "the West", SEED, "the West")
        + entity("west2", "ng:Group", "West", SEED, "West")  # a duplicate of an optional entity
        + event("criticism", "111", SEED, "criticised", agent="putin")
        + relation("r3", "putin", "ng:criticizes", "west", "111", 130)
    )
    found = score_seed(tmp_path / "found", ENTITIES + EVENTS + RELATIONS + optional)
    missed = score_seed(tmp_path / "missed", ENTITIES + EVENTS + RELATIONS)
    assert figures(found) == figures(missed) == PERFECT


def test_unmatched_predictions_are_false_positives(tmp_path: Path) -> None:
    extra = (
        entity("spokesman", "schema:Person", "Spokesman", SEED, "spokesman")
        + event("speech", "010", SEED, "said")  # a CAMEO code but no gold event
        + event("uncoded", None, SEED, "was")  # no CAMEO code, matches nothing: not counted
        + relation("r4", "spokesman", "ng:criticizes", "russia", "111", 60)  # subject not in gold
    )
    result = score_seed(tmp_path, ENTITIES + EVENTS + RELATIONS + extra)
    assert figures(result) == {"entities": (4, 1, 0), "events": (2, 1, 0), "relations": (2, 1, 0)}


def test_missing_items_are_false_negatives(tmp_path: Path) -> None:
    result = score_seed(tmp_path, entity("putin", "schema:Organization", "Putin", SEED, "Putin"))
    assert figures(result) == {"entities": (1, 0, 3), "events": (0, 0, 2), "relations": (0, 0, 2)}
    assert result["graph"]["seed.gold.json"]["entities"]["type_acc"] == 0.0
    assert result["graph"]["seed.gold.json"]["events"]["roles_recall"] == 0.0


def test_meetings_match_in_either_direction(tmp_path: Path) -> None:
    relations = (
        relation("r1", "luka", "ng:meets", "putin", "040", 0)  # reversed meeting: matches
        + relation("r2", "putin", "ng:leaderOf", "russia")
        + relation("r3", "russia", "ng:leaderOf", "putin")  # reversed standing relation: no
    )
    result = score_seed(tmp_path, ENTITIES + EVENTS + relations)
    assert figures(result)["relations"] == (2, 1, 0)


def test_duplicate_relations_count_once(tmp_path: Path) -> None:
    relations = RELATIONS + relation("r1b", "putin", "ng:meets", "luka", "040", 5)  # same s, p, o, CAMEO
    relations += relation("r1c", "putin", "ng:visits", "luka", "042", 9)  # another meeting: neither way
    assert figures(score_seed(tmp_path, ENTITIES + EVENTS + relations)) == PERFECT


def test_leading_the_trailing_s_and_curly_quotes_do_not_matter(tmp_path: Path) -> None:
    gold = {
        "document": "seed.txt",
        "entities": [
            {"key": "russia", "type": "Country", "names": ["Kremlin"], "required": True},
            {"key": "west", "type": "Group", "names": ["West"], "required": True},
            {"key": "putin", "type": "Person", "names": ["Putin’s"], "required": True},
        ],
    }
    body = (
        entity("k", "schema:Country", "The Kremlin’s", SEED, "The Kremlin's")
        + entity("w", "ng:Group", "the west", SEED, "the West")
        + entity("p", "schema:Person", "PUTIN's", SEED, "Vladimir Putin")
    )
    assert figures(score_seed(tmp_path, body, gold))["entities"] == (3, 0, 0)


def test_missing_document_is_an_error(tmp_path: Path) -> None:
    pred = write_pred(tmp_path / "out", {"other.txt": (SEED, "")})
    with pytest.raises(EvalError, match="seed.txt"):
        evaluate([write_json(tmp_path / "seed.gold.json", GOLD)], pred)
    with pytest.raises(EvalError):
        load_prediction(tmp_path / "nowhere")


def test_turtle_prediction_and_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nq = write_pred(tmp_path / "nq", {"seed.txt": (SEED, ENTITIES)}) / "graph.nq"
    store = load_prediction(nq)
    (tmp_path / "ttl").mkdir()
    store.dump(
        tmp_path / "ttl" / "graph.ttl", ox.RdfFormat.TURTLE, from_graph=next(iter(store.named_graphs()))
    )
    gold = write_json(tmp_path / "seed.gold.json", GOLD)
    assert figures(evaluate([gold], tmp_path / "ttl"))["entities"] == (4, 0, 0)
    assert main(["eval", str(gold), "--pred", str(tmp_path / "ttl"), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert set(printed) == {"graph", "mention", "mention_micro"}
    assert main(["eval", str(gold), "--pred", str(tmp_path / "missing")]) == 1


# --- mention-level --------------------------------------------------------------------------

GUM_TEXT = (
    "U.S. President Donald Trump's team met Trump in Boston. He left. Teams from Morocco and Iran came."
)


def gum_gold(*mentions: tuple[str, str, str] | tuple[str, str, str, int]) -> dict:
    """GUM-style gold: (phrase, type, cluster[, nth]) per mention."""
    entities = []
    for phrase, kind, cluster, *nth in mentions:
        b, e = span(GUM_TEXT, phrase, *nth)
        entities.append({"start": b, "end": e, "text": phrase, "type": kind, "id": cluster})
    return {"doc_id": "gum_doc", "text": GUM_TEXT, "entities": entities, "events": []}


def score_doc(tmp_path: Path, gold: dict, body: str, text: str = GUM_TEXT) -> dict:
    pred = write_pred(tmp_path / "out", {f"{gold['doc_id']}.txt": (text, body)})
    return evaluate([write_json(tmp_path / "set" / f"{gold['doc_id']}.json", gold)], pred)


def counts(result: dict, doc: str, figure: str) -> tuple[int, int, int]:
    f = result["mention"][doc][figure]
    return f["tp"], f["fp"], f["fn"]


def test_mentions_overlap_and_end_on_the_same_word(tmp_path: Path) -> None:
    gold = gum_gold(
        ("U.S. President Donald Trump's", "person", "e1"),
        ("U.S.", "place", "e2"),
        ("team", "organization", "e3"),  # not a name: not scored
        ("Trump", "person", "e1", 1),
        ("Boston", "place", "e4"),
        ("He", "person", "e1"),  # a pronoun: not scored
    )
    body = (
        entity("trump", "schema:Person", "Donald Trump", GUM_TEXT, "Donald Trump", ("Trump", 1), "He")
        + entity("pres", "schema:Person", "U.S. President", GUM_TEXT, "U.S. President")  # ends elsewhere
        + entity("boston", "schema:Place", "Boston", GUM_TEXT, "Boston")
    )
    result = score_doc(tmp_path, gold, body)
    assert counts(result, "gum_doc", "mentions") == (3, 1, 1)
    explain = result["explain"]["mention"]["gum_doc"]["mentions"]
    assert explain == {
        "false_positives": ["'U.S. President' [0:14]"],
        "duplicates": [],
        "misses": ["'U.S.' [0:4]"],
    }


def test_exact_span_is_preferred(tmp_path: Path) -> None:
    gold = gum_gold(("Teams from Morocco and Iran", "organization", "e1"), ("Iran", "place", "e2"))
    result = score_doc(tmp_path, gold, entity("iran", "schema:Country", "Iran", GUM_TEXT, "Iran"))
    assert counts(result, "gum_doc", "mentions") == (1, 0, 1)
    misses = result["explain"]["mention"]["gum_doc"]["mentions"]["misses"]
    assert misses == [
        f"'Teams from Morocco and Iran' [{span(GUM_TEXT, 'Teams')[0]}:{span(GUM_TEXT, 'Iran')[1]}]"
    ]


def test_second_node_on_a_cluster_is_a_duplicate(tmp_path: Path) -> None:
    gold = gum_gold(
        ("U.S. President Donald Trump's", "person", "e1"),
        ("U.S.", "place", "e2"),
        ("Trump", "person", "e1", 1),
        ("He", "person", "e1"),
        ("Boston", "place", "e3"),
    )
    body = (
        entity("trump", "schema:Person", "Donald Trump", GUM_TEXT, "Donald Trump", "He")
        + entity("trump2", "schema:Person", "Trump", GUM_TEXT, ("Trump", 1))
        + entity("boston", "schema:Place", "Boston", GUM_TEXT, "Boston")
        + entity("team", "schema:Organization", "team", GUM_TEXT, "team")
    )  # no matched mention
    result = score_doc(tmp_path, gold, body)
    assert counts(result, "gum_doc", "nodes") == (2, 2, 1)
    assert "events" not in result["mention"]["gum_doc"]  # GUM does not annotate events


WE_TEXT = "The bomber attacked the market in Kabul, killing 5 people. Police arrested him. He talked."


def test_wikievents_events_and_arguments(tmp_path: Path) -> None:
    def m(phrase: str, kind: str, cluster: str, nth: int = 0) -> dict:
        b, e = span(WE_TEXT, phrase, nth)
        return {"start": b, "end": e, "text": phrase, "type": kind, "id": cluster}

    def arg(role: str, mention: dict) -> dict:
        return {"role": role, "entity_id": mention["id"], **{k: mention[k] for k in ("start", "end", "text")}}

    bomber, market, kabul = (
        m("The bomber", "PER", "C1"),
        m("the market", "FAC", "C2"),
        m("Kabul", "GPE", "C3"),
    )
    people, police, him = m("people", "PER", "C4"), m("Police", "ORG", "C5"), m("him", "PER", "C1")

    def ev(eid: str, kind: str, trigger: str, *args: dict) -> dict:
        b, e = span(WE_TEXT, trigger)
        return {
            "id": eid,
            "type": kind,
            "trigger": {"start": b, "end": e, "text": trigger},
            "arguments": list(args),
        }

    gold = {
        "doc_id": "we_doc",
        "text": WE_TEXT,
        "entities": [bomber, market, kabul, people, police, him],
        "events": [
            ev(
                "E1",
                "Conflict.Attack.DetonateExplode",
                "attacked",
                arg("Attacker", bomber),
                arg("Target", market),
                arg("Place", kabul),
                arg("Instrument", market),
            ),
            ev("E2", "Life.Die.Unspecified", "killing", arg("Victim", people)),
            ev("E3", "Justice.ArrestJailDetain.Unspecified", "arrested", arg("Detainee", him)),
            ev("E4", "Contact.Contact.Unspecified", "talked"),  # type not scored
        ],
    }
    body = (
        entity("bomber", "schema:Person", "bomber", WE_TEXT, "him")  # found through its gold cluster
        + entity("kabul", "schema:Place", "Kabul", WE_TEXT, "Kabul")
        + event("attack", "183", WE_TEXT, "attacked", agent="bomber", place="kabul")  # Target missed
        + event("talk", "051", WE_TEXT, "talked")  # root 05 is in no mapped set: ignored
        + event("kill", "173", WE_TEXT, "killing")  # 17 is not a root of Life.Die: false positive
    )
    result = score_doc(tmp_path, gold, body, WE_TEXT)
    assert counts(result, "we_doc", "events") == (1, 1, 2)
    assert result["mention_micro"]["arguments_recall_mean"] == pytest.approx(2 / 3)
    assert counts(result, "we_doc", "mentions") == (1, 0, 1)  # Kabul found, Police missed


# --- the real development sets --------------------------------------------------------------


def test_real_gold_with_an_empty_prediction(tmp_path: Path) -> None:
    docs = {}
    for path in sorted(DEV.rglob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if "document" in gold:
            docs[gold["document"]] = ("", "")
        else:
            docs[f"{gold['doc_id']}.txt"] = (gold["text"], "")
    pred = write_pred(tmp_path / "out", docs)
    gold_paths = [
        DEV / "seed" / "st-petersburg-bombing.gold.json",
        DEV / "gum_news",
        DEV / "wikievents_voa",
        DEV / "wikinews",
    ]
    result = evaluate(gold_paths, pred)
    assert len(result["graph"]) == 11  # the seed and the 10 Wikinews articles
    for gold_file in result["graph"].values():
        for name in ("entities", "events", "relations"):
            f = gold_file[name]
            assert f["r"] == 0.0 and f["tp"] == f["fp"] == 0 and f["fn"] > 0
    assert len(result["mention"]) == 17
    for name in ("mentions", "nodes", "events"):
        f = result["mention_micro"][name]
        assert f["r"] == 0.0 and f["tp"] == f["fp"] == 0 and f["fn"] > 0
    table = render_table(result)
    assert "gum_news (12 docs)" in table and "wikievents_voa (5 docs)" in table
    assert "misses" in render_explain(result)
