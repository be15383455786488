"""Readers for each format a user can import: text and metadata, within `Limits`.

Run inside the extraction process (`sseref.library.worker`), never in the window's process:
a reader may meet a hostile file. XML is parsed with defusedxml (no entities, no external
references); zip containers are checked before anything is inflated.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from sseref.core.i18n import N_
from sseref.library.limits import DEFAULT_LIMITS, ExtractionRefused, Limits
from sseref.library.textutil import clean_line, clean_text, guess_language, join_blocks

ENCRYPTED = N_("the PDF is encrypted (it opens only with its password)")

FORMATS = ("pdf", "docx", "odt", "epub", "html", "md", "txt")
SUFFIXES = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".odt": "odt",
    ".epub": "epub",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "md",
    ".markdown": "md",
    ".txt": "txt",
    ".text": "txt",
}


@dataclass
class Extracted:
    """What a file says about itself: its text and the metadata it carries (empty if none)."""

    format: str
    text: str
    title: str = ""
    authors: list[str] = field(default_factory=list)
    date: str = ""  # ISO: YYYY, YYYY-MM or YYYY-MM-DD, as precise as the file says
    language: str | None = None
    pages: int | None = None
    truncated: bool = False
    # [page number, offset in `text`] where each page's text starts (PDFs; pages with no text
    # are left out), so the library can keep one passage per page.
    page_starts: list[list[int]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def format_of(path: Path, head: bytes) -> str:
    """The format by the file's name, checked against its first bytes."""
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(SUFFIXES))
        raise ExtractionRefused(
            N_("'{suffix}' files cannot be imported (known types: {known})"),
            suffix=path.suffix or path.name,
            known=known,
        )
    if fmt == "pdf" and not head.lstrip()[:5] == b"%PDF-":
        raise ExtractionRefused(N_("the file is named .pdf but is not a PDF"))
    if fmt in ("docx", "odt", "epub") and not head.startswith(b"PK"):
        raise ExtractionRefused(
            N_("the file is named .{suffix} but is not a {format} package"),
            suffix=fmt,
            format=fmt.upper(),
        )
    return fmt


def extract(path: Path, limits: Limits = DEFAULT_LIMITS) -> Extracted:
    """Reads `path` whole (it is already a private copy) and returns its text and metadata."""
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise ExtractionRefused(
            N_("the file is {size} MB; files over {limit} MB are not imported"),
            size=size // 1_000_000,
            limit=limits.max_file_bytes // 1_000_000,
        )
    data = path.read_bytes()
    fmt = format_of(path, data[:1024])
    result = _READERS[fmt](data, limits)
    result.text = clean_text(result.text)
    if len(result.text) > limits.max_text_chars:
        result.text, result.truncated = result.text[: limits.max_text_chars], True
    result.title = clean_line(result.title)
    result.authors = [a for a in (clean_line(a, 200) for a in result.authors) if a][:20]
    result.language = result.language or guess_language(result.text)
    if not result.title:
        first = next((line for line in result.text.split("\n") if line.strip()), "")
        result.title = clean_line(first, 160) or path.stem
    return result


# --- dates ------------------------------------------------------------------------------------


def _iso_date(value: object) -> str:
    """An ISO date prefix (YYYY[-MM[-DD]]) from a datetime or a metadata string, else ''."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    text = str(value or "").strip()
    if text.startswith("D:"):  # PDF date strings: D:YYYYMMDDHHmmSS
        digits = "".join(ch for ch in text[2:10] if ch.isdigit())
        parts = [digits[:4], digits[4:6], digits[6:8]]
        return "-".join(p for p in parts if p)
    head = text[:10]
    for width in (10, 7, 4):
        candidate = head[:width]
        try:
            datetime.strptime(candidate, {10: "%Y-%m-%d", 7: "%Y-%m", 4: "%Y"}[width])
        except ValueError:
            continue
        return candidate
    return ""


# --- text encodings and HTML ------------------------------------------------------------------


def decode(data: bytes) -> str:
    """Text in whatever encoding it came in (BOMs honoured, else charset-normalizer's guess)."""
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:2_000_000]).best()
    return str(best) if best is not None else data.decode("latin-1")


