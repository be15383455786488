"""Screenshots of the personal layer (lists, star, note and tags, history, a note found by the
search box) in light and dark, and in Spanish and French, under Xvfb.

Usage: .venv/bin/python scripts/screenshots_personal.py [--out docs/screenshots]
The user data is made up in a throwaway folder; the record page shows its note and tags.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import screenshots as shots  # noqa: E402


def fill(store: object, db: object) -> None:
    """A field officer's week: stars, a list for a meeting, notes, tags, history, a search."""
    titles = db.titles(  # type: ignore[attr-defined]
        ["org/ilo", "org/untfsse", "org/ripess", "event/1978-bapa", "org/unossc"], "en"
    )

    def t(rid: str) -> str:
        return titles.get(rid, rid)

    for rid in ("org/ilo", "org/untfsse", "org/ripess"):
        store.set_favourite(rid, True, t(rid))  # type: ignore[attr-defined]
    lid = store.create_list("Geneva meeting, March")  # type: ignore[attr-defined]
    for rid in ("org/untfsse", "org/ilo", "event/1978-bapa", "org/unossc"):
        store.add_to_list(lid, rid, t(rid))  # type: ignore[attr-defined]
    store.add_to_list(lid, "org/retired-network", "Retired Network (dropped in 2027)")  # type: ignore[attr-defined]
    store.set_note(  # type: ignore[attr-defined]
        "org/ilo",
        "Ask about their **2025 strategy** on cooperatives.\n\n"
        "- follow up with the SSE focal point\n- bring the 2022 ILC resolution",
        t("org/ilo"),
    )
    store.set_tags("org/ilo", ["follow-up", "geneva"], t("org/ilo"))  # type: ignore[attr-defined]
    store.save_search("UN bodies on the task force", "task force kind:organization", 12)  # type: ignore[attr-defined]


def main() -> int:
    args = shots.parse_args(__doc__)
    if shots.needs_xvfb():
        return shots._reexec_under_xvfb()
    from sseref.core.i18n import set_language
    from sseref.gui.index_setup import prepare_engine
    from sseref.gui.search_service import EngineRunner

    app, db, window, _tmp = shots.open_window(args.database)
    got: dict[str, object] = {}
    prepare_engine(window, db, lambda e, err: got.update(engine=e, error=err))
    deadline = time.time() + 180
    while "engine" not in got and time.time() < deadline:
        app.processEvents()
        time.sleep(0.01)
    runner = EngineRunner(got["engine"]) if got.get("engine") else None
    personal = window.install_personal()
    if runner is not None:
        window.set_search_runner(runner)
    fill(personal.store, db)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for theme, lang in (("light", "en"), ("dark", "en"), ("light", "es"), ("light", "fr")):
        window.set_theme(theme)
        set_language(lang)
        window.retranslate()
        prefix = f"{theme}-personal" if lang == "en" else f"{lang}-personal"
        window.search_box.clear()
        window.show_panel("organizations")
        personal.actions["lists"].setChecked(True)
        personal.dock.reload()
        index = personal.dock.chooser.findData(personal.store.lists()[0].id)
        personal.dock.chooser.setCurrentIndex(index)
        window.record_view.open("org/untfsse")
        window.record_view.open("org/ilo")
        shots.settle(app, 0.5)
        shots.save(window, out / f"{prefix}-lists.png", args.scale)
        dialog = personal.show_history()
        dialog.resize(640, 420)
        shots.settle(app, 0.3)
        shots.save(dialog, out / f"{prefix}-history.png", 0.8)
        dialog.hide()
        if lang == "en":
            note = personal.edit_note("org/ilo")
            shots.settle(app, 0.3)
            shots.save(note, out / f"{prefix}-note.png", 0.8)
            note.reject()
            window.search_box.setText("strategy")
            shots.settle(app, 1.2)
            shots.save(window, out / f"{prefix}-search.png", args.scale)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
