"""`sseref factsheet`: fact sheets and meeting packs to PDF from the command line (no display)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sseref.core import paths
from sseref.core.db import Database
from sseref.core.errors import UnknownRecordError
from sseref.core.i18n import LANGUAGES, _
from sseref.report.compose import check_ids
from sseref.report.paper import default_paper

EXIT_OK, EXIT_USAGE = 0, 2


def register(sub: Any) -> None:
    """Adds the `factsheet` subcommand to the `sseref` parser."""
    parser = sub.add_parser(
        "factsheet",
        help=_("write the fact sheet of one record, or a meeting pack of several, as PDF"),
    )
    parser.add_argument(
        "ids",
        nargs="*",
        metavar="ID",
        help=_("record ids; several make a pack with a cover and contents"),
    )
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT.pdf", help=_("the PDF file to write")
    )
    parser.add_argument(
        "--lang",
        dest="sheet_lang",
        choices=LANGUAGES,
        default=None,
        help=_("language of the sheets (default: the interface language)"),
    )
    parser.add_argument(
        "--paper",
        choices=("a4", "letter"),
        default=None,
        help=_("paper size (default: from the locale)"),
    )
    parser.add_argument(
        "--bilingual",
        choices=LANGUAGES,
        default=None,
        metavar="LANG",
        help=_("a second language shown side by side"),
    )
    parser.add_argument("--meeting", default=None, help=_("meeting name for the pack's cover"))
    parser.add_argument(
        "--glossary",
        action="store_true",
        help=_("one glossary sheet of the given terms (all terms if none)"),
    )
    parser.add_argument("--json", action="store_true", help=_("print what was written as JSON"))
    parser.set_defaults(handler=cmd_factsheet)


def cmd_factsheet(args: argparse.Namespace) -> int:
    db = Database(Path(args.database) if args.database else paths.database_path())
    try:
        if not args.ids and not args.glossary:
            print(_("sseref factsheet: give at least one record id."), file=sys.stderr)
            return EXIT_USAGE
        try:
            check_ids(db, args.ids)
        except UnknownRecordError as exc:
            print(f"sseref factsheet: {exc}", file=sys.stderr)
            return EXIT_USAGE
        from sseref.gui.printing import render_pdf  # Qt loads only for this command

        lang = args.sheet_lang or args.lang
        paper = args.paper or default_paper().value
        out = Path(args.output)
        result = render_pdf(
            db,
            args.ids,
            out,
            lang,
            paper,
            bilingual=args.bilingual,
            meeting_name=args.meeting,
            glossary=args.glossary,
        )
    finally:
        db.close()
    summary = {
        "output": str(out),
        "pages": result.pages,
        "lang": lang,
        "paper": paper,
        "records": list(args.ids),
        "bilingual": args.bilingual,
    }
    if args.json:
        sys.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    else:
        print(_("Wrote {path} ({pages} pages)").format(path=out, pages=result.pages))
    return EXIT_OK
