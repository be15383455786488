"""The database schema version and tables, shared by the data build and the runtime reader."""

from sseref.core.kinds import KIND_SPECS

# 2: folded sort and filter keys of names and aliases · 3: tables derived from core.kinds,
# kinds person and country, facts with "as of" (facts), roles (roles, role_titles) · 4: events'
# country. A field kept as a column changes a table, so adding one raises this number: a pack
# or a database of another layout is refused with a message rather than misread.
SCHEMA_VERSION = 4
# The kinds with fields kept as columns have a table each (`organizations`, `countries`, …).
KIND_TABLES = tuple(spec.table for spec in KIND_SPECS if spec.columns)
# A list field has a table of its own (`document_languages`): (kind id column, item column).
LIST_TABLES = tuple(spec.list_table(f) for spec in KIND_SPECS for f in spec.list_fields)
TABLES = (
    "records",
    "names",
    "aliases",
    "summaries",
    "themes",
    *KIND_TABLES,
    *LIST_TABLES,
    "facts",
    "roles",
    "role_titles",
    "relations",
    "sources",
    "meta",
)


def item_column(item: str) -> str:
    """The column that holds a list field's items (`lang` for language codes)."""
    return "lang" if item == "language" else "value"
