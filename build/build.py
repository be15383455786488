"""Builds SSE Ref's standalone executables with PyInstaller, packages them and measures them.

Usage (from the checkout, with the virtual environment's Python, which has the ``build``
group installed: ``pip install --require-hashes -r requirements/build.txt``)::

    python build/build.py              # one-folder bundle in pyi-dist/sseref/, then its self-test
    python build/build.py --onefile    # also the one-file executable pyi-dist/sseref-onefile
    python build/build.py --packages   # also dist/*.tar.gz and (on Debian) dist/*.deb
    python build/build.py --bench      # also the hello-world yardstick, the one-file builds and
                                       # docs/benchmarks/packaging.md (sizes, start-up times)
    python build/build.py --all        # everything above
    python build/build.py --measure-only   # re-measure the bundles already built (no build)

``build/build.sh`` does the same after installing what the build needs. PyInstaller's work
files go to ``pyi-work/``, bundles to ``pyi-dist/``, packages to ``dist/`` (all git-ignored).
The data build (``sseref build-data --if-stale``) runs first, because the bundle ships its
outputs. Every bundle built here is checked by running its frozen ``sseref self-test``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
WORK = ROOT / "pyi-work"
DIST = ROOT / "pyi-dist"
PACKAGES = ROOT / "dist"
BENCH_DOC = ROOT / "docs" / "benchmarks" / "packaging.md"
IS_WIN, IS_MAC = sys.platform == "win32", sys.platform == "darwin"
EXE_SUFFIX = ".exe" if IS_WIN else ""
APP_ID = "org.sseref.SSERef"
TARGET_MB, TARGET_RATIO = 150, 1.5
APP_NAMES = {"sseref": "SSE Ref", "hello": "Hello"}  # macOS .app names (see the specs)

sys.path.insert(0, str(BUILD))
import pyi_common  # noqa: E402

VERSION = pyi_common.read_version(str(ROOT))


def say(message: str) -> None:
    """One progress line on stderr."""
    print(f"==> {message}", file=sys.stderr, flush=True)


def run(cmd: Sequence[str | os.PathLike[str]], **kwargs: object) -> subprocess.CompletedProcess:
    """Runs a command, echoing it; raises on a non-zero exit."""
    print("+ " + " ".join(str(c) for c in cmd), file=sys.stderr, flush=True)
    return subprocess.run([str(c) for c in cmd], check=True, **kwargs)  # type: ignore[call-overload]


# --- building -----------------------------------------------------------------------------------


def build_data() -> None:
    """Brings the database, shipped index and catalogs up to date (they go into the bundle)."""
    say("Data build (sseref build-data --if-stale)")
    run([sys.executable, "-m", "sseref", "build-data", "--if-stale"], cwd=ROOT)


def snapshot_resources(attempts: int = 5) -> Path:
    """A consistent copy of resources/ for the bundle: the shipped index's manifest names
    files that all exist and the database it was built from (a data build running meanwhile
    in the same checkout would otherwise mix two generations)."""
    target = WORK / "resources"
    for _attempt in range(attempts):
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(ROOT / "resources", target, symlinks=True)
        problem = resources_problem(target)
        if problem is None:
            return target
        say(f"resources/ changed while copying ({problem}); again in 3 s")
        time.sleep(3)
    raise SystemExit(f"no consistent snapshot of resources/: {problem}")


def resources_problem(resources: Path) -> str | None:
    """Why the generated outputs in ``resources`` do not belong together, or None."""
    generated = resources / "generated"
    db_path = generated / "sseref.db"
    if not db_path.is_file():
        return "no database: run `sseref build-data`"
    manifest_path = generated / "index" / "sseref-index.json"
    if not manifest_path.is_file():
        return "no index manifest"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    missing = [n for n in manifest.get("files", {}) if not (generated / "index" / n).exists()]
    if missing:
        return f"index files missing: {', '.join(missing)}"
    import sqlite3

    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as con:
        try:
            rows = dict(con.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.Error:
            rows = {}
    version = rows.get("data_version")
    if version and manifest.get("data_version") and version != manifest["data_version"]:
        return f"index for data {manifest['data_version']}, database {version}"
    return None


def pyinstaller(spec: str, name: str, *, onefile: bool = False) -> float:
    """Freezes one spec into pyi-dist/; returns the seconds it took."""
    say(f"PyInstaller: {spec} ({'one-file' if onefile else 'one-folder'})")
    started = time.perf_counter()
    cmd: list[str | Path] = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        DIST,
        "--workpath",
        WORK / name,
        BUILD / spec,
    ]
    if onefile:
        cmd += ["--", "--onefile"]
    env = dict(os.environ)
    if spec == "sseref.spec":
        env["SSEREF_BUNDLE_RESOURCES"] = str(snapshot_resources())
    run(cmd, cwd=ROOT, env=env)
    return time.perf_counter() - started


def onedir_path(name: str) -> Path:
    """The one-folder bundle of ``name`` (its folder in pyi-dist/)."""
    return DIST / name


def executable(name: str, *, onefile: bool = False, console: bool = True) -> Path:
    """The executable to run from the command line for a bundle built here."""
    if onefile:
        return DIST / f"{name}-onefile{EXE_SUFFIX}"
    if IS_WIN and console and name == "sseref":
        return DIST / name / f"{name}-cli.exe"  # the windowed sseref.exe has no stdout
    app = DIST / f"{APP_NAMES.get(name, name)}.app" / "Contents" / "MacOS" / name
    if IS_MAC and app.exists():
        return app  # test what ships: the executable inside the .app
    return DIST / name / f"{name}{EXE_SUFFIX}"


def frozen_env(data_dir: Path) -> dict[str, str]:
    """The environment for running a frozen program here: offscreen, its own user folders."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "SSEREF_"))}
    env.update(QT_QPA_PLATFORM="offscreen", SSEREF_DATA_DIR=str(data_dir), LANG="C.UTF-8")
    env.pop("VIRTUAL_ENV", None)
    return env


