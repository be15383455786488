"""Validates raw records and reports every problem as `file:line: field: message`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sseref.core import vocab
from sseref.core.dates import DateError, parse_date
from sseref.ingest.loader import RawRecord

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_LANG = re.compile(r"^[a-z]{2}$")
_URL = re.compile(r"^https?://\S+$")
NAME_KEYS = ("name", "acronym")
SOURCE_KEYS = ("doc", "title", "publisher", "date", "url", "checked", "note")
RELATION_KEYS = ("type", "target", "since", "until", "source", "note")
VOCAB_FIELDS: dict[str, dict[str, str]] = {
    "type": vocab.ORG_TYPES,
    "region": vocab.REGIONS,
    "event_type": vocab.EVENT_TYPES,
    "doc_type": vocab.DOC_TYPES,
    "initiative_type": vocab.INITIATIVE_TYPES,
}
DATE_FIELDS = ("founded", "date")
TEXT_FIELDS = ("headquarters", "place", "symbol", "publisher", "seed")
URL_FIELDS = ("website", "url")
# The longest text each field may hold (by the last part of its path), far above the data's
# longest (a 923-character summary, a 164-character name): a pasted 1 MB "name" once wrote
# the database and then hung the index build at every start.
MAX_LENGTH = {
    "summary": 4000,
    "url": 2000,
    "website": 2000,
    "note": 2000,
    "title": 500,
    "name": 400,
    "publisher": 300,
    "aliases": 200,
    "acronym": 40,
}
DEFAULT_MAX_LENGTH = 300
# Control characters (a tab and a line break are text) and the bidirectional overrides and
# isolates, which would reorder what a terminal or a page shows around them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


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
        allowed = vocab.COMMON_FIELDS + vocab.KIND_FIELDS[kind]
        for key in data:
            if key not in allowed:
                self.fail(key, f"unknown field for {_a(kind)} (allowed: {', '.join(allowed)})")
        for key in vocab.REQUIRED_FIELDS[kind]:
            if key not in data:
                self.fail(key, f"missing (required for {_a(kind)})")
        self.names(data.get("names"), kind)
        self.summary(data.get("summary"))
        self.str_list("aliases", data.get("aliases", []))
        for i, theme in enumerate(self.str_list("themes", data.get("themes", []))):
            if theme not in vocab.THEMES:
                self.fail(f"themes.{i + 1}", f"unknown theme '{theme}'")
        for key, allowed_values in VOCAB_FIELDS.items():
            if key in data and self.text(key, data[key]) and data[key] not in allowed_values:
                self.fail(
                    key, f"unknown value '{data[key]}' (allowed: {', '.join(allowed_values)})"
                )
        for key in DATE_FIELDS:
            if key in data:
                self.date(key, data[key])
        for key in TEXT_FIELDS + ("issuing_body",):
            if key in data:
                self.text(key, data[key])
        for key in URL_FIELDS:
            if key in data and self.text(key, data[key]) and not _URL.match(data[key]):
                self.fail(key, f"'{data[key]}' is not a web address (http:// or https://)")
        for i, lang in enumerate(self.str_list("languages", data.get("languages", []))):
            if not _LANG.match(lang):
                self.fail(f"languages.{i + 1}", f"'{lang}' is not a two-letter language code")
        self.relations(data.get("relations", []))
        self.sources(data.get("sources"))
        return Checked(self.raw, record_id, kind, data)

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
    kinds = {c.id: c.kind for c in report.records}
    for rec in report.records:
        _check_links(rec, kinds, report.problems)
    return report


def _check_links(rec: Checked, kinds: dict[str, str], problems: list[Problem]) -> None:
    checker = _Checker(rec.raw, problems)
    data = rec.data
    body = data.get("issuing_body")
    if isinstance(body, str) and kinds.get(body) != "organization":
        checker.fail("issuing_body", f"'{body}' is not an organization of the dataset")
    raw_sources = data.get("sources")
    sources: list[Any] = raw_sources if isinstance(raw_sources, list) else []
    for i, src in enumerate(sources, 1):
        doc = src.get("doc") if isinstance(src, dict) else None
        if isinstance(doc, str) and doc.startswith("doc/") and kinds.get(doc) != "document":
            checker.fail(f"sources.{i}.doc", f"'{doc}' is not a document of the dataset")
    for i, other in enumerate(
        checker.str_list("shares_acronym_with", data.get("shares_acronym_with", [])), 1
    ):
        if kinds.get(other) != rec.kind:
            checker.fail(
                f"shares_acronym_with.{i}", f"'{other}' is not {_a(rec.kind)} of the dataset"
            )
    raw_relations = data.get("relations")
    relations: list[Any] = raw_relations if isinstance(raw_relations, list) else []
    for i, rel in enumerate(relations, 1):
        if not isinstance(rel, dict):
            continue
        target = rel.get("target")
        if isinstance(target, str):
            if target == rec.id:
                checker.fail(f"relations.{i}.target", "a record cannot relate to itself")
            elif target not in kinds:
                checker.fail(f"relations.{i}.target", f"'{target}' does not exist (dangling link)")
        source = rel.get("source")
        if source is None:
            continue
        if isinstance(source, str) and source.isdigit():
            if not 1 <= int(source) <= len(sources):
                checker.fail(f"relations.{i}.source", f"there is no source number {source}")
        elif kinds.get(source) != "document":
            checker.fail(f"relations.{i}.source", f"'{source}' is not a document of the dataset")
