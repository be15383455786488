"""Reliability: SIGKILL in the middle of writes, two writers at once, data replaced or rebuilt."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sseref.core.userstore import UserStore

WRITER = Path(__file__).with_name("userdb_writer.py")
KILLS = int(os.environ.get("SSEREF_CRASH_KILLS", "200"))

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _writer(path: Path, prefix: str, count: int | None = None) -> subprocess.Popen[str]:
    args = [sys.executable, str(WRITER), str(path), prefix]
    if count is not None:
        args.append(str(count))
    return subprocess.Popen(args, stdout=subprocess.PIPE, text=True, bufsize=1)


def test_sigkill_mid_write_loop_loses_no_committed_note(tmp_path: Path) -> None:
    path = tmp_path / "user.db"
    rng = random.Random(19)
    committed: list[str] = []
    opened = 0
    during_write: list[str] = []
    server = subprocess.Popen(
        [sys.executable, str(WRITER), str(path), "--fork"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
    )
    assert server.stdin is not None and server.stdout is not None
    try:
        for round_ in range(KILLS):
            server.stdin.write(f"go r{round_}\n")
            server.stdin.flush()
            pid, ready = 0, False  # the child may say "ready" before the server says its pid
            while not (pid and ready):
                line = server.stdout.readline().strip()
                if line.startswith("pid "):
                    pid = int(line.split()[1])
                else:
                    ready = ready or line == "ready"
            for _n in range(rng.randint(0, 6)):  # let it commit a few, then kill it mid-loop
                while (line := server.stdout.readline().strip()).startswith("start "):
                    pass
                committed.append(line)
            time.sleep(rng.random() * 0.004)  # lands inside a transaction about half the time
            os.kill(pid, signal.SIGKILL)
            server.stdin.write("reap\n")
            server.stdin.flush()
            # What the child printed before it died comes before "reaped": committed too.
            last = ""
            while (line := server.stdout.readline().strip()) != "reaped":
                if line.startswith("start "):
                    last = line
                elif line not in ("ready", ""):
                    committed.append(line)
                    last = line
            if last.startswith("start "):
                during_write.append(last.split()[1])  # killed while saving this note
            store = UserStore(path)  # opens every time: no recovery, no loss
            assert store.db.recovery is None
            opened += 1
            store.close()
    finally:
        server.stdin.close()
        server.wait(timeout=60)
        server.stdout.close()
    store = UserStore(path)
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    notes = {n.record.id: n for n in store.notes()}
    lost = [rid for rid in committed if rid not in notes or not notes[rid].tags]
    assert lost == []
    for rid in committed:
        i = int(rid.split("/")[1])
        assert notes[rid].body.startswith(f"note {i} ")
    # The user-side index agrees with the notes (it is written in the same transactions).
    indexed = {h.record.id for h in store.search_notes("note", limit=100_000)}
    assert set(committed) <= indexed
    # A note the kill interrupted is there whole (its text) or not at all, never half.
    for rid in during_write:
        if rid in notes:
            assert notes[rid].body.startswith(f"note {rid.split('/')[1]} ")
    assert during_write  # some kills did land in the middle of a write
    store.close()
    assert opened == KILLS
    print(
        f"\ncrash loop: {KILLS} kills ({len(during_write)} during a write), "
        f"{len(committed)} committed notes, all kept"
    )


def test_two_writers_at_once_never_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "user.db"
    UserStore(path).close()  # both start from a made database
    a, b = _writer(path, "a", 150), _writer(path, "b", 150)
    out_a, _err = a.communicate(timeout=120)
    out_b, _err = b.communicate(timeout=120)
    assert a.returncode == 0 and b.returncode == 0
    store = UserStore(path)
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    ids = {n.record.id for n in store.notes()}
    assert {f"a/{i}" for i in range(150)} <= ids and {f"b/{i}" for i in range(150)} <= ids
    for out in (out_a, out_b):
        done = [line for line in out.splitlines() if line != "ready" and " " not in line]
        assert len(done) == 150  # each commit was reported
    assert len(store.favourites()) == 60
    store.close()


def test_several_first_starts_at_once_create_one_good_database(tmp_path: Path) -> None:
    # Two windows opened together on a machine that never ran SSE Ref: each finds no file
    # and migrates it; the one that waits for the lock must not apply the steps again.
    path = tmp_path / "user.db"
    writers = [_writer(path, f"w{i}", 5) for i in range(4)]
    results = [w.communicate(timeout=120) for w in writers]
    assert [w.returncode for w in writers] == [0, 0, 0, 0], [err for _out, err in results]
    store = UserStore(path)
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    ids = {n.record.id for n in store.notes()}
    assert all(f"w{i}/{j}" in ids for i in range(4) for j in range(5))
    store.close()


def test_a_migration_applied_meanwhile_by_another_process_is_not_applied_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sseref.core.userdb import UserDatabase

    path = tmp_path / "user.db"
    UserDatabase(path).close()  # the other process's work: a migrated database
    # This process read the version before the other one committed: it saw an empty file.
    monkeypatch.setattr(UserDatabase, "version", property(lambda self: 0))
    db = UserDatabase(path)  # without the check under the lock: "table … already exists"
    monkeypatch.undo()
    from sseref.core.usermigrations import LATEST

    assert db.version == LATEST
    db.close()
