"""The data pack format (*.sserefpack): a zip of the built data, a manifest and its signature.

Layout, in this member order::

    manifest.json          canonical JSON: versions, counts, and size + SHA-256 of every member
    manifest.sig           JSON: the Ed25519 signature of manifest.json's bytes and the key id
    data/sseref.db         the built database
    data/index/...         the search index built from it
    data/locale/...        the compiled translation catalogs

Reading a pack never writes anything: `verify_pack` checks the names, sizes, signature,
versions and every member's hash from the zip itself, before an installer extracts a byte.
"""

from __future__ import annotations

import base64
import hashlib
import json
import lzma
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sseref import __version__
from sseref.core import paths
from sseref.core.errors import SSERefError
from sseref.core.i18n import _
from sseref.core.schema import SCHEMA_VERSION

SUFFIX = ".sserefpack"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
DATABASE_MEMBER = "data/sseref.db"
DATA_PREFIX = "data/"
KEYS_FOLDER = "keys"  # resources/keys/*.pub: the publisher's keys the program ships
USER_KEYS_FILE = "trusted-keys.txt"  # in the user config folder: an organization's own keys
CHUNK = 1 << 20
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Limits:
    """Upper bounds checked from the zip's directory before any member is decompressed."""

    member_bytes: int = 4 << 30
    total_bytes: int = 16 << 30
    members: int = 20_000
    manifest_bytes: int = 16 << 20


DEFAULT_LIMITS = Limits()


class PackError(SSERefError):
    """A pack cannot be used: damaged, untrusted, unsafe or not for this program."""


@dataclass(frozen=True)
class Member:
    """One file of the pack as the manifest describes it."""

    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    """What a pack says about itself (trusted only once its signature checks)."""

    data_version: str
    as_of: str
    data_as_of: str
    supersedes: str | None
    counts: dict[str, int]
    schema_version: int
    min_program_version: str
    members: tuple[Member, ...]
    created_by: str = ""
    format: int = FORMAT_VERSION
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """The folder name of this version once installed: sortable and unique per content."""
        stamp = re.sub(r"[^0-9A-Za-z]", "", self.as_of)
        return f"{stamp}-{self.data_version}"

    @property
    def total_size(self) -> int:
        return sum(m.size for m in self.members)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "data_version": self.data_version,
            "as_of": self.as_of,
            "data_as_of": self.data_as_of,
            "supersedes": self.supersedes,
            "counts": dict(sorted(self.counts.items())),
            "schema_version": self.schema_version,
            "min_program_version": self.min_program_version,
            "created_by": self.created_by,
            "members": [{"name": m.name, "size": m.size, "sha256": m.sha256} for m in self.members],
        }

    def to_bytes(self) -> bytes:
        """Canonical bytes (sorted keys, fixed separators): what the signature covers."""
        return (
            json.dumps(self.to_json(), sort_keys=True, indent=1, ensure_ascii=False) + "\n"
        ).encode("utf-8")

    @classmethod
    def from_json(cls, value: Any) -> Manifest:
        """Parses a manifest; any missing or mistyped field is a PackError."""
        try:
            members = tuple(
                Member(str(m["name"]), _int(m["size"]), str(m["sha256"])) for m in value["members"]
            )
            counts = {str(k): _int(v) for k, v in dict(value["counts"]).items()}
            supersedes = value.get("supersedes")
            return cls(
                data_version=_token(value["data_version"]),
                as_of=str(value["as_of"]),
                data_as_of=str(value.get("data_as_of", "")),
                supersedes=str(supersedes) if supersedes else None,
                counts=counts,
                schema_version=_int(value["schema_version"]),
                min_program_version=str(value["min_program_version"]),
                members=members,
                created_by=str(value.get("created_by", "")),
                format=_int(value["format"]),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise PackError(
                _("The pack's manifest is incomplete ({error}).").format(error=exc)
            ) from exc


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"not a count: {value!r}")
    return value


def _token(value: Any) -> str:
    text = str(value)
    if not re.fullmatch(r"[A-Za-z0-9._-]{1,64}", text):
        raise ValueError(f"bad data version {text!r}")
    return text


# --- keys -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrustedKey:
    """An Ed25519 public key the program accepts packs from, and where it was found."""

    key_id: str
    raw: bytes
    comment: str
    origin: str


