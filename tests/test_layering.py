"""Dependencies point one way (STYLE habit 2), read from the import statements of every module.

* no import cycle anywhere in :mod:`mcda` (imports inside functions count too);
* the kernels (``ahp``, ``methods``, ``normalization``, ``sensitivity``) import neither pydantic,
  nor :mod:`mcda.scenario`, :mod:`mcda.engine` nor :mod:`mcda.ui`;
* only :mod:`mcda.ui` imports streamlit, and only the UI imports the UI;
* no ``_private`` name is imported from another module.
"""
from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "mcda"
KERNELS = ("ahp", "methods", "normalization", "sensitivity")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module imported, names taken from it) for every import statement, top-level or in a function."""
    out = []
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If) and _is_type_checking(block.test)
                   for stmt in block.body for n in ast.walk(stmt)}
    for node in ast.walk(tree):
        if id(node) in typing_only:  # `if TYPE_CHECKING:` imports never run
            continue
        if isinstance(node, ast.Import):
            out += [(a.name, []) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            out.append((base, [a.name for a in node.names]))
    return out


def _target(name: str) -> str | None:
    """The mcda module an imported dotted name refers to (the longest known prefix)."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def _graph() -> nx.DiGraph:
    g = nx.DiGraph()
    for module, path in MODULES.items():
        g.add_node(module)
        for imported, names in _imports(path):
            if not imported.startswith("mcda"):
                continue
            targets = {_target(f"{imported}.{n}") for n in names} if names else set()
            targets = {t for t in targets if t and t != imported} or {_target(imported)}
            for t in targets:
                # importing a package runs its __init__: an edge to it, unless it is this module's own package
                if t and t != module and not module.startswith(t + "."):
                    g.add_edge(module, t)
    return g


def test_there_is_no_import_cycle_in_mcda():
    cycles = [c for c in nx.simple_cycles(_graph()) if len(c) > 1]
    assert cycles == []


def test_kernels_import_neither_pydantic_scenario_engine_nor_ui():
    forbidden = ("pydantic", "mcda.scenario", "mcda.engine", "mcda.ui", "mcda.store", "mcda.export", "mcda.cli",
                 "streamlit")
    offenders = []
    for module, path in MODULES.items():
        if module.split(".")[1:2] and module.split(".")[1] in KERNELS:
            for imported, _ in _imports(path):
                if imported.startswith(forbidden):
                    offenders.append(f"{module} -> {imported}")
    assert offenders == []


def test_only_the_ui_imports_streamlit():
    offenders = [m for m, p in MODULES.items() if not m.startswith("mcda.ui")
                 and any(i.split(".")[0] == "streamlit" for i, _ in _imports(p))]
    assert offenders == []


def test_the_ui_is_only_imported_by_the_ui():
    offenders = [m for m, p in MODULES.items() if not m.startswith("mcda.ui")
                 and any(i.startswith("mcda.ui") for i, _ in _imports(p))]
    assert offenders == []


def test_no_private_name_is_imported_from_another_module():
    offenders = []
    for module, path in MODULES.items():
        for imported, names in _imports(path):
            if imported.startswith("mcda") and imported != module:
                offenders += [f"{module}: from {imported} import {n}" for n in names
                              if n.startswith("_") and not n.startswith("__")]
                if any(part.startswith("_") and part != "__init__" for part in imported.split(".")):
                    offenders.append(f"{module}: import {imported}")
    assert offenders == []


def test_pages_live_in_mcda_ui_pages_not_the_legacy_folder():
    assert not (ROOT / "pages").exists()
    assert list((ROOT / "mcda" / "ui" / "pages").glob("*.py"))


def test_no_module_is_over_400_lines():
    long = {m: n for m, p in MODULES.items() if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}
