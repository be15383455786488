"""Installed data packs in the user data folder: apply, switch atomically, roll back, list.

Layout (under `paths.packs_dir()`)::

    current.json          the pointer: {"active": NAME or null, "history": [NAME or null, ...]}
    installed/NAME/       manifest.json, manifest.sig, sseref.db, index/, locale/, changes.json

A version is extracted into a temporary folder, checked, renamed to `installed/NAME`, and only
then does the pointer change (written to a temporary file and moved over with `os.replace`).
Killed at any moment, the program reads either the old pointer or the new one, and each names
a complete folder. `null` means the bundled data.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sseref.core import paths
from sseref.core.datadiff import Changes
from sseref.core.errors import SSERefError
from sseref.core.i18n import _
from sseref.core.packformat import (
    DAMAGED,
    DATA_PREFIX,
    DATABASE_MEMBER,
    MANIFEST,
    SIGNATURE,
    Limits,
    Manifest,
    PackError,
    TrustedKey,
    VerifiedPack,
    damaged,
    iter_member,
    read_member_bytes,
    verify_pack,
)

KEEP_PREVIOUS = 2  # installed versions kept for rollback besides the active one
CHANGES_FILE = "changes.json"
TMP_PREFIX = ".tmp-"
TRASH_PREFIX = ".trash-"
SPACE_MARGIN = 16 << 20
Progress = Callable[[str, int, int], None]  # step, done, total


class DowngradeError(PackError):
    """The pack is older than (or the same as) the data in use; refused unless asked."""


@dataclass(frozen=True)
class DataVersion:
    """One version of the data the program can use: the bundled one or an installed pack."""

    name: str | None  # None: the bundled data
    data_version: str
    as_of: str
    counts: dict[str, int]
    active: bool
    usable: bool
    folder: Path | None


def installed_dir() -> Path:
    return paths.packs_dir() / paths.PACKS_INSTALLED


def read_pointer() -> dict[str, Any]:
    """The pointer file's content; a missing or unreadable one means the bundled data."""
    try:
        value = json.loads((paths.packs_dir() / paths.PACKS_POINTER).read_text("utf-8"))
    except (OSError, ValueError):
        return {"active": None, "history": []}
    if not isinstance(value, dict):
        return {"active": None, "history": []}
    history = [h for h in value.get("history", []) if h is None or isinstance(h, str)]
    active = value.get("active")
    return {"active": active if isinstance(active, str) else None, "history": history}


def write_pointer(active: str | None, history: list[str | None]) -> None:
    """Replaces the pointer atomically: a complete temporary file moved over the old one."""
    root = paths.packs_dir()
    root.mkdir(parents=True, exist_ok=True)
    tmp = root / f"{TMP_PREFIX}{paths.PACKS_POINTER}.{os.getpid()}"
    data = json.dumps({"active": active, "history": history}, indent=1).encode("utf-8")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        _write_all(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, root / paths.PACKS_POINTER)
    _fsync_dir(root)


def in_use() -> DataVersion:
    """The data the program reads now (the pointer's pack, else the bundled data)."""
    folder = paths.applied_data_dir()
    if folder is not None:
        manifest = _folder_manifest(folder)
        if manifest is not None:
            return DataVersion(
                folder.name,
                manifest.data_version,
                manifest.as_of,
                manifest.counts,
                True,
                True,
                folder,
            )
    return _bundled(active=True)


def _bundled(active: bool) -> DataVersion:
    meta = database_meta(paths.bundled_database_path())
    counts = {k[6:]: int(v) for k, v in meta.items() if k.startswith("count_") and v.isdigit()}
    return DataVersion(
        None,
        meta.get("data_version", ""),
        meta.get("built_at", ""),
        counts,
        active,
        bool(meta),
        None,
    )


def database_meta(path: Path) -> dict[str, str]:
    """The meta table of a database file ({} when it cannot be read)."""
    if not path.is_file():
        return {}
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
        try:
            return {str(k): str(v) for k, v in conn.execute("select key, value from meta")}
        finally:
            conn.close()
    except sqlite3.Error:
        return {}


def versions() -> list[DataVersion]:
    """Every version on this machine, newest first: installed packs and the bundled data."""
    current = in_use()
    found = [_bundled(active=current.name is None)]
    root = installed_dir()
    for folder in sorted(root.iterdir()) if root.is_dir() else []:
        if folder.name.startswith((".", "_")) or not folder.is_dir():
            continue
        manifest = _folder_manifest(folder)
        if manifest is None:
            continue
        found.append(
            DataVersion(
                folder.name,
                manifest.data_version,
                manifest.as_of,
                manifest.counts,
                folder.name == current.name,
                folder_complete(folder, manifest),
                folder,
            )
        )
    return sorted(found, key=lambda v: (v.as_of, v.name or ""), reverse=True)


def _folder_manifest(folder: Path) -> Manifest | None:
    try:
        return Manifest.from_json(json.loads((folder / MANIFEST).read_text("utf-8")))
    except (OSError, ValueError, PackError):
        return None


