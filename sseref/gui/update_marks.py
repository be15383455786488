"""The record page's mark for records added or changed by the last data update."""

from __future__ import annotations

from pathlib import Path

from sseref.core.i18n import _
from sseref.gui.theme import Colors
from sseref.report.render import fragment

_cache: dict[Path, tuple[float, dict[str, tuple[str, list[str]]]]] = {}


def _marks(database: Path) -> dict[str, tuple[str, list[str]]]:
    """record id → ("added" | "changed", labels of the changed fields), read once per file."""
    from sseref.core import packstore
    from sseref.core.datadiff import changes_from_json

    changes_file = Path(database).parent / packstore.CHANGES_FILE
    try:
        stamp = changes_file.stat().st_mtime
    except OSError:
        return {}
    cached = _cache.get(changes_file)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    saved = packstore.changes_beside(database)
    marks: dict[str, tuple[str, list[str]]] = {}
    if saved is not None:
        try:
            changes = changes_from_json(saved)
        except (KeyError, TypeError, ValueError):
            changes = None
        if changes is not None:
            marks = {r.id: ("added", []) for r in changes.added}
            for rec in changes.changed:
                marks[rec.id] = ("changed", list(dict.fromkeys(f.label() for f in rec.fields)))
    _cache[changes_file] = (stamp, marks)
    return marks


def with_update_mark(html: str, record_id: str, database: Path, colors: Colors) -> str:
    """`html` with a line on top when the last data update added or changed this record."""
    mark = _marks(database).get(record_id)
    if mark is None:
        return html
    kind, fields = mark
    if kind == "added":
        text = _("New in the last data update.")
    else:
        text = _("Changed in the last data update: {fields}.").format(fields=", ".join(fields))
    line = fragment(
        "<p class='update-mark' style='color:{{ color }}'><b>●</b> {{ text }}</p>",
        color=colors.accent,
        text=text,
    )
    head, sep, rest = html.partition("<body")
    if not sep:
        return line + html
    tag_end = rest.index(">") + 1
    return head + sep + rest[:tag_end] + line + rest[tag_end:]
