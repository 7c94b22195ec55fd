"""The package's modules import each other one way: no cycle, also not one
hidden in an import inside a function."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "opgavelab"

#: Edges that may close a cycle, each with its reason: none (the scan, the
#: scenario and the Word note, and draw's Scene and renderers, were untangled)
ALLOWED: set[tuple[str, str]] = set()


def _module_names() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _lazy_public_names() -> dict[str, str]:
    """``opgavelab.<name>`` -> the module that defines it (the package's lazy table, ``_PUBLIC``)."""
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "_PUBLIC" for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError("opgavelab/__init__.py has no _PUBLIC table")


def _imports(name: str, path: Path, modules: dict) -> set[str]:
    """Every module of the package that ``name`` imports, at the top or inside a function, also through
    the package's lazy names (``import opgavelab`` then ``opgavelab.scan(...)`` imports ``_scan``)."""
    base = name if path.name == "__init__.py" else name.rpartition(".")[0]
    lazy = _lazy_public_names()
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "opgavelab"
                and node.attr in lazy and name != "opgavelab"):
            found.add(lazy[node.attr])
            continue
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = base.split(".")
                root = ".".join(parts[: len(parts) - node.level + 1])
                module = root + ("." + node.module if node.module else "")
            else:
                module = node.module or ""
            targets = [module] + [f"{module}.{a.name}" for a in node.names]
        else:
            continue
        for target in targets:
            while target not in modules and "." in target:
                target = target.rpartition(".")[0]
            # importing a submodule runs its package's __init__; that is no edge of its own
            if target in modules and target != name and not name.startswith(target + "."):
                found.add(target)
    return found


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def _graph() -> dict[str, set[str]]:
    modules = _module_names()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def test_the_walk_sees_imports_inside_functions():
    graph = _graph()
    assert "opgavelab._validate" in graph["opgavelab.case"]  # at the top
    assert "opgavelab._document" in graph["opgavelab._scan"]  # inside OpgaveScan.to_docx


def test_the_walk_sees_the_lazy_public_names(tmp_path):
    source = tmp_path / "m.py"
    source.write_text("def f(case):\n    import opgavelab\n\n    return opgavelab.scan(case, 'x')\n")
    assert _imports("opgavelab.m", source, _module_names()) == {"opgavelab._scan"}


def test_no_import_cycle():
    graph = _graph()
    for source, target in ALLOWED:
        graph[source].discard(target)
    assert _cycles(graph) == []

