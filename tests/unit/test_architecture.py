"""The core stays free of the web framework (CONVENTIONS.md)."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "src" / "cocon"
FORBIDDEN = {"flask", "flask_socketio", "flask_babel", "flask_wtf", "werkzeug", "webapp"}


def _imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_core_never_imports_the_web_layer():
    offenders = {str(p.relative_to(CORE)): sorted(_imported_roots(p) & FORBIDDEN)
                 for p in CORE.rglob("*.py") if _imported_roots(p) & FORBIDDEN}
    assert offenders == {}


def test_the_walk_sees_the_core():
    assert len(list(CORE.rglob("*.py"))) > 10


def test_no_module_is_over_500_lines():
    root = CORE.parent.parent
    big = [str(p) for folder in (root / "src", root / "webapp") for p in folder.rglob("*.py")
           if "migrations" not in p.parts and len(p.read_text("utf-8").splitlines()) > 500]
    assert big == []
