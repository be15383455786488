"""Shared by the data-pack tests: a throwaway key, packs built from the fixture data, and a
program folder (resources/) whose bundled data is the fixture data as of 2026-01-01."""

from __future__ import annotations

import json
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_DATA

BUNDLED_AS_OF = "2026-01-01"


@dataclass(frozen=True)
class PackSet:
    """Everything the pack tests share (built once per run)."""

    root: Path
    resources: Path  # a program folder: generated/sseref.db + index, keys/test.pub
    key: Path
    public: Path
    other_key: Path
    v1: Path  # seat of org/alpha moved to Nairobi, as of 2027-01-01
    v2: Path  # v1 + init/gamma removed + a summary changed, as of 2027-02-01
    old: Path  # a change, as of 2025-06-01 (older than the bundled data)
    unknown_key: Path  # v2's data signed by a key the program does not trust
    future_program: Path  # needs program 99.0


def epoch(date: str) -> str:
    from datetime import UTC, datetime

    return str(int(datetime.strptime(date, "%Y-%m-%d").replace(tzinfo=UTC).timestamp()))


def edited_data(
    target: Path, *, seat: str | None = None, drop_gamma: bool = False, summary: str | None = None
) -> Path:
    shutil.copytree(FIXTURE_DATA, target)
    alpha = target / "organizations" / "alpha.yaml"
    text = alpha.read_text("utf-8")
    if seat:
        text = text.replace("headquarters: Geneva, Switzerland", f"headquarters: {seat}")
    if summary:
        text = text.replace(
            "en: A fictional federation of cooperatives used by the tests.", f"en: {summary}"
        )
    alpha.write_text(text, "utf-8")
    if drop_gamma:
        (target / "initiatives" / "gamma.yaml").unlink()
    return target


def build_pack_set(root: Path) -> PackSet:
    from sseref.core.db import Database
    from sseref.ingest.build import build_database
    from sseref.ingest.pack_build import build_pack, keygen
    from sseref.search import lifecycle

    mp = pytest.MonkeyPatch()
    try:
        key, other = root / "keys" / "publisher.pem", root / "keys" / "stranger.pem"
        public, _kid = keygen(key, "test publisher")
        keygen(other, "stranger")
        resources = root / "resources"
        (resources / "keys").mkdir(parents=True)
        shutil.copyfile(public, resources / "keys" / "test.pub")
        mp.setenv("SOURCE_DATE_EPOCH", epoch(BUNDLED_AS_OF))
        build_database(FIXTURE_DATA, resources / "generated" / "sseref.db")
        db = Database(resources / "generated" / "sseref.db")
        try:
            lifecycle.rebuild(db, resources / "generated" / "index")
        finally:
            db.close()

        def pack(name: str, data: Path, date: str, signer: Path = key, **kw: str) -> Path:
            mp.setenv("SOURCE_DATE_EPOCH", epoch(date))
            return build_pack(data, root / f"{name}.sserefpack", signer, **kw).path  # type: ignore[arg-type]

        d1 = edited_data(root / "d1", seat="Nairobi, Kenya")
        d2 = edited_data(
            root / "d2",
            seat="Nairobi, Kenya",
            drop_gamma=True,
            summary="A fictional federation of cooperatives, edited.",
        )
        d0 = edited_data(root / "d0", seat="Lima, Peru")
        return PackSet(
            root=root,
            resources=resources,
            key=key,
            public=public,
            other_key=other,
            v1=pack("v1", d1, "2027-01-01"),
            v2=pack("v2", d2, "2027-02-01"),
            old=pack("old", d0, "2025-06-01"),
            unknown_key=pack("stranger", d2, "2027-02-01", signer=other),
            future_program=pack("future", d2, "2027-03-01", min_program_version="99.0"),
        )
    finally:
        mp.undo()


def members(pack: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(pack) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rewrite(pack: Path, target: Path, members_: dict[str, bytes]) -> Path:
    """A zip with exactly these members (in this order), deflated."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members_.items():
            archive.writestr(zipfile.ZipInfo(name, (2027, 1, 1, 0, 0, 0)), data)
    del pack
    return target


def sign_manifest(manifest: dict[str, object], key: Path) -> tuple[bytes, bytes]:
    """Canonical manifest bytes and their signature member, made with `key`."""
    from cryptography.hazmat.primitives import serialization

    from sseref.core import packformat
    from sseref.ingest.pack_build import load_private_key

    data = (json.dumps(manifest, sort_keys=True, indent=1, ensure_ascii=False) + "\n").encode()
    private = load_private_key(key)
    raw = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return data, packformat.signature_bytes(private.sign(data), raw)
