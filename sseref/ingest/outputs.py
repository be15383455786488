"""Outputs derived at build time beside the database: compiled catalogs and the shipped index.

Each step says whether its output is stale, so `sseref build-data --if-stale` redoes only what
changed. Add a step by appending an `OutputStep` in `post_build_steps()`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from sseref.core import paths


@dataclass(frozen=True)
class OutputStep:
    """One derived output: a name for messages, a staleness check, and the builder."""

    name: str
    is_stale: Callable[[Path], bool]
    run: Callable[[Path], None]


def _po_files() -> list[Path]:
    return sorted((paths.resources_dir() / "locale").glob("*/LC_MESSAGES/*.po"))


def _mo_for(po: Path) -> Path:
    relative = po.relative_to(paths.resources_dir() / "locale").with_suffix(".mo")
    return paths.generated_dir() / "locale" / relative


def catalogs_stale(_database: Path) -> bool:
    return any(
        not _mo_for(po).exists() or _mo_for(po).stat().st_mtime < po.stat().st_mtime
        for po in _po_files()
    )


def compile_catalogs(_database: Path) -> None:
    """Compiles every resources/locale/*/LC_MESSAGES/*.po into generated/locale (Babel)."""
    for po in _po_files():
        with po.open("rb") as handle:
            catalog = read_po(handle)
        mo = _mo_for(po)
        mo.parent.mkdir(parents=True, exist_ok=True)
        tmp = mo.with_suffix(".mo.tmp")
        with tmp.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        tmp.replace(mo)


def post_build_steps() -> list[OutputStep]:
    """Steps run after the database is written (and by --if-stale when their output is old)."""
    from sseref.ingest import search_index

    return [
        OutputStep("translation catalogs", catalogs_stale, compile_catalogs),
        OutputStep("search index", search_index.index_stale, search_index.build_shipped_index),
    ]
