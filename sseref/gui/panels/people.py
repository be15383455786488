"""The People panel: people in public roles, their current (or latest) role and its date."""

from __future__ import annotations

from collections.abc import Callable

from sseref.core.i18n import N_, _
from sseref.core.listing import ListFilter
from sseref.core.models import Role
from sseref.gui.labels import date_label
from sseref.gui.models import Column
from sseref.gui.panels.base import ListPanel, sort_by
from sseref.gui.widgets import FilterCombo

PERIODS = {"current": N_("Current roles"), "past": N_("Past roles")}


class PeoplePanel(ListPanel):
    """People with their role, organization and "as of" date, filterable by organization,
    by current or past roles and by theme; every column sorts."""

    kind = "person"
    key = "people"
    title = N_("People")

    def columns(self) -> list[Column]:
        return [
            Column("title", N_("Name")),
            Column("role", N_("Role"), "role_title"),
            Column("organization", N_("Organization"), "organization_name"),
            Column("as_of", N_("As of"), "role_as_of"),
        ]

    def build_filters(self) -> None:
        self._org_labels: dict[str, str] = {}
        self._org_labels_lang = ""
        self.organization_combo = self.add_combo(
            FilterCombo(N_("All organizations"), self._organization_choices, N_("Organization"))
        )
        self.period_combo = self.add_combo(
            FilterCombo(
                N_("Current and past roles"),
                lambda: [(k, _(v)) for k, v in PERIODS.items()],
                N_("Period"),
            )
        )
        self.theme_combo = self.add_theme_combo()

    def _organization_choices(self) -> list[tuple[str, str]]:
        """The organizations where someone holds (or held) a role, by name."""
        names = {
            role.organization_id: role.organization_name
            for person in self.db.ids(self.kind)
            for role in self.roles(person)
        }
        return sorted(names.items(), key=lambda kv: kv[1].casefold())

    def organization_label(self, organization_id: str) -> str:
        """An organization as the list shows it: its acronym in this language (ECLAC, CEPAL),
        else its name; every organization read at once, again when the language changes."""
        if self._org_labels_lang != self.lang:
            rows = self.db.rows(self.db.ids("organization"), self.lang)
            self._org_labels = {r.id: r.acronym or r.title for r in rows}
            self._org_labels_lang = self.lang
        return self._org_labels.get(organization_id, organization_id)

    def current_filter(self) -> ListFilter:
        return ListFilter(text=self.search.text(), theme=self.theme_combo.value())

    def roles(self, person_id: str) -> list[Role]:
        """The person's roles, current ones first, then the latest."""
        return [r for r in self.db.people_roles(person_id, self.lang) if r.person_id == person_id]

    def shown_roles(self, person_id: str) -> list[Role]:
        """The roles the filters ask for (an organization, current or past ones)."""
        organization, period = self.organization_combo.value(), self.period_combo.value()
        return [
            r
            for r in self.roles(person_id)
            if (organization is None or r.organization_id == organization)
            and (period is None or r.current == (period == "current"))
        ]

    def query(self, order: str, descending: bool) -> list[str]:
        sql_order = order if order in ("natural", "title") else "natural"
        ids = super().query(sql_order, descending if sql_order == order else False)
        if self.organization_combo.value() or self.period_combo.value():
            ids = [i for i in ids if self.shown_roles(i)]
        if sql_order == order:
            return ids
        value: dict[str, Callable[[Role], str]] = {
            "role_title": lambda r: r.title(self.lang).casefold(),
            "organization_name": lambda r: self.organization_label(r.organization_id).casefold(),
            "role_as_of": lambda r: r.as_of,
        }

        def sort_value(person: str) -> str | None:
            shown = self.shown_roles(person)
            return value[order](shown[0]) if shown else None

        return sort_by(ids, sort_value, descending)

    def fetch(self, ids: list[str]) -> dict[str, dict[str, str | None]]:
        titles = {r.id: r.title for r in self.db.rows(ids, self.lang)}
        rows: dict[str, dict[str, str | None]] = {}
        for person in ids:
            shown = self.shown_roles(person)
            role = shown[0] if shown else None
            text = role.title(self.lang) if role else ""
            if role is not None and not role.current:
                text = _("{role} (until {date})").format(
                    role=text, date=date_label(role.until, self.lang)
                )
            if len(shown) > 1:
                text = _("{role} (+{n} more)").format(role=text, n=len(shown) - 1)
            rows[person] = {
                "title": titles.get(person),
                "role": text,
                "organization": self.organization_label(role.organization_id) if role else None,
                "as_of": date_label(role.as_of, self.lang) if role else None,
            }
        return rows
