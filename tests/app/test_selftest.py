"""`sseref self-test`: passes on a complete installation, fails clearly (never crashes) when a
component is missing or wrong, and prints a report or JSON with the exit code to match."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sseref.app import selftest
from sseref.app.cli import main
from sseref.app.selftest import Check, Report, SelfTest
from sseref.core import paths
from tests.conftest import REAL_DATA, ROOT


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A complete resources folder made by the real data build (database, index, catalogs),
    laid out like a bundle's; yields its path while $SSEREF_RESOURCES points at it."""
    resources = tmp_path_factory.mktemp("installed") / "resources"
    shutil.copytree(
        ROOT / "resources", resources, ignore=shutil.ignore_patterns("generated", "__pycache__")
    )
    _ensure_some_translation(resources)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(paths.ENV_RESOURCES, str(resources))
        assert main(["build-data", "--source", str(REAL_DATA)]) == 0
        yield resources


SAMPLE_TRANSLATIONS = {"es": "Organizaciones", "fr": "Organisations"}


def _ensure_some_translation(resources: Path) -> None:
    """While the catalogs are still being translated, gives each language one message so the
    check of "catalogs load and translate" has something to find (the real .po otherwise)."""
    from babel.messages.pofile import read_po, write_po

    for lang, text in SAMPLE_TRANSLATIONS.items():
        po = resources / "locale" / lang / "LC_MESSAGES" / "sseref.po"
        po.parent.mkdir(parents=True, exist_ok=True)
        if po.exists():
            with po.open("rb") as handle:
                catalog = read_po(handle)
        else:
            from babel.messages.catalog import Catalog

            catalog = Catalog(locale=lang)
        if any(
            m.id and not m.fuzzy and all(m.string if isinstance(m.string, tuple) else (m.string,))
            for m in catalog
        ):
            continue
        message = catalog.get("Organizations")
        if message is None:
            catalog.add("Organizations", text)
        else:
            message.string = text
            message.flags.discard("fuzzy")
        with po.open("wb") as handle:
            write_po(handle, catalog)


