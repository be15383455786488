"""No user-visible string literal in the GUI bypasses gettext (an AST check of sseref/gui).

A literal passed to a Qt call that shows text (setText, setWindowTitle, setToolTip, QAction,
QLabel, addMenu, setPlaceholderText, QMessageBox.*, setAccessibleName, …) must be wrapped in
`_()` (or `ngettext()`), or come from an `N_()`-marked constant translated where it is shown.
Literals without words ("", "+", "−", "·", HTML tags and entities) are fine. A line can opt out
with a trailing `# i18n: not translated` comment (endonyms, product names).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "sseref" / "gui"
OPT_OUT = "# i18n: not translated"

# Methods whose every string argument is shown to people.
TEXT_METHODS = {
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setPlaceholderText",
    "setAccessibleName",
    "setAccessibleDescription",
    "setTitle",
    "addMenu",
    "setLabelText",
    "showMessage",
    "setTabText",
    "addTab",
    "setItemText",
    "setHeaderLabels",
    "setHorizontalHeaderLabels",
    "setInformativeText",
    "setDetailedText",
    "setWindowIconText",
    "setPrefix",
    "setSuffix",
    "setSpecialValueText",
    "setButtonText",
    "setCancelButtonText",
    "setInputMode",
    "setNameFilter",
    "setNameFilters",
    "addAction",
    "addButton",
}
# Widgets and actions whose constructor's string arguments are shown.
TEXT_CLASSES = {
    "QAction",
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QToolButton",
    "QMenu",
    "QCommandLinkButton",
    "QListWidgetItem",
    "QTreeWidgetItem",
    "QProgressDialog",
    "QMessageBox",
    "QDockWidget",
    "QTableWidgetItem",
}
# Static dialogs: every string argument (title, text, filters) is shown.
DIALOG_OWNERS = {"QMessageBox", "QInputDialog", "QFileDialog", "QProgressDialog"}
TRANSLATORS = {"_", "ngettext", "N_"}

_TAG = re.compile(r"<[^>]*>|&[a-zA-Z#0-9]+;|\{[^{}]*\}")
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class Finding:
    """One raw user-visible literal: where it is and what it says."""

    path: str
    line: int
    call: str
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.call}({self.text!r}) is not wrapped in _()"


def _has_words(text: str) -> bool:
    return bool(_WORD.search(_TAG.sub(" ", text)))


def _raw_literals(node: ast.AST) -> list[str]:
    """Literal texts with words in an argument, looking through concatenation and .format."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if _has_words(node.value) else []
    if isinstance(node, ast.JoinedStr):
        text = "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
        return [text] if _has_words(text) else []
    if isinstance(node, ast.BinOp):
        return _raw_literals(node.left) + _raw_literals(node.right)
    if isinstance(node, ast.IfExp):
        return _raw_literals(node.body) + _raw_literals(node.orelse)
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name) and func.id in TRANSLATORS:
            return []
        if isinstance(func, ast.Attribute) and func.attr in ("format", "join"):
            return _raw_literals(func.value)  # "Only {x}".format(...) is still raw
    return []


def _call_name(call: ast.Call) -> tuple[str, str | None]:
    func = call.func
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else None
        return func.attr, owner
    if isinstance(func, ast.Name):
        return func.id, None
    return "", None


def find_raw_strings(source: str, path: str) -> list[Finding]:
    """Every user-visible literal not passed through gettext in one module's source."""
    tree = ast.parse(source)
    lines = source.splitlines()
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name, owner = _call_name(node)
        if not (name in TEXT_METHODS or name in TEXT_CLASSES or owner in DIALOG_OWNERS):
            continue
        args = [*node.args, *(k.value for k in node.keywords if k.arg not in ("objectName",))]
        for arg in args:
            for text in _raw_literals(arg):
                line = lines[arg.lineno - 1] if arg.lineno - 1 < len(lines) else ""
                if OPT_OUT not in line:
                    found.append(Finding(path, arg.lineno, name, text))
    return found


def test_gui_has_no_untranslated_visible_literals() -> None:
    findings = []
    for path in sorted(GUI.rglob("*.py")):
        findings += find_raw_strings(
            path.read_text(encoding="utf-8"), str(path.relative_to(GUI.parent.parent))
        )
    assert not findings, "\n".join(map(str, findings))


def test_the_check_catches_raw_literals() -> None:
    source = """
label = QLabel("Organizations")
label.setText(f"Found {n} records")
button.setToolTip("Zoom in" + suffix)
QMessageBox.warning(self, "Oops", _("Fine"))
menu = bar.addMenu("&File")
action = QAction("Print", self)
box.setPlaceholderText("Search…".format())
label.setAccessibleName(_("Fine"))
label.setText("")
label.setText("+")
label.setText("<b>{n}</b>&nbsp;·")
label.setText(_("Fine {x}").format(x=1))
title = "SSE Ref"
label.setText("SSE Ref")  # i18n: not translated
"""
    found = find_raw_strings(source, "example.py")
    assert [(f.line, f.call) for f in found] == [
        (2, "QLabel"),
        (3, "setText"),
        (4, "setToolTip"),
        (5, "warning"),
        (6, "addMenu"),
        (7, "QAction"),
        (8, "setPlaceholderText"),
    ]
