"""The Initiatives panel: programmes, platforms, funds, working groups and good practices."""

from __future__ import annotations

from sseref.core.i18n import N_
from sseref.core.listing import ListFilter
from sseref.gui.labels import date_label, type_label
from sseref.gui.models import Column
from sseref.gui.panels.base import ListPanel


class InitiativesPanel(ListPanel):
    """Initiatives filtered by type and theme."""

    kind = "initiative"
    key = "initiatives"
    title = N_("Initiatives")

    def columns(self) -> list[Column]:
        return [
            Column("title", N_("Name")),
            Column("acronym", N_("Acronym")),
            Column("type", N_("Type")),
            Column("date", N_("Date")),
        ]

    def build_filters(self) -> None:
        self.type_combo = self.add_type_combo(N_("Initiative type"))
        self.theme_combo = self.add_theme_combo()

    def current_filter(self) -> ListFilter:
        return ListFilter(
            text=self.search.text(), type=self.type_combo.value(), theme=self.theme_combo.value()
        )

    def fetch(self, ids: list[str]) -> dict[str, dict[str, str | None]]:
        return {
            r.id: {
                "title": r.title,
                "acronym": r.acronym,
                "type": type_label(r.kind, r.type),
                "date": date_label(r.date_text, self.lang),
            }
            for r in self.db.rows(ids, self.lang)
        }
