"""One declaration per kind: a field added to `core.kinds` (and nowhere else) is checked by
the build, stored in the database, read back, indexed and listed on record pages."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from sseref.core import kinds, vocab
from sseref.core.db import Database
from sseref.core.fieldview import field_views
from sseref.core.i18n import N_
from sseref.ingest.build import BuildError, build_database
from sseref.search.documents import record_document
from tests.conftest import FIXTURE_DATA

EVENT = "events/1978-conference.yaml"


def with_attendance(tmp_path: Path, value: str) -> Path:
    """The fixture data with `attendance:` written on one event (line 10)."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    file = data / EVENT
    text = file.read_text("utf-8")
    file.write_text(text.replace("event_type: conference\n", f"event_type: conference\n{value}\n"))
    return data


@pytest.fixture
def attendance(monkeypatch: pytest.MonkeyPatch) -> kinds.Field:
    """Events get a new field, declared in one place only."""
    field = kinds.Field("attendance", "text", N_("Attendance"), max_length=20, searchable=True)
    spec = kinds.SPECS["event"]
    monkeypatch.setitem(kinds.SPECS, "event", replace(spec, fields=(*spec.fields, field)))
    return field


def problems(data: Path, tmp_path: Path) -> list[str]:
    with pytest.raises(BuildError) as caught:
        build_database(data, tmp_path / "bad.db")
    return [str(p).replace(str(data) + "/", "") for p in caught.value.problems]


def test_without_the_declaration_the_field_is_refused(tmp_path: Path) -> None:
    found = problems(with_attendance(tmp_path, "attendance: About 300"), tmp_path)
    assert found[0].startswith(f"{EVENT}:11: attendance: unknown field for an event")


def test_a_declared_field_is_stored_read_indexed_and_listed(
    attendance: kinds.Field, tmp_path: Path
) -> None:
    data = with_attendance(tmp_path, "attendance: About 300")
    build_database(data, tmp_path / "sseref.db")
    db = Database(tmp_path / "sseref.db")
    try:
        event = db.get("event/1978-conference")
    finally:
        db.close()
    assert event.fields["attendance"] == "About 300"
    views = [(v.label, v.text) for v in field_views(event, "en")]
    assert views == [
        ("Date", "30 August – 12 September 1978"),
        ("Place", "Buenos Aires, Argentina"),
        ("Type", "Conference"),
        ("Attendance", "About 300"),
        ("Themes", "South-South and triangular cooperation"),
    ]
    assert "300" in record_document(event)["plain"].split()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("attendance: About three hundred people", "too long (at most 20)"),
        ("attendance: [a, b]", "must be non-empty text"),
        ("attendance: ''", "must be non-empty text"),
    ],
)
def test_a_declared_field_is_validated(
    attendance: kinds.Field, tmp_path: Path, line: str, expected: str
) -> None:
    found = problems(with_attendance(tmp_path, line), tmp_path)
    assert any(p.startswith(f"{EVENT}:11: attendance") and expected in p for p in found), found


def test_the_vocabularies_and_tables_come_from_the_declarations() -> None:
    assert vocab.KIND_LABELS["person"] == "Person"
    assert vocab.KIND_PLURALS["country"] == "Countries"
    assert vocab.KIND_FOLDERS == {k.key: k.folder for k in kinds.KIND_SPECS}
    assert vocab.TYPE_VOCABULARIES["document"] is vocab.DOC_TYPES
    assert kinds.fact_fields("organization") == ("headquarters", "founded", "website")
    assert kinds.spec("document").list_table(kinds.spec("document").list_fields[0]) == (
        "document_languages"
    )
