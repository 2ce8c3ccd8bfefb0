"""Run newsgraph on bad and hostile input, as a user or an attacker would, and write the
table of what happens into docs/reliability.md (between the reliability markers).

Every case is a real command in a fresh folder: its exit status, the first line it
printed on stderr, its time, and whether anything connected to a local listener that
the inputs point at. A case states what it expects (exit status and a piece of the
message); the table says whether that held.

    .venv/bin/python scripts/reliability.py            # run every case, rewrite the table
    .venv/bin/python scripts/reliability.py --only store  # cases whose name has "store"
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = [str(ROOT / ".venv" / "bin" / "newsgraph")]
DOC = ROOT / "docs" / "reliability.md"
SENTENCES = ("Russian President Vladimir Putin met Belarusian President Alexander Lukashenko in Minsk "
             "on Monday. Putin said Russia supports the government of Bashar al-Assad. ")
ARTICLE_HTML = "<p>" + SENTENCES * 3 + "</p>"


class Listener:
    """A TCP listener on 127.0.0.1 that counts the connections it accepts."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.hits = 0
        self._stop = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.hits += 1
            conn.close()

    def close(self) -> None:
        self._stop = True
        self.thread.join()
        self.sock.close()


@dataclass
class Case:
    name: str
    group: str
    setup: Callable[[Path, Listener], list[str]]  # makes files, returns the CLI arguments
    expect_rc: int | tuple[int, ...]
    expect: str = ""  # a regular expression the stderr (or stdout) must match
    note: str = ""
    stdin: bytes | None = None
    after: Callable[[Path], str | None] | None = None  # extra check: None if fine, else why not
    signal_after: float | None = None  # send SIGTERM after this many seconds
    timeout: float = 300
    stdout: str = ""  # a regular expression the standard output must match


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def build(*paths: Path | str, extra: tuple[str, ...] = ()) -> Callable[[Path], list[str]]:
    return lambda d: ["build", *map(str, paths), "-o", str(d / "out"), "-q", *extra]


def jsonl(rows: list[dict] | str) -> str:
    return rows if isinstance(rows, str) else "\n".join(json.dumps(r) for r in rows) + "\n"


_SEED_OUT: dict[str, Path] = {}


def seed_build() -> Path:
    """The seed article built once; query cases run on it."""
    if "out" not in _SEED_OUT:
        out = Path(tempfile.mkdtemp(prefix="ng-rel-seed-")) / "out"
        subprocess.run([*CLI, "build", str(ROOT / "seeds"), "-o", str(out), "-q"], check=True)
        _SEED_OUT["out"] = out
    return _SEED_OUT["out"]


def query(q: str, *extra: str) -> Callable[[Path, Listener], list[str]]:
    return lambda d, lis: ["query", str(seed_build()), q.replace("PORT", str(lis.port)), *extra]


def no_scratch(d: Path) -> str | None:
    left = [p.name for p in (d / "out").glob(".*")] if (d / "out").is_dir() else []
    return f"scratch left: {left}" if left else None


def kept_old_files(d: Path) -> str | None:
    return None if (d / "out" / "graph.nq").read_text() == "old\n" else "graph.nq was replaced"


