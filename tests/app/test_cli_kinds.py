"""The command line shows the new kinds: people's roles, countries, dated and unknown facts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.app.test_cli import run


@pytest.mark.parametrize(("kind", "record"), [("people", "person"), ("countries", "country")])
def test_list_the_new_kinds(
    capsys: pytest.CaptureFixture[str], kinds_db_path: Path, kind: str, record: str
) -> None:
    code, out, _ = run(capsys, "--database", str(kinds_db_path), "list", kind, "--json")
    assert code == 0
    assert [r["id"].split("/")[0] for r in json.loads(out)] == [record]


def test_show_a_person_and_the_people_of_an_organization(
    capsys: pytest.CaptureFixture[str], kinds_db_path: Path
) -> None:
    code, out, _ = run(capsys, "--database", str(kinds_db_path), "show", "person/ada-example")
    assert code == 0
    assert "[Person] person/ada-example" in out
    assert (
        "Roles: Executive Secretary, Alpha Cooperative Alliance (since Oct 2022; as of "
        "20 November 2026); Chair, Beta Task Force on Solidarity Economy (2015–2019; as of "
        "June 2019)"
    ) in out
    code, out, _ = run(capsys, "--database", str(kinds_db_path), "show", "org/alpha")
    assert "Ada Example <person/ada-example>: Executive Secretary" in out
    code, out, _ = run(capsys, "--database", str(kinds_db_path), "show", "org/delta-agency")
    assert "Headquarters: Example City (as of October 2025)" in out
    assert "Website: Unknown (no source found; checked 20 November 2026)" in out
    assert "Country: Examplia" in out
