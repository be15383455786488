"""Resources are found the same way from a checkout, an installed wheel and a frozen bundle;
user data goes beside the executable in portable mode and to the user's folders otherwise."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sseref.app import selftest
from sseref.core import paths
from tests.conftest import ROOT


@pytest.fixture
def no_overrides(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No environment override of the resources or user folders."""
    monkeypatch.delenv(paths.ENV_RESOURCES, raising=False)
    monkeypatch.delenv(paths.ENV_DATA_DIR, raising=False)
    return monkeypatch


@pytest.fixture
def frozen(no_overrides: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Simulates a PyInstaller one-folder bundle: the executable and its _internal folder."""
    bundle = tmp_path / "bundle"
    meipass = bundle / "_internal"
    (meipass / "resources" / "generated").mkdir(parents=True)
    exe = bundle / "sseref"
    exe.write_bytes(b"")
    no_overrides.setattr(sys, "frozen", True, raising=False)
    no_overrides.setattr(sys, "_MEIPASS", str(meipass), raising=False)
    no_overrides.setattr(sys, "executable", str(exe))
    return bundle


# --- resources ------------------------------------------------------------------------------


def test_checkout_mode(no_overrides: pytest.MonkeyPatch) -> None:
    assert not paths.is_frozen()
    assert paths.resources_dir() == ROOT / "resources"
    assert paths.database_path() == ROOT / "resources" / "generated" / "sseref.db"
    assert paths.checkout_root() == ROOT
    assert selftest.run_mode() == "checkout"


def test_environment_override_wins(no_overrides: pytest.MonkeyPatch, tmp_path: Path) -> None:
    no_overrides.setenv(paths.ENV_RESOURCES, str(tmp_path))
    assert paths.resources_dir() == tmp_path
    assert paths.shipped_index_dir() == tmp_path / "generated" / "index"


def test_wheel_mode_simulated(no_overrides: pytest.MonkeyPatch, tmp_path: Path) -> None:
    package = tmp_path / "site-packages" / "sseref"
    (package / "_resources" / "generated").mkdir(parents=True)
    no_overrides.setattr(paths, "_PACKAGE_DIR", package)
    assert paths.resources_dir() == package / "_resources"
    assert paths.database_path() == package / "_resources" / "generated" / "sseref.db"


def test_wheel_layout_in_a_fresh_interpreter(tmp_path: Path) -> None:
    """The installed layout (hatch force-includes resources/ as sseref/_resources)."""
    site = tmp_path / "site-packages"
    shutil.copytree(
        ROOT / "sseref", site / "sseref", ignore=shutil.ignore_patterns("__pycache__", "_resources")
    )
    shutil.copytree(
        ROOT / "resources" / "factsheets", site / "sseref" / "_resources" / "factsheets"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("SSEREF_")}
    env["PYTHONPATH"] = str(site)
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "from sseref.core import paths; from sseref.app import selftest;"
            "print(paths.resources_dir()); print(paths.checkout_root()); "
            "print(selftest.run_mode())",
        ],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    assert Path(out[0]) == site / "sseref" / "_resources"
    assert out[1] == "None"  # an installed package has no data/ beside it
    assert out[2] == "wheel"


def test_frozen_mode(frozen: Path) -> None:
    assert paths.is_frozen()
    assert paths.resources_dir() == frozen / "_internal" / "resources"
    assert paths.database_path() == frozen / "_internal" / "resources" / "generated" / "sseref.db"
    assert paths.shipped_index_dir() == frozen / "_internal" / "resources" / "generated" / "index"
    assert selftest.run_mode() == "frozen"


def test_frozen_without_meipass_uses_the_executable_folder(
    frozen: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(sys, "_MEIPASS")
    assert paths.resources_dir() == frozen / "resources"


def test_frozen_generated_outputs_are_in_the_bundle(frozen: Path) -> None:
    assert paths.generated_dir() == frozen / "_internal" / "resources" / "generated"


# --- user folders and portable mode ---------------------------------------------------------


def test_portable_marker_keeps_user_data_beside_the_executable(frozen: Path) -> None:
    (frozen / paths.PORTABLE_MARKER).write_text("portable\n", encoding="utf-8")
    root = frozen / "sseref-user-data"
    assert paths.portable_root() == root
    dirs = paths.user_dirs().ensure()
    assert (dirs.config, dirs.data, dirs.cache) == (root / "config", root / "data", root / "cache")
    assert all(p.is_dir() for p in (dirs.config, dirs.data, dirs.cache))


def test_without_marker_user_data_goes_to_the_platform_folders(
    frozen: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(var, raising=False)
    assert paths.portable_root() is None
    dirs = paths.user_dirs()
    for folder in (dirs.config, dirs.data, dirs.cache):
        assert frozen not in folder.parents
        assert paths.APP_NAME in folder.parts


def test_marker_is_ignored_when_not_frozen(
    no_overrides: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    exe = tmp_path / "python"
    exe.write_bytes(b"")
    (tmp_path / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    no_overrides.setattr(sys, "executable", str(exe))
    assert paths.portable_root() is None


def test_portable_marker_beside_a_macos_app(
    no_overrides: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    macos = tmp_path / "SSE Ref.app" / "Contents" / "MacOS"
    macos.mkdir(parents=True)
    (macos / "sseref").write_bytes(b"")
    no_overrides.setattr(sys, "frozen", True, raising=False)
    no_overrides.setattr(sys, "executable", str(macos / "sseref"))
    assert paths.portable_root() is None
    (tmp_path / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert paths.portable_root() == tmp_path / "sseref-user-data"


def test_data_dir_option_beats_portable_mode(
    frozen: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (frozen / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(tmp_path / "elsewhere"))
    assert paths.user_dirs().data == tmp_path / "elsewhere" / "data"
    assert paths.user_dirs(tmp_path / "explicit").data == tmp_path / "explicit" / "data"
