"""Report layer: fact sheets as HTML from records (no Qt).

`compose()` turns record ids and a language into a `ReportDocument`: the HTML of one sheet or of
a meeting pack (cover, contents, one sheet per record), with running heads and footer text for
the printing code in `sseref.gui.printing`.

The package exports its main names plainly. (They used to be loaded on first use; a submodule
imported before them then shadowed the function `compose` with the module `compose`, and which
one a caller got depended on import order.)
"""

from __future__ import annotations

from sseref.report.compose import Part, ReportDocument, check_ids, compose, data_as_of
from sseref.report.paper import Paper, default_paper, paper_for_locale, parse_paper

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
