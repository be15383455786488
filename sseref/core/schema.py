"""The database schema version shared by the data build and the runtime reader."""

SCHEMA_VERSION = 2  # 2: folded sort and filter keys of names and aliases
TABLES = (
    "records",
    "names",
    "aliases",
    "summaries",
    "themes",
    "organizations",
    "events",
    "documents",
    "document_languages",
    "initiatives",
    "relations",
    "sources",
    "meta",
)
