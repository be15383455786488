"""Limits that keep a hostile file from exhausting the machine while its text is extracted."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Bounds for one extraction; the defaults suit a field laptop and real-world papers."""

    max_file_bytes: int = 200 * 1024 * 1024  # larger files are refused before they are read
    max_text_chars: int = 5_000_000  # the extracted text is cut here (about 2,500 pages)
    max_unzipped_bytes: int = 300 * 1024 * 1024  # DOCX/ODT/EPUB: total declared member sizes
    max_zip_ratio: int = 200  # a member that inflates more than this is a zip bomb
    max_zip_members: int = 10_000
    max_pdf_pages: int = 3_000
    memory_bytes: int = 1024 * 1024 * 1024  # address space of the extraction process
    cpu_seconds: int = 60
    wall_seconds: float = 90.0


DEFAULT_LIMITS = Limits()


class ExtractionRefused(Exception):
    """The file is refused (too large, a zip bomb, not the format it claims): a plain sentence.

    The reader runs in a process of its own, which does not know the user's language: it
    sends the message untranslated (an `N_`-marked text with `{name}` fields) and its values,
    and the importer translates it (`sseref.library.sandbox`)."""

    def __init__(self, message: str, **values: str | int) -> None:
        self.message = message
        self.values = values
        super().__init__(message.format(**values))
