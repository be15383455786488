"""Record pages: names per language, relations both ways as links, back/forward, copying."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication


def test_record_page_shows_names_fields_relations_and_sources(window: Any) -> None:
    view = window.record_view
    assert view.open("org/alpha")
    text = view.browser.toPlainText()
    for expected in (
        "Alpha Cooperative Alliance",
        "Alianza Cooperativa Alfa",
        "Alliance coopérative Alpha",
        "Geneva, Switzerland",
        "Federation",
        "Member of",
        "Beta Task Force on Solidarity Economy",
        "since 2014",
        "Sources",
        "https://example.org/about",
    ):
        assert expected in text, expected


def test_relations_are_shown_from_both_sides(window: Any) -> None:
    view = window.record_view
    view.open("org/beta-task-force")
    text = view.browser.toPlainText()
    assert "Members" in text and "Alpha Cooperative Alliance" in text  # inverse of member_of
    assert "Parts" in text and "Gamma Working Group on Finance" in text
    assert "Issued" in text


def test_follow_a_relation_link_and_go_back_and_forward(window: Any, qtbot: Any) -> None:
    view, actions = window.record_view, window.actions_
    view.open("org/alpha")
    assert not actions.back.isEnabled()
    view.browser.anchorClicked.emit(QUrl("record:org/beta-task-force"))
    assert view.current == "org/beta-task-force"
    assert actions.back.isEnabled()
    view.browser.setFocus()
    actions.back.trigger()
    assert view.current == "org/alpha"
    assert actions.forward.isEnabled()
    actions.forward.trigger()
    assert view.current == "org/beta-task-force"


def test_back_and_forward_with_alt_arrows(window: Any, qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    view = window.record_view
    view.open("doc/beta-resolution")
    view.open("event/1978-conference")
    view.browser.setFocus()
    qtbot.keyClick(view.browser, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.current == "doc/beta-resolution"
    qtbot.keyClick(view.browser, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert view.current == "event/1978-conference"


def test_copy_citation_of_a_resolution(window: Any) -> None:
    window.record_view.open("doc/beta-resolution")
    window.actions_.copy_citation.trigger()
    text = QGuiApplication.clipboard().text()
    # A citation (core.citation builds it): body, title, symbol, date, SSE Ref, accessed.
    assert text.startswith(
        "Beta Task Force on Solidarity Economy, Promoting the solidarity economy for "
        "sustainable development, A/RES/77/281 (18 April 2023). In SSE Ref"
    )
    assert "(accessed " in text
    assert "Copied" in window.status_label.text()


def test_source_addresses_are_copyable(window: Any) -> None:
    view = window.record_view
    view.open("org/alpha")
    index = next(i for i, t in enumerate(view.page.copyable) if "example.org/about" in t)
    view.browser.anchorClicked.emit(QUrl(f"copy:{index}"))
    assert "https://example.org/about" in QGuiApplication.clipboard().text()


def test_external_links_open_only_after_confirmation(window: Any, monkeypatch: Any) -> None:
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    view = window.record_view
    view.open("org/alpha")
    view.browser.anchorClicked.emit(QUrl("open:0"))
    assert opened == []


def test_mini_timeline_of_related_events(window: Any) -> None:
    view = window.record_view
    view.open("doc/beta-resolution")  # the 1978 conference led to it
    assert "Timeline of related events" in view.page.html
    assert view._mini_timeline(view.record, "en") is not None  # noqa: SLF001


def test_unknown_record_is_a_message_not_a_crash(window: Any) -> None:
    assert not window.record_view.open("org/nope")
    assert "org/nope" in window.status_label.text()
