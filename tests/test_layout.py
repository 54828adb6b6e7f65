"""The test tree mirrors the code, and test modules share data through helpers, never through each other."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
APPS = sorted(p.parent.name for p in (ROOT / "dxhub").glob("*/apps.py"))


def test_every_app_has_its_test_folder() -> None:
    missing = [app for app in APPS if not (TESTS / app / "__init__.py").exists()]
    assert not missing, f"no tests/<app>/ for {missing}"


def test_no_test_module_imports_another_test_module() -> None:
    """Shared data lives in a conftest, tests/factories.py or a tests/<app>/helpers.py, not in a test_ file."""
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for name in names:
                if name.startswith("tests.") and name.rsplit(".", 1)[-1].startswith("test_"):
                    found.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not found, found
