"""The data build: validated records → read-only SQLite database (with sqlite-utils)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils
from sqlite_utils.db import Table

from sseref.core import kinds, vocab
from sseref.core.dates import parse_date
from sseref.core.schema import SCHEMA_VERSION, TABLES, item_column
from sseref.core.textfold import fold
from sseref.ingest.loader import LoadError, RawRecord, load_file, record_files
from sseref.ingest.validate import Checked, Problem, Report, validate

Progress = Callable[[str], None]


class BuildError(Exception):
    """The data did not validate; carries every problem found."""

    def __init__(self, problems: list[Problem | LoadError]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote."""

    database: Path
    counts: dict[str, int]
    data_version: str


def data_version(data_dir: Path) -> str:
    """A digest of every record file's name and bytes: same data, same version."""
    digest = hashlib.sha256()
    for file in record_files(data_dir):
        digest.update(file.relative_to(data_dir).as_posix().encode())
        digest.update(b"\0")
        digest.update(file.read_bytes())
    digest.update(f"schema{SCHEMA_VERSION}".encode())
    return digest.hexdigest()[:16]


def load_and_validate(data_dir: Path) -> Report:
    raws: list[RawRecord] = []
    load_errors: list[LoadError] = []
    for file in record_files(data_dir):
        try:
            raws.extend(load_file(file))
        except LoadError as exc:
            load_errors.append(exc)
    report = validate(raws)
    if load_errors or report.problems:
        raise BuildError([*load_errors, *report.problems])
    return report


