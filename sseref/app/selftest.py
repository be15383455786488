"""`sseref self-test`: proves that an installed or frozen SSE Ref has everything it needs.

Opens the bundled database and the shipped search index, runs searches whose answers are
known, renders a fact sheet to PDF offscreen, checks that resources, fonts and translations
load, and (with ``--window``) opens the main window offscreen. Prints one PASS/FAIL line per
check (or JSON with ``--json``) and exits 0 when every check passed, 1 otherwise.

Each check runs on its own: a missing component (a layer not installed, a file not bundled)
gives a FAIL line that names it, never a traceback that stops the others. Nothing is written
into the program's folder; the PDF goes to a temporary folder that is removed afterwards.
"""

from __future__ import annotations

import argparse
import gettext
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from sseref import __version__
from sseref.core import paths
from sseref.core.i18n import _

# (query, language, record id expected among the first hits): real data, stable answers that
# exercise acronyms in other languages, phrases, typos and UN symbols.
KNOWN_SEARCHES: tuple[tuple[str, str, str], ...] = (
    ("CEPAL", "es", "org/eclac"),
    ("Buenos Aires Plan of Action", "en", "doc/bapa"),
    ("OIT", "fr", "org/ilo"),
    ("Bandong", "en", "event/1955-bandung-conference"),
    ("A/RES/58/220", "en", "doc/a-res-58-220"),
)
TOP_HITS = 5
FACT_SHEET_RECORD = "org/eclac"
REQUIRED_RESOURCES: tuple[str, ...] = (
    "generated/sseref.db",
    "factsheets/sheet.html",
    "factsheets/sheet.css",
    "icons/sseref.svg",
)
TRANSLATED_LANGUAGES: tuple[str, ...] = ("es", "fr")


@dataclass
class Check:
    """The outcome of one check: its name, whether it passed, and what was found."""

    name: str
    ok: bool
    detail: str
    seconds: float = 0.0


