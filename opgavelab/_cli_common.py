"""What every ``opgavelab`` command shares: its arguments and its table of problems.

Apart from :mod:`opgavelab.cli`, so that the commands defined in other modules
(:mod:`opgavelab._cli_report`, :mod:`opgavelab._cli_survey`) use them without
importing the module that registers them.
"""

from __future__ import annotations

import argparse

from ._i18n import message


def add_lang_argument(p, lang: str) -> None:
    """``--lang nl|en``; its default is the language the command line was read in (:func:`command_lang`)."""
    p.add_argument("--lang", choices=["nl", "en"], default=lang, help=message("cli.help.lang", lang))


def add_limit_arguments(p, lang: str = "nl") -> None:
    """--max-bytes, --max-cells, --max-cell-chars: the caps of opgavelab.load."""
    for name in ("bytes", "cells", "cell-chars"):
        p.add_argument(f"--max-{name}", type=_positive_int(lang), default=None, metavar="N",
                       help=message("cli.help.max_" + name.replace("-", "_"), lang))


def _positive_int(lang: str):
    """An argparse type: a whole number of 1 or more (``1_000`` allowed), refused in ``lang``."""

    def positive_int(text: str) -> int:
        try:
            value = int(text.replace("_", ""))
        except ValueError:
            value = 0
        if value < 1:
            msg = message("cli.positive_int", lang, value=repr(text))
            raise argparse.ArgumentTypeError(msg)
        return value

    return positive_int


def limit_kwargs(args) -> dict:
    return {k: getattr(args, k, None) for k in ("max_bytes", "max_cells", "max_cell_chars")}


def _table(problems, lang: str, limit: int = 200) -> str:
    """Problems as an aligned table: where, value and message; the fix below each."""
    heads = [message("cli.column." + k, lang) for k in ("sheet", "row", "column", "value", "problem")]
    rows = []
    for rec in problems.head(limit).itertuples(index=False):
        value = "" if rec.value is None else str(rec.value).replace("\n", " ")
        value = value if len(value) <= 30 else value[:29] + "…"
        rows.append(([("" if v is None else str(v)) for v in (rec.sheet, rec.row, rec.column)] + [value, rec.message],
                     rec.hint))
    widths = [max([len(heads[i])] + [len(r[0][i]) for r in rows]) for i in range(4)]
    lines = ["  ".join(h.ljust(widths[i]) if i < 4 else h for i, h in enumerate(heads)),
             "  ".join("-" * (widths[i] if i < 4 else 30) for i in range(5))]
    for cells, hint in rows:
        lines.append("  ".join(c.ljust(widths[i]) if i < 4 else c for i, c in enumerate(cells)).rstrip())
        if hint:
            lines.append(" " * (sum(widths) + 8) + "→ " + str(hint))
    if len(problems) > limit:
        lines.append(message("cli.more_problems", lang, n=len(problems) - limit))
    return "\n".join(lines)


#: the signals :func:`signals_held` holds back: Ctrl+C and a plain ``kill``
HELD_SIGNALS = ("SIGINT", "SIGTERM")


def signals_held():
    """``with signals_held():`` Ctrl+C and SIGTERM wait until the block is done, and come right after.

    For what must not be cut off halfway: forking a worker process and importing libraries. Python runs
    handlers of its own around a fork (``os.register_at_fork``), and a KeyboardInterrupt raised in one of
    them is printed as "Exception ignored" and lost; one raised while a compiled module initialises can
    come out as an ImportError that a library takes for "not installed" (fontTools does so with lxml). Either
    way the report went on as if no Ctrl+C had come (3 times in ~25). Within the block the signals are
    blocked for this thread (a worker forked within inherits that, and lets them through once its own
    handlers are set: ``opgavelab._cli_report._worker_signals``), and their Python handlers only note that
    they came (another thread may take a signal the process is sent); after the block the first noted
    signal's own handler runs, in this thread, where the command stops cleanly.
    """
    import contextlib
    import signal
    import threading

    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover -- Windows: no fork there either
        return contextlib.nullcontext()

    @contextlib.contextmanager
    def held():
        numbers = [getattr(signal, name) for name in HELD_SIGNALS if hasattr(signal, name)]
        came: list = []
        handlers = {}
        if threading.current_thread() is threading.main_thread():
            for number in numbers:
                handler = signal.getsignal(number)
                if callable(handler):  # a Python handler (Ctrl+C's KeyboardInterrupt, the command's SIGTERM)
                    handlers[number] = handler
                    signal.signal(number, lambda signum, frame: came.append((signum, frame)))
        old = signal.pthread_sigmask(signal.SIG_BLOCK, numbers)
        try:
            yield
        finally:
            try:
                _restore(signal, handlers)  # while still blocked: a signal that comes now goes to its own handler
            finally:
                signal.pthread_sigmask(signal.SIG_SETMASK, old)
            if came:
                signum, frame = came[0]
                handlers[signum](signum, frame)  # KeyboardInterrupt, as if the signal came now

    return held()


def _restore(signal, handlers: dict) -> None:
    """Put back each signal's handler, every one even when putting back one raises."""
    if not handlers:
        return
    number, handler = next(iter(handlers.items()))
    try:
        signal.signal(number, handler)
    finally:
        _restore(signal, {k: v for k, v in handlers.items() if k != number})
