"""Bad records give precise `file:line: field: message` errors, case by case."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from sseref.ingest.build import BuildError, load_and_validate
from tests.conftest import FIXTURE_DATA

GOOD = """\
id: org/test
names:
  en: {name: Test Organization, acronym: TO}
summary:
  en: A test.
type: network
sources:
  - doc: doc/beta-resolution
"""


def problems_for(tmp_path: Path, text: str, name: str = "organizations/test.yaml") -> list[str]:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    file = data / name
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(textwrap.dedent(text), encoding="utf-8")
    try:
        load_and_validate(data)
    except BuildError as exc:
        return [str(p).replace(str(data) + "/", "") for p in exc.problems]
    return []


def test_fixture_data_is_valid(tmp_path: Path) -> None:
    assert problems_for(tmp_path, GOOD) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("type: network", "type: network\ncolour: red"),
            "organizations/test.yaml:7: colour: unknown field for an organization",
        ),
        (
            ("type: network", "type: network\nfounded: 1978-02-30"),
            "organizations/test.yaml:7: founded: '1978-02-30': day 30 does not exist",
        ),
        (("type: network", "type: club"), "organizations/test.yaml:6: type: unknown value 'club'"),
        (("type: network\n", ""), "organizations/test.yaml:1: type: missing (required"),
        (
            ("sources:\n  - doc: doc/beta-resolution\n", ""),
            "organizations/test.yaml:1: sources: every record needs at least one source",
        ),
        (
            ("doc: doc/beta-resolution", "doc: doc/nowhere"),
            "organizations/test.yaml:8: sources.1.doc: 'doc/nowhere' is not a document",
        ),
        (
            (
                "type: network",
                "type: network\nrelations:\n  - {type: member_of, target: org/ghost}",
            ),
            "organizations/test.yaml:8: relations.1.target: 'org/ghost' does not exist",
        ),
        (
            ("type: network", "type: network\nrelations:\n  - {type: likes, target: org/alpha}"),
            "organizations/test.yaml:8: relations.1.type: unknown relation type 'likes'",
        ),
        (
            ("id: org/test", "id: org/alpha"),
            "organizations/test.yaml:1: id: duplicate id 'org/alpha'",
        ),
        (
            ("id: org/test", "id: orgs/Test"),
            "organizations/test.yaml:1: id: 'orgs/Test' is not an id",
        ),
        (
            ("  en: A test.", "  fr: Un test."),
            "organizations/test.yaml:4: summary: missing an English summary",
        ),
        (
            ("  - doc: doc/beta-resolution", "  - title: A page\n    url: nowhere"),
            "organizations/test.yaml:8: sources.1.checked: missing",
        ),
        (
            ("type: network", "type: network\nwebsite: example.org"),
            "organizations/test.yaml:7: website: 'example.org' is not a web address",
        ),
        (
            ("type: network", "type: network\nthemes: [sse, cooking]"),
            "organizations/test.yaml:7: themes.2: unknown theme 'cooking'",
        ),
        (
            ("type: network", "type: network\nshares_acronym_with: [org/ghost]"),
            "organizations/test.yaml:7: shares_acronym_with.1: 'org/ghost' is not an organization",
        ),
        (
            ("{name: Test Organization, acronym: TO}", "{name: Test, nickname: T}"),
            "organizations/test.yaml:3: names.en.nickname: unknown field",
        ),
    ],
)
def test_bad_record(tmp_path: Path, change: tuple[str, str], expected: str) -> None:
    old, new = change
    assert old in GOOD
    problems = problems_for(tmp_path, GOOD.replace(old, new, 1))
    assert any(p.startswith(expected) for p in problems), problems


def test_yaml_syntax_error_has_a_line(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, GOOD + "names: [unclosed\n")
    assert len(problems) == 1
    assert problems[0].startswith("organizations/test.yaml:10: yaml: YAML syntax")
    assert "at line 9" in problems[0]


def test_duplicate_key(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, GOOD + "type: ngo\n")
    assert any(p.startswith("organizations/test.yaml:9: type: duplicate key") for p in problems)


def test_not_a_mapping(tmp_path: Path) -> None:
    assert problems_for(tmp_path, "- just\n- a list\n") == [
        "organizations/test.yaml:1: record: a record must be a mapping of fields"
    ]


def test_every_problem_is_reported_not_just_the_first(tmp_path: Path) -> None:
    text = GOOD.replace("type: network", "type: club\nfounded: yesterday")
    assert len(problems_for(tmp_path, text)) >= 2


def test_non_utf8_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    (data / "organizations" / "bad.yaml").write_bytes(b"id: org/bad\nnames: \xff\xfe\n")
    with pytest.raises(BuildError, match="bad.yaml:1: file: not UTF-8"):
        load_and_validate(data)
