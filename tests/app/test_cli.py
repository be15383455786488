"""The command line: JSON shapes, exit codes and clear messages."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sseref.app.cli import main
from tests.conftest import FIXTURE_DATA


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_stats_json(capsys: pytest.CaptureFixture[str], fixture_db_path: Path) -> None:
    code, out, _ = run(capsys, "--database", str(fixture_db_path), "stats", "--json")
    assert code == 0
    stats = json.loads(out)
    assert set(stats["counts"]) == {
        "organization",
        "event",
        "document",
        "initiative",
        "term",
        "person",
        "country",
    }
    assert stats["data_version"] and stats["built_at"]


def test_show_json(capsys: pytest.CaptureFixture[str], fixture_db_path: Path) -> None:
    code, out, _ = run(
        capsys, "--database", str(fixture_db_path), "show", "org/beta-task-force", "--json"
    )
    assert code == 0
    record = json.loads(out)
    assert record["names"]["es"]["acronym"] == "GTB"
    assert {"type": "member_of", "direction": "in", "id": "org/alpha"}.items() <= next(
        r for r in record["relations"] if r["id"] == "org/alpha"
    ).items()
    assert record["sources"][0]["citation"]


def test_show_text_in_spanish(capsys: pytest.CaptureFixture[str], fixture_db_path: Path) -> None:
    code, out, _ = run(
        capsys, "--database", str(fixture_db_path), "--lang", "es", "show", "org/alpha"
    )
    assert code == 0
    assert out.startswith("Alianza Cooperativa Alfa (ACA)")


@pytest.mark.parametrize("kind", ["organization", "organizations", "org", "term", "glossary"])
def test_list(capsys: pytest.CaptureFixture[str], fixture_db_path: Path, kind: str) -> None:
    code, out, _ = run(capsys, "--database", str(fixture_db_path), "list", kind, "--json")
    assert code == 0
    assert len(json.loads(out)) >= 1


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("people", "person/ada-example"),
        ("person", "person/ada-example"),
        ("countries", "country/examplia"),
        ("country", "country/examplia"),
    ],
)
def test_list_the_new_kinds_by_their_plural(
    capsys: pytest.CaptureFixture[str], kinds_db_path: Path, kind: str, expected: str
) -> None:
    code, out, _ = run(capsys, "--database", str(kinds_db_path), "list", kind, "--json")
    assert code == 0
    assert [row["id"] for row in json.loads(out)] == [expected]


def test_unknown_id_and_kind_exit_2(
    capsys: pytest.CaptureFixture[str], fixture_db_path: Path
) -> None:
    code, _, err = run(capsys, "--database", str(fixture_db_path), "show", "org/nope")
    assert code == 2 and "org/nope" in err and "Traceback" not in err
    code, _, err = run(capsys, "--database", str(fixture_db_path), "list", "planets")
    assert code == 2 and "Unknown kind" in err


def test_missing_database_is_a_message(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "--database", str(tmp_path / "none.db"), "stats")
    assert code == 1 and "build-data" in err


def test_build_data_reports_problems(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    (data / "events" / "bad.yaml").write_text("id: event/bad\ndate: someday\n")
    code, _, err = run(
        capsys, "--database", str(tmp_path / "x.db"), "build-data", "--source", str(data)
    )
    assert code == 1
    assert "bad.yaml:2: date: 'someday' is not a date" in err
    assert not (tmp_path / "x.db").exists()


def test_cli_works_without_a_display(fixture_db_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "sseref", "--database", str(fixture_db_path), "stats", "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["counts"]["term"] == 1


def test_help_lists_every_command_without_loading_whoosh_or_qt() -> None:
    """`sseref --help` answers at once: each command's module loads only when it is named."""
    import subprocess
    import sys

    from sseref.app.commands import COMMANDS

    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "sseref", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    for name in COMMANDS:
        assert f"    {name} " in done.stdout
    loaded = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert not {m for m in loaded if m.split(".")[0] in ("whoosh", "PySide6")}
    assert not {m for m in loaded for _n, (module, _h) in COMMANDS.items() if m == module}


def test_bench_loads_the_checkouts_benchmarks_only_when_named(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`sseref bench search` comes from benchmarks/ (not the shipped package)."""
    with pytest.raises(SystemExit) as done:
        main(["bench", "search", "--help"])
    assert done.value.code == 0
    assert "--sizes" in capsys.readouterr().out
    assert sys.modules["benchmarks.bench_search"].__file__.endswith(
        os.path.join("benchmarks", "bench_search.py")
    )
    assert not any(
        name.startswith("sseref.app.bench_") and name != "sseref.app.bench_cli"
        for name in sys.modules
    )


def test_bench_says_the_benchmarks_are_absent_from_a_frozen_program(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert main(["bench", "search", "--sizes", "10"]) == 1
    err = capsys.readouterr().err
    assert "benchmarks are not part of this installation" in err
    assert "Traceback" not in err
