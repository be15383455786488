"""About and Help: rendered from resources/dialogs/ templates, every value escaped."""

from __future__ import annotations

from typing import Any

from sseref.core.i18n import set_language
from sseref.gui.dialogs import about_html, help_html


def test_help_escapes_what_it_is_given() -> None:
    html = help_html([("Ctrl+<b>", "Open <script>alert(1)</script>")])
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Ctrl+&lt;b&gt;" in html
    assert "kind:document" in html and "A/RES/77/281" in html
    for heading in ("Search syntax", "Keyboard shortcuts", "Other keys"):
        assert f">{heading}</h" in html, heading
    assert "built-in method" not in html


def test_about_names_the_data_and_counts_every_kind(fixture_db: Any) -> None:
    html = about_html(fixture_db)
    meta = fixture_db.meta()
    assert meta["data_version"] in html and meta["built_at"] in html
    for count in fixture_db.stats()["counts"].values():
        assert f": {count}</li>" in html
    assert html.count("<h3>") == 3
    for heading in ("Licence", "Newer data", "Corrections"):
        assert f"<h3>{heading}</h3>" in html
    assert "built-in method" not in html and "SSE Ref 0." in html


def test_about_is_translated(fixture_db: Any) -> None:
    set_language("fr")
    try:
        html = about_html(fixture_db)
    finally:
        set_language("en")
    assert "Licence" in html and "Fonctionne sans connexion" in html
