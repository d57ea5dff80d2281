"""`metalert test-rules FILE`: rules, a timeline of figures in, the alerts expected out.

    rules:                                  # the same keys as in config.yaml
      - {name: cu-92k, metric: price, subject: copper, unit: CNY/t, above: 92000}
    cases:
      - name: crossing up fires once
        timeline:
          - at: 2025-12-01T10:00:00Z        # when the article arrives (and is published)
            figures: [{metric: price, subject: copper, unit: CNY/t, value: 91000}]
            expect: []                      # "<rule> <fired|still|resolved|revised>" per alert
          - at: 2025-12-02T10:00:00Z
            figures: [{metric: price, subject: copper, unit: CNY/t, value: 92500}]
            expect: [cu-92k fired]

Each case runs on a fresh in-memory store, through the same engine as the daemon.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from alerts.engine import record
from alerts.models import Rule
from alerts.store import Store
from bot.config import RuleSettings, rule_from_settings
from bot.errors import BotError
from scrapers.extract import metrics
from scrapers.models import Article, Bound, ChangeBasis, Figure, Metric, PriceChange


class RuleTestError(BotError):
    """The rule-test file is malformed; the message says where."""


@dataclass(frozen=True, slots=True)
class Step:
    at: datetime
    published: datetime
    figures: tuple[Figure, ...]
    expect: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Case:
    name: str
    steps: tuple[Step, ...]


@dataclass(frozen=True, slots=True)
class Outcome:
    case: str
    passed: bool
    detail: str = ""


def _decimal(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _moment(value: object, where: str) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            pass
        else:
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    raise RuleTestError(f"{where}: needs a time like 2025-12-01T10:00:00Z")


def _figure(raw: Mapping[str, Any], where: str) -> Figure:
    try:
        metric = Metric(raw["metric"])
        change = raw.get("change")
        price_change = None
        if change:
            kind = "pct" if "pct" in change else "abs"
            basis = change.get("basis")
            price_change = PriceChange(
                amount=Decimal(str(change[kind])),
                percent=kind == "pct",
                basis=ChangeBasis(basis) if basis else None,
            )
        return Figure(
            metric=metric,
            subject=str(raw["subject"]),
            value=_decimal(raw.get("value")),
            low=_decimal(raw.get("low")),
            high=_decimal(raw.get("high")),
            unit=str(raw.get("unit", metrics.spec(metric).default_unit)),
            region=str(raw.get("region", "China")),
            period=None if raw.get("period") is None else str(raw["period"]),
            changes={
                ChangeBasis(k): Decimal(str(v)) for k, v in (raw.get("changes") or {}).items()
            },
            change=price_change,
            bound=Bound(raw["bound"]) if raw.get("bound") else None,
            forecast=bool(raw.get("forecast", False)),
            quarantined="marked in the test" if raw.get("quarantined") else None,
            evidence=str(raw.get("evidence", "a sentence stating the figure")),
            span=(0, 0),
        )
    except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise RuleTestError(f"{where}: bad figure {dict(raw)!r}: {exc}") from None


def _rules(raw: object, file: str) -> tuple[Rule, ...]:
    if not isinstance(raw, list) or not raw:
        raise RuleTestError(f"{file}: rules must be a non-empty list")
    rules = []
    for index, entry in enumerate(raw):
        try:
            settings = RuleSettings.model_validate(entry)
        except ValidationError as exc:
            first = exc.errors()[0]
            path = ".".join(str(part) for part in first["loc"])
            raise RuleTestError(f"{file}: rules[{index}].{path}: {first['msg']}") from None
        rules.append(rule_from_settings(index, settings, file))
    return tuple(rules)


def _cases(raw: object, file: str) -> tuple[Case, ...]:
    if not isinstance(raw, list) or not raw:
        raise RuleTestError(f"{file}: cases must be a non-empty list")
    cases = []
    for index, entry in enumerate(raw):
        where = f"{file}: cases[{index}]"
        if (
            not isinstance(entry, dict)
            or "name" not in entry
            or not isinstance(entry.get("timeline"), list)
        ):
            raise RuleTestError(f"{where}: needs a name and a timeline")
        steps = []
        for number, step in enumerate(entry["timeline"]):
            at = _moment(step.get("at"), f"{where}.timeline[{number}].at")
            published = (
                _moment(step["published"], f"{where}.timeline[{number}].published")
                if "published" in step
                else at
            )
            figures = tuple(
                _figure(f, f"{where}.timeline[{number}]") for f in step.get("figures") or []
            )
            expect = tuple(str(e) for e in step.get("expect") or [])
            steps.append(Step(at, published, figures, expect))
        cases.append(Case(str(entry["name"]), tuple(steps)))
    return tuple(cases)


def load(path: Path) -> tuple[tuple[Rule, ...], tuple[Case, ...]]:
    file = str(path)
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RuleTestError(f"{file}: {exc}") from None
    if not isinstance(document, dict):
        raise RuleTestError(f"{file}: needs the keys rules and cases")
    return _rules(document.get("rules"), file), _cases(document.get("cases"), file)


def run_case(rules: Sequence[Rule], case: Case) -> Outcome:
    store = Store(":memory:")
    try:
        for number, step in enumerate(case.steps):
            article = Article(
                source="test",
                id=f"test:{number}",
                url=f"https://example.test/{number}",
                title=f"step {number}",
                published_at=step.published,
                body="",
                original_url=f"https://example.test/{number}",
            )
            figures = [replace(figure, article_id=article.id) for figure in step.figures]
            alerts = record(store, rules, article, figures, ("test",), step.at)
            got = tuple(f"{alert.rule.name} {alert.kind.value}" for alert in alerts)
            if sorted(got) != sorted(step.expect):
                detail = f"step {number + 1}: expected {list(step.expect)}, got {list(got)}"
                return Outcome(case.name, False, detail)
    finally:
        store.close()
    return Outcome(case.name, True)


def run_file(path: Path) -> list[Outcome]:
    rules, cases = load(path)
    return [run_case(rules, case) for case in cases]
