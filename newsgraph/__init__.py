"""newsgraph: news articles to a knowledge graph."""

__version__ = "0.1.0"