def folder_complete(folder: Path, manifest: Manifest) -> bool:
    """Every member the manifest lists is in the folder with its size (a quick check)."""
    for member in manifest.members:
        try:
            if (folder / _target_name(member.name)).stat().st_size != member.size:
                return False
        except OSError:
            return False
    return True


def _target_name(member: str) -> str:
    return member[len(DATA_PREFIX) :] if member.startswith(DATA_PREFIX) else member


def compare(manifest: Manifest, current: DataVersion) -> str:
    """ "newer", "same" or "older": the pack against the data in use (by as-of date)."""
    if manifest.data_version == current.data_version:
        return "same"
    if manifest.as_of > current.as_of:
        return "newer"
    return "older"


@dataclass(frozen=True)
class ApplyResult:
    """What an apply did: the version now in use and the one it replaced."""

    name: str
    previous: str | None
    manifest: Manifest


def apply_pack(
    pack: Path,
    *,
    allow_older: bool = False,
    keys: list[TrustedKey] | None = None,
    limits: Limits | None = None,
    progress: Progress | None = None,
    verified: VerifiedPack | None = None,
) -> ApplyResult:
    """Verifies `pack` wholly, then installs it beside the others and switches to it.

    Nothing is written before the signature, names, sizes, hashes and versions checked, and
    the disk has room. A failure at any step leaves the data in use as it was."""
    step = progress or (lambda _s, _d, _t: None)
    if verified is None:
        kwargs: dict[str, Any] = {"limits": limits} if limits else {}
        verified = verify_pack(
            Path(pack), keys, progress=lambda d, t: step("verify", d, t), **kwargs
        )
    manifest = verified.manifest
    current = in_use()
    relation = compare(manifest, current)
    if relation == "same":
        raise DowngradeError(
            _("This data (version {version}) is already in use.").format(version=manifest.name)
        )
    if relation == "older" and not allow_older:
        raise DowngradeError(
            _(
                "The pack's data (as of {theirs}) is older than the data in use (as of {ours}). "
                "Choose to install an older version to go back to it."
            ).format(theirs=manifest.as_of, ours=current.as_of)
        )
    bundled = paths.bundled_as_of()
    if bundled is not None and manifest.as_of < bundled:
        # It would never be used: the data that came with the program is the floor.
        raise DowngradeError(
            _(
                "The pack's data (as of {theirs}) is older than the data that came with the "
                "program (as of {ours}); it cannot be used."
            ).format(theirs=manifest.as_of, ours=bundled)
        )
    root = installed_dir()
    root.mkdir(parents=True, exist_ok=True)
    cleanup()
    free = shutil.disk_usage(root).free
    if free < manifest.total_size + SPACE_MARGIN:
        raise PackError(
            _(
                "Not enough free disk space to install the pack: {need} MB needed, {free} MB "
                "free in {folder}. Nothing was changed."
            ).format(need=(manifest.total_size + SPACE_MARGIN) >> 20, free=free >> 20, folder=root)
        )
    final = root / manifest.name
    if not (final.is_dir() and folder_complete(final, manifest)):
        tmp = root / f"{TMP_PREFIX}{manifest.name}-{os.getpid()}"
        try:
            _extract(verified, tmp, step)
            if final.exists():
                _discard(final)
            os.replace(tmp, final)
            _fsync_dir(root)
        except OSError as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            if exc.errno == errno.ENOSPC:
                raise PackError(
                    _("The disk filled up while installing the pack; nothing was changed.")
                ) from exc
            raise PackError(
                _("The pack could not be installed ({error}); nothing was changed.").format(
                    error=exc
                )
            ) from exc
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    _write_changes(final, current)
    pointer = read_pointer()
    previous = current.name
    history = [previous, *[h for h in pointer["history"] if h not in (previous, manifest.name)]]
    write_pointer(manifest.name, history)
    step("switch", 1, 1)
    prune()
    return ApplyResult(manifest.name, previous, manifest)


