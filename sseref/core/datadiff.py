"""What changed between two versions of the database: records added, removed, and changed
field by field ("Seat: Geneva → Nairobi"), read with SQL from both files."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sseref.core.i18n import N_, _

# Field key → label (translated when shown). Per-language fields get " (es)" etc. appended.
FIELD_LABELS: dict[str, str] = {
    "kind": N_("Kind"),
    "date": N_("Date"),
    "name": N_("Name"),
    "acronym": N_("Acronym"),
    "summary": N_("Summary"),
    "aliases": N_("Other names"),
    "themes": N_("Themes"),
    "type": N_("Type"),
    "region": N_("Region"),
    "headquarters": N_("Seat"),
    "founded": N_("Founded"),
    "website": N_("Website"),
    "place": N_("Place"),
    "event_type": N_("Event type"),
    "doc_type": N_("Document type"),
    "symbol": N_("Symbol"),
    "issuing_body": N_("Issuing body"),
    "publisher": N_("Publisher"),
    "url": N_("Address"),
    "languages": N_("Languages"),
    "initiative_type": N_("Initiative type"),
    "relations": N_("Relations"),
    "sources": N_("Sources"),
}

# One query per field group: (record id, field key, language or '', value). Lists are
# aggregated in a fixed order so that equal data compares equal.
_FIELD_QUERIES = (
    "select id, 'kind', '', kind from records",
    "select id, 'date', '', date_text from records where date_text is not null",
    "select record_id, 'name', lang, name from names",
    "select record_id, 'acronym', lang, acronym from names where acronym is not null",
    "select record_id, 'summary', lang, text from summaries",
    """select record_id, 'aliases', '', group_concat(alias, '; ')
       from (select record_id, alias from aliases order by record_id, alias) group by record_id""",
    """select record_id, 'themes', '', group_concat(theme, ', ')
       from (select record_id, theme from themes order by record_id, theme) group by record_id""",
    *(
        f"select id, '{col}', '', {col} from {table} where {col} is not null"
        for table, cols in (
            ("organizations", ("type", "region", "headquarters", "founded", "website")),
            ("events", ("place", "event_type")),
            ("documents", ("doc_type", "symbol", "issuing_body", "publisher", "url")),
            ("initiatives", ("initiative_type", "url")),
        )
        for col in cols
    ),
    """select document_id, 'languages', '', group_concat(lang, ', ')
       from (select document_id, lang from document_languages order by document_id, lang)
       group by document_id""",
    """select source_id, 'relations', '', group_concat(line, '; ')
       from (select source_id, type || ' ' || target_id
                    || coalesce(' (' || since || coalesce('–' || until, '') || ')', '') as line
             from relations order by source_id, type, target_id, since) group by source_id""",
    """select record_id, 'sources', '', group_concat(line, '; ')
       from (select record_id, coalesce(doc_id, title, '') || coalesce(' <' || url || '>', '')
                    as line
             from sources order by record_id, position) group by record_id""",
)


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
    for sql in _FIELD_QUERIES:
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
