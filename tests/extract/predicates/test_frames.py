"""The predicate-argument layer (extract/predicates/frames.py) on hand-built parses: each
construction that gives a predicate an argument its clause does not spell out. Sentences are
the tests' own; the parses are written out so that the rules, not the model, are tested."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "events"))

from rule_docs import parse  # noqa: E402

from newsgraph.extract.predicates.frames import (adjective_frame, antecedent, is_passive,  # noqa: E402
                                                 noun_frame, verb_frame)


def args(frame, doc):
    return {(a.role, doc[a.token].text, a.via) for a in frame.args}


def test_active_subject_object_and_passive_by_phrase():
    doc = parse("""
        Kenya     1 nsubj     PROPN Kenya
        expelled  1 ROOT      VERB  expel VBD
        two       3 nummod    NUM   two
        diplomats 1 dobj      NOUN  diplomat
    """)
    assert args(verb_frame(doc[1]), doc) == {("agent", "Kenya", "subject"), ("patient", "diplomats", "object")}
    doc = parse("""
        The       1 det       DET   the
        envoy     3 nsubjpass NOUN  envoy
        was       3 auxpass   AUX   be
        summoned  3 ROOT      VERB  summon VBN
        by        3 agent     ADP   by
        Oslo      4 pobj      PROPN Oslo
    """)
    frame = verb_frame(doc[3])
    assert frame.passive
    assert args(frame, doc) == {("patient", "envoy", "passive subject"), ("agent", "Oslo", "by-phrase")}


def test_relative_pronoun_is_its_antecedent():
    # "the militia, which seized the port"
    doc = parse("""
        the      1 det   DET   the
        militia  1 ROOT  NOUN  militia
        ,        1 punct PUNCT ,
        which    4 nsubj PRON  which WDT
        seized   1 relcl VERB  seize VBD
        the      6 det   DET   the
        port     4 dobj  NOUN  port
    """)
    assert antecedent(doc[3]).text == "militia"
    assert ("agent", "militia", "subject") in args(verb_frame(doc[4]), doc)


def test_non_restrictive_relative_on_a_coordination_is_about_every_conjunct():
    # "Ruto and Museveni, who spoke on Friday"
    doc = parse("""
        Ruto     0 ROOT  PROPN Ruto
        and      0 cc    CCONJ and
        Museveni 0 conj  PROPN Museveni
        ,        2 punct PUNCT ,
        who      5 nsubj PRON  who WP
        spoke    2 relcl VERB  speak VBD
    """)
    got = {(r, w) for r, w, _ in args(verb_frame(doc[5]), doc)}
    assert got == {("agent", "Ruto"), ("agent", "Museveni")}


def test_participial_relatives_active_gives_the_agent_passive_the_patient():
    # "gunmen storming the hotel", "the journalist detained in Minsk"
    doc = parse("""
        gunmen   0 ROOT NOUN gunman
        storming 0 acl  VERB storm VBG
        the      3 det  DET  the
        hotel    1 dobj NOUN hotel
    """)
    assert ("agent", "gunmen", "relative clause") in args(verb_frame(doc[1]), doc)
    doc = parse("""
        the        1 det  DET   the
        journalist 1 ROOT NOUN  journalist
        detained   1 acl  VERB  detain VBN
        in         2 prep ADP   in
        Minsk      3 pobj PROPN Minsk
    """)
    frame = verb_frame(doc[2])
    assert frame.passive and ("patient", "journalist", "relative clause") in args(frame, doc)


def test_subject_and_object_control():
    # "Chile promised to extradite the suspect" / "Peru asked Chile to extradite him"
    doc = parse("""
        Chile     1 nsubj PROPN Chile
        promised  1 ROOT  VERB  promise VBD
        to        3 aux   PART  to
        extradite 1 xcomp VERB  extradite VB
        the       5 det   DET   the
        suspect   3 dobj  NOUN  suspect
    """)
    assert ("agent", "Chile", "subject control") in args(verb_frame(doc[3]), doc)
    doc = parse("""
        Peru      1 nsubj PROPN Peru
        asked     1 ROOT  VERB  ask VBD
        Chile     1 dobj  PROPN Chile
        to        4 aux   PART  to
        extradite 1 xcomp VERB  extradite VB
        him       4 dobj  PRON  he
    """)
    got = args(verb_frame(doc[4]), doc)
    assert ("agent", "Chile", "object control") in got and not any(w == "Peru" for _, w, _ in got)


def test_call_on_to_act_is_object_control_even_as_an_adverbial_clause():
    # "Canada called on Venezuela to free the detainees" (the parser's advcl reading)
    doc = parse("""
        Canada    1 nsubj PROPN Canada
        called    1 ROOT  VERB  call VBD
        on        1 prep  ADP   on
        Venezuela 2 pobj  PROPN Venezuela
        to        5 aux   PART  to
        free      1 advcl VERB  free VB
        the       7 det   DET   the
        detainees 5 dobj  NOUN  detainee
    """)
    assert ("agent", "Venezuela", "object control") in args(verb_frame(doc[5]), doc)


def test_coordinated_verbs_share_a_subject_of_the_same_voice():
    # "Quito recalled its ambassador and protested", "was arrested and charged"
    doc = parse("""
        Quito      1 nsubj PROPN Quito
        recalled   1 ROOT  VERB  recall VBD
        its        3 poss  PRON  its
        ambassador 1 dobj  NOUN  ambassador
        and        1 cc    CCONJ and
        protested  1 conj  VERB  protest VBD
    """)
    assert ("agent", "Quito", "coordinated verb") in args(verb_frame(doc[5]), doc)
    doc = parse("""
        Ortiz    2 nsubjpass PROPN Ortiz
        was      2 auxpass   AUX   be
        arrested 2 ROOT      VERB  arrest VBN
        and      2 cc        CCONJ and
        charged  2 conj      VERB  charge VBN
    """)
    frame = verb_frame(doc[4])
    assert frame.passive and ("patient", "Ortiz", "coordinated verb") in args(frame, doc)


def test_a_speech_verb_conjoined_inside_a_reported_clause_is_the_speakers():
    # "Ruto said the vote had failed and warned that ...": the parser hangs "warned" on the
    # reported "failed"; the warning is Ruto's, not the vote's.
    doc = parse("""
        Ruto    1 nsubj PROPN Ruto
        said    1 ROOT  VERB  say VBD
        the     3 det   DET   the
        vote    5 nsubj NOUN  vote
        had     5 aux   AUX   have VBD
        failed  1 ccomp VERB  fail VBN
        and     5 cc    CCONJ and
        warned  5 conj  VERB  warn VBD
    """)
    assert ("agent", "Ruto", "coordinated speech act") in args(verb_frame(doc[7]), doc)
    # A verb of another kind conjoined there is still the reported clause's own.
    doc = parse("""
        Ruto    1 nsubj PROPN Ruto
        said    1 ROOT  VERB  say VBD
        the     3 det   DET   the
        army    4 nsubj NOUN  army
        entered 1 ccomp VERB  enter VBD
        Goma    4 dobj  PROPN Goma
        and     4 cc    CCONJ and
        shelled 4 conj  VERB  shell VBD
    """)
    assert ("agent", "army", "coordinated verb") in args(verb_frame(doc[7]), doc)


def test_coordinated_arguments_are_distributed():
    # "Chad, Niger and Mali condemned the coup"
    doc = parse("""
        Chad      4 nsubj PROPN Chad
        ,         0 punct PUNCT ,
        Niger     0 conj  PROPN Niger
        and       2 cc    CCONJ and
        condemned 4 ROOT  VERB  condemn VBD
        Mali      2 conj  PROPN Mali
    """)
    agents = {doc[i].text for i in verb_frame(doc[4]).heads("agent")}
    assert agents == {"Chad", "Niger", "Mali"}


def test_an_apposition_is_not_a_second_argument():
    # "the bloc, Mercosur, criticised Lima": the apposition renames the subject
    doc = parse("""
        the        1 det   DET   the
        bloc       4 nsubj NOUN  bloc
        ,          1 punct PUNCT ,
        Mercosur   1 appos PROPN Mercosur
        criticised 4 ROOT  VERB  criticise VBD
        Lima       4 dobj  PROPN Lima
    """)
    assert {doc[i].text for i in verb_frame(doc[4]).heads("agent")} == {"bloc"}


def test_participle_clause_takes_the_main_subject_but_not_after_other_marks():
    # "Ankara closed the border, citing security" / "... although fearing ..." is not shared
    doc = parse("""
        Ankara 1 nsubj PROPN Ankara
        closed 1 ROOT  VERB  close VBD
        the    3 det   DET   the
        border 1 dobj  NOUN  border
        ,      1 punct PUNCT ,
        citing 1 advcl VERB  cite VBG
    """)
    assert ("agent", "Ankara", "participle clause") in args(verb_frame(doc[5]), doc)
    doc = parse("""
        Ankara   1 nsubj PROPN Ankara
        closed   1 ROOT  VERB  close VBD
        although 3 mark  SCONJ although
        fearing  1 advcl VERB  fear VBG
    """)
    assert not verb_frame(doc[3]).heads("agent")


def test_support_verb_lends_its_subject_to_its_noun_also_when_inherited():
    # "Seoul vowed to launch an inquiry"
    doc = parse("""
        Seoul   1 nsubj PROPN Seoul
        vowed   1 ROOT  VERB  vow VBD
        to      3 aux   PART  to
        launch  1 xcomp VERB  launch VB
        an      5 det   DET   an
        inquiry 3 dobj  NOUN  inquiry
    """)
    assert {(a.role, doc[a.token].text) for a in noun_frame(doc[5]).args} == {("agent", "Seoul")}


def test_noun_possessor_and_by_phrase_and_relative_support_verb():
    # "the raids carried out by the army"
    doc = parse("""
        the     1 det   DET  the
        raids   1 ROOT  NOUN raid
        carried 1 acl   VERB carry VBN
        out     2 prt   ADP  out
        by      2 agent ADP  by
        the     6 det   DET  the
        army    4 pobj  NOUN army
    """)
    assert [doc[a.token].text for a in noun_frame(doc[1]).args if a.role == "agent"] == ["army"]


def test_predicative_adjective_takes_the_copula_subject():
    # "Lisbon was critical of the decision"; an attributive adjective has no frame
    doc = parse("""
        Lisbon   1 nsubj PROPN Lisbon
        was      1 ROOT  AUX   be
        critical 1 acomp ADJ   critical
        of       2 prep  ADP   of
        the      5 det   DET   the
        decision 3 pobj  NOUN  decision
    """)
    assert {(a.role, doc[a.token].text) for a in adjective_frame(doc[2]).args} == {("agent", "Lisbon")}
    doc = parse("""
        a        2 det  DET  a
        critical 2 amod ADJ  critical
        report   2 ROOT NOUN report
    """)
    assert adjective_frame(doc[1]) is None


def test_active_verb_is_not_passive():
    doc = parse("""
        Rome    1 nsubj PROPN Rome
        hosted  1 ROOT  VERB  host VBD
        talks   1 dobj  NOUN  talk
    """)
    assert not is_passive(doc[1])


def test_dative_small_clause_and_predicate_nominals_are_the_verbs_own_arguments():
    # "the court sent the ministry a letter"
    doc = parse("""
        the      1 det    DET   the
        court    2 nsubj  NOUN  court
        sent     2 ROOT   VERB  send VBD
        the      4 det    DET   the
        ministry 2 dative NOUN  ministry
        a        6 det    DET   a
        letter   2 dobj   NOUN  letter
    """)
    assert args(verb_frame(doc[2]), doc) == {("agent", "court", "subject"), ("recipient", "ministry", "dative"),
                                            ("patient", "letter", "object")}
    # "the judges found the colonel guilty": the small clause's subject is the patient
    doc = parse("""
        the      1 det   DET   the
        judges   2 nsubj NOUN  judge
        found    2 ROOT  VERB  find VBD
        the      4 det   DET   the
        colonel  5 nsubj NOUN  colonel
        guilty   2 ccomp ADJ   guilty
    """)
    assert args(verb_frame(doc[2]), doc) == {("agent", "judges", "subject"), ("patient", "colonel", "small clause")}
    # "the council declared Tuvalu a partner" (a noun small clause), "the envoy became Tuvalu's
    # partner" (an attribute), "they named it Oceania" (an object predicate that is no small clause)
    doc = parse("""
        the      1 det   DET   the
        council  2 nsubj NOUN  council
        declared 2 ROOT  VERB  declare VBD
        Tuvalu   5 nsubj PROPN Tuvalu
        a        5 det   DET   a
        partner  2 oprd  NOUN  partner
    """)
    assert args(verb_frame(doc[2]), doc) == {("agent", "council", "subject"), ("patient", "Tuvalu", "small clause")}
    doc = parse("""
        the      1 det   DET   the
        envoy    2 nsubj NOUN  envoy
        became   2 ROOT  VERB  become VBD
        Tuvalu   5 poss  PROPN Tuvalu
        's       3 case  PART  's
        partner  2 attr  NOUN  partner
    """)
    assert ("patient", "partner", "attribute") in args(verb_frame(doc[2]), doc)
    doc = parse("""
        they     1 nsubj PRON  they
        named    1 ROOT  VERB  name VBD
        it       1 dobj  PRON  it
        Oceania  1 oprd  PROPN Oceania
    """)
    assert args(verb_frame(doc[1]), doc) == {("agent", "they", "subject"), ("patient", "it", "object"),
                                            ("patient", "Oceania", "object predicate")}


def test_a_name_run_into_a_fronted_date_is_the_subject():
    # "On Friday Maria Sanchez, mayor of Quito, denounced the cuts": no comma after the date,
    # so the parser takes the name into the "on" phrase
    doc = parse("""
        On        7 prep     ADP   on
        Friday    3 compound PROPN Friday NNP
        Maria     3 compound PROPN Maria NNP
        Sanchez   0 pobj     PROPN Sanchez NNP
        ,         3 punct    PUNCT ,
        mayor     3 appos    NOUN  mayor
        ,         3 punct    PUNCT ,
        denounced 7 ROOT     VERB  denounce VBD
        the       9 det      DET   the
        cuts      7 dobj     NOUN  cut
    """, ents=["O", "B-DATE", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O"])
    assert args(verb_frame(doc[7]), doc) == {("agent", "Sanchez", "subject"), ("patient", "cuts", "object")}
    # the date may swallow the name in the model's reading ("on May 3, 2010 Maria Sanchez")
    doc = parse("""
        On        6 prep     ADP   on
        May       0 pobj     PROPN May NNP
        3         1 nummod   NUM   3
        2010      1 nummod   NUM   2010
        Maria     5 compound PROPN Maria NNP
        Sanchez   1 appos    PROPN Sanchez NNP
        denounced 6 ROOT     VERB  denounce VBD
        cuts      6 dobj     NOUN  cut
    """, ents=["O", "B-DATE", "I-DATE", "I-DATE", "I-DATE", "I-DATE", "O", "O"])
    assert ("agent", "Sanchez", "subject") in args(verb_frame(doc[6]), doc)


def test_a_name_that_is_the_phrases_own_object_is_no_subject():
    # "According to Maria Sanchez denounced ...": a garbled clause; the name is what the phrase
    # is about, no date or place runs into it
    doc = parse("""
        According 3 prep     VERB  accord VBG
        to        0 prep     ADP   to
        Sanchez   1 pobj     PROPN Sanchez NNP
        denounced 3 ROOT     VERB  denounce VBD
        cuts      3 dobj     NOUN  cut
    """, ents=["O", "O", "B-PERSON", "O", "O"])
    assert args(verb_frame(doc[3]), doc) == {("patient", "cuts", "object")}
    # a comma after the phrase ends it: "In Quito, Sanchez ..." is parsed right or not at all
    doc = parse("""
        In        5 prep     ADP   in
        Quito     0 pobj     PROPN Quito NNP
        Sanchez   1 appos    PROPN Sanchez NNP
        ,         5 punct    PUNCT ,
        reporters 5 npadvmod NOUN  reporter
        denounced 5 ROOT     VERB  denounce VBD
    """, ents=["O", "B-GPE", "B-PERSON", "O", "O", "O"])
    assert args(verb_frame(doc[5]), doc) == set()


def test_a_finite_verb_conjoined_to_a_gerund_shares_the_clauses_subject():
    # "Kenya has accused Uganda of harbouring rebels and imposed a ban": "imposed" is no second
    # gerund under "of"; it is conjoined with "accused"
    doc = parse("""
        Kenya      2 nsubj  PROPN Kenya NNP
        has        2 aux    AUX   have VBZ
        accused    2 ROOT   VERB  accuse VBN
        Uganda     2 dobj   PROPN Uganda NNP
        of         2 prep   ADP   of
        harbouring 4 pcomp  VERB  harbour VBG
        rebels     5 dobj   NOUN  rebel
        and        5 cc     CCONJ and
        imposed    5 conj   VERB  impose VBN
        a          10 det   DET   a
        ban        8 dobj   NOUN  ban
    """)
    assert ("agent", "Kenya", "coordinated verb") in args(verb_frame(doc[8]), doc)
    # two gerunds share their own (empty) subject: "of harbouring rebels and arming them"
    doc = parse("""
        accused    0 ROOT   VERB  accuse VBD
        Uganda     0 dobj   PROPN Uganda NNP
        of         0 prep   ADP   of
        harbouring 2 pcomp  VERB  harbour VBG
        rebels     3 dobj   NOUN  rebel
        and        3 cc     CCONJ and
        arming     3 conj   VERB  arm VBG
    """)
    assert not any(a.role == "agent" for a in verb_frame(doc[6]).args)


def test_a_past_verb_conjoined_to_a_present_one_shares_the_past_clauses_subject():
    # "Lind said she would stay when her term ends and accused the government"
    doc = parse("""
        Lind      1 nsubj  PROPN Lind NNP
        said      1 ROOT   VERB  say VBD
        she       4 nsubj  PRON  she PRP
        would     4 aux    AUX   would MD
        stay      1 ccomp  VERB  stay VB
        when      8 advmod SCONJ when WRB
        her       7 poss   PRON  her PRP$
        term      8 nsubj  NOUN  term NN
        ends      4 advcl  VERB  end VBZ
        and       8 cc     CCONJ and
        accused   8 conj   VERB  accuse VBD
        the       12 det   DET   the
        government 10 dobj NOUN  government NN
    """)
    assert ("agent", "Lind", "coordinated verb") in args(verb_frame(doc[10]), doc)


def test_a_nouns_infinitive_is_its_possessors():
    # "the government's decision to suspend talks"
    doc = parse("""
        the        1 det    DET   the
        government 3 poss   NOUN  government NN
        's         1 case   PART  's POS
        decision   3 ROOT   NOUN  decision NN
        to         5 aux    PART  to TO
        suspend    3 acl    VERB  suspend VB
        talks      5 dobj   NOUN  talk NNS
    """)
    assert ("agent", "government", "subject control") in args(verb_frame(doc[5]), doc)
    # without a possessor, an infinitive relative has no subject ("a plan to attack")
    doc = parse("""
        a       1 det  DET  a
        plan    1 ROOT NOUN plan NN
        to      3 aux  PART to TO
        attack  1 acl  VERB attack VB
    """)
    assert verb_frame(doc[3]).args == ()


def test_the_passive_subject_of_a_directive_or_raising_verb_does_its_infinitive(nlp):
    from conftest import extract_text, rels

    r = extract_text(nlp, "Peru said it had been forced to expel the Bolivian ambassador.")
    assert ("peru", "expels", "bolivia") in rels(r)
    r = extract_text(nlp, "Erdogan is expected to visit Baghdad next week.")
    visit = [e for e in r.events if e.event_class == "visit"]
    assert visit and ("agent", "erdogan") in visit[0].roles and visit[0].factuality != "asserted"


def test_a_participle_after_a_preposition_of_time_shares_the_clause_subject(nlp):
    from conftest import extract_text, rels

    r = extract_text(nlp, "Armenia closed the crossing after accusing Azerbaijan of shelling border villages.")
    assert ("armenia", "accuses", "azerbaijan") in rels(r)


def test_a_finite_verb_the_parser_conjoins_with_a_preposition_shares_the_clause_subject(nlp):
    from conftest import extract_text, rels

    r = extract_text(nlp, "Georgian authorities barred her husband, popular blogger Nika Gvaramia, from running and "
                          "then jailed him.")
    assert any(s == "georgia" and p == "arrests" for s, p, o in rels(r))
