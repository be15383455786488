"""Renders ``resources/icons/sseref.svg`` into the PNG, ``.ico`` and ``.icns`` icons.

Run ``.venv/bin/python build/make_icons.py`` after editing the SVG; the outputs are committed
(they are small), so building a bundle never needs this step. Uses Qt's SVG renderer (in
PySide6-Essentials) and writes the Windows ``.ico`` and macOS ``.icns`` containers by hand with
PNG-compressed images, which Windows Vista+ and macOS 10.7+ read; no Pillow needed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "sseref.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns element types holding PNG data, by pixel size (ic10 is the 512@2x image).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
)


def render_png(size: int) -> bytes:
    """The SVG rendered to a square PNG of ``size`` pixels."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon file whose images are PNG-compressed."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        dim = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS icon file with PNG elements."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    """Writes resources/icons/sseref-*.png and build/icons/sseref.{png,ico,icns}."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    sizes = sorted(set(ICO_SIZES) | {s for _k, s in ICNS_TYPES})
    pngs = {size: render_png(size) for size in sizes}
    out = ROOT / "build" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    for size in (48, 256):  # window icon and menu entries; the SVG scales for the rest
        (ROOT / "resources" / "icons" / f"sseref-{size}.png").write_bytes(pngs[size])
    (out / "sseref.png").write_bytes(pngs[256])
    (out / "sseref.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (out / "sseref.icns").write_bytes(icns(pngs))
    del app
    for path in sorted(out.iterdir()):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
