"""View → Language switches the whole window at once, remembers the choice and translates Qt.

The real Spanish and French catalogs (resources/locale, compiled for the test session) are
used: menus, panel titles, table headers, filters, the status bar and the record page change.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from sseref.core.i18n import current_language
from sseref.gui.language import MANAGER, resolve
from sseref.gui.settings import GuiSettings

EXPECTED = {
    "es": {
        "file": "&Archivo",
        "view": "&Ver",
        "language": "&Idioma",
        "panel": "Organizaciones",
        "history": "Historia",
        "header": "Nombre",
        "filter": "Todos los tipos",
        "record": ("Alianza Cooperativa Alfa", "Fuentes", "Miembro de", "Federación"),
        "cancel": "Cancelar",
        "status": "Idioma de la interfaz: Español",
    },
    "fr": {
        "file": "&Fichier",
        "view": "&Affichage",
        "language": "&Langue",
        "panel": "Organisations",
        "history": "Histoire",
        "header": "Nom",
        "filter": "Tous les types",
        "record": ("Alliance coopérative Alpha", "Sources", "Membre de", "Fédération"),
        "cancel": "Annuler",
        "status": "Langue de l'interface : Français",
    },
}


def _cancel_text() -> str:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    try:
        return box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "")
    finally:
        box.deleteLater()


@pytest.fixture
def switch(window: Any) -> Any:
    def to(choice: str) -> None:
        window.actions_.languages[choice].trigger()

    yield to
    window.actions_.languages["en"].trigger()


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_switching_retranslates_menus_panels_and_record_page(
    window: Any, switch: Any, lang: str
) -> None:
    window.show_panel("organizations")
    window.record_view.open("org/alpha")
    assert window.actions_.menus["file"].title() == "&File"
    assert "Sources" in window.record_view.browser.toPlainText()
    switch(lang)
    want = EXPECTED[lang]
    assert current_language() == lang
    menus = window.actions_.menus
    assert menus["file"].title() == want["file"]
    assert menus["view"].title() == want["view"]
    assert menus["language"].title() == want["language"]
    panel = window.panels["organizations"]
    assert panel.heading.text() == want["panel"]
    assert window.panels["history"].heading.text() == want["history"]
    assert window.nav.item(0).text() == want["panel"]
    header = panel.table.horizontalHeader()
    assert header.model().headerData(0, Qt.Orientation.Horizontal) == want["header"]
    assert panel.type_combo.itemText(0) == want["filter"]
    page = window.record_view.browser.toPlainText()
    for text in want["record"]:
        assert text in page, text
    assert window.status_label.text() == want["status"]
    assert window.actions_.languages[lang].isChecked()
    assert _cancel_text() == want["cancel"]  # Qt's own strings, through qtbase_<lang>.qm
    assert MANAGER.qt_language() is not None


def test_back_to_english_and_qt_translator_removed(window: Any, switch: Any) -> None:
    window.record_view.open("org/alpha")
    switch("fr")
    switch("en")
    assert window.actions_.menus["file"].title() == "&File"
    assert window.panels["organizations"].heading.text() == "Organizations"
    assert "Alpha Cooperative Alliance" in window.record_view.browser.toPlainText()
    assert _cancel_text() == "Cancel"
    assert MANAGER.qt_language() is None


def test_choice_is_remembered_and_applied_at_start(make_window: Any) -> None:
    first = make_window()
    first.actions_.languages["fr"].trigger()
    try:
        assert GuiSettings(first.settings.path).language == "fr"
        first.close()
        second = make_window()
        assert current_language() == "fr"
        assert second.actions_.menus["file"].title() == "&Fichier"
        assert second.actions_.languages["fr"].isChecked()
        second.actions_.languages["system"].trigger()
        assert GuiSettings(second.settings.path).language == "system"
        assert current_language() == resolve("system")
        assert second.actions_.languages["system"].isChecked()
    finally:
        MANAGER.apply("en")


def test_system_default_follows_the_locale_with_english_fallback(monkeypatch: Any) -> None:
    from PySide6.QtCore import QLocale

    from sseref.gui import language

    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("es_MX")))
    assert language.system_language() == "es"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("fr_CA")))
    assert language.system_language() == "fr"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert language.system_language() == "en"
    assert resolve("es") == "es" and resolve("bogus") == "en"


def test_content_falls_back_to_english_with_a_marker(window: Any, switch: Any) -> None:
    switch("fr")
    window.record_view.open("event/1978-conference")  # no French name or summary
    page = window.record_view.browser.toPlainText()
    assert "Conference on Technical Cooperation in Buenos Aires" in page
    assert "Nom non disponible en français ; affiché en anglais." in page
    assert "Résumé non disponible en français ; affiché en anglais." in page
    # Dates per locale, day precision, and the same on screen as on paper (one formatter).
    from sseref.core.dateformat import format_text

    paper = format_text("1978-08-30/1978-09-12", "fr")
    assert paper.startswith("30 août") and paper.endswith("1978")
    # (the rich-text view shows CLDR's thin spaces around the dash as spaces)
    assert " ".join(paper.split()) in " ".join(page.split())


def test_record_page_shows_the_other_languages(window: Any, switch: Any) -> None:
    from PySide6.QtCore import QUrl

    switch("es")
    view = window.record_view
    view.open("org/alpha")
    assert "Une fédération fictive" not in view.browser.toPlainText()
    assert "Mostrar en otros idiomas" in view.browser.toPlainText()
    view.browser.anchorClicked.emit(QUrl("toggle:languages"))
    page = view.browser.toPlainText()
    assert "En otros idiomas" in page
    assert "Une fédération fictive de coopératives" in page
    assert "A fictional federation of cooperatives" in page
    assert "Ocultar los otros idiomas" in page


def test_search_works_across_languages_whatever_the_interface(
    window: Any, switch: Any, qtbot: Any
) -> None:
    switch("fr")
    window.search_box.setText("alianza")  # a Spanish name while the interface is French

    def found() -> list[str]:
        outcome = window.search_panel.outcome
        return [h.id for h in outcome.hits] if outcome else []

    qtbot.waitUntil(lambda: "org/alpha" in found(), timeout=5000)
    window.search_box.setText("Alliance coopérative")  # French, the interface's language
    qtbot.waitUntil(lambda: found()[:1] == ["org/alpha"], timeout=5000)
    window.search_box.setText("ACA")  # the acronym
    qtbot.waitUntil(lambda: "org/alpha" in found(), timeout=5000)


def test_an_open_meeting_pack_window_follows_the_language(window: Any, switch: Any) -> None:
    """The pack's window is modeless: the language can change while it is open."""
    window.record_view.open("org/alpha")
    window.actions_.add_to_pack.trigger()
    window.actions_.meeting_pack.trigger()
    dialog = window.meeting_pack.dialog  # the one pack window of this window
    pack = dialog.widget
    assert dialog.windowTitle() == "Meeting pack"
    assert pack.remove_button.text() == "Remove"
    switch("es")
    assert dialog.windowTitle() == "Dosier de reunión"
    assert pack.remove_button.text() == "Quitar"
    assert pack.bilingual_combo.itemText(0) == "Ninguno"
    assert pack.form_labels[2].text() == "Segundo idioma:"
    assert pack.list.count() == 1 and "Organización" in pack.list.item(0).text()
    switch("fr")
    assert dialog.windowTitle() == "Dossier de réunion"
    dialog.close()


def test_the_status_bar_names_the_open_record_in_the_interface_language(
    window: Any, switch: Any
) -> None:
    switch("es")
    window.record_view.open("org/alpha")
    assert window.status_label.text() == "Alianza Cooperativa Alfa"
