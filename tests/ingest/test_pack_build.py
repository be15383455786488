"""Building packs: reproducible bytes, signed manifest, keys kept private."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from sseref.core import packformat
from sseref.ingest.pack_build import SigningKeyError, build_pack, keygen, load_private_key
from tests.conftest import FIXTURE_DATA
from tests.packhelpers import epoch


def test_same_data_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    key = tmp_path / "k.pem"
    keygen(key)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch("2027-05-01"))
    a = build_pack(FIXTURE_DATA, tmp_path / "a.sserefpack", key).path
    b = build_pack(FIXTURE_DATA, tmp_path / "b.sserefpack", key).path
    assert a.read_bytes() == b.read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch("2027-05-02"))
    c = build_pack(FIXTURE_DATA, tmp_path / "c.sserefpack", key)
    assert c.path.read_bytes() != a.read_bytes()
    assert c.manifest.as_of == "2027-05-02T00:00:00Z"
    keys = packformat.parse_keys(key.with_name("k.pem.pub").read_text(), "t")
    assert packformat.verify_pack(c.path, keys).manifest == c.manifest


def test_keygen_keeps_the_private_key_private(tmp_path: Path, monkeypatch) -> None:
    key = tmp_path / "secret" / "k.pem"
    public, kid = keygen(key, "Org X")
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
    assert public.read_text().startswith("ed25519 ") and public.read_text().strip().endswith(
        "Org X"
    )
    assert len(kid) == 16
    with pytest.raises(FileExistsError):
        keygen(key)
    monkeypatch.setenv("SSEREF_PACK_KEY_PASSPHRASE", "correct horse")
    locked = tmp_path / "locked.pem"
    keygen(locked)
    assert b"ENCRYPTED" in locked.read_bytes()
    load_private_key(locked)
    monkeypatch.setenv("SSEREF_PACK_KEY_PASSPHRASE", "wrong")
    with pytest.raises(SigningKeyError):
        load_private_key(locked)
    with pytest.raises(SigningKeyError):
        load_private_key(tmp_path / "missing.pem")
