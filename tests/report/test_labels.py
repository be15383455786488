"""Spanish and French sheets carry translated labels.

The real catalogs arrive from the translation work; until then the label code path is proven
with a small catalog built here, and the real catalog is checked only for the labels it has.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from sseref.core import i18n
from sseref.report import i18n as report_i18n
from sseref.report.compose import compose

LABELS = {
    "es": {
        "Founded": "Fundación",
        "Headquarters": "Sede",
        "Sources": "Fuentes",
        "Federation": "Federación",
        "Member of": "Miembro de",
        "Organization": "Organización",
        "(checked {date})": "(consultado el {date})",
        "English": "inglés",
        "SSE Ref · data as of {date} · page {page} of {pages}": (
            "SSE Ref · datos al {date} · página {page} de {pages}"
        ),
    },
    "fr": {
        "Founded": "Création",
        "Headquarters": "Siège",
        "Sources": "Sources",
        "Federation": "Fédération",
        "Member of": "Membre de",
        "Organization": "Organisation",
        "(checked {date})": "(consulté le {date})",
        "English": "anglais",
        "SSE Ref · data as of {date} · page {page} of {pages}": (
            "SSE Ref · données au {date} · page {page} sur {pages}"
        ),
    },
}


@pytest.fixture
def test_catalogs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for lang, messages in LABELS.items():
        catalog = Catalog(locale=lang, domain=i18n.DOMAIN)
        for msgid, msgstr in messages.items():
            catalog.add(msgid, msgstr)
        folder = tmp_path / lang / "LC_MESSAGES"
        folder.mkdir(parents=True)
        with open(folder / f"{i18n.DOMAIN}.mo", "wb") as handle:
            write_mo(handle, catalog)
    monkeypatch.setattr(i18n, "locale_dir", lambda: tmp_path)
    report_i18n.clear_cache()
    yield tmp_path
    report_i18n.clear_cache()


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_labels_follow_the_sheet_language(fixture_db, test_catalogs, lang: str) -> None:  # type: ignore[no-untyped-def]
    report = compose(fixture_db, ["org/alpha"], lang)
    html = report.html().replace("\xa0", " ")  # short labels keep their words together
    for english, translated in LABELS[lang].items():
        if "{" not in english:
            assert translated in html, translated
    assert (
        "(consultado el 20 de noviembre de 2026)"
        if lang == "es"
        else "(consulté le 20 novembre 2026)"
    ) in html
    assert report.footer(1, 1).startswith("SSE Ref · d")
    assert "Founded" not in html and "Headquarters" not in html and "English:" not in html


def test_sheet_language_does_not_switch_the_interface(fixture_db, test_catalogs) -> None:  # type: ignore[no-untyped-def]
    compose(fixture_db, ["org/alpha"], "es")
    assert i18n.current_language() == "en"
    assert i18n._("Founded") == "Founded"


def test_bilingual_sheet_has_labels_in_both_languages(fixture_db, test_catalogs) -> None:  # type: ignore[no-untyped-def]
    html = compose(fixture_db, ["org/alpha"], "fr", bilingual="es").html()
    assert "Création" in html and "Fundación" in html


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_real_catalog_labels_when_present(fixture_db, lang: str) -> None:  # type: ignore[no-untyped-def]
    report_i18n.clear_cache()
    tr = report_i18n.Translator.for_language(lang)
    translated = {label: tr._(label) for label in ("Founded", "Headquarters", "Sources")}
    present = {k: v for k, v in translated.items() if v != k}
    if not present:
        pytest.skip(f"no {lang} catalog with fact-sheet labels yet")
    html = compose(fixture_db, ["org/alpha"], lang).html()
    for text in present.values():
        assert text in html