def self_test(exe: Path, *extra: str) -> None:
    """Runs the frozen ``sseref self-test`` and stops the build if it fails."""
    say(f"Frozen self-test: {exe.relative_to(ROOT)} self-test {' '.join(extra)}")
    with tempfile.TemporaryDirectory(prefix="sseref-build-") as tmp:
        result = subprocess.run(
            [str(exe), "self-test", *extra],
            env=frozen_env(Path(tmp)),
            capture_output=True,
            timeout=300,
            encoding="utf-8",
            errors="replace",
        )
    sys.stdout.write(result.stdout)
    sys.stderr.write(
        "".join(
            line + "\n" for line in result.stderr.splitlines() if "propagateSizeHints" not in line
        )
    )
    if result.returncode != 0:
        raise SystemExit(f"the frozen self-test failed (exit code {result.returncode})")


def check_portable(bundle: Path, exe: Path) -> None:
    """Portable mode: with the marker beside the executable, user data lands beside it; without
    it, in the platform's user folders (here a temporary home), never in the bundle."""
    say("Portable mode: marker file beside the executable")
    beside = exe.parent
    if IS_MAC and beside.parent.parent.suffix == ".app":  # beside the .app, not inside it
        beside = beside.parent.parent.parent
    marker = beside / "sseref-portable.txt"
    portable = beside / "sseref-user-data"
    with tempfile.TemporaryDirectory(prefix="sseref-portable-") as tmp:
        env = frozen_env(Path(tmp))
        env.pop("SSEREF_DATA_DIR")
        env.update(
            HOME=str(Path(tmp) / "home"),
            USERPROFILE=str(Path(tmp) / "home"),
            APPDATA=str(Path(tmp) / "appdata"),
            LOCALAPPDATA=str(Path(tmp) / "local"),
            SSEREF_BENCH_READY="1",
        )
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            env.pop(var, None)
        try:
            marker.write_text(
                "SSE Ref keeps its user data in sseref-user-data/ beside me.\n", encoding="utf-8"
            )
            subprocess.run([str(exe)], env=env, check=True, capture_output=True, timeout=120)
            if not (portable / "data").is_dir():
                raise SystemExit(f"portable mode: no {portable / 'data'} after a run")
            if any(Path(tmp).rglob("SSERef")):
                raise SystemExit("portable mode: user data also went to the home folder")
            print(f"    with the marker: user data in {portable.relative_to(ROOT)}/")
        finally:
            marker.unlink(missing_ok=True)
            shutil.rmtree(portable, ignore_errors=True)
        subprocess.run([str(exe)], env=env, check=True, capture_output=True, timeout=120)
        if portable.exists():
            raise SystemExit("without the marker the program wrote into its own folder")
        homes = sorted(p.relative_to(tmp).as_posix() for p in Path(tmp).rglob("SSERef"))
        if not homes and not IS_WIN:  # Windows asks the shell for AppData, not the environment
            raise SystemExit("without the marker no user folder was made in the home folder")
        print(f"    without it: user data in the user's folders ({', '.join(homes) or 'AppData'})")
    leftovers = [p for p in bundle.rglob("*") if p.name in ("sseref.lock", "settings.ini")]
    if leftovers:
        raise SystemExit(f"the program wrote into its bundle: {leftovers}")


