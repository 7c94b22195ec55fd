"""A PNG writer for drawn figures: the pixels as they are, deflated quickly.

A figure at 300 dpi is millions of mostly white pixels. Pillow chooses a
row filter per line and deflates at the level asked; for these pictures
that took longer than drawing the figure itself. Unfiltered rows deflated
at level 1 are as small (on the report's figures a few percent smaller)
and written in about half the time, so the report's five figures per
opgave are written that much sooner.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np

__all__ = ["png_bytes", "write_png"]

_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_bytes(rgba: np.ndarray, dpi: float | None = None, text: dict[str, str] | None = None,
              level: int = 1) -> bytes:
    """The bytes of a PNG file of an ``(height, width, 4)`` uint8 RGBA image.

    An image that is opaque everywhere is written as RGB (its alpha channel
    says nothing); otherwise as RGBA. Rows are unfiltered (PNG filter type
    0) and deflated at ``level``.

    Parameters
    ----------
    rgba : numpy.ndarray
        ``(height, width, 4)``, dtype uint8.
    dpi : float, optional
        Written as the PNG's physical pixel size (``pHYs``), in pixels per
        metre as the format asks, so programs show the picture at its size.
    text : dict of str to str, optional
        ``tEXt`` entries (Latin-1), e.g. ``{"Software": "opgavelab"}``.
    level : int, default 1
        zlib's compression level, 0 to 9.

    Returns
    -------
    bytes

    Raises
    ------
    ValueError
        ``rgba`` is not an ``(height, width, 4)`` uint8 array.

    Examples
    --------
    >>> import numpy as np, io, PIL.Image
    >>> img = np.full((2, 3, 4), 255, dtype=np.uint8)
    >>> PIL.Image.open(io.BytesIO(png_bytes(img, dpi=300))).mode
    'RGB'
    """
    if not (isinstance(rgba, np.ndarray) and rgba.dtype == np.uint8 and rgba.ndim == 3 and rgba.shape[2] == 4):
        msg = f"'rgba' must be a (height, width, 4) uint8 array, got {getattr(rgba, 'shape', type(rgba))}."
        raise ValueError(msg)
    h, w, _ = rgba.shape
    opaque = bool(rgba[..., 3].min() == 255) if rgba.size else True
    channels, colour_type = (3, 2) if opaque else (4, 6)
    rows = np.empty((h, 1 + w * channels), dtype=np.uint8)
    rows[:, 0] = 0  # filter type 0: the row as it is
    pixels = rows[:, 1:].reshape(h, w, channels)
    for c in range(channels):  # channel by channel: ten times quicker than one copy of an (h, w, 3) slice
        pixels[..., c] = rgba[..., c]
    parts = [_SIGNATURE, _chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, colour_type, 0, 0, 0))]
    if dpi:
        per_metre = int(dpi / 0.0254 + 0.5)
        parts.append(_chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)))
    for key, value in (text or {}).items():
        parts.append(_chunk(b"tEXt", key.encode("latin-1") + b"\0" + value.encode("latin-1")))
    parts.append(_chunk(b"IDAT", zlib.compress(rows, level)))
    parts.append(_chunk(b"IEND", b""))
    return b"".join(parts)


def write_png(path, rgba: np.ndarray, dpi: float | None = None, text: dict[str, str] | None = None) -> Path:
    """Write :func:`png_bytes` of ``rgba`` to ``path`` (as it is: the caller writes atomically).

    Parameters
    ----------
    path : str or path-like
    rgba : numpy.ndarray
        ``(height, width, 4)``, dtype uint8.
    dpi : float, optional
    text : dict of str to str, optional

    Returns
    -------
    pathlib.Path

    Raises
    ------
    ValueError
        ``rgba`` is not an ``(height, width, 4)`` uint8 array.

    Examples
    --------
    >>> import numpy as np, tempfile, pathlib
    >>> out = write_png(pathlib.Path(tempfile.mkdtemp()) / "x.png", np.zeros((1, 1, 4), np.uint8))
    >>> out.read_bytes()[:4]
    b'\\x89PNG'
    """
    path = Path(path)
    path.write_bytes(png_bytes(rgba, dpi, text))
    return path
