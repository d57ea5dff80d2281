"""The sanity bands a figure must fall in before a rule may act on it (`metrics.check`)."""

from __future__ import annotations

from decimal import Decimal

from scrapers.extract import extract_text, metrics
from scrapers.models import ChangeBasis, Figure, Metric, PriceChange


def _price(region: str, pct: str, basis: ChangeBasis | None = None) -> Figure:
    return Figure(
        metric=Metric.PRICE,
        subject="copper" if region != "China" else "lithium carbonate",
        value=Decimal(66940) if region != "China" else Decimal(150000),
        unit="CNY/t",
        evidence="",
        span=(0, 0),
        region=region,
        change=PriceChange(Decimal(pct), percent=True, basis=basis),
    )


def test_a_contracts_day_move_beyond_the_exchanges_limits_is_quarantined() -> None:
    assert (
        metrics.check(_price("SHFE", "25")).quarantined == "a move of 25% in a day is implausible"
    )
    assert metrics.check(_price("SHFE", "-21", ChangeBasis.DOD)).quarantined is not None
    assert metrics.check(_price("SHFE", "9.5")).quarantined is None
    # a week's or a year's move may be larger
    assert metrics.check(_price("SHFE", "25", ChangeBasis.WOW)).quarantined is None


def test_a_spot_move_with_no_basis_is_not_capped() -> None:
    # "lithium carbonate rose 30% this week" has no basis a rule could name, and is real
    assert metrics.check(_price("China", "30")).quarantined is None


def test_the_misprinted_move_is_read_as_written_and_kept_from_the_rules() -> None:
    found = extract_text(
        "The most active SHFE 2306 copper contract finished at 66,940 yuan/mt overnight, up 25%."
    )
    assert [(f.subject, f.region, f.value) for f in found] == [("copper", "SHFE", Decimal(66940))]
    assert found[0].quarantined == "a move of 25% in a day is implausible"


def _quote(low: int, high: int, metric: Metric = Metric.PRICE) -> Figure:
    return Figure(
        metric=metric,
        subject="high-carbon ferrochrome",
        value=None,
        unit="CNY/t",
        evidence="",
        span=(0, 0),
        low=Decimal(low),
        high=Decimal(high),
    )


def test_a_quoted_range_spanning_a_multiple_of_itself_is_a_misprint() -> None:
    assert metrics.check(_quote(7700, 79000)).quarantined == (
        "range 7700-79000 spans more than 3 times its low"
    )
    assert metrics.check(_quote(7700, 7900)).quarantined is None
    # a premium's range may well: "10-110 yuan/mt"
    assert metrics.check(_quote(10, 110, Metric.SPREAD)).quarantined is None


def test_a_misprinted_summary_quote_gives_way_to_the_article_telling_it_right() -> None:
    text = (
        "[SMM Daily Review] June 24, 2025: Today, the ex-factory price of high-carbon ferrochrome "
        "in Inner Mongolia was 7,700-79,000 yuan/mt (50% metal content), unchanged MoM...\n"
        "On June 24, 2025, the ex-factory prices of high-carbon ferrochrome in Inner Mongolia were "
        "7,700-7,900 yuan/mt (50% metal content)."
    )
    [figure] = extract_text(text, None, "")
    assert (figure.low, figure.high, figure.quarantined) == (Decimal(7700), Decimal(7900), None)
    assert figure.change is not None and figure.change.amount == 0
