"""Each importable format gives its text and metadata; hostile files are refused in a sentence."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from sseref.library.formats import extract
from sseref.library.limits import ExtractionRefused, Limits
from tests.library import samples


def test_pdf_text_and_metadata(tmp_path: Path) -> None:
    got = extract(samples.write(tmp_path, "law.pdf", samples.pdf_bytes()))
    assert "Draft law on the social economy" in got.text
    assert (got.format, got.title, got.date, got.pages) == ("pdf", "Draft law", "2025-03-14", 1)
    assert got.authors == ["Ministry of Labour"]


def test_docx_paragraphs_and_core_properties(tmp_path: Path) -> None:
    data = samples.docx_bytes(samples.SPANISH.split(". "), title="Ley marco", creator="Senado")
    got = extract(samples.write(tmp_path, "ley.docx", data))
    assert "cooperativas, las mutuales" in got.text
    assert (got.title, got.authors, got.date, got.language) == (
        "Ley marco",
        ["Senado"],
        "2024-06-20",
        "es",
    )


def test_odt_text_and_meta(tmp_path: Path) -> None:
    got = extract(samples.write(tmp_path, "note.odt", samples.odt_bytes([samples.FRENCH], "Note")))
    assert "coopératives, les mutuelles" in got.text
    assert (got.title, got.authors, got.date, got.language) == (
        "Note",
        ["RIPESS"],
        "2023-11-02",
        "fr",
    )


def test_epub_chapters_in_spine_order_without_scripts(tmp_path: Path) -> None:
    data = samples.epub_bytes(["Primero capítulo.", "Segundo capítulo."], title="Guía")
    got = extract(samples.write(tmp_path, "guide.epub", data))
    assert got.text.index("Primero") < got.text.index("Segundo")
    assert "alert" not in got.text and "p{}" not in got.text
    assert (got.title, got.authors, got.date, got.language) == ("Guía", ["GSEF"], "2022-05", "es")


def test_epub_manifest_cannot_point_outside_the_archive(tmp_path: Path) -> None:
    data = samples.epub_bytes(["Texto."], extra_href="../../../../etc/passwd")
    got = extract(samples.write(tmp_path, "evil.epub", data))
    assert "root:" not in got.text and got.text == "Texto."


def test_html_visible_text_title_author_language(tmp_path: Path) -> None:
    page = (
        '<html lang="fr"><head><title>Rapport annuel</title><meta name="author" content="GSEF">'
        '<meta name="date" content="2021-09-30"><script>var x = "hidden";</script></head>'
        f"<body><h1>Rapport</h1><p>{samples.FRENCH}</p><style>.a{{}}</style></body></html>"
    )
    got = extract(samples.write(tmp_path, "r.html", page))
    assert "hidden" not in got.text and ".a{}" not in got.text
    assert (got.title, got.authors, got.date, got.language) == (
        "Rapport annuel",
        ["GSEF"],
        "2021-09-30",
        "fr",
    )


def test_markdown_title_is_first_heading_and_raw_html_is_not_text(tmp_path: Path) -> None:
    source = f"# Plan de acción\n\n{samples.SPANISH}\n\n<script>alert(1)</script>\n"
    got = extract(samples.write(tmp_path, "plan.md", source))
    assert got.title == "Plan de acción"
    assert got.language == "es"
    assert "cooperativas" in got.text


@pytest.mark.parametrize("codec", ["latin-1", "utf-16", "cp1252", "utf-8-sig"])
def test_text_in_any_encoding(tmp_path: Path, codec: str) -> None:
    text = samples.FRENCH + " Économie, coopération, référence."
    got = extract(samples.write(tmp_path, "t.txt", text.encode(codec)))
    assert "coopératives" in got.text and "Économie" in got.text
    assert got.language == "fr"


def test_english_is_recognized_and_short_text_gets_no_language(tmp_path: Path) -> None:
    assert extract(samples.write(tmp_path, "e.txt", samples.ENGLISH)).language == "en"
    assert extract(samples.write(tmp_path, "s.txt", "Hola")).language is None


def test_control_characters_are_removed(tmp_path: Path) -> None:
    got = extract(samples.write(tmp_path, "c.txt", "Title\x1b[31m red\x00\x07 text\n"))
    assert "\x1b" not in got.text and "\x00" not in got.text and "red" in got.text


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("x.exe", b"MZ", "cannot be imported"),
        ("fake.pdf", b"<html>not a pdf</html>", "not a PDF"),
        ("fake.docx", b"%PDF-1.4", "not a DOCX"),
        ("broken.docx", b"PK\x03\x04garbage", "damaged package"),
        ("broken.pdf", b"%PDF-1.4\n garbage", "PDF"),
    ],
)
def test_mislabelled_and_damaged_files_are_refused(
    tmp_path: Path, name: str, data: bytes, says: str
) -> None:
    with pytest.raises(ExtractionRefused, match=says):
        extract(samples.write(tmp_path, name, data))


def test_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * 50_000_000)
    assert path.stat().st_size < 200_000
    with pytest.raises(ExtractionRefused, match="zip bomb"):
        extract(path)


def test_xml_entity_expansion_is_refused(tmp_path: Path) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        '<w:document xmlns:w="x">&lol2;</w:document>'
    )
    data = samples.zip_bytes({"word/document.xml": laughs})
    with pytest.raises(ExtractionRefused, match="not safe"):
        extract(samples.write(tmp_path, "laughs.docx", data))


def test_files_over_the_size_limit_are_refused_unread(tmp_path: Path) -> None:
    path = samples.write(tmp_path, "big.txt", "a" * 5000)
    with pytest.raises(ExtractionRefused, match="not imported"):
        extract(path, Limits(max_file_bytes=1000))


def test_long_text_is_cut_and_marked(tmp_path: Path) -> None:
    got = extract(samples.write(tmp_path, "long.txt", "word " * 1000), Limits(max_text_chars=100))
    assert got.truncated and len(got.text) == 100
