"""Progress bars for long steps, in the notebook and on the command line.

Uses ``tqdm.auto`` (a widget in Jupyter, a text bar in a terminal). Without a
request for progress the iterable is returned as it is, so library calls stay
quiet by default.
"""

from __future__ import annotations

from collections.abc import Iterable


def progress_bar(iterable: Iterable, enable: bool = False, desc: str | None = None, total: int | None = None):
    """Wrap ``iterable`` in a progress bar when ``enable`` is true."""
    if not enable:
        return iterable
    from tqdm.auto import tqdm

    return tqdm(iterable, desc=desc, total=total, leave=False)
