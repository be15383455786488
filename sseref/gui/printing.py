"""Printing fact sheets with Qt: print preview, print, PDF export (QTextDocument, no web engine).

The report layer gives HTML; here it is laid out with QTextDocument on pages of the chosen paper
and painted page by page onto a QPdfWriter or a QPrinter, with a running head (repeated, with
"(continued)", when a sheet runs onto another page) and the footer
"SSE Ref · data as of <date> · page n of m". Fonts are the bundled DejaVu faces, so every PDF
embeds fonts that cover accented Latin letters and typographic quotes and dashes.

`render_pdf()` is the pure entry point (CLI, tests, benchmark); `print_preview()`,
`print_records()` and `export_pdf()` are what the window's menus call.
"""

from __future__ import annotations

import errno
import os
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)
from PySide6.QtWidgets import QWidget

from sseref.core import safefile
from sseref.core.db import Database
from sseref.core.errors import SSERefError
from sseref.core.i18n import _
from sseref.report import templates
from sseref.report.compose import ReportDocument, compose
from sseref.report.paper import Paper, paper_for_locale, parse_paper

LAYOUT_DPI = 96  # the text is laid out at this resolution, then scaled to the device
MM = LAYOUT_DPI / 25.4
MARGIN_SIDE_MM, MARGIN_TOP_MM, MARGIN_BOTTOM_MM = 18.0, 12.0, 12.0
HEAD_ZONE_MM, FOOT_ZONE_MM = 10.0, 9.0
INK = QColor("#0d4f5c")
GREY = QColor("#5a5a5a")
RULE = QColor("#9fbcc2")
_PAGE_SIZES = {Paper.A4: QPageSize.PageSizeId.A4, Paper.LETTER: QPageSize.PageSizeId.Letter}


@dataclass
class RenderResult:
    """What was painted: the page count and the pages of each part (key → first, last)."""

    pages: int
    part_pages: dict[str, tuple[int, int]] = field(default_factory=dict)
    heads: list[str] = field(default_factory=list)


# --- Qt set-up --------------------------------------------------------------------------------


