"""The ``newsgraph_entities`` spaCy component: the order in which the rule families run over a Doc,
and what is stored on it (see the package docstring).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from newsgraph.graph.iri import slug
from newsgraph.graph.model import Span as TextSpan

from .. import gazetteer
from ..doccache import text as doc_text, tokens
from .aliases import Alias, load_aliases
from .lexicon import CAPITAL_ACTORS, DESCRIPTOR_TAILS, EVENT_HEADS, GENERIC_LEADERS, LEADER_TITLE_PHRASES, NER_LABELS, NEWS_OUTLET_WORDS, ORG_HEAD_WORDS, ORG_NAME_WORDS, PAIR_KEY, PERSON_TITLES_HEADS, SPAN_KEY, STATE_DESCRIPTIONS, STREET_WORDS, SUPRANATIONAL_PREFIXES
from .mention import _Mention, _country_key, _country_label, org_key, us_spelling
from .cues import _acts, _after_stance_prefix, _group_phrase, _locative, _national_group, _repair_boundary, _split_mentions, _split_slash, _state_owner, _titled, _trim
from .organisations import _affiliations, _generic_organ
from .acronyms import _bracketed_short_forms, _defined_acronyms
from .headlines import _confirm_headline_mentions, _dateline_city, _without_common_words
from .places import _named_places, _nested_places, _shared_short_names, _untagged_countries, _untagged_country_pairs
from .people import known_as
from .resolve import propagate, resolve
from .references import resolve_pairs, resolve_pronouns


@Language.factory("newsgraph_entities", default_config={"aliases": None})
def make_entity_resolver(nlp: Language, name: str, aliases: str | None) -> "EntityResolver":
    return EntityResolver(nlp, name, aliases=load_aliases(aliases))



class EntityResolver:
    """Pipeline component: typed, resolved entity mentions (see module docstring)."""

    def __init__(self, nlp: Language, name: str = "newsgraph_entities", *,
                 aliases: dict[str, Alias] | None = None) -> None:
        self.name = name
        self.tokenizer = nlp.tokenizer
        self.aliases = aliases if aliases is not None else load_aliases()
        self._alias_lower = {k.lower(): v for k, v in self.aliases.items()}
        self._alias_by_id = {slug(a.label): a for a in self.aliases.values()}
        # Canonical label -> IRI of the alias table (owl:sameAs), looked up once per entity.
        self.label_iris = {a.label: a.iri for a in self.aliases.values() if a.iri}
        if not Doc.has_extension("ng_entities"):
            Doc.set_extension("ng_entities", default=None)
        if not Doc.has_extension("ng_pronouns"):
            Doc.set_extension("ng_pronouns", default=None)

    def __call__(self, doc: Doc) -> Doc:
        mentions = [m for ent in doc.ents for m in self._typed_mentions(doc, ent)]
        mentions += list(_untagged_country_pairs(doc))
        mentions += list(_untagged_countries(doc))
        mentions = list(_confirm_headline_mentions(doc, mentions))
        _dateline_city(doc, mentions)
        mentions += list(_nested_places(doc, mentions))
        mentions += list(_affiliations(doc, mentions))
        mentions += list(_named_places(doc, mentions))
        mentions += list(self._descriptions(doc, mentions))
        mentions = [m for m in mentions if not _after_stance_prefix(doc, m.start)]
        mentions.sort(key=lambda m: (m.start, m.end))
        _shared_short_names(mentions)
        mentions += list(_bracketed_short_forms(doc, mentions))
        mentions += list(_defined_acronyms(doc, mentions))
        mentions.sort(key=lambda m: (m.start, m.end))
        known_as(doc, mentions)
        mentions = _without_common_words(doc, mentions)
        entities = resolve(mentions, self.label_iris)
        extra = [m for m in propagate(doc, mentions, entities, self.tokenizer)
                 if not _after_stance_prefix(doc, m.start)]
        if extra:  # names the model missed elsewhere in the article ("Merkel" at a sentence start)
            mentions = sorted(mentions + extra, key=lambda m: (m.start, m.end))
            entities = resolve(mentions, self.label_iris)
        group = SpanGroup(doc, name=SPAN_KEY)
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and m.key:
                group.append(Span(doc, span.start, span.end, label=m.type, kb_id=m.key))
        doc.spans[SPAN_KEY] = group
        doc._.ng_entities = entities
        doc._.ng_pronouns = dict(resolve_pronouns(doc, mentions, entities))
        doc.user_data[PAIR_KEY] = dict(resolve_pairs(doc, mentions, entities))
        refs: dict[str, list[TextSpan]] = defaultdict(list)
        for i, key in sorted(doc._.ng_pronouns.items()):
            tok = doc[i]
            # A pronoun, "the <description>", or a bare organ ("Police detained ...").
            start = tok.idx if tok.pos_ == "PRON" else next(
                (c.idx for c in tok.children if c.lower_ == "the"), tok.idx)
            refs[key].append(TextSpan(start, tok.idx + len(tok.text), doc_text(doc)[start:tok.idx + len(tok.text)]))
        orgs = [sp for sp in group if sp.label_ in {"Organization", "Group"}]
        org_ends = {o.end - 1: o.end_char for o in orgs}  # last token -> end offset
        org_starts = {o.end_char: o.start for o in orgs}  # end offset -> first token
        doc._.ng_entities = {k: replace(e, references=tuple(refs.get(k, ())), mentions=tuple(
                                 _np_extent(doc, m, org_ends, org_starts, e.type == "Person") for m in e.mentions))
                             for k, e in entities.items()}
        return doc

    # -- typing ---------------------------------------------------------------------------
    def _typed_mentions(self, doc: Doc, ent: Span) -> Iterator[_Mention]:
        if ent.label_ not in NER_LABELS:
            if ent.label_ in {"EVENT", "WORK_OF_ART", "PRODUCT"} and len(ent) > 1 and (
                    ent[-1].text in NEWS_OUTLET_WORDS or ent[-1].text.istitle() and ent[-1].lower_ in ORG_HEAD_WORDS):
                # (also "Ukraine's Coordination Headquarters" tagged PRODUCT: an organisation's head word)
                # "according to the Sydney Morning Herald" tagged EVENT: a newspaper, a source
                yield from self._typed_mentions(doc, Span(doc, ent.start, ent.end, label="ORG"))
            return
        span = _trim(ent)
        if span is None:
            return
        span = _repair_boundary(span, ent.label_)
        described = ent.label_ == "ORG" and len(span) > 1 and span[-1].lower_ in DESCRIPTOR_TAILS \
            and span[-1].text.islower() and all(t.text[:1].isupper() for t in span[:-1])
        full = span
        if described:
            span = span[:-1]  # "the Georgian Dream party": the name is "Georgian Dream"
        if span[-1].lower_ in EVENT_HEADS and len(span) > 1:
            # "the Boston Marathon", "the Women's World Cup": an event's name, not an actor; a
            # place it starts with is still a place ("Boston").
            for n in range(len(span) - 1, 0, -1):
                head = span[:n]
                if gazetteer.country_by_name(head.text) or gazetteer.place_by_name(head.text):
                    yield from self._typed_mentions(doc, Span(doc, head.start, head.end, label="GPE"))
                    break
            return
        text = span.text
        if "\n" in text or not any(c.isupper() for c in text):
            return  # headline fragments across lines; lower-case junk
        alias = self.aliases.get(text) or self._alias_lower.get(text.lower()) \
            or self._alias_lower.get(us_spelling(text).lower())
        if alias is None and ent.ent_id_:
            alias = self._alias_by_id.get(ent.ent_id_)
        base = dict(start=span.start_char, end=span.end_char, text=text, token=span.root.i)
        if alias is not None and alias.type == "Organization" and alias.label != text and \
                alias.label.startswith(SUPRANATIONAL_PREFIXES) and (owner := _state_owner(span)) is not None:
            # "Kyrgyzstan's Security Council", "the Russian Security Council": a state's own body,
            # not the one the alias table means by the bare name (the UN's).
            label = f"{owner.name} {text}"
            base = dict(start=span.start_char, end=span.end_char, text=text, token=span.root.i)
            yield _Mention(type="Organization", key=org_key(label), label=label, source="owned", **base)
            return
        if alias is not None and alias.type == "Country" and _locative(span) \
                and gazetteer.country_by_name(text) is None and alias.label.lower() != text.lower():
            # "talks at the Kremlin", "a reception at Downing Street": the building, where the
            # same name acting ("the Kremlin said") is the state.
            yield _Mention(type="Place", source="alias", **base)
            return
        if alias is not None:
            key = _country_key(alias.label) if alias.type == "Country" else slug(alias.label)
            yield _Mention(type=alias.type, key=key, label=_country_label(alias.label) if alias.type == "Country" else alias.label,
                           source="alias", **base)
            return
        label = ent.label_
        if label in {"GPE", "LOC", "PERSON", "NORP"} and any(c.isdigit() for c in text):
            label = "ORG"  # "M23" tagged GPE: places, people and peoples have no digits in their names
        if "/" in text and len(span) > 1:  # "Wikimedia Commons/Kremlin.ru": two names in one span
            yield from _split_slash(span, label)
            return
        if " (" in text or text.endswith("("):
            # "Bolivarian National Armed Forces (FANB": the name, and its acronym as an alias.
            yield from _split_parenthetical(self, doc, ent, span)
            return
        if label in {"GPE", "LOC", "NORP", "ORG"} and re.search(r"[\w.][-–]\w", text):
            parts = gazetteer.split_hyphenated(text)
            if parts:  # "U.S.-Russia relations": a mention of each state
                yield from _split_mentions(span, parts)
                return
        country = gazetteer.country_by_name(text) if label != "PERSON" or len(span) == 1 else None
        if country is None and len(span) == 1 and (label in {"GPE", "LOC", "ORG"} or (
                label == "PERSON" and span.root.dep_ in {"amod", "compound"}
                and span.root.head.pos_ in {"NOUN", "PROPN"} and span.root.head.ent_type_ != "PERSON")):
            country = gazetteer.country_by_demonym(text)  # "Ugandan" tagged GPE, "Bangladeshi officials" PERSON
        if country is not None and (label in {"GPE", "LOC", "ORG", "NORP"} or not _titled(span)):
            # A lone state name is the state even when the model calls it a person ("Niger").
            yield _Mention(type="Country", key=slug(country.name), label=country.name, source="gazetteer", **base)
            yield from _national_group(span, country)
            return
        if label in {"PERSON", "ORG"} and not _titled(span) and gazetteer.country_by_capital(text) is not None:
            label = "GPE"  # "Bamako said", "talks in Dushanbe": a capital the model took for a name
        if label in {"PERSON", "ORG"} and _locative(span):
            place = gazetteer.place_by_name(text)
            if place is not None and place.kind in {"city", "region", "us_state"}:
                # "in Goma" tagged PERSON or ORG: a known place after a locative preposition.
                yield _Mention(type="Place", source="gazetteer", **base)
                return
        if label in {"ORG", "GPE", "FAC", "LOC"} and _titled(span) and gazetteer.place_by_name(text) is None:
            # "Chancellor Olaf Scholz" tagged ORG: a person's title before it says it is a person.
            yield _Mention(type="Person", source="titled", **base)
            return
        if label == "NORP":
            country = gazetteer.country_by_demonym(text)
            if country is not None:
                yield _Mention(type="Country", key=slug(country.name), label=country.name, source="demonym", **base)
                yield from _national_group(span, country)
            else:
                group = _group_phrase(span)
                if group is not None:
                    yield _Mention(start=group.start_char, end=group.end_char, text=group.text,
                                   type="Group", token=group.root.i)
            return
        if label == "GPE":
            if text in CAPITAL_ACTORS and _acts(span):
                # "Brussels said": the EU's seat speaks for the EU, not for Belgium.
                key, etype = CAPITAL_ACTORS[text]
                yield _Mention(type=etype, key=slug(key), label=key, source="seat", **base)
                return
            capital = gazetteer.country_by_capital(text)
            if capital is not None and _acts(span):
                yield _Mention(type="Country", key=slug(capital.name), label=capital.name, source="capital", **base)
                return
            yield _Mention(type="Place", **base)
            return
        if label in {"LOC", "FAC"} or label in {"ORG", "PERSON"} and len(span) > 1 and span[-1].lower_ in STREET_WORDS:
            yield _Mention(type="Place", **base)  # (also "the Pan-American Highway" tagged ORG)
            return
        if label == "ORG" and len(span) == 2 and span[1].lower_ in STATE_DESCRIPTIONS | {"administration", "cabinet"}:
            state = gazetteer.country_by_demonym(span[0].text) or gazetteer.country_by_name(span[0].text)
            if state is not None:  # "the British Government": the state, named by "British" as in
                # "the British government"
                yield _Mention(start=span.start_char, end=span[0].idx + len(span[0].text), text=span[0].text,
                               type="Country", key=slug(state.name), label=state.name, source="demonym",
                               token=span[0].i)
                return
        if label == "ORG" and not {w.lower() for w in text.split()} & ORG_NAME_WORDS and any(
                c.dep_ == "appos" and c.lemma_.lower() in PERSON_TITLES_HEADS | {"head", "spokesman", "spokeswoman",
                                                                                 "director", "chief", "envoy"}
                for c in span.root.children):
            # "Ana Lucía Berrocal, the head of the OAS mission" tagged ORG (and cut short): a
            # person's apposition says it is a person; the name runs back over its first name.
            start = span.start
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text.istitle() \
                    and not doc[start - 1].ent_type_ and not doc[start - 1].is_stop:
                start -= 1
            name = doc[start:span.end]
            yield _Mention(start=name.start_char, end=name.end_char, text=name.text, type="Person", token=name.root.i)
            return
        if label == "ORG":
            seat = gazetteer.country_by_seat(text) or (gazetteer.country_by_capital(text) if _acts(span) else None)
            if seat is not None:
                yield _Mention(type="Country", key=slug(seat.name), label=seat.name, source="seat", **base)
                return
            # (a name the text calls a party or alliance is one, whatever the model says elsewhere)
            first, _, rest = text.partition(" ")
            lead = gazetteer.country_by_demonym(first) or gazetteer.country_by_name(first) if rest else None
            if not described and lead is not None and _generic_organ(rest):
                # "the Russian Foreign Ministry": the same key as "Russia's Foreign Ministry"
                label = f"{lead.name} {rest}"
                yield _Mention(type="Organization", key=org_key(label), label=label, source="owned", **base)
                return
            if not described and _generic_organ(text) and (owner := _state_owner(span)) is not None:
                # "Azerbaijan's Ministry of Defence": one state's organ, not every state's
                label = f"{owner.name} {text}"
                yield _Mention(type="Organization", key=org_key(label), label=label, source="owned", **base)
                return
            if described:  # the mention keeps its noun ("Kobakhidze, of the governing Georgian Dream party")
                yield _Mention(type="Organization", source="described", key=org_key(text), label=text,
                               start=full.start_char, end=full.end_char, text=full.text, token=full.root.i)
                return
            yield _Mention(type="Organization", **base)
            return
        if len(span) == 1 and span.root.dep_ in {"amod", "compound"} and span.root.head.pos_ == "NOUN" \
                and span.root.head.tag_ in {"NNS", "NN"} and not span.root.head.text[:1].isupper():
            # "regional Salafi organizations": an adjective the model took for a name.
            yield _Mention(type="Person", source="weak", **base)
            return
        yield _Mention(type="Person", **base)

    def _descriptions(self, doc: Doc, mentions: list[_Mention]) -> Iterator[_Mention]:
        """Definite descriptions of people introduced with a title: after "German Chancellor
        Olaf Scholz", "the chancellor", "the German chancellor" and "the German leader" are Scholz."""
        by_token = {m.token: m for m in mentions}
        by_title: dict[tuple[str, str], _Mention] = {}  # (country key or "", title) -> person
        leaders: dict[str, _Mention] = {}  # country key -> its leader
        for tok in tokens(doc):
            if tok.lower_ not in PERSON_TITLES_HEADS:
                continue
            mods = [c for c in tok.lefts if c.dep_ in {"amod", "compound", "poss"}]
            title = " ".join([c.lower_ for c in mods if c.i not in by_token and c.is_alpha] + [tok.lower_])
            country = next((by_token[c.i] for c in mods if c.i in by_token and by_token[c.i].type == "Country"), None)
            ckey = country.key or "" if country else ""
            person = by_token.get(tok.head.i) if tok.dep_ == "compound" else None
            if person is not None and person.type == "Person":
                by_title[(ckey, title)] = by_title[("", title)] = person
                # "the minister" after "Tajik Foreign Minister X": the title's head word alone
                # names the most recent holder too.
                by_title[("", tok.lower_)] = person
                if ckey and (title in LEADER_TITLE_PHRASES or tok.lower_ in LEADER_TITLE_PHRASES):
                    leaders[ckey] = person
                continue
            det = next((c for c in tok.children if c.dep_ == "det" and c.lower_ == "the"), None)
            if det is None or tok.dep_ == "compound" or any(c.dep_ in {"prep", "relcl", "acl"} for c in tok.rights):
                continue  # "the president of the bank": a new person, not a reference
            target = by_title.get((ckey, title)) or (leaders.get(ckey) if ckey and tok.lower_ in GENERIC_LEADERS else None)
            if target is None and not ckey and len(mods) == 0:
                target = by_title.get(("", title))
            if target is not None:
                end = tok.idx + len(tok.text)
                yield _Mention(start=det.idx, end=end, text=doc_text(doc)[det.idx:end], type="Person",
                               source=f"description:{target.start}", token=tok.i)



