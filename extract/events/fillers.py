"""Fillers: the participants a noun phrase names (entities through coordination,
appositions, organs and owners) or, when it names none, an unnamed participant ``~i``."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..doc import PAIRS
from ..entities import RULERS
from ..entities.wordlists import ARMED_NOUNS
from ..predicates import antecedent, elaborating_conjunct
from .draft import unnamed_key
from .lexicon import trigger_lexicon

# Heads of a named group's phrase: "the M23 rebel group", "the Hamas movement" are the group.
GROUP_HEADS = frozenset({"group", "movement", "organization", "organisation", "militia", "alliance",
                         "faction", "coalition", "network", "bloc", "party"})
# Nouns for the organs that act for a state or organisation ("Syrian government forces",
# "the Turkish army"): the modifier names the actor.
STATE_ORGANS = frozenset({"government", "authority", "authorities", "regime", "junta", "force", "forces", "military",
                          "army", "troop", "troops", "navy", "administration", "leadership", "state",
                          "ministry", "cabinet", "delegation", "diplomat", "diplomats", "embassy",
                          "ambassador", "envoy", "representative", "official", "officials", "spokesman",
                          "spokeswoman", "spokesperson", "mission", "negotiator", "police",
                          "minister", "ministers", "leader", "leaders", "lawmaker", "lawmakers",
                          "legislator", "legislators", "parliament", "legislature", "guard", "guards",
                          "gendarme", "gendarmes",
                          # heads act for what they head ("the director of the National Police",
                          # "the President of Gabon" when the article gives no name)
                          "director", "chief", "head", "commander", "chairman", "chairwoman", "president",
                          "premier", "chancellor", "king", "emir", "monarch", "personnel",
                          # members act for their organisation or state, as CAMEO codes them
                          # ("Taliban fighters" TALREB, "Turkish soldiers" TURMIL)
                          "fighter", "fighters", "militant", "militants", "gunman", "gunmen", "soldier",
                          "soldiers", "rebel", "rebels", "insurgent", "insurgents", "member", "members",
                          "supporter", "supporters", "loyalist", "loyalists", "jet", "jets", "warplane",
                          "warplanes", "drone", "drones",
                          # a state's weapons and craft act for it ("Russian missiles struck Kyiv",
                          # "Chinese coast guard ships fired water cannon")
                          "missile", "missiles", "rocket", "rockets", "artillery", "helicopter", "helicopters",
                          "aircraft", "bomber", "bombers", "warship", "warships", "ship", "ships", "vessel",
                          "vessels", "tank", "tanks",
                          # a state's courts and prosecutors act for it ("a Turkish court sentenced",
                          # "Russian prosecutors charged": TURJUD, RUSJUD)
                          "court", "courts", "prosecutor", "prosecutors", "judge", "judges", "tribunal",
                          # envoys of a body act for it ("the African Union's election observers")
                          "observer", "observers", "monitor", "monitors", "inspector", "inspectors",
                          "delegate", "delegates"})
# A state's forces at home: with no other owner, "police in Madagascar" are the state's there.
DOMESTIC_FORCES = frozenset({"police", "gendarmerie", "gendarme", "gendarmes", "army", "military"})
# Organs that speak for a body named with "for" ("a spokesman for the African Union").
VOICES = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative", "negotiator"})
# Heads whose owner (a modifier or "of") is the actor they stand for.
# A state's land, sea and air: what is done to them is done to the state ("occupy Georgian
# territory", "violated Ukrainian airspace", "shelled Syrian soil").
TERRITORY_NOUNS = frozenset({"territory", "territories", "soil", "airspace", "waters", "land", "lands",
                             # and the state itself, owned: "invading our country" (the speaker's)
                             "country", "nation", "homeland"})
ORGAN_HEADS = STATE_ORGANS | GROUP_HEADS | TERRITORY_NOUNS
# Pronouns that never refer to a participant.
NON_REFERRING_PRONOUNS = frozenset({"it", "this", "that", "which", "what", "there", "itself", "something",
                                    "anything", "nothing", "everything", "here"})
# Instruments and means: the subject of "a bomb killed" is not its agent.
INSTRUMENT_NOUNS = frozenset({"bomb", "explosive", "explosives", "device", "ied", "car", "vehicle", "truck",
                              "missile", "rocket", "shell", "grenade", "mortar", "fire", "bullet", "gun",
                              "weapon", "drone", "blast", "explosion", "attack", "suicide", "motorcycle"})
# Nouns of places that their "of" phrase names ("the city of Mosul", "the regions of South
# Ossetia and Abkhazia"; not "the capital of Georgia", which is another place).
NAMED_BY_OF = frozenset({"region", "province", "city", "town", "republic", "state", "island", "enclave",
                         "district", "village", "governorate", "emirate", "kingdom"})
# Of those, the ones whose "of" phrase names a state itself ("the State of Israel").
WHOLE_STATE_NOUNS = frozenset({"republic", "state", "emirate", "kingdom"})
# Texts that speak for whoever made them ("a resolution demanding ...", "the statement said").
TEXT_NOUNS = frozenset({"resolution", "statement", "declaration", "communique", "communiqué", "letter", "decree",
                        "report"})
# Verbs whose subject makes the text or plan that is their object ("Russia drafted the
# resolution", "the statement issued by the ministry").
AUTHORING_VERBS = frozenset({"draft", "propose", "submit", "table", "sponsor", "introduce", "issue", "adopt",
                             "pass", "publish", "release", "write", "present", "unveil", "announce"})
# Prepositions that name members of an unnamed set ("several states, including France").
INCLUDING = frozenset({"including", "among"})
# Heads that count or gather the people of their "of" phrase ("thousands of refugees").
QUANTITY_HEADS = frozenset({"thousands", "hundreds", "dozens", "scores", "tens", "millions", "group",
                            "groups", "crowd", "crowds", "number", "band", "handful",
                            # and the units and loads that carry them ("four truckloads of troops")
                            "truckload", "truckloads", "busload", "busloads", "convoy", "column", "contingent",
                            "detachment", "unit", "units", "squad", "battalion", "battalions", "platoon"})


def anonymous_key(tok: Token) -> str | None:
    """Key of an unnamed participant headed at ``tok`` ("eleven people", "the police", "26",
    "those"), or None when the token cannot be one (a name, a date, an event noun, a weapon)."""
    if tok.ent_type_ in {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}:
        return None
    if tok.pos_ == "PRON":
        if tok.lower_ in NON_REFERRING_PRONOUNS:
            return None
    elif tok.pos_ == "NUM":
        if tok.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj"}:
            return None
    elif tok.pos_ not in {"NOUN", "PROPN"} or tok.lemma_.lower() in INSTRUMENT_NOUNS:
        return None
    if any((tok.lemma_.lower(), pos) in trigger_lexicon() for pos in ("NOUN", "VERB")):
        return None  # an event noun ("the bombing killed ...") is not a participant
    return unnamed_key(tok.i)


# Pronouns that name no one ("nobody claimed it").
NOBODY = frozenset({"nobody", "none", "no-one", "noone", "nothing"})


def names_no_one(tok: Token) -> bool:
    """A noun phrase that denies there is anyone: "nobody", "none", "no other state"."""
    return tok.lower_ in NOBODY or any(d.dep_ == "det" and d.lower_ == "no" for d in tok.children)


def _fillers(tok: Token, ent_of: dict[int, str], *, anonymous: bool = True, owners: bool = True) -> Iterator[str]:
    """Entities named by a noun phrase headed at ``tok``, through coordination and appositions;
    an unnamed participant when the phrase names no entity."""
    if names_no_one(tok):
        return  # "no group claimed the attack", "nobody": a phrase that denies there is anyone
    key = ent_of.get(tok.i)
    branch = next((ent_of[c.i] for c in tok.children if c.dep_ == "compound" and c.i in ent_of
                   and ent_of[c.i] != key and c.ent_type_ == "ORG"), None) if key is not None else None
    if branch is not None and tok.ent_type_ == "GPE":
        key = branch  # "Amnesty International Kenya": the organisation's branch there, not the state
    pair = tok.doc.user_data.get(PAIRS, {}).get(tok.i) if key is None else None
    if pair is not None:
        yield from pair  # "both sides", "the two countries"
        return
    found = _phrase_stands_for(tok, ent_of, anonymous, owners) if key is None else None
    if found is not None:
        yield from found
        return
    if key is None and tok.pos_ == "PRON":
        if tok.lower_ in {"who", "which", "that"} and tok.head.dep_ in {"relcl", "acl"} and tok.head.head.i != tok.i:
            # "militants who attacked the convoy": the relative pronoun is the noun it modifies.
            noun = antecedent(tok)
            yield from _fillers(noun if noun.i != tok.i else tok.head.head, ent_of, anonymous=anonymous)
            return
        key = tok.doc._.ng_pronouns.get(tok.i) if tok.doc.has_extension("ng_pronouns") and tok.doc._.ng_pronouns else None
    elif key is None and tok.doc.has_extension("ng_pronouns") and tok.doc._.ng_pronouns:
        key = tok.doc._.ng_pronouns.get(tok.i)  # a description: "the country", "the rebels"
    if key is None and tok.pos_ == "NOUN":
        key = _leader_of_led(tok, ent_of) or _known_as(tok, ent_of)  # "a Saudi-led coalition": Saudi Arabia's
    named = key is not None
    if key is None and anonymous:
        key = anonymous_key(tok)
    if key is not None:
        yield key
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in INCLUDING and not named:
            yield from _included(child, ent_of)
        if child.dep_ == "conj" and not elaborating_conjunct(tok, child):
            yield from _fillers(child, ent_of, anonymous=anonymous)
        elif child.dep_ == "appos":
            if _elaborating_list(child):
                continue
            # An apposition renames its head: "St. Petersburg, Putin's hometown" is no second party.
            # Nor is the body a named person heads ("Prigozhin, the head of the Wagner Group").
            yield from _fillers(child, ent_of, anonymous=anonymous and not named, owners=not named)


def _phrase_stands_for(tok: Token, ent_of: dict[int, str], anonymous: bool, owners: bool) -> list[str] | None:
    """The parties an unnamed phrase stands for by its head word, or None to read it as any other."""
    if tok.lower_ in QUANTITY_HEADS:
        # "thousands of Afghan women", "a group of Syrian refugees": the people counted take part.
        of = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        if of:
            return list(_fillers(of[0], ent_of, anonymous=anonymous))
    named_by_of = _named_by_of(tok, ent_of)
    if named_by_of:
        return named_by_of
    if tok.lemma_.lower() in TEXT_NOUNS and (authors := _owners(tok, ent_of)):
        return authors  # "a resolution demanding ...", "the statement said": who made it
    if owners and tok.lemma_.lower() in ORGAN_HEADS:
        return _organ_fillers(tok, ent_of, anonymous)
    return None


def _named_by_of(tok: Token, ent_of: dict[int, str]) -> list[str] | None:
    """"the Georgian regions of South Ossetia and Abkhazia", "the city of Mosul": the places a
    place noun's "of" phrase names (not "a region of Georgia", nor "the north-western region of
    Georgia": a part of a state is not the state)."""
    if tok.lemma_.lower() not in NAMED_BY_OF or any(c.dep_ == "det" and c.lower_ in {"a", "an", "another", "one"}
                                                    for c in tok.children):
        return None
    of = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    named = [k for o in of for k in _fillers(o, ent_of, anonymous=False)]
    entities = tok.doc._.ng_entities or {}
    whole = tok.lemma_.lower() in WHOLE_STATE_NOUNS or tok.tag_ == "NNS"
    if named and (whole or not any(k in entities and entities[k].type == "Country" for k in named)):
        return named
    return None


