"""`sseref document extract FILE`: what an import would read from a file, in the sandbox."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sseref.core.i18n import _
from sseref.library.sandbox import ExtractionError, extract_in_sandbox


def cmd_extract(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        print(_("No such file: {path}").format(path=path), file=sys.stderr)
        return 2
    try:
        found = extract_in_sandbox(path)
    except ExtractionError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    if args.json:
        sys.stdout.write(json.dumps(found.to_json(), ensure_ascii=False, indent=2) + "\n")
        return 0
    print(f"{found.title}\n{', '.join(found.authors)} {found.date} [{found.language or '?'}]")
    print(found.text[: args.chars])
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("document", help=_("work with your own documents (text extraction)"))
    actions = parser.add_subparsers(dest="document_command", required=True)
    extract = actions.add_parser(
        "extract", help=_("show the text and metadata an import would read from a file")
    )
    extract.add_argument("file")
    extract.add_argument("--json", action="store_true")
    extract.add_argument("--chars", type=int, default=2000, help=argparse.SUPPRESS)
    extract.set_defaults(handler=cmd_extract)
