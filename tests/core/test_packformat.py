"""Data packs: what verification accepts and every kind of bad input it refuses."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from sseref.core import packformat, paths
from sseref.core.packformat import Limits, PackError, verify_pack
from tests.packhelpers import members, rewrite, sign_manifest


def test_a_good_pack_verifies_and_describes_itself(pack_env) -> None:
    verified = verify_pack(pack_env.v1)
    manifest = verified.manifest
    assert verified.key.comment == "test publisher"
    assert manifest.as_of == "2027-01-01T00:00:00Z"
    assert manifest.counts == {
        "document": 1,
        "event": 1,
        "initiative": 1,
        "organization": 2,
        "term": 1,
        "person": 0,
        "country": 0,
    }
    names = [m.name for m in manifest.members]
    assert names[0] == packformat.DATABASE_MEMBER
    assert any(n.startswith("data/index/") for n in names)
    assert any(n.endswith(".mo") for n in names)
    assert list(members(pack_env.v1))[:2] == [packformat.MANIFEST, packformat.SIGNATURE]


def test_signature_covers_the_manifest_bytes(pack_env) -> None:
    files = members(pack_env.v1)
    manifest = json.loads(files[packformat.MANIFEST])
    key = packformat.parse_keys(pack_env.public.read_text(), "test")
    packformat.verify_signature(files[packformat.MANIFEST], files[packformat.SIGNATURE], key)
    manifest["as_of"] = "2099-01-01T00:00:00Z"
    changed = (json.dumps(manifest, sort_keys=True, indent=1) + "\n").encode()
    with pytest.raises(PackError, match="does not match"):
        packformat.verify_signature(changed, files[packformat.SIGNATURE], key)


def test_one_flipped_byte_anywhere_is_refused_or_harmless(pack_env, tmp_path: Path) -> None:
    """Every flip either fails verification or leaves the signed contents exactly as they were
    (bytes the zip does not use for content, such as a file time, change nothing)."""
    original = pack_env.v1.read_bytes()
    good = members(pack_env.v1)
    positions = sorted({*range(0, len(original), max(1, len(original) // 97)), len(original) - 1})
    refused = harmless = 0
    for position in positions:
        data = bytearray(original)
        data[position] ^= 0x5A
        bad = tmp_path / "flipped.sserefpack"
        bad.write_bytes(bytes(data))
        try:
            verify_pack(bad)
        except PackError:
            refused += 1
            continue
        assert members(bad) == good, position
        harmless += 1
    assert refused > harmless > -1 and refused >= len(positions) * 0.8


@pytest.mark.parametrize("keep", [0.0, 0.1, 0.5, 0.9, 0.999])
def test_truncated_pack_is_refused(pack_env, tmp_path: Path, keep: float) -> None:
    data = pack_env.v1.read_bytes()
    bad = tmp_path / "cut.sserefpack"
    bad.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(PackError, match="damaged|not an SSE Ref"):
        verify_pack(bad)


def test_missing_file_says_so(pack_env, tmp_path: Path) -> None:
    with pytest.raises(PackError, match="No such file"):
        verify_pack(tmp_path / "gone.sserefpack")


def test_not_a_zip_at_all(pack_env, tmp_path: Path) -> None:
    bad = tmp_path / "text.sserefpack"
    bad.write_text("hello", "utf-8")
    with pytest.raises(PackError, match="damaged"):
        verify_pack(bad)


def test_unknown_key_is_refused_with_the_way_to_trust_one(pack_env) -> None:
    with pytest.raises(PackError, match="unknown key") as info:
        verify_pack(pack_env.unknown_key)
    assert str(packformat.user_keys_file()) in str(info.value)


def test_an_organization_key_in_the_user_file_is_trusted(pack_env) -> None:
    other_public = pack_env.other_key.with_name(pack_env.other_key.name + ".pub")
    with packformat.user_keys_file().open("a", encoding="utf-8") as handle:
        handle.write("# our own packs\n" + other_public.read_text("utf-8"))
    assert verify_pack(pack_env.unknown_key).key.comment == "stranger"


def test_pack_for_a_newer_program_is_refused(pack_env) -> None:
    with pytest.raises(PackError, match="needs SSE Ref 99.0"):
        verify_pack(pack_env.future_program)


def test_pack_for_another_database_schema_is_refused(pack_env, tmp_path: Path) -> None:
    files = members(pack_env.v1)
    manifest = json.loads(files[packformat.MANIFEST])
    manifest["schema_version"] = 999
    files[packformat.MANIFEST], files[packformat.SIGNATURE] = sign_manifest(manifest, pack_env.key)
    bad = rewrite(pack_env.v1, tmp_path / "schema.sserefpack", files)
    with pytest.raises(PackError, match="schema version 999"):
        verify_pack(bad)


@pytest.mark.parametrize(
    "name", ["../../x", "data/../../x", "/etc/passwd", "data\\..\\x", "C:/x", "data/./x", "data//x"]
)
def test_zip_slip_names_are_refused_before_anything_is_read(
    pack_env, tmp_path: Path, name: str
) -> None:
    files = members(pack_env.v1)
    manifest = json.loads(files[packformat.MANIFEST])
    manifest["members"].append({"name": name, "size": 1, "sha256": "0" * 64})
    files[packformat.MANIFEST], files[packformat.SIGNATURE] = sign_manifest(manifest, pack_env.key)
    files[name] = b"x"
    bad = rewrite(pack_env.v1, tmp_path / "slip.sserefpack", files)
    with pytest.raises(PackError, match="unsafe file name"):
        verify_pack(bad)
    assert not (tmp_path.parent / "x").exists()


def test_huge_member_is_refused_from_the_directory(pack_env) -> None:
    database = next(m for m in verify_pack(pack_env.v1).manifest.members if m.name.endswith(".db"))
    with pytest.raises(PackError, match="too large"):
        verify_pack(pack_env.v1, limits=Limits(member_bytes=database.size - 1))
    with pytest.raises(PackError, match="too large"):
        verify_pack(pack_env.v1, limits=Limits(total_bytes=database.size))
    with pytest.raises(PackError, match="too many"):
        verify_pack(pack_env.v1, limits=Limits(members=3))


def test_a_member_bigger_than_its_manifest_says_is_stopped(pack_env, tmp_path: Path) -> None:
    """A zip bomb in disguise: signed small, decompresses larger; reading stops at the size."""
    files = members(pack_env.v1)
    manifest = json.loads(files[packformat.MANIFEST])
    manifest["members"].append({"name": "data/extra.bin", "size": 10, "sha256": "0" * 64})
    files[packformat.MANIFEST], files[packformat.SIGNATURE] = sign_manifest(manifest, pack_env.key)
    files["data/extra.bin"] = b"\0" * (4 << 20)
    bad = rewrite(pack_env.v1, tmp_path / "bomb.sserefpack", files)
    with pytest.raises(PackError, match="do not match"):  # the directory says 4 MiB, not 10
        verify_pack(bad)
    archive_info = zipfile.ZipFile(bad).getinfo("data/extra.bin")
    assert archive_info.file_size == 4 << 20
    with zipfile.ZipFile(bad) as archive:
        chunks = packformat.iter_member(archive, packformat.Member("data/extra.bin", 10, "0"))
        with pytest.raises(PackError, match="larger than its manifest"):
            list(chunks)


def test_altered_member_with_the_original_manifest_is_refused(pack_env, tmp_path: Path) -> None:
    files = members(pack_env.v1)
    db = bytearray(files[packformat.DATABASE_MEMBER])
    db[len(db) // 2] ^= 1
    files[packformat.DATABASE_MEMBER] = bytes(db)
    bad = rewrite(pack_env.v1, tmp_path / "altered.sserefpack", files)
    with pytest.raises(PackError, match="does not match its manifest"):
        verify_pack(bad)


def test_extra_or_missing_members_are_refused(pack_env, tmp_path: Path) -> None:
    files = members(pack_env.v1)
    extra = rewrite(pack_env.v1, tmp_path / "extra.sserefpack", {**files, "data/evil": b"x"})
    with pytest.raises(PackError, match="do not match its manifest"):
        verify_pack(extra)
    fewer = dict(files)
    del fewer[next(n for n in files if n.endswith(".mo"))]
    missing = rewrite(pack_env.v1, tmp_path / "missing.sserefpack", fewer)
    with pytest.raises(PackError, match="do not match its manifest"):
        verify_pack(missing)
    no_sig = {k: v for k, v in files.items() if k != packformat.SIGNATURE}
    with pytest.raises(PackError, match="not an SSE Ref data pack"):
        verify_pack(rewrite(pack_env.v1, tmp_path / "nosig.sserefpack", no_sig))


def test_unreadable_signature_and_manifest(pack_env, tmp_path: Path) -> None:
    files = members(pack_env.v1)
    garbled = rewrite(
        pack_env.v1, tmp_path / "sig.sserefpack", {**files, packformat.SIGNATURE: b"{not json"}
    )
    with pytest.raises(PackError, match="signature is unreadable"):
        verify_pack(garbled)
    manifest = json.loads(files[packformat.MANIFEST])
    del manifest["members"]
    files[packformat.MANIFEST], files[packformat.SIGNATURE] = sign_manifest(manifest, pack_env.key)
    with pytest.raises(PackError, match="incomplete"):
        verify_pack(rewrite(pack_env.v1, tmp_path / "man.sserefpack", files))


def test_key_files_parse_only_ed25519_lines(pack_env) -> None:
    line = pack_env.public.read_text("utf-8")
    text = f"# comment\n\nrsa AAAA nope\ned25519 !!!notbase64 x\ned25519 AAAA short\n{line}"
    keys = packformat.parse_keys(text, "here")
    assert [k.comment for k in keys] == ["test publisher"]
    assert keys[0].origin == "here"


def test_the_program_ships_a_publisher_key() -> None:
    shipped = sorted((paths.resources_dir() / packformat.KEYS_FOLDER).glob("*.pub"))
    assert shipped, "resources/keys/ must hold the publisher's public key"
    keys = packformat.trusted_keys()
    assert {k.origin for k in keys} >= {p.name for p in shipped}
    assert all(len(k.raw) == 32 for k in keys)


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("data/sseref.db", True),
        ("data/index/a.seg", True),
        ("", False),
        ("data/", False),
        ("a/../b", False),
        ("a\0b", False),
    ],
)
def test_safe_member_name(name: str, ok: bool) -> None:
    assert packformat.safe_member_name(name) is ok


@pytest.mark.parametrize(
    ("have", "need", "ok"),
    [
        ("0.1.0", "0.1.0", True),
        ("0.1.0", "0.1", True),
        ("0.1.0", "0.2", False),
        ("1.10", "1.9", True),
        ("0.1.0", "", True),
        ("0.1.0rc1", "0.1.0", True),
    ],
)
def test_version_at_least(have: str, need: str, ok: bool) -> None:
    assert paths.version_at_least(have, need) is ok
