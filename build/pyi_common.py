"""What SSE Ref's PyInstaller specs share: excludes and the trimming of Qt, Babel and system libs.

Imported by ``build/sseref.spec`` and ``build/hello.spec`` (both put ``build/`` on ``sys.path``)
so the program and the "hello world" yardstick are frozen with exactly the same options and
trimming; the packaging benchmark then compares like with like.

PyInstaller's Qt hooks collect every plugin and every Qt translation of the modules that are
imported, and the binary dependency analysis then pulls in whatever those plugins link to
(GTK and Cairo for the GTK theme plugin, OpenSSL for the TLS plugins, the EGLFS libraries, …).
:func:`trim` removes what the program does not use and, on Linux, every shared library that is
no longer reachable from what is left.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable

# Python modules never imported at run time. The build-time packages (sqlite_utils, yaml, click,
# tabulate: the data build's CLI) and the test tools stay out even if something names them.
EXCLUDES: list[str] = [
    # build time and tests
    "sseref.ingest",
    "sqlite_utils",
    "sqlite_fts4",
    "yaml",
    "_yaml",
    # (click stays: Uvicorn, the meeting-sharing server, imports it when it loads.)
    "click_default_group",
    "tabulate",
    "dateutil",
    "pluggy",
    "importlinter",
    "grimp",
    "pytest",
    "_pytest",
    "pytestqt",
    "pytest_socket",
    "hypothesis",
    "ruff",
    "PyInstaller",
    "pip",
    "setuptools",
    "pkg_resources",
    "wheel",
    "tests",
    # standard library parts a desktop reader never uses
    "tkinter",
    "_tkinter",
    "turtle",
    "turtledemo",
    "idlelib",
    "lib2to3",
    "pydoc_data",
    "unittest",
    "doctest",
    "xmlrpc",
    "ftplib",
    "imaplib",
    "poplib",
    "smtplib",
    "nntplib",
    "telnetlib",
    "curses",
    "readline",
    "ensurepip",
    "venv",
    "distutils",
    # multiprocessing and ssl stay in the bundle: Uvicorn (meeting sharing) imports both when it
    # loads, although the server runs in one process and serves plain HTTP on the local network.
    "whoosh.multiproc",
    "_hashlib",
    # East Asian codecs: all our text is UTF-8
    "_codecs_cn",
    "_codecs_hk",
    "_codecs_iso2022",
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_tw",
    # Qt modules SSE Ref does not use (it uses QtCore, QtGui, QtWidgets, QtPrintSupport, QtSvg)
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtMultimedia",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtPdf",
    "PySide6.QtCharts",
    "PySide6.QtDBus",
    "PySide6.Qt3DCore",
    "PySide6.QtBluetooth",
    "PySide6.QtPositioning",
    "PySide6.QtSerialPort",
]

# Qt plugin folders kept, and which plugins in each (names without lib prefix and suffix).
# None keeps the whole folder. Folders not listed are dropped.
KEEP_PLUGINS: dict[str, set[str] | None] = {
    # xcb and wayland for Linux desktops, windows/cocoa elsewhere, offscreen for the self-test
    "platforms": {
        "qxcb",
        "qwayland",
        "qwayland-generic",
        "qwayland-egl",
        "qoffscreen",
        "qminimal",
        "qwindows",
        "qcocoa",
        "qdirect2d",
    },
    "platformthemes": {"qxdgdesktopportal"},  # GTK3's theme plugin drags in GTK and Cairo
    "platforminputcontexts": None,  # compose keys and IBus: accented input needs them
    "xcbglintegrations": None,
    "wayland-shell-integration": None,
    "wayland-decoration-client": None,
    "wayland-graphics-integration-client": None,
    "styles": None,  # the native Windows and macOS styles
    "imageformats": {"qsvg", "qico", "qjpeg", "qgif"},
    "iconengines": None,  # SVG icons
    "printsupport": None,  # native print dialogs (cups on Linux, when the system has it)
}

# Qt's own translations: only the interface languages' base catalogs (standard dialogs).
KEEP_QT_TRANSLATIONS = re.compile(r"^qtbase_(es|fr)\.qm$")

# Qt libraries only used by dropped plugins (Windows and macOS have no ELF closure pruning).
# Matched against every path component (Linux .so, Windows .dll, macOS .framework folders).
DROP_QT_LIBS = re.compile(
    r"^(lib)?Qt6?(EglFSDeviceIntegration|EglFsKmsSupport|EglFsKmsGbmSupport|Network|Qml|"
    r"QmlModels|QmlMeta|QmlWorkerScript|Quick|VirtualKeyboard|Pdf|OpenGLWidgets)"
    r"(\.so(\.[0-9.]+)?|\.dll|\.dylib|\.framework)?$"
)

# Babel's locale data: the interface languages and the root they inherit from.
KEEP_BABEL_LOCALE = re.compile(r"^(root|en|es|fr)(_[A-Za-z0-9_]+)?\.dat$")

# Linux libraries taken from the system, like libGL and libEGL (which PyInstaller never bundles):
# fontconfig must match the system's fonts.conf, and every desktop has both.
SYSTEM_LIBS = re.compile(r"^lib(fontconfig\.so\.1|freetype\.so\.6)$")

_LIB_NAME = re.compile(r"^(lib)?(?P<name>.+?)(\.so(\.[0-9.]+)?|\.dll|\.dylib)$")


def _parts(dest: str) -> list[str]:
    return dest.replace("\\", "/").split("/")


def keep_entry(dest: str) -> bool:
    """Whether one collected file (its destination path in the bundle) stays in the bundle."""
    parts = _parts(dest)
    name = parts[-1]
    if "PySide6" in parts or "shiboken6" in parts:
        if "plugins" in parts:
            i = parts.index("plugins")
            if len(parts) <= i + 2:
                return True
            folder = parts[i + 1]
            if folder not in KEEP_PLUGINS:
                return False
            wanted = KEEP_PLUGINS[folder]
            if wanted is None:
                return True
            match = _LIB_NAME.match(name)
            return bool(match) and match.group("name") in wanted
        if "translations" in parts and name.endswith(".qm"):
            return bool(KEEP_QT_TRANSLATIONS.match(name))
        if any(DROP_QT_LIBS.match(part) for part in parts):
            return False
    if sys.platform.startswith("linux") and len(parts) == 1 and SYSTEM_LIBS.match(name):
        return False
    if "babel" in parts and "locale-data" in parts:
        return bool(KEEP_BABEL_LOCALE.match(name))
    return True


def _is_root_binary(dest: str) -> bool:
    """Files loaded by Python or Qt by path (extension modules, plugins): the closure's roots."""
    parts = _parts(dest)
    name = parts[-1]
    return (
        ".cpython-" in name
        or name.endswith(".abi3.so")
        or "lib-dynload" in parts
        or "plugins" in parts
        or name.startswith("libpython")
        or name.startswith("libpyside6")
        or name.startswith("libshiboken6")
    )