def _split_parenthetical(resolver: "EntityResolver", doc: Doc, ent: Span, span: Span) -> Iterator[_Mention]:
    """The name before " (" and the short form inside the brackets, as one entity."""
    cut = next((t.i for t in span if t.text == "("), None)
    if cut is None or cut == span.start:
        return
    head = doc[span.start:cut]
    inner_end = next((t.i for t in doc[cut + 1:min(len(doc), cut + 8)] if t.text == ")"), None)
    inner = doc[cut + 1:inner_end] if inner_end else doc[cut + 1:span.end]
    yield from resolver._typed_mentions(doc, Span(doc, head.start, head.end, label=ent.label_))
    if len(inner) and inner.text.replace(".", "").isupper():
        for m in resolver._typed_mentions(doc, Span(doc, inner.start, inner.end, label=ent.label_)):
            m.source = f"parenthetical:{head.start_char}"
            yield m



def _np_extent(doc: Doc, mention: TextSpan, org_ends: dict[int, int], org_starts: dict[int, int],
               person: bool) -> TextSpan:
    """A name's mention spans its noun phrase: its article ("the Democratic Party", "the U.S.",
    not the "the" of a phrase the name only modifies, "the Russian president") and, for a
    person, a party or employer after "of"/"from" ("Claudia Mo of the Civic Party").  The name
    itself stays the entity's label; this is the extent of the evidence."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return mention
    start, end = mention.start, mention.end
    if span.start > 0:
        det = doc[span.start - 1]
        if det.lower_ == "the" and det.dep_ == "det" and span.start <= det.head.i < span.end:
            start = det.idx
    if person and span.end < len(doc) - 1:
        prep = doc[span.end]
        # "of" by adjacency (the parser often hangs it elsewhere in lists of names), "from"
        # only when it modifies the name ("poached Ito from Sony" is not Ito's affiliation).
        if prep.lower_ == "of" or prep.lower_ == "from" and span.start <= prep.head.i < span.end:
            nxt = span.end + 1 + (span.end + 1 < len(doc) and doc[span.end + 1].lower_ == "the")
            org_end = next((org_ends[i] for i in range(nxt, min(nxt + 8, len(doc))) if i in org_ends), None)
            after = next((t for t in doc[nxt:] if t.idx >= org_end), None) if org_end is not None else None
            # The organisation must end the phrase: not "of VOA's Russian service".
            if org_end is not None and org_starts.get(org_end) == nxt and (
                    after is None or (after.tag_ != "POS" and after.pos_ not in {"NOUN", "PROPN"})):
                end = org_end
    if (start, end) == (mention.start, mention.end):
        return mention
    return TextSpan(start, end, doc_text(doc)[start:end])
