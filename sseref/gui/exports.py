"""Saving what the window shows: citations for reference managers and lists as CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING

from sseref.core.citation import EXPORT_FORMATS, CitationContext, export_citations
from sseref.core.i18n import _, current_language

if TYPE_CHECKING:
    from sseref.core.models import Record
    from sseref.gui.mainwindow import MainWindow
    from sseref.gui.panels.base import ListPanel


def default_folder(remembered: str | None) -> Path:
    """Where a save dialog opens: the folder saved to last, else the user's Documents."""
    from PySide6.QtCore import QStandardPaths

    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def ask_save_path(window: MainWindow, title: str, name: str, filters: list[str]) -> Path | None:
    """A save dialog in the remembered folder; None if the user cancels."""
    from PySide6.QtWidgets import QFileDialog

    start = default_folder(window.settings.save_folder) / name
    path, _chosen = QFileDialog.getSaveFileName(window, title, str(start), ";;".join(filters))
    return Path(path) if path else None


def write_export(window: MainWindow, path: Path, text: str) -> bool:
    """Writes a text file readable by others (0644 under the usual umask) and says where."""
    try:
        path.write_text(text, encoding="utf-8", newline="")
    except OSError as error:
        window.show_message(_("Could not save {path}: {error}").format(path=path, error=error))
        return False
    window.settings.save_folder = str(path.parent)
    window.show_saved(path)
    return True


def citation_file_text(records: list[Record], fmt: str, data_as_of: str | None) -> str:
    return export_citations(records, fmt, current_language(), CitationContext(data_as_of))


def export_citation(window: MainWindow, fmt: str | None = None, path: Path | None = None) -> bool:
    """File → Export citation: the open record as BibTeX, RIS or CSL-JSON (the filter chosen)."""
    record = window.record_view.record
    if record is None:
        window.show_message(_("Open a record first."))
        return False
    filters = {f"{label} (*{suffix})": key for key, (suffix, label) in EXPORT_FORMATS.items()}
    if path is None:
        from PySide6.QtWidgets import QFileDialog

        name = record.id.replace("/", "-") + EXPORT_FORMATS[fmt or "bibtex"][0]
        start = default_folder(window.settings.save_folder) / name
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            window, _("Export citation"), str(start), ";;".join(filters)
        )
        if not chosen:
            return False
        path = Path(chosen)
        fmt = fmt or filters.get(chosen_filter)
    if fmt is None:  # from the file's suffix, else BibTeX
        fmt = next((k for k, (sfx, _l) in EXPORT_FORMATS.items() if path.suffix == sfx), "bibtex")
    text = citation_file_text([record], fmt, window.db.meta().get("data_as_of"))
    return write_export(window, path, text)


def list_csv(panel: ListPanel) -> str:
    """The panel's filtered list, every row and column as shown, as CSV text."""
    ids = panel.model.ids()
    columns = panel.columns()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(panel.model.header_labels())
    rows: dict[str, dict[str, str | None]] = {}
    for start in range(0, len(ids), 500):
        rows.update(panel.fetch(ids[start : start + 500]))
    for record_id in ids:
        row = rows.get(record_id, {})
        writer.writerow([row.get(c.key) or "" for c in columns])
    return out.getvalue()


def export_list(window: MainWindow, path: Path | None = None, fmt: str | None = None) -> bool:
    """File → Export the list: what the current panel shows, with its filters, as CSV, or its
    records' citations as BibTeX, RIS or CSL-JSON (the file type chosen)."""
    panel = window.current_panel()
    if panel is None or window.current_panel_key() == "search":
        window.show_message(_("Choose a list first (Organizations, History, …)."))
        return False
    panel.ensure_loaded()
    csv_filter = _("CSV files (*.csv)")
    filters = {csv_filter: "csv"}
    filters.update({f"{label} (*{sfx})": key for key, (sfx, label) in EXPORT_FORMATS.items()})
    if path is None:
        from PySide6.QtWidgets import QFileDialog

        start = default_folder(window.settings.save_folder) / f"{panel.key}.csv"
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            window, _("Export the list"), str(start), ";;".join(filters)
        )
        if not chosen:
            return False
        path, fmt = Path(chosen), fmt or filters.get(chosen_filter)
    if fmt is None:  # from the file's suffix, else CSV
        suffixes = {sfx: key for key, (sfx, _label) in EXPORT_FORMATS.items()}
        fmt = suffixes.get(path.suffix, "csv")
    if fmt == "csv":
        return write_export(window, path, list_csv(panel))
    lang = current_language()
    records = [window.db.get(record_id, lang) for record_id in panel.model.ids()]
    text = citation_file_text(records, fmt, window.db.meta().get("data_as_of"))
    return write_export(window, path, text)
