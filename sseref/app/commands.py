"""Registers the subcommands that other layers provide (search, fact sheets, self-test, bench)."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    """Adds the optional subcommands to the `sseref` parser."""
    from sseref.app import factsheet_cli

    factsheet_cli.register(sub)
    from sseref.app import selftest

    selftest.register(sub)
    from sseref.app import bench_search, search_cli

    search_cli.register(sub)
    bench_search.register(sub)
    from sseref.app import user_cli

    user_cli.register(sub)
    del sub  # filled in as the search, report and packaging layers arrive


__all__ = ["register", "argparse"]