class _HTMLText(HTMLParser):
    """Collects the visible text of an HTML page and its title, author, date and language."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head"})
    _BLOCKS = frozenset(
        "p div br li h1 h2 h3 h4 h5 h6 tr td th section article blockquote pre dt dd".split()
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self.meta: dict[str, str] = {}
        self.lang = ""
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        if tag == "html" and values.get("lang"):
            self.lang = values["lang"]
        if tag == "meta" and values.get("name"):
            self.meta.setdefault(values["name"].lower(), values.get("content", ""))
        if tag == "title":
            self._in_title = True
        if tag in self._SKIP:
            self._skip += 1
        if tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in self._SKIP and self._skip:
            self._skip -= 1
        if tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.parts.append(data)


# Elements whose content is never text a reader sees (scripts, frames, embedded objects…):
# nh3 drops them with what they hold; every other tag is dropped and its text kept.
_NO_TEXT_TAGS = frozenset(
    "script style noscript template svg math iframe frame frameset noframes object embed "
    "applet noembed head title xmp select textarea button canvas audio video".split()
)


def sanitized(markup: str) -> str:
    """The markup reduced by nh3 to text blocks: no script, style, frame or remote reference
    survives (no attribute at all is kept, so no address can be followed)."""
    import nh3

    return nh3.clean(
        markup,
        tags=set(_HTMLText._BLOCKS),
        clean_content_tags=set(_NO_TEXT_TAGS),
        attributes={},
        url_schemes=set(),
        link_rel=None,
        strip_comments=True,
    )


def html_text(markup: str) -> _HTMLText:
    """The page's title, metadata and language (from its head) and its visible text (from the
    nh3-sanitized markup)."""
    head = _HTMLText()
    head.feed(markup)
    head.close()
    body = _HTMLText()
    body.feed(sanitized(markup))
    body.close()
    head.parts = body.parts
    return head


def _lang_code(value: str) -> str | None:
    code = value.strip().lower()[:2]
    return code if code in ("en", "es", "fr") else None


# --- readers ----------------------------------------------------------------------------------


def _read_txt(data: bytes, limits: Limits) -> Extracted:
    return Extracted("txt", decode(data))


def _read_md(data: bytes, limits: Limits) -> Extracted:
    from markdown_it import MarkdownIt

    source = decode(data)
    tokens = MarkdownIt("commonmark").parse(source)
    title = next(
        (tokens[i + 1].content for i, t in enumerate(tokens[:-1]) if t.type == "heading_open"),
        "",
    )
    # The text a reader sees: Markdown rendered (html_inline is escaped by commonmark), then
    # reduced to its visible words.
    rendered = MarkdownIt("commonmark", {"html": False}).render(source)
    return Extracted("md", "".join(html_text(rendered).parts), title=title)


def _read_html(data: bytes, limits: Limits) -> Extracted:
    page = html_text(decode(data))
    author = page.meta.get("author", "")
    date = page.meta.get("date") or page.meta.get("dcterms.date") or page.meta.get("dc.date", "")
    return Extracted(
        "html",
        "".join(page.parts),
        title=page.title,
        authors=[author] if author else [],
        date=_iso_date(date),
        language=_lang_code(page.lang),
    )


def _read_pdf(data: bytes, limits: Limits) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        # An owner password alone (no password to open) is decrypted with "" and read.
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionRefused(ENCRYPTED)
        count = len(reader.pages)
    except (FileNotDecryptedError, DependencyError) as exc:
        raise ExtractionRefused(ENCRYPTED) from exc
    except PdfReadError as exc:
        raise ExtractionRefused(N_("the PDF is damaged and cannot be read")) from exc
    if count > limits.max_pdf_pages:
        raise ExtractionRefused(
            N_("the PDF has {count} pages; the limit is {limit}"),
            count=count,
            limit=limits.max_pdf_pages,
        )
    pages: list[str] = []
    starts: list[list[int]] = []
    total = 0
    for number, page in enumerate(reader.pages, 1):
        try:
            text = clean_text(page.extract_text() or "")
        except Exception:  # noqa: BLE001 - one broken page must not lose the others
            text = ""
        if not text:
            continue
        starts.append([number, total])
        pages.append(text)
        total += len(text) + 2  # the blank line that joins pages
        if total > limits.max_text_chars:
            break
    meta: dict[str, Any] = dict(reader.metadata or {})
    author = str(meta.get("/Author") or "")
    return Extracted(
        "pdf",
        "\n\n".join(pages),
        title=str(meta.get("/Title") or ""),
        authors=[a.strip() for a in author.replace(";", ",").split(",") if a.strip()],
        date=_iso_date(meta.get("/CreationDate")),
        pages=count,
        page_starts=starts,
    )


def checked_zip(data: bytes, limits: Limits) -> zipfile.ZipFile:
    """A zip container whose declared sizes stay within `limits` (zip bombs refused unread)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ExtractionRefused(N_("the file is a damaged package (not a valid zip)")) from exc
    if len(members) > limits.max_zip_members:
        raise ExtractionRefused(
            N_("the package holds {count} files; too many to open"), count=len(members)
        )
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > 1_000_000 and ratio > limits.max_zip_ratio:
            raise ExtractionRefused(N_("the package inflates far beyond its size (a zip bomb)"))
    if total > limits.max_unzipped_bytes:
        raise ExtractionRefused(N_("the package inflates to more than the limit of what is read"))
    return archive


