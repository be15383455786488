"""`sseref library list|remove|reindex|import|extract` (also spelled `sseref document …`) and
`sseref import`: the private library."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sseref.core.i18n import _
from sseref.core.userdocs import Document, DocumentStore
from sseref.core.userstore import UserStore
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


def _open_docs() -> tuple[UserStore, DocumentStore]:
    store = UserStore()
    return store, DocumentStore(store.db)


def _doc_json(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.key,
        "sha256": doc.sha256,
        "file_name": doc.file_name,
        "title": doc.title,
        "authors": list(doc.authors),
        "date": doc.date,
        "language": doc.language,
        "format": doc.format,
        "size": doc.size,
        "pages": doc.pages,
        "imported_at": doc.imported_at,
    }


def cmd_import(args: argparse.Namespace) -> int:
    """Imports files (and the files in folders); exit 1 if any was refused."""
    from sseref.library.importer import REFUSED, import_files, tally

    store, docs = _open_docs()
    try:
        outcomes = import_files(docs, [Path(f) for f in args.files])
    finally:
        store.close()
    counts = tally(outcomes)
    if args.json:
        rows = [
            {
                "path": str(o.path),
                "status": o.status,
                "message": o.message,
                "id": o.document.key if o.document else None,
            }
            for o in outcomes
        ]
        sys.stdout.write(
            json.dumps({"counts": counts, "files": rows}, ensure_ascii=False, indent=2) + "\n"
        )
    else:
        for o in outcomes:
            print(f"{o.status}\t{o.path}\t{o.message}")
        print(
            _(
                "Imported: {imported}. Already in your library: {duplicate}. Refused: {refused}."
            ).format(**counts)
        )
    return 1 if counts[REFUSED] else 0


def cmd_list(args: argparse.Namespace) -> int:
    store, docs = _open_docs()
    try:
        found = docs.documents()
    finally:
        store.close()
    if args.json:
        rows = [_doc_json(d) for d in found]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    for doc in found:
        authors = "; ".join(doc.authors)
        print(f"{doc.sha256[:12]}  {doc.format:5} {doc.date:10} {doc.display_title} — {authors}")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    store, docs = _open_docs()
    try:
        matches = [d for d in docs.documents() if d.sha256.startswith(args.sha.lower())]
        if len(matches) != 1 or len(args.sha) < 6:
            print(
                _("Give the start (6 characters or more) of one document's hash."), file=sys.stderr
            )
            return 2
        docs.remove(matches[0].sha256)
    finally:
        store.close()
    print(_("Removed “{title}”.").format(title=matches[0].display_title))
    return 0


def cmd_reindex(args: argparse.Namespace) -> int:
    """Reads every document (or those whose hash starts with the arguments) again from its kept
    original: new text and passages. Exit 1 if any could not be read."""
    from sseref.library.importer import reindex

    store, docs = _open_docs()
    try:
        prefixes = [p.lower() for p in args.sha]
        only = None
        if prefixes:
            only = [
                d.sha256 for d in docs.documents() if any(d.sha256.startswith(p) for p in prefixes)
            ]
        outcomes = reindex(docs, only)
    finally:
        store.close()
    if args.json:
        rows = [
            {"id": o.document.key, "passages": o.passages, "problem": o.problem or None}
            for o in outcomes
        ]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        for o in outcomes:
            status = o.problem or _("{n} passages").format(n=o.passages)
            print(f"{o.document.sha256[:12]}  {o.document.display_title}: {status}")
        failed = sum(1 for o in outcomes if o.problem)
        print(
            _("Read again: {done}. Could not be read: {failed}.").format(
                done=len(outcomes) - failed, failed=failed
            )
        )
    return 1 if any(o.problem for o in outcomes) else 0


def _import_arguments(parser: Any) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=cmd_import)


def register(sub: Any) -> None:
    # `library` is the name; `document` (the first spelling) stays as an alias.
    for name in ("library", "document"):
        if name not in sub.choices:
            _register_library(sub, name)
    if "import" not in sub.choices:
        _import_arguments(
            sub.add_parser(
                "import", help=_("import files (or the files in folders) into your library")
            )
        )


def _register_library(sub: Any, name: str) -> None:
    parser = sub.add_parser(
        name, help=_("your own documents: import, list, remove, reindex, extract")
    )
    actions = parser.add_subparsers(dest="document_command", required=True)
    extract = actions.add_parser(
        "extract", help=_("show the text and metadata an import would read from a file")
    )
    extract.add_argument("file")
    extract.add_argument("--json", action="store_true")
    extract.add_argument("--chars", type=int, default=2000, help=argparse.SUPPRESS)
    extract.set_defaults(handler=cmd_extract)
    _import_arguments(
        actions.add_parser(
            "import", help=_("import files (or the files in folders) into your library")
        )
    )
    listing = actions.add_parser("list", help=_("list the documents in your library"))
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_list)
    remove = actions.add_parser("remove", help=_("remove a document from your library"))
    remove.add_argument("sha", metavar="HASH")
    remove.set_defaults(handler=cmd_remove)
    again = actions.add_parser(
        "reindex", help=_("read documents again from their kept originals (new text, passages)")
    )
    again.add_argument("sha", nargs="*", metavar="HASH")
    again.add_argument("--json", action="store_true")
    again.set_defaults(handler=cmd_reindex)