def _included(prep: Token, ent_of: dict[int, str]) -> Iterator[str]:
    """"more than 20 countries, including the United States": the members an unnamed set names
    take part (a people by its demonym, "including Americans", is not the state)."""
    return (k for o in prep.children if o.dep_ == "pobj" and o.ent_type_ != "NORP"
            for k in _fillers(o, ent_of, anonymous=False))


# Participles that make what they modify the actor of the party written before them
# ("a Saudi-led coalition", "the US-commanded force"); not "Iran-backed militias", a proxy.
LED_PARTICIPLES = frozenset({"lead", "led", "command", "commanded", "run"})


def _leader_of_led(tok: Token, ent_of: dict[int, str]) -> str | None:
    """The party that leads an unnamed body: "a Saudi-led coalition" (the parser hangs
    "Saudi" on "led" as an adverbial noun, or as a compound)."""
    for amod in tok.children:
        if amod.dep_ == "amod" and amod.lower_ in LED_PARTICIPLES:
            leader = next((ent_of[c.i] for c in amod.children if c.dep_ in {"npadvmod", "compound", "nmod"}
                           and c.i in ent_of), None)
            if leader is not None:
                return leader
    return None


# Participles that give the name of what they modify ("militiamen known as the White Army").
NAMING_PARTICIPLES = frozenset({"know", "call", "dub", "name"})


