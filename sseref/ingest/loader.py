"""Reads the YAML record files, keeping the line of every value for precise error messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# Limits on what one record file may be: far above the real data (5 KB files, 4 levels), far
# below what hurts (a "billion laughs" file grew to 13 GB; 10,000 nested brackets overflowed
# Python's stack).
MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 12


class LoadError(Exception):
    """A file that is not well-formed YAML (reported as file:line: message)."""

    def __init__(self, file: Path, line: int, message: str) -> None:
        super().__init__(f"{file}:{line}: {message}")
        self.file, self.line, self.message = file, line, message


@dataclass
class RawRecord:
    """One YAML document as plain data, with the line of each key path (`names.en.name`)."""

    file: Path
    line: int
    data: Any
    lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, path: str) -> int:
        """The line of `path`, or of its nearest parent that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path.rpartition(".")[0]
        return self.line


class _GuardedLoader(yaml.BaseLoader):
    """BaseLoader (every scalar stays text) that refuses anchors and aliases and deep nesting.

    Aliases are refused before anything is expanded, so no alias bomb can grow; the data
    format has no use for them (every record spells out its values).
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event: Any = self.peek_event()  # type: ignore[no-untyped-call]
        mark: Any = event.start_mark
        if isinstance(event, yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in the data", mark
            )
        if getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(
                None, None, "anchors (&name) are not allowed in the data", mark
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise yaml.composer.ComposerError(
                    None, None, f"nested more than {MAX_DEPTH} levels deep", mark
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _to_python(node: yaml.Node, path: str, lines: dict[str, int]) -> Any:
    """Converts a composed node; every scalar stays text (BaseLoader semantics)."""
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            child = f"{path}.{key}" if path else key
            if key in result:
                raise LoadError(Path(), key_node.start_mark.line + 1, f"{child}: duplicate key")
            lines[child] = key_node.start_mark.line + 1
            result[key] = _to_python(value_node, child, lines)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _to_python(item, f"{path}.{i + 1}" if path else str(i + 1), lines)
            for i, item in enumerate(node.value)
        ]
    return node.value


def load_file(file: Path) -> list[RawRecord]:
    """All records of one file (one YAML document each)."""
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise LoadError(
                file,
                1,
                f"file: {size // 1024} KB is too large (at most {MAX_FILE_BYTES // 1024} KB)",
            )
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise LoadError(file, 1, f"file: not UTF-8 text ({exc.reason})") from exc
    except OSError as exc:
        raise LoadError(file, 1, f"file: cannot be read ({exc.strerror or exc})") from exc
    records: list[RawRecord] = []
    try:
        for node in yaml.compose_all(text, Loader=_GuardedLoader):
            if node is None:
                continue
            lines: dict[str, int] = {}
            try:
                data = _to_python(node, "", lines)
            except LoadError as exc:
                raise LoadError(file, exc.line, exc.message) from None
            records.append(RawRecord(file, node.start_mark.line + 1, data, lines))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        message = f"yaml: YAML syntax: {exc.problem or exc.context}"
        if exc.context and exc.context_mark and exc.context_mark.line + 1 != line:
            message += f" ({exc.context} at line {exc.context_mark.line + 1})"
        raise LoadError(file, line, message) from None
    except yaml.YAMLError as exc:
        raise LoadError(file, 1, f"yaml: YAML syntax: {exc}") from None
    except RecursionError:  # a guard above should stop it first; never a traceback
        raise LoadError(file, 1, f"yaml: nested more than {MAX_DEPTH} levels deep") from None
    return records


def record_files(data_dir: Path) -> list[Path]:
    """Every record file under the kind folders, in a stable order."""
    return sorted(p for p in data_dir.rglob("*.yaml") if p.is_file()) + sorted(
        p for p in data_dir.rglob("*.yml") if p.is_file()
    )
