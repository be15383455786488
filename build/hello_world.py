"""A frozen "hello world" PySide6 window: the yardstick for SSE Ref's bundle size and start-up.

Built by ``build/build.py --hello`` with the same PyInstaller options and trimming as the real
program, so the packaging benchmark compares like with like. With ``SSEREF_BENCH_READY=1`` (the
same switch as ``sseref``'s, see ``sseref.app.launch``) it prints ``READY <seconds>`` and quits
as soon as the window is shown and the event loop is idle: start-up "to an interactive window".
"""

from __future__ import annotations

import os
import sys
import time


def main() -> int:
    """Shows one window with a label; returns the event loop's exit code."""
    started = time.perf_counter()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Hello")
    window.setCentralWidget(QLabel("Hello, world"))
    window.resize(640, 480)
    window.show()
    app.processEvents()
    if os.environ.get("SSEREF_BENCH_READY"):  # the same protocol as sseref.app.launch
        print(f"READY {time.perf_counter() - started:.4f}", flush=True)
        QTimer.singleShot(0, app.quit)  # runs once the loop is idle: the window is interactive
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