def ensure_gui_app() -> QGuiApplication:
    """The running Qt application, or a new one (offscreen when there is no display)."""
    app = QGuiApplication.instance()
    if app is None:
        no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
        if no_display and sys.platform.startswith("linux"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(sys.argv[:1])
    register_fonts()
    return app  # type: ignore[return-value]


_fonts_registered: list[bool] = []


def register_fonts() -> None:
    """Registers the bundled fonts once (the PDFs embed them)."""
    if _fonts_registered:
        return
    for path in templates.font_paths():
        if path.is_file() and QFontDatabase.addApplicationFont(str(path)) < 0:
            raise SSERefError(f"The font {path} could not be loaded.")
    _fonts_registered.append(True)


def default_paper() -> Paper:
    """US Letter where the system locale uses it (Qt knows the locale on every platform)."""
    from PySide6.QtCore import QLocale

    locale = QLocale.system()
    if locale.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return Paper.LETTER
    return paper_for_locale(locale.name())


# --- layout -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageGeometry:
    """Where the head, the body and the foot go on a page, in layout units (1/96 inch)."""

    width: float
    height: float

    @property
    def body(self) -> QRectF:
        top = (MARGIN_TOP_MM + HEAD_ZONE_MM) * MM
        bottom = self.height - (MARGIN_BOTTOM_MM + FOOT_ZONE_MM) * MM
        left = MARGIN_SIDE_MM * MM
        return QRectF(left, top, self.width - 2 * left, bottom - top)

    @property
    def head(self) -> QRectF:
        left = MARGIN_SIDE_MM * MM
        return QRectF(left, MARGIN_TOP_MM * MM, self.width - 2 * left, HEAD_ZONE_MM * MM * 0.6)

    @property
    def foot(self) -> QRectF:
        left = MARGIN_SIDE_MM * MM
        top = self.height - (MARGIN_BOTTOM_MM + FOOT_ZONE_MM * 0.55) * MM
        return QRectF(left, top, self.width - 2 * left, FOOT_ZONE_MM * 0.55 * MM)


_layout_device: list[QImage] = []


def _layout_image() -> QImage:
    """A fixed-resolution device for text layout, so pages break the same on every machine."""
    if not _layout_device:
        image = QImage(4, 4, QImage.Format.Format_ARGB32)
        dots_per_metre = round(LAYOUT_DPI / 0.0254)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        _layout_device.append(image)
    return _layout_device[0]


def build_text_document(html: str, body: QSizeF) -> QTextDocument:
    """The HTML laid out in pages of `body` size."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(_layout_image())
    doc.setUseDesignMetrics(True)
    doc.setDocumentMargin(0)
    doc.setDefaultStyleSheet(templates.stylesheet())
    font = QFont(templates.BODY_FAMILY)
    font.setPointSizeF(templates.BODY_POINT_SIZE)
    # No "fi"/"fl" ligatures: copied or searched text must read "fi", not U+FB01.
    font.setFeature(QFont.Tag("liga"), 0)
    doc.setDefaultFont(font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    doc.setHtml(html)
    _use_css_heading_sizes(doc)
    doc.setPageSize(body)
    return doc


def _use_css_heading_sizes(doc: QTextDocument) -> None:
    """Qt adds its own size step to <h1>-<h6> on top of the stylesheet's; keep the CSS size."""
    adjustment = QTextFormat.Property.FontSizeAdjustment
    for block in list(_blocks(doc)):
        if block.blockFormat().headingLevel() <= 0:
            continue
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.hasProperty(adjustment):
                fmt.clearProperty(adjustment)
                cursor = QTextCursor(doc)
                cursor.setPosition(fragment.position())
                cursor.setPosition(
                    fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                )
                cursor.setCharFormat(fmt)
            it += 1


def _blocks(doc: QTextDocument):  # type: ignore[no-untyped-def]
    block: QTextBlock = doc.begin()
    while block.isValid():
        yield block
        block = block.next()


def heading_pages(doc: QTextDocument, page_height: float) -> list[int]:
    """The page (from 0) of every top-level heading (<h1>), in document order.

    Each part of a report but the cover opens with one <h1>, so these are the parts' first
    pages. (Named anchors would do, but Qt's PDF engine splits the text at an anchor, and
    copied titles would read "A lianza".)
    """
    layout = doc.documentLayout()
    return [
        int((layout.blockBoundingRect(block).top() + 1.0) // page_height)
        for block in _blocks(doc)
        if block.blockFormat().headingLevel() == 1
    ]


def part_starts(report: ReportDocument, doc: QTextDocument, page_height: float) -> dict[str, int]:
    """The first page (from 0) of each part of the report, by the part's key."""
    pages = iter(heading_pages(doc, page_height))
    return {part.key: (next(pages, 0) if part.has_heading else 0) for part in report.parts}


def lay_out(report: ReportDocument, geometry: PageGeometry) -> tuple[QTextDocument, dict[str, int]]:
    """Lays the report out; for a pack, fills the contents' page numbers (stable in 1-3 passes)."""
    body = geometry.body
    numbers: dict[str, int] | None = None
    for _attempt in range(3):
        doc = build_text_document(report.html(numbers), body.size())
        starts = part_starts(report, doc, body.height())
        if not report.has_contents:
            return doc, starts
        wanted = {key: page + 1 for key, page in starts.items()}
        if wanted == numbers:
            return doc, starts
        numbers = wanted
    return doc, starts


# --- painting ---------------------------------------------------------------------------------


def _small_font(point_size: float, bold: bool = False) -> QFont:
    """A head/foot font sized in layout units (the painter is already scaled to the device)."""
    font = QFont(templates.HEAD_FAMILY)
    font.setPixelSize(max(1, round(point_size * LAYOUT_DPI / 72)))
    font.setBold(bold)
    return font


def paint_report(device: QPagedPaintDevice, report: ReportDocument) -> RenderResult:
    """Paints every page of `report` onto a PDF writer or printer whose page has no margins."""
    ensure_gui_app()
    scale_x = device.logicalDpiX() / LAYOUT_DPI
    scale_y = device.logicalDpiY() / LAYOUT_DPI
    geometry = PageGeometry(device.width() / scale_x, device.height() / scale_y)
    doc, starts = lay_out(report, geometry)
    body = geometry.body
    pages = max(1, doc.pageCount())
    order = sorted(((starts.get(p.key, 0), i) for i, p in enumerate(report.parts)))
    result = RenderResult(pages=pages)
    for n, (start, index) in enumerate(order):
        end = order[n + 1][0] - 1 if n + 1 < len(order) else pages - 1
        result.part_pages[report.parts[index].key] = (start, max(start, end))

    context = QAbstractTextDocumentLayout.PaintContext()
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Text, QColor("#1a1a1a"))
    context.palette = palette
    painter = QPainter()
    if not painter.begin(device):
        raise SSERefError("The printer or PDF file could not be opened for painting.")
    try:
        for page in range(pages):
            if page and not device.newPage():
                raise SSERefError("The printer refused a new page.")
            painter.save()
            painter.scale(scale_x, scale_y)
            head = _head_for(report, order, page)
            result.heads.append(head)
            _paint_head(painter, geometry, head)
            _paint_foot(painter, geometry, report.footer(page + 1, pages))
            painter.setClipRect(body)
            painter.translate(body.left(), body.top() - page * body.height())
            context.clip = QRectF(0, page * body.height(), body.width(), body.height())
            doc.documentLayout().draw(painter, context)
            painter.restore()
    finally:
        painter.end()
    return result


def _head_for(report: ReportDocument, order: list[tuple[int, int]], page: int) -> str:
    current = None
    for start, index in order:
        if start <= page:
            current = (start, report.parts[index])
    if current is None:
        return ""
    start, part = current
    return part.head if page == start else part.continued_head


def _paint_head(painter: QPainter, geometry: PageGeometry, text: str) -> None:
    if not text:
        return
    rect = geometry.head
    painter.setFont(_small_font(7.5, bold=True))
    painter.setPen(INK)
    # A long title loses its middle, not its end: "(continued)" must stay readable.
    painter.drawText(
        rect,
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        painter.fontMetrics().elidedText(
            text, Qt.TextElideMode.ElideMiddle, int(rect.width() * 0.8)
        ),
    )
    painter.setFont(_small_font(7.5))
    painter.setPen(GREY)
    painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, "SSE Ref")
    painter.setPen(QPen(RULE, 0.6))
    below = rect.bottom() + 2
    painter.drawLine(QPointF(rect.left(), below), QPointF(rect.right(), below))