def key_id(raw_public: bytes) -> str:
    """A short, stable name of a public key: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(raw_public).hexdigest()[:16]


def public_key_line(raw_public: bytes, comment: str) -> str:
    """The text form of a public key, one line: `ed25519 BASE64 comment`."""
    return f"ed25519 {base64.b64encode(raw_public).decode('ascii')} {comment}".rstrip() + "\n"


def parse_keys(text: str, origin: str) -> list[TrustedKey]:
    """Public keys from a keys file (one `ed25519 BASE64 comment` a line; `#` comments)."""
    keys = []
    for line in text.splitlines():
        parts = line.split(None, 2)
        if not parts or parts[0].startswith("#"):
            continue
        if len(parts) < 2 or parts[0] != "ed25519":
            continue
        try:
            raw = base64.b64decode(parts[1], validate=True)
        except ValueError:
            continue
        if len(raw) == 32:
            keys.append(TrustedKey(key_id(raw), raw, parts[2] if len(parts) > 2 else "", origin))
    return keys


def user_keys_file() -> Path:
    return paths.user_dirs().config / USER_KEYS_FILE


def trusted_keys() -> list[TrustedKey]:
    """The publisher's keys shipped in resources/keys, then the user's own trusted keys."""
    keys: list[TrustedKey] = []
    folder = paths.resources_dir() / KEYS_FOLDER
    for file in sorted(folder.glob("*.pub")) if folder.is_dir() else []:
        keys += parse_keys(file.read_text("utf-8"), origin=file.name)
    user = user_keys_file()
    if user.is_file():
        keys += parse_keys(user.read_text("utf-8"), origin=str(user))
    return keys


def verify_signature(manifest: bytes, signature: bytes, keys: list[TrustedKey]) -> TrustedKey:
    """The trusted key whose Ed25519 signature `signature` (JSON) is over `manifest`."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        sig = json.loads(signature.decode("utf-8"))
        kid = str(sig["key_id"])
        raw_sig = base64.b64decode(str(sig["signature"]), validate=True)
        if sig.get("algorithm") != "ed25519":
            raise ValueError("algorithm")
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise PackError(_("The pack's signature is unreadable: the file is damaged.")) from exc
    key = next((k for k in keys if k.key_id == kid), None)
    if key is None:
        raise PackError(
            _(
                "The pack is signed by an unknown key ({key}). Only packs signed by a trusted "
                "publisher can be applied; an organization can add its own key to {file}."
            ).format(key=kid, file=user_keys_file())
        )
    try:
        Ed25519PublicKey.from_public_bytes(key.raw).verify(raw_sig, manifest)
    except InvalidSignature as exc:
        raise PackError(
            _("The pack's signature does not match its contents: the file is damaged or altered.")
        ) from exc
    return key


def signature_bytes(raw_signature: bytes, raw_public: bytes) -> bytes:
    """The manifest.sig member for a signature made with the key `raw_public`."""
    value = {
        "algorithm": "ed25519",
        "key_id": key_id(raw_public),
        "signature": base64.b64encode(raw_signature).decode("ascii"),
    }
    return (json.dumps(value, sort_keys=True, indent=1) + "\n").encode("utf-8")


# --- reading ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class VerifiedPack:
    """A pack whose signature, names, sizes, versions and hashes all checked."""

    path: Path
    manifest: Manifest
    key: TrustedKey


def safe_member_name(name: str) -> bool:
    """A relative POSIX path inside the pack: no `..`, no absolute path, drive or backslash."""
    if not name or len(name) > 300 or "\\" in name or "\0" in name or name.startswith("/"):
        return False
    if re.match(r"^[A-Za-z]:", name):
        return False
    return all(part not in ("", ".", "..") for part in name.split("/"))


# What a damaged zip raises from its directory, its headers or its compressed streams (an
# encrypted member raises RuntimeError).
DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    struct.error,
    EOFError,
    OSError,
    NotImplementedError,
    ValueError,
    KeyError,
    IndexError,
    RuntimeError,
)


def damaged(exc: BaseException) -> PackError:
    return PackError(
        _("The pack is damaged or incomplete ({error}); copy it again.").format(
            error=type(exc).__name__
        )
    )


def verify_pack(
    path: Path,
    keys: list[TrustedKey] | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
) -> VerifiedPack:
    """Checks everything about the pack at `path` without writing anything; PackError if not.

    Order: the zip's directory (names, sizes, no extra or missing members), the signature,
    then the versions, then each member's SHA-256 read from the zip."""
    path = Path(path)
    if not path.is_file():
        raise PackError(_("No such file: {path}").format(path=path))
    keys = trusted_keys() if keys is None else keys
    try:
        with zipfile.ZipFile(path) as archive:
            manifest, key = read_checked_manifest(archive, keys, limits)
            check_versions(manifest)
            done, total = 0, manifest.total_size
            for member in manifest.members:
                for chunk in iter_member(archive, member):
                    done += len(chunk)
                    if progress:
                        progress(done, total)
    except PackError:
        raise
    except DAMAGED as exc:
        raise damaged(exc) from exc
    return VerifiedPack(path, manifest, key)


