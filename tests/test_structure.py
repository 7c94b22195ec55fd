"""No function in the package is longer than a reader can hold: at most 80
code lines (issue 19). Code lines leave out the docstring, comments and blank
lines; a nested function counts for itself and for the function around it."""

from __future__ import annotations

import ast
import io
import textwrap
import tokenize
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "opgavelab"
LIMIT = 80

#: Declared data tables: a function whose body is one literal table (a list of
#: rows, a dict of settings) may be longer, since splitting it would only
#: scatter the rows. Each entry: "path::qualname": the reason. None today.
DATA_TABLES: dict[str, str] = {}

#: Long functions that another branch is splitting now; the integrator empties
#: this list when those branches are merged (an entry that is no longer long
#: fails the test, so it cannot linger).
BEING_SPLIT: dict[str, str] = {}


def _code_lines(source: str) -> set[int]:
    """The numbers of the lines that hold code (a token other than a comment or a line break)."""
    skip = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER}
    lines: set[int] = set()
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type not in skip:
            lines.update(range(tok.start[0], tok.end[0] + 1))
    return lines


def long_functions(source: str, limit: int = LIMIT) -> dict[str, int]:
    """``{qualname: code lines}`` of every function in ``source`` with more than ``limit`` code lines."""
    code = _code_lines(source)
    found = {}

    def visit(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                name = f"{prefix}{child.name}"
                if not isinstance(child, ast.ClassDef):
                    lines = set(range(child.lineno, child.end_lineno + 1)) & code
                    doc = child.body[0] if child.body else None
                    if (isinstance(doc, ast.Expr) and isinstance(doc.value, ast.Constant)
                            and isinstance(doc.value.value, str)):
                        lines -= set(range(doc.lineno, doc.end_lineno + 1))
                    if len(lines) > limit:
                        found[name] = len(lines)
                visit(child, name + ".")
            else:
                visit(child, prefix)

    visit(ast.parse(source), "")
    return found


def test_the_count_leaves_out_docstrings_comments_and_blank_lines():
    body = "\n".join(f"    x{i} = {i}" for i in range(LIMIT - 1))  # with the ``def`` line: LIMIT
    padding = "\n".join("    # a comment\n" for _ in range(20))
    ok = f'def f():\n    """A docstring\n\n    over lines.\n    """\n{padding}\n{body}\n'
    assert long_functions(ok) == {}
    too_long = ok + "    return x0\n"
    assert long_functions(too_long) == {"f": LIMIT + 1}
    # a method is named by its class; a nested function counts for itself and, with its
    # docstring (4 lines here), for the function around it (whose ``def`` line adds one)
    nested = "class C:\n    def m(self):\n" + textwrap.indent(too_long, "        ")
    assert long_functions(nested) == {"C.m": LIMIT + 1 + 4 + 1, "C.m.f": LIMIT + 1}


def test_no_function_in_the_package_is_over_80_code_lines():
    allowed = {**DATA_TABLES, **BEING_SPLIT}
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        for name, n in long_functions(path.read_text(encoding="utf-8")).items():
            found[f"{rel}::{name}"] = n
    too_long = {k: n for k, n in found.items() if k not in allowed}
    assert too_long == {}, (f"split these functions into named steps (at most {LIMIT} code lines each): "
                            f"{too_long}")
    stale = sorted(set(allowed) - set(found))
    assert stale == [], f"no longer over {LIMIT} code lines: remove from the allow-list in {__file__}: {stale}"
