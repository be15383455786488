"""Extracts every translatable string into resources/locale/sseref.pot and merges es/fr catalogs.

Run after changing user-visible strings:  .venv/bin/python scripts/update_catalogs.py
Then translate the new entries in resources/locale/{es,fr}/LC_MESSAGES/sseref.po (the only source
of translations). Locations are written without
line numbers, so the template changes only when strings change (tests/core/test_catalogs.py
regenerates it and fails when the committed one is out of date).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "resources" / "locale"
LANGUAGES = ("es", "fr")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "n_": (1, 2)}


def extract() -> Catalog:
    """Every `_()`, `N_()` and `ngettext()` string of the package and of the benchmarks that
    `sseref bench` runs from a checkout (Python sources)."""
    catalog = Catalog(project="SSE Ref", domain="sseref", charset="utf-8")
    for folder in ("sseref", "benchmarks"):
        for filename, lineno, message, comments, context in extract_from_dir(
            str(ROOT / folder),
            method_map=[("**.py", "python")],
            keywords=KEYWORDS,
            comment_tags=("TRANSLATORS:",),
        ):
            catalog.add(
                message,
                None,
                [(f"{folder}/{filename}", lineno)],
                auto_comments=comments,
                context=context,
            )
    return catalog


def render_template(template: Catalog | None = None) -> bytes:
    """The .pot file's bytes for the current sources (what `main` writes)."""
    buffer = io.BytesIO()
    write_po(
        buffer,
        template or extract(),
        width=100,
        omit_header=False,
        sort_output=True,
        include_lineno=False,
    )
    return buffer.getvalue()


def messages(catalog: Catalog) -> set[tuple[object, ...]]:
    """What a template says that matters: ids, plurals, contexts, the files each comes from and
    translator comments; never the header (dates, Babel's version) or the tool's formatting."""
    return {
        (
            m.id if isinstance(m.id, str) else tuple(m.id),
            m.context,
            tuple(sorted({filename for filename, _line in m.locations})),
            tuple(m.auto_comments),
        )
        for m in catalog
        if m.id
    }


def template_messages(pot: bytes) -> set[tuple[object, ...]]:
    """`messages` of a template file's bytes."""
    return messages(read_po(io.BytesIO(pot)))


def main() -> int:
    template = extract()
    LOCALE.mkdir(parents=True, exist_ok=True)
    pot = LOCALE / "sseref.pot"
    rendered = render_template(template)
    if not pot.exists() or template_messages(pot.read_bytes()) != messages(template):
        pot.write_bytes(rendered)  # keep the old file (and its date) when no message changed
    for lang in LANGUAGES:
        po_path = LOCALE / lang / "LC_MESSAGES" / "sseref.po"
        po_path.parent.mkdir(parents=True, exist_ok=True)
        if po_path.exists():
            with po_path.open("rb") as handle:
                catalog = read_po(handle, locale=lang)
        else:
            catalog = Catalog(locale=lang, domain="sseref", project="SSE Ref")
        catalog.update(template, no_fuzzy_matching=True)
        with po_path.open("wb") as handle:
            write_po(
                handle,
                catalog,
                width=100,
                sort_output=True,
                ignore_obsolete=True,
                include_lineno=False,
            )
        missing = sum(
            1
            for m in catalog
            if m.id and not all(m.string if isinstance(m.string, tuple) else [m.string])
        )
        print(f"{lang}: {len(catalog)} messages, {missing} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
