"""Layer contracts: import-linter's contracts hold, and every module has a docstring."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold() -> None:
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_module_and_class_has_a_docstring() -> None:
    missing = []
    for file in sorted((ROOT / "sseref").rglob("*.py")):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        if not ast.get_docstring(tree):
            missing.append(str(file.relative_to(ROOT)))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and not ast.get_docstring(node):
                missing.append(f"{file.relative_to(ROOT)}:{node.lineno} class {node.name}")
    assert missing == []