@dataclass
class Report:
    """Every check's outcome plus what describes the program that was tested."""

    version: str
    mode: str
    platform: str
    python: str
    resources: str
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when there was at least one check and every check passed."""
        return bool(self.checks) and all(c.ok for c in self.checks)

    def to_json(self) -> dict[str, Any]:
        """The report as plain data for ``--json``."""
        data = asdict(self)
        data["ok"] = self.ok
        data["passed"] = sum(c.ok for c in self.checks)
        data["failed"] = sum(not c.ok for c in self.checks)
        return data

    def text(self) -> str:
        """The human-readable report: a header, one line per check, a summary line."""
        lines = [
            f"SSE Ref {self.version} self-test ({self.mode}, {self.platform}, "
            f"Python {self.python})",
            f"  resources: {self.resources}",
        ]
        width = max((len(c.name) for c in self.checks), default=10)
        for c in self.checks:
            lines.append(
                f"{'PASS' if c.ok else 'FAIL'}  {c.name:<{width}}  {c.detail}"
                f"  ({c.seconds * 1000:.0f} ms)"
            )
        failed = sum(not c.ok for c in self.checks)
        verdict = "OK" if self.ok else "FAILED"
        lines.append(
            f"self-test {verdict}: {len(self.checks) - failed} of {len(self.checks)} checks passed"
        )
        return "\n".join(lines)


class CheckFailed(Exception):
    """Raised inside a check to fail it with a clear message."""


def run_mode() -> str:
    """How the program runs: frozen (PyInstaller), wheel (installed) or checkout (source)."""
    if paths.is_frozen():
        return "frozen"
    if (Path(paths.__file__).resolve().parent.parent / "_resources").is_dir():
        return "wheel"
    return "checkout"


class SelfTest:
    """Runs the checks in order; later checks reuse what earlier ones opened."""

    def __init__(
        self,
        *,
        database: Path | None = None,
        index_dir: Path | None = None,
        window: bool = False,
        platform_name: str = "offscreen",
        progress: Callable[[Check], None] | None = None,
    ) -> None:
        self.database_path = Path(database) if database else paths.database_path()
        self.index_dir = Path(index_dir) if index_dir else paths.shipped_index_dir()
        self.window = window
        self.platform_name = platform_name
        self.progress = progress
        self.report = Report(
            version=__version__,
            mode=run_mode(),
            platform=f"{platform.system()} {platform.machine()}",
            python=platform.python_version(),
            resources=str(paths.resources_dir()),
        )
        self._db: Any = None
        self._engine: Any = None
        self._app: Any = None

    # --- running ---------------------------------------------------------------------------

    def run(self) -> Report:
        """Runs every check and returns the report (never raises for a failed check)."""
        try:
            self._check("resources", self.check_resources)
            self._check("database", self.check_database)
            self._check("translations", self.check_translations)
            if self._check("search index", self.check_index):
                for query, lang, expected in KNOWN_SEARCHES:
                    self._check(
                        f"search {query!r}",
                        partial(self.check_search, query, lang, expected),
                    )
            else:
                self._add(Check("searches", False, "skipped: the search index did not open"))
            if self._check("qt", self.check_qt):
                self._check("fact sheet pdf", self.check_fact_sheet)
                if self.window:
                    self._check("main window", self.check_main_window)
            else:
                self._add(Check("fact sheet pdf", False, "skipped: Qt did not start"))
        finally:
            self.close()
        return self.report

    def close(self) -> None:
        """Closes the database and the index."""
        for obj in (self._engine, self._db):
            try:
                if obj is not None:
                    obj.close()
            except Exception:  # noqa: BLE001 - closing must not hide the report
                pass
        self._engine = self._db = None

    def _add(self, check: Check) -> None:
        self.report.checks.append(check)
        if self.progress:
            self.progress(check)

    def _check(self, name: str, func: Callable[[], str]) -> bool:
        start = time.perf_counter()
        try:
            detail, ok = func(), True
        except CheckFailed as exc:
            detail, ok = str(exc), False
        except ImportError as exc:
            detail, ok = f"component missing: {exc}", False
        except Exception as exc:  # noqa: BLE001 - a broken component must not stop the rest
            detail, ok = f"{type(exc).__name__}: {exc}", False
        self._add(Check(name, ok, detail, time.perf_counter() - start))
        return ok

    # --- the checks ------------------------------------------------------------------------

    def check_resources(self) -> str:
        """The resources folder and the files every part of the program reads."""
        base = paths.resources_dir()
        if not base.is_dir():
            raise CheckFailed(f"no resources folder at {base}")
        missing = [r for r in REQUIRED_RESOURCES if not (base / r).is_file()]
        fonts = list((base / "factsheets" / "fonts").glob("*.ttf"))
        if not fonts:
            missing.append("factsheets/fonts/*.ttf")
        if missing:
            raise CheckFailed(f"missing in {base}: {', '.join(missing)}")
        count = sum(1 for p in base.rglob("*") if p.is_file())
        return f"{count} files, {len(fonts)} fonts ({run_mode()} mode)"

    def check_database(self) -> str:
        """The bundled database opens read-only and holds every kind of record."""
        from sseref.core.db import Database

        if not self.database_path.is_file():
            raise CheckFailed(f"no database at {self.database_path}")
        self._db = Database(self.database_path)
        # Every page read and checked: a damaged file fails here, not on the 88th record.
        problems = self._db.integrity_problems(full=True)
        if problems:
            raise CheckFailed(f"the database is damaged: {'; '.join(problems[:3])}")
        stats = self._db.stats()
        counts: dict[str, int] = stats["counts"]
        empty = [kind for kind, n in counts.items() if not n]
        if not counts or empty:
            raise CheckFailed(f"no records of kind(s): {', '.join(empty) or 'any'}")
        record = self._db.get(FACT_SHEET_RECORD, "en")
        if not record.sources:
            raise CheckFailed(f"{FACT_SHEET_RECORD} has no sources")
        return (
            f"{sum(counts.values())} records, data version {stats['data_version']}, "
            f"built {stats['built_at']}"
        )

    def check_translations(self) -> str:
        """The compiled catalogs of every interface language load and translate."""
        from sseref.core import i18n

        folder = i18n.locale_dir()
        found: list[str] = []
        for lang in TRANSLATED_LANGUAGES:
            try:
                catalog = gettext.translation(i18n.DOMAIN, localedir=str(folder), languages=[lang])
            except OSError as exc:
                raise CheckFailed(f"no {lang} catalog in {folder}") from exc
            messages = {
                k: v
                for k, v in getattr(catalog, "_catalog", {}).items()
                if isinstance(k, str) and k and v and v != k
            }
            if not messages:
                raise CheckFailed(f"the {lang} catalog translates nothing")
            msgid, msgstr = next(iter(messages.items()))
            previous = i18n.current_language()
            try:
                i18n.set_language(lang)
                if i18n._(msgid) != msgstr:
                    raise CheckFailed(f"switching to {lang} does not translate {msgid!r}")
            finally:
                i18n.set_language(previous)
            found.append(f"{lang} {len(messages)} messages")
        return ", ".join(found)

    def check_index(self) -> str:
        """The shipped search index opens and is the one the program will use: it matches the
        database (the same test as the index lifecycle's, else the program would rebuild it)."""
        from sseref.search.engine import SearchEngine

        if not self.index_dir.is_dir():
            raise CheckFailed(f"no search index at {self.index_dir}")
        if self._db is not None:
            try:
                from sseref.search import lifecycle
            except ImportError:
                lifecycle = None  # type: ignore[assignment]
            if lifecycle is not None:
                why = lifecycle.problem(self.index_dir, lifecycle.expected_manifest(self._db))
                if why:
                    raise CheckFailed(f"the shipped index would be rebuilt: {why}")
        self._engine = SearchEngine(self.index_dir)
        docs = self._engine.doc_count()
        if docs <= 0:
            raise CheckFailed("the search index is empty")
        detail = f"{docs} documents"
        if self._db is not None:
            records = len(self._db.ids())
            if docs < records:
                raise CheckFailed(f"{docs} documents for {records} records: the index is stale")
            detail += f" for {records} records, matches the database"
        return detail

    def check_search(self, query: str, lang: str, expected: str) -> str:
        """One search with a known answer: the expected record is among the first hits."""
        if self._engine is None:
            raise CheckFailed("the search index is not open")
        results = self._engine.search(
            query, limit=TOP_HITS, lang=lang, as_you_type=False, facets=False
        )
        ids = [hit.id for hit in results.hits]
        if expected not in ids:
            raise CheckFailed(
                f"expected {expected} in the first {TOP_HITS} hits, got "
                f"{', '.join(ids) or 'nothing'}"
            )
        return f"{expected} at rank {ids.index(expected) + 1} of {results.total} hits"

    def check_qt(self) -> str:
        """Qt starts on the offscreen platform and its own translations are there."""
        if self.platform_name:
            os.environ["QT_QPA_PLATFORM"] = self.platform_name
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

        plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
        wanted = os.environ.get("QT_QPA_PLATFORM", "")
        if wanted and plugins.is_dir() and not any(wanted in p.name for p in plugins.iterdir()):
            # Qt aborts the process when the platform plugin is missing: fail cleanly instead.
            raise CheckFailed(f"no '{wanted}' platform plugin in {plugins}")
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication(
            [sys.argv[0], "-platform", wanted] if wanted else sys.argv[:1]
        )
        self._app = app
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        loaded = []
        for lang in TRANSLATED_LANGUAGES:
            translator = QTranslator()
            if translator.load(QLocale(lang), "qtbase", "_", qt_dir):
                loaded.append(lang)
        if len(loaded) != len(TRANSLATED_LANGUAGES):
            raise CheckFailed(
                f"Qt's own translations missing in {qt_dir} (found: {', '.join(loaded) or 'none'})"
            )
        return (
            f"PySide6 {pyside_version}, platform {QGuiApplication.platformName()}, "
            f"qtbase translations {', '.join(loaded)}"
        )

    def check_fact_sheet(self) -> str:
        """A fact sheet renders to a PDF (fonts embedded) with no display."""
        from sseref.gui.printing import render_pdf

        if self._db is None:
            raise CheckFailed("skipped: the database did not open")
        with _temporary_dir() as folder:
            out = folder / "self-test.pdf"
            result = render_pdf(self._db, [FACT_SHEET_RECORD], out, "en", "a4")
            data = out.read_bytes() if out.is_file() else b""
        if not data.startswith(b"%PDF"):
            raise CheckFailed("no PDF was written")
        pages = getattr(result, "pages", None) or data.count(b"/Type /Page\n") or "?"
        if b"/FontFile" not in data:
            raise CheckFailed("the PDF embeds no font")
        return f"{FACT_SHEET_RECORD}: {pages} page(s), {len(data) // 1024} KB"

    def check_main_window(self) -> str:
        """The main window is built, shows and closes (offscreen)."""
        from sseref.gui.wiring import build_main_window

        if self._db is None:
            raise CheckFailed("skipped: the database did not open")
        window = build_main_window(self._db)
        try:
            window.show()
            self._app.processEvents()
            if not window.isVisible():
                raise CheckFailed("the main window did not show")
            title = window.windowTitle()
        finally:
            window.close()
            window.deleteLater()
            self._app.processEvents()
        return f"shown and closed: {title!r}"


@contextmanager
def _temporary_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="sseref-selftest-") as name:
        yield Path(name)