def is_stale(data_dir: Path, database: Path) -> bool:
    """True when the database is missing, unreadable, of another schema or of other data."""
    if not database.is_file():
        return True
    try:
        conn = sqlite3.connect(database.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            version = conn.execute("pragma user_version").fetchone()[0]
            row = conn.execute("select value from meta where key = 'data_version'").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return True
    return version != SCHEMA_VERSION or row is None or row[0] != data_version(data_dir)


def build_database(
    data_dir: Path, database: Path, progress: Progress = lambda _m: None
) -> BuildResult:
    """Validates `data_dir` and writes the database atomically (a temp file, then a rename)."""
    progress(f"Reading {data_dir}")
    report = load_and_validate(data_dir)
    version = data_version(data_dir)
    database.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(suffix=".db.tmp", dir=database.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        db = sqlite_utils.Database(tmp, recreate=True)
        _create_tables(db)
        records = sorted(report.records, key=lambda c: c.id)
        _insert(db, records)
        counts = {kind: sum(1 for r in records if r.kind == kind) for kind in vocab.KINDS}
        _write_meta(db, version, counts, records)
        db.execute(f"pragma user_version = {SCHEMA_VERSION}")
        db.conn.commit()
        db.execute("vacuum")
        db.close()
        os.replace(tmp, database)
    finally:
        tmp.unlink(missing_ok=True)
    progress(f"Wrote {database} ({sum(counts.values())} records)")
    return BuildResult(database, counts, version)


def _table(db: sqlite_utils.Database, name: str) -> Table:
    """A table of the database being built (never a view, whatever the name)."""
    return Table(db, name)


def _create_tables(db: sqlite_utils.Database) -> None:
    _table(db, "records").create(
        {
            "id": str,
            "kind": str,
            "date_text": str,
            "date_precision": str,
            "sort_date": str,
            "end_date": str,
            "year": int,
            "file": str,
            "line": int,
        },
        pk="id",
        not_null={"kind"},
    )
    fk = [("record_id", "records", "id")]
    # The *_key columns hold the folded text (no accents, no case) that lists sort and filter
    # by: computed here once rather than by a Python SQL function on every row at run time.
    _table(db, "names").create(
        {
            "record_id": str,
            "lang": str,
            "name": str,
            "acronym": str,
            "name_key": str,
            "acronym_key": str,
        },
        pk=("record_id", "lang"),
        foreign_keys=fk,
        not_null={"name"},
    )
    _table(db, "aliases").create(
        {"record_id": str, "alias": str, "alias_key": str}, foreign_keys=fk
    )
    _table(db, "summaries").create(
        {"record_id": str, "lang": str, "text": str}, pk=("record_id", "lang"), foreign_keys=fk
    )
    _table(db, "themes").create(
        {"record_id": str, "theme": str}, pk=("record_id", "theme"), foreign_keys=fk
    )
    own = [("id", "records", "id")]
    for spec in kinds.SPECS.values():
        if not spec.columns:
            continue
        refs = [(f.name, "records", "id") for f in spec.columns if f.type == "ref"]
        _table(db, spec.table).create(
            {"id": str, **{f.name: str for f in spec.columns}},
            pk="id",
            foreign_keys=[*own, *refs],
        )
        for f in spec.columns:
            if f.indexed:
                _table(db, spec.table).create_index([f.name])
        for f in spec.list_fields:
            owner = f"{spec.key}_id"
            _table(db, spec.list_table(f)).create(
                {owner: str, item_column(f.item): str},
                pk=(owner, item_column(f.item)),
                foreign_keys=[(owner, "records", "id")],
            )
    # A changeable fact's "as of" and source, or its explicit "unknown" (the value itself is
    # also in its kind's table, where lists read it).
    _table(db, "facts").create(
        {
            "record_id": str,
            "field": str,
            "value": str,
            "as_of": str,
            "source_position": int,
            "source_doc_id": str,
            "unknown": int,
            "checked": str,
        },
        pk=("record_id", "field"),
        foreign_keys=[*fk, ("source_doc_id", "records", "id")],
    )
    # A person's public roles (`source_position` counts in the person's sources).
    _table(db, "roles").create(
        {
            "id": int,
            "person_id": str,
            "organization_id": str,
            "position": int,
            "since": str,
            "until": str,
            "as_of": str,
            "source_position": int,
            "source_doc_id": str,
        },
        pk="id",
        foreign_keys=[
            ("person_id", "records", "id"),
            ("organization_id", "records", "id"),
            ("source_doc_id", "records", "id"),
        ],
    )
    _table(db, "role_titles").create(
        {"role_id": int, "lang": str, "title": str},
        pk=("role_id", "lang"),
        foreign_keys=[("role_id", "roles", "id")],
    )
    _table(db, "relations").create(
        {
            "id": int,
            "source_id": str,
            "type": str,
            "target_id": str,
            "since": str,
            "until": str,
            "note": str,
            "source_doc_id": str,
        },
        pk="id",
        foreign_keys=[
            ("source_id", "records", "id"),
            ("target_id", "records", "id"),
            ("source_doc_id", "records", "id"),
        ],
    )
    _table(db, "sources").create(
        {
            "record_id": str,
            "position": int,
            "doc_id": str,
            "title": str,
            "publisher": str,
            "date": str,
            "url": str,
            "checked": str,
            "note": str,
        },
        pk=("record_id", "position"),
        foreign_keys=[*fk, ("doc_id", "records", "id")],
    )
    _table(db, "meta").create({"key": str, "value": str}, pk="key")
    for table, cols in [
        ("records", ["kind"]),
        ("records", ["year"]),
        ("aliases", ["record_id"]),
        ("relations", ["source_id"]),
        ("relations", ["target_id"]),
        ("sources", ["doc_id"]),
        ("themes", ["theme"]),
        ("roles", ["person_id"]),
        ("roles", ["organization_id"]),
    ]:
        _table(db, table).create_index(cols)


def _insert(db: sqlite_utils.Database, records: list[Checked]) -> None:
    # Every table of the schema but `meta`, which is written last, once the rows are in.
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES if t != "meta"}
    relation_id = role_id = 0
    for rec in records:
        d = rec.data
        kind_spec = kinds.spec(rec.kind)
        date_field = kind_spec.date_field
        date_text = _plain(d.get(date_field.name)) if date_field else None
        spec = parse_date(date_text) if date_text else None
        rows["records"].append(
            {
                "id": rec.id,
                "kind": rec.kind,
                "date_text": spec.text() if spec else None,
                "date_precision": spec.precision.value if spec else None,
                "sort_date": spec.sort_key() if spec else None,
                "end_date": spec.last_day() if spec else None,
                "year": spec.year if spec else None,
                "file": rec.raw.file.name,
                "line": rec.raw.line,
            }
        )
        for lang, entry in sorted(d["names"].items()):
            name, acronym = entry["name"].strip(), entry.get("acronym")
            rows["names"].append(
                {
                    "record_id": rec.id,
                    "lang": lang,
                    "name": name,
                    "acronym": acronym,
                    "name_key": fold(name),
                    "acronym_key": fold(acronym) if acronym else None,
                }
            )
        rows["aliases"] += [
            {"record_id": rec.id, "alias": a, "alias_key": fold(a)} for a in d.get("aliases", [])
        ]
        rows["summaries"] += [
            {"record_id": rec.id, "lang": lang, "text": " ".join(text.split())}
            for lang, text in sorted(d["summary"].items())
        ]
        rows["themes"] += [
            {"record_id": rec.id, "theme": t} for t in sorted(set(d.get("themes", [])))
        ]
        if kind_spec.columns:
            rows[kind_spec.table].append(
                {"id": rec.id, **{f.name: _plain(d.get(f.name)) for f in kind_spec.columns}}
            )
        for f in kind_spec.list_fields:
            rows[kind_spec.list_table(f)] += [
                {f"{rec.kind}_id": rec.id, item_column(f.item): item}
                for item in dict.fromkeys(d.get(f.name, []))
            ]
        for f in kind_spec.fields:
            if f.type == "fact" and f.name in d:
                rows["facts"].append({"record_id": rec.id, "field": f.name, **_fact(d[f.name])})
            elif f.type == "roles":
                for position, role in enumerate(d.get(f.name, []), 1):
                    role_id += 1
                    rows["roles"].append(
                        {
                            "id": role_id,
                            "person_id": rec.id,
                            "organization_id": role["organization"],
                            "position": position,
                            "since": role.get("since"),
                            "until": role.get("until"),
                            "as_of": role["as_of"],
                            **_source_ref(role["source"]),
                        }
                    )
                    rows["role_titles"] += [
                        {"role_id": role_id, "lang": lang, "title": " ".join(title.split())}
                        for lang, title in sorted(role["role"].items())
                    ]
        sources = d["sources"]
        declared = {(r["type"], r["target"]) for r in d.get("relations", [])}
        for name, (rel_type, side) in kinds.field_links(kind_spec.key).items():
            other = d.get(name)
            if not other or (rel_type, other) in declared:
                continue
            # A field for editors (an issuing body, a country) that readers also see as a
            # link: "in" when the field names the link's source ("org/x issued this").
            source_id, target_id = (other, rec.id) if side == "in" else (rec.id, other)
            relation_id += 1
            rows["relations"].append(
                {
                    "id": relation_id,
                    "source_id": source_id,
                    "type": rel_type,
                    "target_id": target_id,
                    "since": None,
                    "until": None,
                    "note": None,
                    "source_doc_id": None,
                }
            )
        for pos, src in enumerate(sources, 1):
            rows["sources"].append(
                {
                    "record_id": rec.id,
                    "position": pos,
                    "doc_id": src.get("doc"),
                    **{
                        k: src.get(k)
                        for k in ("title", "publisher", "date", "url", "checked", "note")
                    },
                }
            )
        for rel in d.get("relations", []):
            relation_id += 1
            source = rel.get("source")
            if source and source.isdigit():
                source = sources[int(source) - 1].get("doc")
            rows["relations"].append(
                {
                    "id": relation_id,
                    "source_id": rec.id,
                    "type": rel["type"],
                    "target_id": rel["target"],
                    "since": rel.get("since"),
                    "until": rel.get("until"),
                    "note": rel.get("note"),
                    "source_doc_id": source,
                }
            )
    for table, table_rows in rows.items():
        if table_rows:
            _table(db, table).insert_all(table_rows)


def _plain(value: Any) -> Any:
    """A field's value as its column holds it: a fact's value (None when it is unknown)."""
    return value.get("value") if isinstance(value, dict) else value


def _source_ref(ref: str) -> dict[str, Any]:
    """A source written as a number of the record's sources or as a document id."""
    if ref.isdigit():
        return {"source_position": int(ref), "source_doc_id": None}
    return {"source_position": None, "source_doc_id": ref}


def _fact(value: Any) -> dict[str, Any]:
    """The facts row of a changeable fact written plain, dated, or as explicitly unknown."""
    if not isinstance(value, dict):
        value = {"value": value}
    unknown = value.get("unknown") == "true"
    source = value.get("source")
    return {
        "value": value.get("value"),
        "as_of": value.get("as_of"),
        **(_source_ref(source) if source else {"source_position": None, "source_doc_id": None}),
        "unknown": int(unknown),
        "checked": value.get("checked"),
    }


def _write_meta(
    db: sqlite_utils.Database, version: str, counts: dict[str, int], records: list[Checked]
) -> None:
    # The build date is derived from the data (its newest "checked" date) unless
    # SOURCE_DATE_EPOCH says otherwise, so the same input always gives the same database.
    checked = [s["checked"] for r in records for s in r.data["sources"] if s.get("checked")]
    as_of = max(checked) if checked else "1970-01-01"
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    built_at = (
        datetime.fromtimestamp(int(epoch), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        if epoch and epoch.isdigit()
        else f"{as_of}T00:00:00Z"
    )
    meta = {
        "schema_version": str(SCHEMA_VERSION),
        "data_version": version,
        "built_at": built_at,
        "data_as_of": as_of,
        **{f"count_{k}": str(v) for k, v in counts.items()},
    }
    _table(db, "meta").insert_all([{"key": k, "value": v} for k, v in sorted(meta.items())])