def cases() -> list[Case]:
    c: list[Case] = []
    add = c.append
    t = "input files"
    add(Case("empty file", t, lambda d, _: build(write(d / "a.txt", b""))(d), 1, "empty document"))
    add(Case("whitespace only", t, lambda d, _: build(write(d / "a.txt", " \n\t\n"))(d), 1, "empty document"))
    add(Case("binary (PNG)", t, lambda d, _: build(write(d / "a.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"))(d),
             1, "binary"))
    add(Case("Latin-1 text", t, lambda d, _: build(write(d / "a.txt", "Caf\xe9 talks.".encode("latin-1")))(d),
             1, "not valid UTF-8"))
    add(Case("UTF-16 LE with BOM", t, lambda d, _: build(write(d / "a.txt", b"\xff\xfe" + SENTENCES.encode("utf-16-le")))(d),
             0))
    add(Case("UTF-16 BE with BOM", t, lambda d, _: build(write(d / "a.txt", b"\xfe\xff" + SENTENCES.encode("utf-16-be")))(d),
             0))
    add(Case("UTF-16 without BOM", t, lambda d, _: build(write(d / "a.txt", SENTENCES.encode("utf-16-le")))(d), 0))
    add(Case("UTF-32 with BOM", t, lambda d, _: build(write(d / "a.txt", b"\xff\xfe\0\0" + SENTENCES.encode("utf-32-le")))(d),
             0))
    add(Case("UTF-8 with BOM", t, lambda d, _: build(write(d / "a.txt", b"\xef\xbb\xbf" + SENTENCES.encode()))(d), 0))
    add(Case("control characters and U+FFFE in a text file", t,
             lambda d, _: build(write(d / "a.txt", "Putin\x01 met\x0b Xi\ufffe in Moscow.\uffff"))(d), 0,
             note="replaced one for one (offsets kept)"))
    add(Case("text over --max-chars", t, lambda d, _: build(write(d / "a.txt", "Word. " * 400), extra=("--max-chars", "1000"))(d),
             1, "more than the limit"))
    add(Case("50 MB text file", t, lambda d, _: build(write(d / "a.txt", ("Putin met Xi. " * 3_800_000)))(d),
             1, "too long for the limit", note="refused after reading 4 MB"))
    add(Case("unsupported file type given by name", t, lambda d, _: build(write(d / "a.pdf", b"%PDF-1.4"))(d),
             1, "unsupported file type"))
    add(Case("missing input", t, lambda d, _: build(d / "nope.txt")(d), 1, "no such file"))
    add(Case("folder without articles", t, lambda d, _: (write(d / "in" / "x.json", "{}"), build(d / "in")(d))[1],
             1, "no articles"))
    add(Case("empty standard input", t, lambda d, _: ["build", "-", "-o", str(d / "out"), "-q"], 1, "empty document",
             stdin=b""))
    add(Case("symlink loop in the input folder", t,
             lambda d, _: (write(d / "in" / "a.txt", SENTENCES), os.symlink(d / "in", d / "in" / "loop"),
                           build(d / "in")(d))[2], 0))
    add(Case("dot-folders skipped (.git)", t,
             lambda d, _: (write(d / "in" / ".git" / "x.txt", b"\0\0binary"), write(d / "in" / "a.txt", SENTENCES),
                           build(d / "in")(d))[2], 0))
    add(Case("index.html in two folders", t,
             lambda d, _: (write(d / "in" / "world" / "index.html", f"<html><body><article>{ARTICLE_HTML}</article></body></html>"),
                           write(d / "in" / "europe" / "index.html", f"<html><body><article>{ARTICLE_HTML}</article></body></html>"),
                           build(d / "in")(d))[2], 0, note="ids europe/index.html, world/index.html"))
    add(Case("same file name from two input folders", t,
             lambda d, _: (write(d / "x" / "a.txt", SENTENCES), write(d / "y" / "a.txt", SENTENCES),
                           build(d / "x", d / "y")(d))[2], 1, "already used"))
    add(Case("file name not in UTF-8", t,
             lambda d, _: build(write(d / os.fsdecode(b"caf\xe9.txt"), SENTENCES))(d), 0))

    t = "HTML"
    add(Case("charset=windows-1252 declared", t, lambda d, _: build(write(
        d / "p.html", f'<html><head><meta charset="windows-1252"></head><body><article>{ARTICLE_HTML} Perú.</article></body></html>'
        .encode("cp1252")))(d), 0))
    add(Case("unknown charset declared", t, lambda d, _: build(write(
        d / "p.html", b'<html><head><meta charset="klingon-8"></head><body>x</body></html>'))(d), 1, "not a known encoding"))
    add(Case("navigation and footer only", t, lambda d, _: build(write(
        d / "p.html", "<html><body><nav><a href='/'>Home</a> | <a href='/w'>World</a></nav>"
        "<footer>Copyright 2024</footer></body></html>"))(d), 1, "no article text"))
    add(Case("remote scripts, images, styles, iframes", t, lambda d, lis: build(write(
        d / "p.html", f"<html><head><link rel=stylesheet href='http://127.0.0.1:{lis.port}/s.css'>"
        f"<script src='http://127.0.0.1:{lis.port}/x.js'></script></head><body><img src='http://127.0.0.1:{lis.port}/i.png'>"
        f"<iframe src='http://127.0.0.1:{lis.port}/f'></iframe><article>{ARTICLE_HTML}</article></body></html>"))(d), 0,
        note="nothing fetched"))
    add(Case("XXE (external entity) in XHTML", t, lambda d, lis: build(write(
        d / "p.xhtml", f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">'
        f'<!ENTITY y SYSTEM "http://127.0.0.1:{lis.port}/e">]><html><body><article>{ARTICLE_HTML}&x;&y;</article></body></html>'))(d),
        0, after=lambda d: "entity expanded" if "root:" in (d / "out" / "graph.nq").read_text() else None))
    add(Case("billion laughs in XHTML", t, lambda d, _: build(write(
        d / "p.xhtml", '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
        '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>'
        f'<html><body><article>{ARTICLE_HTML}&f;</article></body></html>'))(d), (0, 1), timeout=120,
        note="entities not expanded; the page is refused or read without them, in bounded time"))

    t = "JSONL"
    add(Case("malformed line", t, lambda d, _: build(write(d / "a.jsonl", '{"id": "1", "text": "ok"}\n{"id": 2, "text": \n'))(d),
             1, r"a\.jsonl:2: malformed JSON"))
    add(Case("record without text", t, lambda d, _: build(write(d / "a.jsonl", jsonl([{"id": "1"}])))(d), 1, "needs a string 'text'"))
    add(Case("id that is a list", t, lambda d, _: build(write(d / "a.jsonl", jsonl([{"id": [1], "text": "x"}])))(d), 1,
             "needs a string 'text' and an 'id'"))
    add(Case("deeply nested JSON", t, lambda d, _: build(write(d / "a.jsonl", "[" * 100_000 + "]" * 100_000 + "\n"))(d), 1,
             "a.jsonl:1"))
    add(Case("date 2023-13-45", t, lambda d, _: build(write(d / "a.jsonl", jsonl([{"id": "1", "text": SENTENCES, "date": "2023-13-45"}])))(d),
             1, r"a\.jsonl:1: 'date'.*not a calendar date"))
    add(Case("date 'yesterday'", t, lambda d, _: build(write(d / "a.jsonl", jsonl([{"id": "1", "text": SENTENCES, "date": "yesterday"}])))(d),
             1, "not a calendar date"))
    add(Case("U+FFFE and a lone surrogate in a text", t, lambda d, _: build(write(
        d / "a.jsonl", '{"id": "a", "text": "Russia\\ufffe supports\\ud800 Assad. Putin met Xi."}\n'))(d), 0,
        after=lambda d: rapper_ok(d / "out")))
    add(Case("--date 2023-02-30", t, lambda d, _: build(write(d / "a.txt", SENTENCES), extra=("--date", "2023-02-30"))(d),
             1, "--date '2023-02-30': not a calendar date"))

    t = "alias table"
    for name, row, msg in (("IRI with a space", "Acme,Acme,Organization,http://x.test/a b", "not a valid IRI"),
                           ("IRI with <>", "Acme,Acme,Organization,http://x.test/<a>", "not a valid IRI"),
                           ("javascript: IRI", "Acme,Acme,Organization,javascript:alert(1)", "only http, https and urn"),
                           ("'A.B.C.' Organization and 'A B C' Group", "A.B.C.,A.B.C.,Organization\nA B C,A B C,Group",
                            "would be one entity 'a_b_c'"),
                           ("unknown type", "Acme,Acme,Company", "type must be one of")):
        add(Case(name, t, lambda d, _, row=row: build(write(d / "a.txt", SENTENCES),
                                                       extra=("--aliases", str(write(d / "al.csv", row + "\n"))))(d),
                 1, msg, note="before extraction"))
    add(Case("alias table that is binary", t, lambda d, _: build(write(d / "a.txt", SENTENCES),
                                                                 extra=("--aliases", str(write(d / "al.csv", b"\0\1\2\3"))))(d),
             1, "binary"))

    t = "extraction"
    add(Case("one sentence repeated 10,000 times (980 KB)", t, lambda d, _: build(write(
        d / "a.txt", "The minister met the ambassador in the capital on Monday. " * 10_000))(d), 0, timeout=900,
        note="linear: see docs/performance.md"))

    t = "output"
    add(Case("output path is a file", t, lambda d, _: ["build", str(write(d / "a.txt", SENTENCES)), "-o",
                                                       str(write(d / "out", "x")), "-q"], 1, "cannot create"))
    add(Case("SIGTERM during the build", t, lambda d, _: (write(d / "out" / "graph.nq", "old\n"),
                                                           build(write(d / "a.txt", SENTENCES * 2000))(d))[1],
             143, "terminated", signal_after=4.0, after=lambda d: no_scratch(d) or kept_old_files(d),
             note="previous files kept, no scratch left"))
    add(Case("leftover scratch of a killed build", t, lambda d, _: (
        write(d / "out" / f"{dead_scratch()}rdf-x" / "part.nq", "x"), build(write(d / "a.txt", SENTENCES))(d))[1],
        0, after=no_scratch, note="removed by the next build"))

    add(Case("full disk (a 300 KB file system)", t, full_disk, 1, "No space left on device",
             after=lambda d: unmount(d) or no_scratch(d), note="nothing half-written left"))

    t = "store"
    add(Case("tampered result file", t, lambda d, _: tamper_store(d, b'{"format": "newsgraph-result"}'), 0,
             note="re-extracted"))
    add(Case("pickle planted as a result file", t, lambda d, _: tamper_store(d, pickle_bomb(d)), 0,
             after=lambda d: "pickle ran" if (d / "pwned").exists() else None, note="never unpickled"))
    add(Case("two builds on one store", t, two_builds, 1, "another build"))

    t = "query"
    add(Case("SERVICE to a local listener", t, query("SELECT * { SERVICE <http://127.0.0.1:PORT/sparql> { ?s ?p ?o } }"),
             1, "SERVICE"))
    add(Case("SERVICE SILENT", t, query("SELECT * { SERVICE SILENT <http://127.0.0.1:PORT/s> { ?s ?p ?o } }"), 1, "SERVICE"))
    add(Case("LOAD (an update)", t, query("LOAD <http://127.0.0.1:PORT/x.ttl>"), 1, "read-only"))
    add(Case("INSERT DATA", t, query("INSERT DATA { <urn:a> <urn:b> <urn:c> }"), 1, "read-only"))
    add(Case("syntax error on line 3", t, query("SELECT ?s\nWHERE {\n  ?s ?p ?o ..\n}"), 1, "line 3"))
    add(Case("-f missing.rq", t, lambda d, _: ["query", str(seed_build()), "-f", str(d / "missing.rq")], 1, "missing.rq"))
    add(Case("query and -f together", t, lambda d, _: ["query", str(seed_build()), "SELECT * {}", "-f",
                                                      str(write(d / "q.rq", "SELECT * {}"))], 1, "not both"))
    add(Case("expensive query, --timeout 2", t, query(
        "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }", "--timeout", "2"), 1, "2 s",
        timeout=60))
    add(Case("statement asserted by many articles", t, lambda d, _: ["query", str(dup_graph(d)),
                                                                      "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
                                                                      "--format", "csv"], 0,
             note="one triple in 50 article graphs counts once", stdout=r"^n\s+1\s*$"))
    add(Case("per-article question with GRAPH ?g", t, lambda d, _: [
        "query", str(dup_graph(d)), "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }", "--format", "csv"], 0,
        note="the same triple in each of 50 graphs", stdout=r"^n\s+50\s*$"))
    add(Case("JSON-LD with a remote @context", t, lambda d, lis: [
        "query", str(write(d / "g.jsonld", json.dumps({"@context": f"http://127.0.0.1:{lis.port}/ctx.jsonld",
                                                       "@id": "urn:a", "name": "x"}))), "SELECT * { ?s ?p ?o }"],
        1, "context"))
    add(Case("validate JSON-LD with a remote @context", t, lambda d, lis: [
        "validate", str(write(d / "g.jsonld", json.dumps({"@context": f"http://127.0.0.1:{lis.port}/ctx.jsonld",
                                                          "@id": "urn:a", "name": "x"})))], (1, 2), "context"))
    add(Case("graph file that is not RDF", t, lambda d, _: ["query", str(write(d / "g.ttl", b"\0\1garbage")), "ASK {}"],
             1, "cannot load"))
    return c


