"""Paper sizes: A4 or US Letter, with the default taken from the user's locale."""

from __future__ import annotations

import os
from enum import StrEnum


class Paper(StrEnum):
    """The two paper sizes the sheets are laid out for."""

    A4 = "a4"
    LETTER = "letter"


# Countries (ISO 3166) where US Letter is the usual office paper.
LETTER_COUNTRIES = frozenset(
    {"US", "CA", "MX", "CL", "CO", "VE", "PH", "PR", "CR", "GT", "SV", "HN", "NI", "PA", "DO", "BZ"}
)


def paper_for_locale(locale_name: str | None) -> Paper:
    """`en_US.UTF-8` → Letter, `fr_FR` → A4; anything unknown → A4."""
    if not locale_name:
        return Paper.A4
    base = locale_name.split(".")[0].split("@")[0].replace("-", "_")
    parts = base.split("_")
    country = parts[1].upper() if len(parts) > 1 else ""
    return Paper.LETTER if country in LETTER_COUNTRIES else Paper.A4


def default_paper(environ: dict[str, str] | None = None) -> Paper:
    """The paper of the environment's locale (LC_PAPER, then LC_ALL, then LANG)."""
    env = os.environ if environ is None else environ
    for var in ("LC_PAPER", "LC_ALL", "LANG"):
        if env.get(var):
            return paper_for_locale(env[var])
    return Paper.A4


def parse_paper(value: str | Paper | None) -> Paper:
    """Accepts "a4", "A4", "letter", "us-letter"; None means the locale's default."""
    if value is None:
        return default_paper()
    if isinstance(value, Paper):
        return value
    text = value.strip().lower().replace("us-", "").replace("us_", "")
    try:
        return Paper(text)
    except ValueError:
        raise ValueError(f"unknown paper size '{value}' (use a4 or letter)") from None
