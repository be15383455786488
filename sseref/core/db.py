"""Read-only access to the bundled database: all of the program's runtime SQL lives here."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from sseref.core import kinds, vocab
from sseref.core.dates import DateError, parse_date
from sseref.core.errors import (
    DatabaseCorruptError,
    DatabaseMissingError,
    DatabaseVersionError,
    UnknownKindError,
    UnknownRecordError,
)
from sseref.core.i18n import _
from sseref.core.listing import ListFilter, RecordRow
from sseref.core.models import Fact, Name, Record, Relation, Role, Source
from sseref.core.schema import SCHEMA_VERSION, item_column
from sseref.core.textfold import fold

# The title shown for a related record: its name in the wanted language, else English, else any.
_TITLE_SQL = """
    coalesce(
        (select name from names where record_id = {col} and lang = :lang),
        (select name from names where record_id = {col} and lang = 'en'),
        (select name from names where record_id = {col} limit 1),
        {col})
"""
_ACRONYM_SQL = """
    coalesce(
        (select acronym from names where record_id = {col} and lang = :lang),
        (select acronym from names where record_id = {col} and lang = 'en'))
"""
# The same choices, as the folded keys the build stored (see core.textfold): what lists sort by.
_TITLE_KEY_SQL = _TITLE_SQL.replace("select name ", "select name_key ")
_ACRONYM_KEY_SQL = _ACRONYM_SQL.replace("select acronym ", "select acronym_key ")


# The field types whose values lists offer as filter choices.
FACETS = ("vocab", "ref")
# Kinds listed by name, not by date: those without a date, and organizations (people scan
# them by name, not by founding date).
_BY_NAME = ("organization", *(k.key for k in kinds.KIND_SPECS if k.date_field is None))

# The kinds' own tables, joined to `records r` under their own names (core.kinds declares them),
# and the columns lists read across kinds: the kind's type, its region, the extra column.
_TABLED = [spec for spec in kinds.KIND_SPECS if spec.columns]
_JOINS = "\n".join(f"left join {s.table} on {s.table}.id = r.id" for s in _TABLED)


def _across(pick: Callable[[kinds.KindSpec], str | None]) -> str:
    """coalesce(table.column, …) over the kinds that have the column `pick` names."""
    cols = [f"{s.table}.{name}" for s in _TABLED if (name := pick(s))]
    return f"coalesce({', '.join(cols)})" if len(cols) > 1 else (cols[0] if cols else "null")


_TYPE_SQL = _across(lambda s: s.type_field.name if s.type_field else None)
_REGION_SQL = _across(lambda s: "region" if s.field("region") else None)
_COUNTRY_SQL = _across(lambda s: "country" if s.field("country") else None)
_EXTRA_SQL = _across(lambda s: next((f.name for f in s.columns if f.list_extra), None))


def _nulls_last(expr: str) -> tuple[str, ...]:
    return (f"{expr} is null", expr)


def _column_orders() -> dict[str, tuple[str, ...]]:
    """A sort key for every column of the kinds' tables (a reference sorts by its title)."""
    orders: dict[str, tuple[str, ...]] = {}
    for name in dict.fromkeys(f.name for s in _TABLED for f in s.columns):
        expr = _across(lambda s, n=name: n if s.field(n) in s.columns else None)  # type: ignore[misc]
        ref = any((f := s.field(name)) is not None and f.type == "ref" for s in _TABLED)
        orders[name] = _nulls_last(_TITLE_KEY_SQL.format(col=expr) if ref else expr)
    return orders


# Sort keys the GUI's lists may ask for, and the SQL expressions each one orders by (each
# expression takes the direction: a list of expressions, as expressions hold commas).
_ORDERS: dict[str, tuple[str, ...]] = {
    **_column_orders(),
    "natural": ("r.sort_date", "r.id"),
    "title": (_TITLE_KEY_SQL.format(col="r.id"),),
    "acronym": _nulls_last(_ACRONYM_KEY_SQL.format(col="r.id")),
    "type": (_TYPE_SQL,),
    "region": _nulls_last(_REGION_SQL),
    "date": _nulls_last("r.sort_date"),
    "issuer": (_TITLE_KEY_SQL.format(col="documents.issuing_body"),),
    "role": _nulls_last("role"),
}