def _paint_foot(painter: QPainter, geometry: PageGeometry, text: str) -> None:
    rect = geometry.foot
    painter.setPen(QPen(RULE, 0.6))
    painter.drawLine(QPointF(rect.left(), rect.top() - 3), QPointF(rect.right(), rect.top() - 3))
    painter.setFont(_small_font(7.5))
    painter.setPen(GREY)
    painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, text)


def _setup_page(device: QPagedPaintDevice, paper: Paper) -> None:
    layout = QPageLayout(
        QPageSize(_PAGE_SIZES[paper]), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)
    )
    device.setPageLayout(layout)


# --- public API -------------------------------------------------------------------------------


def render_pdf(
    db: Database,
    record_ids: Sequence[str],
    out_path: str | os.PathLike[str],
    lang: str = "en",
    paper: str | Paper | None = None,
    bilingual: str | None = None,
    meeting_name: str | None = None,
    *,
    glossary: bool = False,
) -> RenderResult:
    """Writes the sheet (one id) or meeting pack (several) as a PDF; works with no display."""
    ensure_gui_app()
    report = compose(
        db, record_ids, lang, bilingual=bilingual, meeting_name=meeting_name, glossary=glossary
    )
    return write_pdf(report, out_path, parse_paper(paper))


def write_pdf(
    report: ReportDocument, out_path: str | os.PathLike[str], paper: Paper
) -> RenderResult:
    """Paints `report` into a PDF file, replacing it only once the new one is complete.

    The PDF is written to a temporary file beside the target and checked (it ends as a PDF
    does, its cross-reference table is where the trailer says, it has as many pages as were
    painted) before it replaces the old file: on a full disk, QPdfWriter reports nothing and
    would leave a truncated file. Raises WriteError (one sentence) when anything fails.
    """
    ensure_gui_app()
    painted: list[RenderResult] = []
    with safefile.atomic_output(
        Path(out_path),
        suffix=".pdf",
        verify=lambda tmp: check_pdf(tmp, painted[0].pages, Path(out_path)),
    ) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(600)
        writer.setCreator("SSE Ref")
        writer.setTitle(report.title)
        _setup_page(writer, paper)
        try:
            painted.append(paint_report(writer, report))
        except safefile.WriteError:
            raise
        except SSERefError as exc:  # QPdfWriter refused a page: it could not write
            raise safefile.WriteError(_failed_pdf_message(Path(out_path))) from exc
        finally:
            del writer  # flushes and closes the file
    return painted[0]


def _failed_pdf_message(target: Path) -> str:
    """Qt gives no reason when a PDF write fails; a nearly full disk is the usual one."""
    try:
        info = os.statvfs(target.parent)
        full = info.f_bavail * info.f_frsize < 1024 * 1024
    except (OSError, AttributeError):  # no statvfs on Windows
        full = False
    if full:
        return safefile.os_error_message(OSError(errno.ENOSPC, "full"), target)
    return _("The PDF {path} could not be written; nothing was replaced.").format(path=target)


