"""Search layer: the Whoosh schema, analyzers, indexer and searcher (no Qt)."""
