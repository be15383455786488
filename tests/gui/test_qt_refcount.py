"""The locked PySide6 keeps None's reference count: a void call must not drop a reference.

PySide6 6.12.0 under CPython 3.11 lost one reference to None on every call returning nothing
(QLabel.setText, setVisible…). None is not immortal before Python 3.12, so a session making
some thousands of such calls aborted with "none_dealloc: deallocating None". This guards the
lock (see the cap in pyproject.toml).
"""

from __future__ import annotations

import sys
from typing import Any

CALLS = 2000


def test_void_qt_calls_keep_the_reference_to_none(qtbot: Any) -> None:
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _n in range(CALLS):
        label.setText("x")
        label.setVisible(False)
    lost = before - sys.getrefcount(None)
    assert lost < CALLS // 10, f"{lost} references to None lost in {2 * CALLS} calls"
