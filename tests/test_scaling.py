"""Extraction is linear in the length of a document (issue 12): no step compares every mention,
event or name with every other.  Checked by counting comparisons, never by timing, and the
indexes that replaced the scans are checked against the scans they replaced (same answers,
ties included).  Synthetic inputs on ``spacy.blank("en")``; one check runs the real model."""

from __future__ import annotations

import random
from collections import Counter

import pytest
import spacy
from spacy.attrs import SENT_START
from spacy.tokens import Doc

from newsgraph.extract import entities as E
from newsgraph.extract import events as V
from newsgraph.extract import pipeline as P


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


# -- event coreference -----------------------------------------------------------------------
def _sentences_doc(blank, n: int) -> Doc:
    """n sentences "Gunmen attacked ." (the verb of sentence i is token 3i + 1)."""
    words = ["Gunmen", "attacked", "."] * n
    return Doc(blank.vocab, words=words, sent_starts=[i % 3 == 0 for i in range(len(words))])


def _attack(doc: Doc, sentence: int, place: str, target: str = "kenya") -> V._Event:
    trig = V.Trigger(lemma="attack", pos="VERB", event_class="attack", cameo="190", requires="", confidence=0.9)
    return V._Event(trig=trig, tokens=[doc[3 * sentence + 1]], roles={"target": [target]}, place=place)


def _count_comparisons(monkeypatch) -> Counter:
    calls: Counter = Counter()
    original = V.coreference._same_happening

    def counted(*args, **kwargs):
        calls["same_happening"] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(V.coreference, "_same_happening", counted)
    return calls


def test_coreference_compares_each_event_with_the_window_only(blank, monkeypatch):
    # Every event shares its target with all the others but names another town, so none
    # merges: the old scan compared each with every earlier one (n^2 / 2 comparisons).
    n = 400
    doc = _sentences_doc(blank, n)
    calls = _count_comparisons(monkeypatch)
    out = V._merge_coreferent([_attack(doc, i, f"town-{i}") for i in range(n)], {})
    assert len(out) == n
    window = V.COREF_WINDOW_SENTENCES
    assert calls["same_happening"] == sum(min(i, window) for i in range(n))  # (i - window .. i - 1)
    assert calls["same_happening"] < n * window < n * (n - 1) // 2


def test_coreference_ignores_unrelated_events(blank, monkeypatch):
    # Events with nothing named in common are never compared at all (index by named key).
    n = 300
    doc = _sentences_doc(blank, n)
    calls = _count_comparisons(monkeypatch)
    out = V._merge_coreferent([_attack(doc, i, f"town-{i}", target=f"actor-{i}") for i in range(n)], {})
    assert len(out) == n and calls["same_happening"] == 0


