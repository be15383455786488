"""The window's actions with their shortcuts, and the menus File/Edit/View/Go/Help."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar

from sseref.core.i18n import LANGUAGES, N_, _
from sseref.core.vocab import CITATION_STYLES as STYLES

SK = QKeySequence.StandardKey
# The rail's order, and Ctrl+1… in it (the people and countries came last: the older keys stay).
PANEL_ORDER = (
    "organizations",
    "history",
    "documents",
    "initiatives",
    "glossary",
    "people",
    "countries",
)
THEME_LABELS = {"system": N_("System theme"), "light": N_("Light"), "dark": N_("Dark")}
LANGUAGE_LABELS = {"en": "English", "es": "Español", "fr": "Français"}  # endonyms: not translated


class Actions:
    """Every command of the window as a QAction (menus, shortcuts and tests share them)."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self._texts: dict[QAction, str] = {}

        def make(
            text: str, *shortcuts: QKeySequence | SK | str, checkable: bool = False
        ) -> QAction:
            action = QAction(window)
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            action.setCheckable(checkable)
            window.addAction(action)  # shortcuts work even with the menu bar hidden
            self._texts[action] = text
            return action

        self.print_preview = make(N_("Print pre&view…"), "Ctrl+Shift+P")
        self.print = make(N_("&Print…"), SK.Print)
        self.export_pdf = make(N_("&Export PDF…"), "Ctrl+Shift+E")
        self.add_to_pack = make(N_("&Add to meeting pack"), "Ctrl+Shift+M")
        self.meeting_pack = make(N_("&Meeting pack…"))
        self.update_data = make(N_("&Update data from file…"))
        self.find_updates = make(N_("&Look for data updates…"))
        self.quit = make(N_("&Quit"), "Ctrl+Q")
        self.export_citation = make(N_("Export cita&tion…"), "Ctrl+Shift+B")
        self.export_list = make(N_("Export the &list…"))
        self.copy_citation = make(N_("Copy &citation"), "Ctrl+Shift+C")
        self.citation_styles = {key: make(text, checkable=True) for key, text in STYLES.items()}
        # The global search keeps Ctrl+K; Ctrl+F finds text in the open record page.
        self.search = make(N_("&Search…"), "Ctrl+K")
        self.find = make(N_("Find in pa&ge…"), SK.Find, "Ctrl+F")
        self.filter_list = make(N_("&Filter the list"), "Ctrl+L")
        self.clear_filters = make(N_("C&lear filters"), "Ctrl+Shift+X")
        self.home = make(N_("&Start page"), "Alt+Home")
        self.panels = {
            key: make(text, f"Ctrl+{i + 1}")
            for i, (key, text) in enumerate(
                zip(
                    PANEL_ORDER,
                    (
                        N_("&Organizations"),
                        N_("&History"),
                        N_("&Documents"),
                        N_("&Initiatives"),
                        N_("&Glossary"),
                        N_("&People"),
                        N_("&Countries"),
                    ),
                    strict=True,
                )
            )
        }
        self.back = make(N_("&Back"), SK.Back, "Alt+Left")
        self.forward = make(N_("&Forward"), SK.Forward, "Alt+Right")
        self.zoom_in = make(N_("Zoom &in"), SK.ZoomIn, "Ctrl+=", "Ctrl++")
        self.zoom_out = make(N_("Zoom &out"), SK.ZoomOut, "Ctrl+-")
        self.zoom_reset = make(N_("&Actual size"), "Ctrl+0")
        self.large_text = make(N_("&Large text (for projectors)"), "Ctrl+Shift+L", checkable=True)
        self.reading_pane = make(N_("&Reading pane"), "F8", checkable=True)
        self.share = make(N_("S&hare in this room…"))
        self.themes = {key: make(text, checkable=True) for key, text in THEME_LABELS.items()}
        # View → Language: "System default" (translated) then each language in itself.
        self.languages = {
            "system": make(N_("System default"), checkable=True),
            **{code: make(LANGUAGE_LABELS[code], checkable=True) for code in LANGUAGES},
        }
        self.help = make(N_("&Help"), SK.HelpContents, "F1")
        self.about = make(N_("&About SSE Ref"))
        self.data_versions = make(N_("Data &versions…"))
        self.theme_group = QActionGroup(window)
        for action in self.themes.values():
            self.theme_group.addAction(action)
        self.language_group = QActionGroup(window)
        for action in self.languages.values():
            self.language_group.addAction(action)
        self.style_group = QActionGroup(window)
        for action in self.citation_styles.values():
            self.style_group.addAction(action)
        self.back.setEnabled(False)
        self.forward.setEnabled(False)
        self.menus: dict[str, QMenu] = {}
        self._dedupe_shortcuts()
        self.retranslate()

    def _dedupe_shortcuts(self) -> None:
        """Some platforms map two standard keys to one sequence; Qt warns on duplicates."""
        for action in self._texts:
            unique: list[QKeySequence] = []
            for seq in action.shortcuts():
                if not seq.isEmpty() and seq not in unique:
                    unique.append(seq)
            action.setShortcuts(unique)

    def build_menus(self, bar: QMenuBar) -> None:
        m = self.menus
        m["file"] = bar.addMenu("")
        m["file"].addActions([self.print_preview, self.print, self.export_pdf])
        m["file"].addActions([self.export_citation, self.export_list])
        m["file"].addSeparator()
        m["file"].addActions([self.add_to_pack, self.meeting_pack])
        m["file"].addSeparator()
        m["file"].addActions([self.update_data, self.find_updates])
        m["file"].addSeparator()
        m["file"].addAction(self.quit)
        m["edit"] = bar.addMenu("")
        m["edit"].addAction(self.copy_citation)
        m["citation_style"] = m["edit"].addMenu("")
        m["citation_style"].addActions(list(self.citation_styles.values()))
        m["edit"].addSeparator()
        m["edit"].addActions([self.find, self.search, self.filter_list, self.clear_filters])
        m["view"] = bar.addMenu("")
        m["view"].addActions([self.zoom_in, self.zoom_out, self.zoom_reset, self.large_text])
        m["view"].addAction(self.reading_pane)
        m["view"].addSeparator()
        m["theme"] = m["view"].addMenu("")
        m["theme"].addActions(list(self.themes.values()))
        m["language"] = m["view"].addMenu("")
        m["language"].addAction(self.languages["system"])
        m["language"].addSeparator()
        m["language"].addActions([a for k, a in self.languages.items() if k != "system"])
        m["view"].addSeparator()
        m["view"].addAction(self.share)
        m["go"] = bar.addMenu("")
        m["go"].addActions([self.back, self.forward, self.home])
        m["go"].addSeparator()
        m["go"].addActions(list(self.panels.values()))
        m["go"].addSeparator()
        m["go"].addAction(self.search)
        m["help"] = bar.addMenu("")
        m["help"].addActions([self.help, self.data_versions, self.about])
        self._title_menus()

    def retranslate(self) -> None:
        """Texts and tooltips in the current language (the shortcuts' key names included)."""
        for action, text in self._texts.items():
            if action in self.languages.values() and action is not self.languages["system"]:
                text_now = text
            else:
                text_now = _(text)
            action.setText(text_now)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            plain = text_now.replace("&", "").rstrip("…")
            action.setToolTip(f"{plain} ({keys})" if keys else plain)
        self._title_menus()

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(keys, what they do) for every command with a shortcut, in menu order (for F1)."""
        rows: list[tuple[str, str]] = []
        seen: set[int] = set()
        for menu in self.menus.values():
            for action in menu.actions():
                if id(action) in seen or action.isSeparator() or not action.shortcuts():
                    continue
                seen.add(id(action))
                keys = ", ".join(
                    s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
                )
                rows.append((keys, action.text().replace("&", "").rstrip("…")))
        return rows

    def _title_menus(self) -> None:
        titles = {
            "file": N_("&File"),
            "edit": N_("&Edit"),
            "view": N_("&View"),
            "go": N_("&Go"),
            "help": N_("&Help"),
            "theme": N_("&Theme"),
            "language": N_("&Language"),
            "citation_style": N_("Citation st&yle"),
        }
        for key, menu in self.menus.items():
            menu.setTitle(_(titles[key]))
