"""What a notice's photo may be: a JPEG or PNG (by its bytes) of at most 1 MB."""

from __future__ import annotations

MAX_PHOTO_BYTES = 1024 * 1024


def photo_type(content: bytes) -> str | None:
    """The media type by magic bytes (never by file name or the browser's word)."""
    if content.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    return None
