"""The Spanish and French catalogs are complete, reviewed and up to date with the sources.

Fails when a msgid lacks a translation, when an entry is fuzzy, when a translation drops or
changes a `{placeholder}`, or when the committed template no longer matches what extraction
finds in the code (a new string was added without running scripts/update_catalogs.py).
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "resources" / "locale"
LANGS = ("es", "fr")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _load_script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


def _catalog(lang: str) -> Catalog:
    with (LOCALE / lang / "LC_MESSAGES" / "sseref.po").open("rb") as handle:
        return read_po(handle, locale=lang)


def _entries(lang: str) -> list[Message]:
    return [m for m in _catalog(lang) if m.id]


def _forms(message: Message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


def placeholder_problems(msgid: str | tuple[str, ...], translations: list[str]) -> list[str]:
    """Translations whose `{fields}` differ from the msgid's (each plural form checked)."""
    ids = msgid if isinstance(msgid, tuple) else (msgid,)
    wanted = sorted(set().union(*(PLACEHOLDER.findall(i) for i in ids)))
    problems = []
    for text in translations:
        found = sorted(set(PLACEHOLDER.findall(text)))
        # A singular form may spell the number out ("one record"): it may omit fields, not add.
        allowed = found == wanted or (len(ids) > 1 and set(found) <= set(wanted))
        if not allowed:
            problems.append(f"{ids[0]!r} → {text!r}: {found} instead of {wanted}")
    return problems


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated(lang: str) -> None:
    missing = [m.id for m in _entries(lang) if not all(_forms(m))]
    assert not missing, f"{len(missing)} untranslated in {lang}: {missing[:20]}"


@pytest.mark.parametrize("lang", LANGS)
def test_no_fuzzy_entries(lang: str) -> None:
    catalog = _catalog(lang)
    fuzzy = [m.id for m in catalog if m.fuzzy]
    assert not fuzzy, f"fuzzy entries in {lang}: {fuzzy[:20]}"


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_are_kept(lang: str) -> None:
    problems = [p for m in _entries(lang) for p in placeholder_problems(m.id, _forms(m))]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_plural_forms_match_the_language(lang: str) -> None:
    catalog = _catalog(lang)
    for message in _entries(lang):
        if isinstance(message.id, tuple):
            assert len(_forms(message)) == catalog.num_plurals, message.id


def test_template_is_up_to_date_with_the_sources() -> None:
    """A string added to the code without re-extracting (and translating) fails here."""
    update = _load_script("update_catalogs")
    committed = update.template_messages((LOCALE / "sseref.pot").read_bytes())
    fresh = update.messages(update.extract())
    if committed != fresh:
        pytest.fail(
            "resources/locale/sseref.pot is out of date: run "
            "scripts/update_catalogs.py and translate the new entries. "
            f"New: {sorted(map(str, fresh - committed))[:5]}; gone: "
            f"{sorted(map(str, committed - fresh))[:5]}"
        )


def test_template_check_ignores_the_header_but_sees_a_moved_string() -> None:
    """Babel's version or the date in the header is noise; a message or its file is not."""
    update = _load_script("update_catalogs")
    pot = (LOCALE / "sseref.pot").read_bytes()
    noisy = re.sub(rb"POT-Creation-Date: [^\\]*", b"POT-Creation-Date: 1999-01-01 00:00+0000", pot)
    noisy = noisy.replace(b"Generated-By: Babel", b"Generated-By: Babel 99.0 was")
    assert noisy != pot
    assert update.template_messages(noisy) == update.template_messages(pot)
    moved = pot.replace(
        b'#: sseref/gui/actions.py\nmsgid "&About SSE Ref"',
        b'#: sseref/gui/other.py\nmsgid "&About SSE Ref"',
        1,
    )
    assert moved != pot
    assert update.template_messages(moved) != update.template_messages(pot)


@pytest.mark.parametrize("lang", LANGS)
def test_catalogs_hold_exactly_the_template_messages(lang: str) -> None:
    with (LOCALE / "sseref.pot").open("rb") as handle:
        template = {m.id for m in read_po(handle) if m.id}
    assert {m.id for m in _entries(lang)} == template


# --- the checks themselves catch what they should --------------------------------------------


def test_placeholder_check_catches_dropped_and_renamed_fields() -> None:
    assert placeholder_problems("Zoom {percent}%", ["Zoom %"])
    assert placeholder_problems("Wrote {path}", ["Se escribió {ruta}"])
    assert not placeholder_problems("Wrote {path}", ["Se escribió {path}"])
    assert not placeholder_problems(("{n} record", "{n} records"), ["une fiche", "{n} fiches"])


def test_fuzzy_and_missing_entries_are_seen(tmp_path: Path) -> None:
    po = tmp_path / "x.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        '#, fuzzy\nmsgid "Name"\nmsgstr "Nombre"\n\nmsgid "Type"\nmsgstr ""\n',
        encoding="utf-8",
    )
    with po.open("rb") as handle:
        catalog = read_po(handle)
    assert [m.id for m in catalog if m.id and m.fuzzy] == ["Name"]
    assert [m.id for m in catalog if m.id and not m.string] == ["Type"]


def gettext_calls_in_fstrings(source: str) -> list[tuple[int, str]]:
    """`_("…")` calls with a literal inside f-strings: Babel's extractor cannot see them on
    Python 3.11, so such messages would silently stay untranslated."""
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.JoinedStr):
            continue
        for sub in ast.walk(node):
            if not (isinstance(sub, ast.Call) and sub.args):
                continue
            func = sub.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            first = sub.args[0]
            if name in ("_", "N_", "ngettext", "n_") and isinstance(first, ast.Constant):
                found.append((sub.lineno, str(first.value)))
    return found


def test_no_translated_literal_hides_inside_an_fstring() -> None:
    problems = [
        f"{path.relative_to(ROOT)}:{line}: {text!r}"
        for path in sorted((ROOT / "sseref").rglob("*.py"))
        for line, text in gettext_calls_in_fstrings(path.read_text(encoding="utf-8"))
    ]
    assert not problems, "move these _() calls out of the f-string:\n" + "\n".join(problems)
    assert gettext_calls_in_fstrings("x = f\"<b>{_('Hidden')}</b>\"") == [(1, "Hidden")]
