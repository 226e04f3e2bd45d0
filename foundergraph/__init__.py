"""foundergraph: a knowledge graph of who knows whom, built from articles about startups."""

__version__ = "0.1.0"
