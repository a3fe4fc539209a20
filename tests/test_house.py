"""The house rules a new maintainer relies on, read from the source with `ast` (issue 11): no function over 60 lines,
no module over 500 lines, no import circle among geomap's modules.

The checkers are tested on small made-up packages first, so a checker that silently finds nothing fails too.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
MAX_FUNCTION_LINES = 60
MAX_MODULE_LINES = 500


def module_name(path: Path, root: Path) -> str:
    """Dotted module name of a file under `root` ("geomap/events/__init__.py" -> "geomap.events")."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(root: Path, package: str) -> dict[str, Path]:
    """Every module of `package` under `root`, by dotted name."""
    return {module_name(p, root): p for p in sorted((root / package).rglob("*.py"))}


def long_functions(path: Path, limit: int = MAX_FUNCTION_LINES) -> list[str]:
    """'name (N lines, line L)' for every function or method of the file longer than `limit` lines (def to end)."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = node.end_lineno - node.lineno + 1
            if length > limit:
                out.append(f"{node.name} ({length} lines, line {node.lineno})")
    return out


def _runtime_statements(body: list[ast.stmt]) -> list[ast.stmt]:
    """The module-level statements that run on import: `if`/`try` bodies included, `if TYPE_CHECKING:` left out."""
    out: list[ast.stmt] = []
    for stmt in body:
        if isinstance(stmt, ast.If):
            if "TYPE_CHECKING" not in ast.unparse(stmt.test):
                out += _runtime_statements(stmt.body) + _runtime_statements(stmt.orelse)
        elif isinstance(stmt, ast.Try):
            for block in (stmt.body, *(h.body for h in stmt.handlers), stmt.orelse, stmt.finalbody):
                out += _runtime_statements(block)
        else:
            out.append(stmt)
    return out


def _imported(stmt: ast.stmt, name: str, is_package: bool, known: set[str]) -> set[str]:
    """The known modules one import statement of module `name` loads (a `from X import y` loads X.y when y is a
    module, else X)."""
    if isinstance(stmt, ast.Import):
        return {a.name for a in stmt.names if a.name in known}
    if not isinstance(stmt, ast.ImportFrom):
        return set()
    base = stmt.module or ""
    if stmt.level:
        here = name.split(".") if is_package else name.split(".")[:-1]
        here = here[: len(here) - stmt.level + 1]
        base = ".".join([*here, base] if base else here)
    out = set()
    for alias in stmt.names:
        sub = f"{base}.{alias.name}"
        out.add(sub if sub in known else base)
    return out & known


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """module -> the package's modules it imports at module level (imports inside functions are lazy on purpose)."""
    mods = modules(root, package)
    known = set(mods)
    graph: dict[str, set[str]] = {}
    for name, path in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        edges: set[str] = set()
        for stmt in _runtime_statements(tree.body):
            edges |= _imported(stmt, name, path.name == "__init__.py", known)
        graph[name] = edges - {name}
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted: every import circle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(found)


# ---- the checkers on made-up packages


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        p = tmp_path / "pkg" / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return tmp_path


def test_the_graph_sees_absolute_relative_and_submodule_imports_and_skips_lazy_ones(tmp_path):
    root = _package(tmp_path, {
        "__init__.py": "",
        "a.py": "from pkg import b\nimport pkg.c\n\ndef f():\n    from pkg import d\n",
        "b.py": "from .c import x\nfrom typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import a\n",
        "c.py": "try:\n    from pkg.sub import mod\nexcept ImportError:\n    pass\n",
        "d.py": "",
        "sub/__init__.py": "from . import mod\nfrom ..d import y\n",
        "sub/mod.py": "",
    })
    assert import_graph(root, "pkg") == {
        "pkg": set(), "pkg.a": {"pkg.b", "pkg.c"}, "pkg.b": {"pkg.c"}, "pkg.c": {"pkg.sub.mod"}, "pkg.d": set(),
        "pkg.sub": {"pkg.sub.mod", "pkg.d"}, "pkg.sub.mod": set()}


def test_circles_are_found_with_every_module_in_them():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"f"}, "f": {"e"}, "g": {"a"}}
    assert circles(graph) == [["a", "b", "c"], ["e", "f"]]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_long_functions_are_counted_from_def_to_last_line(tmp_path):
    def body(indent: str, n: int) -> str:
        return "".join(f"{indent}x{i} = {i}\n" for i in range(n))

    path = tmp_path / "m.py"
    path.write_text("def ok():\n" + body("    ", 59) + "\nclass C:\n    def too_long(self):\n" + body("        ", 60),
                    encoding="utf-8")
    assert long_functions(path) == ["too_long (61 lines, line 63)"]


# ---- the rules on geomap itself


def test_no_function_over_60_lines():
    found = {name: long_functions(path) for name, path in modules(SRC, "geomap").items()}
    assert {name: f for name, f in found.items() if f} == {}


def test_no_module_over_500_lines():
    sizes = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in modules(SRC, "geomap").items()}
    assert {name: n for name, n in sizes.items() if n > MAX_MODULE_LINES} == {}


def test_no_import_circles_among_geomap_modules():
    assert circles(import_graph(SRC, "geomap")) == []
