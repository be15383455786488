"""Where things are: resources (checkout, wheel or frozen bundle) and the user's folders."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NamedTuple

APP_NAME = "SSERef"
ENV_DATA_DIR = "SSEREF_DATA_DIR"
ENV_RESOURCES = "SSEREF_RESOURCES"
PORTABLE_MARKER = "sseref-portable.txt"
_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def resources_dir() -> Path:
    """The runtime assets folder, found the same way in every mode the program runs in."""
    override = os.environ.get(ENV_RESOURCES)
    if override:
        return Path(override)
    if is_frozen():  # PyInstaller unpacks data beside the code in sys._MEIPASS
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
    wheel = _PACKAGE_DIR / "_resources"  # installed wheel (hatch force-include)
    if wheel.is_dir():
        return wheel
    return _PACKAGE_DIR.parent / "resources"  # source checkout or editable install


def checkout_root() -> Path | None:
    """The source checkout this package runs from, if any (it holds data/ and pyproject.toml)."""
    root = _PACKAGE_DIR.parent
    if (root / "pyproject.toml").is_file() and (root / "data").is_dir():
        return root
    return None


def generated_dir() -> Path:
    """Where the data build's outputs (database, shipped index) live."""
    return resources_dir() / "generated"


def database_path() -> Path:
    return generated_dir() / "sseref.db"


def shipped_index_dir() -> Path:
    return generated_dir() / "index"


class UserDirs(NamedTuple):  # not a dataclass: cheaper to define at start-up
    """The user's own folders: settings, data (notes, packs) and caches (the search index)."""

    config: Path
    data: Path
    cache: Path

    def ensure(self) -> UserDirs:
        """Creates the folders; raises UserFolderError naming the first that is not writable."""
        for path in (self.config, self.data, self.cache):
            ensure_writable(path)
        return self


def ensure_writable(path: Path) -> Path:
    """Creates `path` if needed; raises UserFolderError (a message naming it) if unusable."""
    from sseref.core.errors import UserFolderError  # only on this path: start-up stays lean

    try:
        path.mkdir(parents=True, exist_ok=True)
        problem = None if os.access(path, os.W_OK | os.X_OK) else "permission denied"
    except OSError as exc:
        problem = exc.strerror or str(exc)
    if problem is None:
        return path
    from sseref.core.i18n import _

    raise UserFolderError(
        _(
            "SSE Ref cannot write in its folder {folder} ({error}): make it writable, free "
            "some space, or start with --data-dir set to a writable folder."
        ).format(folder=path, error=problem)
    )


def portable_root() -> Path | None:
    """A folder beside the executable when the portable marker file is there (USB sticks).

    On macOS the executable sits inside ``SSE Ref.app/Contents/MacOS``: there the marker and
    the folder are beside the ``.app``, where a person can see them."""
    if not is_frozen():
        return None
    exe_dir = Path(sys.executable).resolve().parent
    if (
        exe_dir.name == "MacOS"
        and exe_dir.parent.name == "Contents"
        and exe_dir.parent.parent.suffix == ".app"
    ):
        exe_dir = exe_dir.parent.parent.parent
    if (exe_dir / PORTABLE_MARKER).exists():
        return exe_dir / "sseref-user-data"
    return None


def user_dirs(data_dir: str | os.PathLike[str] | None = None) -> UserDirs:
    """User folders: `--data-dir`, else $SSEREF_DATA_DIR, else portable, else platformdirs."""
    base = data_dir or os.environ.get(ENV_DATA_DIR) or portable_root()
    if base:
        root = Path(base)
        return UserDirs(root / "config", root / "data", root / "cache")
    import platformdirs  # only for the default folders

    dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
    return UserDirs(Path(dirs.user_config_dir), Path(dirs.user_data_dir), Path(dirs.user_cache_dir))
