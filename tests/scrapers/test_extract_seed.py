"""The reference article, in both house styles: exactly the two key figures, right to the digit."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from scrapers.clean import to_text
from scrapers.extract import extract_text
from scrapers.models import Bound, ChangeBasis, Metric
from tests.conftest import fixture_text


@pytest.mark.parametrize(
    "fixture", ["articles/seed-alcircle-style.txt", "articles/seed-smm-style.txt"]
)
def test_seed_article_yields_the_rate_and_the_copper_price_only(fixture: str) -> None:
    figures = extract_text(to_text(fixture_text(fixture)), date(2025, 12, 3))

    assert [(f.metric, f.subject) for f in figures] == [
        (Metric.OPERATING_RATE, "secondary aluminium"),
        (Metric.PRICE, "copper"),
    ]
    rate, copper = figures
    assert rate.period == "2025-11"
    assert rate.value == Decimal("46.3")
    assert rate.unit == "%"
    assert dict(rate.changes) == {ChangeBasis.MOM: Decimal("2.3"), ChangeBasis.YOY: Decimal("2.7")}
    assert not rate.forecast
    assert "46.3" in rate.evidence and "operating rate" in rate.evidence

    assert copper.value == Decimal("92000")
    assert copper.unit == "CNY/t"
    assert copper.bound is Bound.ABOVE
    assert copper.low is None and copper.high is None and copper.change is None
    assert not copper.forecast
    assert "broke through" in copper.evidence


def test_evidence_span_points_into_the_cleaned_body() -> None:
    body = to_text(fixture_text("articles/seed-alcircle-style.txt"))
    for figure in extract_text(body, date(2025, 12, 3)):
        start, end = figure.span
        assert body[start:end] == figure.evidence


@pytest.mark.parametrize(
    ("sentence", "mom", "yoy"),
    [
        (
            "the operating rate of the secondary aluminum industry in October 2025 fell 1.5 percentage "
            "points MoM to 44.0%, but rose 2.2 percentage points YoY",
            Decimal("-1.5"),
            Decimal("2.2"),
        ),
        (
            "The operating rate of secondary aluminium enterprises dipped 0.8 ppts m-o-m to 51.2 per cent, "
            "down 1.1 ppts y-o-y, in March 2025.",
            Decimal("-0.8"),
            Decimal("-1.1"),
        ),
    ],
)
def test_falls_are_negative_and_rises_positive(sentence: str, mom: Decimal, yoy: Decimal) -> None:
    (figure,) = extract_text(sentence, date(2025, 11, 20))
    assert figure.changes[ChangeBasis.MOM] == mom
    assert figure.changes[ChangeBasis.YOY] == yoy


def test_a_month_without_a_year_resolves_against_publication() -> None:
    (figure,) = extract_text(
        "The operating rate of the secondary aluminium industry in December rose 1.0 percentage "
        "points MoM to 47.0%.",
        date(2026, 1, 6),
    )
    assert figure.period == "2025-12"


def test_a_forecast_level_is_flagged_not_observed() -> None:
    (figure,) = extract_text(
        "The secondary aluminium operating rate is expected to fall to around 43% in January.",
        date(2025, 12, 30),
    )
    assert figure.forecast
    assert figure.period == "2026-01"


def test_output_growth_in_percent_is_not_an_operating_rate() -> None:
    assert extract_text("Secondary aluminium output rose 5.2% YoY in November 2025.", None) == []


def test_a_price_of_an_unknown_thing_is_not_invented() -> None:
    assert extract_text("Freight rates broke through RMB 300 per tonne.", None) == []
