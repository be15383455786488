"""The Countries panel: each country's ISO code, region, and what the data links to it."""

from __future__ import annotations

from sseref.core.i18n import N_
from sseref.core.listing import ListFilter
from sseref.gui.labels import number_label, region_label
from sseref.gui.models import Column
from sseref.gui.panels.base import ListPanel, sort_by

# Column key → (relation type, direction seen from the country): what each count counts.
COUNTS = {
    "frameworks": ("has_framework", "out"),  # its SSE laws, policies and strategies
    "bodies": ("has_national_body", "out"),  # its national SSE bodies
    "based": ("based_in", "in"),  # organizations whose seat is there
}


class CountriesPanel(ListPanel):
    """Countries with their SSE laws and policies, national bodies and organizations based
    there (counts), filterable by region and theme; every column sorts."""

    kind = "country"
    key = "countries"
    title = N_("Countries")
    stretch_share = 0.2  # country names are short: the counts keep their titles readable

    def columns(self) -> list[Column]:
        return [
            Column("title", N_("Name")),
            Column("iso", N_("ISO code"), "iso_code"),
            Column("region", N_("Region")),
            Column("frameworks", N_("Laws and policies")),
            Column("bodies", N_("National bodies")),
            Column("based", N_("Based there")),
        ]

    def build_filters(self) -> None:
        self.region_combo = self.add_region_combo()
        self.theme_combo = self.add_theme_combo()

    def current_filter(self) -> ListFilter:
        return ListFilter(
            text=self.search.text(),
            region=self.region_combo.value(),
            theme=self.theme_combo.value(),
        )

    def counts(self, country_id: str) -> dict[str, int]:
        """How many records each count column links to this country."""
        links: set[tuple[str, str]] = set()  # a link stored twice counts once
        found = dict.fromkeys(COUNTS, 0)
        for rel in self.db.relations(country_id, self.lang):
            for key, wanted in COUNTS.items():
                if (rel.type, rel.direction) == wanted and (key, rel.other_id) not in links:
                    links.add((key, rel.other_id))
                    found[key] += 1
        return found

    def query(self, order: str, descending: bool) -> list[str]:
        if order not in COUNTS and order != "iso_code":
            return super().query(order, descending)
        ids = super().query("natural", False)
        if order == "iso_code":
            iso = {r.id: r.extra for r in self.db.rows(ids, self.lang)}
            return sort_by(ids, lambda i: iso.get(i), descending)
        return sort_by(ids, lambda i: self.counts(i)[order], descending)

    def fetch(self, ids: list[str]) -> dict[str, dict[str, str | None]]:
        rows: dict[str, dict[str, str | None]] = {}
        for r in self.db.rows(ids, self.lang):
            counts = self.counts(r.id)
            rows[r.id] = {
                "title": r.title,
                "iso": r.extra,
                "region": region_label(r.region),
                **{key: number_label(n) if n else "" for key, n in counts.items()},
            }
        return rows
