"""Sanity bounds: a figure outside its plausible band is kept, but quarantined with the reason.

Bands are generous on purpose: they catch misreadings (a year read as a price, a price read as a
rate), not market moves. A price with no band of its own still meets a magnitude cap per unit:
nothing traded per tonne costs more than that, so such a number is a misreading.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from scrapers.models import Figure, Metric

_RATE_RANGE = (Decimal(0), Decimal(100))
_MAX_RATE_CHANGE = Decimal(40)  # pp in one period
# (subject, unit) -> (lowest, highest) plausible price per tonne.
PRICE_BANDS: dict[tuple[str, str], tuple[Decimal, Decimal]] = {
    ("copper", "CNY/t"): (Decimal(30_000), Decimal(200_000)),
    ("copper", "USD/t"): (Decimal(3_000), Decimal(30_000)),
    ("copper scrap", "CNY/t"): (Decimal(25_000), Decimal(190_000)),
    ("aluminium", "CNY/t"): (Decimal(10_000), Decimal(45_000)),
    ("aluminium", "USD/t"): (Decimal(1_000), Decimal(6_000)),
    ("aluminium scrap", "CNY/t"): (Decimal(5_000), Decimal(40_000)),
    ("adc12", "CNY/t"): (Decimal(10_000), Decimal(45_000)),
    ("secondary aluminium alloy", "CNY/t"): (Decimal(10_000), Decimal(45_000)),
    ("alumina", "CNY/t"): (Decimal(1_500), Decimal(10_000)),
    ("alumina", "USD/t"): (Decimal(200), Decimal(1_500)),
    ("silicon", "CNY/t"): (Decimal(5_000), Decimal(60_000)),
    ("zinc", "CNY/t"): (Decimal(10_000), Decimal(50_000)),
    ("nickel", "CNY/t"): (Decimal(60_000), Decimal(350_000)),
    ("lead", "CNY/t"): (Decimal(8_000), Decimal(35_000)),
    ("tin", "CNY/t"): (Decimal(100_000), Decimal(600_000)),
    ("copper scrap", "USD/t"): (Decimal(2_500), Decimal(28_000)),
    ("aluminium scrap", "USD/t"): (Decimal(500), Decimal(5_000)),
    ("adc12", "USD/t"): (Decimal(1_000), Decimal(6_000)),
    ("silicon", "USD/t"): (Decimal(700), Decimal(8_000)),
    ("zinc", "USD/t"): (Decimal(1_000), Decimal(8_000)),
    ("nickel", "USD/t"): (Decimal(5_000), Decimal(60_000)),
    ("lead", "USD/t"): (Decimal(1_000), Decimal(6_000)),
    ("tin", "USD/t"): (Decimal(10_000), Decimal(80_000)),
    ("cobalt", "CNY/t"): (Decimal(80_000), Decimal(800_000)),
    ("cobalt", "USD/t"): (Decimal(10_000), Decimal(120_000)),
    ("lithium carbonate", "CNY/t"): (Decimal(30_000), Decimal(800_000)),
    ("lithium carbonate", "USD/t"): (Decimal(4_000), Decimal(100_000)),
}
# The most anything quoted per tonne costs (cobalt, tin and lithium salts are the dearest).
MAGNITUDE_CAPS: dict[str, Decimal] = {"CNY/t": Decimal(2_000_000), "USD/t": Decimal(300_000)}


def _rate_problem(figure: Figure) -> str | None:
    low, high = _RATE_RANGE
    if figure.value is not None and not low <= figure.value <= high:
        return f"an operating rate of {figure.value}% is outside 0-100%"
    for basis, change in figure.changes.items():
        if abs(change) > _MAX_RATE_CHANGE:
            return f"a {basis.value} change of {change} pp is implausible"
    return None


def _price_problem(figure: Figure) -> str | None:
    band = PRICE_BANDS.get((figure.subject, figure.unit))
    if band is None:
        cap = MAGNITUDE_CAPS.get(figure.unit)
        if cap is None:
            return None
        band = (Decimal(0), cap)
    low, high = band
    for number in (figure.value, figure.low, figure.high):
        if number is not None and not low <= number <= high:
            return f"{figure.subject} at {number} {figure.unit} is outside {low}-{high}"
    if figure.low is not None and figure.high is not None and figure.low > figure.high:
        return f"range {figure.low}-{figure.high} is reversed"
    return None


def check(figure: Figure) -> Figure:
    """The figure, quarantined with a reason when it falls outside its sanity bounds."""
    if figure.metric is Metric.OPERATING_RATE:
        problem = _rate_problem(figure)
    elif figure.metric is Metric.PRICE:
        problem = _price_problem(figure)
    else:
        problem = None
    return figure if problem is None else replace(figure, quarantined=problem)