_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_TRAILER = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")


def check_pdf(path: Path, pages: int, target: Path | None = None) -> None:
    """Raises WriteError unless `path` is a whole PDF of `pages` pages (a structural check).

    Qt writes a classic cross-reference table, no object streams, so the page objects can be
    counted in the bytes; pypdf is a test-only dependency and not needed here.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise safefile.WriteError(safefile.os_error_message(exc, path)) from exc
    trailer = _TRAILER.search(data[-1024:])
    whole = (
        data.startswith(b"%PDF-")
        and trailer is not None
        and data[int(trailer.group(1)) :].startswith(b"xref")
    )
    if not whole:
        raise safefile.WriteError(_failed_pdf_message(target or path))
    found = len(_PAGE_OBJECT.findall(data))
    if found != pages:
        raise safefile.WriteError(
            _("The PDF holds {found} pages instead of {pages}; nothing was replaced.").format(
                found=found, pages=pages
            )
        )


def _printer(paper: Paper | None):  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    _setup_page(printer, paper or default_paper())
    return printer


def print_preview(
    parent: QWidget | None,
    db: Database,
    record_ids: Sequence[str],
    lang: str,
    *,
    paper: Paper | None = None,
    bilingual: str | None = None,
    meeting_name: str | None = None,
    notes: Mapping[str, str] | None = None,
) -> int:
    """Shows QPrintPreviewDialog for the records' sheet or pack; returns the dialog's result."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    report = compose(
        db, record_ids, lang, bilingual=bilingual, meeting_name=meeting_name, notes=notes
    )
    printer = _printer(paper)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(report.title)
    dialog.paintRequested.connect(lambda device: paint_report(device, report))
    _readable_preview(dialog, parent)
    return int(dialog.exec())


def _readable_preview(dialog: QWidget, parent: QWidget | None) -> None:
    """The stock preview opens small and zoomed out: nearly the window's size, fit to width."""
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    if parent is not None:
        room = parent.window().size()
        dialog.resize(int(room.width() * 0.9), int(room.height() * 0.92))
    widget = dialog.findChild(QPrintPreviewWidget)
    if widget is not None:
        widget.fitToWidth()


def print_records(
    parent: QWidget | None,
    db: Database,
    record_ids: Sequence[str],
    lang: str,
    *,
    paper: Paper | None = None,
    bilingual: str | None = None,
    meeting_name: str | None = None,
    notes: Mapping[str, str] | None = None,
) -> bool:
    """Asks for a printer (QPrintDialog) and prints; True when something was printed."""
    from PySide6.QtPrintSupport import QPrintDialog

    report = compose(
        db, record_ids, lang, bilingual=bilingual, meeting_name=meeting_name, notes=notes
    )
    printer = _printer(paper)
    printer.setDocName(report.title)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    printer.setFullPage(True)
    paint_report(printer, report)
    return True


def suggested_file_name(report: ReportDocument) -> str:
    """A safe file name from the document's title ("ECLAC fact sheet.pdf" style)."""
    keep = "".join(c if c.isalnum() or c in " -_" else " " for c in report.title)
    return (" ".join(keep.split())[:60] or "SSE Ref") + ".pdf"


def export_pdf(
    parent: QWidget | None,
    db: Database,
    record_ids: Sequence[str],
    lang: str,
    *,
    paper: Paper | None = None,
    bilingual: str | None = None,
    meeting_name: str | None = None,
    folder: Path | None = None,
    notes: Mapping[str, str] | None = None,
) -> Path | None:
    """Asks for a file name (in `folder`, else Documents) and writes the PDF; returns its path,
    or None when cancelled."""
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    report = compose(
        db, record_ids, lang, bilingual=bilingual, meeting_name=meeting_name, notes=notes
    )
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    where = folder if folder is not None and folder.is_dir() else Path(documents or Path.home())
    start = str(where / suggested_file_name(report))
    name, _filter = QFileDialog.getSaveFileName(parent, _("Export PDF"), start, _("PDF (*.pdf)"))
    if not name:
        return None
    path = Path(name if name.lower().endswith(".pdf") else name + ".pdf")
    try:
        write_pdf(report, path, paper or default_paper())
    except safefile.WriteError as exc:  # already one sentence naming the path and why
        QMessageBox.warning(parent, _("Export PDF"), str(exc))
        return None
    except (OSError, SSERefError) as exc:
        QMessageBox.warning(
            parent, _("Export PDF"), _("The PDF could not be written: {error}").format(error=exc)
        )
        return None
    return path
