"""conflict_kg.graph: Event records to RDF, SPARQL, networkx and exports. Never imports spaCy."""

__all__: list[str] = []
