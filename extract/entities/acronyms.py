"""Acronyms and short forms: a short form in brackets after a name, an acronym defined in brackets
after an untagged long form (Schwartz and Hearst 2003), and acronyms, heads and tails of longer
organisation names merged with them.

Word lists: ``GENERIC_ORG_WORDS``, ``ORG_NAME_WORDS`` (data/entity_organisations.tsv), ``NAME_PARTICLES``.
Tests: tests/extract/entities/test_entity_acronyms.py.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from spacy.tokens import Doc

from ..doccache import text as doc_text
from ..doccache import tokens
from .mention import _Mention, _MentionIndex, _name_tokens, org_key
from .wordlists import DESCRIBED_ORG_HEADS, GENERIC_ORG_WORDS, NAME_PARTICLES, ORG_NAME_WORDS


def acronym(text: str) -> str:
    """Initials of the capitalised words: 'Foreign Policy Research Institute' -> 'FPRI'."""
    words = [w for w in re.split(r"[\s-]+", text) if w and w.lower() not in NAME_PARTICLES]
    return "".join(w[0] for w in words if w[0].isupper())



def _long_form(short: str, candidate: str) -> str | None:
    """Schwartz and Hearst's best long form of ``short`` ending ``candidate``, or None."""
    s, lf = len(short) - 1, len(candidate) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while lf >= 0 and (candidate[lf].lower() != c or (s == 0 and lf > 0 and candidate[lf - 1].isalnum())):
            lf -= 1
        if lf < 0:
            return None
        lf -= 1
        s -= 1
    return candidate[candidate.rfind(" ", 0, lf + 1) + 1:]



def _long_form_before(letters: str, text: str, end: int) -> str | None:
    """The long form of an acronym ending at ``end`` of ``text``: looked for, as Schwartz and
    Hearst advise, in at most min(|A| + 5, 2|A|) words before it."""
    words = text[max(0, end - 200):end].split()[-min(len(letters) + 5, 2 * len(letters)):]
    return _long_form(letters, " ".join(words))



