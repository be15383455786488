"""The packaging files in build/: what the PyInstaller specs keep and drop, the data files they
collect, and the Linux desktop entry and AppStream metadata."""

from __future__ import annotations

import configparser
import importlib.util
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from sseref import __version__
from tests.conftest import ROOT

BUILD = ROOT / "build"


def _load_pyi_common() -> ModuleType:
    """build/pyi_common.py, loaded by path (build/ is not a package, nor put on sys.path)."""
    spec = importlib.util.spec_from_file_location("pyi_common", BUILD / "pyi_common.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pyi_common = _load_pyi_common()


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
        ("PySide6/Qt/translations/qtbase_es.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qtwebengine_fr.qm", False),
        ("PySide6/Qt/lib/libQt6Network.so.6", False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick", False),
        ("babel/locale-data/es_MX.dat", True),
        ("babel/locale-data/fr.dat", True),
        ("babel/locale-data/root.dat", True),
        ("babel/locale-data/de.dat", False),
        ("resources/generated/sseref.db", True),
    ],
)
def test_trimming_rules(dest: str, kept: bool) -> None:
    assert pyi_common.keep_entry(dest) is kept


def test_system_fontconfig_is_not_bundled_on_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    assert not pyi_common.keep_entry("libfontconfig.so.1")
    assert pyi_common.keep_entry("libxcb-icccm.so.4")


def test_dangling_symlinks_are_dropped() -> None:
    binaries = [
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/x/libQt6Gui.so.6", "BINARY"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
    ]
    (kept,) = pyi_common.drop_dangling_symlinks(binaries)
    assert [e[0] for e in kept] == ["PySide6/Qt/lib/libQt6Gui.so.6", "libQt6Gui.so.6"]


def test_excludes_build_time_and_test_packages() -> None:
    for name in (
        "sseref.ingest",
        "sqlite_utils",
        "yaml",
        "tabulate",
        "importlinter",
        "pytest",
        "hypothesis",
        "tkinter",
    ):
        assert name in pyi_common.EXCLUDES


def test_the_bundle_keeps_what_sharing_needs_and_indexes_in_one_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from benchmarks import bench_search

    # Uvicorn (meeting sharing) imports click, ssl and multiprocessing when it loads.
    for name in ("click", "ssl", "multiprocessing"):
        assert name not in pyi_common.EXCLUDES
    assert "whoosh.multiproc" in pyi_common.EXCLUDES
    assert "multiprocessing" not in (BUILD / "sseref_main.py").read_text("utf-8").split('"""')[2]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert bench_search.writer_processes(50_000) == 1  # the frozen program: one writer
    monkeypatch.delattr(sys, "frozen")
    assert bench_search.writer_processes(100) == 1
    assert bench_search.writer_processes(50_000) == 2
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "multiprocessing" else real_find_spec(name, *a),
    )
    assert bench_search.writer_processes(50_000) == 1  # as in the bundle


def test_resource_datas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SSEREF_BUNDLE_RESOURCES", raising=False)
    root = tmp_path
    res = root / "resources"
    for rel in (
        "generated/sseref.db",
        "generated/index/MAIN_WRITELOCK",
        "generated/index/a.seg",
        "generated/locale/es/LC_MESSAGES/sseref.mo",
        "locale/es/LC_MESSAGES/sseref.po",
        "factsheets/sheet.html",
        "README.md",
        ".hidden",
        "icons/__pycache__/x.pyc",
    ):
        (res / rel).parent.mkdir(parents=True, exist_ok=True)
        (res / rel).write_bytes(b"x")
    got = {
        (Path(src).relative_to(res).as_posix(), dest)
        for src, dest in pyi_common.resource_datas(str(root))
    }
    assert got == {
        ("generated/sseref.db", "resources/generated"),
        ("generated/index/MAIN_WRITELOCK", "resources/generated/index"),
        ("generated/index/a.seg", "resources/generated/index"),
        ("generated/locale/es/LC_MESSAGES/sseref.mo", "resources/generated/locale/es/LC_MESSAGES"),
        ("factsheets/sheet.html", "resources/factsheets"),
    }


def test_resource_datas_refuses_a_bundle_without_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SSEREF_BUNDLE_RESOURCES", raising=False)
    (tmp_path / "resources").mkdir()
    with pytest.raises(SystemExit, match="build-data"):
        pyi_common.resource_datas(str(tmp_path))


def test_lazy_modules_cover_the_runtime_package_but_not_ingest() -> None:
    modules = pyi_common.lazy_modules(str(ROOT))
    assert "sseref.app.selftest" in modules and "sseref.gui.printing" in modules
    assert not [m for m in modules if m.startswith("sseref.ingest")]


def test_version_comes_from_the_package() -> None:
    assert pyi_common.read_version(str(ROOT)) == __version__


def test_spec_options() -> None:
    assert pyi_common.spec_options(["--onefile"])["onefile"] is True
    assert pyi_common.spec_options([])["onefile"] is False


def test_desktop_entry() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(BUILD / "linux" / "sseref.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"] == "sseref" and section["Icon"] == "sseref"
    assert section["Terminal"] == "false"
    assert "Name[es]" not in section or section["Name[es]"]
    assert section["Comment[es]"] and section["Comment[fr]"]


def test_appstream_metainfo_matches_the_package() -> None:
    tree = ET.parse(BUILD / "linux" / "org.sseref.SSERef.metainfo.xml")
    root = tree.getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == "org.sseref.SSERef"
    assert root.findtext("launchable") == "sseref.desktop"
    versions = [r.get("version") for r in root.iter("release")]
    assert __version__ in versions  # build/build.py refuses a .deb otherwise


def test_icons_exist_for_every_platform() -> None:
    assert (ROOT / "resources" / "icons" / "sseref.svg").is_file()
    assert (BUILD / "icons" / "sseref.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (BUILD / "icons" / "sseref.icns").read_bytes()[:4] == b"icns"
    assert (BUILD / "icons" / "sseref.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
