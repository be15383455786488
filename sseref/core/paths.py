"""Where things are: resources (checkout, wheel or frozen bundle) and the user's folders."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from sseref import __version__
from sseref.core.errors import UserFolderError
from sseref.core.schema import SCHEMA_VERSION

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


def bundled_database_path() -> Path:
    """The database the data build writes beside the program (the floor of every update)."""
    return generated_dir() / "sseref.db"


def bundled_index_dir() -> Path:
    return generated_dir() / "index"


def database_path() -> Path:
    """The database in use: an applied data pack's when newer than the bundled one."""
    applied = applied_data_dir()
    return applied / "sseref.db" if applied else bundled_database_path()


def shipped_index_dir() -> Path:
    """The index that came with the data in use (bundled, or in the applied pack)."""
    return index_dir_for(database_path())


def index_dir_for(database: Path) -> Path:
    """The index that came with `database`: beside it in an installed pack, else the bundled
    one. Readers that opened a database ask with its path, so a switch made meanwhile by
    another process never pairs one version's database with another's index."""
    database = Path(database)
    if database.name == "sseref.db" and database.parent.parent.name == PACKS_INSTALLED:
        return database.parent / "index"
    return bundled_index_dir()


def log_file() -> Path:
    """The program's log, in the user's data folder: unexpected errors, and the messages of
    the window's search process (its standard error)."""
    return user_dirs().data / "logs" / "sseref.log"


def index_cache_dir() -> Path:
    """The one folder where the command line and the window rebuild the search index: the
    user's cache, never the install folder."""
    return user_dirs().cache / INDEX_CACHE_FOLDER


INDEX_CACHE_FOLDER = "search-index"


PACKS_FOLDER = "data-packs"  # in the user data folder: installed packs and the pointer
PACKS_POINTER = "current.json"  # {"active": folder name or null, "history": [...]}
PACKS_INSTALLED = "installed"


def packs_dir() -> Path:
    return user_dirs().data / PACKS_FOLDER


def applied_data_dir() -> Path | None:
    """The applied pack's folder when the pointer names a complete one not older than the bundled
    data (the bundled data is the floor: a newer program brings newer data); else None.

    The one place that decides which data the program reads; cheap (a JSON file, a stat and
    one query of the bundled database's date), since it runs at every start."""

    root = packs_dir()
    try:
        pointer = json.loads((root / PACKS_POINTER).read_text("utf-8"))
        name = pointer.get("active") if isinstance(pointer, dict) else None
        if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z0-9._-]{1,100}", name):
            return None
        folder = root / PACKS_INSTALLED / name
        manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
        database = next(m for m in manifest["members"] if m["name"] == "data/sseref.db")
        if (folder / "sseref.db").stat().st_size != database["size"]:
            return None
    except (OSError, ValueError, KeyError, TypeError, StopIteration, AttributeError):
        return None

    if manifest.get("schema_version") != SCHEMA_VERSION or not version_at_least(
        __version__, str(manifest.get("min_program_version", ""))
    ):
        return None
    bundled = bundled_as_of()
    if bundled is not None and str(manifest.get("as_of", "")) < bundled:
        return None
    return folder


def bundled_as_of() -> str | None:
    """The bundled database's build date ("built_at"), or None when it cannot be read."""

    path = bundled_database_path()
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
        try:
            row = conn.execute("select value from meta where key = 'built_at'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def version_at_least(have: str, need: str) -> bool:
    """True when program version `have` is `need` or later (numeric dotted parts; '' is 0)."""

    def parts(text: str) -> tuple[int, ...]:
        out = []
        for piece in text.split("."):
            digits = "".join(c for c in piece if c.isdigit())
            out.append(int(digits) if digits else 0)
        return tuple(out)

    a, b = parts(have), parts(need)
    width = max(len(a), len(b))
    return a + (0,) * (width - len(a)) >= b + (0,) * (width - len(b))


@dataclass(frozen=True, slots=True)
class UserDirs:
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

    try:
        path.mkdir(parents=True, exist_ok=True)
        problem = None if os.access(path, os.W_OK | os.X_OK) else "permission denied"
    except OSError as exc:
        problem = exc.strerror or str(exc)
    if problem is None:
        return path
    from sseref.core.i18n import _  # here: core.i18n finds its catalogs through this module

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

    dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
    return UserDirs(Path(dirs.user_config_dir), Path(dirs.user_data_dir), Path(dirs.user_cache_dir))
