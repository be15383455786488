"""Small documents of every importable format, made in the test (no binary fixtures)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

SPANISH = (
    "La economía social y solidaria reúne a las cooperativas, las mutuales y las asociaciones "
    "que ponen a las personas antes que el capital. En la región, los gobiernos y las redes "
    "de la sociedad civil trabajan para que las leyes reconozcan su papel en el desarrollo."
)
FRENCH = (
    "L'économie sociale et solidaire rassemble les coopératives, les mutuelles et les "
    "associations qui placent les personnes avant le capital. Dans la région, les États et "
    "les réseaux de la société civile travaillent pour que la loi reconnaisse leur rôle."
)
ENGLISH = (
    "The social and solidarity economy brings together cooperatives, mutual societies and "
    "associations that put people before capital. In the region, governments and networks of "
    "civil society work so that the law recognizes their role in development."
)


def pdf_from_objects(
    objects: list[bytes],
    trailer: str = "",
    root: int = 1,
    header: bytes = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n",
) -> bytes:
    """A PDF with a classic cross-reference table whose offsets are right."""
    out = io.BytesIO()
    out.write(header)
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    trailer = trailer.replace("{xref}", str(xref))
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R {trailer}>>\n"
        f"startxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def pdf_bytes(text: str = "Draft law on the social economy", title: str = "Draft law") -> bytes:
    """A one-page PDF with `text` in Helvetica and a /Title (offsets computed, so it is valid)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Title ({title}) /Author (Ministry of Labour) /CreationDate (D:20250314) >>".encode(),
    ]
    return pdf_from_objects(objects, trailer="/Info 6 0 R ", header=b"%PDF-1.4\n")


def zip_bytes(members: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx_bytes(paragraphs: list[str], title: str = "", creator: str = "") -> bytes:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    core = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/">'
        f"<dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator>"
        "<dcterms:created>2024-06-20T09:00:00Z</dcterms:created></cp:coreProperties>"
    )
    return zip_bytes(
        {
            "[Content_Types].xml": "<Types/>",
            "word/document.xml": f'<w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>',
            "docProps/core.xml": core,
        }
    )


def odt_bytes(paragraphs: list[str], title: str = "") -> bytes:
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    body = "".join(f"<text:p>{p}</text:p>" for p in paragraphs)
    content = (
        f'<office:document-content xmlns:office="{office}" xmlns:text="{text}">'
        f"<office:body><office:text>{body}</office:text></office:body>"
        "</office:document-content>"
    )
    meta = (
        f'<office:document-meta xmlns:office="{office}" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"><office:meta>'
        f"<dc:title>{title}</dc:title><meta:initial-creator>RIPESS</meta:initial-creator>"
        "<meta:creation-date>2023-11-02T10:00:00</meta:creation-date>"
        "<dc:language>fr-FR</dc:language></office:meta></office:document-meta>"
    )
    return zip_bytes(
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "content.xml": content,
            "meta.xml": meta,
        }
    )


def epub_bytes(chapters: list[str], title: str = "", extra_href: str = "") -> bytes:
    container = (
        '<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
        '<rootfile full-path="OEBPS/content.opf"/></rootfiles></container>'
    )
    items = "".join(
        f'<item id="c{i}" href="c{i}.xhtml" media-type="application/xhtml+xml"/>'
        for i in range(len(chapters))
    )
    refs = "".join(f'<itemref idref="c{i}"/>' for i in range(len(chapters)))
    if extra_href:
        items += f'<item id="evil" href="{extra_href}" media-type="application/xhtml+xml"/>'
        refs += '<itemref idref="evil"/>'
    opf = (
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{title}</dc:title><dc:creator>GSEF</dc:creator><dc:date>2022-05</dc:date>"
        f"<dc:language>es</dc:language></metadata><manifest>{items}</manifest>"
        f"<spine>{refs}</spine></package>"
    )
    members: dict[str, bytes | str] = {
        "mimetype": "application/epub+zip",
        "META-INF/container.xml": container,
        "OEBPS/content.opf": opf,
    }
    for i, chapter in enumerate(chapters):
        members[f"OEBPS/c{i}.xhtml"] = (
            f"<html><head><title>x</title><style>p{{}}</style></head><body><p>{chapter}</p>"
            "<script>alert(1)</script></body></html>"
        )
    return zip_bytes(members)


def write(tmp: Path, name: str, data: bytes | str) -> Path:
    path = tmp / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path
