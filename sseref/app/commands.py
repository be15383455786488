"""The subcommands other layers provide, loaded only when named (`sseref --help` loads none)."""

from __future__ import annotations

import argparse
import importlib
from typing import Any

from sseref.core.i18n import N_, _

# name → (the module whose `register(sub)` adds it, the line `sseref --help` shows).
# A module may register several names (it is imported once, for whichever is asked).
COMMANDS: dict[str, tuple[str, str]] = {
    "factsheet": (
        "sseref.app.factsheet_cli",
        N_("write the fact sheet of one record, or a meeting pack of several, as PDF"),
    ),
    "self-test": (
        "sseref.app.selftest",
        N_("check that this installation works (exit code 0 or 1)"),
    ),
    "search": ("sseref.app.search_cli", N_("search every record (EN/ES/FR, acronyms, symbols)")),
    "bench": ("sseref.app.bench_cli", N_("benchmarks (search, …)")),
    "library": (
        "sseref.app.library_cli",
        N_("your own documents: import, list, remove, reindex, extract"),
    ),
    "document": ("sseref.app.library_cli", N_("the same as `sseref library`")),
    "import": ("sseref.app.library_cli", N_("import files into your library of documents")),
    "pack": ("sseref.app.pack_cli", N_("signed data packs: build, verify, apply, roll back")),
    "serve": (
        "sseref.app.serve_cli",
        N_("share the reference read-only with the browsers of the room"),
    ),
    "user": ("sseref.app.user_cli", N_("export, import or count your own data")),
    "notes": ("sseref.app.user_cli", N_("your notes and tags")),
}


def register(sub: Any, command: str | None) -> None:
    """Registers `command` for real (its module is imported) and the others as names with their
    help line, so `sseref --help` lists every command without importing any of them."""
    if command in COMMANDS:
        importlib.import_module(COMMANDS[command][0]).register(sub)
    for name, (_module, help_line) in COMMANDS.items():
        if name not in sub.choices:
            sub.add_parser(name, help=_(help_line), add_help=False)


__all__ = ["register", "argparse"]
