"""The HTML templates and stylesheet of the sheets, read from resources/factsheets/."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from string import Template

from sseref.core.paths import resources_dir

FOLDER = "factsheets"
FONT_FILES = (
    "DejaVuSerif.ttf",
    "DejaVuSerif-Bold.ttf",
    "DejaVuSerif-Italic.ttf",
    "DejaVuSansCondensed.ttf",
    "DejaVuSansCondensed-Bold.ttf",
)
BODY_FAMILY = "DejaVu Serif"
HEAD_FAMILY = "DejaVu Sans Condensed"
BODY_POINT_SIZE = 9.5  # keep in step with `body` in sheet.css


def factsheets_dir() -> Path:
    return resources_dir() / FOLDER


def font_paths() -> list[Path]:
    """The bundled font files (the PDF embeds them; they cover Latin with accents and quotes)."""
    return [factsheets_dir() / "fonts" / name for name in FONT_FILES]


@lru_cache(maxsize=16)
def _read(name: str) -> str:
    return (factsheets_dir() / name).read_text(encoding="utf-8")


def stylesheet() -> str:
    return _read("sheet.css")


def fill(name: str, **values: str) -> str:
    """Template `name` (e.g. "sheet.html") with `$placeholders` replaced by `values`."""
    return Template(_read(name)).substitute(values)
