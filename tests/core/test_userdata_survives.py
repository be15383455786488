"""User data survives what happens to the bundled data: a new data version, an index rebuild."""

from __future__ import annotations

import shutil
from pathlib import Path

from sseref.core.db import Database
from sseref.core.userexport import export_data
from sseref.core.userstore import UserStore
from sseref.ingest.build import build_database
from tests.conftest import FIXTURE_DATA


def test_replacing_the_bundled_data_and_rebuilding_the_index_keep_everything(
    tmp_path: Path, fixture_db_path: Path
) -> None:
    bundled = tmp_path / "app" / "sseref.db"
    bundled.parent.mkdir()
    shutil.copy(fixture_db_path, bundled)
    db = Database(bundled)
    store = UserStore()  # in the user data folder, not beside the program
    assert not store.db.path.is_relative_to(bundled.parent)
    for rid in ("init/gamma", "org/alpha"):
        title = db.get(rid).title("en")
        store.set_favourite(rid, True, title)
        store.set_note(rid, f"note on {rid}", title)
        store.set_tags(rid, ["meeting"], title)
        store.record_visit(rid, title)
    lid = store.create_list("Pack")
    store.add_to_list(lid, "init/gamma")
    store.add_to_list(lid, "org/alpha")
    store.save_search("Alpha", "alpha")
    before = export_data(store)
    store.close()
    db.close()

    # A later data version drops init/gamma and is built over the bundled file.
    data = tmp_path / "data-v2"
    shutil.copytree(FIXTURE_DATA, data)
    (data / "initiatives" / "gamma.yaml").unlink()
    build_database(data, bundled)
    # The search index is a cache: deleting and rebuilding it never touches the user database.
    from sseref.search import lifecycle

    new_db = Database(bundled)
    lifecycle.rebuild(new_db, tmp_path / "index")

    store = UserStore()
    after = export_data(store)
    before.pop("exported_at"), after.pop("exported_at")
    assert after == before
    # The dropped record is still there, with its last known title, and shown as missing.
    assert store.missing(new_db.ids()) == {"init/gamma"}
    gamma = store.record("init/gamma")
    assert gamma is not None and gamma.title == "Gamma Working Group on Finance"
    assert [h.record.id for h in store.search_notes("gamma")] == ["init/gamma"]
    store.close()
    new_db.close()
