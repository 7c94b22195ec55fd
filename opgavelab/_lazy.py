"""A module imported when first used: scipy for the metrics, so that what needs no metric starts sooner.

``sp = lazy_module("scipy.sparse")`` at the top of a module reads like an
import; the import runs at the first ``sp.<name>``. The explorer's first
picture (the formation view) does not compute a metric that needs scipy, and
importing scipy costs about 0.4 s.
"""

from __future__ import annotations

__all__ = ["lazy_module"]

import importlib


class _LazyModule:
    """Stands for the module ``name`` and imports it at the first attribute read."""

    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attr: str):
        return getattr(importlib.import_module(self._name), attr)

    def __repr__(self) -> str:
        return f"<module {self._name!r}, imported when first used>"


def lazy_module(name: str):
    """A stand-in for the module ``name`` that imports it on first use.

    Parameters
    ----------
    name : str
        The module's full name, e.g. ``"scipy.sparse"``.

    Returns
    -------
    object
        Its attributes are the module's (``lazy_module("scipy.sparse").csr_array``);
        the module is imported when the first one is read.

    Examples
    --------
    >>> sp = lazy_module("scipy.sparse")
    >>> sp.csr_array([[0, 1], [1, 0]]).nnz
    2
    """
    return _LazyModule(name)
