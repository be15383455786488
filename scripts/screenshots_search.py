"""Screenshots of meeting-style queries typed key by key in the real window at 1366×768.

Each query is typed into the search box one key at a time (as at a meeting), then Down is
pressed once so the record pane previews the second result; the whole window is saved.
Usage: .venv/bin/python scripts/screenshots_search.py [--out docs/screenshots] [--database DB]
Without a display it re-runs itself under `xvfb-run` with a 1366×768 screen. Each shot runs in
a process of its own: PySide6 6.12 on Python 3.11 drops a reference to None in some calls
made from Python (QPainter.save, fillRect, initStyleOption…), which aborts a long session.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from screenshots import needs_xvfb, open_window, parse_args, save, settle  # noqa: E402

# (file name, interface language, theme, large text, query, arrow down once)
SHOTS = [
    ("search-bapa", "en", "light", False, "bapa", False),
    ("search-symbol-58-220", "en", "light", False, "58/220", True),
    ("search-tcdc-dark", "en", "dark", False, "tcdc conference", False),
    ("search-es-plan-de-accion", "es", "light", False, "plan de acción de buenos aires", False),
    ("search-fr-economie-sociale", "fr", "light", False, "économie sociale", True),
    ("search-large-text-oit", "en", "light", True, "OIT", False),
]


def _reexec_under_xvfb() -> int:
    xvfb = shutil.which("xvfb-run")
    if not xvfb:
        print("screenshots: no display and no xvfb-run", file=sys.stderr)
        return 1
    env = dict(os.environ, SSEREF_SCREENSHOTS_XVFB="1")
    env.pop("QT_QPA_PLATFORM", None)
    cmd = [xvfb, "-a", "-s", "-screen 0 1366x768x24", sys.executable, *sys.argv]
    return subprocess.call(cmd, env=env)


def main() -> int:
    if needs_xvfb():
        return _reexec_under_xvfb()
    only = os.environ.get("SSEREF_SHOT")
    if only is None:  # one process per shot (see the module's docstring)
        codes = [
            subprocess.call([sys.executable, *sys.argv], env=dict(os.environ, SSEREF_SHOT=name))
            for name, *_rest in SHOTS
        ]
        return max(codes)
    args = parse_args(__doc__)
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from sseref.gui.index_setup import prepare_engine
    from sseref.gui.search_service import EngineRunner

    app, db, window, tmp = open_window(args.database)
    window.setGeometry(window.screen().availableGeometry())  # the whole 1366×768 screen
    got: dict[str, object] = {}
    prepare_engine(window, db, lambda e, err: got.update(engine=e, error=err))
    deadline = time.time() + 180
    while "engine" not in got and time.time() < deadline:
        app.processEvents()
        time.sleep(0.01)
    engine = got.get("engine")
    if engine is None:
        print(f"screenshots: no search engine ({got.get('error')})", file=sys.stderr)
        return 1
    window.set_search_runner(EngineRunner(engine))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, lang, theme, large, query, down in SHOTS:
        if name != only:
            continue
        window.set_language_choice(lang)
        window.set_theme(theme)
        window.set_large_text(large)
        window.search_box.clear()
        window.focus_search()
        settle(app, 0.2)
        for ch in query:
            if ch.isascii():
                QTest.keyClick(window.search_box, ch)
            else:
                window.search_box.insert(ch)  # as an input method would
            settle(app, 0.12)
        settle(app, 0.8)
        if down:
            QTest.keyClick(window.search_box, Qt.Key.Key_Down)
            settle(app, 0.5)
        save(window, out / f"{name}.png", args.scale)
    window.close()
    engine.close()  # type: ignore[attr-defined]
    db.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