def read_checked_manifest(
    archive: zipfile.ZipFile, keys: list[TrustedKey], limits: Limits = DEFAULT_LIMITS
) -> tuple[Manifest, TrustedKey]:
    """The signed manifest once the zip directory agrees with it (nothing decompressed but it)."""
    infos = archive.infolist()
    if len(infos) > limits.members:
        raise PackError(_("The pack holds too many files ({n}).").format(n=len(infos)))
    names: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if not safe_member_name(info.filename) or info.filename in names:
            raise PackError(
                _("The pack holds an unsafe file name: {name}").format(name=info.filename)
            )
        if info.is_dir() or (info.external_attr >> 16) & 0o170000 == 0o120000:  # dir or symlink
            raise PackError(
                _("The pack holds an unsafe file name: {name}").format(name=info.filename)
            )
        if info.file_size > limits.member_bytes:
            raise PackError(
                _("A file in the pack is too large ({name}, {size} bytes).").format(
                    name=info.filename, size=info.file_size
                )
            )
        names[info.filename] = info
    for special in (MANIFEST, SIGNATURE):
        if special not in names:
            raise PackError(
                _("This file is not an SSE Ref data pack (no {name}).").format(name=special)
            )
        if names[special].file_size > limits.manifest_bytes:
            raise PackError(_("The pack's manifest is too large."))
    manifest_bytes = _read_small(archive, names[MANIFEST], limits.manifest_bytes)
    key = verify_signature(
        manifest_bytes, _read_small(archive, names[SIGNATURE], limits.manifest_bytes), keys
    )
    try:
        manifest = Manifest.from_json(json.loads(manifest_bytes.decode("utf-8")))
    except (ValueError, UnicodeDecodeError) as exc:
        raise PackError(_("The pack's manifest is unreadable.")) from exc
    listed = {m.name: m for m in manifest.members}
    if len(listed) != len(manifest.members) or set(listed) != set(names) - {MANIFEST, SIGNATURE}:
        raise PackError(_("The pack's files do not match its manifest: the file was altered."))
    if DATABASE_MEMBER not in listed:
        raise PackError(_("The pack holds no database."))
    for name, member in listed.items():
        if not name.startswith(DATA_PREFIX) or names[name].file_size != member.size:
            raise PackError(_("The pack's files do not match its manifest: the file was altered."))
    if manifest.total_size > limits.total_bytes:
        raise PackError(
            _("The pack is too large to install ({size} bytes).").format(size=manifest.total_size)
        )
    return manifest, key


def check_versions(manifest: Manifest) -> None:
    """Refuses a pack made for another format, database schema or a newer program."""
    if manifest.format != FORMAT_VERSION:
        raise PackError(
            _("The pack uses format {n}, which this program cannot read. Update SSE Ref.").format(
                n=manifest.format
            )
        )
    if not paths.version_at_least(__version__, manifest.min_program_version):
        raise PackError(
            _(
                "This pack needs SSE Ref {need} or later; this is version {have}. "
                "Update the program first."
            ).format(need=manifest.min_program_version, have=__version__)
        )
    if manifest.schema_version != SCHEMA_VERSION:
        raise PackError(
            _(
                "The pack's database has schema version {theirs}; this program reads version "
                "{ours}."
            ).format(theirs=manifest.schema_version, ours=SCHEMA_VERSION)
        )


def _read_small(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    with archive.open(info) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit or len(data) != info.file_size:
        raise PackError(_("The pack's manifest is too large."))
    return data


def iter_member(archive: zipfile.ZipFile, member: Member) -> Iterator[bytes]:
    """The bytes of one member, in chunks; PackError as soon as they exceed the declared size,
    and at the end unless their SHA-256 is the manifest's."""
    digest = hashlib.sha256()
    seen = 0
    with archive.open(member.name) as handle:
        while True:
            chunk = _read(handle)
            if not chunk:
                break
            seen += len(chunk)
            if seen > member.size:
                raise PackError(
                    _("A file in the pack is larger than its manifest says ({name}).").format(
                        name=member.name
                    )
                )
            digest.update(chunk)
            yield chunk
    if seen != member.size or digest.hexdigest() != member.sha256:
        raise PackError(
            _(
                "A file in the pack does not match its manifest ({name}): the pack is damaged."
            ).format(name=member.name)
        )


def _read(handle: IO[bytes]) -> bytes:
    return handle.read(CHUNK)


def read_member_bytes(verified: VerifiedPack, name: str) -> bytes:
    """One member's bytes, checked again against the manifest (for the "what changed" view)."""
    member = next(m for m in verified.manifest.members if m.name == name)
    try:
        with zipfile.ZipFile(verified.path) as archive:
            return b"".join(iter_member(archive, member))
    except PackError:
        raise
    except DAMAGED as exc:
        raise damaged(exc) from exc