def rapper_ok(out: Path) -> str | None:
    import shutil

    if not shutil.which("rapper"):
        return None
    run = subprocess.run(["rapper", "-q", "-i", "nquads", "-c", str(out / "graph.nq")], capture_output=True)
    return None if run.returncode == 0 else "rapper rejects graph.nq"


class NotRun(Exception):
    """A case this machine cannot set up (says why)."""


def full_disk(d: Path, _: Listener) -> list[str]:
    (d / "out").mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", str(d / "out")],
                             capture_output=True, text=True)
    if mounted.returncode:
        raise NotRun(f"cannot mount a small file system ({mounted.stderr.strip()[:60]})")
    return build(ROOT / "seeds")(d)


def unmount(d: Path) -> str | None:
    left = no_scratch(d)
    subprocess.run(["umount", str(d / "out")], check=False)
    return left


def dead_scratch() -> str:
    """The scratch name prefix of a process of this machine that has ended."""
    from newsgraph.exports import _scratch_prefix

    dead = subprocess.Popen(["true"])
    dead.wait()
    return _scratch_prefix("x").replace(f"-{os.getpid()}-", f"-{dead.pid}-", 1)[: -len("x-")]


def tamper_store(d: Path, data: bytes) -> list[str]:
    art = write(d / "in" / "a.txt", SENTENCES)
    subprocess.run([*CLI, "build", str(art), "--store", str(d / "st"), "-o", str(d / "o1"), "-q"], check=True)
    results = [p for p in (d / "st" / "results").rglob("*") if p.is_file()]
    for p in results:
        p.write_bytes(data)
    return ["build", str(art), "--store", str(d / "st"), "-o", str(d / "out"), "-q"]


