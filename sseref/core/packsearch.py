"""Finding data packs on removable drives or in a chosen folder (a quick check: the signature
and the zip's directory; applying one verifies everything again)."""

from __future__ import annotations

import getpass
import os
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from sseref.core.packformat import (
    DAMAGED,
    SUFFIX,
    Manifest,
    PackError,
    TrustedKey,
    check_versions,
    read_checked_manifest,
    trusted_keys,
)
from sseref.core.packstore import compare, in_use

MAX_FILES_SEEN = 5_000  # stop looking through a huge drive


@dataclass(frozen=True)
class FoundPack:
    """A pack file found, and what a quick look at it says."""

    path: Path
    manifest: Manifest | None
    relation: str  # "newer", "same", "older", or "invalid"
    problem: str = ""


def removable_roots() -> list[Path]:
    """Where removable drives appear on this system (those present now)."""
    roots: list[Path] = []
    if sys.platform.startswith("win"):
        roots += _windows_removable()
    elif sys.platform == "darwin":
        roots += _children(Path("/Volumes"))
    else:
        try:
            user = getpass.getuser()
        except (KeyError, OSError):  # no user name in a bare container
            user = ""
        for base in (
            Path("/media") / user,
            Path("/run/media") / user,
            Path("/media"),
            Path("/mnt"),
        ):
            roots += _children(base)
    return list(dict.fromkeys(r for r in roots if r.is_dir()))


def _children(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.is_dir())
    except OSError:
        return []


def _windows_removable() -> list[Path]:  # pragma: no cover - Windows only
    import ctypes
    import string

    kernel = getattr(ctypes, "windll").kernel32  # noqa: B009 - Windows only (mypy runs on Linux)
    drives = []
    for letter in string.ascii_uppercase:
        root = f"{letter}:\\"
        if kernel.GetDriveTypeW(root) == 2:  # DRIVE_REMOVABLE
            drives.append(Path(root))
    return drives


def pack_files(folders: list[Path]) -> list[Path]:
    """Pack files in each folder and its direct subfolders (not deeper: drives can be large)."""
    found: list[Path] = []
    seen = 0
    for folder in folders:
        for depth_folder in [folder, *_children(folder)]:
            try:
                entries = sorted(os.scandir(depth_folder), key=lambda e: e.name)
            except OSError:
                continue
            for entry in entries:
                seen += 1
                if seen > MAX_FILES_SEEN:
                    return found
                if entry.name.endswith(SUFFIX) and entry.is_file():
                    found.append(Path(entry.path))
    return list(dict.fromkeys(found))


def look(path: Path, keys: list[TrustedKey] | None = None) -> FoundPack:
    """A quick check of one pack: readable, signed by a trusted key, for this program."""
    keys = trusted_keys() if keys is None else keys
    try:
        with zipfile.ZipFile(path) as archive:
            manifest, _key = read_checked_manifest(archive, keys)
        check_versions(manifest)
    except PackError as exc:
        return FoundPack(path, None, "invalid", str(exc))
    except DAMAGED as exc:
        return FoundPack(path, None, "invalid", type(exc).__name__)
    return FoundPack(path, manifest, compare(manifest, in_use()))


def find_packs(folders: list[Path] | None = None) -> list[FoundPack]:
    """Packs in `folders` (default: the removable drives), newest first, invalid ones last."""
    keys = trusted_keys()
    found = [
        look(p, keys) for p in pack_files(folders if folders is not None else removable_roots())
    ]
    return sorted(
        found,
        key=lambda f: (f.manifest is not None, f.manifest.as_of if f.manifest else ""),
        reverse=True,
    )