def _extract(verified: VerifiedPack, tmp: Path, step: Progress) -> None:
    """Writes every member into `tmp`, hashing as it goes (the file could change under us)."""
    tmp.mkdir(parents=True)
    total, done = verified.manifest.total_size, 0
    try:
        with zipfile.ZipFile(verified.path) as archive:
            for member in (*verified.manifest.members,):
                target = tmp / _target_name(member.name)
                if not _inside(target, tmp):  # names were checked; this guards the join too
                    raise PackError(
                        _("The pack holds an unsafe file name: {name}").format(name=member.name)
                    )
                target.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
                try:
                    for chunk in iter_member(archive, member):
                        _write_all(fd, chunk)
                        done += len(chunk)
                        step("install", done, total)
                    os.fsync(fd)
                finally:
                    os.close(fd)
            for name, data in (
                (MANIFEST, archive.read(MANIFEST)),
                (SIGNATURE, archive.read(SIGNATURE)),
            ):
                fd = os.open(tmp / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
                try:
                    _write_all(fd, data)
                    os.fsync(fd)
                finally:
                    os.close(fd)
    except PackError:
        raise
    except OSError:
        raise  # the disk, not the pack: reported by the caller
    except DAMAGED as exc:
        raise damaged(exc) from exc
    for folder in sorted({p for p in tmp.rglob("*") if p.is_dir()} | {tmp}, reverse=True):
        _fsync_dir(folder)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open folders; its renames are durable enough
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _inside(path: Path, folder: Path) -> bool:
    return os.path.commonpath([path.resolve(), folder.resolve()]) == str(folder.resolve())


def _write_changes(folder: Path, previous: DataVersion) -> None:
    """Keeps "what changed" against the version it replaced, for the record pages' marks."""
    from sseref.core.datadiff import diff_databases

    old = previous.folder / "sseref.db" if previous.folder else paths.bundled_database_path()
    try:
        changes = diff_databases(old, folder / "sseref.db")
    except (sqlite3.Error, OSError):
        return
    data = json.dumps({"against": previous.name, **changes.to_json()}, ensure_ascii=False)
    tmp = folder / f"{TMP_PREFIX}{CHANGES_FILE}"
    tmp.write_text(data, "utf-8")
    os.replace(tmp, folder / CHANGES_FILE)


def switch_to(name: str | None) -> DataVersion:
    """Makes an installed version (or the bundled data, None) the one in use: rollback."""
    target: DataVersion | None = next((v for v in versions() if v.name == name), None)
    if target is None or not target.usable:
        raise SSERefError(_("That data version is not installed or is damaged."))
    if name is not None:
        manifest = _folder_manifest(installed_dir() / name)
        if manifest is None:
            raise SSERefError(_("That data version is not installed or is damaged."))
        bundled = paths.bundled_as_of()
        if bundled is not None and manifest.as_of < bundled:
            raise SSERefError(_("That version is older than the data that came with the program."))
    pointer = read_pointer()
    current = in_use().name
    history = [current, *[h for h in pointer["history"] if h not in (current, name)]]
    write_pointer(name, history)
    prune()
    return in_use()


def rollback() -> DataVersion:
    """Goes back one version: the newest usable one older than the data in use (the bundled
    data at the end; packs older than it are never used, so the walk stops there)."""
    found = versions()
    position = next(i for i, v in enumerate(found) if v.active)
    for candidate in found[position + 1 :]:
        if candidate.usable:
            return switch_to(candidate.name)
    raise SSERefError(_("There is no earlier data version to go back to."))


def folder_usable(name: str) -> bool:
    folder = installed_dir() / name
    manifest = _folder_manifest(folder)
    return manifest is not None and folder_complete(folder, manifest)


def prune() -> None:
    """Removes installed versions beyond the active one and KEEP_PREVIOUS others."""
    pointer = read_pointer()
    keep = {pointer["active"], *[h for h in pointer["history"] if h][:KEEP_PREVIOUS]}
    root = installed_dir()
    for folder in sorted(root.iterdir()) if root.is_dir() else []:
        if folder.is_dir() and not folder.name.startswith(".") and folder.name not in keep:
            _discard(folder)
    cleanup()


def _discard(folder: Path) -> None:
    """Renames first (one atomic step), then deletes: never a half-deleted named version."""
    trash = folder.with_name(f"{TRASH_PREFIX}{folder.name}-{os.getpid()}")
    os.replace(folder, trash)
    shutil.rmtree(trash, ignore_errors=True)


def cleanup() -> None:
    """Deletes what an interrupted apply left: temporary folders and files, trash."""
    for root in (installed_dir(), paths.packs_dir()):
        for entry in sorted(root.iterdir()) if root.is_dir() else []:
            if entry.name.startswith((TMP_PREFIX, TRASH_PREFIX)):
                if entry.is_dir():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink(missing_ok=True)


def last_changes() -> dict[str, Any] | None:
    """What the last update changed (saved at apply time), when the applied pack is in use."""
    folder = paths.applied_data_dir()
    if folder is None:
        return None
    try:
        value = json.loads((folder / CHANGES_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def pack_database(verified: VerifiedPack) -> sqlite3.Connection:
    """The pack's database opened in memory (for "what changed" before anything is written)."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.deserialize(read_member_bytes(verified, DATABASE_MEMBER))
    except sqlite3.Error as exc:
        conn.close()
        raise PackError(_("The pack's database cannot be read.")) from exc
    return conn


def changes_in(verified: VerifiedPack) -> Changes:
    """What applying `verified` would change in the data in use (read in memory, no writes)."""
    from sseref.core.datadiff import diff_connections

    current = sqlite3.connect(paths.database_path().resolve().as_uri() + "?mode=ro", uri=True)
    try:
        new = pack_database(verified)
        try:
            return diff_connections(current, new)
        finally:
            new.close()
    finally:
        current.close()


def changes_beside(database: Path) -> dict[str, Any] | None:
    """The "what changed" file saved beside an applied pack's database (None for the bundled
    database or when none was saved): used to mark the records the last update touched."""
    try:
        value = json.loads((Path(database).parent / CHANGES_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None
