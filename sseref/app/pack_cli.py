"""`sseref pack …`: keys, building, verifying, comparing, applying and rolling back data packs.

keygen and build are build-time (they load the ingest layer); the others use only core."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sseref.core import paths
from sseref.core.errors import SSERefError
from sseref.core.i18n import _

EXIT_OK, EXIT_FAIL = 0, 1


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def cmd_keygen(args: argparse.Namespace) -> int:
    from sseref.ingest.pack_build import keygen  # build time only

    try:
        public, kid = keygen(Path(args.private), args.comment or "")
    except FileExistsError as exc:
        raise SSERefError(str(exc)) from exc
    print(_("Private key: {path} (keep it out of the repository)").format(path=args.private))
    print(_("Public key: {path} (id {key})").format(path=public, key=kid))
    return EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    if args.as_of:
        os.environ["SOURCE_DATE_EPOCH"] = str(_epoch(args.as_of))
    try:
        return _build(args)
    finally:  # the option holds for this build only
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def _build(args: argparse.Namespace) -> int:
    from sseref.ingest.build import BuildError  # build time only
    from sseref.ingest.pack_build import SigningKeyError, build_pack

    source = Path(args.source) if args.source else _checkout_data()
    try:
        result = build_pack(
            source,
            Path(args.output),
            Path(args.key),
            supersedes=args.supersedes,
            min_program_version=args.min_program,
            progress=lambda m: print(m, file=sys.stderr),
        )
    except BuildError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_FAIL
    except SigningKeyError as exc:
        raise SSERefError(str(exc)) from exc
    if args.json:
        _print_json(
            {"path": str(result.path), "key_id": result.key_id, **_summary(result.manifest)}
        )
    else:
        print(
            _("Built {path}: data version {version}, as of {as_of}, signed by {key}").format(
                path=result.path,
                version=result.manifest.data_version,
                as_of=result.manifest.as_of,
                key=result.key_id,
            )
        )
    return EXIT_OK


def _epoch(text: str) -> int:
    for fmt in ("%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%d"):
        try:
            return int(datetime.strptime(text, fmt).replace(tzinfo=UTC).timestamp())
        except ValueError:
            continue
    raise SSERefError(_("Not a date: {text} (use YYYY-MM-DD).").format(text=text))


def _checkout_data() -> Path:
    root = paths.checkout_root()
    if root is None:
        raise SSERefError(_("No data/ folder here: pass --source DIR."))
    return root / "data"


def _summary(manifest: Any) -> dict[str, Any]:
    return {
        "name": manifest.name,
        "data_version": manifest.data_version,
        "as_of": manifest.as_of,
        "supersedes": manifest.supersedes,
        "counts": manifest.counts,
        "min_program_version": manifest.min_program_version,
        "size": manifest.total_size,
    }


def cmd_verify(args: argparse.Namespace) -> int:
    from sseref.core.packformat import verify_pack
    from sseref.core.packstore import compare, in_use

    verified = verify_pack(Path(args.file))
    relation = compare(verified.manifest, in_use())
    if args.json:
        _print_json(
            {
                "valid": True,
                "key_id": verified.key.key_id,
                "key": verified.key.comment,
                "compared_to_data_in_use": relation,
                **_summary(verified.manifest),
            }
        )
    else:
        print(
            _("Valid pack: data as of {as_of} ({version}), signed by {key}.").format(
                as_of=verified.manifest.as_of,
                version=verified.manifest.data_version,
                key=verified.key.comment or verified.key.key_id,
            )
        )
        print(_relation_text(relation))
    return EXIT_OK


def _relation_text(relation: str) -> str:
    return {
        "newer": _("It is newer than the data in use."),
        "same": _("It is the data in use."),
        "older": _("It is not newer than the data in use."),
    }[relation]


def _connection(spec: str) -> sqlite3.Connection:
    """A database to compare: `current`, `bundled`, a pack file (verified) or a .db file."""
    from sseref.core.datadiff import open_database
    from sseref.core.packformat import SUFFIX, verify_pack
    from sseref.core.packstore import pack_database

    if spec == "current":
        path = paths.database_path()
    elif spec == "bundled":
        path = paths.bundled_database_path()
    elif spec.endswith(SUFFIX):
        return pack_database(verify_pack(Path(spec)))
    else:
        path = Path(spec)
    if not path.is_file():
        raise SSERefError(_("No such file: {path}").format(path=path))
    return open_database(path)


def cmd_diff(args: argparse.Namespace) -> int:
    from sseref.core.datadiff import diff_connections

    old, new = _connection(args.old), _connection(args.new)
    try:
        changes = diff_connections(old, new)
    finally:
        old.close()
        new.close()
    if args.json:
        _print_json(changes.to_json())
        return EXIT_OK
    print_changes(changes)
    return EXIT_OK


def print_changes(changes: Any) -> None:
    print(
        _("{added} added, {removed} removed, {changed} changed").format(
            added=len(changes.added), removed=len(changes.removed), changed=len(changes.changed)
        )
    )
    for rec in changes.added:
        print(f"+ {rec.id}  {rec.title}")
    for rec in changes.removed:
        print(f"- {rec.id}  {rec.title}")
    for rec in changes.changed:
        print(f"~ {rec.id}  {rec.title}")
        for field in rec.fields:
            print(f"    {field.text()}")


def cmd_apply(args: argparse.Namespace) -> int:
    from sseref.core.packformat import verify_pack
    from sseref.core.packstore import apply_pack, changes_in

    verified = verify_pack(Path(args.file))
    if not args.quiet:
        print_changes(changes_in(verified))
    result = apply_pack(Path(args.file), allow_older=args.allow_older, verified=verified)
    print(
        _("Data {name} is now in use (previous: {previous}).").format(
            name=result.name, previous=result.previous or _("bundled data")
        )
    )
    return EXIT_OK


def cmd_rollback(args: argparse.Namespace) -> int:
    from sseref.core.packstore import rollback

    now = rollback()
    print(
        _("Data {name} is now in use (as of {as_of}).").format(
            name=now.name or _("bundled data"), as_of=now.as_of
        )
    )
    return EXIT_OK


def cmd_versions(args: argparse.Namespace) -> int:
    from sseref.core.packstore import versions

    found = versions()
    if args.json:
        _print_json(
            [
                {
                    "name": v.name,
                    "data_version": v.data_version,
                    "as_of": v.as_of,
                    "counts": v.counts,
                    "active": v.active,
                    "usable": v.usable,
                }
                for v in found
            ]
        )
        return EXIT_OK
    for v in found:
        mark = "*" if v.active else " "
        state = "" if v.usable else "  " + _("(damaged)")
        name = v.name or _("bundled data")
        print(f"{mark} {name:40} {v.as_of}  {v.data_version}{state}")
    return EXIT_OK


def cmd_use(args: argparse.Namespace) -> int:
    from sseref.core.packstore import switch_to

    now = switch_to(None if args.name == "bundled" else args.name)
    print(
        _("Data {name} is now in use (as of {as_of}).").format(
            name=now.name or _("bundled data"), as_of=now.as_of
        )
    )
    return EXIT_OK


def register(sub: Any) -> None:
    """Adds `sseref pack` and its subcommands."""
    pack = sub.add_parser("pack", help=_("signed data packs: build, verify, apply, roll back"))
    cmds = pack.add_subparsers(dest="pack_command", metavar="ACTION", required=True)

    keygen = cmds.add_parser("keygen", help=_("make a new signing key pair"))
    keygen.add_argument("private", help=_("where to write the private key (outside the checkout)"))
    keygen.add_argument("--comment", help=_("a name for the key (who publishes with it)"))
    keygen.set_defaults(handler=cmd_keygen)

    build = cmds.add_parser("build", help=_("build and sign a pack from data/"))
    build.add_argument("-o", "--output", required=True)
    build.add_argument("--key", required=True, help=_("the private key file"))
    build.add_argument("--source", help=_("the data folder (default: the checkout's data/)"))
    build.add_argument("--supersedes", help=_("the data version this pack replaces"))
    build.add_argument("--min-program", help=_("the oldest program version that can use it"))
    build.add_argument("--as-of", help=_("the pack's date (YYYY-MM-DD); sets SOURCE_DATE_EPOCH"))
    build.add_argument("--json", action="store_true")
    build.set_defaults(handler=cmd_build)

    verify = cmds.add_parser("verify", help=_("check a pack's signature, files and versions"))
    verify.add_argument("file")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(handler=cmd_verify)

    diff = cmds.add_parser("diff", help=_("what changed between two packs or databases"))
    diff.add_argument("old", help=_("a pack, a database file, 'current' or 'bundled'"))
    diff.add_argument("new", help=_("a pack, a database file, 'current' or 'bundled'"))
    diff.add_argument("--json", action="store_true")
    diff.set_defaults(handler=cmd_diff)

    apply = cmds.add_parser("apply", help=_("verify a pack and switch to its data"))
    apply.add_argument("file")
    apply.add_argument(
        "--allow-older", action="store_true", help=_("install even if not newer (downgrade)")
    )
    apply.add_argument("--quiet", action="store_true", help=_("do not list what changed"))
    apply.set_defaults(handler=cmd_apply)

    rollback = cmds.add_parser("rollback", help=_("go back to the data used before"))
    rollback.set_defaults(handler=cmd_rollback)

    listing = cmds.add_parser("versions", help=_("the data versions on this machine"))
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_versions)

    use = cmds.add_parser("use", help=_("switch to an installed version ('bundled' for the floor)"))
    use.add_argument("name")
    use.set_defaults(handler=cmd_use)