# --- packages -----------------------------------------------------------------------------------


def platform_tag() -> str:
    """``linux-x86_64``, ``windows-amd64``, ``macos-arm64``: for archive names."""
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    return f"{system}-{platform.machine().lower()}"


def make_archive(bundle: Path, name: str) -> Path:
    """A .tar.gz of a one-folder bundle (one top folder ``NAME-VERSION``; symlinks kept);
    a .zip on Windows, where that is what people open."""
    PACKAGES.mkdir(exist_ok=True)
    if IS_WIN:
        base = PACKAGES / f"{name}-{VERSION}-{platform_tag()}"
        say(f"Archive: {base.relative_to(ROOT)}.zip")
        return Path(shutil.make_archive(str(base), "zip", bundle.parent, bundle.name))
    target = PACKAGES / f"{name}-{VERSION}-{platform_tag()}.tar.gz"
    say(f"Archive: {target.relative_to(ROOT)}")
    top = f"{name}-{VERSION}"
    with tarfile.open(target, "w:gz", compresslevel=9) as tar:
        tar.add(bundle, arcname=top, filter=_tar_filter)
    return target


def _tar_filter(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def glibc_requirement(bundle: Path) -> str:
    """The newest GLIBC symbol version that the bundle's ELF files need (e.g. ``2.34``)."""
    newest = (2, 17)
    objdump = shutil.which("objdump")
    if not objdump:
        return "2.17"
    for path in bundle.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
        out = subprocess.run([objdump, "-T", str(path)], capture_output=True, text=True).stdout
        for major, minor in re.findall(r"GLIBC_(\d+)\.(\d+)", out):
            newest = max(newest, (int(major), int(minor)))
    return f"{newest[0]}.{newest[1]}"


def make_deb(bundle: Path) -> Path:
    """A Debian package: the bundle in /opt/sseref, a command, a menu entry, icons, metainfo.

    No maintainer scripts: dpkg's triggers refresh the menu and icon caches, and the program
    never writes into /opt/sseref, so removing the package removes every file it installed.
    """
    if not shutil.which("dpkg-deb"):
        raise SystemExit("dpkg-deb is not installed: the .deb can only be built on Debian/Ubuntu")
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    metainfo = (BUILD / "linux" / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    if f'<release version="{VERSION}"' not in metainfo:
        raise SystemExit(f"build/linux/{APP_ID}.metainfo.xml has no <release> for {VERSION}")
    stage = WORK / "deb" / "root"
    shutil.rmtree(stage.parent, ignore_errors=True)
    say("Debian package: staging")
    opt = stage / "opt" / "sseref"
    shutil.copytree(bundle, opt, symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    os.symlink("/opt/sseref/sseref", stage / "usr" / "bin" / "sseref")
    linux = BUILD / "linux"
    _install(linux / "sseref.desktop", stage / "usr/share/applications/sseref.desktop")
    _install(linux / f"{APP_ID}.metainfo.xml", stage / f"usr/share/metainfo/{APP_ID}.metainfo.xml")
    icons = ROOT / "resources" / "icons"
    _install(icons / "sseref.svg", stage / "usr/share/icons/hicolor/scalable/apps/sseref.svg")
    for size in (48, 256):
        _install(
            icons / f"sseref-{size}.png",
            stage / f"usr/share/icons/hicolor/{size}x{size}/apps/sseref.png",
        )
    doc = stage / "usr" / "share" / "doc" / "sseref"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: SSE Ref\n\nFiles: *\nCopyright: SSE Ref contributors\nLicense: MIT\n\n"
        "Files: opt/sseref/_internal/*\nComment: Python, Qt (LGPL-3.0) via PySide6, Whoosh, "
        "Babel, platformdirs and the DejaVu fonts, under their own licences.\n",
        encoding="utf-8",
    )
    installed_kb = sum(p.lstat().st_size for p in stage.rglob("*")) // 1024
    control = stage / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(
        "\n".join(
            [
                "Package: sseref",
                f"Version: {VERSION}",
                f"Architecture: {arch}",
                "Maintainer: SSE Ref maintainers <sseref@localhost>",
                f"Installed-Size: {installed_kb}",
                f"Depends: libc6 (>= {glibc_requirement(bundle)}), libgl1, libegl1, libfontconfig1",
                "Section: misc",
                "Priority: optional",
                "Description: offline reference on the Social and Solidarity Economy",
                " SSE Ref is an offline desktop reference on the Social and Solidarity Economy and",
                " on South-South and triangular cooperation: organizations, history and documents",
                " in English, Spanish and French, with search, record pages and printable fact",
                " sheets. The program is self-contained (installed in /opt/sseref) and never",
                " opens a network connection.",
                "",
            ]
        ),
        encoding="utf-8",
    )
    for path in stage.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
    PACKAGES.mkdir(exist_ok=True)
    target = PACKAGES / f"sseref_{VERSION}_{arch}.deb"
    say(f"Debian package: {target.relative_to(ROOT)}")
    run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", stage, target])
    return target


def _install(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src, dest)


# --- measuring ----------------------------------------------------------------------------------


@dataclass
class Startup:
    """Start-up times of one executable over several runs (seconds).

    ``wall``: the whole process (start → window shown → quit → exit); ``ready``: in-process
    time from ``main()`` to the shown window; ``seen``: from the start until READY is read on
    its stdout; ``exit``: from READY to the end of the process."""

    wall: list[float] = field(default_factory=list)
    ready: list[float] = field(default_factory=list)
    seen: list[float] = field(default_factory=list)
    exit: list[float] = field(default_factory=list)

    @staticmethod
    def _median(values: list[float]) -> float:
        return statistics.median(values) if values else float("nan")

    @property
    def median_wall(self) -> float:
        return self._median(self.wall)

    @property
    def median_ready(self) -> float:
        return self._median(self.ready)

    @property
    def median_seen(self) -> float:
        """Start-up to an interactive window, as a user sees it: start → READY."""
        return self._median(self.seen)

    @property
    def median_before_main(self) -> float:
        """Bootloader, interpreter, runtime hooks and imports before ``main()`` runs."""
        return self._median([s - r for s, r in zip(self.seen, self.ready, strict=True)])

    @property
    def median_exit(self) -> float:
        return self._median(self.exit)


def start_once(exe: Path, env: dict[str, str]) -> tuple[float, float, float, float]:
    """One start of ``exe`` with SSEREF_BENCH_READY=1: (whole process, READY in process,
    READY seen from outside, READY → exit), in seconds."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [str(exe)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        encoding="utf-8",
        errors="replace",
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    seen = time.perf_counter()
    rest = proc.stdout.read()
    code = proc.wait(timeout=120)
    ended = time.perf_counter()
    match = re.match(r"READY ([0-9.]+)", line)
    if code != 0 or not match:
        raise SystemExit(f"{exe} did not start: exit {code}\n{line}{rest}")
    return ended - started, float(match.group(1)), seen - started, ended - seen


def measure_startups(exes: dict[str, Path], runs: int) -> dict[str, Startup]:
    """Starts each executable ``runs`` times, interleaved (A, B, C, A, B, C, ...) so that the
    machine's load at any moment weighs on all of them alike; one uncounted warm-up round."""
    results = {key: Startup() for key in exes}
    with tempfile.TemporaryDirectory(prefix="sseref-bench-") as tmp:
        env = frozen_env(Path(tmp))
        env["SSEREF_BENCH_READY"] = "1"
        for i in range(runs + 1):  # round 0 warms the disk cache
            for key, exe in exes.items():
                wall, ready, seen, exit_ = start_once(exe, env)
                if i:
                    result = results[key]
                    result.wall.append(wall)
                    result.ready.append(ready)
                    result.seen.append(seen)
                    result.exit.append(exit_)
    return results


def tree_size(path: Path) -> int:
    """Bytes of every file under ``path`` (symlinks counted as links, not targets)."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())


def mb(n: float) -> str:
    return f"{n / 1e6:.1f} MB"


def versions() -> dict[str, str]:
    """Versions of the tools that made the bundles."""
    from importlib.metadata import version

    out = {"python": platform.python_version(), "platform": platform.platform()}
    for dist in ("pyinstaller", "PySide6-Essentials", "Whoosh-Reloaded"):
        try:
            out[dist] = version(dist)
        except Exception:  # noqa: BLE001
            out[dist] = "?"
    return out


def bench(runs: int, build_seconds: dict[str, float], *, rebuild: bool = True) -> dict[str, object]:
    """Builds the hello-world yardstick (both ways) and measures it next to SSE Ref."""
    if rebuild or not executable("hello").exists():
        build_seconds["hello one-folder"] = pyinstaller("hello.spec", "hello")
    if rebuild or not executable("hello", onefile=True).exists():
        build_seconds["hello one-file"] = pyinstaller("hello.spec", "hello-onefile", onefile=True)
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    say(f"Measuring start-up: {runs} interleaved rounds")
    starts = measure_startups(
        {
            f"{name} {kind}": executable(name, onefile=kind == "onefile")
            for kind in ("onedir", "onefile")
            for name in ("sseref", "hello")
        },
        runs,
    )
    rows: dict[str, dict[str, object]] = {}
    for name in ("sseref", "hello"):
        say(f"Measuring sizes: {name}")
        with tempfile.TemporaryDirectory() as tmp:
            archive = Path(tmp) / "bundle.tar.gz"
            with tarfile.open(archive, "w:gz", compresslevel=9) as tar:
                tar.add(onedir_path(name), arcname=name)
            archive_size = archive.stat().st_size
        onedir, onefile = starts[f"{name} onedir"], starts[f"{name} onefile"]
        rows[name] = {
            "onedir_bytes": tree_size(onedir_path(name)),
            "archive_bytes": archive_size,
            "onefile_bytes": tree_size(executable(name, onefile=True)),
            "onedir_start_s": onedir.median_seen,
            "onedir_wall_s": onedir.median_wall,
            "onedir_ready_s": onedir.median_ready,
            "onedir_before_main_s": onedir.median_before_main,
            "onedir_exit_s": onedir.median_exit,
            "onefile_start_s": onefile.median_seen,
            "onefile_wall_s": onefile.median_wall,
            "onefile_ready_s": onefile.median_ready,
            "onedir_start_all": onedir.seen,
            "onefile_start_all": onefile.seen,
        }
    # The machine's speed drifts over a run: each round's starts share its state of the moment.
    paired = statistics.median(
        a / b
        for a, b in zip(starts["sseref onedir"].seen, starts["hello onedir"].seen, strict=True)
    )
    data: dict[str, object] = {
        "date": dt.date.today().isoformat(),
        "runs": runs,
        "rows": rows,
        "onedir_paired_ratio": paired,
        "versions": versions(),
        "build_seconds": build_seconds,
        "cpus": os.cpu_count(),
        "load": [
            round(load_before, 2),
            round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
        ],
    }
    write_bench_doc(data)
    return data


def write_bench_doc(data: dict[str, object]) -> None:
    """Writes docs/benchmarks/packaging.md (and its .json twin) from the measurements."""
    rows = data["rows"]
    assert isinstance(rows, dict)
    s, h = rows["sseref"], rows["hello"]

    def ratio(key: str) -> str:
        return f"{s[key] / h[key]:.2f}×"

    size_ok = s["onedir_bytes"] <= TARGET_MB * 1e6
    paired = float(data["onedir_paired_ratio"])  # type: ignore[arg-type]
    start_ok = s["onedir_start_s"] <= TARGET_RATIO * h["onedir_start_s"]
    vers = data["versions"]
    assert isinstance(vers, dict)
    lines = [
        "# Packaging: bundle size and start-up",
        "",
        f"Measured {data['date']} by `python build/build.py --bench` on this project's machine "
        f"({data['cpus']} cores, {vers['platform']}), Python {vers['python']}, PyInstaller "
        f"{vers['pyinstaller']}, PySide6-Essentials {vers['PySide6-Essentials']}. Both programs "
        "are frozen in the same run with the same options and trimming (`build/pyi_common.py`).",
        "The yardstick is a frozen PySide6 window with one label (`build/hello_world.py`).",
        f"Load average (1 min) before and after the start-up runs: {data['load'][0]} and "
        f"{data['load'][1]} (other work shared the machine: absolute times vary with it, the "
        "ratios less so).",
        "",
        "Start-up is the time to an interactive window, as the issue defines it: from starting "
        "the executable until it prints `READY`, which it does once its main window is shown "
        "(offscreen) and its pending events are processed (`SSEREF_BENCH_READY=1`), then it "
        f"quits. Median of {data['runs']} runs after one warm-up round (warm disk cache), the "
        "four executables started in turn so the machine's load weighs on each alike. "
        'The two "of which" rows split it (medians, so they need not add up exactly): the GUI '
        "code begins at `main()` in the yardstick and at `sseref.app.launch.run_gui` in SSE Ref "
        "(both print `READY <seconds since then>`). The whole process, quitting and exiting "
        "included, is shown too.",
        "",
        "| | SSE Ref | hello world | ratio | target |",
        "|---|---:|---:|---:|---|",
        f"| one-folder bundle size | {mb(s['onedir_bytes'])} | {mb(h['onedir_bytes'])} | "
        f"{ratio('onedir_bytes')} | ≤ {TARGET_MB} MB: {'met' if size_ok else 'NOT met'} |",
        f"| compressed archive (.tar.gz -9) | {mb(s['archive_bytes'])} | "
        f"{mb(h['archive_bytes'])} | {ratio('archive_bytes')} | |",
        f"| one-file executable size | {mb(s['onefile_bytes'])} | {mb(h['onefile_bytes'])} | "
        f"{ratio('onefile_bytes')} | |",
        f"| one-folder start-up (start → interactive window) | {s['onedir_start_s']:.3f} s | "
        f"{h['onedir_start_s']:.3f} s | {ratio('onedir_start_s')} | ≤ {TARGET_RATIO}×: "
        f"{'met' if start_ok else 'NOT met'} |",
        f"| — median of the per-round ratios (each round's two starts are seconds apart) | "
        f"| | {paired:.2f}× | ≤ {TARGET_RATIO}×: "
        f"{'met' if paired <= TARGET_RATIO else 'NOT met'} |",
        f"| — of which: start → GUI code begins (bootloader, Python, imports) | "
        f"{s['onedir_before_main_s']:.3f} s | {h['onedir_before_main_s']:.3f} s | "
        f"{ratio('onedir_before_main_s')} | |",
        f"| — of which: GUI code begins → window shown | {s['onedir_ready_s']:.3f} s | "
        f"{h['onedir_ready_s']:.3f} s | {ratio('onedir_ready_s')} | |",
        f"| one-folder whole process (start → window → quit → exit) | "
        f"{s['onedir_wall_s']:.2f} s | {h['onedir_wall_s']:.2f} s | {ratio('onedir_wall_s')} | |",
        f"| one-file start-up (unpacks every launch) | {s['onefile_start_s']:.2f} s | "
        f"{h['onefile_start_s']:.2f} s | {ratio('onefile_start_s')} | |",
        "",
        "All runs (seconds to an interactive window, one-folder): SSE Ref "
        + ", ".join(f"{x:.2f}" for x in s["onedir_start_all"])
        + "; hello "
        + ", ".join(f"{x:.2f}" for x in h["onedir_start_all"])
        + ".",
        "",
        "The one-folder bundle is what ships (archive, .deb, Windows installer, macOS .app): "
        "the one-file executable pays for unpacking itself into a temporary folder at every "
        "launch. What is trimmed: unused Qt modules and plugins (only the xcb, Wayland, "
        "offscreen and minimal platforms, the XDG portal theme, input methods, SVG/ICO/JPEG/GIF "
        "images), Qt's translations except `qtbase_es/fr`, Babel's locale data except "
        "en/es/fr, build-time and test packages, multiprocessing (its runtime hook imported it "
        "at every start), shared libraries nothing left links to, and debug symbols (strip).",
        "",
    ]
    BENCH_DOC.parent.mkdir(parents=True, exist_ok=True)
    BENCH_DOC.write_text("\n".join(lines), encoding="utf-8")
    BENCH_DOC.with_suffix(".json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    say(f"Wrote {BENCH_DOC.relative_to(ROOT)}")
    print("\n".join(lines[10:23]))


# --- command line -------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Builds what the options ask for; returns 0 or raises SystemExit with a message."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--onefile", action="store_true", help="also build the one-file variant")
    parser.add_argument("--packages", action="store_true", help="also the .tar.gz and the .deb")
    parser.add_argument(
        "--bench",
        action="store_true",
        help="also the hello-world yardstick and docs/benchmarks/packaging.md",
    )
    parser.add_argument("--all", action="store_true", help="everything")
    parser.add_argument("--runs", type=int, default=7, help="start-up runs per program (--bench)")
    parser.add_argument("--skip-data", action="store_true", help="do not run the data build")
    parser.add_argument(
        "--skip-bundle",
        action="store_true",
        help="reuse the one-folder bundle already in pyi-dist/sseref",
    )
    parser.add_argument("--no-self-test", action="store_true")
    parser.add_argument(
        "--measure-only",
        action="store_true",
        help="with --bench: measure the bundles already built, build nothing",
    )
    args = parser.parse_args(argv)
    if args.all:
        args.onefile = args.packages = args.bench = True
    if args.measure_only:
        args.skip_data = args.skip_bundle = args.no_self_test = True
        args.bench, args.onefile, args.packages = True, False, False
    if args.bench and not args.measure_only:
        args.onefile = True
    timings: dict[str, float] = {}
    if not args.skip_data:
        build_data()
    if not args.skip_bundle:
        timings["sseref one-folder"] = pyinstaller("sseref.spec", "sseref")
    if not args.no_self_test:
        self_test(executable("sseref"), "--window")
        check_portable(onedir_path("sseref"), executable("sseref", console=False))
    if args.onefile:
        timings["sseref one-file"] = pyinstaller("sseref.spec", "sseref-onefile", onefile=True)
        if not args.no_self_test:
            self_test(executable("sseref", onefile=True))
    if args.packages:
        make_archive(onedir_path("sseref"), "sseref")
        if sys.platform.startswith("linux") and shutil.which("dpkg-deb"):
            make_deb(onedir_path("sseref"))
    if args.bench:
        bench(args.runs, timings, rebuild=not args.measure_only)
    say("Build times: " + ", ".join(f"{k} {v:.0f} s" for k, v in timings.items()))
    say(
        f"One-folder bundle: {onedir_path('sseref').relative_to(ROOT)} "
        f"({mb(tree_size(onedir_path('sseref')))})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
