"""The data the alert stage produces: rules, alerts, and messages waiting in the outbox."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from scrapers.models import Article, Bound, ChangeBasis, Figure, Metric


@dataclass(frozen=True, slots=True)
class MovesBy:
    """Fires when the stated change on ``basis`` exceeds ``threshold`` in absolute value."""

    basis: ChangeBasis
    threshold: Decimal

    def describe(self, unit: str) -> str:
        return f"|{self.basis.value.upper()} change| > {self.threshold} {unit}"


@dataclass(frozen=True, slots=True)
class Crossing:
    """Fires when a level crosses into the region beyond ``threshold`` (once, then re-arms)."""

    bound: Bound
    threshold: Decimal

    def describe(self, unit: str) -> str:
        return f"{self.bound.value} {self.threshold:,} {unit}"


Condition = MovesBy | Crossing


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    metric: Metric
    condition: Condition
    subject: str = "*"  # glob, case-insensitive
    unit: str | None = None  # None: any unit the metric is quoted in

    def applies_to(self, figure: Figure) -> bool:
        if figure.metric != self.metric:
            return False
        if not fnmatch.fnmatch(figure.subject.lower(), self.subject.lower()):
            return False
        # Rates are always in %, their changes in pp; a price rule must match the currency.
        return self.unit is None or self.metric is Metric.OPERATING_RATE or self.unit == figure.unit


@dataclass(frozen=True, slots=True)
class Alert:
    rule: Rule
    figure: Figure
    article: Article
    reason: str
    dedup_key: str  # the same fact seen again, from any site, yields the same key


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    chat: str
    text: str
    idempotency_key: str


@dataclass(frozen=True, slots=True)
class QueuedMessage:
    id: int
    chat: str
    text: str
    idempotency_key: str
    attempts: int
    created_at: datetime
