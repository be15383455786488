"""The search process: a real child answers as the in-process engine does, over pipes."""

from __future__ import annotations

import os
import shutil
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sseref.core.db import Database
from sseref.core.userstore import ThreadUserIndex, UserStore
from sseref.search import lifecycle, protocol
from sseref.search.engine import SearchEngine
from sseref.search.errors import SearchCancelled, SearchIndexError
from sseref.search.mine import search_with_mine
from sseref.search.remote import EngineProcess, Opened, WorkerGone
from sseref.search.spawn import worker_command
from sseref.search.worker import SearchServer

QUERIES = [
    "cepal",  # acronyms and snippets
    "cooperative",
    "economie sociale et solidaire",  # several words, another language
    "cooperatve",  # "Did you mean"
    "kind:document cooperative",
    "kind:organization",  # a filter alone
    "year:2010..2020 law",
    "",  # empty
    '"unclosed phrase',  # malformed
    "(( ) -",
    "kind:",
    "zzzzqqq",  # nothing
]


def _opened(process: EngineProcess, timeout: float = 60.0) -> Opened:
    done = threading.Event()
    box: list[Opened] = []
    process.when_open(lambda opened: (box.append(opened), done.set()))
    assert done.wait(timeout), "the search process never answered its open"
    return box[0]


def _plain(results: Any) -> tuple[Any, ...]:
    return (
        [
            (h.id, h.kind, h.title, round(h.score, 6), h.acronym, h.date, h.snippet)
            for h in results.hits
        ],
        results.total,
        results.facets,
        results.suggestion,
        results.corrected,
        results.relaxed,
    )


@pytest.fixture
def real_process(real_db_path: Path, real_index: Path, tmp_path: Path) -> Iterator[EngineProcess]:
    process = EngineProcess(real_db_path, shipped=real_index, cache=tmp_path / "cache")
    assert _opened(process)[0] == "ready"
    yield process
    process.close()


def test_answers_equal_the_in_process_engine(real_process: EngineProcess, real_index: Path) -> None:
    engine = SearchEngine(real_index)
    try:
        seen = {"snippet": False, "facets": False, "suggestion": False}
        for query in QUERIES:
            for lang in ("en", "fr"):
                here = engine.search(query, limit=30, lang=lang)
                there = real_process.search(query, limit=30, lang=lang)
                assert _plain(there) == _plain(here), query
                seen["snippet"] |= any("<b>" in h.snippet for h in here.hits)
                seen["facets"] |= bool(here.facets)
                seen["suggestion"] |= here.suggestion is not None
        assert all(seen.values()), seen  # the queries exercise every part of the answer
        assert real_process.doc_count() == engine.doc_count()
    finally:
        engine.close()


def test_notes_and_documents_merge_in_the_process(
    fixture_db_path: Path, fixture_index: Path, tmp_path: Path
) -> None:
    store = UserStore(tmp_path / "user.db")
    store.set_note("term/cooperative", "Zanzibar workshop: ask about the 2025 strategy")
    store.set_tags("org/beta-task-force", ["zanzibar"], "Beta Task Force")
    store.set_note("org/gone", "zanzibar contacts", "Gone organisation")  # not in the data
    user = ThreadUserIndex(tmp_path / "user.db")
    db = Database(fixture_db_path)
    engine = SearchEngine(fixture_index)
    process = EngineProcess(fixture_db_path, shipped=fixture_index, cache=tmp_path / "cache")
    try:
        assert _opened(process)[0] == "ready"
        for query in ("zanzibar", "mine:", "zanzibar kind:term", "cooperative", "mine: zanzibar"):
            here = search_with_mine(engine, user, query, exists=db.exists, limit=20)
            there = process.search(query, limit=20, user_db=tmp_path / "user.db")
            assert _plain(there) == _plain(here), query
        ids = [h.id for h in process.search("zanzibar", user_db=tmp_path / "user.db").hits]
        assert set(ids) == {"term/cooperative", "org/beta-task-force"}
    finally:
        process.close()
        engine.close()
        db.close()


