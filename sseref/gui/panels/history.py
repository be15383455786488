"""The History panel: events on a zoomable timeline or in a list, filtered by theme and body."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
)

from sseref.core.dateformat import format_spec
from sseref.core.dates import parse_date
from sseref.core.i18n import N_, _
from sseref.core.listing import ListFilter
from sseref.gui.labels import date_label, type_label
from sseref.gui.models import Column
from sseref.gui.panels.base import ListPanel
from sseref.gui.theme import Colors, focus_frame_sheet, mute
from sseref.gui.timeline import TimelineEvent, TimelineView
from sseref.gui.widgets import FilterCombo

MODES = ("timeline", "list")


class HistoryPanel(ListPanel):
    """Events as a timeline (decade bands, theme colors) or as a sortable list."""

    kind = "event"
    key = "history"
    title = N_("History")
    modeChanged = Signal(str)
    stretch_share = 0.45  # the events' titles matter more than their places

    def columns(self) -> list[Column]:
        return [
            Column("date", N_("Date")),
            Column("title", N_("Event")),
            Column("type", N_("Type")),
            Column("place", N_("Place")),
        ]

    def build_filters(self) -> None:
        db = self.db
        self.theme_combo = self.add_theme_combo()
        self.org_combo = self.add_combo(
            FilterCombo(N_("All organizations"), self._org_choices, N_("Organization"))
        )
        self.add_year_range()
        # Last, so that the filters remembered from earlier versions keep their places.
        self.country_combo = self.add_country_combo()
        db.related_organizations("event")  # warm the query plan; cheap

    def _org_choices(self) -> list[tuple[str, str]]:
        ids = self.db.related_organizations("event")
        rows = self.db.rows(ids, self.lang)
        return sorted(
            ((r.id, f"{r.title} ({r.acronym})" if r.acronym else r.title) for r in rows),
            key=lambda kv: kv[1].casefold(),
        )

    def add_content(self) -> None:
        self.timeline = TimelineView()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.timeline)
        self.stack.addWidget(self.table)
        switch = QHBoxLayout()
        self.mode_buttons: dict[str, QToolButton] = {}
        group = QButtonGroup(self)
        for mode in MODES:
            button = QToolButton()
            button.setCheckable(True)
            button.setObjectName("chip")
            group.addButton(button)
            button.clicked.connect(lambda _c=False, m=mode: self.set_mode(m))
            self.mode_buttons[mode] = button
            switch.addWidget(button)
        self.legend = QLabel()
        mute(self.legend)
        self.legend.setWordWrap(False)  # one line: it is elided rather than wrapped
        self.legend.setMinimumWidth(60)
        self.legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.zoom_in = QToolButton()
        self.zoom_out = QToolButton()
        self.zoom_in.clicked.connect(lambda: self.timeline.zoom_by(1.25))
        self.zoom_out.clicked.connect(lambda: self.timeline.zoom_by(0.8))
        switch.addWidget(self.legend, 1)
        switch.addWidget(self.zoom_out)
        switch.addWidget(self.zoom_in)
        self.body.addLayout(switch)
        self.body.addWidget(self.stack, 1)
        self.timeline.eventActivated.connect(self.recordActivated)
        self.set_mode("timeline")

    def set_mode(self, mode: str) -> None:
        mode = mode if mode in MODES else "timeline"
        self.stack.setCurrentIndex(MODES.index(mode))
        self.mode_buttons[mode].setChecked(True)
        # Zoom and the legend belong to the timeline: the list has neither (the legend keeps
        # its place, empty, so that the mode buttons do not move).
        for widget in (self.zoom_in, self.zoom_out):
            widget.setVisible(mode == "timeline")
        self._update_legend()
        self.modeChanged.emit(mode)
        if mode == "list":
            self.fit_columns()

    def mode(self) -> str:
        return MODES[self.stack.currentIndex()]

    def set_colors(self, colors: Colors) -> None:
        super().set_colors(colors)
        self.colors = colors
        self.timeline.set_colors(colors)
        self.timeline.setStyleSheet(focus_frame_sheet(colors, "QGraphicsView"))
        # The mode switch says which mode is on in every theme: the checked one is filled.
        sheet = (
            f"QToolButton {{ border: 1px solid {colors.muted}; border-radius: 4px;"
            f" padding: 2px 10px; }}"
            f"QToolButton:checked {{ background: {colors.accent}; color: #ffffff;"
            f" border-color: {colors.accent}; }}"
            f"QToolButton:focus {{ border: 2px solid {colors.accent}; }}"
        )
        for button in self.mode_buttons.values():
            button.setStyleSheet(sheet)
        self._update_legend()

    def current_filter(self) -> ListFilter:
        start, end = self.year_range.bounds() if self.year_range else (None, None)
        return ListFilter(
            text=self.search.text(),
            theme=self.theme_combo.value(),
            related_to=self.org_combo.value(),
            country=self.country_combo.value(),
            year_from=start,
            year_to=end,
        )

    def refresh(self) -> None:
        super().refresh()
        ids = self.db.filter_ids(self.kind, self.current_filter(), lang=self.lang)
        titles = self.db.titles(ids, self.lang)
        events = []
        for record_id, text, precision, end, themes in self.db.timeline(ids):
            spec = parse_date(text)
            events.append(
                TimelineEvent(
                    id=record_id,
                    title=titles.get(record_id, record_id),
                    date_label=format_spec(spec, self.lang),
                    start=spec.start.first_day(),
                    end=end,
                    precision=precision,
                    is_range=spec.is_range,
                    themes=tuple(themes),
                )
            )
        self.timeline.set_events(events)

    def fetch(self, ids: list[str]) -> dict[str, dict[str, str | None]]:
        return {
            r.id: {
                "date": date_label(r.date_text, self.lang),
                "title": r.title,
                "type": type_label(r.kind, r.type),
                "place": r.extra,
            }
            for r in self.db.rows(ids, self.lang)
        }

    def _update_legend(self) -> None:
        if self.mode() == "list":
            self.legend.clear()
            return
        colors = getattr(self, "colors", None)
        if colors is None:
            from sseref.gui.theme import LIGHT

            colors = LIGHT
        swatch = "<span style='color:{c}'>■</span> {t}"
        self.legend.setText(
            "&nbsp;&nbsp;".join(
                [
                    swatch.format(c=colors.sse, t=_("SSE")),
                    swatch.format(c=colors.ssc, t=_("South-South")),
                    swatch.format(c=colors.both, t=_("Both")),
                    swatch.format(c=colors.other, t=_("Other")),
                ]
            )
        )
        # How a date's precision is drawn: in the tooltip, so that the legend keeps one line.
        self.legend.setToolTip(_("● day  ▬ month or range  ┅ year only"))

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "timeline"):
            return
        self.mode_buttons["timeline"].setText(_("Timeline"))
        self.mode_buttons["list"].setText(_("List"))
        for mode, button in self.mode_buttons.items():
            button.setAccessibleName(_("Show as {mode}").format(mode=button.text()))
            del mode
        self.zoom_in.setText("+")
        self.zoom_out.setText("−")
        self.zoom_in.setAccessibleName(_("Zoom in on the timeline"))
        self.zoom_out.setAccessibleName(_("Zoom out of the timeline"))
        self.zoom_in.setToolTip(self.zoom_in.accessibleName())
        self.zoom_out.setToolTip(self.zoom_out.accessibleName())
        self.timeline.setAccessibleName(_("Timeline of events"))
        self.timeline.setToolTip(
            _("Click an event to open it; arrows move, Enter opens, Ctrl+wheel zooms")
        )
        self._update_legend()
        if self._loaded:
            self.refresh()