@pytest.fixture
def resources(installed: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(paths.ENV_RESOURCES, str(installed))
    return installed


def by_name(report: Report) -> dict[str, Check]:
    return {c.name: c for c in report.checks}


# --- a complete installation ----------------------------------------------------------------


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_every_check_passes_on_a_complete_installation(resources: Path, qapp: object) -> None:
    report = SelfTest(window=True).run()
    failed = [f"{c.name}: {c.detail}" for c in report.checks if not c.ok]
    assert not failed
    assert report.ok
    names = set(by_name(report))
    assert {
        "resources",
        "database",
        "translations",
        "search index",
        "qt",
        "fact sheet pdf",
        "main window",
    } <= names
    assert {f"search {q!r}" for q, _lang, _id in selftest.KNOWN_SEARCHES} <= names
    assert report.resources == str(resources)


def test_cli_prints_a_report_and_exits_0(
    resources: Path, qapp: object, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["self-test"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("SSE Ref ")
    assert "PASS  database" in out and "FAIL" not in out
    assert out.rstrip().splitlines()[-1].startswith("self-test OK:")


def test_cli_json(resources: Path, qapp: object, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["self-test", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is True and data["failed"] == 0 and data["passed"] == len(data["checks"])
    assert data["mode"] == "checkout"
    assert {"name", "ok", "detail", "seconds"} <= set(data["checks"][0])


# --- missing or broken components: a FAIL line, never a crash ---------------------------------


def test_missing_database(
    resources: Path, qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--database", str(tmp_path / "absent.db"), "self-test"])
    out = capsys.readouterr().out
    assert code == 1
    assert "FAIL  database" in out and "no database at" in out
    assert "fact sheet pdf" in out  # the later checks still ran and reported
    assert out.rstrip().splitlines()[-1].startswith("self-test FAILED:")


def test_missing_index(resources: Path, qapp: object, tmp_path: Path) -> None:
    report = SelfTest(index_dir=tmp_path / "no-index").run()
    checks = by_name(report)
    assert not report.ok
    assert not checks["search index"].ok and "no search index" in checks["search index"].detail
    assert not checks["searches"].ok and "skipped" in checks["searches"].detail
    assert checks["database"].ok and checks["fact sheet pdf"].ok


def test_stale_shipped_index(resources: Path, qapp: object, tmp_path: Path) -> None:
    """An index built for other data would be rebuilt at start-up: the bundle is wrong."""
    stale = tmp_path / "index"
    shutil.copytree(resources / "generated" / "index", stale)
    manifest = json.loads((stale / "sseref-index.json").read_text(encoding="utf-8"))
    manifest["data_version"] = "0000000000000000"
    (stale / "sseref-index.json").write_text(json.dumps(manifest), encoding="utf-8")
    check = by_name(SelfTest(index_dir=stale).run())["search index"]
    assert not check.ok and "would be rebuilt" in check.detail


@pytest.mark.filterwarnings(
    "ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)
def test_corrupt_index(resources: Path, qapp: object, tmp_path: Path) -> None:
    broken = tmp_path / "index"
    broken.mkdir()
    (broken / "_MAIN_1.toc").write_bytes(b"not an index")
    check = by_name(SelfTest(index_dir=broken).run())["search index"]
    assert not check.ok and check.detail


def test_missing_search_layer(
    resources: Path, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "sseref.search.engine", None)  # import fails
    check = by_name(SelfTest().run())["search index"]
    assert not check.ok and check.detail.startswith("component missing:")


def test_missing_printing_layer(
    resources: Path, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "sseref.gui.printing", None)
    report = SelfTest().run()
    check = by_name(report)["fact sheet pdf"]
    assert not check.ok and "component missing" in check.detail
    assert not report.ok


def test_wrong_search_answer(
    resources: Path, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selftest, "KNOWN_SEARCHES", (("CEPAL", "es", "org/no-such-record"),))
    check = by_name(SelfTest().run())["search 'CEPAL'"]
    assert not check.ok and "expected org/no-such-record" in check.detail


def test_missing_translations(
    resources: Path, qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sseref.core import i18n

    monkeypatch.setattr(i18n, "locale_dir", lambda: tmp_path / "no-locale")
    check = by_name(SelfTest().run())["translations"]
    assert not check.ok and "no es catalog" in check.detail


def test_missing_resources_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(paths.ENV_RESOURCES, str(tmp_path / "nothing"))
    report = SelfTest().run()  # the whole run must not raise either
    assert not by_name(report)["resources"].ok
    assert "no resources folder" in by_name(report)["resources"].detail
    assert not report.ok


def test_missing_qt_platform_plugin_fails_instead_of_aborting(resources: Path) -> None:
    """Qt aborts the process when its platform plugin is missing; the self-test checks first.

    Runs in a fresh interpreter: the test process already has a QApplication."""
    import os
    import subprocess

    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    proc = subprocess.run(
        [sys.executable, "-m", "sseref", "self-test", "--json", "--platform", "no-such-platform"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert proc.returncode == 1, proc.stderr
    checks = {c["name"]: c for c in json.loads(proc.stdout)["checks"]}
    assert not checks["qt"]["ok"]
    assert "no 'no-such-platform' platform plugin" in checks["qt"]["detail"]
    assert checks["database"]["ok"]


# --- the report itself ----------------------------------------------------------------------


def test_report_text_and_json_shapes() -> None:
    report = Report(
        version="1.0",
        mode="frozen",
        platform="Linux x86_64",
        python="3.11",
        resources="/opt/sseref/_internal/resources",
        checks=[
            Check("database", True, "3 records", 0.002),
            Check("search index", False, "component missing: whoosh", 0.0),
        ],
    )
    text = report.text()
    assert "PASS  database" in text and "FAIL  search index" in text
    assert text.splitlines()[-1] == "self-test FAILED: 1 of 2 checks passed"
    data = report.to_json()
    assert data["ok"] is False and data["passed"] == 1 and data["failed"] == 1
    assert not Report("1", "m", "p", "3", "r").ok  # no check run is not a pass


def test_self_test_never_imports_build_time_packages() -> None:
    import ast

    tree = ast.parse(Path(selftest.__file__).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not {
        m
        for m in imported
        if m.split(".")[0] in {"sqlite_utils", "yaml"} or m.startswith("sseref.ingest")
    }
