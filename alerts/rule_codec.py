"""Rules as JSON, for the ones the bot's users set (stored per chat). Only what a personal rule
can hold is written: its watch (metric, subject, region, unit) and its condition; options keep
their defaults, as a rule written on one line in a chat has none."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from alerts.models import Crossing, MovesBy, Rule
from scrapers.models import Bound, ChangeBasis, Metric


def encode(rule: Rule) -> str:
    condition = rule.condition
    written: dict[str, Any] = {
        "metric": rule.metric.value,
        "subject": rule.subject,
        "region": rule.region,
        "unit": rule.unit,
    }
    if isinstance(condition, MovesBy):
        written["moves_by"] = {
            "threshold": str(condition.threshold),
            "basis": condition.basis.value if condition.basis else None,
            "percent": condition.percent,
        }
    else:
        written[condition.bound.value] = str(condition.threshold)
    return json.dumps(written, sort_keys=True)


def decode(text: str, name: str) -> Rule:
    """The rule written by ``encode``, under the name its row gives it."""
    data = json.loads(text)
    condition: MovesBy | Crossing
    if "moves_by" in data:
        move = data["moves_by"]
        basis = ChangeBasis(move["basis"]) if move["basis"] else None
        condition = MovesBy(basis, Decimal(move["threshold"]), bool(move["percent"]))
    else:
        bound = Bound.ABOVE if "above" in data else Bound.BELOW
        condition = Crossing(bound, Decimal(data[bound.value]))
    return Rule(
        name=name,
        metric=Metric(data["metric"]),
        condition=condition,
        subject=data["subject"],
        region=data["region"],
        unit=data["unit"],
    )
