"""The predicate-argument layer: every predicate's arguments by role (frames.py) and who
says it (speech.py, with the verb classes of verb_classes.py), put on the Doc by the ``newsgraph_predicates`` component."""

from .component import PredicateLayer
from .frames import (AGENT, COORDINATED, COPULAS, OBJECT_CONTROL_VERBS, PATIENT, PREDICATIVE_VIAS, RECIPIENT,
                     SUPPORT_VERBS, Arg, Frame, antecedent, conjuncts, construction, elaborating_conjunct, frame_of,
                     frames_with_argument, is_passive, journey_of_subject, obliques, predicate_frame, rival_claim, subject_of,
                     verb_frame)
from .speech import according_to, quotes, reported_speaker
from .verb_classes import (COMMISSIVE_VERBS, DIRECTIVE_VERBS, REPORTING_VERBS, SAYING_VERBS, SPEECH_VERBS,
                           STANCE_VERBS)

__all__ = ["AGENT", "COMMISSIVE_VERBS", "COORDINATED", "COPULAS", "DIRECTIVE_VERBS", "OBJECT_CONTROL_VERBS",
           "PATIENT", "PREDICATIVE_VIAS", "RECIPIENT", "REPORTING_VERBS", "SAYING_VERBS", "SPEECH_VERBS",
           "STANCE_VERBS", "SUPPORT_VERBS", "Arg", "Frame", "PredicateLayer", "according_to", "antecedent",
           "conjuncts", "construction", "elaborating_conjunct", "frame_of", "frames_with_argument", "is_passive",
           "journey_of_subject", "obliques", "predicate_frame", "quotes", "reported_speaker", "rival_claim", "subject_of", "verb_frame"]