def test_a_superseded_query_is_cancelled(real_process: EngineProcess) -> None:
    old = real_process.begin()
    new = real_process.begin()  # the newest query wins: the older token is cancelled
    with pytest.raises(SearchCancelled):
        real_process.search("cooperative", token=old)
    assert real_process.search("cooperative", token=new).generation == new.generation


def test_the_server_cancels_the_running_query_when_a_newer_one_arrives(
    fixture_db_path: Path, fixture_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child's side: a newer search request cancels the running one through its token."""
    to_server_r, to_server_w = os.pipe()
    from_server_r, from_server_w = os.pipe()
    inbox, outbox = os.fdopen(to_server_r, "rb"), os.fdopen(from_server_w, "wb")
    server = SearchServer(inbox, outbox)
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    send, answers = os.fdopen(to_server_w, "wb"), os.fdopen(from_server_r, "rb")
    open_request = {
        "op": "open",
        "database": str(fixture_db_path),
        "shipped": str(fixture_index),
        "cache": None,
    }
    protocol.write_frame(send, {"id": 1, **open_request})
    assert protocol.read_frame(answers) == {
        "id": 1,
        "ok": {"doc_count": 6, "folder": str(fixture_index)},
    }
    assert server.engine is not None
    real_search = server.engine.search
    running = threading.Event()

    def slow(text: str, **options: Any) -> Any:
        if text == "slow":  # runs until a newer request cancels it
            running.set()
            token = options["token"]
            deadline = time.monotonic() + 30
            while not token.cancelled and time.monotonic() < deadline:
                time.sleep(0.005)
        return real_search(text, **options)

    monkeypatch.setattr(server.engine, "search", slow)
    protocol.write_frame(send, {"id": 2, "op": "search", "text": "slow", "options": {}})
    assert running.wait(30)
    protocol.write_frame(send, {"id": 3, "op": "search", "text": "alpha", "options": {}})
    first, second = protocol.read_frame(answers), protocol.read_frame(answers)
    assert first == {"id": 2, "error": ("cancelled", "")}
    assert second is not None and second["id"] == 3
    assert "org/alpha" in [h.id for h in protocol.results_from_plain(second["ok"]).hits]
    send.close()  # stdin closed: the server stops
    thread.join(10)
    assert not thread.is_alive()
    for stream in (answers, inbox, outbox):
        stream.close()


def test_a_killed_process_is_restarted_once_then_gone(real_process: EngineProcess) -> None:
    expected = [h.id for h in real_process.search("cepal").hits]
    first = real_process.pid
    assert first is not None
    os.kill(first, signal.SIGKILL)
    assert [h.id for h in real_process.search("cepal").hits] == expected
    assert real_process.restarts == 1 and real_process.pid != first
    os.kill(real_process.pid or 0, signal.SIGKILL)
    with pytest.raises(WorkerGone):
        real_process.search("cepal")


def test_the_process_ends_when_its_stdin_closes(real_process: EngineProcess) -> None:
    proc = real_process._proc
    assert proc is not None and proc.stdin is not None
    proc.stdin.close()  # what happens when the window's process dies
    assert proc.wait(timeout=30) == 0  # ended by itself, not killed


def test_a_missing_index_is_said_and_a_rebuilt_one_opened(
    fixture_db_path: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    process = EngineProcess(fixture_db_path, shipped=tmp_path / "none", cache=cache)
    db = Database(fixture_db_path)
    try:
        assert _opened(process) == ("problem", "missing")
        with pytest.raises(SearchIndexError):
            process.search("alpha")
        lifecycle.rebuild(db, cache)  # the window rebuilds with progress, in its own process
        done = threading.Event()
        box: list[Opened] = []
        process.open_folder(cache, lambda opened: (box.append(opened), done.set()))
        assert done.wait(60) and box == [("ready", 6)]
        assert process.search("alpha").hits[0].id == "org/alpha"
    finally:
        process.close()
        db.close()


def test_a_stale_index_is_said(fixture_db_path: Path, fixture_index: Path, tmp_path: Path) -> None:
    shipped = tmp_path / "shipped"
    shutil.copytree(fixture_index, shipped)
    import json

    from sseref.search.indexer import MANIFEST

    manifest = json.loads((shipped / MANIFEST).read_text("utf-8"))
    manifest["data_version"] = "older"
    (shipped / MANIFEST).write_text(json.dumps(manifest), "utf-8")
    with EngineProcess(fixture_db_path, shipped=shipped, cache=tmp_path / "cache") as process:
        assert _opened(process) == ("problem", "missing")  # shipped stale, no user index
    with EngineProcess(fixture_db_path, shipped=tmp_path / "x", cache=shipped) as process:
        assert _opened(process) == ("problem", "stale")


DAMAGED_CHILD = """
import sys, zlib
from pathlib import Path
from sseref.search import engine, worker

damaged = Path(sys.argv[1])
run = engine.SearchEngine._run

def _run(self, *args, **kwargs):
    if self.index_dir == damaged:  # as a damaged posting block reads
        raise zlib.error("Error -3 while decompressing data: invalid block type")
    return run(self, *args, **kwargs)

engine.SearchEngine._run = _run
raise SystemExit(worker.main(sys.argv[2:]))
"""


def damaged_child(index: Path) -> list[str]:
    """A real search process whose searches on `index` meet damage (as a test of the window's
    reaction: a damaged posting block cannot be made to fail the same way every time)."""
    return [sys.executable, "-c", DAMAGED_CHILD, str(index)]


def test_damage_met_by_a_search_is_a_search_index_error(
    fixture_db_path: Path, fixture_index: Path, tmp_path: Path
) -> None:
    with EngineProcess(
        fixture_db_path,
        shipped=fixture_index,
        cache=tmp_path / "cache",
        command=damaged_child(fixture_index),
    ) as process:
        assert _opened(process)[0] == "ready"
        with pytest.raises(SearchIndexError, match="invalid block type"):
            process.search("alpha")
        assert process.alive  # damage is not a crash: the process stays


def test_a_process_that_cannot_start_is_worker_gone(fixture_db_path: Path, tmp_path: Path) -> None:
    with pytest.raises(WorkerGone):
        EngineProcess(
            fixture_db_path,
            shipped=tmp_path,
            cache=None,
            command=[str(tmp_path / "no-such-program")],
        )


def test_worker_command_of_the_frozen_program(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import ROOT

    assert worker_command()[1:] == ["-m", "sseref.search.worker"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    command = worker_command()
    assert command == [sys.executable, "--sseref-search-worker"]
    # The frozen program's entry script hands that flag to the search process.
    entry = (ROOT / "build" / "sseref_main.py").read_text("utf-8")
    assert f'"{command[1]}"' in entry and "sseref.search.worker" in entry


def test_frames_round_trip_and_refuse_garbage() -> None:
    import io

    stream = io.BytesIO()
    protocol.write_frame(stream, {"id": 1, "text": "é"})
    protocol.write_frame(stream, {"id": 2})
    stream.seek(0)
    assert protocol.read_frame(stream) == {"id": 1, "text": "é"}
    assert protocol.read_frame(stream) == {"id": 2}
    assert protocol.read_frame(stream) is None  # the end of the stream
    with pytest.raises(protocol.ProtocolError):
        protocol.read_frame(io.BytesIO(b"\x00\x00\x00\x09abc"))  # cut inside a frame
    with pytest.raises(protocol.ProtocolError):
        protocol.read_frame(io.BytesIO(b"\xff\xff\xff\xff"))
