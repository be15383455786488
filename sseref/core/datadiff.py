"""What changed between two versions of the database: records added, removed, and changed
field by field ("Seat: Geneva → Nairobi"), read with SQL from both files."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sseref.core import kinds
from sseref.core.i18n import N_, _
from sseref.core.schema import item_column

# Field key → label (translated when shown). Per-language fields get " (es)" etc. appended.
# The common fields, then every kind's own fields in declaration order (core.kinds).
_COMMON_LABELS: dict[str, str] = {
    "kind": N_("Kind"),
    "date": N_("Date"),
    "name": N_("Name"),
    "acronym": N_("Acronym"),
    "summary": N_("Summary"),
    "aliases": N_("Other names"),
    "themes": N_("Themes"),
}
FIELD_LABELS: dict[str, str] = {
    **_COMMON_LABELS,
    **{
        f.name: f.change_label or f.label
        for spec in kinds.SPECS.values()
        for f in spec.fields
        if f.label and f.name not in _COMMON_LABELS
    },
    "relations": N_("Relations"),
    "sources": N_("Sources"),
}

# One query per field group: (record id, field key, language or '', value). Lists are
# aggregated in a fixed order so that equal data compares equal.
_COMMON_QUERIES = (
    "select id, 'kind', '', kind from records",
    "select id, 'date', '', date_text from records where date_text is not null",
    "select record_id, 'name', lang, name from names",
    "select record_id, 'acronym', lang, acronym from names where acronym is not null",
    "select record_id, 'summary', lang, text from summaries",
    """select record_id, 'aliases', '', group_concat(alias, '; ')
       from (select record_id, alias from aliases order by record_id, alias) group by record_id""",
    """select record_id, 'themes', '', group_concat(theme, ', ')
       from (select record_id, theme from themes order by record_id, theme) group by record_id""",
    """select source_id, 'relations', '', group_concat(line, '; ')
       from (select source_id, type || ' ' || target_id
                    || coalesce(' (' || since || coalesce('–' || until, '') || ')', '') as line
             from relations order by source_id, type, target_id, since) group by source_id""",
    """select record_id, 'sources', '', group_concat(line, '; ')
       from (select record_id, coalesce(doc_id, title, '') || coalesce(' <' || url || '>', '')
                    as line
             from sources order by record_id, position) group by record_id""",
)
_ROLES_QUERY = """select person_id, 'roles', '', group_concat(line, '; ')
       from (select ro.person_id, ro.organization_id || coalesce(' ' || t.title, '')
                    || coalesce(' (' || ro.since || coalesce('–' || ro.until, '') || ')', '')
                    || ' as of ' || ro.as_of as line
             from roles ro left join role_titles t on t.role_id = ro.id and t.lang = 'en'
             order by ro.person_id, ro.position) group by person_id"""


def _fact_query(table: str, name: str) -> str:
    """A changeable fact with its "as of" date ("Geneva (as of 2025-10)"), or its explicit
    unknown, so that a newer date or a fact found at last shows as a change."""
    return f"""select t.id, '{name}', '', coalesce(
            t.{name} || coalesce(' (as of ' || f.as_of || ')', ''),
            case when f.unknown then 'unknown (checked ' || f.checked || ')' end)
        from {table} t left join facts f on f.record_id = t.id and f.field = '{name}'
        where t.{name} is not null or f.unknown"""


def _field_queries(conn: sqlite3.Connection) -> list[str]:
    """The queries for `conn`'s database: the kinds' columns it has (an older database may
    lack a table or a column a newer program declares)."""
    have: dict[str, set[str]] = {}
    for (table,) in conn.execute("select name from sqlite_master where type = 'table'"):
        have[table] = {row[1] for row in conn.execute(f"pragma table_info('{table}')")}
    queries = list(_COMMON_QUERIES)
    for spec in kinds.SPECS.values():
        columns = have.get(spec.table, set())
        for f in spec.columns:
            if f.name not in columns or not f.label:
                continue
            if f.type == "fact" and "facts" in have:
                queries.append(_fact_query(spec.table, f.name))
            else:
                queries.append(
                    f"select id, '{f.name}', '', {f.name} from {spec.table} "
                    f"where {f.name} is not null"
                )
        for f in spec.list_fields:
            table, item, owner = spec.list_table(f), item_column(f.item), f"{spec.key}_id"
            if table in have:
                queries.append(
                    f"""select {owner}, '{f.name}', '', group_concat({item}, ', ')
                    from (select {owner}, {item} from {table} order by {owner}, {item})
                    group by {owner}"""
                )
    if "roles" in have and "role_titles" in have:
        queries.append(_ROLES_QUERY)
    return queries


@dataclass(frozen=True)
class FieldChange:
    """One field of one record, before and after (None: absent)."""

    key: str
    lang: str
    old: str | None
    new: str | None

    def label(self) -> str:
        text = _(FIELD_LABELS.get(self.key, self.key))
        return f"{text} ({self.lang})" if self.lang else text

    def text(self, limit: int = 80) -> str:
        """ "Seat: Geneva → Nairobi" (long values shortened)."""
        return f"{self.label()}: {_short(self.old, limit)} → {_short(self.new, limit)}"


def _short(value: str | None, limit: int) -> str:
    if value is None or value == "":
        return "—"
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class RecordChange:
    """A record added, removed or changed, with its title and kind."""

    id: str
    kind: str
    title: str
    fields: tuple[FieldChange, ...] = ()


@dataclass
class Changes:
    """Every difference between two databases."""

    added: list[RecordChange] = field(default_factory=list)
    removed: list[RecordChange] = field(default_factory=list)
    changed: list[RecordChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def marks(self) -> dict[str, str]:
        """record id → "added" / "changed" (removed records have no page)."""
        return {
            **{r.id: "added" for r in self.added},
            **{r.id: "changed" for r in self.changed},
        }

    def to_json(self) -> dict[str, Any]:
        def rec(r: RecordChange) -> dict[str, Any]:
            out: dict[str, Any] = {"id": r.id, "kind": r.kind, "title": r.title}
            if r.fields:
                out["fields"] = [
                    {"field": f.key, "lang": f.lang, "old": f.old, "new": f.new} for f in r.fields
                ]
            return out

        return {
            "added": [rec(r) for r in self.added],
            "removed": [rec(r) for r in self.removed],
            "changed": [rec(r) for r in self.changed],
        }


Fields = dict[str, dict[tuple[str, str], str]]


def record_fields(conn: sqlite3.Connection) -> Fields:
    """Every record's comparable fields: id → {(field, lang): value}."""
    out: Fields = {}
    for sql in _field_queries(conn):
        for rid, key, lang, value in conn.execute(sql):
            if value is not None:
                out.setdefault(str(rid), {})[(str(key), str(lang))] = str(value)
    return out


