"""The layers import one way: scrapers <- alerts <- bot; only bot touches telegram and YAML."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {
    "scrapers": {"alerts", "bot", "telegram", "yaml", "pydantic"},
    "alerts": {"bot", "telegram", "yaml"},
}


def imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_does_not_import_a_higher_layer(package: str) -> None:
    modules = sorted((ROOT / package).rglob("*.py"))
    assert modules, f"no modules found in {package}/"
    offenders = {
        f"{path.relative_to(ROOT)} imports {name}"
        for path in modules
        for name in imported_packages(path) & FORBIDDEN[package]
    }
    assert not offenders, sorted(offenders)


def test_the_layer_check_sees_a_violation(tmp_path: Path) -> None:
    module = tmp_path / "bad.py"
    module.write_text("from alerts.store import Store\nimport telegram.error\n")
    assert imported_packages(module) == {"alerts", "telegram"}
