"""`sseref search`: one query, or a batch from standard input, as text or JSON lines."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sseref.app.cliutil import kind_arg
from sseref.core import paths
from sseref.core.db import Database
from sseref.core.i18n import _
from sseref.search.engine import SearchEngine, SearchIndexError, SearchQueryError
from sseref.search.lifecycle import open_engine, recover
from sseref.search.results import SearchResults

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


def _progress(done: int, total: int) -> None:
    print(
        _("Building the search index: {done}/{total}").format(done=done, total=total),
        file=sys.stderr,
    )


def _run(
    engine: SearchEngine, db: Database, text: str, args: argparse.Namespace, kind: str | None
) -> tuple[SearchEngine, SearchResults]:
    # Whole words typed at a prompt: the last one is not a prefix, unlike in the search box.
    options: dict[str, Any] = {
        "limit": args.limit,
        "offset": args.offset,
        "kind": kind,
        "lang": args.lang,
        "as_you_type": args.prefix,
    }
    try:
        return engine, engine.search(text, **options)
    except SearchIndexError:  # damaged since it was opened: rebuild once and retry
        engine = recover(engine, db, progress=_progress)
        return engine, engine.search(text, **options)


def _print_text(result: SearchResults) -> None:
    if result.suggestion:
        print(_("Did you mean: {suggestion}?").format(suggestion=result.suggestion))
    print(_("{total} result(s)").format(total=result.total))
    for hit in result.hits:
        print(f"{hit.id:45} {hit.title}")


def cmd_search(args: argparse.Namespace) -> int:

    kind = kind_arg(args.kind) if args.kind else None
    if not args.batch and args.query is None:
        print(
            _("sseref search: give a QUERY, or --batch to read queries from standard input"),
            file=sys.stderr,
        )
        return EXIT_USAGE
    db = Database(Path(args.database) if args.database else paths.database_path())
    engine = open_engine(db, progress=_progress)
    failures = 0
    try:
        queries = (line.rstrip("\r\n") for line in sys.stdin) if args.batch else [args.query]
        for text in queries:
            try:
                engine, result = _run(engine, db, text, args, kind)
            except SearchQueryError as exc:
                if not args.batch:
                    raise
                # One odd query in a batch must not stop the ones after it.
                failures += 1
                print(f"sseref search: {exc}", file=sys.stderr)
                if args.json:
                    sys.stdout.write(json.dumps({"query": text, "error": str(exc)}) + "\n")
                    sys.stdout.flush()
                continue
            if args.json:
                indent = None if args.batch else 2
                sys.stdout.write(
                    json.dumps(result.to_json(), ensure_ascii=False, indent=indent) + "\n"
                )
                sys.stdout.flush()
            else:
                _print_text(result)
    finally:
        engine.close()
        db.close()
    return EXIT_FAIL if failures else EXIT_OK


def register(sub: Any) -> None:
    """Adds `sseref search` to the command's subparsers."""
    p = sub.add_parser("search", help=_("search every record (EN/ES/FR, acronyms, symbols)"))
    p.add_argument(
        "query",
        nargs="?",
        help=_(
            'the query (words, "phrases", OR, -word, kind:, year:1970..1980, type:, region:, lang:)'
        ),
    )
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.add_argument(
        "--batch",
        action="store_true",
        help=_("read queries from standard input, one per line (JSON lines)"),
    )
    p.add_argument("--limit", type=int, default=10, help=_("hits per query (default 10)"))
    p.add_argument("--offset", type=int, default=0, help=_("skip this many hits (paging)"))
    p.add_argument("--kind", help=_("only records of this kind (org, event, doc, init, term)"))
    p.add_argument(
        "--prefix",
        action="store_true",
        help=_("treat the last word as a prefix, as the search box does"),
    )
    p.set_defaults(handler=cmd_search)
