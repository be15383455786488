"""Shared fixtures: offscreen Qt, redirected user folders, fixture and real databases."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before any Qt import: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("SSEREF_LANG", None)

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
# A person, a country and an organization with dated and unknown facts: added to FIXTURE_DATA
# by `kinds_data` (kept apart so the counts the other tests rely on stay as they are).
KINDS_FIXTURE = ROOT / "tests" / "fixtures" / "kinds"
REAL_DATA = ROOT / "data"


@pytest.fixture(autouse=True)
def _user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own user folders: nothing touches the real home directory."""
    home = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("SSEREF_DATA_DIR", str(home))
    return home


@pytest.fixture(scope="session", autouse=True)
def _compiled_catalogs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The checkout's .po files compiled afresh (Babel), so tests never see stale .mo files."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    from sseref.core import i18n

    target = tmp_path_factory.mktemp("locale")
    for po in sorted((ROOT / "resources" / "locale").glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle)
        mo = target / po.relative_to(ROOT / "resources" / "locale").with_suffix(".mo")
        mo.parent.mkdir(parents=True, exist_ok=True)
        with mo.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(i18n, "locale_dir", lambda: target)
        yield target


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    from sseref.core.i18n import set_language

    set_language("en")
    yield
    set_language("en")


@pytest.fixture(scope="session")
def fixture_db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small fictional dataset of tests/fixtures/data, built once per run."""
    from sseref.ingest.build import build_database

    path = tmp_path_factory.mktemp("fixture-db") / "sseref.db"
    build_database(FIXTURE_DATA, path)
    return path


@pytest.fixture(scope="session")
def kinds_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture data plus tests/fixtures/kinds (a person, a country, dated facts)."""
    import shutil

    folder = tmp_path_factory.mktemp("kinds-data") / "data"
    shutil.copytree(FIXTURE_DATA, folder)
    shutil.copytree(KINDS_FIXTURE, folder, dirs_exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def kinds_db_path(kinds_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The database of `kinds_data`, built once per run."""
    from sseref.ingest.build import build_database

    path = tmp_path_factory.mktemp("kinds-db") / "sseref.db"
    build_database(kinds_data, path)
    return path


@pytest.fixture
def kinds_db(kinds_db_path: Path):  # type: ignore[no-untyped-def]
    from sseref.core.db import Database

    db = Database(kinds_db_path)
    yield db
    db.close()


@pytest.fixture(scope="session")
def real_db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real dataset of data/, built once per run."""
    from sseref.ingest.build import build_database

    path = tmp_path_factory.mktemp("real-db") / "sseref.db"
    build_database(REAL_DATA, path)
    return path


@pytest.fixture
def fixture_db(fixture_db_path: Path):  # type: ignore[no-untyped-def]
    from sseref.core.db import Database

    db = Database(fixture_db_path)
    yield db
    db.close()


@pytest.fixture
def real_db(real_db_path: Path):  # type: ignore[no-untyped-def]
    from sseref.core.db import Database

    db = Database(real_db_path)
    yield db
    db.close()


@pytest.fixture(scope="session")
def pack_set(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Signed data packs built from the fixture data with a throwaway key (once per run)."""
    from tests.packhelpers import build_pack_set

    return build_pack_set(tmp_path_factory.mktemp("packs"))


@pytest.fixture
def pack_env(pack_set, monkeypatch: pytest.MonkeyPatch, _user_dirs: Path):  # type: ignore[no-untyped-def]
    """The program's bundled data is the fixture data (as of 2026-01-01), and the user trusts
    the throwaway publisher key (through the user keys file, as an organization would)."""
    from sseref.core import packformat, paths

    monkeypatch.setattr(paths, "generated_dir", lambda: pack_set.resources / "generated")
    keys = packformat.user_keys_file()
    keys.parent.mkdir(parents=True, exist_ok=True)
    keys.write_text(pack_set.public.read_text("utf-8"), "utf-8")
    return pack_set
