"""A PNG writer for drawn figures: the pixels as they are, deflated quickly.

A figure at 300 dpi is millions of mostly white pixels. Pillow chooses a
row filter per line and deflates at the level asked; for these pictures
that took longer than drawing the figure itself. Unfiltered rows deflated
at level 1 are as small (on the report's figures a few percent smaller)
and written in about half the time. The deflate is ISA-L's (the ``isal``
package: five times zlib's speed at level 1, files about 10% larger); where
it is missing, zlib's, with the rows deflated in pieces on several cores.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np

from .._docs import raises

__all__ = ["png_bytes", "write_png"]

_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


@raises("rgba")
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
    parts.append(_chunk(b"IDAT", _deflate(rows.reshape(-1), level)))
    parts.append(_chunk(b"IEND", b""))
    return b"".join(parts)


#: Below this many bytes the rows are deflated in one piece; above it, in a piece per core.
_PARALLEL_BYTES = 4_000_000


def _deflate(data: np.ndarray, level: int) -> bytes:
    """A zlib stream of ``data`` (1-d uint8): ISA-L's at ``level`` 1 to 3 (its levels, 0 to 3, compress
    less than zlib's at the same number), otherwise zlib's with its pieces deflated on separate cores.

    With zlib, as pigz does: each piece is a raw deflate stream on its own, all but the
    last ended on a byte boundary (``Z_FULL_FLUSH``), so together they are one
    deflate stream; zlib's header and the Adler-32 of all the data around it.
    zlib lets go of Python's lock while it deflates, so threads run at once.
    """
    import os

    if 1 <= level <= 3:
        try:
            from isal import isal_zlib
        except ImportError:  # pragma: no cover -- a platform without its wheel: zlib below
            pass
        else:
            return isal_zlib.compress(data, level)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    n = min(cores, 4, len(data) // _PARALLEL_BYTES)
    if n < 2:
        return zlib.compress(data, level)
    from concurrent.futures import ThreadPoolExecutor

    bounds = np.linspace(0, len(data), n + 1).astype(int)
    pieces = [data[a:b] for a, b in zip(bounds[:-1], bounds[1:])]

    def raw(i: int) -> bytes:
        c = zlib.compressobj(level, zlib.DEFLATED, -15)
        return c.compress(pieces[i]) + c.flush(zlib.Z_FINISH if i == n - 1 else zlib.Z_FULL_FLUSH)

    with ThreadPoolExecutor(max_workers=n) as pool:
        body = b"".join(pool.map(raw, range(n)))
    header = bytes([0x78, 0x01])  # deflate, 32K window, the fastest levels
    return header + body + struct.pack(">I", zlib.adler32(data) & 0xFFFFFFFF)


@raises("rgba")
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