def pickle_bomb(d: Path) -> bytes:
    import pickle

    class Bomb:
        def __reduce__(self):
            return (os.system, (f"touch {d / 'pwned'}",))
    return pickle.dumps(Bomb())


def two_builds(d: Path, _: Listener) -> list[str]:
    art = write(d / "a.txt", SENTENCES * 2000)
    first = subprocess.Popen([*CLI, "build", str(art), "--store", str(d / "st"), "-o", str(d / "o1"), "-q"])
    time.sleep(2.5)
    _BACKGROUND.append(first)
    return ["build", str(art), "--store", str(d / "st"), "-o", str(d / "out"), "-q"]


_BACKGROUND: list[subprocess.Popen] = []


def dup_graph(d: Path) -> Path:
    line = "<urn:a> <urn:p> <urn:b> <urn:g{}> .\n"
    return write(d / "dup.nq", "".join(line.format(i) for i in range(50)))


def run(case: Case, base: Path) -> dict:
    d = Path(tempfile.mkdtemp(prefix="case-", dir=base))
    lis = Listener()
    try:
        try:
            args = case.setup(d, lis)
        except NotRun as why:
            return {"name": case.name, "group": case.group, "rc": "-", "line": f"not run here: {why}",
                    "seconds": 0.0, "connections": 0, "ok": True, "problems": [], "note": case.note}
        started = time.perf_counter()
        proc = subprocess.Popen([*CLI, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, cwd=d)
        if case.signal_after is not None:
            time.sleep(case.signal_after)
            proc.send_signal(signal.SIGTERM)
        try:
            out, err = proc.communicate(case.stdin or b"", timeout=case.timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            err = b"(killed: no answer in %d s) " % case.timeout + err
        seconds = time.perf_counter() - started
        for p in _BACKGROUND:
            p.wait()
        _BACKGROUND.clear()
        time.sleep(0.3)
    finally:
        lis.close()
    text = err.decode("utf-8", "replace").replace(f"{d}/", "").strip()
    first = text.splitlines()[0] if text else ""
    expected = case.expect_rc if isinstance(case.expect_rc, tuple) else (case.expect_rc,)
    problems = []
    if proc.returncode not in expected:
        problems.append(f"exit {proc.returncode}")
    if case.expect and not re.search(case.expect, text + out.decode("utf-8", "replace")):
        problems.append("message")
    if len(text.splitlines()) > 1 and proc.returncode != 0:
        problems.append("more than one line")
    if lis.hits:
        problems.append(f"{lis.hits} connection(s)")
    if case.after and proc.returncode in expected and (why := case.after(d)):
        problems.append(why)
    if case.stdout and not re.search(case.stdout, out.decode("utf-8", "replace")):
        problems.append(f"output {out.decode('utf-8', 'replace')[:40]!r}")
    return {"name": case.name, "group": case.group, "rc": proc.returncode, "line": first[:110],
            "seconds": seconds, "connections": lis.hits, "ok": not problems, "problems": problems,
            "note": case.note}


def table(results: list[dict]) -> str:
    rows = ["| # | group | case | exit | stderr (first line) | s | network | as expected |",
            "|---|---|---|---|---|---|---|---|"]
    for i, r in enumerate(results, 1):
        line = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in r["line"]).replace("|", "\\|") or "(nothing)"
        note = f" ({r['note']})" if r["note"] else ""
        ok = "yes" if r["ok"] else "**no**: " + ", ".join(r["problems"])
        rows.append(f"| {i} | {r['group']} | {r['name']}{note} | {r['rc']} | `{line}` | {r['seconds']:.1f} | "
                    f"{r['connections']} | {ok} |")
    return "\n".join(rows)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--only", help="run the cases whose name or group contains this")
    p.add_argument("--no-write", action="store_true", help="print the table, do not rewrite the doc")
    a = p.parse_args()
    selected = [c for c in cases() if not a.only or a.only in c.name or a.only in c.group]
    results = []
    with tempfile.TemporaryDirectory(prefix="ng-reliability-") as base:
        for case in selected:
            r = run(case, Path(base))
            results.append(r)
            print(f"{'ok ' if r['ok'] else 'BAD'} {r['group']}: {r['name']}: rc {r['rc']} {r['line'][:80]} "
                  f"{'' if r['ok'] else r['problems']}", file=sys.stderr)
    text = table(results)
    if a.no_write or a.only:
        print(text)
    else:
        doc = DOC.read_text("utf-8")
        doc, n = re.subn(r"(<!-- reliability:start -->\n).*?(<!-- reliability:end -->)",
                         lambda m: f"{m[1]}{text}\n{m[2]}", doc, flags=re.S)
        if not n:
            sys.exit("docs/reliability.md: no reliability markers")
        DOC.write_text(doc, "utf-8")
    bad = sum(not r["ok"] for r in results)
    print(f"{len(results) - bad} of {len(results)} cases as expected", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
