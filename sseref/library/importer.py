"""Imports files into the private library: hash, duplicate check, sandboxed extraction, copy, row.

The order makes a refused file leave nothing behind: the text is extracted (in the limited child
process) before anything is written; the copy is written atomically and checked against the
hash; if storing the row fails, the copy is removed again.
"""

from __future__ import annotations

import hashlib
import shutil
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from sseref.core.i18n import _
from sseref.core.safefile import WriteError, atomic_output
from sseref.core.userdata import UserDataError
from sseref.core.userdocs import Document, DocumentStore
from sseref.library.limits import DEFAULT_LIMITS, Limits
from sseref.library.sandbox import ExtractionError, extract_in_sandbox

IMPORTED, DUPLICATE, REFUSED = "imported", "duplicate", "refused"
CHUNK = 1024 * 1024


@dataclass(frozen=True)
class ImportOutcome:
    """What happened to one file: imported, a duplicate of a document, or refused (why)."""

    path: Path
    status: str
    message: str
    document: Document | None = None
    # Imported, but no text came out of it (a scan of pages): the report says so.
    textless: bool = False


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _refused(path: Path, message: str) -> ImportOutcome:
    return ImportOutcome(path, REFUSED, message)


def import_file(docs: DocumentStore, path: Path, limits: Limits = DEFAULT_LIMITS) -> ImportOutcome:
    """Imports one file; never raises for a bad file (the outcome says why it was refused)."""
    path = Path(path)
    try:
        info = path.stat()  # an explicit link is followed: the user chose it
    except OSError as exc:
        return _refused(path, _("The file cannot be read: {error}.").format(error=exc.strerror))
    if not stat.S_ISREG(info.st_mode):
        return _refused(path, _("This is not a regular file."))
    if info.st_size == 0:
        return _refused(path, _("The file is empty."))
    if info.st_size > limits.max_file_bytes:
        return _refused(
            path,
            _("The file is over the {size} MB limit.").format(
                size=limits.max_file_bytes // (1024 * 1024)
            ),
        )
    try:
        sha = file_sha256(path)
    except OSError as exc:
        return _refused(path, _("The file cannot be read: {error}.").format(error=exc.strerror))
    existing = docs.by_hash(sha)
    if existing is not None:
        return ImportOutcome(
            path,
            DUPLICATE,
            _("Already in your library as “{title}”.").format(title=existing.display_title),
            existing,
        )
    try:
        found = extract_in_sandbox(path, limits)
    except ExtractionError as exc:
        return _refused(path, str(exc))
    target = docs.file_path(sha, found.format)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        existed = target.exists()

        def same_content(tmp: Path) -> None:
            if file_sha256(tmp) != sha:
                raise WriteError(_("The file changed while it was being imported."))

        with atomic_output(target, verify=same_content) as tmp:
            with open(path, "rb") as src, open(tmp, "wb") as dst:
                shutil.copyfileobj(src, dst, CHUNK)
    except (WriteError, OSError) as exc:
        return _refused(path, str(exc))
    try:
        doc = docs.add(
            sha256=sha,
            file_name=path.name,
            fmt=found.format,
            size=info.st_size,
            text=found.text,
            title=found.title or path.stem,
            authors=found.authors,
            date=found.date,
            language=found.language or "",
            pages=found.pages,
            page_starts=found.page_starts,
        )
    except UserDataError as exc:
        if not existed:
            target.unlink(missing_ok=True)
        return _refused(path, str(exc))
    if found.text.strip():
        message = _("Imported as “{title}”.").format(title=doc.title)
    else:  # a scan: kept and listed, but nothing in it can be found by a search
        message = _(
            "Imported as “{title}”, but it holds no text (a scan of pages?): search cannot "
            "find words in it."
        ).format(title=doc.title)
    return ImportOutcome(path, IMPORTED, message, doc, textless=not found.text.strip())


def import_files(
    docs: DocumentStore,
    paths: Iterable[Path],
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> list[ImportOutcome]:
    """Imports each file in turn (folders: the files in them); stops between files on cancel."""
    files = list(expand(paths))
    outcomes: list[ImportOutcome] = []
    for done, path in enumerate(files):
        if cancelled is not None and cancelled():
            break
        if progress is not None:
            progress(done, len(files))
        outcomes.append(import_file(docs, path, limits))
    if progress is not None:
        progress(len(outcomes), len(files))
    return outcomes


def expand(paths: Iterable[Path]) -> Iterable[Path]:
    """The files named, and the files directly inside any folder named (links not followed)."""
    for path in paths:
        path = Path(path)
        if path.is_dir() and not path.is_symlink():
            yield from sorted(p for p in path.iterdir() if p.is_file() and not p.is_symlink())
        else:
            yield path


def tally(outcomes: list[ImportOutcome]) -> dict[str, int]:
    counts = {IMPORTED: 0, DUPLICATE: 0, REFUSED: 0}
    for outcome in outcomes:
        counts[outcome.status] += 1
    return counts


@dataclass(frozen=True)
class ReindexOutcome:
    """One document read again from its kept original: its passages now, or why not."""

    document: Document
    passages: int
    problem: str = ""


def reindex(
    docs: DocumentStore,
    only: Iterable[str] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[ReindexOutcome]:
    """Extracts each document's kept copy again (in the sandbox) and replaces its text and
    passages: after an upgrade of the readers, or for a library imported before passages.
    Stops between documents on cancel (a document is replaced whole or not at all)."""
    wanted = set(only) if only is not None else None
    chosen = [d for d in docs.documents() if wanted is None or d.sha256 in wanted]
    outcomes: list[ReindexOutcome] = []
    for done, doc in enumerate(chosen):
        if cancelled is not None and cancelled():
            break
        if progress is not None:
            progress(done, len(chosen))
        path = docs.file_path(doc.sha256, doc.format)
        if not path.is_file():
            outcomes.append(ReindexOutcome(doc, 0, _("The original file is missing.")))
            continue
        try:
            found = extract_in_sandbox(path, limits)
            count = docs.replace_text(doc.sha256, found.text, found.page_starts)
        except (ExtractionError, UserDataError) as exc:
            outcomes.append(ReindexOutcome(doc, 0, str(exc)))
            continue
        outcomes.append(ReindexOutcome(doc, count))
    if progress is not None:
        progress(len(outcomes), len(chosen))
    return outcomes
