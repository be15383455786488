"""PDF exports onto full, read-only and odd targets: a message, exit code 1, the old file kept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from sseref.core.db import Database
from sseref.core.safefile import WriteError
from tests.conftest import ROOT
from tests.reliability.smallfs import fill, tmpfs

pytestmark = pytest.mark.usefixtures("qapp")


def export(db: Database, out: Path, ids: tuple[str, ...] = ("org/alpha",)) -> int:
    from sseref.gui.printing import render_pdf

    return render_pdf(db, list(ids), out, "en", "a4").pages


def temp_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".")]


def test_a_good_export_is_whole_and_0644(fixture_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    old_mask = os.umask(0o022)
    try:
        pages = export(fixture_db, out, ("org/alpha", "event/1978-conference"))
    finally:
        os.umask(old_mask)
    assert len(PdfReader(str(out)).pages) == pages
    assert oct(out.stat().st_mode & 0o777) == oct(0o644)


@pytest.mark.parametrize("leave_kb", [0, 8, 20, 36])
def test_full_disk_keeps_the_old_pdf(fixture_db: Database, tmp_path: Path, leave_kb: int) -> None:
    with tmpfs(tmp_path / "disk", size_kb=160) as disk:
        good = disk / "sheet.pdf"
        pages = export(fixture_db, good)
        before = good.read_bytes()
        fill(disk, leave_kb)
        with pytest.raises(WriteError) as info:
            export(fixture_db, good, ("org/alpha", "event/1978-conference", "term/cooperative"))
        assert "full" in str(info.value) or "could not be written" in str(info.value)
        assert good.read_bytes() == before
        assert len(PdfReader(str(good)).pages) == pages
        assert temp_files(disk) == []


def test_read_only_disk_is_a_message(fixture_db: Database, tmp_path: Path) -> None:
    with tmpfs(tmp_path / "ro", read_only=True) as disk:
        with pytest.raises(WriteError, match="read-only"):
            export(fixture_db, disk / "sheet.pdf")


def test_a_truncated_pdf_is_refused(fixture_db: Database, tmp_path: Path) -> None:
    from sseref.gui.printing import check_pdf

    out = tmp_path / "sheet.pdf"
    pages = export(fixture_db, out)
    check_pdf(out, pages)  # the whole file passes
    data = out.read_bytes()
    for cut in (len(data) - 7, len(data) // 2, 100, 0):
        out.write_bytes(data[:cut])
        with pytest.raises(WriteError):
            check_pdf(out, pages)
    out.write_bytes(data)
    with pytest.raises(WriteError, match="pages"):
        check_pdf(out, pages + 1)


def test_a_short_write_never_replaces(fixture_db: Database, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Qt silently drops the end of the file (as on a full disk): the old PDF stays."""
    from sseref.gui import printing

    out = tmp_path / "sheet.pdf"
    export(fixture_db, out)
    before = out.read_bytes()
    real_check = printing.check_pdf

    def truncate_then_check(path: Path, pages: int, target: Path | None = None) -> None:
        path.write_bytes(path.read_bytes()[:-300])
        real_check(path, pages, target)

    monkeypatch.setattr(printing, "check_pdf", truncate_then_check)
    with pytest.raises(WriteError, match="nothing was replaced|full"):
        export(fixture_db, out)
    assert out.read_bytes() == before and temp_files(tmp_path) == []


def test_a_refused_page_is_a_message(fixture_db: Database, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QPdfWriter

    monkeypatch.setattr(QPdfWriter, "newPage", lambda self: False)
    out = tmp_path / "pack.pdf"
    out.write_bytes(b"old")
    with pytest.raises(WriteError, match="could not be written|full"):
        export(fixture_db, out, ("org/alpha", "event/1978-conference"))
    assert out.read_bytes() == b"old" and temp_files(tmp_path) == []


def test_window_export_shows_a_message(fixture_db: Database, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from sseref.gui import printing

    shown: list[str] = []
    target = tmp_path / "missing" / "sheet.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)")
    )
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    assert printing.export_pdf(None, fixture_db, ["org/alpha"], "en") is None
    assert len(shown) == 1 and "does not exist" in shown[0] and str(target.parent) in shown[0]
    assert not target.parent.exists()


def cli(fixture_db_path: Path, tmp_path: Path, out: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["SSEREF_DATA_DIR"] = str(tmp_path / "user")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [sys.executable, "-m", "sseref", "--database", str(fixture_db_path), "factsheet"]
        + ["org/alpha", "-o", out],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_cli_bad_targets_are_messages(fixture_db_path: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.pdf"
    real.write_bytes(b"keep")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    cases = {
        str(tmp_path / "missing" / "x.pdf"): "does not exist",
        str(tmp_path): "is a folder",
        str(link): "symbolic link",
    }
    for out, words in cases.items():
        done = cli(fixture_db_path, tmp_path, out)
        assert done.returncode == 1, (out, done.stderr)
        assert words in done.stderr and "Traceback" not in done.stderr, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert real.read_bytes() == b"keep" and link.is_symlink()


def test_cli_full_disk_exits_1(fixture_db_path: Path, tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", size_kb=96) as disk:
        good = disk / "x.pdf"
        good.write_bytes(b"%PDF-1.4 old")
        fill(disk, 4)
        done = cli(fixture_db_path, tmp_path, str(good))
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        assert "Wrote" not in done.stdout
        assert good.read_bytes() == b"%PDF-1.4 old"
