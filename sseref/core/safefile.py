"""Atomic, checked file writes: a temporary file beside the target, verified, synced, renamed.

Every file the program writes for the user (PDFs, the meeting pack) goes through
`atomic_output()`: the new content is written to a temporary file in the target's folder,
checked by the caller, flushed to disk with fsync, given the usual permissions (0666 less the
umask, so 0644 for most people, not mkstemp's 0600) and only then renamed over the target. On
any failure the temporary file is removed and the old file is left as it was.

What is at the target path must be a regular file (or nothing). A symbolic link, a folder, a
device or a pipe is never replaced: the write is refused with a message. (Writing through a
link would change a file elsewhere the person may not have meant; replacing the link would
silently turn it into a file. Asking for a real file name is the safe answer.)
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from sseref.core.errors import SSERefError
from sseref.core.i18n import _


class WriteError(SSERefError):
    """A file could not be written; the message is one sentence naming the path and why."""


def current_umask() -> int:
    """The process umask (read by setting and restoring it: there is no getter)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def os_error_message(exc: OSError, path: Path) -> str:
    """One sentence for a failed write to `path`, saying what the person can do."""
    folder = path.parent
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return _(
            "The disk holding {folder} is full: free some space or choose another folder."
        ).format(folder=folder)
    if code == errno.EROFS:
        return _("{folder} is on a read-only disk: choose another folder.").format(folder=folder)
    if code in (errno.EACCES, errno.EPERM):
        return _("You may not write in {folder}: choose another folder.").format(folder=folder)
    if code in (errno.ENOENT, errno.ENOTDIR):
        return _("The folder {folder} does not exist: create it or choose another.").format(
            folder=folder
        )
    if code == errno.EISDIR:
        return _("{path} is a folder: give a file name.").format(path=path)
    return _("{path} could not be written: {error}").format(path=path, error=exc.strerror or exc)


def check_target(path: Path) -> None:
    """Refuses a target that is not a regular file or nothing, or whose folder is unusable."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise WriteError(os_error_message(exc, path)) from exc
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise WriteError(_("{path} is a folder: give a file name.").format(path=path))
        if stat.S_ISLNK(info.st_mode):
            raise WriteError(
                _(
                    "{path} is a symbolic link; it is not replaced: give the name of a "
                    "regular file."
                ).format(path=path)
            )
        if not stat.S_ISREG(info.st_mode):
            raise WriteError(
                _("{path} is not a regular file; it is not replaced: choose another name.").format(
                    path=path
                )
            )
    folder = path.parent
    if not folder.is_dir():
        raise WriteError(
            _("The folder {folder} does not exist: create it or choose another.").format(
                folder=folder
            )
        )


def _fsync_folder(folder: Path) -> None:
    """Makes the rename itself durable (POSIX; Windows cannot open folders this way)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_output(
    path: str | os.PathLike[str],
    *,
    suffix: str = ".tmp",
    verify: Callable[[Path], None] | None = None,
) -> Iterator[Path]:
    """Yields a temporary path beside `path`; on a clean exit, checks it and renames it over.

    `verify(tmp)` raises (WriteError or OSError) when the written file is not what was meant;
    then, as on any error inside the block, the target is left untouched.
    """
    target = Path(path)
    check_target(target)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    except OSError as exc:
        raise WriteError(os_error_message(exc, target)) from exc
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        if verify is not None:
            verify(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~current_umask())
        check_target(target)  # nothing was put at the path meanwhile (a link, a folder)
        os.replace(tmp, target)
        _fsync_folder(target.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise WriteError(os_error_message(exc, target)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replaces `path` with `data` atomically (readers see the old or the new file, never half)."""
    target = Path(path)

    def same_size(tmp: Path) -> None:
        if tmp.stat().st_size != len(data):
            raise WriteError(os_error_message(OSError(errno.ENOSPC, "short write"), target))

    with atomic_output(target, verify=same_size) as tmp:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
