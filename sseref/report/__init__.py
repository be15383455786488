"""Report layer: fact sheets as HTML from records (no Qt).

`compose.compose()` turns record ids and a language into a `ReportDocument`: the HTML of one
sheet or of a meeting pack (cover, contents, one sheet per record), with running heads and
footer text for the printing code in `sseref.gui.printing`; `paper` holds the page sizes.

The package imports nothing itself: callers import the submodule they use (`report.compose`,
`report.paper`, `report.i18n`), so the window's label translator does not pull in Jinja2 and
every template before the first frame, and a name can never be shadowed by a submodule of the
same name depending on import order.
"""
