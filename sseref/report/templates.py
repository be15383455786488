"""The Jinja2 templates, stylesheet and fonts of the sheets, in resources/factsheets/."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from markupsafe import Markup

from sseref.core.paths import resources_dir
from sseref.report.render import render

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


def stylesheet() -> Markup:
    """The sheets' CSS (our own file: inserted as it is)."""
    return Markup(_read("sheet.css"))


def fill(name: str, **values: Any) -> Markup:
    """Template `name` (e.g. "sheet.html") filled in; text values are escaped by the engine."""
    return render(f"{FOLDER}/{name}", **values)
