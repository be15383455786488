"""Screenshots of every panel, a search and a record page, in light and dark, under Xvfb.

Usage: .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--database DB]
Without a display it re-runs itself under `xvfb-run`. Builds a database from data/ into a
temporary folder when the bundled one is missing or empty; user folders are temporary too.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHOTS = [  # (file name, panel, record to open, search text)
    ("organizations", "organizations", "org/untfsse", ""),
    ("history", "history", "event/1978-bapa", ""),
    ("history-list", "history-list", "event/1978-bapa", ""),
    ("documents", "documents", "doc/a-res-77-281", ""),
    ("initiatives", "initiatives", None, ""),
    ("glossary", "glossary", None, ""),
    ("search", "search", "org/eclac", "cepal"),
    ("record", "organizations", "org/ilo", ""),
]


def _reexec_under_xvfb() -> int:
    xvfb = shutil.which("xvfb-run")
    if not xvfb:
        print(
            "screenshots: no display and no xvfb-run (apt-get install xvfb xauth)", file=sys.stderr
        )
        return 1
    env = dict(os.environ, SSEREF_SCREENSHOTS_XVFB="1")
    env.pop("QT_QPA_PLATFORM", None)
    cmd = [xvfb, "-a", "-s", "-screen 0 1600x1000x24", sys.executable, *sys.argv]
    return subprocess.call(cmd, env=env)


def _database(arg: str | None, tmp: Path) -> Path:
    from sseref.core import paths
    from sseref.core.db import Database

    if arg:
        return Path(arg)
    bundled = paths.database_path()
    if bundled.is_file():
        db = Database(bundled)
        try:
            if sum(db.counts().values()) > 0:
                return bundled
        finally:
            db.close()
    from sseref.ingest.build import build_database  # a dev tool: build time code is fine here

    return build_database(ROOT / "data", tmp / "sseref.db").database


def settle(app: object, seconds: float = 0.3) -> None:
    """Lets Qt process events for a while (layouts, searches, timers)."""
    end = time.time() + seconds
    while time.time() < end:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


def save(widget: object, target: Path, scale: float) -> None:
    """Grabs a widget, scales it and writes it as an RGB PNG (no alpha: smaller files)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    image = widget.grab().toImage()  # type: ignore[attr-defined]
    image = image.scaledToWidth(
        int(image.width() * scale), Qt.TransformationMode.SmoothTransformation
    )
    image.convertToFormat(QImage.Format.Format_RGB888).save(str(target), "PNG")
    print(target)


def parse_args(doc: str | None) -> argparse.Namespace:
    """The options both screenshot scripts take."""
    parser = argparse.ArgumentParser(description=doc)
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--database")
    parser.add_argument("--scale", type=float, default=0.6)
    return parser.parse_args()


def needs_xvfb() -> bool:
    return not os.environ.get("DISPLAY") and not os.environ.get("SSEREF_SCREENSHOTS_XVFB")


def open_window(database: str | None) -> tuple[Any, Any, Any, Path]:
    """(application, database, shown main window, temporary folder) with throwaway user
    folders, at the size the screenshots are taken at."""
    tmp = Path(tempfile.mkdtemp(prefix="sseref-shots-"))
    os.environ["SSEREF_DATA_DIR"] = str(tmp / "user")
    from PySide6.QtWidgets import QApplication

    from sseref.core.db import Database
    from sseref.gui.wiring import build_main_window

    app = QApplication(sys.argv[:1])
    db = Database(_database(database, tmp))
    window = build_main_window(db)
    window.resize(1280, 800)
    window.show()
    return app, db, window, tmp


def main() -> int:
    args = parse_args(__doc__)
    if needs_xvfb():
        return _reexec_under_xvfb()
    from sseref.gui.index_setup import prepare_engine
    from sseref.gui.search_service import EngineRunner

    app, db, window, tmp = open_window(args.database)
    got: dict[str, object] = {}
    prepare_engine(window, db, lambda e, err: got.update(engine=e, error=err))
    deadline = time.time() + 180
    while "engine" not in got and time.time() < deadline:
        app.processEvents()
        time.sleep(0.01)
    engine = got.get("engine")
    if engine is not None:
        window.set_search_runner(EngineRunner(engine))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    for theme in ("light", "dark"):
        window.set_theme(theme)
        for name, panel, record, query in SHOTS:
            window.search_box.clear()
            key = panel.replace("-list", "")
            if key != "search":
                window.show_panel(key)
                if key == "history":
                    window.panels["history"].set_mode(
                        "list" if panel.endswith("list") else "timeline"
                    )
            if record and db.exists(record):
                window.record_view.open(record)
                window.record_view.browser.verticalScrollBar().setValue(0)
            if query:
                window.search_box.setText(query)
                settle(app, 1.0)
            settle(app)
            save(window, out / f"{theme}-{name}.png", args.scale)
    window.close()
    if engine is not None:
        engine.close()  # type: ignore[attr-defined]
    db.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
