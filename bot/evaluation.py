"""`metalert eval`: score the extractor on a labelled corpus (precision and recall per metric).

A corpus is a YAML file, or a folder of them, each holding a list of cases:

    - id: secondary-al-nov-smm
      style: smm                     # alcircle | smm (informative)
      published: 2025-12-02
      title: "..."                   # optional
      text: |
        ...
      figures:
        - {metric: operating_rate, subject: secondary aluminium, period: 2025-11, value: 46.3,
           changes: {mom: 2.3, yoy: 2.7}}

A figure counts as found only when its whole tuple matches: metric, subject, region, period,
value, range, unit, changes, price change (with its basis), bound, forecast, quarantine and
inferred-unit flags. The labelling conventions are in tests/corpus/README.md.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from bot.errors import BotError
from scrapers.clean import to_text
from scrapers.extract import extract_text, metrics
from scrapers.models import Figure, Metric

FigureKey = tuple[object, ...]


class CorpusError(BotError):
    """A corpus file is missing or malformed; the message names the file and case."""


@dataclass(frozen=True, slots=True)
class Case:
    id: str
    text: str
    published: date | None
    title: str
    expected: tuple[FigureKey, ...]
    known_miss: str | None = None  # why the extractor is known to read this case wrongly


@dataclass
class Score:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positive + self.false_negative
        return self.true_positive / wanted if wanted else 1.0


@dataclass
class Report:
    cases: int = 0
    by_metric: dict[str, Score] = field(default_factory=dict)
    misses: list[tuple[str, FigureKey]] = field(default_factory=list)
    false_figures: list[tuple[str, FigureKey]] = field(default_factory=list)

    def score(self, metric: str) -> Score:
        return self.by_metric.setdefault(metric, Score())

    @property
    def overall(self) -> Score:
        total = Score()
        for score in self.by_metric.values():
            total.true_positive += score.true_positive
            total.false_positive += score.false_positive
            total.false_negative += score.false_negative
        return total


def _decimal(value: object) -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(value))


def figure_key(figure: Figure) -> FigureKey:
    change = None
    if figure.change is not None:
        basis = figure.change.basis.value if figure.change.basis else None
        change = ("pct" if figure.change.percent else "abs", figure.change.amount, basis)
    return (
        figure.metric.value,
        figure.subject,
        figure.region,
        figure.period,
        figure.value,
        figure.low,
        figure.high,
        figure.unit,
        tuple(sorted((basis.value, amount) for basis, amount in figure.changes.items())),
        change,
        figure.bound.value if figure.bound else None,
        figure.forecast,
        figure.quarantined is not None,
        figure.unit_inferred,
    )


def _expected_key(raw: Mapping[str, Any], where: str) -> FigureKey:
    try:
        metric = Metric(raw["metric"])
        changes = raw.get("changes") or {}
        change = raw.get("change")
        change_key = None
        if change:
            basis = change.get("basis")
            amounts = [(kind, amount) for kind, amount in change.items() if kind != "basis"]
            if len(amounts) != 1 or amounts[0][0] not in {"abs", "pct"}:
                raise ValueError("change must be {abs: n} or {pct: n}, with an optional basis")
            if basis is not None and basis not in {"mom", "yoy", "wow", "dod"}:
                raise ValueError(f"unknown change basis {basis!r}")
            kind, amount = amounts[0]
            change_key = (kind, _decimal(amount), basis)
        default_unit = metrics.spec(metric).default_unit
        return (
            metric.value,
            str(raw["subject"]),
            str(raw.get("region", "China")),
            None if raw.get("period") is None else str(raw["period"]),
            _decimal(raw.get("value")),
            _decimal(raw.get("low")),
            _decimal(raw.get("high")),
            raw.get("unit", default_unit),
            tuple(sorted((str(basis), _decimal(amount)) for basis, amount in changes.items())),
            change_key,
            raw.get("bound"),
            bool(raw.get("forecast", False)),
            bool(raw.get("quarantined", False)),
            bool(raw.get("unit_inferred", False)),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise CorpusError(f"{where}: bad expected figure {dict(raw)!r}: {exc}") from None


def _cases_in(path: Path) -> list[Case]:
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CorpusError(f"{path}: {exc}") from None
    if not isinstance(document, list):
        raise CorpusError(f"{path}: a corpus file is a list of cases")
    cases = []
    for index, raw in enumerate(document):
        where = f"{path}: case {index}"
        if not isinstance(raw, dict) or "id" not in raw or "text" not in raw:
            raise CorpusError(f"{where}: needs id and text")
        published = raw.get("published")
        if published is not None and not isinstance(published, date):
            raise CorpusError(f"{where}: published must be a date (YYYY-MM-DD)")
        expected = tuple(
            _expected_key(figure, f"{path}: {raw['id']}") for figure in raw.get("figures") or []
        )
        cases.append(
            Case(
                str(raw["id"]),
                str(raw["text"]),
                published,
                str(raw.get("title") or ""),
                expected,
                None if raw.get("known_miss") is None else str(raw["known_miss"]),
            )
        )
    return cases


def load_corpus(path: Path) -> list[Case]:
    if path.is_dir():
        files = sorted(path.glob("*.yaml")) + sorted(path.glob("*.yml"))
        if not files:
            raise CorpusError(f"{path}: no *.yaml files")
        return [case for file in files for case in _cases_in(file)]
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder")
    return _cases_in(path)


def evaluate_cases(cases: Iterable[Case]) -> Report:
    report = Report()
    for case in cases:
        report.cases += 1
        found = Counter(
            figure_key(f) for f in extract_text(to_text(case.text), case.published, case.title)
        )
        wanted = Counter(case.expected)
        for key in found | wanted:
            score = report.score(str(key[0]))
            hits = min(found[key], wanted[key])
            score.true_positive += hits
            score.false_positive += found[key] - hits
            score.false_negative += wanted[key] - hits
            report.false_figures.extend([(case.id, key)] * (found[key] - hits))
            report.misses.extend([(case.id, key)] * (wanted[key] - hits))
    return report


def _describe(key: FigureKey) -> str:
    names = (
        "metric",
        "subject",
        "region",
        "period",
        "value",
        "low",
        "high",
        "unit",
        "changes",
        "change",
        "bound",
        "forecast",
        "quarantined",
        "unit_inferred",
    )
    parts = []
    for name, value in zip(names, key, strict=True):
        if value in (None, False, ()):
            continue
        parts.append(f"{name}={value}" if name not in {"metric", "subject"} else str(value))
    return " ".join(parts)


def render_report(report: Report) -> Sequence[str]:
    lines = [
        f"{report.cases} cases",
        f"{'metric':<16}{'precision':>10}{'recall':>8}{'tp':>6}{'fp':>5}{'fn':>5}",
    ]
    rows = [*sorted(report.by_metric.items()), ("overall", report.overall)]
    for name, score in rows:
        lines.append(
            f"{name:<16}{score.precision:>10.3f}{score.recall:>8.3f}"
            f"{score.true_positive:>6}{score.false_positive:>5}{score.false_negative:>5}"
        )
    for case_id, key in report.misses:
        lines.append(f"miss   {case_id}: {_describe(key)}")
    for case_id, key in report.false_figures:
        lines.append(f"false  {case_id}: {_describe(key)}")
    return lines
