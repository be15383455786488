"""The `sseref` command: no command launches the GUI; subcommands script every capability."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sseref import __version__
from sseref.app.cliutil import kind_arg
from sseref.core import paths, vocab
from sseref.core.db import Database
from sseref.core.errors import SSERefError, UnknownKindError, UnknownRecordError
from sseref.core.i18n import _, normalize_language, set_language

if TYPE_CHECKING:
    from sseref.ingest.outputs import OutputStep

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2
Handler = Callable[[argparse.Namespace], int]


def _print_json(value: Any) -> None:
    import json  # the window never prints JSON

    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def _open_db(args: argparse.Namespace) -> Database:
    return Database(Path(args.database) if args.database else paths.database_path())


def cmd_build_data(args: argparse.Namespace) -> int:
    data_dir = Path(args.source) if args.source else _default_data_dir()
    target = Path(args.database) if args.database else paths.bundled_database_path()
    try:
        return _build_data(args, data_dir, target)
    except OSError as exc:  # a read-only install, a full disk: a sentence, not a traceback
        from sseref.core.safefile import os_error_message

        where = Path(exc.filename) if exc.filename else target
        print(f"sseref build-data: {os_error_message(exc, where)}", file=sys.stderr)
        return EXIT_FAIL


def _build_data(args: argparse.Namespace, data_dir: Path, target: Path) -> int:
    from sseref.ingest.build import BuildError, build_database, is_stale  # build time only

    steps = _post_build_steps()
    if args.if_stale and not is_stale(data_dir, target):
        stale = [step for step in steps if step.is_stale(target)]
        for step in stale:
            print(_("Rebuilding {name}").format(name=step.name), file=sys.stderr)
            step.run(target)
        if not stale:
            print(_("The database is up to date: {path}").format(path=target))
        return EXIT_OK
    try:
        result = build_database(data_dir, target, progress=lambda m: print(m, file=sys.stderr))
    except BuildError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(
            _("{n} problem(s) in {path}; nothing was written.").format(
                n=len(exc.problems), path=data_dir
            ),
            file=sys.stderr,
        )
        return EXIT_FAIL
    for step in steps:
        print(_("Building {name}").format(name=step.name), file=sys.stderr)
        step.run(result.database)
    print(
        _("Built {path}: {counts}").format(
            path=result.database, counts=", ".join(f"{k} {v}" for k, v in result.counts.items())
        )
    )
    return EXIT_OK


def _post_build_steps() -> list[OutputStep]:
    """Steps that derive more outputs from a fresh database (catalogs, the shipped index)."""
    from sseref.ingest import outputs  # build time only

    return outputs.post_build_steps()


def _default_data_dir() -> Path:
    root = paths.checkout_root()
    if root is None:
        raise SSERefError(_("No data/ folder here: pass --source DIR."))
    return root / "data"


def cmd_stats(args: argparse.Namespace) -> int:
    db = _open_db(args)
    stats = db.stats()
    if args.json:
        _print_json(stats)
    else:
        print(
            _("Data version {version}, built {built}").format(
                version=stats["data_version"], built=stats["built_at"]
            )
        )
        for kind, count in stats["counts"].items():
            print(f"  {_(vocab.KIND_PLURALS[kind])}: {count}")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    db = _open_db(args)
    record = db.get(args.id, args.lang)
    if args.json:
        _print_json(record.to_json(args.lang))
        return EXIT_OK
    name = record.name(args.lang)
    print(f"{name.name}" + (f" ({name.acronym})" if name.acronym else ""))
    print(f"[{_(vocab.KIND_LABELS[record.kind])}] {record.id}")
    if record.date:
        print(record.date.text())
    from sseref.core.fieldview import field_views  # Babel's dates: only `show` needs them

    views = field_views(record, args.lang)
    if views:
        print()
        for view in views:
            print(f"  {view.label}: {view.text}" + (f" ({view.as_of})" if view.as_of else ""))
    if record.kind != "person" and record.roles:
        # The people holding roles in this organization.
        print()
        print(f"{_(vocab.KIND_PLURALS['person'])}:")
        for role in record.roles:
            print(f"  {role.person_name} <{role.person_id}>: {role.title(args.lang)}")
    print()
    print(record.summary(args.lang)[0])
    if record.relations:
        print()
        for rel in record.relations:
            rtype = vocab.RELATION_TYPES[rel.type]
            msgid = rtype.forward if rel.direction == "out" else rtype.inverse
            label = _(msgid)
            print(f"  {label}: {rel.other_title} <{rel.other_id}>")
    print()
    print(_("Sources:"))
    for source in record.sources:
        print(f"  {source.position}. {source.citation()}")
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    db = _open_db(args)
    kind = kind_arg(args.kind)
    rows = db.rows(db.ids(kind), args.lang)
    if args.json:
        _print_json(
            [
                {
                    "id": r.id,
                    "title": r.title,
                    "acronym": r.acronym,
                    "date": r.date_text,
                    "type": r.type,
                }
                for r in rows
            ]
        )
    else:
        for r in rows:
            print(f"{r.id:40} {r.title}" + (f" ({r.acronym})" if r.acronym else ""))
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    from sseref.app.launch import run_gui

    return run_gui(args)


def _global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", help=_("keep settings, user data and caches in this folder"))
    parser.add_argument("--database", help=_("use this database file instead of the bundled one"))
    parser.add_argument("--lang", default=None, help=_("language: en, es or fr"))


def _command_named(argv: list[str]) -> str | None:
    """The subcommand argv names ("" for a bare --help, None for the window): only that
    command's module is imported, so `sseref --help` loads no Whoosh and no Qt."""
    with_value = {"--data-dir", "--database", "--lang"}
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token in with_value:
            skip = True
        elif token in ("-h", "--help"):
            return ""
        elif not token.startswith("-"):
            return token
    return None


