"""Screenshots of the main window and of record pages in Spanish and French, under Xvfb.

Usage: .venv/bin/python scripts/screenshots_i18n.py [--out docs/screenshots] [--database DB]
Switches the running window through View → Language (no restart), like a user would, and
writes es-main.png and es-record.png (and es-record-fallback.png when some event lacks
Spanish content), and the same for fr. Compiles the
translation catalogs first when they are older than resources/locale.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from screenshots import (  # noqa: E402
    _reexec_under_xvfb,
    needs_xvfb,
    open_window,
    parse_args,
    save,
    settle,
)

# (file suffix, panel, record) — the fallback record lacks a name and summary in some language.
SHOTS = [("main", "organizations", "org/untfsse"), ("record", "history", "event/1978-bapa")]


def _fallback_record(db: object, lang: str) -> str | None:
    """An event shown in English for `lang` (no name there), to show the fallback marker."""
    for record_id in db.filter_ids("event", _empty_filter(), lang=lang):  # type: ignore[attr-defined]
        record = db.get(record_id, lang)  # type: ignore[attr-defined]
        if lang not in record.names and lang not in record.summaries:
            return record_id
    return None


def _empty_filter() -> object:
    from sseref.core.listing import ListFilter

    return ListFilter(text="")


def main() -> int:
    args = parse_args(__doc__)
    if needs_xvfb():
        return _reexec_under_xvfb()
    from sseref.ingest.outputs import catalogs_stale, compile_catalogs

    if catalogs_stale(Path()):
        compile_catalogs(Path())
    app, db, window, tmp = open_window(args.database)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    window.set_theme("light")
    for lang in ("es", "fr"):
        window.actions_.languages[lang].trigger()
        settle(app, 0.4)
        for suffix, panel, record in SHOTS:
            window.show_panel(panel)
            if db.exists(record):
                window.record_view.open(record)
                window.record_view.browser.verticalScrollBar().setValue(0)
            settle(app, 0.4)
            save(window, out / f"{lang}-{suffix}.png", args.scale)
        fallback = _fallback_record(db, lang)
        if fallback:
            window.record_view.open(fallback)
            window.record_view.browser.verticalScrollBar().setValue(0)
            settle(app, 0.4)
            save(window.record_view, out / f"{lang}-record-fallback.png", 0.8)
    window.actions_.languages["system"].trigger()
    window.close()
    db.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