def _known_as(tok: Token, ent_of: dict[int, str]) -> str | None:
    """The name a participle gives an unnamed phrase: "militia troops known as the White Army",
    "a group calling itself the Islamic Front" (its "as" object or its predicate)."""
    for acl in tok.children:
        if acl.dep_ == "acl" and acl.lemma_.lower() in NAMING_PARTICIPLES:
            for c in acl.children:
                if c.dep_ in {"oprd", "attr", "dobj", "xcomp"} and c.i in ent_of:
                    return ent_of[c.i]
                if c.dep_ == "prep" and c.lower_ == "as":
                    named = next((ent_of[o.i] for o in c.children if o.dep_ == "pobj" and o.i in ent_of), None)
                    if named is not None:
                        return named
    return None


def _elaborating_list(appos: Token) -> bool:
    """An apposition that lists the members of a party ("the E3 (Britain, France and
    Germany)"): the party stays one, its members are not parties of their own (they would
    otherwise act with each other and with the other side as so many parties)."""
    return any(c.dep_ == "conj" for c in appos.children)


def _organ_fillers(tok: Token, ent_of: dict[int, str], anonymous: bool) -> list[str] | None:
    """The parties an organ's phrase stands for (``tok`` is in ORGAN_HEADS), or None when it
    names no owner and is read as any other phrase."""
    # "the Russian government", "Germany's ambassador", "the ambassadors of Germany, France
    # and the Netherlands": the organ or envoy acts for the state that a modifier names.
    # A group's phrase names it by a compound ("the M23 rebel group"), not by a demonym
    # ("a Kenyan rebel group" is not Kenya) nor an "of" ("a group of protesters").
    organ = tok.lemma_.lower() in STATE_ORGANS or tok.lemma_.lower() in TERRITORY_NOUNS
    deps = {"amod", "compound", "poss", "nmod"} if organ else {"compound", "poss"}
    mods = [c for c in tok.children if c.dep_ in deps]
    # "Kyrgyz and Tajik border guards", "the U.S. and EU ambassadors": coordinated owners.
    mods += [cc for c in mods for cc in c.children if cc.dep_ == "conj"]
    group_named = tok.lemma_.lower() in ARMED_NOUNS and any(
        c.dep_ == "compound" and c.i in ent_of and _entity_type(tok.doc, ent_of[c.i]) in {"Organization", "Group"}
        for c in mods)
    if (not organ or group_named) and any(c.dep_ == "compound" and c.i in ent_of for c in mods):
        # "Yemen's Houthi movement", "Somalia's Al Shabaab rebels": the compound names the
        # group; the possessive says where it is.
        mods = [c for c in mods if c.dep_ == "compound"]
    owners = [ent_of[c.i] for c in mods if c.i in ent_of]
    pronouns = tok.doc._.ng_pronouns or {} if tok.doc.has_extension("ng_pronouns") else {}
    # "his government": the organ of whoever "his" is.
    owners += [pronouns[c.i] for c in tok.children if c.dep_ in {"poss", "compound", "amod"} and c.i in pronouns]
    for acl in tok.children if organ else ():
        # "a mission led by Abdulsalami Abubakar": the envoy's mission is its leader's.
        if acl.dep_ == "acl" and acl.lemma_ in {"lead", "head", "send", "dispatch"}:
            owners += [k for a in acl.children if a.dep_ == "agent" for o in a.children
                       if o.dep_ == "pobj" for k in _fillers(o, ent_of, anonymous=False)]
    for prep in tok.children if organ else ():
        # "the ambassadors of Germany"; "a spokesman for the African Union" speaks for it.
        if prep.dep_ == "prep" and (prep.lower_ in {"of", "from"} or
                                    prep.lower_ == "for" and tok.lemma_.lower() in VOICES):
            owners += [k for o in prep.children if o.dep_ == "pobj"
                       for k in _fillers(o, ent_of, anonymous=False)]
    # "the junta in Bamako", "the regime in Damascus": the capital stands for its state (the
    # parser often hangs "in Bamako" on the verb, so the next words are read as they stand).
    doc = tok.doc
    # (Not "the UNHCR representative in Jordan": an envoy posted there is not its government's;
    # but "police in Madagascar" are Madagascar's: a state's own forces, when no one else owns them.)
    # (nor "UN officials in Kenya": officials someone else owns are only there)
    ruling = (tok.lemma_.lower() in RULERS or tok.lemma_.lower() in DOMESTIC_FORCES) and not owners
    if organ and ruling and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "in" \
            and tok.i + 2 in ent_of:
        there = (doc._.ng_entities or {}).get(ent_of[tok.i + 2])
        if there is not None and there.type == "Country":
            owners.append(ent_of[tok.i + 2])
    named_appos = [k for c in tok.children if c.dep_ == "appos" for k in _fillers(c, ent_of, anonymous=False)]
    if named_appos:
        # "Mali's leader, Colonel Assimi Goita": the apposition names the organ itself, so
        # it is one party, not the leader and the state as two.
        return [*dict.fromkeys(named_appos), *(k for child in tok.children if child.dep_ == "conj"
                                               for k in _fillers(child, ent_of, anonymous=anonymous))]
    if owners:
        return [*dict.fromkeys(owners), *(k for child in tok.children if child.dep_ in {"conj", "appos"}
                                          for k in _fillers(child, ent_of, anonymous=anonymous))]
    return None