def cmd_self_test(args: argparse.Namespace) -> int:
    """The ``self-test`` subcommand: runs every check, prints the report, exits 0 or 1."""

    def live(check: Check) -> None:
        print(
            f"{'PASS' if check.ok else 'FAIL'}  {check.name}: {check.detail}",
            file=sys.stderr,
            flush=True,
        )

    test = SelfTest(
        database=Path(args.database) if args.database else None,
        index_dir=Path(args.index) if args.index else None,
        window=args.window,
        platform_name=args.platform,
        progress=live if args.verbose else None,
    )
    report = test.run()
    if args.json:
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        print(report.text())
    sys.stdout.flush()
    return 0 if report.ok else 1


def register(sub: Any) -> None:
    """Adds ``self-test`` to the ``sseref`` command line."""
    parser = sub.add_parser(
        "self-test", help=_("check that this installation works (exit code 0 or 1)")
    )
    parser.add_argument("--json", action="store_true", help=_("print the report as JSON"))
    parser.add_argument(
        "--window",
        action="store_true",
        help=_("also open the main window (offscreen) and close it"),
    )
    parser.add_argument(
        "--index", help=_("check this search index folder instead of the shipped one")
    )
    parser.add_argument(
        "--platform",
        default="offscreen",
        help=_("Qt platform plugin for the Qt checks (default: offscreen)"),
    )
    parser.add_argument(
        "--verbose", action="store_true", help=_("also print each check on stderr as it ends")
    )
    parser.set_defaults(handler=cmd_self_test)