class Database:
    """The bundled reference database, opened read-only and immutable (the folder may be RO)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise DatabaseMissingError(
                _("The reference database is missing: {path}. Run 'sseref build-data'.").format(
                    path=self.path
                )
            )
        uri = self.path.resolve().as_uri() + "?mode=ro&immutable=1"
        # check_same_thread=False: immutable reads are safe from worker threads; a lock
        # serialises use of the one connection.
        self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._conn.row_factory = sqlite3.Row
        self._lock = threading.RLock()
        self._conn.create_function("sseref_fold", 1, fold, deterministic=True)
        try:
            version = self._conn.execute("pragma user_version").fetchone()[0]
            meta_ok = self._conn.execute(
                "select count(*) from sqlite_master where name = 'meta'"
            ).fetchone()[0]
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise DatabaseCorruptError(
                _("The reference database {path} cannot be read: {error}").format(
                    path=self.path, error=exc
                )
            ) from exc
        if version != SCHEMA_VERSION or not meta_ok:
            self._conn.close()
            raise DatabaseVersionError(
                _(
                    "The reference database {path} has schema version {found}; this program "
                    "needs version {wanted}. Rebuild it with 'sseref build-data'."
                ).format(path=self.path, found=version, wanted=SCHEMA_VERSION)
            )

    def close(self) -> None:
        self._conn.close()

    def _all(self, sql: str, params: dict[str, Any] | tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except (sqlite3.ProgrammingError, sqlite3.InterfaceError):
                raise  # misuse (a closed connection), not damage
            except sqlite3.DatabaseError as exc:  # a damaged page read only now (immutable)
                raise self._damaged(exc) from exc

    def _damaged(self, exc: Exception) -> DatabaseCorruptError:
        return DatabaseCorruptError(
            _(
                "The reference database {path} is damaged ({error}). Reinstall the program "
                "or rebuild the data with 'sseref build-data'."
            ).format(path=self.path, error=exc)
        )

    def integrity_problems(self, *, full: bool = False) -> list[str]:
        """SQLite's own check of every page: [] when sound ("quick_check", or the slower
        "integrity_check" that also compares indexes with their tables when `full`)."""
        pragma = "integrity_check" if full else "quick_check"
        with self._lock:
            try:
                rows = self._conn.execute(f"pragma {pragma}(20)").fetchall()
            except sqlite3.DatabaseError as exc:
                return [str(exc)]
        found = [str(row[0]) for row in rows]
        return [] if found == ["ok"] else found

    def check_integrity(self, *, full: bool = False) -> None:
        """Raises DatabaseCorruptError (a message for people) when SQLite finds damage."""
        problems = self.integrity_problems(full=full)
        if problems:
            raise self._damaged(Exception("; ".join(problems[:3])))

    # --- meta and counts -------------------------------------------------------------------

    def meta(self) -> dict[str, str]:
        return {row["key"]: row["value"] for row in self._all("select key, value from meta")}

    def counts(self) -> dict[str, int]:
        found = {
            row[0]: int(row[1])
            for row in self._all("select kind, count(*) from records group by kind")
        }
        return {kind: found.get(kind, 0) for kind in vocab.KINDS}

    def stats(self) -> dict[str, Any]:
        meta = self.meta()
        return {
            "counts": self.counts(),
            "data_version": meta.get("data_version"),
            "built_at": meta.get("built_at"),
            "schema_version": SCHEMA_VERSION,
        }

    # --- lists -----------------------------------------------------------------------------

    def symbols(self) -> dict[str, str]:
        """Document id → UN symbol, for every document that has one (the search indexer)."""
        rows = self._all("select id, symbol from documents where symbol is not null")
        return {str(r[0]): str(r[1]) for r in rows}

    def ids(self, kind: str | None = None) -> list[str]:
        """Record ids of one kind (or all), in their natural order: by date, then id."""
        if kind is not None and kind not in vocab.KINDS:
            raise UnknownKindError(
                _("Unknown kind '{kind}'. Kinds: {kinds}.").format(
                    kind=kind, kinds=", ".join(vocab.KINDS)
                )
            )
        if kind is None:
            return [r[0] for r in self._all("select id from records order by kind, id")]
        order = "id" if kind in _BY_NAME else "sort_date, id"
        rows = self._all(f"select id from records where kind = ? order by {order}", (kind,))
        return [r[0] for r in rows]

    def rows(self, ids: list[str], lang: str = "en") -> list[RecordRow]:
        """The list columns for some records (the GUI asks for the ones it shows)."""
        if not ids:
            return []
        marks = ",".join(f":id{i}" for i in range(len(ids)))
        params: dict[str, Any] = {f"id{i}": v for i, v in enumerate(ids)}
        params["lang"] = lang
        sql = f"""
            select r.id, r.kind, {_TITLE_SQL.format(col="r.id")} as title,
                   {_ACRONYM_SQL.format(col="r.id")} as acronym, r.date_text, r.year,
                   {_TYPE_SQL} as type, {_REGION_SQL} as region, {_EXTRA_SQL} as extra
            from records r
            {_JOINS}
            where r.id in ({marks})
        """
        by_id = {row["id"]: RecordRow(**dict(row)) for row in self._all(sql, params)}
        return [by_id[i] for i in ids if i in by_id]

    def exists(self, record_id: str) -> bool:
        return bool(self._all("select 1 from records where id = ?", (record_id,)))

    def record_themes(self) -> dict[str, list[str]]:
        themes: dict[str, list[str]] = {}
        for row in self._all("select record_id, theme from themes order by record_id, theme"):
            themes.setdefault(row[0], []).append(row[1])
        return themes

    def facet_values(self, kind: str, column: str) -> list[str]:
        """Distinct values of a kind-specific column (for filter drop-downs)."""
        spec = kinds.spec(kind)
        declared = spec.field(column)
        if declared is None or declared not in spec.columns or declared.type not in FACETS:
            raise KeyError((kind, column))
        table, col = spec.table, declared.name
        sql = f"select distinct {col} from {table} where {col} is not null order by {col}"
        return [r[0] for r in self._all(sql)]

    def document_languages(self) -> dict[str, list[str]]:
        langs: dict[str, list[str]] = {}
        for row in self._all("select document_id, lang from document_languages order by 1, 2"):
            langs.setdefault(row[0], []).append(row[1])
        return langs

    # --- panel queries: filtered, sorted id lists for the GUI's lists ----------------------

    def filter_ids(
        self,
        kind: str,
        flt: ListFilter | None = None,
        *,
        lang: str = "en",
        order: str = "natural",
        descending: bool = False,
    ) -> list[str]:
        """Ids of `kind` matching `flt`, sorted by one of the keys in `_ORDERS` (then by id)."""
        flt = flt or ListFilter()
        where = ["r.kind = :kind"]
        params: dict[str, Any] = {"kind": kind, "lang": lang, "role_target": flt.role_target}
        if flt.text.strip():
            params["pat"] = "%" + fold(flt.text.strip()) + "%"
            where.append("""(exists (select 1 from names n where n.record_id = r.id and
                    (n.name_key like :pat or n.acronym_key like :pat))
                or exists (select 1 from aliases a where a.record_id = r.id
                    and a.alias_key like :pat)
                or sseref_fold(documents.symbol) like :pat or r.id like :pat)""")
        simple = {
            "type": (_TYPE_SQL, flt.type),
            "region": (_REGION_SQL, flt.region),
            "issuing_body": ("documents.issuing_body", flt.issuing_body),
            "country": (_COUNTRY_SQL, flt.country),
        }
        for key, (column, value) in simple.items():
            if value:
                where.append(f"{column} = :{key}")
                params[key] = value
        if flt.theme:
            where.append(
                "exists (select 1 from themes t where t.record_id = r.id and t.theme = :theme)"
            )
            params["theme"] = flt.theme
        if flt.language:
            where.append(
                "exists (select 1 from document_languages dl where "
                "dl.document_id = r.id and dl.lang = :doc_lang)"
            )
            params["doc_lang"] = flt.language
        if flt.related_to:
            where.append(
                "exists (select 1 from relations x where (x.source_id = r.id and "
                "x.target_id = :other) or (x.target_id = r.id and x.source_id = :other))"
            )
            params["other"] = flt.related_to
        if flt.year_from is not None:
            where.append("r.year >= :y0")
            params["y0"] = flt.year_from
        if flt.year_to is not None:
            where.append("r.year <= :y1")
            params["y1"] = flt.year_to
        if flt.role and flt.role_target:
            if flt.role == "none":
                where.append("role is null")
            elif flt.role == "any":
                where.append("role is not null")
            else:
                where.append("role = :role")
                params["role"] = flt.role
        direction = " desc" if descending else ""
        if order == "natural" and kind in _BY_NAME:
            order = "title"  # names, not founding dates, are what people scan these lists by
        sort = ", ".join(part + direction for part in _ORDERS.get(order, _ORDERS["natural"]))
        sql = f"""
            select r.id, (select min(x.type) from relations x where x.source_id = r.id
                          and x.target_id = :role_target
                          and x.type in ('member_of', 'observer_of')) as role
            from records r
            {_JOINS}
            where {" and ".join(where)}
            order by {sort}, r.id
        """
        return [row[0] for row in self._all(sql, params)]

    def roles(self, target_id: str) -> dict[str, str]:
        """Who is a member or an observer of `target_id` (record id → relation type)."""
        rows = self._all(
            "select source_id, min(type) from relations where target_id = ? and "
            "type in ('member_of', 'observer_of') group by source_id",
            (target_id,),
        )
        return {r[0]: r[1] for r in rows}

    def titles(self, ids: list[str], lang: str = "en") -> dict[str, str]:
        """Display titles of some records (e.g. issuing bodies shown in a documents list)."""
        return {r.id: r.title for r in self.rows(list(dict.fromkeys(ids)), lang)}

    def issuers(self, ids: list[str]) -> dict[str, str]:
        """The issuing body id of each document among `ids` that has one."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self._all(
            f"select id, issuing_body from documents where id in ({marks}) "
            "and issuing_body is not null",
            tuple(ids),
        )
        return {r[0]: r[1] for r in rows}

    def names_by_language(self, ids: list[str]) -> dict[str, dict[str, Name]]:
        """Each record's names per language (the glossary shows EN/ES/FR side by side)."""
        if not ids:
            return {}

        marks = ",".join("?" * len(ids))
        found: dict[str, dict[str, Name]] = {i: {} for i in ids}
        for r in self._all(
            f"select record_id, lang, name, acronym from names where record_id in ({marks})",
            tuple(ids),
        ):
            found[r[0]][r[1]] = Name(r[2], r[3])
        return found

    def summaries(self, ids: list[str], lang: str = "en") -> dict[str, str]:
        """Each record's summary in `lang`, else in English, else in any language."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        found: dict[str, dict[str, str]] = {}
        for r in self._all(
            f"select record_id, lang, text from summaries where record_id in ({marks})", tuple(ids)
        ):
            found.setdefault(r[0], {})[r[1]] = r[2]
        return {
            i: by.get(lang) or by.get("en") or next(iter(by.values())) for i, by in found.items()
        }

    def timeline(self, ids: list[str]) -> list[tuple[str, str, str, str, list[str]]]:
        """(id, date text, precision, end day, themes) for dated records, oldest first."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self._all(
            f"select id, date_text, date_precision, end_date from records where "
            f"id in ({marks}) and date_text is not null order by sort_date, id",
            tuple(ids),
        )
        themes = self._themes_of(ids)
        return [(r[0], r[1], r[2], r[3], themes.get(r[0], [])) for r in rows]

    def _themes_of(self, ids: list[str]) -> dict[str, list[str]]:
        marks = ",".join("?" * len(ids))
        found: dict[str, list[str]] = {}
        for r in self._all(
            f"select record_id, theme from themes where record_id in ({marks}) order by theme",
            tuple(ids),
        ):
            found.setdefault(r[0], []).append(r[1])
        return found

    def year_span(self, kind: str) -> tuple[int, int] | None:
        """The first and last year among records of `kind` (for year range controls)."""
        row = self._all(
            "select min(year), max(year) from records where kind = ? and year is not null", (kind,)
        )[0]
        return (row[0], row[1]) if row[0] is not None else None

    def related_organizations(self, kind: str) -> list[str]:
        """Organizations linked to any record of `kind` (the history filter's choices)."""
        rows = self._all(
            """
            select distinct o.id from records o join relations x
              on (x.source_id = o.id or x.target_id = o.id)
            join records other on other.id = case when x.source_id = o.id
                then x.target_id else x.source_id end
            where o.kind = 'organization' and other.kind = ? order by o.id""",
            (kind,),
        )
        return [r[0] for r in rows]

    def document_language_codes(self) -> list[str]:
        return [r[0] for r in self._all("select distinct lang from document_languages order by 1")]

    # --- whole records ---------------------------------------------------------------------

    def get(self, record_id: str, lang: str = "en") -> Record:
        """The whole record with relations in both directions and its sources."""

        rows = self._all("select * from records where id = ?", (record_id,))
        if not rows:
            raise UnknownRecordError(_("No record has the id '{id}'.").format(id=record_id))
        base = rows[0]
        kind = base["kind"]
        names = {
            r["lang"]: Name(r["name"], r["acronym"])
            for r in self._all(
                "select * from names where record_id = ? order by lang", (record_id,)
            )
        }
        summaries = {
            r["lang"]: r["text"]
            for r in self._all("select lang, text from summaries where record_id = ?", (record_id,))
        }
        aliases = [
            r[0]
            for r in self._all(
                "select alias from aliases where record_id = ? order by rowid", (record_id,)
            )
        ]
        themes = [
            r[0]
            for r in self._all(
                "select theme from themes where record_id = ? order by theme", (record_id,)
            )
        ]
        try:
            date = parse_date(base["date_text"]) if base["date_text"] else None
        except DateError:  # the build validated it; stay readable if it did not
            date = None
        sources = self.sources(record_id)
        return Record(
            id=record_id,
            kind=kind,
            names=names,
            summaries=summaries,
            aliases=aliases,
            themes=themes,
            date=date,
            fields=self._fields(record_id, kind),
            relations=self.relations(record_id, lang),
            sources=sources,
            facts=self._facts(record_id, sources),
            roles=self.people_roles(record_id, lang),
        )

    def _fields(self, record_id: str, kind: str) -> dict[str, Any]:
        """The kind's own fields (known values only; see `_facts` for as-of and unknown)."""
        spec = kinds.spec(kind)
        fields: dict[str, Any] = {}
        if spec.columns:
            rows = self._all(f"select * from {spec.table} where id = ?", (record_id,))
            if rows:
                fields = {k: v for k, v in dict(rows[0]).items() if k != "id" and v is not None}
        for f in spec.list_fields:
            fields[f.name] = [
                r[0]
                for r in self._all(
                    f"select {item_column(f.item)} from {spec.list_table(f)} "
                    f"where {kind}_id = ? order by rowid",
                    (record_id,),
                )
            ]
        return fields

    def _facts(self, record_id: str, sources: list[Source]) -> dict[str, Fact]:
        """The record's changeable facts with their "as of" date and source, or "unknown"."""

        return {
            r["field"]: Fact(
                value=r["value"],
                as_of=r["as_of"],
                source=self._source_of(r["source_position"], r["source_doc_id"], sources),
                unknown=bool(r["unknown"]),
                checked=r["checked"],
            )
            for r in self._all(
                "select * from facts where record_id = ? order by rowid", (record_id,)
            )
        }

    def _source_of(
        self, position: int | None, doc_id: str | None, sources: list[Source]
    ) -> Source | None:
        """A source named by its number among `sources` or by a document id."""
        if position is not None:
            return next((s for s in sources if s.position == position), None)
        if doc_id is None:
            return None
        listed = next((s for s in sources if s.doc_id == doc_id), None)
        if listed is not None:
            return listed

        rows = self._all(
            f"""select {_TITLE_SQL.format(col="r.id")} as title, d.seed, d.url, r.date_text,
                   coalesce(d.publisher, (select name from names
                       where record_id = d.issuing_body and lang = 'en')) as publisher
            from records r left join documents d on d.id = r.id where r.id = :id""",
            {"id": doc_id, "lang": "en"},
        )
        if not rows:
            return None
        r = rows[0]
        return Source(
            position=0,
            doc_id=doc_id,
            doc_title=r["title"],
            publisher=r["publisher"],
            date=r["date_text"],
            url=r["url"],
            seed=r["seed"],
        )

    def people_roles(self, record_id: str, lang: str = "en") -> list[Role]:
        """A person's roles, or the roles people hold in an organization (current first,
        then by date, newest first)."""

        rows = self._all(
            f"""select ro.*, {_TITLE_SQL.format(col="ro.person_id")} as person_name,
                   {_TITLE_SQL.format(col="ro.organization_id")} as organization_name
            from roles ro where ro.person_id = :id or ro.organization_id = :id
            order by ro.until is not null, coalesce(ro.until, ro.as_of) desc,
                     ro.person_id, ro.position""",
            {"id": record_id, "lang": lang},
        )
        found: list[Role] = []
        person_sources: dict[str, list[Source]] = {}
        for r in rows:
            titles = {
                t[0]: t[1]
                for t in self._all(
                    "select lang, title from role_titles where role_id = ? order by lang",
                    (r["id"],),
                )
            }
            acronyms = tuple(
                a[0]
                for a in self._all(
                    "select distinct acronym from names where record_id = ? "
                    "and acronym is not null order by lang",
                    (r["organization_id"],),
                )
            )
            person = r["person_id"]
            if person not in person_sources:
                person_sources[person] = self.sources(person)
            found.append(
                Role(
                    person_id=person,
                    person_name=r["person_name"],
                    organization_id=r["organization_id"],
                    organization_name=r["organization_name"],
                    titles=titles,
                    as_of=r["as_of"],
                    since=r["since"],
                    until=r["until"],
                    source=self._source_of(
                        r["source_position"], r["source_doc_id"], person_sources[person]
                    ),
                    organization_acronyms=acronyms,
                )
            )
        return found

    def relations(self, record_id: str, lang: str = "en") -> list[Relation]:
        """Links stored on this record ("out") and on others pointing here ("in")."""
        sql = f"""
            select 'out' as direction, rel.type, rel.target_id as other, t.kind as other_kind,
                   {_TITLE_SQL.format(col="rel.target_id")} as title,
                   rel.since, rel.until, rel.note, rel.source_doc_id, t.sort_date
            from relations rel join records t on t.id = rel.target_id
            where rel.source_id = :id
            union all
            select 'in', rel.type, rel.source_id, s.kind,
                   {_TITLE_SQL.format(col="rel.source_id")},
                   rel.since, rel.until, rel.note, rel.source_doc_id, s.sort_date
            from relations rel join records s on s.id = rel.source_id
            where rel.target_id = :id
            order by 2, 1, 10, 5
        """

        found = [
            Relation(
                type=r["type"],
                direction=r["direction"],
                other_id=r["other"],
                other_kind=r["other_kind"],
                other_title=r["title"],
                since=r["since"],
                until=r["until"],
                note=r["note"],
                source_doc_id=r["source_doc_id"],
            )
            for r in self._all(sql, {"id": record_id, "lang": lang})
        ]
        return _merge_symmetric(found)

    def sources(self, record_id: str) -> list[Source]:
        sql = """
            select s.*, coalesce(
                (select name from names where record_id = s.doc_id and lang = 'en'),
                (select name from names where record_id = s.doc_id limit 1)) as doc_title,
                d.seed as seed, d.url as doc_url, r.date_text as doc_date,
                coalesce(d.publisher, (select name from names
                    where record_id = d.issuing_body and lang = 'en')) as doc_publisher
            from sources s
            left join documents d on d.id = s.doc_id
            left join records r on r.id = s.doc_id
            where s.record_id = ? order by s.position
        """

        return [
            Source(
                position=r["position"],
                doc_id=r["doc_id"],
                doc_title=r["doc_title"],
                title=r["title"],
                publisher=r["publisher"] or r["doc_publisher"],
                date=r["date"] or r["doc_date"],
                url=r["url"] or r["doc_url"],
                checked=r["checked"],
                note=r["note"],
                seed=r["seed"],
            )
            for r in self._all(sql, (record_id,))
        ]

    def iter_records(self, lang: str = "en") -> Iterator[Record]:
        """Every record, whole (the search indexer and the fact-sheet tests walk these)."""
        for record_id in self.ids():
            yield self.get(record_id, lang)


def _merge_symmetric(relations: list[Relation]) -> list[Relation]:
    """A symmetric link ("Related to") stored on both records is one link, seen as "out"."""

    seen: set[tuple[str, str]] = set()
    merged: list[Relation] = []
    for rel in relations:
        rtype = vocab.RELATION_TYPES.get(rel.type)
        if rtype is not None and rtype.symmetric:
            if (rel.type, rel.other_id) in seen:
                continue
            seen.add((rel.type, rel.other_id))
            rel = replace(rel, direction="out")
        merged.append(rel)
    return merged
