"""`sseref user export|import|stats` and `sseref notes search`: the personal layer, scriptable."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sseref.core.i18n import _
from sseref.core.userstore import UserStore

EXIT_OK = 0


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def _known_ids(args: argparse.Namespace) -> set[str] | None:
    """The bundled records' ids, to mark user rows whose record left the data (None: no db)."""
    from sseref.app.cli import _open_db  # late: cli imports this module's registrar

    try:
        db = _open_db(args)
    except Exception:  # noqa: BLE001 - user data works without the bundled database
        return None
    try:
        return set(db.ids())
    finally:
        db.close()


def cmd_user(args: argparse.Namespace) -> int:
    from sseref.core.userexport import export_file, import_file

    store = UserStore()
    try:
        if store.db.recovery is not None:
            print(
                _("Your data file was damaged; it was moved to {path}.").format(
                    path=store.db.recovery.moved_to
                ),
                file=sys.stderr,
            )
        if args.user_command == "export":
            counts = export_file(store, Path(args.file))
            if args.json:
                _print_json({"file": str(args.file), "counts": counts})
            else:
                print(_("Exported to {path}").format(path=args.file))
        elif args.user_command == "import":
            report = import_file(store, Path(args.file))
            if args.json:
                _print_json(report.to_json())
            else:
                print(report.summary())
        else:
            stats: dict[str, Any] = {"path": str(store.db.path), "version": store.db.version}
            stats["counts"] = store.stats()
            known = _known_ids(args)
            if known is not None:
                stats["records_no_longer_in_the_data"] = sorted(store.missing(known))
            if args.json:
                _print_json(stats)
            else:
                print(str(store.db.path))
                for key, value in stats["counts"].items():
                    print(f"  {key}: {value}")
    finally:
        store.close()
    return EXIT_OK


def cmd_notes_search(args: argparse.Namespace) -> int:
    store = UserStore()
    try:
        hits = store.search_notes(args.query, limit=args.limit)
        known = _known_ids(args)
        rows = []
        for hit in hits:
            note = store.note(hit.record.id)
            rows.append(
                {
                    "id": hit.record.id,
                    "title": hit.record.title,
                    "kind": hit.record.kind,
                    "snippet": hit.snippet,
                    "tags": list(note.tags) if note else [],
                    "in_data": None if known is None else hit.record.id in known,
                }
            )
    finally:
        store.close()
    if args.json:
        _print_json({"query": args.query, "total": len(rows), "hits": rows})
    else:
        for row in rows:
            print(f"{row['id']:40} {row['title']}  {row['snippet']}")
    return EXIT_OK


def register(sub: Any) -> None:
    user = sub.add_parser("user", help=_("export, import or count your own data"))
    user_sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    export = user_sub.add_parser("export", help=_("write all your data to one JSON file"))
    export.add_argument("file")
    export.add_argument("--json", action="store_true")
    imp = user_sub.add_parser("import", help=_("merge a JSON file made by export"))
    imp.add_argument("file")
    imp.add_argument("--json", action="store_true")
    stats = user_sub.add_parser("stats", help=_("what your data holds"))
    stats.add_argument("--json", action="store_true")
    user.set_defaults(handler=cmd_user)

    notes = sub.add_parser("notes", help=_("your notes and tags"))
    notes_sub = notes.add_subparsers(dest="notes_command", metavar="ACTION", required=True)
    search = notes_sub.add_parser("search", help=_("search your notes, tags and their records"))
    search.add_argument("query")
    search.add_argument("--json", action="store_true")
    search.add_argument("--limit", type=int, default=50)
    notes.set_defaults(handler=cmd_notes_search)
