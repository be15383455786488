"""The Glossary panel: each term in English, Spanish and French side by side."""

from __future__ import annotations

from sseref.core.i18n import N_
from sseref.core.listing import ListFilter
from sseref.gui.models import Column
from sseref.gui.panels.base import ListPanel


class GlossaryPanel(ListPanel):
    """Terms with their names in the three languages and a theme filter."""

    kind = "term"
    key = "glossary"
    title = N_("Glossary")

    stretch_key = "summary"  # the definitions take the room; the names fit their words
    stretch_share = 0.25

    def columns(self) -> list[Column]:
        return [
            Column("en", N_("English"), "title"),
            Column("es", N_("Spanish"), "title"),
            Column("fr", N_("French"), "title"),
            Column("summary", N_("Definition"), "title"),
        ]

    def ensure_loaded(self) -> None:
        """Gives the three languages equal room; the definition takes what is left."""
        first = not self._loaded
        super().ensure_loaded()
        if first:
            for column in range(3):
                self.table.setColumnWidth(column, 200)

    def build_filters(self) -> None:
        self.theme_combo = self.add_theme_combo()

    def current_filter(self) -> ListFilter:
        return ListFilter(text=self.search.text(), theme=self.theme_combo.value())

    def fetch(self, ids: list[str]) -> dict[str, dict[str, str | None]]:
        names = self.db.names_by_language(ids)
        summaries = self.db.summaries(ids, self.lang)
        return {
            i: {
                **{
                    lang: (n.name + (f" ({n.acronym})" if n.acronym else ""))
                    for lang, n in names.get(i, {}).items()
                },
                "summary": summaries.get(i, ""),
            }
            for i in ids
        }