def _xml(archive: zipfile.ZipFile, name: str) -> Any:
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    try:
        return ElementTree.fromstring(archive.read(name))
    except KeyError as exc:
        raise ExtractionRefused(N_("the package has no {name}"), name=name) from exc
    except (DefusedXmlException, ElementTree.ParseError) as exc:
        raise ExtractionRefused(
            N_("{name} in the package is not safe, well-formed XML"), name=name
        ) from exc


def _read_docx(data: bytes, limits: Limits) -> Extracted:
    archive = checked_zip(data, limits)
    word = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    body = _xml(archive, "word/document.xml")
    paragraphs = ["".join(t.text or "" for t in p.iter(f"{word}t")) for p in body.iter(f"{word}p")]
    title, authors, date = "", [], ""
    if "docProps/core.xml" in archive.namelist():
        core = _xml(archive, "docProps/core.xml")
        dc, terms = "{http://purl.org/dc/elements/1.1/}", "{http://purl.org/dc/terms/}"
        title = core.findtext(f"{dc}title") or ""
        authors = [core.findtext(f"{dc}creator") or ""]
        date = _iso_date(core.findtext(f"{terms}created"))
    return Extracted("docx", join_blocks(paragraphs), title=title, authors=authors, date=date)


def _read_odt(data: bytes, limits: Limits) -> Extracted:
    archive = checked_zip(data, limits)
    text_ns = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
    content = _xml(archive, "content.xml")
    blocks = [
        "".join(node.itertext())
        for node in content.iter()
        if node.tag in (f"{text_ns}p", f"{text_ns}h")
    ]
    title, authors, date, language = "", [], "", None
    if "meta.xml" in archive.namelist():
        meta = _xml(archive, "meta.xml")
        dc = "{http://purl.org/dc/elements/1.1/}"
        office = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
        title = meta.findtext(f".//{dc}title") or ""
        creator = meta.findtext(f".//{office}initial-creator") or meta.findtext(f".//{dc}creator")
        authors = [creator or ""]
        date = _iso_date(
            meta.findtext(f".//{office}creation-date") or meta.findtext(f".//{dc}date")
        )
        language = _lang_code(meta.findtext(f".//{dc}language") or "")
    return Extracted(
        "odt", join_blocks(blocks), title=title, authors=authors, date=date, language=language
    )


def _read_epub(data: bytes, limits: Limits) -> Extracted:
    archive = checked_zip(data, limits)
    names = set(archive.namelist())
    container = _xml(archive, "META-INF/container.xml")
    rootfile = next(
        (e.get("full-path") for e in container.iter() if e.tag.endswith("rootfile")), None
    )
    if not rootfile or rootfile not in names:
        raise ExtractionRefused(N_("the EPUB names no package document"))
    opf = _xml(archive, rootfile)
    base = posixpath.dirname(rootfile)
    dc = "{http://purl.org/dc/elements/1.1/}"
    manifest = {
        item.get("id"): posixpath.normpath(posixpath.join(base, item.get("href") or ""))
        for item in opf.iter()
        if item.tag.endswith("}item")
    }
    chapters: list[str] = []
    total = 0
    for ref in (e for e in opf.iter() if e.tag.endswith("}itemref")):
        name = manifest.get(ref.get("idref"))
        if not name or name not in names:  # only members of this archive, never a path
            continue
        text = "".join(html_text(decode(archive.read(name))).parts)
        chapters.append(text)
        total += len(text)
        if total > limits.max_text_chars:
            break
    return Extracted(
        "epub",
        join_blocks(chapters),
        title=opf.findtext(f".//{dc}title") or "",
        authors=[e.text or "" for e in opf.iter(f"{dc}creator")],
        date=_iso_date(opf.findtext(f".//{dc}date")),
        language=_lang_code(opf.findtext(f".//{dc}language") or ""),
    )


_READERS: dict[str, Callable[[bytes, Limits], Extracted]] = {
    "pdf": _read_pdf,
    "docx": _read_docx,
    "odt": _read_odt,
    "epub": _read_epub,
    "html": _read_html,
    "md": _read_md,
    "txt": _read_txt,
}