def _name_before_place(doc: Doc, place: _Mention, by_start: dict[int, _Mention]) -> _Mention | None:
    """The mention of "the African Union Support and Stabilization Mission in Somalia", grown
    from the mention its name starts with (or its first word) to the place that ends it."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or span.start < 3 or doc[span.start - 1].lower_ not in {"in", "for", "to", "of"}:
        return None
    head = doc[span.start - 2]
    if not (head.text.istitle() and head.lower_ in ORG_NAME_WORDS | {"mission", "operation", "programme",
                                                                    "program", "force", "observers"}):
        return None
    i = span.start - 2
    while i > 0 and (doc[i - 1].text[:1].isupper() or doc[i - 1].lower_ in {"and", "for", "of"}) \
            and not doc[i - 1].is_sent_start and doc[i - 1].lower_ != "the":
        i -= 1
    while doc[i].lower_ in {"and", "for", "of"}:
        i += 1
    if i >= span.start - 2:
        return None  # one word ("Mission in Mali") names nothing
    start = doc[i].idx
    org = by_start.get(start) or _Mention(start=start, end=place.end, text="", type="Organization",
                                          token=head.i)
    if org.type == "Person":
        return None
    org.end, org.text, org.type, org.key, org.label, org.source, org.link = (
        place.end, doc_text(doc)[start:place.end], "Organization", None, None, "ner", None)
    org.token = head.i
    return org



def _bracketed_short_forms(doc: Doc, mentions: list[_Mention]) -> Iterator[_Mention]:
    """"the State Committee for National Security (GKNB)": a short form in brackets right after
    a name is that name, when the model tagged the two apart (or left the short form
    untagged, which then becomes a mention here).  A short form the alias table knows keeps
    its canonical entity and takes the long name with it."""
    text = doc_text(doc)
    by_start = {m.start: m for m in mentions}
    outermost: dict[int, _Mention] = {}  # end offset -> the longest mention ending there
    for m in mentions:
        if m.end not in outermost or m.start < outermost[m.end].start:
            outermost[m.end] = m
    for m in list(outermost.values()):
        if m.type == "Person" or m.source == "parenthetical":
            continue
        open_at = text.find("(", m.end, m.end + 3)
        if m.type in {"Country", "Place"} and open_at >= 0 and not text[m.end:open_at].strip():
            # "the EU Mission in Armenia (EUMA)": the place ends the organisation's name, and
            # the short form is the organisation's, not the place's.
            org = _name_before_place(doc, m, by_start)
            if org is not None:
                if org.start not in by_start:
                    by_start[org.start] = org
                    yield org
                m = org
        if open_at < 0 or text[m.end:open_at].strip():
            continue
        close_at = text.find(")", open_at, open_at + 14)
        short = text[open_at + 1:close_at].strip() if close_at > 0 else ""
        letters = short.replace(".", "").replace("-", "")
        if not (2 <= len(letters) <= 10 and letters.isalnum() and sum(c.isupper() for c in letters) >= 2):
            continue
        if m.type in {"Country", "Place"}:
            # "the UN Regional Office for ... West Africa (UNRODWA)": an acronym spelling more
            # than the place is a longer name's (see _defined_acronyms); "(DRC)" is the place's.
            long = _long_form_before(letters, text, m.end)
            if long is not None and len(long) > len(m.text) + 1:
                continue
        start = text.index(short, open_at)
        inner = by_start.get(start)
        if inner is None:
            span = doc.char_span(start, start + len(short))
            if span is None:
                continue
            yield _Mention(start=start, end=start + len(short), text=short, type=m.type,
                           source="parenthetical", link=m.start, token=span.root.i)
        elif inner.key and inner.source == "alias" and not m.key:
            m.source, m.link = "parenthetical", inner.start  # the alias table's entity wins
        elif not inner.key:
            inner.type, inner.source, inner.link = m.type, "parenthetical", m.start



def _defined_acronyms(doc: Doc, mentions: list[_Mention]) -> Iterator[_Mention]:
    """'the UN Regional Centre for Preventive Diplomacy for Central Asia (UNRCCA)': an acronym
    defined in brackets after a long form the model did not tag as one name.  The long form is
    found as Schwartz and Hearst (2003) do: the shortest run of words before the bracket whose
    letters spell the acronym in order, its first letter starting a word.  Both become one
    organisation."""
    text = doc_text(doc)
    linked = {m.start for m in mentions if m.source in {"parenthetical", "alias"}}
    ends = {m.end: m for m in mentions}
    index = _MentionIndex(mentions)
    by_text: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        by_text[m.text].append(m)
    for match in re.finditer(r"\(([A-Z][A-Za-z.&-]{1,11})\)", text):
        short, open_at = match.group(1), match.start()
        letters = short.replace(".", "").replace("-", "").replace("&", "")
        if sum(c.isupper() for c in letters) < 2 or match.start(1) in linked:
            continue
        end = max(0, open_at - 200) + len(text[max(0, open_at - 200):open_at].rstrip())
        prev = ends.get(end)
        if prev is not None and prev.type in {"Organization", "Person"}:
            continue  # a name the model tagged whole: _bracketed_short_forms links it
        long = _long_form_before(letters, text, end)
        if long is None:
            continue
        long_words = long.split()
        if not (2 <= len(long_words) and all(w[:1].isupper() or w in {"of", "for", "and", "on", "in", "the", "de"}
                                              for w in long_words) and long_words[0][:1].isupper()):
            continue
        start = end - len(long)
        span = doc.char_span(start, start + len(long))
        inner = doc.char_span(match.start(1), match.end(1))
        if span is None or inner is None or any(m.type == "Person" for m in index.starting_in(start, start + len(long))):
            continue
        label = long
        key = org_key(label)
        yield _Mention(start=start, end=start + len(long), text=long, type="Organization", key=key, label=label,
                       source="acronym_defined", token=span.root.i)
        short_mention = index.first_at(match.start(1))
        for m in by_text.get(short, ()):  # the acronym here and wherever else the article uses it
            if m is short_mention or not m.key:
                m.type, m.key, m.label, m.source, m.link = "Organization", key, label, "acronym_defined", None
        if short_mention is None:
            yield _Mention(start=match.start(1), end=match.end(1), text=short, type="Organization", key=key,
                           label=label, source="acronym_defined", token=inner.root.i)



def _resolve_acronyms(orgs: list[_Mention], keyed_orgs: list[_Mention] = ()) -> None:
    """'UN' and 'United Nations', 'FPRI' and 'Foreign Policy Research Institute', 'Comic Corps'
    and 'Comic Corps of Canada', 'Scientology' and 'Church of Scientology' merge."""
    long_forms = {}
    for m in [*keyed_orgs, *orgs]:
        if len(_name_tokens(m.text)) >= 2:
            long_forms.setdefault(acronym(m.text), m)
    for m in orgs:
        short = m.text.replace(".", "")
        if not m.key and short.isupper() and 2 <= len(short) <= 6 and short in long_forms:
            target = long_forms[short]
            m.key = target.key = target.key or org_key(target.text)
            m.label = target.label = target.text
    # A shorter name that is the head or tail of exactly one longer name in the article.
    names = sorted({m.text for m in orgs}, key=len, reverse=True)
    # A longer name that only adds to a shorter one shares its first or its last word: the
    # names are indexed by both, and each name's longer ones are found once (a long document
    # repeats its names many times).
    by_word: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(names):
        for word in {*_name_tokens(n)[:1], *_name_tokens(n)[-1:]}:
            by_word[word].append(i)
    longer_of: dict[tuple[str, ...], list[str]] = {}
    of_text: dict[str, list[_Mention]] = defaultdict(list)
    for m in orgs:
        of_text[m.text].append(m)
    spread: set[str] = set()  # longer names whose key went to all their unkeyed mentions
    for m in orgs:
        if m.key:
            continue
        toks = _name_tokens(m.text)
        if len(toks) == 1 and toks[0].lower() in GENERIC_ORG_WORDS:
            continue
        longer = longer_of.get(tuple(toks))
        if longer is None:
            pool = sorted({i for w in {toks[0], toks[-1]} for i in by_word.get(w, ())}) if toks else range(len(names))
            longer = longer_of[tuple(toks)] = [names[i] for i in pool if len(_name_tokens(names[i])) > len(toks)
                                               and _names_same_body(toks, _name_tokens(names[i]))]
        if len(longer) == 1:
            m.key, m.label = org_key(longer[0]), longer[0]
            if longer[0] not in spread:  # (a second time would find them all keyed)
                spread.add(longer[0])
                for other in of_text[longer[0]]:
                    if not other.key:
                        other.key, other.label = m.key, m.label



def _names_same_body(short: list[str], long: list[str]) -> bool:
    """Whether a longer organisation name only adds a generic word or an "of" phrase to a
    shorter one: "Comic Corps" / "Comic Corps of Canada", "Scientology" / "Church of
    Scientology", "Georgian Dream" / "Georgian Dream party" — but not "Google" / "Google
    Science Fair", a different thing named after it."""
    n = len(short)
    if long[:n] == short:
        rest = [w.lower() for w in long[n:]]
        return rest[0] == "of" or all(w in GENERIC_ORG_WORDS | {"movement", "coalition", "alliance", "front"}
                                      for w in rest)
    if long[-n:] == short:
        rest = [w.lower() for w in long[:-n]]
        return rest[-1] in {"of", "the"} and all(w in GENERIC_ORG_WORDS | {"of", "the"} for w in rest)
    return False


def _described_acronyms(doc: Doc, mentions: list[_Mention]) -> Iterator[_Mention]:
    """An all-capital word the model left untagged, in apposition with a noun of an
    organisation: "TUSIAD, the main business association in Turkey", "the KNU, an armed ethnic
    group". The description says it is an organisation."""
    covered = [(m.start, m.end) for m in mentions]
    for tok in tokens(doc):
        if not (tok.is_upper and tok.is_alpha and len(tok) >= 3) or tok.ent_type_ or tok.pos_ not in {"PROPN", "NOUN"}:
            continue
        if not any(c.dep_ == "appos" and c.lemma_.lower() in DESCRIBED_ORG_HEADS for c in tok.children):
            continue
        start, end = tok.idx, tok.idx + len(tok.text)
        if any(a < end and start < b for a, b in covered):
            continue
        covered.append((start, end))
        yield _Mention(start=start, end=end, text=tok.text, type="Organization", key=org_key(tok.text),
                       label=tok.text, source="described", token=tok.i)
