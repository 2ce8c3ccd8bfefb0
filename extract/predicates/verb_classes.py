"""Closed classes of speech and stance verbs, shared by the frame rules and the speech layer."""

from __future__ import annotations

# Verbs of saying (assertives): their subject states what their complement clause or the
# quote they attribute says.
SAYING_VERBS = frozenset({"say", "tell", "state", "add", "announce", "declare", "claim", "insist", "warn",
                          "note", "argue", "assert", "stress", "write", "explain", "reply", "respond",
                          "confirm", "deny", "allege", "report", "tweet", "continue", "conclude",
                          "emphasize", "emphasise", "maintain", "acknowledge", "admit", "affirm",
                          "comment", "remark", "recall", "predict", "suggest", "accuse", "charge",
                          "complain"})
# Commissive verbs: the speaker commits to an act of his own ("vowed that it would respond");
# he is the source of that plan (factuality says it has not happened).
COMMISSIVE_VERBS = frozenset({"promise", "vow", "pledge", "threaten", "swear"})
# Stance verbs: their subject holds, rather than utters, what the complement says ("believes
# that X attacked"): the source of that claim all the same; they attribute no quote.
STANCE_VERBS = frozenset({"believe", "think"})
# Directive verbs: what the complement says is asked for, not reported ("demanded that X
# withdraw", "urged X to attack"); they attribute a quote (the quote is the speaker's words).
DIRECTIVE_VERBS = frozenset({"urge", "demand", "ask", "request", "order", "recommend"})
# Verbs of talking about: their object is the topic, not a party ("discussed Ukraine with
# Macron"), and what it names is not done ("to discuss the release of detainees").
TOPIC_VERBS = frozenset({"discuss", "debate"})
# Verbs whose subject is the source of what their complement clause says: who reports it.
REPORTING_VERBS = SAYING_VERBS | COMMISSIVE_VERBS | STANCE_VERBS
# Verbs of speech acts: their subject is the speaker of a quote they attribute.
SPEECH_VERBS = SAYING_VERBS | COMMISSIVE_VERBS | DIRECTIVE_VERBS
