"""The Organizations panel: name, acronym, type, region, founded and UNTFSSE role."""

from __future__ import annotations

from sseref.core.i18n import N_, _
from sseref.core.listing import ListFilter
from sseref.gui.labels import date_label, region_label, role_label, type_label
from sseref.gui.models import Column
from sseref.gui.panels.base import ListPanel
from sseref.gui.widgets import FilterCombo

UNTFSSE_ID = "org/untfsse"


class OrganizationsPanel(ListPanel):
    """Every organization, sortable by each column and filterable by type, region, theme,
    UNTFSSE role and country (the country of its seat)."""

    kind = "organization"
    key = "organizations"
    title = N_("Organizations")

    def columns(self) -> list[Column]:
        return [
            Column("title", N_("Name")),
            Column("acronym", N_("Acronym")),
            Column("type", N_("Type")),
            Column("region", N_("Region")),
            Column("founded", N_("Founded"), "date"),
            Column("role", N_("UNTFSSE role")),
        ]

    def build_filters(self) -> None:
        self.type_combo = self.add_type_combo(N_("Organization type"))
        self.region_combo = self.add_region_combo()
        self.theme_combo = self.add_theme_combo()
        self.role_combo = self.add_combo(
            FilterCombo(
                N_("Any UNTFSSE role"),
                lambda: [
                    ("member_of", role_label("member_of")),
                    ("observer_of", role_label("observer_of")),
                    ("any", _("Member or observer")),
                    ("none", _("Neither")),
                ],
                N_("UNTFSSE role"),
            )
        )
        # Last, so that the filters remembered from earlier versions keep their places.
        self.country_combo = self.add_country_combo()

    def current_filter(self) -> ListFilter:
        return ListFilter(
            text=self.search.text(),
            type=self.type_combo.value(),
            region=self.region_combo.value(),
            theme=self.theme_combo.value(),
            role_target=UNTFSSE_ID,
            role=self.role_combo.value(),
            country=self.country_combo.value(),
        )

    def fetch(self, ids: list[str]) -> dict[str, dict[str, str | None]]:
        roles = self.db.roles(UNTFSSE_ID)
        return {
            r.id: {
                "title": r.title,
                "acronym": r.acronym,
                "type": type_label(r.kind, r.type),
                "region": region_label(r.region),
                "founded": date_label(r.date_text, self.lang),
                "role": role_label(roles.get(r.id)),
            }
            for r in self.db.rows(ids, self.lang)
        }
