"""The Documents panel: resolutions, plans of action, reports… with symbol, date and issuer."""

from __future__ import annotations

from sseref.core.i18n import N_
from sseref.core.listing import ListFilter
from sseref.gui.labels import date_label, language_label, type_label
from sseref.gui.models import Column
from sseref.gui.panels.base import ListPanel
from sseref.gui.widgets import FilterCombo


class DocumentsPanel(ListPanel):
    """Documents filtered by type, year range, language and issuing body."""

    kind = "document"
    key = "documents"
    title = N_("Documents")

    def columns(self) -> list[Column]:
        return [
            Column("title", N_("Title")),
            Column("symbol", N_("Symbol")),
            Column("date", N_("Date")),
            Column("type", N_("Type")),
            Column("issuer", N_("Issuing body")),
        ]

    def build_filters(self) -> None:
        db = self.db
        self.type_combo = self.add_type_combo(N_("Document type"))
        self.language_combo = self.add_combo(
            FilterCombo(
                N_("All languages"),
                lambda: [(k, language_label(k)) for k in db.document_language_codes()],
                N_("Document language"),
            )
        )
        self.issuer_combo = self.add_combo(
            FilterCombo(N_("All issuing bodies"), self._issuer_choices, N_("Issuing body"))
        )
        self.add_year_range()

    def _issuer_choices(self) -> list[tuple[str, str]]:
        ids = self.db.facet_values("document", "issuing_body")
        titles = self.db.titles(ids, self.lang)
        return sorted(((i, titles.get(i, i)) for i in ids), key=lambda kv: kv[1].casefold())

    def current_filter(self) -> ListFilter:
        start, end = self.year_range.bounds() if self.year_range else (None, None)
        return ListFilter(
            text=self.search.text(),
            type=self.type_combo.value(),
            language=self.language_combo.value(),
            issuing_body=self.issuer_combo.value(),
            year_from=start,
            year_to=end,
        )

    def fetch(self, ids: list[str]) -> dict[str, dict[str, str | None]]:
        rows = self.db.rows(ids, self.lang)
        issuers = self.db.issuers(ids)
        titles = self.db.titles(list(issuers.values()), self.lang)
        return {
            r.id: {
                "title": r.title,
                "symbol": r.extra,
                "date": date_label(r.date_text, self.lang),
                "type": type_label(r.kind, r.type),
                "issuer": titles.get(issuers.get(r.id, ""), ""),
            }
            for r in rows
        }
