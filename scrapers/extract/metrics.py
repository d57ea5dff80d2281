"""What each metric is: its units, the unit of its changes, its sanity bands, how it is named.

Config validation, rules, the JSON output, rendering and the sanity check ask this registry
instead of spelling metric names out. A new metric is one ``MetricSpec`` here, one reader, and
one line in ``scrapers.extract.READERS``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal

from scrapers.models import ChangeBasis, Figure, Metric


@dataclass(frozen=True, slots=True)
class MetricSpec:
    metric: Metric
    display: str  # "operating rate", "price", "spread"
    units: tuple[str, ...]  # the units its levels are quoted in
    change_unit: str | None  # the unit of its changes when it is fixed ("pp" for rates)
    level_band: tuple[Decimal, Decimal] | None = None  # plausible levels, any subject
    max_change: Decimal | None = None  # the largest plausible stated change
    # the largest plausible move in per cent of an exchange's contract told for a day or with
    # no basis (exchanges limit a day's move to well under it; "up 25%" beside an overnight
    # close is a misprint). Spot prices are left alone: "up 30% this week" has no basis either.
    max_day_move_pct: Decimal | None = None
    # (subject, unit) -> plausible levels. Subjects are matched on their base ("copper scrap
    # (bare bright)" uses "copper scrap").
    bands: Mapping[tuple[str, str], tuple[Decimal, Decimal]] = field(default_factory=dict)
    caps: Mapping[str, Decimal] = field(default_factory=dict)  # unit -> the most anything costs

    def unit_for_change(self, unit: str) -> str:
        return self.change_unit or unit

    @property
    def point_changes(self) -> bool:
        """Its changes are stated per basis in fixed units (a rate's MoM and YoY in pp), not
        as one change in the level's unit (a price's "up 180 yuan/mt")."""
        return self.change_unit is not None

    @property
    def default_unit(self) -> str:
        return self.units[0]


def _band(low: int, high: int) -> tuple[Decimal, Decimal]:
    return Decimal(low), Decimal(high)


_PRICE_BANDS: dict[tuple[str, str], tuple[Decimal, Decimal]] = {
    ("copper", "CNY/t"): _band(30_000, 200_000),
    ("copper", "USD/t"): _band(3_000, 30_000),
    ("copper scrap", "CNY/t"): _band(25_000, 190_000),
    ("copper scrap", "USD/t"): _band(2_500, 28_000),
    # SHFE aluminium bottomed near 9,500 yuan/mt in late 2015
    ("aluminium", "CNY/t"): _band(8_000, 45_000),
    ("aluminium", "USD/t"): _band(1_000, 6_000),
    ("aluminium scrap", "CNY/t"): _band(5_000, 40_000),
    ("aluminium scrap", "USD/t"): _band(500, 5_000),
    ("adc12", "CNY/t"): _band(10_000, 45_000),
    ("adc12", "USD/t"): _band(1_000, 6_000),
    ("cast aluminium alloy", "CNY/t"): _band(10_000, 45_000),
    ("secondary aluminium alloy", "CNY/t"): _band(10_000, 45_000),
    ("alumina", "CNY/t"): _band(1_500, 10_000),
    ("alumina", "USD/t"): _band(200, 1_500),
    ("silicon", "CNY/t"): _band(5_000, 60_000),
    ("silicon", "USD/t"): _band(700, 8_000),
    ("zinc", "CNY/t"): _band(10_000, 50_000),
    ("zinc", "USD/t"): _band(1_000, 8_000),
    ("nickel", "CNY/t"): _band(60_000, 350_000),
    ("nickel", "USD/t"): _band(5_000, 60_000),
    ("lead", "CNY/t"): _band(8_000, 35_000),
    ("lead", "USD/t"): _band(1_000, 6_000),
    ("secondary lead", "CNY/t"): _band(6_000, 35_000),
    ("tin", "CNY/t"): _band(100_000, 600_000),
    ("tin", "USD/t"): _band(10_000, 80_000),
    ("cobalt", "CNY/t"): _band(80_000, 800_000),
    ("cobalt", "USD/t"): _band(10_000, 120_000),
    ("lithium carbonate", "CNY/t"): _band(30_000, 800_000),
    ("lithium carbonate", "USD/t"): _band(4_000, 100_000),
    ("aluminium fluoride", "CNY/t"): _band(4_000, 30_000),
    # Lithium metal is the dearest thing quoted per tonne: 3 million yuan at the 2022 peak.
    ("lithium metal", "CNY/t"): _band(300_000, 6_000_000),
    # Heavy rare earths are quoted in millions of yuan per tonne (terbium oxide was 15 million at
    # its 2021 peak, dysprosium oxide 3.5 million), and their metals cost more than the oxides.
    ("terbium oxide", "CNY/t"): _band(1_000_000, 25_000_000),
    ("terbium metal", "CNY/t"): _band(1_000_000, 30_000_000),
    ("dysprosium oxide", "CNY/t"): _band(500_000, 8_000_000),
    ("dysprosium metal", "CNY/t"): _band(500_000, 10_000_000),
    ("dysprosium-iron alloy", "CNY/t"): _band(500_000, 10_000_000),
    # Rare earth ores are quoted in tens of thousands of yuan a tonne; SMM's "monazite prices
    # adjusted to 5.38-5.48 yuan/mt" left out the ten-thousands.
    ("monazite", "CNY/t"): _band(5_000, 500_000),
    ("rare earth carbonate", "CNY/t"): _band(5_000, 500_000),
}

OPERATING_RATE = MetricSpec(
    Metric.OPERATING_RATE,
    "operating rate",
    units=("%",),
    change_unit="pp",
    level_band=_band(0, 100),
    max_change=Decimal(40),
)
PRICE = MetricSpec(
    Metric.PRICE,
    "price",
    units=("CNY/t", "USD/t"),
    change_unit=None,
    bands=_PRICE_BANDS,
    max_day_move_pct=Decimal(20),
    # The most anything quoted per tonne costs (cobalt, tin and lithium salts are the dearest).
    caps={"CNY/t": Decimal(2_000_000), "USD/t": Decimal(300_000)},
)
SPREAD = MetricSpec(
    Metric.SPREAD,
    "spread",
    units=("CNY/t", "USD/t"),
    change_unit=None,
    caps={"CNY/t": Decimal(200_000), "USD/t": Decimal(30_000)},
)
METRICS: Mapping[Metric, MetricSpec] = {
    spec.metric: spec for spec in (OPERATING_RATE, PRICE, SPREAD)
}


def spec(metric: Metric) -> MetricSpec:
    return METRICS[metric]


def named(name: str) -> MetricSpec | None:
    """The metric a config or corpus file names ("operating_rate"), or None."""
    return next((item for item in METRICS.values() if item.metric.value == name), None)


# the exchanges whose contracts the figures name as their market
EXCHANGES = frozenset({"LME", "SHFE", "COMEX", "GFEX", "ZCE", "INE"})


def _base(subject: str) -> str:
    return subject.split(" (")[0]


def price_floor(subject: str, unit: str) -> Decimal | None:
    """The lowest price the sanity bands allow a product's series, if they know it."""
    band = _PRICE_BANDS.get((_base(subject), unit))
    return band[0] if band is not None else None