def _title(fields: dict[tuple[str, str], str]) -> str:
    return fields.get(("name", "en")) or next(
        (v for (k, _lang), v in sorted(fields.items()) if k == "name"), ""
    )


def diff_fields(old: Fields, new: Fields) -> Changes:
    """Compares two field maps (see `record_fields`)."""
    changes = Changes()
    for rid in sorted(new.keys() - old.keys()):
        changes.added.append(RecordChange(rid, new[rid].get(("kind", ""), ""), _title(new[rid])))
    for rid in sorted(old.keys() - new.keys()):
        changes.removed.append(RecordChange(rid, old[rid].get(("kind", ""), ""), _title(old[rid])))
    order = list(FIELD_LABELS)
    for rid in sorted(old.keys() & new.keys()):
        before, after = old[rid], new[rid]
        if before == after:
            continue
        keys = sorted(
            before.keys() | after.keys(),
            key=lambda k: (order.index(k[0]) if k[0] in order else len(order), k),
        )
        fields = tuple(
            FieldChange(k, lang, before.get((k, lang)), after.get((k, lang)))
            for k, lang in keys
            if before.get((k, lang)) != after.get((k, lang))
        )
        changes.changed.append(
            RecordChange(rid, after.get(("kind", ""), ""), _title(after), fields)
        )
    return changes


def open_database(path: Path) -> sqlite3.Connection:
    """A database file opened read-only for comparing."""
    return sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro&immutable=1", uri=True)


def diff_connections(old: sqlite3.Connection, new: sqlite3.Connection) -> Changes:
    return diff_fields(record_fields(old), record_fields(new))


def diff_databases(old: Path, new: Path) -> Changes:
    """What changed from the database file `old` to `new`."""
    a, b = open_database(old), open_database(new)
    try:
        return diff_connections(a, b)
    finally:
        a.close()
        b.close()


def changes_from_json(value: dict[str, Any]) -> Changes:
    """The inverse of `Changes.to_json` (the saved "last update" file)."""

    def rec(item: dict[str, Any]) -> RecordChange:
        fields = tuple(
            FieldChange(str(f["field"]), str(f.get("lang", "")), f.get("old"), f.get("new"))
            for f in item.get("fields", [])
        )
        return RecordChange(str(item["id"]), str(item["kind"]), str(item["title"]), fields)

    return Changes(
        [rec(i) for i in value.get("added", [])],
        [rec(i) for i in value.get("removed", [])],
        [rec(i) for i in value.get("changed", [])],
    )
