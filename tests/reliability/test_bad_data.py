"""The bad-data matrix: every edit is refused with `file:line: field: message`, quickly, and
nothing is written; every date the build accepts renders on screen and on paper."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sseref.ingest.build import BuildError, build_database
from tests.conftest import FIXTURE_DATA

ALPHA = "organizations/alpha.yaml"
EVENT = "events/1978-conference.yaml"


def sub(file: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(data: Path) -> None:
        path = data / file
        text = path.read_text("utf-8")
        assert old in text, (file, old)
        path.write_text(text.replace(old, new, 1), "utf-8")

    return edit


def new_file(name: str, content: str | bytes) -> Callable[[Path], None]:
    def edit(data: Path) -> None:
        path = data / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, "utf-8")

    return edit


LAUGHS = "".join(
    f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}" if i else '"lol"'] * 9) + "]\n" for i in range(9)
)
# Each edit, and a word its message must hold (besides the file and line every message has).
BAD_EDITS: dict[str, tuple[Callable[[Path], None], str]] = {
    "founded 9999": (sub(ALPHA, 'founded: "1895"', 'founded: "9999"'), "between"),
    "founded 0000": (sub(ALPHA, 'founded: "1895"', 'founded: "0000"'), "between"),
    "founded 0000 with a month": (sub(ALPHA, 'founded: "1895"', 'founded: "0000-01"'), "between"),
    "event 9999 with a month": (
        sub(EVENT, "date: 1978-08-30/1978-09-12", "date: 9999-12"),
        "between",
    ),
    "range end 2201": (sub(EVENT, "1978-09-12", "2201-09-12"), "between"),
    "relation since 0999": (sub(ALPHA, 'since: "2014"', 'since: "0999"'), "between"),
    "checked 9999-12-31": (sub(ALPHA, '"2026-11-20"', '"9999-12-31"'), "between"),
    "Arabic-Indic digits in a date": (
        sub(ALPHA, 'founded: "1895"', 'founded: "١٨٩٥"'),
        "not a date",
    ),
    "month 13": (sub(ALPHA, 'founded: "1895"', 'founded: "1895-13"'), "month"),
    "29 February 2023": (sub(ALPHA, 'founded: "1895"', 'founded: "2023-02-29"'), "day"),
    "billion laughs": (new_file("events/laughs.yaml", LAUGHS), "anchors"),
    "an alias": (
        sub(ALPHA, "aliases: [Alpha Alliance]", "aliases: &a [Alpha Alliance]\nseed: *a"),
        "anchors",
    ),
    "deep brackets": (new_file("events/deep.yaml", "id: " + "[" * 5000 + "]" * 5000), "nested"),
    "deep mappings": (
        new_file(
            "events/deepmap.yaml",
            "".join("  " * i + f"k{i}:\n" for i in range(30)) + "  " * 30 + "v\n",
        ),
        "nested",
    ),
    "file of 1 MB": (
        new_file("events/big.yaml", "id: event/big\nplace: " + "x" * 1_000_000),
        "too large",
    ),
    "a 100 KB one-word name": (
        sub(ALPHA, "name: Alpha Cooperative Alliance,", "name: " + "a" * 100_000 + ","),
        "too long",
    ),
    "a long acronym": (
        sub(ALPHA, "acronym: ACA}\n  es", "acronym: " + "A" * 80 + "}\n  es"),
        "too long",
    ),
    "a 10,000-character summary": (
        sub(ALPHA, "A fictional federation", "A fictional " + "very " * 2000 + "federation"),
        "too long",
    ),
    "escape in a name": (sub(ALPHA, "Alpha Cooperative Alliance", '"Alpha \\e[31mRed"'), "control"),
    "bell in a summary": (
        sub(
            ALPHA,
            "en: A fictional federation of cooperatives used by the tests.",
            'en: "A fictional \\a federation"',
        ),
        "control",
    ),
    "NUL in a place": (
        sub(EVENT, "place: Buenos Aires, Argentina", 'place: "Buenos\\0Aires"'),
        "control",
    ),
    "right-to-left override in a name": (
        sub(ALPHA, "Alpha Cooperative Alliance", "Alpha \u202eecnaillA"),
        "control",
    ),
    "control character in a field name": (
        sub(ALPHA, "region: global", '"reg\\x1bion": global'),
        "control",
    ),
    "not UTF-8": (new_file("events/latin1.yaml", "id: event/caf\xe9\n".encode("latin-1")), "UTF-8"),
    "binary garbage": (new_file("events/garbage.yaml", bytes(range(256)) * 4), ""),
    "YAML syntax error": (new_file("events/syntax.yaml", "id: [unclosed\n"), "YAML"),
    "duplicate key": (sub(ALPHA, "region: global", "region: global\nregion: africa"), "duplicate"),
    "duplicate id": (
        new_file("organizations/alpha2.yaml", (FIXTURE_DATA / ALPHA).read_text("utf-8")),
        "duplicate id",
    ),
    "dangling relation": (
        sub(ALPHA, "target: org/beta-task-force", "target: org/nowhere"),
        "dangling",
    ),
    "unknown field": (sub(ALPHA, "region: global", "region: global\ncolour: red"), "unknown field"),
    "unknown theme": (sub(ALPHA, "themes: [sse]", "themes: [astrology]"), "unknown theme"),
    "bad web address": (
        sub(ALPHA, "https://example.org/alpha", "javascript:alert(1)"),
        "web address",
    ),
    "no sources": (sub(EVENT, "sources:\n  - doc: doc/beta-resolution", "sources: []"), "source"),
    "record not a mapping": (new_file("events/list.yaml", "- a\n- b\n"), "mapping"),
    "empty name": (sub(ALPHA, "name: Alpha Cooperative Alliance", 'name: ""'), "non-empty"),
    "bad id": (sub(ALPHA, "id: org/alpha", "id: org/Alpha Beta"), "not an id"),
}


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """The fixture data and the database it builds (what a refused build must leave)."""
    folder = tmp_path_factory.mktemp("built")
    db = folder / "sseref.db"
    build_database(FIXTURE_DATA, db)
    return db, db.read_bytes()


_LOCATED = re.compile(r"^.+\.ya?ml:\d+: [^:]+: .+$")


@pytest.mark.parametrize("case", list(BAD_EDITS))
def test_bad_data_is_refused(case: str, clean: tuple[Path, bytes], tmp_path: Path) -> None:
    edit, words = BAD_EDITS[case]
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    edit(data)
    db = tmp_path / "sseref.db"
    db.write_bytes(clean[1])
    with pytest.raises(BuildError) as info:
        build_database(data, db)
    messages = [str(p) for p in info.value.problems]
    assert messages and all(_LOCATED.match(m) for m in messages), messages
    assert any(words in m for m in messages), messages
    assert all(len(m) < 600 for m in messages), "a message quotes a whole bad value"
    assert not any(ch in m for m in messages for ch in "\x1b\x07\x00\u202e"), messages
    assert db.read_bytes() == clean[1]
    assert [p.name for p in tmp_path.iterdir()] and not list(tmp_path.glob("*.tmp"))


def test_cli_refuses_with_messages_and_exit_1(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.conftest import ROOT

    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    BAD_EDITS["billion laughs"][0](data)
    BAD_EDITS["escape in a name"][0](data)
    db = tmp_path / "out.db"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sseref",
            "--database",
            str(db),
            "build-data",
            "--source",
            str(data),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "nothing was written" in done.stderr and "\x1b" not in done.stderr
    assert not db.exists()


def test_cli_read_only_install_is_a_message(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.conftest import ROOT
    from tests.reliability.smallfs import tmpfs

    with tmpfs(tmp_path / "ro", read_only=True) as disk:
        done = subprocess.run(
            [sys.executable, "-m", "sseref", "--database", str(disk / "generated" / "sseref.db")]
            + ["build-data", "--source", str(FIXTURE_DATA)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "read-only" in done.stderr


# --- every accepted date renders ------------------------------------------------------------

EDGE_DATES = ["1000", "1000-01", "1000-01-01", "2200", "2200-12", "2200-12-31", "1000/2200"]


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
def test_edge_dates_format_in_every_language(lang: str) -> None:
    from sseref.core.dateformat import format_spec, format_text
    from sseref.core.dates import parse_date

    for text in EDGE_DATES:
        spec = parse_date(text)
        for style in ("long", "short"):
            assert format_text(text, lang, style)  # type: ignore[arg-type]
        assert format_spec(spec, lang)


@pytest.fixture(scope="module")
def edge_db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture data with the earliest and latest dates the build accepts."""
    folder = tmp_path_factory.mktemp("edge")
    data = folder / "data"
    shutil.copytree(FIXTURE_DATA, data)
    sub(EVENT, "date: 1978-08-30/1978-09-12", "date: 1000-01-01/2200-12-31")(data)
    sub(ALPHA, 'founded: "1895"', 'founded: "2200-12"')(data)
    sub(ALPHA, 'since: "2014"', 'since: "1000-01"')(data)
    db = folder / "sseref.db"
    build_database(data, db)
    return db


@pytest.mark.usefixtures("qapp")
def test_edge_dates_print(edge_db_path: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from sseref.core.db import Database
    from sseref.gui.printing import render_pdf

    db = Database(edge_db_path)
    try:
        for lang in ("en", "fr"):
            out = tmp_path / f"edge-{lang}.pdf"
            render_pdf(db, ["event/1978-conference", "org/alpha"], out, lang, "a4")
            text = " ".join(page.extract_text() for page in PdfReader(str(out)).pages)
            assert "1000" in text and "2200" in text
    finally:
        db.close()


def test_edge_dates_show_on_screen(qtbot: Any, edge_db_path: Path) -> None:
    from sseref.core.db import Database
    from sseref.gui.wiring import build_main_window

    db = Database(edge_db_path)
    window = build_main_window(db)
    qtbot.addWidget(window)
    try:
        for record_id in ("event/1978-conference", "org/alpha"):
            window.record_view.open(record_id)
            qtbot.wait(10)
        window.show_panel("history")
        qtbot.wait(50)
        window.show_panel("organizations")
    finally:
        window.close()
        db.close()
