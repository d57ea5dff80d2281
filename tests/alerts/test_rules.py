"""The rule state machine, table-driven, through `metalert test-rules` scenario files: the same
format users write, the same engine the daemon runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.rule_tests import load, run_case

SCENARIOS = sorted((Path(__file__).resolve().parents[1] / "rules").glob("*.yaml"))
CASES = [(path, case) for path in SCENARIOS for case in load(path)[1]]


@pytest.mark.parametrize(("path", "case"), CASES, ids=[f"{p.stem}: {c.name}" for p, c in CASES])
def test_scenario(path: Path, case: object) -> None:
    rules, _ = load(path)
    outcome = run_case(rules, case)  # type: ignore[arg-type]
    assert outcome.passed, outcome.detail


def test_the_scenarios_cover_the_state_machine() -> None:
    names = " / ".join(case.name for _, case in CASES)
    for topic in (
        "crossing up",
        "staying above",
        "re-arms",
        "hysteresis",
        "cooldown",
        "repeat",
        "expired",
        "first observation",
        "period order",
        "revision",
        "forecasts",
        "quarantined",
        "per cent",
        "computed from the stored previous",
        "max_age",
    ):
        assert topic in names, topic


def test_test_rules_reports_a_failing_case_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scenario = tmp_path / "wrong.yaml"
    scenario.write_text(
        "rules:\n  - {name: cu, metric: price, subject: copper, unit: CNY/t, above: 92000, max_age: 3650d}\n"
        "cases:\n"
        "  - name: expects too much\n"
        "    timeline:\n"
        "      - at: 2025-12-01T02:00:00Z\n"
        "        figures: [{metric: price, subject: copper, value: 91000}]\n"
        "        expect: [cu fired]\n"
    )

    assert main(["test-rules", str(scenario)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "FAIL expects too much: step 1: expected ['cu fired'], got []",
        "0 passed, 1 failed",
    ]


def test_test_rules_names_a_bad_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scenario = tmp_path / "bad.yaml"
    scenario.write_text(
        "rules:\n  - {name: cu, metric: price, subject: copper, unit: pp, above: 92000}\n"
        "cases:\n  - {name: x, timeline: []}\n"
    )

    assert main(["test-rules", str(scenario)]) == 2
    assert "rules[0].unit: pp does not apply to price" in capsys.readouterr().err
