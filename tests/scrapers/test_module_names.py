"""A module-level pattern bound twice silently hands every function the second one."""

import ast
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODULES = sorted(
    path for package in ("alerts", "bot", "scrapers") for path in (ROOT / package).rglob("*.py")
)


def _bound_twice(module: Path) -> list[str]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    names = Counter(
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign | ast.AnnAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    )
    return sorted(name for name, count in names.items() if count > 1)


@pytest.mark.parametrize("module", MODULES, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_module_level_name_is_bound_twice(module: Path) -> None:
    assert _bound_twice(module) == []
