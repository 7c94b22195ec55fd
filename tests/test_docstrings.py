"""Every public function and public method has a complete numpydoc docstring
(STYLE.md, issue 19): ``Parameters`` when it takes any, ``Returns`` when it
returns something (``Yields`` for a generator), ``Raises`` when it raises or
calls an argument check, and ``Examples``.

Sections are found as numpydoc writes them: a title line followed by a line of
dashes, so a word "Returns" in running text does not count."""

from __future__ import annotations

import ast
import importlib
import inspect
import textwrap
from pathlib import Path

import pytest

import opgavelab

PACKAGE = Path(opgavelab.__file__).resolve().parent

#: The modules whose ``__all__`` is the public API.
MODULES = ["opgavelab", *(f"opgavelab.{m}" for m in sorted(opgavelab._SUBMODULES | {"display"}))]

#: Functions allowed to lack a section for a while, ``{qualified name: why}``: empty now
#: that draw/ is complete. Only names under ``opgavelab/draw/`` may be added; an entry
#: that is complete again, or that is not under draw/, fails the test, so none lingers.
ALLOWED: dict[str, str] = {}


def sections(doc: str | None) -> set[str]:
    """The numpydoc section titles of ``doc``: a line of text underlined by dashes as long as it."""
    lines = inspect.cleandoc(doc or "").splitlines()
    found = set()
    for title, underline in zip(lines, lines[1:]):
        title, underline = title.strip(), underline.strip()
        if title and underline and set(underline) == {"-"} and len(underline) >= len(title):
            found.add(title)
    return found


def _function_node(func) -> ast.FunctionDef | ast.AsyncFunctionDef:
    tree = ast.parse(textwrap.dedent(inspect.getsource(func)))
    node = tree.body[0]
    assert isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)), func
    return node


def _own_nodes(node):
    """The nodes of a function's body, without those of functions, lambdas and classes defined in it."""
    stack = list(node.body)
    while stack:
        child = stack.pop()
        yield child
        if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            stack.extend(ast.iter_child_nodes(child))


def _is_check_call(node) -> bool:
    if not isinstance(node, ast.Call):
        return False
    name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
    return name.startswith("_check_") or name == "_check_opgave"


def needed_sections(func) -> set[str]:
    """The sections ``func``'s docstring must have, read from its signature and source."""
    node = _function_node(func)
    params = [p for p in inspect.signature(func).parameters if p not in ("self", "cls")]
    needed = {"Examples"}
    if params:
        needed.add("Parameters")
    own = list(_own_nodes(node))
    if any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in own):
        needed.add("Yields")
    elif any(isinstance(n, ast.Return) and n.value is not None
             and not (isinstance(n.value, ast.Constant) and n.value.value is None) for n in own):
        needed.add("Returns")
    # a raise or an argument check anywhere in it (a nested helper's raise leaves through it too)
    if any(isinstance(n, ast.Raise) or _is_check_call(n) for n in ast.walk(node)):
        needed.add("Raises")
    return needed


def missing_sections(func) -> list[str]:
    """The sections ``func`` needs and lacks, in numpydoc order."""
    order = ["Parameters", "Returns", "Yields", "Raises", "Examples"]
    lacking = needed_sections(func) - sections(func.__doc__)
    return [s for s in order if s in lacking]


def _own_function(obj):
    """The plain function behind a function, static or class method; None for anything else."""
    if isinstance(obj, (staticmethod, classmethod)):
        obj = obj.__func__
    return obj if inspect.isfunction(obj) else None


def public_functions() -> dict[str, object]:
    """``{module.qualname: function}`` for the public functions and the public methods of public classes."""
    found: dict[str, object] = {}
    seen: set[int] = set()

    def add(func):
        if id(func) in seen or not func.__module__.startswith("opgavelab"):
            return
        seen.add(id(func))
        found[f"{func.__module__}.{func.__qualname__}"] = func

    for module in MODULES:
        mod = importlib.import_module(module)
        for name in getattr(mod, "__all__", []):
            obj = getattr(mod, name)
            if inspect.isfunction(obj):
                add(obj)
            elif inspect.isclass(obj) and obj.__module__.startswith("opgavelab"):
                for attr, value in vars(obj).items():
                    func = _own_function(value)
                    if func is not None and not attr.startswith("_"):
                        add(func)
    return found


def _in_draw(func) -> bool:
    return (PACKAGE / "draw") in Path(inspect.getsourcefile(inspect.unwrap(func))).resolve().parents


# --- the checker itself, on synthetic functions ---------------------------------------

