"""Screenshots of the main window and of record pages in Spanish and French, under Xvfb.

Usage: .venv/bin/python scripts/screenshots_i18n.py [--out docs/screenshots] [--database DB]
Switches the running window through View → Language (no restart), like a user would, and
writes es-main.png and es-record.png (and es-record-fallback.png when some event lacks
Spanish content), and the same for fr. Compiles the
translation catalogs first when they are older than resources/locale.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from screenshots import _database, _reexec_under_xvfb, save, settle  # noqa: E402

# (file suffix, panel, record) — the fallback record lacks a name and summary in some language.
SHOTS = [("main", "organizations", "org/untfsse"), ("record", "history", "event/1978-bapa")]


def _fallback_record(db: object, lang: str) -> str | None:
    """An event shown in English for `lang` (no name there), to show the fallback marker."""
    for record_id in db.filter_ids("event", _empty_filter(), lang=lang):  # type: ignore[attr-defined]
        record = db.get(record_id, lang)  # type: ignore[attr-defined]
        if lang not in record.names and lang not in record.summaries:
            return record_id
    return None


def _empty_filter() -> object:
    from sseref.core.models import ListFilter

    return ListFilter(text="")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--database")
    parser.add_argument("--scale", type=float, default=0.6)
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") and not os.environ.get("SSEREF_SCREENSHOTS_XVFB"):
        return _reexec_under_xvfb()
    from sseref.ingest.outputs import catalogs_stale, compile_catalogs

    if catalogs_stale(Path()):
        compile_catalogs(Path())
    tmp = Path(tempfile.mkdtemp(prefix="sseref-shots-"))
    os.environ["SSEREF_DATA_DIR"] = str(tmp / "user")
    from PySide6.QtWidgets import QApplication

    from sseref.core.db import Database
    from sseref.gui.wiring import build_main_window

    app = QApplication(sys.argv[:1])
    db = Database(_database(args.database, tmp))
    window = build_main_window(db)
    window.resize(1280, 800)
    window.show()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    window.set_theme("light")
    for lang in ("es", "fr"):
        window.actions_.languages[lang].trigger()
        settle(app, 0.4)
        for suffix, panel, record in SHOTS:
            window.show_panel(panel)
            if db.exists(record):
                window.record_view.open(record)
                window.record_view.browser.verticalScrollBar().setValue(0)
            settle(app, 0.4)
            save(window, out / f"{lang}-{suffix}.png", args.scale)
        fallback = _fallback_record(db, lang)
        if fallback:
            window.record_view.open(fallback)
            window.record_view.browser.verticalScrollBar().setValue(0)
            settle(app, 0.4)
            save(window.record_view, out / f"{lang}-record-fallback.png", 0.8)
    window.actions_.languages["system"].trigger()
    window.close()
    db.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