def problem(figure: Figure) -> str | None:
    """Why a figure is implausible (a misreading, not a market move), or None."""
    metric = METRICS[figure.metric]
    numbers = [n for n in (figure.value, figure.low, figure.high) if n is not None]
    if metric.level_band is not None:
        low, high = metric.level_band
        for number in numbers:
            if not low <= number <= high:
                unit = figure.unit
                return f"an {metric.display} of {number}{unit} is outside {low}-{high}{unit}"
    if metric.max_change is not None:
        for basis, change in figure.changes.items():
            if abs(change) > metric.max_change:
                return f"a {basis.value} change of {change} pp is implausible"
    move = figure.change
    if (
        metric.max_day_move_pct is not None
        and move is not None
        and move.percent
        and move.basis in {None, ChangeBasis.DOD}
        and figure.region in EXCHANGES
        and abs(move.amount) > metric.max_day_move_pct
    ):
        return f"a move of {move.amount}% in a day is implausible"
    band = metric.bands.get((_base(figure.subject), figure.unit))
    if band is None and metric.caps.get(figure.unit) is not None:
        cap = metric.caps[figure.unit]
        band = (-cap, cap) if figure.metric is Metric.SPREAD else (Decimal(0), cap)
    if band is not None:
        low, high = band
        for number in numbers:
            if not low <= number <= high:
                return f"{figure.subject} at {number} {figure.unit} is outside {low}-{high}"
    if figure.low is not None and figure.high is not None and figure.low > figure.high:
        return f"range {figure.low}-{figure.high} is reversed"
    if (
        figure.metric is Metric.PRICE
        and figure.low is not None
        and figure.high is not None
        and figure.low > 0
        and figure.high > figure.low * _WIDEST_QUOTE
    ):
        # "7,700-79,000 yuan/mt" for a quote whose article gives 7,700-7,900: one digit too
        # many; a market's quoted range never spans a multiple of itself
        return f"range {figure.low}-{figure.high} spans more than {_WIDEST_QUOTE} times its low"
    return None


_WIDEST_QUOTE = 3


def check(figure: Figure) -> Figure:
    """The figure, quarantined with a reason when it falls outside its sanity bounds."""
    found = problem(figure)
    return figure if found is None else replace(figure, quarantined=found)
