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


class Phases:
    """A bar over the phases of one long step (reading each sheet, checking each
    table); every method is a no-op when progress was not asked for."""

    def __init__(self, enable: bool = False, desc: str | None = None, total: int | None = None,
                 unit: str = "stap"):
        self._bar = None
        if enable:
            from tqdm.auto import tqdm

            self._bar = tqdm(total=total, desc=desc, unit=unit, leave=False)

    @property
    def enabled(self) -> bool:
        """Whether a bar is shown (so that a label need not be looked up when none is)."""
        return self._bar is not None

    def add(self, n: int) -> None:
        """``n`` more phases are known."""
        if self._bar is not None:
            self._bar.total = (self._bar.total or 0) + n
            self._bar.refresh()

    def tick(self, label: str | None = None) -> None:
        """One phase done; ``label`` names the next."""
        if self._bar is not None:
            if label:
                self._bar.set_postfix_str(label, refresh=False)
            self._bar.update(1)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