def build_parser(command: str | None = "") -> argparse.ArgumentParser:
    """The parser; `command` names the one subcommand whose module is loaded (None: the GUI
    launch, no subcommands; "": all listed for --help, none loaded)."""
    parser = argparse.ArgumentParser(
        prog="sseref",
        description=_(
            "SSE Ref: an offline reference on the Social and Solidarity Economy "
            "and South-South cooperation. Without a command, opens the window."
        ),
    )
    parser.add_argument("--version", action="version", version=f"sseref {__version__}")
    _global_options(parser)
    parser.set_defaults(handler=cmd_gui, json=False)
    if command is None:
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    build = sub.add_parser("build-data", help=_("validate data/ and build the database"))
    build.add_argument("--source", help=_("the data folder (default: the checkout's data/)"))
    build.add_argument(
        "--if-stale",
        action="store_true",
        help=_("only build when the outputs are missing or older than data/"),
    )
    build.set_defaults(handler=cmd_build_data)

    stats = sub.add_parser("stats", help=_("counts and data version"))
    stats.add_argument("--json", action="store_true")
    stats.set_defaults(handler=cmd_stats)

    show = sub.add_parser("show", help=_("one whole record"))
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)

    listing = sub.add_parser("list", help=_("the records of one kind"))
    listing.add_argument("kind")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_list)

    from sseref.app import commands  # the other layers' subcommands, loaded on demand

    commands.register(sub, command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # The language is set before the parser is built so that --help is translated too.
    early = argparse.ArgumentParser(add_help=False)
    _global_options(early)
    known, _rest = early.parse_known_args(argv)
    set_language(normalize_language(known.lang or os.environ.get("SSEREF_LANG") or _system_lang()))
    args = build_parser(_command_named(argv)).parse_args(argv)
    # An explicit --lang also overrides the language the GUI remembered.
    args.explicit_lang = normalize_language(args.lang) if args.lang else None
    args.lang = normalize_language(args.lang or os.environ.get("SSEREF_LANG") or _system_lang())
    set_language(args.lang)
    if args.data_dir:
        os.environ[paths.ENV_DATA_DIR] = str(Path(args.data_dir).resolve())
    try:
        return int(args.handler(args))
    except (UnknownRecordError, UnknownKindError) as exc:
        print(f"sseref: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except SSERefError as exc:
        print(f"sseref: {exc}", file=sys.stderr)
        return EXIT_FAIL
    except BrokenPipeError:  # `sseref list org | head`
        return EXIT_OK


def _system_lang() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(var):
            return os.environ[var]
    import locale  # only here: the variables above answer on most systems, and faster

    return (locale.getlocale()[0] or "en") if hasattr(locale, "getlocale") else "en"