def prune_unreachable_libs(binaries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Linux: drops shared libraries that nothing left in the bundle links to (DT_NEEDED)."""
    if not sys.platform.startswith("linux"):
        return binaries
    from PyInstaller.depend import bindepend

    by_name: dict[str, list[tuple[str, str, str]]] = {}
    for entry in binaries:
        by_name.setdefault(os.path.basename(entry[0]), []).append(entry)
    needed: set[str] = set()
    todo = [entry for entry in binaries if _is_root_binary(entry[0])]
    seen: set[str] = set()
    while todo:
        dest, src, _kind = todo.pop()
        if dest in seen:
            continue
        seen.add(dest)
        try:
            imports = bindepend.get_imports(src)
        except Exception:  # unreadable: keep what it might need
            imports = []
        for lib_name, _path in imports:
            base = os.path.basename(lib_name)
            if base not in needed:
                needed.add(base)
                todo.extend(by_name.get(base, []))
    return [e for e in binaries if _is_root_binary(e[0]) or os.path.basename(e[0]) in needed]


def trim(
    entries: Iterable[tuple[str, str, str]], *, prune: bool = False
) -> list[tuple[str, str, str]]:
    """The collected files (PyInstaller TOC entries) less what the program does not use."""
    kept = [e for e in entries if keep_entry(e[0])]
    return prune_unreachable_libs(kept) if prune else kept


# Files under resources/ that never ship (sources of generated files, editor and lock files).
_SKIP_RESOURCE = re.compile(r"(^|/)(__pycache__|\.[^/]*|.*~|.*\.pyc|.*\.po|.*\.pot)$")
REQUIRED_RESOURCES = ("generated/sseref.db",)


def resource_datas(root: str) -> list[tuple[str, str]]:
    """``(source, destination folder)`` pairs for every file of ``resources/`` to ship.

    The frozen program finds them in ``sys._MEIPASS/resources`` (see
    ``sseref.core.paths.resources_dir``). ``$SSEREF_BUNDLE_RESOURCES`` names another folder
    (``build/build.py`` passes a consistent snapshot). Stops the build if the data build's
    outputs are missing: a bundle without its database would only fail later, on a laptop.
    """
    base = os.environ.get("SSEREF_BUNDLE_RESOURCES") or os.path.join(root, "resources")
    missing = [r for r in REQUIRED_RESOURCES if not os.path.exists(os.path.join(base, r))]
    if missing:
        raise SystemExit(f"missing {', '.join(missing)} in resources/: run `sseref build-data`")
    datas: list[tuple[str, str]] = []
    for folder, dirs, files in os.walk(base):
        rel = os.path.relpath(folder, base).replace(os.sep, "/")
        dirs[:] = sorted(d for d in dirs if not _SKIP_RESOURCE.search(d))
        for name in sorted(files):
            rel_file = name if rel == "." else f"{rel}/{name}"
            if _SKIP_RESOURCE.search(rel_file) or rel_file == "README.md":
                continue
            dest = "resources" if rel == "." else f"resources/{rel}"
            datas.append((os.path.join(folder, name), dest))
    return datas


def lazy_modules(root: str) -> list[str]:
    """Every runtime module of the package, so imports done inside functions are frozen too.

    The command line and the window import some layers lazily (``from sseref.search import ...``
    inside a function); PyInstaller follows those too, but listing the package's modules
    makes the bundle independent of that. The build-time ``sseref.ingest`` is left out.
    """
    names: list[str] = []
    package = os.path.join(root, "sseref")
    for folder, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d not in ("__pycache__", "ingest", "_resources"))
        rel = os.path.relpath(folder, root).replace(os.sep, ".")
        for name in sorted(files):
            if name.endswith(".py"):
                mod = rel if name == "__init__.py" else f"{rel}.{name[:-3]}"
                if mod != "sseref.__main__":
                    names.append(mod)
    return names


def drop_dangling_symlinks(*tocs: list[tuple[str, str, str]]) -> list[list[tuple[str, str, str]]]:
    """Removes SYMLINK entries whose target was trimmed away (PyInstaller adds top-level links)."""
    present = {os.path.normpath(e[0]) for toc in tocs for e in toc if e[2] != "SYMLINK"}

    def target_ok(entry: tuple[str, str, str]) -> bool:
        if entry[2] != "SYMLINK":
            return True
        target = os.path.normpath(os.path.join(os.path.dirname(entry[0]), entry[1]))
        return target in present

    return [[e for e in toc if target_ok(e)] for toc in tocs]


def spec_options(argv: list[str]) -> dict[str, bool]:
    """Options passed to a spec after ``--`` (``pyinstaller build/sseref.spec -- --onefile``)."""
    import argparse

    parser = argparse.ArgumentParser(prog="sseref.spec")
    parser.add_argument(
        "--onefile", action="store_true", default=os.environ.get("SSEREF_ONEFILE") == "1"
    )
    parser.add_argument("--no-strip", action="store_true")
    args, _unknown = parser.parse_known_args(argv)
    strip = not args.no_strip and sys.platform.startswith("linux")
    return {"onefile": args.onefile, "strip": strip}


def read_version(root: str) -> str:
    """The package version from ``sseref/__init__.py`` (read, not imported)."""
    with open(os.path.join(root, "sseref", "__init__.py"), encoding="utf-8") as handle:
        match = re.search(r'^__version__\s*=\s*"([^"]+)"', handle.read(), re.M)
    if not match:
        raise SystemExit("sseref/__init__.py has no __version__")
    return match.group(1)


def windows_version_file(workpath: str, version: str, exe_name: str) -> str:
    """Writes the Windows version resource (file properties) and returns its path."""
    from PyInstaller.utils.win32 import versioninfo as vi

    nums = tuple(int(n) for n in (re.findall(r"\d+", version) + ["0"] * 4)[:4])
    info = vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=nums, prodvers=nums),
        kids=[
            vi.StringFileInfo(
                [
                    vi.StringTable(
                        "040904B0",
                        [
                            vi.StringStruct("CompanyName", "SSE Ref"),
                            vi.StringStruct("FileDescription", "SSE Ref: offline SSE reference"),
                            vi.StringStruct("FileVersion", version),
                            vi.StringStruct("InternalName", exe_name),
                            vi.StringStruct("OriginalFilename", exe_name + ".exe"),
                            vi.StringStruct("ProductName", "SSE Ref"),
                            vi.StringStruct("ProductVersion", version),
                        ],
                    )
                ]
            ),
            vi.VarFileInfo([vi.VarStruct("Translation", [0x0409, 1200])]),
        ],
    )
    path = os.path.join(workpath, f"{exe_name}-version.txt")
    os.makedirs(workpath, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(str(info))
    return path


def freeze(
    *,
    name: str,
    script: str,
    datas: list[tuple[str, str]],
    onefile: bool,
    strip: bool,
    workpath: str,
    version: str,
    icon_base: str | None = None,
    app_name: str = "SSE Ref",
    bundle_id: str | None = None,
    hiddenimports: Iterable[str] = (),
) -> object:
    """Runs Analysis → PYZ → EXE (→ COLLECT → BUNDLE on macOS) the same way for every spec.

    Platform differences: Windows gets a windowed ``NAME.exe`` plus a console ``NAME-cli.exe``
    sharing one folder (a windowed program has no stdout, and the self-test prints a report);
    macOS gets a windowed ``.app`` (whose inner executable still prints when run from a
    terminal); Linux gets one console executable (a desktop launcher hides the terminal).
    """
    from PyInstaller.building.api import COLLECT, EXE, PYZ
    from PyInstaller.building.build_main import Analysis

    is_win, is_mac = sys.platform == "win32", sys.platform == "darwin"
    analysis = Analysis(
        [script],
        pathex=[os.path.dirname(os.path.dirname(os.path.abspath(script)))],
        datas=datas,
        hiddenimports=list(hiddenimports),
        excludes=EXCLUDES,
        runtime_hooks=[
            os.path.join(
                os.path.dirname(os.path.abspath(__file__)), "rthooks", "pyi_rth_sseref_qt.py"
            )
        ],
        noarchive=False,
    )
    # Two of PyInstaller's runtime hooks cost every start, the children's included (the
    # search process, the document reader), for nothing SSE Ref uses: the multiprocessing one
    # imports multiprocessing (Uvicorn keeps it in the bundle, but SSE Ref never starts a
    # process through it: the meeting server runs in one), and the PySide6 one imports
    # QtCore; build/rthooks/pyi_rth_sseref_qt.py sets Qt's paths without importing Qt.
    dropped = {"pyi_rth_multiprocessing", "pyi_rth_pyside6"}
    analysis.scripts = [s for s in analysis.scripts if s[0] not in dropped]
    analysis.binaries = trim(analysis.binaries, prune=True)
    analysis.datas = trim(analysis.datas)
    analysis.binaries, analysis.datas = drop_dangling_symlinks(analysis.binaries, analysis.datas)
    pyz = PYZ(analysis.pure)
    icon = None
    if icon_base:
        icon = icon_base + (".ico" if is_win else ".icns" if is_mac else ".png")
        icon = icon if os.path.exists(icon) else None
    common = dict(
        debug=False,
        bootloader_ignore_signals=False,
        strip=strip,
        upx=False,
        icon=icon if (is_win or is_mac) else None,
        target_arch=None,
        codesign_identity=None,
        entitlements_file=None,
        argv_emulation=False,
    )
    windowed = is_win or is_mac
    # Python's UTF-8 mode: reports and JSON print the same on a Windows console (cp1252) and in
    # a C locale; a frozen program ignores $PYTHONUTF8, so it is set here.
    options = [("X utf8", None, "OPTION")]
    version_file = windows_version_file(workpath, version, name) if is_win else None
    if onefile:
        return EXE(
            pyz,
            analysis.scripts,
            analysis.binaries,
            analysis.datas,
            options,
            name=name,
            console=not windowed,
            runtime_tmpdir=None,
            version=version_file,
            **common,
        )
    exes = [
        EXE(
            pyz,
            analysis.scripts,
            options,
            exclude_binaries=True,
            name=name,
            console=not windowed,
            version=version_file,
            **common,
        )
    ]
    if is_win:  # a console twin for the self-test and the other subcommands
        exes.append(
            EXE(
                pyz,
                analysis.scripts,
                options,
                exclude_binaries=True,
                name=name + "-cli",
                console=True,
                version=version_file,
                **common,
            )
        )
    coll = COLLECT(*exes, analysis.binaries, analysis.datas, strip=strip, upx=False, name=name)
    if is_mac:
        from PyInstaller.building.osx import BUNDLE

        return BUNDLE(
            coll,
            name=f"{app_name}.app",
            icon=icon,
            version=version,
            bundle_identifier=bundle_id,
            info_plist={
                "CFBundleDisplayName": app_name,
                "CFBundleShortVersionString": version,
                "CFBundleVersion": version,
                "NSHighResolutionCapable": True,
                "LSApplicationCategoryType": "public.app-category.reference",
                "NSHumanReadableCopyright": "MIT License",
            },
        )
    return coll
