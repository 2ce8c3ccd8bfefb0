"""The one exception module of newsgraph.

Library code raises these; only the CLI turns them into one-line messages.
"""


class NewsgraphError(Exception):
    """Base class: a problem the user can act on (bad input, missing model, ...)."""


class InputError(NewsgraphError):
    """An input file or record cannot be read as an article."""


class ModelError(NewsgraphError):
    """The spaCy model cannot be loaded."""


class QueryError(NewsgraphError):
    """A SPARQL query is malformed or cannot run on the graph."""


class OutputError(NewsgraphError):
    """Output files cannot be written."""


class EvalError(NewsgraphError):
    """Gold or prediction files cannot be scored."""


class ValidationError(NewsgraphError):
    """A build or RDF file cannot be read for validation."""


class StoreError(NewsgraphError):
    """An incremental build store (``--store DIR``) cannot be opened or updated."""
