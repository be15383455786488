"""Fills empty entries of resources/locale/{es,fr}/LC_MESSAGES/sseref.po from a reviewed table.

The .po files stay the source of truth: this script only writes translations for entries that
are still empty (or, with --force, replaces entries whose msgid is in the table), keeps
placeholders checked, and never marks anything fuzzy. Add new strings to `TRANSLATIONS` (or
translate them directly in the .po files with a PO editor), then run:

    .venv/bin/python scripts/update_catalogs.py && .venv/bin/python scripts/fill_catalogs.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

sys.path.insert(0, str(Path(__file__).resolve().parent))
from catalog_translations import PLURALS, TRANSLATIONS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "resources" / "locale"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _fields(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


TEAMS = {"es": "Spanish", "fr": "French"}


def _review_header(catalog: Catalog, lang: str) -> None:
    """A reviewed catalog's header: not fuzzy, with a real team instead of Babel's placeholders."""
    catalog.fuzzy = False
    catalog.project, catalog.version = "SSE Ref", ""
    catalog.copyright_holder = "the SSE Ref authors"
    catalog.msgid_bugs_address = ""
    catalog.last_translator = "SSE Ref translators"
    catalog.language_team = f"{TEAMS[lang]} (SSE Ref)"
    catalog.header_comment = (
        f"# {TEAMS[lang]} translations for SSE Ref.\n"
        "# This file is distributed under the same license as SSE Ref.\n"
        "# Reviewed translations: see scripts/catalog_translations.py."
    )


def main(argv: list[str]) -> int:
    force = "--force" in argv
    problems = 0
    for index, lang in enumerate(("es", "fr")):
        path = LOCALE / lang / "LC_MESSAGES" / "sseref.po"
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        filled = missing = 0
        _review_header(catalog, lang)
        for message in catalog:
            if not message.id:
                continue
            message.flags.discard("fuzzy")
            if isinstance(message.id, tuple):
                forms = PLURALS.get(message.id)
                current = message.string if isinstance(message.string, tuple) else ()
                if forms and (force or not all(current)):
                    message.string = tuple(forms[index])
                    filled += 1
                elif not forms and not all(current):
                    missing += 1
                    print(f"{lang}: missing plural {message.id!r}")
                continue
            entry = TRANSLATIONS.get(message.id)
            if entry is not None and (force or not message.string):
                text = entry[index]
                if _fields(text) != _fields(message.id):
                    problems += 1
                    print(f"{lang}: placeholders differ in {message.id!r} → {text!r}")
                    continue
                message.string = text
                filled += 1
            elif not message.string:
                missing += 1
                print(f"{lang}: missing {message.id!r}")
        with path.open("wb") as handle:
            write_po(
                handle,
                catalog,
                width=100,
                sort_output=True,
                ignore_obsolete=True,
                include_lineno=False,
            )
        print(f"{lang}: {filled} filled, {missing} still untranslated")
        problems += missing
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
