"""The JSON form of extracted figures: the `metalert parse --json` contract (DESIGN.md 5)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from scrapers.extract import metrics
from scrapers.extract.drafts import Reading
from scrapers.models import Figure


def number(value: Decimal | None) -> int | float | None:
    """Decimals become JSON numbers: integral ones as integers, others as the shortest float."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def change_to_json(figure: Figure) -> dict[str, Any] | None:
    if figure.change is None:
        return None
    data: dict[str, Any] = {
        ("pct" if figure.change.percent else "abs"): number(figure.change.amount)
    }
    if figure.change.basis is not None:
        data["basis"] = figure.change.basis.value
    return data


def figure_to_json(figure: Figure) -> dict[str, Any]:
    data: dict[str, Any] = {
        "metric": figure.metric.value,
        "subject": figure.subject,
        "region": figure.region,
        "period": figure.period,
        "value": number(figure.value),
        "low": number(figure.low),
        "high": number(figure.high),
        "unit": figure.unit,
    }
    if metrics.spec(figure.metric).point_changes:
        data["changes"] = {basis.value: number(amount) for basis, amount in figure.changes.items()}
        data["unit_inferred"] = figure.unit_inferred
    else:
        data["bound"] = figure.bound.value if figure.bound else None
        data["change"] = change_to_json(figure)
    data["forecast"] = figure.forecast
    data["quarantined"] = figure.quarantined is not None
    if figure.quarantined is not None:
        data["quarantine_reason"] = figure.quarantined
    data["evidence"] = figure.evidence
    data["span"] = list(figure.span)
    return data


def figures_to_json(figures: Sequence[Figure]) -> dict[str, Any]:
    return {"figures": [figure_to_json(figure) for figure in figures]}


def reading_to_json(reading: Reading) -> dict[str, Any]:
    """One number of the text and what it was read as (`parse --json --explain`)."""
    return {
        "offset": reading.offset,
        "text": reading.text,
        "role": reading.role,
        "owner": reading.owner or None,
        "emitted": reading.emitted,
        "why": reading.why,
    }


def figure_to_line(figure: Figure) -> str:
    """A one-line human summary, for `metalert parse` without --json."""
    parts = [figure.metric.value, figure.subject]
    if figure.region != "China":
        parts.append(f"[{figure.region}]")
    if figure.period:
        parts.append(figure.period)
    if figure.value is not None:
        parts.append(f"{figure.bound.value} " if figure.bound else "")
        parts[-1] += f"{figure.value}{figure.unit if figure.unit == '%' else ' ' + figure.unit}"
    if figure.low is not None and figure.high is not None:
        parts.append(f"{figure.low}-{figure.high} {figure.unit}")
    for basis, amount in figure.changes.items():
        parts.append(f"{basis.value} {amount:+} pp")
    if figure.change is not None:
        parts.append(
            f"change {figure.change.amount:+}{'%' if figure.change.percent else ' ' + figure.unit}"
        )
    if figure.forecast:
        parts.append("(forecast)")
    if figure.quarantined:
        parts.append(f"(quarantined: {figure.quarantined})")
    return "  ".join(part for part in parts if part)
