"""Validates raw records and reports every problem as `file:line: field: message`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from babel import Locale

from sseref.core import kinds, vocab
from sseref.core.dates import DateError, parse_date
from sseref.ingest.loader import RawRecord

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_LANG = re.compile(r"^[a-z]{2}$")
_URL = re.compile(r"^https?://\S+$")
NAME_KEYS = ("name", "acronym")
SOURCE_KEYS = ("doc", "title", "publisher", "date", "url", "checked", "note")
RELATION_KEYS = ("type", "target", "since", "until", "source", "note")
# The longest text of each part of the common structure (by the last part of its path), far
# above the data's longest (a 923-character summary, a 164-character name): a pasted 1 MB
# "name" once wrote the database and then hung the index build at every start. A kind's own
# fields declare their limits (core.kinds).
MAX_LENGTH = {
    "summary": 4000,
    "url": kinds.URL_MAX_LENGTH,
    "note": 2000,
    "title": 500,
    "name": 400,
    "publisher": 300,
    "aliases": 200,
    "acronym": 40,
}
DEFAULT_MAX_LENGTH = kinds.DEFAULT_MAX_LENGTH
_ISO = re.compile(r"^[A-Z]{2}$")
# CLDR territories that are not assigned ISO 3166-1 alpha-2 codes: groupings, private use and
# the "exceptionally reserved" codes (Ascension, Canary Islands, …).
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "XK"} | {
    "AC",
    "CP",
    "CQ",
    "DG",
    "EA",
    "IC",
    "TA",
}
# Control characters (a tab and a line break are text) and the bidirectional overrides and
# isolates, which would reorder what a terminal or a page shows around them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@cache
def _territories() -> frozenset[str]:
    """The two-letter territory codes CLDR names (ISO 3166-1 alpha-2 and a few groupings)."""
    codes = (str(code) for code in Locale("en").territories)
    return frozenset(code for code in codes if _ISO.match(code))


def _a(kind: str) -> str:
    """'an organization', 'an event', 'a document': for readable messages."""
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


@dataclass(frozen=True)
class Problem:
    """One validation error, located in its file."""

    file: Path
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


@dataclass
class Checked:
    """A record that passed the per-record checks, with where it came from."""

    raw: RawRecord
    id: str
    kind: str
    data: dict[str, Any]


@dataclass
class Report:
    """The outcome of validating the whole data folder."""

    records: list[Checked] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class _Checker:
    """Checks one record; collects problems instead of stopping at the first."""

    def __init__(self, raw: RawRecord, problems: list[Problem]) -> None:
        self.raw, self.problems = raw, problems
        # The declared fields of the record's kind (by its id's prefix), for length limits.
        data = raw.data if isinstance(raw.data, dict) else {}
        prefix = str(data.get("id", "")).partition("/")[0]
        kind = vocab.PREFIX_TO_KIND.get(prefix)
        self.declared = {f.name: f for f in kinds.spec(kind).fields} if kind else {}

    def fail(self, path: str, message: str) -> None:
        self.problems.append(
            Problem(self.raw.file, self.raw.line_of(path), path or "record", message)
        )

    def text(self, path: str, value: Any) -> bool:
        if not isinstance(value, str) or not value.strip():
            self.fail(path, "must be non-empty text")
            return False
        return True

    def date(self, path: str, value: Any) -> None:
        if self.text(path, value):
            try:
                parse_date(value)
            except DateError as exc:
                self.fail(path, str(exc))

    def check(self) -> Checked | None:
        data = self.raw.data
        if not isinstance(data, dict):
            self.fail("", "a record must be a mapping of fields")
            return None
        if not self.plain_texts(data):
            return None  # the other checks would quote the offending text in their messages
        record_id = data.get("id")
        if not isinstance(record_id, str):
            self.fail("id", "missing (every record needs an id such as 'org/untfsse')")
            return None
        prefix, _, slug = record_id.partition("/")
        kind = vocab.PREFIX_TO_KIND.get(prefix)
        if kind is None or not _SLUG.match(slug):
            self.fail(
                "id",
                f"'{record_id}' is not an id: use one of "
                f"{', '.join(p + '/' for p in vocab.PREFIX_TO_KIND)} and a lower-case slug",
            )
            return None
        allowed = kinds.allowed_fields(kind)
        for key in data:
            if key not in allowed:
                self.fail(key, f"unknown field for {_a(kind)} (allowed: {', '.join(allowed)})")
        for key in kinds.spec(kind).required:
            if key not in data:
                self.fail(key, f"missing (required for {_a(kind)})")
        self.names(data.get("names"), kind)
        self.summary(data.get("summary"))
        self.str_list("aliases", data.get("aliases", []))
        for i, theme in enumerate(self.str_list("themes", data.get("themes", []))):
            if theme not in vocab.THEMES:
                self.fail(f"themes.{i + 1}", f"unknown theme '{theme}'")
        for spec_field in kinds.spec(kind).fields:
            if spec_field.name in data:
                self.field(spec_field, data[spec_field.name], kind)
        self.relations(data.get("relations", []))
        self.sources(data.get("sources"))
        return Checked(self.raw, record_id, kind, data)

    def field(self, spec: kinds.Field, value: Any, kind: str) -> None:
        """Checks one declared field by its type (see core.kinds)."""
        path = spec.name
        if spec.type == "fact":
            self.fact(path, value, spec)
        elif spec.type == "list":
            for i, item in enumerate(self.str_list(path, value), 1):
                self.value(f"{path}.{i}", item, spec.item, spec)
        elif spec.type == "roles":
            self.roles(path, value)
        elif isinstance(value, dict) and ("unknown" in value or "value" in value):
            facts = ", ".join(
                f"{name} of {_a(k)}" for k in kinds.SPECS for name in kinds.fact_fields(k)
            )
            form = "'unknown'" if "unknown" in value else "the fact form {value, as_of, source}"
            self.fail(path, f"{form} is only allowed for the changeable facts ({facts})")
        else:
            self.value(path, value, spec.type, spec)

    def value(self, path: str, value: Any, vtype: str, spec: kinds.Field) -> bool:
        """Checks one value of type `vtype` (text, date, url, vocab, ref, language, code)."""
        if not self.text(path, value):
            return False
        if vtype == "date":
            try:
                parse_date(value)
            except DateError as exc:
                self.fail(path, str(exc))
                return False
        elif vtype == "url" and not _URL.match(value):
            self.fail(path, f"'{value}' is not a web address (http:// or https://)")
            return False
        elif vtype == "vocab":
            allowed_values = vocab.VOCABULARIES[spec.vocabulary or ""]
            if value not in allowed_values:
                self.fail(path, f"unknown value '{value}' (allowed: {', '.join(allowed_values)})")
                return False
        elif vtype == "language" and not _LANG.match(value):
            self.fail(path, f"'{value}' is not a two-letter language code")
            return False
        elif vtype == "country_code" and (
            not _ISO.match(value) or value in _NOT_COUNTRIES or value not in _territories()
        ):
            self.fail(
                path,
                f"'{value}' is not an ISO 3166-1 alpha-2 country code "
                "(two upper-case letters such as MX, FR, ZA)",
            )
            return False
        return True

    def fact(self, path: str, value: Any, spec: kinds.Field) -> None:
        """A changeable fact: plain, {value, as_of, source} or {unknown: true, checked}."""
        if not isinstance(value, dict):
            self.value(path, value, spec.item, spec)
            return
        if "unknown" in value:
            for key in value:
                if key not in kinds.UNKNOWN_KEYS:
                    self.fail(
                        f"{path}.{key}",
                        "an unknown fact has only 'unknown: true' and 'checked' "
                        "(the day the search for a source failed)",
                    )
            if value["unknown"] != "true":
                self.fail(f"{path}.unknown", "must be true (or write the fact's value)")
            if "checked" not in value:
                self.fail(f"{path}.checked", "missing: when was a source last searched for?")
            else:
                self.date(f"{path}.checked", value["checked"])
            return
        for key in value:
            if key not in kinds.FACT_KEYS:
                self.fail(f"{path}.{key}", f"unknown field (allowed: {', '.join(kinds.FACT_KEYS)})")
        if "value" not in value:
            self.fail(f"{path}.value", "missing (or write {unknown: true, checked: DATE})")
        else:
            self.value(f"{path}.value", value["value"], spec.item, spec)
        if "as_of" not in value:
            self.fail(f"{path}.as_of", "missing: the date the cited source shows the fact held")
        else:
            self.date(f"{path}.as_of", value["as_of"])
        if "source" not in value:
            self.fail(
                f"{path}.source",
                "missing: the number of an entry of sources (from 1) or a document id",
            )
        else:
            self.source_ref(f"{path}.source", value["source"])

    def period(self, path: str, since: Any, until: Any) -> None:
        """A role cannot end before it starts."""
        try:
            start, end = parse_date(since), parse_date(until)
        except (DateError, TypeError, AttributeError):
            return  # absent or already reported
        if end.sort_key() < start.sort_key():
            self.fail(f"{path}.until", f"'{until}' is before 'since' ('{since}')")

    def source_ref(self, path: str, value: Any) -> None:
        """A source named by its number in `sources` or a document id (resolved later)."""
        if not isinstance(value, str) or not (value.isdigit() or value.startswith("doc/")):
            self.fail(path, "must be the number of an entry of sources (from 1) or a document id")

    def roles(self, path: str, roles: Any) -> None:
        if not isinstance(roles, list) or not roles:
            self.fail(path, "a person needs at least one role (organization, role, as_of, source)")
            return
        for i, role in enumerate(roles, 1):
            at = f"{path}.{i}"
            if not isinstance(role, dict):
                self.fail(at, "must be a mapping with organization, role, as_of and source")
                continue
            for key in role:
                if key not in kinds.ROLE_KEYS:
                    self.fail(
                        f"{at}.{key}", f"unknown field (allowed: {', '.join(kinds.ROLE_KEYS)})"
                    )
            for key in ("organization", "role", "as_of", "source"):
                if key not in role:
                    self.fail(f"{at}.{key}", "missing (required for every role)")
            if "organization" in role:
                self.text(f"{at}.organization", role["organization"])
            titles = role.get("role")
            if "role" in role and (not isinstance(titles, dict) or "en" not in titles):
                self.fail(f"{at}.role", "must give the role in English at least ({en: ...})")
            for lang, title in titles.items() if isinstance(titles, dict) else ():
                if not _LANG.match(lang):
                    self.fail(f"{at}.role.{lang}", f"'{lang}' is not a two-letter language code")
                self.text(f"{at}.role.{lang}", title)
            for key in ("since", "until", "as_of"):
                if key in role:
                    self.date(f"{at}.{key}", role[key])
            self.period(at, role.get("since"), role.get("until"))
            if "source" in role:
                self.source_ref(f"{at}.source", role["source"])

    def plain_texts(self, data: Any, path: str = "") -> bool:
        """Every text within its length limit and free of control characters."""
        ok = True
        if isinstance(data, dict):
            for key, value in data.items():
                ok = self.plain_texts(value, f"{path}.{key}" if path else str(key)) and ok
                if _CONTROL.search(str(key)):
                    self.fail(path or "record", "a field name holds a control character")
                    ok = False
            return ok
        if isinstance(data, list):
            for i, value in enumerate(data, 1):
                ok = self.plain_texts(value, f"{path}.{i}") and ok
            return ok
        if not isinstance(data, str):
            return True
        parts = [p for p in path.split(".") if not p.isdigit()]
        declared = self.declared.get(parts[0])
        if declared is not None:
            limit = declared.limit
        else:
            name = "summary" if parts[0] == "summary" else parts[-1]
            limit = MAX_LENGTH.get(name, DEFAULT_MAX_LENGTH)
        if len(data) > limit:
            self.fail(path, f"{len(data)} characters is too long (at most {limit})")
            ok = False
        bad = _CONTROL.search(data)
        if bad:
            self.fail(
                path,
                f"holds the control character U+{ord(bad.group()):04X} at position "
                f"{bad.start() + 1}: remove it",
            )
            ok = False
        return ok

    def str_list(self, path: str, value: Any) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.fail(path, "must be a list of texts")
            return []
        return value

    def names(self, names: Any, kind: str) -> None:
        if not isinstance(names, dict) or "en" not in names:
            self.fail("names", "missing an English name (names.en.name)")
            if not isinstance(names, dict):
                return
        for lang, entry in names.items():
            path = f"names.{lang}"
            if not _LANG.match(lang):
                self.fail(path, f"'{lang}' is not a two-letter language code")
            if not isinstance(entry, dict):
                self.fail(path, "must be a mapping with 'name' (and 'acronym')")
                continue
            for key in entry:
                if key not in NAME_KEYS:
                    self.fail(f"{path}.{key}", "unknown field (allowed: name, acronym)")
            if "name" not in entry:
                self.fail(f"{path}.name", "missing")
            else:
                self.text(f"{path}.name", entry["name"])
            if "acronym" in entry:
                self.text(f"{path}.acronym", entry["acronym"])

    def summary(self, summary: Any) -> None:
        if not isinstance(summary, dict) or "en" not in summary:
            self.fail("summary", "missing an English summary (summary.en)")
            if not isinstance(summary, dict):
                return
        for lang, text in summary.items():
            if not _LANG.match(lang):
                self.fail(f"summary.{lang}", f"'{lang}' is not a two-letter language code")
            self.text(f"summary.{lang}", text)

    def relations(self, relations: Any) -> None:
        if not isinstance(relations, list):
            self.fail("relations", "must be a list")
            return
        for i, rel in enumerate(relations, 1):
            path = f"relations.{i}"
            if not isinstance(rel, dict):
                self.fail(path, "must be a mapping with type and target")
                continue
            for key in rel:
                if key not in RELATION_KEYS:
                    self.fail(
                        f"{path}.{key}", f"unknown field (allowed: {', '.join(RELATION_KEYS)})"
                    )
            rel_type = rel.get("type")
            if rel_type not in vocab.RELATION_TYPES:
                self.fail(
                    f"{path}.type",
                    f"unknown relation type '{rel_type}' (allowed: "
                    f"{', '.join(vocab.RELATION_TYPES)})",
                )
            elif vocab.RELATION_TYPES[rel_type].derived:
                field_name = kinds.linking_field(rel_type)
                self.fail(
                    f"{path}.type",
                    f"'{rel_type}' links are made by the build from the field "
                    f"'{field_name}': write that field instead",
                )
            if not isinstance(rel.get("target"), str):
                self.fail(f"{path}.target", "missing")
            for key in ("since", "until"):
                if key in rel:
                    self.date(f"{path}.{key}", rel[key])

    def sources(self, sources: Any) -> None:
        if not isinstance(sources, list) or not sources:
            self.fail("sources", "every record needs at least one source")
            return
        for i, src in enumerate(sources, 1):
            path = f"sources.{i}"
            if not isinstance(src, dict):
                self.fail(path, "must be a mapping with 'doc' or 'title'")
                continue
            for key in src:
                if key not in SOURCE_KEYS:
                    self.fail(f"{path}.{key}", f"unknown field (allowed: {', '.join(SOURCE_KEYS)})")
            if "doc" in src:
                if not isinstance(src["doc"], str) or not src["doc"].startswith("doc/"):
                    self.fail(f"{path}.doc", "must be a document id such as 'doc/a-res-77-281'")
            elif "title" in src:
                self.text(f"{path}.title", src["title"])
                if "url" in src and isinstance(src["url"], str) and not _URL.match(src["url"]):
                    self.fail(f"{path}.url", f"'{src['url']}' is not a web address")
                if "date" in src:
                    self.date(f"{path}.date", src["date"])
                if "checked" not in src:
                    self.fail(f"{path}.checked", "missing: when was this source read?")
                else:
                    self.date(f"{path}.checked", src["checked"])
            else:
                self.fail(path, "needs 'doc' (a document of the dataset) or 'title'")


def validate(raws: list[RawRecord]) -> Report:
    """Checks every record, then the links between them (ids, targets, sources)."""
    report = Report()
    seen: dict[str, RawRecord] = {}
    for raw in raws:
        checked = _Checker(raw, report.problems).check()
        if checked is None:
            continue
        if checked.id in seen:
            first = seen[checked.id]
            report.problems.append(
                Problem(
                    raw.file,
                    raw.line_of("id"),
                    "id",
                    f"duplicate id '{checked.id}' (first in {first.file}:{first.line_of('id')})",
                )
            )
            continue
        seen[checked.id] = raw
        report.records.append(checked)
    kind_of_id = {c.id: c.kind for c in report.records}
    for rec in report.records:
        _check_links(rec, kind_of_id, report.problems)
    return report


def _check_links(rec: Checked, kind_of_id: dict[str, str], problems: list[Problem]) -> None:
    """The checks that need every record: ids a record names exist and are of the right kind."""
    checker = _Checker(rec.raw, problems)
    data = rec.data
    raw_sources = data.get("sources")
    sources: list[Any] = raw_sources if isinstance(raw_sources, list) else []

    def source_exists(path: str, source: Any) -> None:
        if isinstance(source, str) and source.isdigit():
            if not 1 <= int(source) <= len(sources):
                checker.fail(path, f"there is no source number {source}")
        elif kind_of_id.get(source) != "document":
            checker.fail(path, f"'{source}' is not a document of the dataset")

    for spec_field in kinds.spec(rec.kind).fields:
        value = data.get(spec_field.name)
        if spec_field.type == "ref" and isinstance(value, str):
            if kind_of_id.get(value) != spec_field.ref_kind:
                checker.fail(
                    spec_field.name,
                    f"'{value}' is not {_a(spec_field.ref_kind or '')} of the dataset",
                )
        elif spec_field.type == "fact" and isinstance(value, dict) and "source" in value:
            source_exists(f"{spec_field.name}.source", value["source"])
        elif spec_field.type == "roles" and isinstance(value, list):
            for i, role in enumerate(value, 1):
                if not isinstance(role, dict):
                    continue
                org = role.get("organization")
                if isinstance(org, str) and kind_of_id.get(org) != "organization":
                    checker.fail(
                        f"{spec_field.name}.{i}.organization",
                        f"'{org}' is not an organization of the dataset",
                    )
                if "source" in role:
                    source_exists(f"{spec_field.name}.{i}.source", role["source"])
    for i, src in enumerate(sources, 1):
        doc = src.get("doc") if isinstance(src, dict) else None
        if isinstance(doc, str) and doc.startswith("doc/") and kind_of_id.get(doc) != "document":
            checker.fail(f"sources.{i}.doc", f"'{doc}' is not a document of the dataset")
    for i, other in enumerate(
        checker.str_list("shares_acronym_with", data.get("shares_acronym_with", [])), 1
    ):
        if kind_of_id.get(other) != rec.kind:
            checker.fail(
                f"shares_acronym_with.{i}", f"'{other}' is not {_a(rec.kind)} of the dataset"
            )
    raw_relations = data.get("relations")
    relations: list[Any] = raw_relations if isinstance(raw_relations, list) else []
    for i, rel in enumerate(relations, 1):
        if not isinstance(rel, dict):
            continue
        target = rel.get("target")
        rtype = vocab.RELATION_TYPES.get(rel.get("type") or "")
        if isinstance(target, str):
            if target == rec.id:
                checker.fail(f"relations.{i}.target", "a record cannot relate to itself")
            elif target not in kind_of_id:
                checker.fail(f"relations.{i}.target", f"'{target}' does not exist (dangling link)")
            elif rtype and rtype.to_kinds and kind_of_id[target] not in rtype.to_kinds:
                wanted = " or ".join(_a(k) for k in rtype.to_kinds)
                checker.fail(
                    f"relations.{i}.target",
                    f"a '{rtype.key}' link goes to {wanted}; '{target}' is not one",
                )
        if rtype and rtype.from_kinds and rec.kind not in rtype.from_kinds:
            wanted = " or ".join(_a(k) for k in rtype.from_kinds)
            checker.fail(f"relations.{i}.type", f"a '{rtype.key}' link goes from {wanted}")
        if rel.get("source") is not None:
            source_exists(f"relations.{i}.source", rel.get("source"))
