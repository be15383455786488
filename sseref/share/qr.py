"""The site's address as a QR code (segno, pure Python): a PNG for the window, text for a shell."""

from __future__ import annotations

import io


def qr_png(text: str, scale: int = 6) -> bytes:
    """A PNG of the QR code (medium error correction: readable from a projector too)."""
    import segno

    buffer = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


def qr_terminal(text: str) -> str:
    """The QR code drawn with block characters, for `sseref serve` on a headless laptop."""
    import segno

    buffer = io.StringIO()
    segno.make(text, error="m", micro=False).terminal(out=buffer, compact=True, border=2)
    return buffer.getvalue()
