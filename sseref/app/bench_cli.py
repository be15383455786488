"""`sseref bench …`: the benchmarks of a source checkout (benchmarks/), loaded only when named.

They are not part of the shipped package: an installed or frozen program says so instead.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from types import ModuleType
from typing import Any

from sseref.core import paths
from sseref.core.i18n import _

EXIT_FAIL = 1


def load_benchmarks() -> ModuleType | None:
    """The checkout's search benchmark module, or None (frozen program, installed package)."""
    root = paths.checkout_root()
    if paths.is_frozen() or root is None or not (root / "benchmarks" / "__init__.py").is_file():
        return None
    if str(root) not in sys.path:  # the checkout itself, as its scripts do
        sys.path.insert(0, str(root))
    return importlib.import_module("benchmarks.bench_search")


def cmd_absent(_args: argparse.Namespace) -> int:
    print(
        "sseref bench: "
        + _(
            "the benchmarks are not part of this installation; run them from a source "
            "checkout of SSE Ref (the benchmarks/ folder)."
        ),
        file=sys.stderr,
    )
    return EXIT_FAIL


def register(sub: Any) -> None:
    """Adds `sseref bench` with the checkout's benchmarks, or one that says they are absent."""
    module = load_benchmarks()
    if module is not None:
        module.register(sub)
        return
    bench = sub.add_parser("bench", help=_("benchmarks (search, …)"))
    bench.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    bench.set_defaults(handler=cmd_absent)
