"""Fewer garbage collections while opgavelab draws or computes a lot at once.

Python's cycle collector runs after every 700 new container objects, and
about every hundredth run is a full one that walks every object the program
holds: a loaded case, its networks with a dict per actor and per tie,
matplotlib's artists. Drawing the 2,000-actor figure made 550 collections
that took 0.73 s of its 3.5 s; the parts of a report spent about a tenth of
their time there. Within :func:`fewer_collections` the collector runs after
every 50,000 new objects instead, so garbage made of cycles (a network that
is no longer needed) waits a little longer to be freed: tens of megabytes at
most. The thresholds are put back afterwards.
"""

from __future__ import annotations

import functools
import gc
import threading

__all__ = ["fewer_collections", "with_fewer_collections"]

#: The collector's thresholds within the block: (new objects before a collection of the youngest
#: generation, collections of one generation before one of the next, ...).
THRESHOLDS = (50_000, 20, 100)

_lock = threading.Lock()
_depth = 0
_saved: tuple | None = None


class fewer_collections:  # noqa: N801 -- used as a context manager, like contextlib's
    """``with fewer_collections():`` the cycle collector runs less often; nested blocks keep the outer one's
    setting and the thresholds of before come back when the outermost block ends. Thresholds set higher
    than :data:`THRESHOLDS` by the program are kept."""

    def __enter__(self):
        global _depth, _saved
        with _lock:
            if _depth == 0:
                _saved = gc.get_threshold()
                if _saved[0] and _saved[0] < THRESHOLDS[0]:  # 0: the program switched collection off
                    gc.set_threshold(*THRESHOLDS)
            _depth += 1
        return self

    def __exit__(self, *exc):
        global _depth, _saved
        with _lock:
            _depth -= 1
            if _depth == 0 and _saved is not None:
                if gc.get_threshold() == THRESHOLDS:  # not changed by the program meanwhile
                    gc.set_threshold(*_saved)
                _saved = None
        return False


def with_fewer_collections(func):
    """Decorate ``func`` to run within :class:`fewer_collections`."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with fewer_collections():
            return func(*args, **kwargs)

    return wrapper
