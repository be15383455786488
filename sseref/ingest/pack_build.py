"""Build time: signing keys and signed data packs (data/ → database, index, catalogs → zip).

Reproducible: the same data/ and the same SOURCE_DATE_EPOCH give the same bytes (fixed member
order, fixed times and modes, the index's random segment names seeded from the data version).
"""

from __future__ import annotations

import hashlib
import os
import random
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sseref import __version__
from sseref.core import packformat, paths
from sseref.core.db import Database
from sseref.core.packformat import Manifest, Member
from sseref.core.schema import SCHEMA_VERSION
from sseref.ingest.build import build_database
from sseref.search import lifecycle

ENV_PASSPHRASE = "SSEREF_PACK_KEY_PASSPHRASE"
COMPRESSION = zipfile.ZIP_LZMA  # smaller than deflate on SQLite files; stdlib reads it
Progress = Callable[[str], None]


class SigningKeyError(Exception):
    """The signing key cannot be read (missing, wrong passphrase, not Ed25519)."""


def keygen(private: Path, comment: str = "") -> tuple[Path, str]:
    """A new Ed25519 key pair: `private` (PEM, mode 0600; encrypted when the passphrase
    variable is set) and `private.pub` (one line to ship in resources/keys/). Returns the
    public file and the key id."""
    private = Path(private)
    if private.exists():
        raise FileExistsError(f"{private} exists: refusing to overwrite a key")
    key = Ed25519PrivateKey.generate()
    passphrase = os.environ.get(ENV_PASSPHRASE)
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase.encode())
        if passphrase
        else serialization.NoEncryption()
    )
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )
    private.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(private, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    public = private.with_name(private.name + ".pub")
    public.write_text(packformat.public_key_line(raw, comment or private.stem), "utf-8")
    return public, packformat.key_id(raw)


def load_private_key(path: Path) -> Ed25519PrivateKey:
    passphrase = os.environ.get(ENV_PASSPHRASE)
    try:
        key = serialization.load_pem_private_key(
            Path(path).read_bytes(), passphrase.encode() if passphrase else None
        )
    except (OSError, ValueError, TypeError) as exc:
        raise SigningKeyError(f"cannot read the signing key {path}: {exc}") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyError(f"{path} is not an Ed25519 key")
    return key


@dataclass(frozen=True)
class PackResult:
    """What `build_pack` wrote."""

    path: Path
    manifest: Manifest
    key_id: str


def build_pack(
    data_dir: Path,
    output: Path,
    key_path: Path,
    *,
    supersedes: str | None = None,
    min_program_version: str | None = None,
    progress: Progress = lambda _m: None,
) -> PackResult:
    """Validates and builds `data_dir` into a signed pack at `output` (written atomically)."""
    key = load_private_key(key_path)
    output = Path(output)
    with tempfile.TemporaryDirectory(prefix="sseref-pack-") as tmp_name:
        work = Path(tmp_name) / "data"
        result = build_database(Path(data_dir), work / "sseref.db", progress=progress)
        progress("Building the search index")
        _build_index(work / "sseref.db", work / "index", result.data_version)
        progress("Compiling the translation catalogs")
        _compile_catalogs(work / "locale")
        db = Database(work / "sseref.db")
        try:
            meta = db.meta()
        finally:
            db.close()
        files = _member_files(work)
        members = tuple(Member(name, path.stat().st_size, _sha256(path)) for name, path in files)
        manifest = Manifest(
            data_version=result.data_version,
            as_of=meta["built_at"],
            data_as_of=meta.get("data_as_of", ""),
            supersedes=supersedes,
            counts=dict(result.counts),
            schema_version=SCHEMA_VERSION,
            min_program_version=min_program_version or __version__,
            members=members,
            created_by=f"sseref {__version__}",
        )
        manifest_bytes = manifest.to_bytes()
        raw_public = key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        signature = packformat.signature_bytes(key.sign(manifest_bytes), raw_public)
        stamp = _zip_time(meta["built_at"])
        output.parent.mkdir(parents=True, exist_ok=True)
        partial = output.with_name(output.name + ".partial")
        with zipfile.ZipFile(partial, "w") as archive:
            _add(archive, packformat.MANIFEST, manifest_bytes, stamp)
            _add(archive, packformat.SIGNATURE, signature, stamp)
            for name, path in files:
                _add(archive, name, path.read_bytes(), stamp)
        os.replace(partial, output)
    progress(f"Wrote {output}")
    return PackResult(output, manifest, packformat.key_id(raw_public))


def _build_index(database: Path, target: Path, data_version: str) -> None:
    """The search index, with Whoosh's random segment names drawn from a seeded generator."""
    from whoosh.filedb.filestore import FileStorage  # build time: ingest may use Whoosh

    state = random.getstate()
    random.seed(int(hashlib.sha256(data_version.encode()).hexdigest()[:16], 16))
    # Whoosh records each part's file time inside the compound segment: make it fixed.
    real_modified = FileStorage.file_modified
    FileStorage.file_modified = lambda _self, _name: 0.0
    db = Database(database)
    try:
        lifecycle.rebuild(db, target)
    finally:
        db.close()
        random.setstate(state)
        FileStorage.file_modified = real_modified


def _compile_catalogs(target: Path) -> None:
    source = paths.resources_dir() / "locale"
    for po in sorted(source.glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle)
        mo = target / po.relative_to(source).with_suffix(".mo")
        mo.parent.mkdir(parents=True, exist_ok=True)
        with mo.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)


def _member_files(work: Path) -> list[tuple[str, Path]]:
    """Pack members in a fixed order: the database, then the index, then the catalogs."""
    out = [(packformat.DATABASE_MEMBER, work / "sseref.db")]
    for sub in ("index", "locale"):
        for path in sorted((work / sub).rglob("*")):
            if path.is_file():
                out.append((f"data/{path.relative_to(work).as_posix()}", path))
    return out


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _zip_time(built_at: str) -> tuple[int, int, int, int, int, int]:
    """Every member's time: SOURCE_DATE_EPOCH, else the data's date (zip cannot go before 1980)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        when = datetime.fromtimestamp(int(epoch), UTC)
    else:
        when = datetime.strptime(built_at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    when = max(when, datetime(1980, 1, 1, tzinfo=UTC))
    return (when.year, when.month, when.day, when.hour, when.minute, when.second)


def _add(
    archive: zipfile.ZipFile, name: str, data: bytes, stamp: tuple[int, int, int, int, int, int]
) -> None:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = COMPRESSION
    info.create_system = 3  # Unix, whatever machine builds it
    info.external_attr = (0o100644 & 0xFFFF) << 16
    archive.writestr(info, data)
