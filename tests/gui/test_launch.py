"""Start-up robustness: no display, second instance, missing database, index rebuild, crashes."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from sseref.app import launch


def test_no_display_is_a_clear_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    code = launch.run_gui(argparse.Namespace(database=None))
    assert code == launch.EXIT_FAIL
    err = capsys.readouterr().err
    assert "No graphical display" in err and "sseref stats" in err


def test_missing_database_shows_an_error_dialog(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    code = launch.run_gui(argparse.Namespace(database=str(tmp_path / "none.db")))
    assert code == launch.EXIT_FAIL
    assert "missing" in shown[0]


def test_second_instance_asks_when_the_running_one_does_not_answer(
    qapp: Any, fixture_db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QLockFile

    from sseref.core.instance import request_path
    from sseref.core.paths import user_dirs

    data = user_dirs().ensure().data
    holder = QLockFile(str(data / "sseref.lock"))
    assert holder.tryLock(0)
    monkeypatch.setattr(launch, "SECOND_START_WAIT", 0.2)  # nobody watches in this test
    asked: list[str] = []

    def answer(_parent: Any, title: str, _text: str) -> QMessageBox.StandardButton:
        asked.append(title)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    code = launch.run_gui(argparse.Namespace(database=str(fixture_db_path)))
    holder.unlock()
    assert code == launch.EXIT_OK
    assert asked == ["SSE Ref is already running"]
    assert not request_path(data).exists()  # withdrawn: a later start must not find it


def test_a_second_start_brings_the_running_window_forward(
    window: Any, qtbot: Any, fixture_db_path: Path
) -> None:
    """The real launcher, started again while this test's window holds the lock."""
    import os
    import subprocess

    from PySide6.QtCore import QLockFile

    from sseref.core.paths import user_dirs
    from sseref.gui.wiring import watch_second_starts
    from tests.conftest import ROOT

    data = user_dirs().ensure().data
    holder = QLockFile(str(data / "sseref.lock"))
    assert holder.tryLock(0)
    watcher = watch_second_starts(window, data)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    try:
        with qtbot.waitSignal(watcher.requested, timeout=60000):
            second = subprocess.Popen(
                [sys.executable, "-m", "sseref", "--database", str(fixture_db_path)],
                cwd=ROOT,
                env=env,
                text=True,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        out, err = second.communicate(timeout=60)
    finally:
        holder.unlock()
    assert second.returncode == launch.EXIT_OK, err
    assert "already running" in out
    assert "already open" in window.status_label.text()


def test_a_request_left_before_the_window_watched_is_taken(window: Any) -> None:
    from sseref.core.instance import request_path
    from sseref.core.paths import user_dirs
    from sseref.gui.wiring import watch_second_starts

    data = user_dirs().ensure().data
    request_path(data).write_text("1", encoding="utf-8")
    watch_second_starts(window, data)
    assert not request_path(data).exists()
    assert "already open" in window.status_label.text()


def test_missing_then_stale_index_is_rebuilt_with_progress(
    window: Any, qtbot: Any, fixture_db: Any
) -> None:
    from sseref.gui.index_setup import index_problem, prepare_engine, user_index_dir

    target = user_index_dir()
    assert index_problem(target, fixture_db) == "missing"
    got: dict[str, Any] = {}
    task = prepare_engine(window, fixture_db, lambda e, err: got.update(engine=e, error=err))
    assert task is not None and task.dialog.isVisible()
    qtbot.waitUntil(lambda: "engine" in got, timeout=20000)
    assert got["error"] is None and got["engine"].doc_count() == 6
    got["engine"].close()
    manifest = json.loads((target / "sseref-index.json").read_text("utf-8"))
    manifest["data_version"] = "old"
    (target / "sseref-index.json").write_text(json.dumps(manifest), "utf-8")
    assert index_problem(target, fixture_db) == "stale"
    got.clear()
    prepare_engine(window, fixture_db, lambda e, err: got.update(engine=e, error=err))
    qtbot.waitUntil(lambda: "engine" in got, timeout=20000)
    assert got["engine"] is not None
    got["engine"].close()


# Whoosh's TOC reader (whoosh/index.py, TOC.read) opens the .toc file without try/finally, so
# a garbage TOC leaves that file to be closed when the exception is collected. SearchEngine
# closes what it opened itself; this one is Whoosh's.
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_damaged_index_is_rebuilt(
    window: Any, qtbot: Any, fixture_db: Any, fixture_index: Path
) -> None:
    from sseref.gui.index_setup import prepare_engine, user_index_dir

    target = user_index_dir()
    shutil.copytree(fixture_index, target)
    for seg in target.glob("*.seg"):
        seg.write_bytes(b"garbage")
    for toc in target.glob("*.toc"):
        toc.write_bytes(b"garbage")
    got: dict[str, Any] = {}
    prepare_engine(window, fixture_db, lambda e, err: got.update(engine=e, error=err))
    qtbot.waitUntil(lambda: "engine" in got, timeout=20000)
    assert got["engine"] is not None, got["error"]
    got["engine"].close()


def test_unexpected_exception_shows_a_dialog_and_is_logged(qapp: Any) -> None:
    from sseref.gui.crash import ExceptionHandler, log_path

    handler = ExceptionHandler()
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        handler(*sys.exc_info())  # type: ignore[arg-type]
    dialog = handler.last_dialog
    assert dialog is not None and dialog.isVisible()
    assert "boom" in dialog.label.text()
    assert "RuntimeError" in dialog.details.toPlainText()
    dialog.copy_button.click()
    from PySide6.QtGui import QGuiApplication

    assert "RuntimeError: boom" in QGuiApplication.clipboard().text()
    dialog.close()
    assert "boom" in log_path().read_text(encoding="utf-8")


def test_print_actions_call_the_fact_sheet_layer(
    window: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    import sseref.gui.printing as printing
    from sseref.report.paper import Paper

    calls: list[tuple[str, list[str], str, dict[str, Any]]] = []
    saved = tmp_path / "alpha.pdf"
    for name in ("print_preview", "print_records", "export_pdf"):
        monkeypatch.setattr(
            printing,
            name,
            lambda _p, _db, ids, lang, n=name, **kw: (
                calls.append((n, list(ids), lang, kw)) or (saved if n == "export_pdf" else None)
            ),
        )
    # The sheet's options are asked first (language, second language, paper).
    chosen = ("es", {"paper": Paper.LETTER, "bilingual": "fr"})
    monkeypatch.setattr(window, "ask_print_options", lambda: chosen)
    window.record_view.open("org/alpha")
    window.actions_.print_preview.trigger()
    window.actions_.print.trigger()
    window.actions_.export_pdf.trigger()
    options = {"paper": Paper.LETTER, "bilingual": "fr"}
    assert calls == [
        ("print_preview", ["org/alpha"], "es", options),
        ("print_records", ["org/alpha"], "es", options),
        ("export_pdf", ["org/alpha"], "es", {**options, "folder": None}),
    ]
    assert str(saved) in window.status_label.text()  # "Saved to …" with "Open folder"
    assert window.settings.save_folder == str(tmp_path)
    calls.clear()
    monkeypatch.setattr(window, "ask_print_options", lambda: None)  # cancelled
    window.actions_.print.trigger()
    assert calls == []


def test_the_sheet_options_never_offer_the_first_language_as_second(qtbot: Any) -> None:
    from sseref.gui.print_options import PrintOptionsDialog
    from sseref.report.paper import Paper

    dialog = PrintOptionsDialog("x", Paper.A4)
    qtbot.addWidget(dialog)
    dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("fr"))
    model = dialog.second_combo.model()
    enabled = {
        dialog.second_combo.itemData(i): model.item(i).isEnabled()
        for i in range(dialog.second_combo.count())
    }
    assert enabled == {None: True, "en": True, "es": True, "fr": False}
    dialog.second_combo.setCurrentIndex(dialog.second_combo.findData("es"))
    assert dialog.language() == "fr"
    assert dialog.options() == {"paper": Paper.A4, "bilingual": "es"}


def test_add_to_meeting_pack(window: Any) -> None:
    window.record_view.open("org/alpha")
    window.actions_.add_to_pack.trigger()
    assert "meeting pack" in window.status_label.text()


def test_window_and_command_line_share_one_index_folder(
    window: Any,
    qtbot: Any,
    fixture_db: Any,
    fixture_db_path: Path,
    monkeypatch: Any,
    capsys: Any,
) -> None:
    """The command line rebuilds the index; the window opens that one, rebuilding nothing;
    and the reverse: an index the window rebuilt is the one the command line then uses."""
    from sseref.app.cli import main
    from sseref.gui import index_setup
    from sseref.search import lifecycle
    from sseref.search.indexer import MANIFEST

    # No index shipped beside this database: both build theirs in the user's cache.
    monkeypatch.setattr(index_setup, "index_dir_for", lambda _db_path: Path("/nonexistent"))
    monkeypatch.setattr(lifecycle.paths, "shipped_index_dir", lambda: Path("/nonexistent"))
    assert main(["--database", str(fixture_db_path), "search", "alpha", "--json"]) == 0
    capsys.readouterr()
    built = index_setup.user_index_dir()
    written = (built / MANIFEST).stat().st_mtime_ns
    got: dict[str, Any] = {}
    task = index_setup.prepare_engine(window, fixture_db, lambda e, err: got.update(e=e, err=err))
    assert task is None, "the window rebuilt the index the command line had just built"
    assert got["e"] is not None and got["e"].index_dir == built
    assert "org/alpha" in [h.id for h in got["e"].search("alpha").hits]
    got["e"].close()
    assert (built / MANIFEST).stat().st_mtime_ns == written

    got.clear()  # now the window rebuilds (a search found its index damaged) ...
    task = index_setup.prepare_engine(
        window, fixture_db, lambda e, err: got.update(e=e, err=err), force=True
    )
    assert task is not None
    qtbot.waitUntil(lambda: "e" in got, timeout=20000)
    got["e"].close()
    rebuilt = (built / MANIFEST).stat().st_mtime_ns
    assert rebuilt != written
    # ... and the command line answers from that index without building another.
    assert main(["--database", str(fixture_db_path), "search", "alpha", "--json"]) == 0
    assert "org/alpha" in capsys.readouterr().out
    assert (built / MANIFEST).stat().st_mtime_ns == rebuilt
