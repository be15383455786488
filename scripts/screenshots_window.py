"""Screenshots of the window's states at a screen size, as a first start meets them (issue 18).

Usage (a display is needed; xvfb-run gives one):
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots_window.py \\
        --out docs/screenshots --prefix w1366
Each shot is taken maximized when the screen is small (as a first start opens), else at the
first-run size; `--maximized` forces it. User folders are temporary.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# (file name, steps): a step is "panel:KEY", "open:ID", "mode:list|timeline", "search:TEXT",
# "find:TEXT", "home", "lang:CODE", "theme:NAME", "large:on|off", "country:ID" (the
# Organizations panel's country filter), "help", "about" (dialogs are shot alone).
SHOTS: list[tuple[str, list[str]]] = [
    ("start", ["home"]),
    ("organizations", ["panel:organizations", "open:org/ripess"]),
    ("history", ["panel:history", "mode:timeline", "open:event/1978-bapa"]),
    ("history-list", ["panel:history", "mode:list"]),
    ("documents", ["panel:documents", "open:doc/bapa"]),
    ("glossary", ["panel:glossary", "open:term/2030-agenda"]),
    ("search", ["search:cepal"]),
    ("find", ["panel:organizations", "open:org/untfsse", "find:network"]),
    ("help", ["help"]),
    ("about", ["about"]),
    ("es-organizations", ["lang:es", "panel:organizations", "open:org/ilo"]),
    ("dark-history", ["lang:en", "theme:dark", "panel:history", "mode:timeline"]),
    ("fr-large-organizations", ["theme:light", "lang:fr", "large:on", "panel:organizations"]),
    (
        "people",
        ["large:off", "lang:en", "panel:people", "open:person/jose-manuel-salazar-xirinachs"],
    ),
    ("countries", ["panel:countries", "open:country/mexico"]),
    ("organizations-by-country", ["panel:organizations", "country:country/france"]),
    ("es-people", ["lang:es", "panel:people", "open:person/gilbert-houngbo"]),
    ("fr-countries", ["lang:fr", "panel:countries", "open:country/france"]),
]


def settle(app: Any, seconds: float = 0.5) -> None:
    end = time.time() + seconds
    while time.time() < end:
        app.processEvents()
        time.sleep(0.01)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--prefix", default="window")
    parser.add_argument("--maximized", action="store_true")
    parser.add_argument("--only", nargs="*", help="names of the shots to take")
    parser.add_argument("--database", help="this database instead of the built one")
    args = parser.parse_args()
    os.environ["SSEREF_DATA_DIR"] = tempfile.mkdtemp(prefix="sseref-shots-")
    from PySide6.QtWidgets import QApplication

    from sseref.core import paths
    from sseref.core.db import Database
    from sseref.gui.index_setup import prepare_engine
    from sseref.gui.search_service import EngineRunner
    from sseref.gui.wiring import after_first_frame, build_main_window

    app = QApplication(sys.argv[:1])
    db = Database(Path(args.database) if args.database else paths.database_path())
    window = build_main_window(db, language="en")
    if args.maximized:
        window.start_maximized = True
    window.show_first()
    if window.start_maximized:  # Xvfb has no window manager to maximize it: fill the screen
        window.setGeometry(window.screen().availableGeometry())
    settle(app)
    after_first_frame(window)
    got: dict[str, Any] = {}
    prepare_engine(window, db, lambda engine, error: got.update(engine=engine, error=error))
    deadline = time.time() + 180
    while "engine" not in got and time.time() < deadline:
        app.processEvents()
        time.sleep(0.01)
    if got.get("engine") is not None:
        window.set_search_runner(EngineRunner(got["engine"]))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, steps in SHOTS:
        if args.only and name not in args.only:
            continue
        window.search_box.clear()
        if window.record_view.find_bar is not None:
            window.record_view.find_bar.close_bar()
        target = out / f"{args.prefix}-{name}.png"
        shot: Any = window
        for step in steps:
            what, _sep, arg = step.partition(":")
            if what == "panel":
                window.show_panel(arg)
            elif what == "open" and db.exists(arg):
                window.record_view.open(arg)
            elif what == "country":
                window.panels["organizations"].country_combo.set_value(arg)
            elif what == "mode":
                window.panels["history"].set_mode(arg)
            elif what == "search":
                window.search_box.setText(arg)
                settle(app, 1.0)
            elif what == "find":
                window.actions_.find.trigger()
                assert window.record_view.find_bar is not None
                window.record_view.find_bar.edit.setText(arg)
            elif what == "home":
                window.record_view.show_start()
            elif what == "lang":
                window.set_language_choice(arg)
            elif what == "theme":
                window.set_theme(arg)
            elif what == "large":
                window.set_large_text(arg == "on")
            elif what in ("help", "about"):
                shot = window.show_help() if what == "help" else window.show_about()
            settle(app, 0.3)
        settle(app)
        shot.grab().save(str(target))
        if shot is not window:
            shot.close()
        print(target, window.width(), window.height(), window.isMaximized())
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
