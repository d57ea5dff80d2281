"""The data that flows out of the scrapers: fetched pages, clean articles and extracted figures."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class Page:
    """One HTTP response body, as fetched."""

    url: str
    status: int
    headers: Mapping[str, str]
    text: str
    fetched_at: datetime


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, cleaned to plain text (paragraphs separated by blank lines)."""

    source: str
    id: str  # canonical identity, e.g. "alcircle:116506" or "smm:103660382"
    url: str  # canonical URL
    title: str
    published_at: datetime  # aware, UTC
    body: str
    original_url: str


@dataclass(frozen=True, slots=True)
class ListedItem:
    """One item a feed or listing names: enough to read it again without the listing."""

    id: str  # canonical identity, e.g. "smm:103660382"
    url: str  # where the article is read from
    teaser: Article | None = None  # what the listing itself said (AL Circle's feed items)
    dated: bool = True  # the listing gave a publication time (not "first seen")


class Metric(StrEnum):
    OPERATING_RATE = "operating_rate"
    PRICE = "price"
    SPREAD = "spread"


class Bound(StrEnum):
    """Threshold language: "broke through X" is above X, "fell below X" is below X."""

    ABOVE = "above"
    BELOW = "below"


class ChangeBasis(StrEnum):
    MOM = "mom"
    YOY = "yoy"
    WOW = "wow"
    DOD = "dod"  # from the previous trading day (daily price reports)


def _frozen_changes(changes: Mapping[ChangeBasis, Decimal]) -> Mapping[ChangeBasis, Decimal]:
    return MappingProxyType(dict(changes))


@dataclass(frozen=True, slots=True)
class PriceChange:
    """A stated price change: an absolute amount in the figure's unit, or a percentage."""

    amount: Decimal
    percent: bool = False
    basis: ChangeBasis | None = None  # when the article says what it is compared with


@dataclass(frozen=True, slots=True)
class Figure:
    """One number an analyst would note, with the sentence that states it."""

    metric: Metric
    subject: str  # canonical, lower case, British spelling
    value: Decimal | None  # None when only a change is stated
    unit: str  # "%", "CNY/t", "USD/t"
    evidence: str
    span: tuple[int, int]  # character span of the evidence in the article body
    article_id: str = ""
    region: str = "China"
    period: str | None = None  # "2025-11", "2025-W48" or None
    low: Decimal | None = None
    high: Decimal | None = None
    changes: Mapping[ChangeBasis, Decimal] = field(default_factory=dict)  # pp for rates
    change: PriceChange | None = None  # for prices and spreads
    bound: Bound | None = None
    forecast: bool = False
    unit_inferred: bool = False  # a rate change written "per cent" read as percentage points
    quarantined: str | None = None  # why the figure is outside sanity bounds; rules ignore it

    def __post_init__(self) -> None:
        object.__setattr__(self, "changes", _frozen_changes(self.changes))
