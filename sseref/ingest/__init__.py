"""Build-time ingestion: validates data/ and builds the SQLite database and the index."""
