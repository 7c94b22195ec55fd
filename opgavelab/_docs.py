"""Docstring sections that several public functions share, written once.

A function that raises what many others raise says so with ``@raises(key)``;
the decorator writes the numpydoc ``Raises`` section into its docstring (just
before ``Examples``), so ``help()``, the documentation and the tests read a
complete docstring, while the words stand in one place (pandas shares its
docstring parts the same way, with ``@doc``). A function whose errors are its
own writes its ``Raises`` section in its docstring as usual.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Entry(NamedTuple):
    """One entry of a Raises section: the exceptions and when they are raised."""

    kinds: str
    when: str


#: key -> Entry(the exceptions, when): the Raises entries that several public functions share
RAISES = {
    "graph": Entry("TypeError", "If ``G`` is not a networkx graph."),
    "lang": Entry("ValueError", 'If ``lang`` is not ``"nl"`` or ``"en"``.'),
    "lang_of_case": Entry("ValueError", "If ``lang`` (or the case's language) is not ``\"nl\"`` or ``\"en\"``."),
    "opgave_lang": Entry("ValueError", 'If ``opgave`` is not an opgave id of the case, or ``lang`` is not '
                                       '``"nl"`` or ``"en"``.'),
    "name_str": Entry("TypeError", "If ``name`` is not a str."),
    "case": Entry("TypeError", "If ``case`` is not a Case."),
    "opgave_at": Entry("ValueError", "If ``opgave`` is not an opgave id of the case, or ``at`` is not a year, a date "
                                     "or None."),
    "as_domain_coverage": Entry("ValueError", "As in :func:`domain_coverage`."),
    "as_two_mode_graph": Entry("TypeError, ValueError", "As in :func:`two_mode_graph`."),
    "as_check": Entry("ValueError", "As in :func:`check`."),
    "rgba": Entry("ValueError", "``rgba`` is not an ``(height, width, 4)`` uint8 array."),
}

_EXAMPLES = re.compile(r"^(?P<indent>[ \t]*)Examples\n(?P=indent)-{8,}$", re.M)


def raises(*keys: str):
    """Decorator: the ``Raises`` section of :data:`RAISES`' entries ``keys`` in the function's docstring.

    Parameters
    ----------
    *keys : str
        Keys of :data:`RAISES`, in the order the section lists them.

    Returns
    -------
    callable
        The decorator; it returns the function itself, its ``__doc__`` completed.

    Raises
    ------
    KeyError
        If a key is not in :data:`RAISES` (when the module is imported).

    Examples
    --------
    >>> @raises("graph")
    ... def f(G):
    ...     '''Something of ``G``.
    ...
    ...     Examples
    ...     --------
    ...     >>> 1
    ...     1
    ...     '''
    >>> print(f.__doc__.split("Examples")[0].strip())
    Something of ``G``.
    <BLANKLINE>
        Raises
        ------
        TypeError
            If ``G`` is not a networkx graph.
    """
    entries = [RAISES[key] for key in keys]

    def decorate(func):
        func.__doc__ = _with_raises(func.__doc__, entries)
        return func

    return decorate


def _with_raises(doc: str | None, entries: list[Entry]) -> str | None:
    if doc is None:  # python -OO drops docstrings
        return None
    found = _EXAMPLES.search(doc)
    indent = found.group("indent") if found else _body_indent(doc)
    lines = [f"{indent}Raises", f"{indent}------"]
    for kinds, when in entries:
        lines += [f"{indent}{kinds}", f"{indent}    {when}"]
    section = "\n".join(lines) + "\n\n"
    if found:
        return doc[: found.start()] + section + doc[found.start():]
    return doc.rstrip() + "\n\n" + section.rstrip("\n") + "\n" + indent


def _body_indent(doc: str) -> str:
    lines = [line for line in doc.splitlines()[1:] if line.strip()]
    return min((line[: len(line) - len(line.lstrip())] for line in lines), key=len, default="    ")
