"""Report layer: fact sheets as HTML from records (no Qt).

`compose()` turns record ids and a language into a `ReportDocument`: the HTML of one sheet or of
a meeting pack (cover, contents, one sheet per record), with running heads and footer text for
the printing code in `sseref.gui.printing`.

The names below are loaded on first use, so that importing one small module of this package
(`sseref.report.i18n`, say) does not load the whole fact-sheet
machinery.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sseref.report.compose import Part, ReportDocument, check_ids, compose, data_as_of
    from sseref.report.paper import Paper, default_paper, paper_for_locale, parse_paper

_EXPORTS = {
    "sseref.report.compose": ("Part", "ReportDocument", "check_ids", "compose", "data_as_of"),
    "sseref.report.paper": ("Paper", "default_paper", "paper_for_locale", "parse_paper"),
}
_MODULE_OF = {name: module for module, names in _EXPORTS.items() for name in names}

__all__ = [
    "Paper",
    "Part",
    "ReportDocument",
    "check_ids",
    "compose",
    "data_as_of",
    "default_paper",
    "paper_for_locale",
    "parse_paper",
]


def __getattr__(name: str) -> Any:
    module_name = _MODULE_OF.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(module_name)
    # Bind every name of that module at once: importing `sseref.report.compose` has just set
    # the attribute `compose` to the submodule, and the function must win, as it always did.
    for export in _EXPORTS[module_name]:
        globals()[export] = getattr(module, export)
    return globals()[name]
