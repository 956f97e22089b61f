"""Dependencies point one way (STYLE habit 2): only the UI imports streamlit."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_only_the_ui_imports_streamlit():
    offenders = [
        str(p.relative_to(ROOT))
        for p in sorted((ROOT / "mcda").rglob("*.py"))
        if "ui" not in p.relative_to(ROOT / "mcda").parts[:1] and "streamlit" in _imports(p)
    ]
    assert offenders == []


def test_the_ui_is_only_imported_by_the_ui_and_app():
    offenders = []
    for p in sorted((ROOT / "mcda").rglob("*.py")):
        if p.relative_to(ROOT / "mcda").parts[0] == "ui":
            continue
        tree = ast.parse(p.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("mcda.ui"):
                offenders.append(str(p.relative_to(ROOT)))
    assert offenders == []


def test_pages_live_in_mcda_ui_pages_not_the_legacy_folder():
    assert not (ROOT / "pages").exists()
    assert list((ROOT / "mcda" / "ui" / "pages").glob("*.py"))
