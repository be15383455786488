"""Outputs derived from a fresh database at build time: compiled catalogs and the shipped index."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def post_build_steps() -> list[Callable[[Path], None]]:
    """Steps run after the database is written, in order."""
    return []
