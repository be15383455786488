"""The user database file: opened in WAL mode, migrated with a backup first, recovered if damaged.

What the user creates (favourites, lists, history, notes, tags, saved searches) lives in
`user.db` in the user data folder, never beside the program. Every write is one short
`BEGIN IMMEDIATE` transaction with `synchronous=FULL`, so a killed process loses at most the
write it was making, and two processes (two windows, or a window and the CLI) take turns.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sseref.core.i18n import _
from sseref.core.paths import user_dirs
from sseref.core.userdata import UserDataError
from sseref.core.usermigrations import LATEST, MIGRATIONS

USER_DB = "user.db"
BACKUP_DIR = "backups"
KEEP_BACKUPS = 10
BACKUP_EVERY_SECONDS = 24 * 3600
BUSY_TIMEOUT_MS = 15000


class UserDataNewerError(UserDataError):
    """The user database was written by a newer version of the program: it is left untouched."""


@dataclass(frozen=True)
class Recovery:
    """A damaged user database was moved aside and a fresh one made: what to tell the user."""

    moved_to: Path
    latest_backup: Path | None
    reason: str


def utc_now() -> str:
    """The timestamp stored in the user database: UTC, ISO 8601, to the second."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")


def _translate_error(exc: sqlite3.Error) -> UserDataError:
    """A clear message for the errors a person can act on (full disk, busy, read-only)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code == sqlite3.SQLITE_FULL:
        return UserDataError(
            _("The disk is full: your change was not saved. Nothing saved before was lost.")
        )
    if code == sqlite3.SQLITE_BUSY:
        return UserDataError(
            _("Your data is busy (another SSE Ref window is writing): try again in a moment.")
        )
    if code == sqlite3.SQLITE_READONLY:
        return UserDataError(_("Your data folder is read-only: your change was not saved."))
    return UserDataError(_("Your change could not be saved: {error}").format(error=exc))


class UserDatabase:
    """One connection to the user database (a process may hold several, one per thread)."""

    def __init__(self, path: Path | None = None, *, recover: bool = True) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.backup_dir = self.path.parent / BACKUP_DIR
        self.recovery: Recovery | None = None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = self._open_checked()
        except sqlite3.DatabaseError as exc:
            if not recover or isinstance(exc, sqlite3.OperationalError) and _is_busy(exc):
                raise _translate_error(exc) from exc
            self.recovery = self._move_aside(str(exc))
            self.conn = self._open_checked()
        self._migrate()
        self._periodic_backup()

    # --- opening ---------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        conn.row_factory = sqlite3.Row
        return conn

    def _open_checked(self) -> sqlite3.Connection:
        """Opens and checks the file; raises sqlite3.DatabaseError when it is damaged."""
        conn = self._connect()
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            version = self._version(conn)  # first: a newer file must not even change mode
            if version > LATEST:
                conn.close()
                raise UserDataNewerError(
                    _(
                        "Your data in {path} was saved by a newer version of SSE Ref "
                        "(format {found}, this version reads up to {latest}). It was not "
                        "changed; please use the newer version."
                    ).format(path=self.path, found=version, latest=LATEST)
                )
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")  # WAL + FULL: a commit survives power loss
            conn.execute("PRAGMA foreign_keys = ON")
            problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
            if problems != ["ok"]:
                raise sqlite3.DatabaseError("; ".join(problems[:3]))
        except BaseException:
            conn.close()
            raise
        return conn

    @staticmethod
    def _version(conn: sqlite3.Connection) -> int:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])

    @property
    def version(self) -> int:
        return self._version(self.conn)

    def _move_aside(self, reason: str) -> Recovery:
        """Renames the damaged file (and its WAL) so nothing is lost, for a fresh start."""
        target = self.path.with_name(f"{self.path.stem}.damaged-{_stamp()}{self.path.suffix}")
        for suffix in ("", "-wal", "-shm"):
            part = Path(f"{self.path}{suffix}")
            if part.exists():
                part.replace(Path(f"{target}{suffix}"))
        return Recovery(target, self.latest_backup(), reason)

    def _migrate(self) -> None:
        current = self.version
        if current == LATEST:
            return
        if current > 0:  # an empty new file has nothing to keep
            self.backup(f"before-v{LATEST}")
        for version, step in MIGRATIONS:
            if version <= current:
                continue
            with self.write() as conn:
                # Read again under the write lock: another process opening the same new file
                # at the same moment may have applied this step while we waited for the lock.
                if self._version(conn) >= version:
                    continue
                step(conn)
                conn.execute(f"PRAGMA user_version = {version}")

    # --- transactions ----------------------------------------------------------------------

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is saved, or none of it (errors made readable)."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _translate_error(exc) from exc
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise _translate_error(exc) from exc
            raise

    def close(self) -> None:
        self.conn.close()

    # --- backups ---------------------------------------------------------------------------

    def backup(self, label: str = "backup") -> Path:
        """A consistent copy of the database (SQLite's online backup API) in backups/."""
        self.backup_dir.mkdir(parents=True, exist_ok=True)
        target = self.backup_dir / f"user-v{self.version}-{_stamp()}-{label}.db"
        dest = sqlite3.connect(target)
        try:
            self.conn.backup(dest)
        finally:
            dest.close()
        self._prune_backups()
        return target

    def backups(self) -> list[Path]:
        """Backups, newest first."""
        if not self.backup_dir.is_dir():
            return []
        return sorted(self.backup_dir.glob("user-v*.db"), key=lambda p: p.stat().st_mtime_ns)[::-1]

    def latest_backup(self) -> Path | None:
        found = self.backups()
        return found[0] if found else None

    def _prune_backups(self) -> None:
        for old in self.backups()[KEEP_BACKUPS:]:
            old.unlink(missing_ok=True)

    def _periodic_backup(self) -> None:
        """One backup a day of a database that holds something, so a recent copy exists."""
        latest = self.latest_backup()
        if latest is not None and time.time() - latest.stat().st_mtime < BACKUP_EVERY_SECONDS:
            return
        if self.conn.execute("SELECT EXISTS (SELECT 1 FROM record)").fetchone()[0]:
            with contextlib.suppress(OSError, sqlite3.Error):  # a backup never blocks start-up
                self.backup("daily")

    def restore(self, backup: Path) -> None:
        """Replaces the current database by `backup` (the current one is moved aside first)."""
        source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            problems = [row[0] for row in source.execute("PRAGMA quick_check")]
            if problems != ["ok"]:
                raise UserDataError(_("The backup {path} is damaged too.").format(path=backup))
            self.conn.close()
            self._move_aside("replaced by a backup")
            dest = sqlite3.connect(self.path)
            try:
                source.backup(dest)
            finally:
                dest.close()
        except sqlite3.DatabaseError as exc:
            raise UserDataError(
                _("The backup {path} cannot be read: {error}").format(path=backup, error=exc)
            ) from exc
        finally:
            source.close()
        self.conn = self._open_checked()
        self._migrate()


def _is_busy(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorcode", None) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def default_path() -> Path:
    """`user.db` in the user data folder (`--data-dir`, $SSEREF_DATA_DIR, portable, platform)."""
    return user_dirs().data / USER_DB