@pytest.mark.parametrize("apart, merged", [(V.COREF_WINDOW_SENTENCES, True), (V.COREF_WINDOW_SENTENCES + 1, False)])
def test_coreference_window_counts_from_the_latest_mention(blank, apart, merged):
    doc = _sentences_doc(blank, apart + 2)
    out = V._merge_coreferent([_attack(doc, 0, "nairobi"), _attack(doc, apart, "nairobi")], {})
    assert len(out) == (1 if merged else 2)
    # A mention in between keeps the event in the window for the last one.
    out = V._merge_coreferent([_attack(doc, 0, "nairobi"), _attack(doc, apart // 2, "nairobi"),
                               _attack(doc, apart + 1, "nairobi")], {})
    assert len(out) == 1 and len(out[0].tokens) == 3


def test_a_merged_event_keeps_its_facts_up_to_date(blank):
    doc = _sentences_doc(blank, 3)
    ev = _attack(doc, 0, "nairobi")
    assert V._mention_facts(ev, lambda t: True).all_headline
    ev.tokens.append(doc[4])
    facts = V._mention_facts(ev, lambda t: t.i < 3)
    assert not facts.all_headline and facts.facts_of == 2 and facts.lemmas == {doc[1].lemma_, doc[4].lemma_}


# -- names: the indexes give the scans' answers ------------------------------------------------
def _reference_short_name_target(token, start, named):
    """short_name_target as it was: a scan of every full-name mention."""
    folded = E._fold(token)
    nt = E._name_tokens
    cands = {k for _, k, lab in named if nt(lab)[-1] == token or E._surname(lab) == token
             or (len(nt(lab)) > 2 and E._fold("".join(nt(lab)[-2:])) == folded and nt(lab)[-2].lower() in E.NAME_PARTICLES)}
    if not cands:
        cands = {k for _, k, lab in named if nt(lab)[0] == token}
    if not cands and token[:1].isupper() and len(token) > 2:
        cands = {k for _, k, lab in named if token in nt(lab)[1:-1]}
    if not cands and len(token) >= 6:
        cands = {k for _, k, lab in named if E._spellings_of_one_name(E._surname(lab), token)}
    if len(cands) == 1:
        return next(iter(cands))
    before = [(s, k) for s, k, _ in named if k in cands and s < start]
    if not before:
        return None
    so_far = Counter(k for _, k in before)
    return max(before, key=lambda sk: (so_far[sk[1]], sk[0]))[1]


FIRST = ["Amara", "Bongani", "Carlota", "Dmitri", "Amara"]
LAST = ["Okafor", "Okafur", "de Souza", "Lindqvist", "Okafor"]


def test_short_name_target_matches_the_scan_it_replaced():
    rng = random.Random(12)
    for _ in range(200):
        named = []
        for _ in range(rng.randint(1, 12)):
            label = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            # (a shared start now and then: the tie the scan broke by list order)
            named.append((rng.choice([10, 20, 30, rng.randint(0, 100)]), E.slug(label), label))
        people = E.NamedPeople(named)
        for token in ["Okafor", "Okafur", "Amara", "Souza", "deSouza", "Lindqvist", "Dmitri", "Nobody"]:
            for start in (0, 15, 25, 50, 200):
                assert E.short_name_target(token, start, people) == _reference_short_name_target(token, start, named)
                among = frozenset(k for _, k, _ in named[::2])
                assert E.short_name_target(token, start, people, among=among) == \
                    _reference_short_name_target(token, start, [x for x in named if x[1] in among])


def _reference_people_keys(texts: list[str]) -> list[str]:
    """The full-name clustering of _resolve_people as it was: a scan of every name so far."""
    nt, full, keys = E._name_tokens, {}, []
    for text in texts:
        toks = nt(text)
        key = E.slug(" ".join(toks))
        same = next((k for k, lab in full.items() if (nt(lab)[-1] == toks[-1] and nt(lab)[0] == toks[0])
                     or nt(lab)[:len(toks)] == toks or toks[:len(nt(lab))] == nt(lab)), None)
        if same is None:
            same = next((k for k, lab in full.items() if E._spellings_of_one_name(lab, " ".join(toks))), None)
        if same is None:  # the one longer name it ends ("Sassou Nguesso" after "Denis Sassou Nguesso")
            ends = [k for k, lab in full.items() if len(nt(lab)) > len(toks) and nt(lab)[-len(toks):] == toks]
            same = ends[0] if len(ends) == 1 else None
        if same is not None:
            if len(toks) > len(nt(full[same])):
                full[same] = " ".join(toks)
            keys.append(same)
        else:
            full[key] = " ".join(toks)
            keys.append(key)
    return keys


def test_full_name_clustering_matches_the_scan_it_replaced():
    rng = random.Random(7)
    words = ["Abu", "Muhammad", "Mohamed", "al", "Masri", "Al-Masri", "Hassan", "Sheikh", "Mohamud", "K.", "Nikolas"]
    for _ in range(300):
        texts = [" ".join(rng.choice(words) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(1, 15))]
        persons = [E._Mention(start=i, end=i + 1, text=t, type="Person") for i, t in enumerate(texts)]
        E._resolve_people(persons)
        assert [m.key for m in persons] == _reference_people_keys(texts)


def test_in_headline_matches_the_scan_it_replaced(blank):
    rng = random.Random(3)
    lines = ["Talks Collapse In Geneva Tonight", "Police said three people were hurt.", "",
             "Ministers Meet Again Over Border Deal", "The meeting ended without a statement."]
    text = "\n".join(rng.choice(lines) for _ in range(60))
    doc = blank(text)
    spans = E.headline_lines(doc)
    assert spans
    for _ in range(2000):
        start = rng.randrange(len(text))
        end = start + rng.choice([1, 3, 20, 200])
        assert E.in_headline(doc, start, end) == any(a <= start and end <= b for a, b in spans)


def test_head_of_longer_name_is_looked_up_once_per_name(monkeypatch):
    calls = Counter()
    original = E._names_same_body
    monkeypatch.setattr(E.acronyms, "_names_same_body", lambda *a: calls.update(["x"]) or original(*a))

    def run(reps: int) -> list:
        orgs = []
        for r in range(reps):
            for text in ("Comic Corps of Canada", "Comic Corps", "Georgian Dream party", "Georgian Dream"):
                orgs.append(E._Mention(start=100 * r + len(orgs), end=0, text=text, type="Organization"))
        E._resolve_acronyms(orgs)
        return orgs

    orgs = run(10)
    few = calls["x"]
    assert {m.key for m in orgs if m.text == "Comic Corps"} == {E.org_key("Comic Corps of Canada")}
    calls.clear()
    run(200)
    assert calls["x"] == few  # the same distinct names: the same comparisons, however many mentions


# -- line breaks, progress -------------------------------------------------------------------
def test_line_breaks_start_sentences_as_the_token_setter_did(blank):
    text = "Headline Of The Day\nCAIRO (Agency) - Talks resumed.\n\nA second paragraph here.\n" * 40
    doc, ref = blank(text), blank(text)
    P.line_breaks(doc)
    for tok in ref[:-1]:
        if "\n" in tok.text and tok.is_space or "\n" in tok.whitespace_:
            ref[tok.i + 1].is_sent_start = True
    story = P.dateline_story_start(text)  # (the first wire dateline's story starts a sentence too)
    ref[next(t.i for t in ref if t.idx >= story)].is_sent_start = True
    assert (doc.to_array([SENT_START]) == ref.to_array([SENT_START])).all()
    assert sum(bool(t.is_sent_start) for t in doc) >= 120


def _article(name: str, size: int):
    from newsgraph.graph.model import Article

    return Article(id=name, text="x" * size)


def test_progress_line_after_a_while_then_every_so_often():
    now = [0.0]
    watch = P._Watchdog(clock=lambda: now[0], start=False)
    watch.handed(_article("short.txt", 10))
    watch.handed(_article("long.txt", 738_412))
    assert watch.line() is None
    now[0] = P.PROGRESS_AFTER_SECONDS + 1.2
    assert watch.line() == "newsgraph: still extracting long.txt (738,412 characters; 1 more in its batch), 6 s"
    now[0] += 1
    assert watch.line() is None  # not again before PROGRESS_EVERY_SECONDS
    now[0] += P.PROGRESS_EVERY_SECONDS
    assert watch.line().endswith(", 17 s")  # (first line at 6.2 s, this one at 17.2 s)
    watch.done()  # a result is out: the caller has it, nothing is running
    now[0] += 100
    assert watch.line() is None
    watch.resumed()
    now[0] += 1
    assert watch.line() is None  # the clock starts again


def test_progress_thread_writes_and_stops(monkeypatch):
    monkeypatch.setattr(P, "PROGRESS_AFTER_SECONDS", 0.0)
    lines: list[str] = []
    watch = P._Watchdog(write=lines.append, tick=0.01)
    watch.handed(_article("a.txt", 5))
    for _ in range(200):
        if lines:
            break
        watch._stop.wait(0.01)
    watch.stop()
    assert lines and lines[0].startswith("newsgraph: still extracting a.txt (5 characters)")
    assert not watch._thread.is_alive()


# -- the real model: comparisons grow with the text, not with its square ----------------------
@pytest.mark.model
def test_repeated_text_costs_comparisons_in_proportion(nlp, monkeypatch):
    from newsgraph.extract.pipeline import extract
    from newsgraph.graph.model import Article

    paragraph = ("Rebels attacked a police post in Tessalit on Monday, killing four officers, the army said. "
                 "Minister Ana Kovacs condemned the attack and spoke with President Idris Maiga. ")
    calls = _count_comparisons(monkeypatch)
    fits = Counter()
    original_fitting = E._fitting
    monkeypatch.setattr(E.names, "_fitting", lambda *a: fits.update(["x"]) or original_fitting(*a))
    counts = []
    for reps in (40, 160):
        calls.clear()
        fits.clear()
        result = next(extract([Article(id="r.txt", text=paragraph * reps, date="2025-02-03")], nlp))
        assert result.events
        counts.append((calls["same_happening"], fits["x"]))
    assert counts[1][0] <= 6 * max(counts[0][0], 1)  # 4x the text; a quadratic step would give 16x
    assert counts[1][1] == counts[0][1]  # short names are fitted once per name


def test_quiet_builds_ask_for_no_progress_lines(tmp_path, monkeypatch):
    """-q silences the "still extracting" line; otherwise the pipeline shows it on a terminal."""
    import newsgraph.build as b
    from newsgraph.cli import main

    seen = []

    def record(articles, total, **opts):
        seen.append(opts["progress"])
        return iter(())
    monkeypatch.setattr(b, "extract_results", record)
    (tmp_path / "a.txt").write_text("Text.")
    main(["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "-q"])
    main(["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out")])
    assert seen == [False, None]