def _complete(case, opgave: str) -> int:
    """Count something.

    Parameters
    ----------
    case : Case
        The case.
    opgave : str
        An opgave id.

    Returns
    -------
    int
        The count.

    Raises
    ------
    ValueError
        ``opgave`` is not an opgave id of the case.

    Examples
    --------
    >>> 1
    1
    """
    case._check_opgave(opgave)
    return 1


def _no_parameters(case) -> int:
    """Count something; Parameters are named in this line but not as a section.

    Returns
    -------
    int
        The count.

    Examples
    --------
    >>> 1
    1
    """
    return len(case)


def _no_returns(x) -> int:
    """Count something (Returns below has no underline).

    Parameters
    ----------
    x : int
        A number.

    Returns
    int

    Examples
    --------
    >>> 1
    1
    """
    return x


def _no_raises(x) -> None:
    """Check something.

    Parameters
    ----------
    x : object
        A value.

    Examples
    --------
    >>> 1
    1
    """
    _check_int("x", x)  # noqa: F821 (never called)


def _no_examples(x) -> None:
    """Check something.

    Parameters
    ----------
    x : object
        A value.

    Raises
    ------
    TypeError
        ``x`` is not an int.
    """
    if not isinstance(x, int):
        raise TypeError(x)


def _no_yields(n):
    """Count up.

    Parameters
    ----------
    n : int
        How far.

    Returns
    -------
    int
        Wrongly called Returns: a generator yields.

    Examples
    --------
    >>> list(_no_yields(2))
    [0, 1]
    """
    yield from range(n)


def _returns_none_and_nested(x) -> None:
    """A function whose only value-returning ``return`` is in a nested function.

    Parameters
    ----------
    x : int
        A number.

    Examples
    --------
    >>> 1
    1
    """
    def inner():
        return x
    if x is None:
        return None
    inner()


@pytest.mark.parametrize(("func", "missing"), [
    (_complete, []),
    (_no_parameters, ["Parameters"]),
    (_no_returns, ["Returns"]),
    (_no_raises, ["Raises"]),
    (_no_examples, ["Examples"]),
    (_no_yields, ["Yields"]),
    (_returns_none_and_nested, []),
])
def test_the_checker_finds_each_missing_section(func, missing):
    assert missing_sections(func) == missing


def test_sections_need_an_underline_as_long_as_the_title():
    assert sections("Intro.\n\nReturns\n-------\nint\n") == {"Returns"}
    assert sections("Intro.\n\nReturns\n---\nint\n") == set()
    assert sections("Returns an int.\n\nExamples\n\n>>> 1\n1\n") == set()


def test_the_walk_finds_functions_and_methods():
    names = public_functions()
    assert len(names) > 100
    assert "opgavelab.io.load" in names
    assert "opgavelab.case.Case.opgave_actors" in names or any(n.startswith("opgavelab.case.Case.") for n in names)
    assert not [n for n in names if n.rsplit(".", 1)[-1].startswith("_")]


# --- the package ----------------------------------------------------------------------

def test_every_public_function_has_a_complete_docstring():
    incomplete = {name: missing_sections(func) for name, func in public_functions().items()}
    incomplete = {name: missing for name, missing in incomplete.items() if missing and name not in ALLOWED}
    assert incomplete == {}, ("add these numpydoc sections (a title underlined with dashes) to each "
                              f"function's docstring: {incomplete}")


def allow_list_problems(allowed, functions) -> tuple[list, list, list]:
    """The entries of ``allowed`` that are not public functions, not under draw/, or complete."""
    unknown = sorted(set(allowed) - set(functions))
    outside_draw = sorted(name for name in allowed if name in functions and not _in_draw(functions[name]))
    complete = sorted(name for name in allowed if name in functions and not missing_sections(functions[name]))
    return unknown, outside_draw, complete


def test_a_stale_allow_list_entry_is_found():
    functions = public_functions()
    draw_complete = next(name for name, f in functions.items() if _in_draw(f) and not missing_sections(f))
    allowed = {"opgavelab.draw.gone": "", "opgavelab.io.load": "", draw_complete: ""}
    assert allow_list_problems(allowed, functions) == (["opgavelab.draw.gone"], ["opgavelab.io.load"],
                                                       sorted(["opgavelab.io.load", draw_complete]))


def test_the_allow_list_is_only_draw_and_not_stale():
    unknown, outside_draw, complete = allow_list_problems(ALLOWED, public_functions())
    assert unknown == [], f"no longer public functions (renamed or moved?): take them off ALLOWED: {unknown}"
    assert outside_draw == [], f"ALLOWED is only for opgavelab/draw/: {outside_draw}"
    assert complete == [], f"complete now: take them off ALLOWED: {complete}"