def _entity_type(doc, key: str) -> str | None:  # noqa: ANN001
    """The type of a resolved entity of the Doc, or None."""
    entities = (doc._.ng_entities if doc.has_extension("ng_entities") else None) or {}
    return entities[key].type if key in entities else None


def _owners(tok: Token, ent_of: dict[int, str]) -> list[str]:
    """Entities that own a noun: its possessor ("Russia's support") or its "of" phrase; else
    whoever made it by a verb of authoring ("the resolution, which Russia had drafted", "a
    statement issued by the ministry", "the plan the EU proposed")."""
    out = [ent_of[c.i] for c in tok.children if c.dep_ == "poss" and c.i in ent_of]
    pronouns = tok.doc._.ng_pronouns or {}
    out += [pronouns[c.i] for c in tok.children if c.dep_ == "poss" and c.i in pronouns]
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "by"}:
            out += [k for o in prep.children if o.dep_ == "pobj" for k in _fillers(o, ent_of, anonymous=False)]
    return list(dict.fromkeys(out)) or _authors(tok, ent_of)


def _authors(tok: Token, ent_of: dict[int, str]) -> list[str]:
    """Who made a text or a plan by a verb of authoring whose object (or passive subject) it is."""
    from ..predicates import AGENT, frames_with_argument  # (the predicate layer's reading)

    out: list[str] = []
    for frame, arg in frames_with_argument(tok):
        if frame.lemma in AUTHORING_VERBS and arg.role != AGENT:
            out += [k for i in frame.heads(AGENT) for k in _fillers(tok.doc[i], ent_of, anonymous=False)]
    return list(dict.fromkeys(out))
