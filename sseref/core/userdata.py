"""The user's meeting pack, kept as JSON in the user data folder (never in the program's folder).

Writes are atomic (a temporary file in the same folder, flushed, then renamed over the old one),
so a crash leaves either the old pack or the new one. A file that cannot be read is never
overwritten: it is copied aside first and the error names that copy, so nothing is lost.
"""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sseref.core import safefile
from sseref.core.errors import SSERefError
from sseref.core.i18n import _
from sseref.core.paths import user_dirs

PACK_FILE = "meeting-pack.json"
FORMAT_VERSION = 1


class UserDataError(SSERefError):
    """A file of the user's data could not be read or written."""


class UserDataCorruptError(UserDataError):
    """A user data file exists but is not valid; `backup` is where a copy of it was kept."""

    def __init__(self, message: str, backup: Path | None) -> None:
        super().__init__(message)
        self.backup = backup


@dataclass
class MeetingPack:
    """An ordered list of record ids to print together, with an optional meeting name."""

    record_ids: list[str] = field(default_factory=list)
    meeting_name: str = ""

    def add(self, *record_ids: str) -> int:
        """Appends ids not already in the pack; returns how many were added."""
        added = 0
        for record_id in record_ids:
            if record_id and record_id not in self.record_ids:
                self.record_ids.append(record_id)
                added += 1
        return added

    def remove(self, record_id: str) -> None:
        if record_id in self.record_ids:
            self.record_ids.remove(record_id)

    def move(self, record_id: str, offset: int) -> None:
        """Moves an id up (negative) or down (positive), staying inside the list."""
        if record_id not in self.record_ids:
            return
        old = self.record_ids.index(record_id)
        new = max(0, min(len(self.record_ids) - 1, old + offset))
        self.record_ids.insert(new, self.record_ids.pop(old))

    def clear(self) -> None:
        self.record_ids.clear()

    def to_json(self) -> dict[str, Any]:
        return {
            "version": FORMAT_VERSION,
            "meeting_name": self.meeting_name,
            "records": list(self.record_ids),
        }

    @classmethod
    def from_json(cls, data: Any) -> MeetingPack:
        """Reads the stored form; raises ValueError when it is not a meeting pack."""
        if not isinstance(data, dict) or not isinstance(data.get("records"), list):
            raise ValueError("not a meeting pack (no 'records' list)")
        if not all(isinstance(i, str) for i in data["records"]):
            raise ValueError("'records' must hold record ids")
        name = data.get("meeting_name") or ""
        if not isinstance(name, str):
            raise ValueError("'meeting_name' must be text")
        return cls(list(dict.fromkeys(data["records"])), name)


def atomic_write_text(path: Path, text: str) -> None:
    """Replaces `path` with `text` so that readers see the old or the new content, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    safefile.write_bytes(path, text.encode("utf-8"))


class MeetingPackStore:
    """Loads and saves the meeting pack in the user data folder."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else user_dirs().data
        self.path = self.folder / PACK_FILE

    def load(self) -> MeetingPack:
        """The stored pack (empty when there is none); raises UserDataCorruptError if unreadable.

        The unreadable file is copied aside before the error is raised, so saving a new pack
        afterwards loses nothing.
        """
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return MeetingPack()
        except OSError as exc:
            raise UserDataError(
                _("The meeting pack {path} cannot be read: {error}").format(
                    path=self.path, error=exc
                )
            ) from exc
        try:
            return MeetingPack.from_json(json.loads(raw.decode("utf-8")))
        except ValueError as exc:  # json.JSONDecodeError and UnicodeDecodeError are ValueErrors
            backup = self._keep_copy()
            if backup is None:
                message = _(
                    "The meeting pack {path} is damaged ({error}) and no copy of it could be "
                    "kept (is the disk full?); a new, empty pack is used."
                ).format(path=self.path, error=exc)
            else:
                message = _(
                    "The meeting pack {path} is damaged ({error}). A copy was kept as {backup}; "
                    "a new, empty pack is used."
                ).format(path=self.path, error=exc, backup=backup)
            raise UserDataCorruptError(message, backup) from exc

    def load_or_empty(self) -> tuple[MeetingPack, str | None]:
        """The pack, or an empty one with the message to show when the file was damaged."""
        try:
            return self.load(), None
        except UserDataError as exc:
            return MeetingPack(), str(exc)

    def save(self, pack: MeetingPack) -> None:
        try:
            atomic_write_text(
                self.path, json.dumps(pack.to_json(), ensure_ascii=False, indent=2) + "\n"
            )
        except (OSError, safefile.WriteError) as exc:
            raise UserDataError(
                _("The meeting pack could not be saved to {path}: {error}").format(
                    path=self.path, error=exc
                )
            ) from exc

    def _keep_copy(self) -> Path | None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        for n in range(100):
            suffix = f"-{n}" if n else ""
            backup = self.path.with_name(f"{self.path.stem}.damaged-{stamp}{suffix}.json")
            if not backup.exists():
                try:
                    shutil.copy2(self.path, backup)
                except OSError:  # a full disk: no half copy is left to look like a backup
                    backup.unlink(missing_ok=True)
                    return None
                return backup
        return None
