"""Screenshots of the data-pack dialogs and the changed-record mark (docs/screenshots/packs-*).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/pack_screenshots.py

Builds a pack from a copy of data/ with one edited record (a throwaway key, trusted through a
throwaway user folder), opens the update dialog, installs, then shows the record page on the
new data and the Data versions dialog. Nothing outside the temporary folders is changed.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="sseref-pack-shots-"))
    os.environ["SSEREF_DATA_DIR"] = str(work / "user")
    sys.path.insert(0, str(ROOT))
    from sseref.core import packformat, paths
    from sseref.ingest.pack_build import build_pack, keygen

    data = work / "data"
    shutil.copytree(ROOT / "data", data)
    gsef = data / "organizations" / "gsef.yaml"
    gsef.write_text(
        gsef.read_text("utf-8").replace(
            'headquarters: "Seoul, Republic of Korea"', 'headquarters: "Bilbao, Spain"'
        ),
        "utf-8",
    )
    public, _kid = keygen(work / "editor.pem", "Example federation (screenshot key)")
    keys = packformat.user_keys_file()
    keys.parent.mkdir(parents=True, exist_ok=True)
    keys.write_text(public.read_text("utf-8"), "utf-8")
    os.environ["SOURCE_DATE_EPOCH"] = "1796860800"  # 2026-12-10
    pack = build_pack(data, work / "sseref-data-2026-12-10.sserefpack", work / "editor.pem").path

    from PySide6.QtWidgets import QApplication

    from sseref.core.db import Database
    from sseref.gui.data_update import open_update, open_versions
    from sseref.gui.wiring import build_main_window

    app = QApplication.instance() or QApplication([])

    def settle(seconds: float = 0.5) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    db = Database(paths.database_path())
    window = build_main_window(db)
    window.show()
    settle()
    dialog = open_update(window, pack)
    assert dialog is not None
    while dialog.state == "checking":
        settle(0.2)
    changed = dialog.tree.topLevelItem(2)
    if changed is not None and changed.childCount():
        changed.child(0).setExpanded(True)
    settle()
    OUT.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(OUT / "packs-update-dialog.png"))
    dialog.install()
    while dialog.state == "installing":
        settle(0.2)
    settle()
    dialog.grab().save(str(OUT / "packs-installed.png"))
    dialog.close()
    window.close()
    db.close()

    db = Database(paths.database_path())  # what the restarted program opens
    window = build_main_window(db)
    window.resize(1280, 760)
    window.show()
    settle()
    window.record_view.open("org/gsef")
    settle()
    window.grab().save(str(OUT / "packs-record-mark.png"))
    versions = open_versions(window)
    settle()
    versions.grab().save(str(OUT / "packs-versions.png"))
    versions.close()
    window.close()
    db.close()
    shutil.rmtree(work, ignore_errors=True)
    print(f"Wrote {OUT}/packs-*.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
