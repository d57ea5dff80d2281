"""Size groups a survey names by capacity band instead of by size word."""

from datetime import date
from decimal import Decimal

import pytest

from scrapers.extract import extract_text

SURVEY = (
    "SHANGHAI, Jul. 12 (SMM) -- The average operating rate of the surveyed zinc smelters was "
    "81.2% in June. Operating rates at smelters with capacity between 100-200 kt/yr (including "
    "100 kt/yr and 200 kt/yr) were 88.4%. Operating rates at smelters with capacity greater than "
    "200 kt/yr were 77.9%, while operating rates at smelters with capacity of 20-100 kt/yr were "
    "69.5%."
)


def _rates(text: str) -> dict[str, Decimal | None]:
    return {
        figure.subject: figure.value
        for figure in extract_text(text, date(2010, 7, 12), "")
        if figure.metric.value == "operating_rate"
    }


def test_kiloton_bands_name_the_small_medium_and_large_smelters() -> None:
    assert _rates(SURVEY) == {
        "zinc smelting": Decimal("81.2"),
        "zinc smelting (medium enterprises)": Decimal("88.4"),
        "zinc smelting (large enterprises)": Decimal("77.9"),
        "zinc smelting (small enterprises)": Decimal("69.5"),
    }


@pytest.mark.parametrize(
    ("band", "group"),
    [
        # a band that starts under 50,000 t a year is the survey's smallest
        ("with annual capacity of 20,000-50,000 mt", "small enterprises"),
        # ... one that starts at it or above is a middle band, in tonnes or in kt
        ("with annual capacity of 50,000-100,000 mt", "medium enterprises"),
        ("with capacity of 50-100 kt/yr", "medium enterprises"),
        ("with capacity more than 150kt/yr", "large enterprises"),
    ],
)
def test_a_band_is_read_by_where_it_starts(band: str, group: str) -> None:
    text = (
        "SMM surveyed secondary lead smelters. The average operating rate was 50.3% in March. "
        f"The operating rate of plants {band} was 44.1% in March."
    )
    assert _rates(text)[f"secondary lead ({group})"] == Decimal("44.1")


def test_a_band_that_kept_its_rate_holds_it_flat() -> None:
    text = (
        "SHANGHAI, Oct. 24 (SMM) -- The surveyed zinc smelters made 253.8 kt in September, with "
        "operating rates at 80.57%. Smelters with capacity more than 150kt/yr maintained previous "
        "operating rates."
    )
    figures = {f.subject: f for f in extract_text(text, date(2009, 10, 24), "")}
    held = figures["zinc smelting (large enterprises)"]
    assert held.value is None
    assert {basis.value: change for basis, change in held.changes.items()} == {"mom": Decimal(0)}


def test_bands_in_tonnes_with_capacities_and_a_group_named_after_its_rate() -> None:
    text = (
        "SHANGHAI, Jun. 25 (SMM) – The average operating rate at the surveyed secondary lead "
        "smelters during May fell by 8.21 percentage points MoM to 37.23%. Production cuts of "
        "Baoding Anjian Nonferrous Metals and Tianjin Toho Lead Recycling drove the rate at small "
        "smelters with capacities below 100,000 mt/yr down by 28.85 percentage points MoM to "
        "18.84%. Operating rates at SMEs were lower, with the average rate down 1.28 percentage "
        "points MoM to 36.11% at medium smelters."
    )
    figures = {
        (figure.subject, figure.region): figure.value
        for figure in extract_text(text, date(2013, 6, 25), "")
    }
    # the small smelters are China's: Tianjin opens a firm's name, it is not where they are
    assert figures == {
        ("secondary lead", "China"): Decimal("37.23"),
        ("secondary lead (small enterprises)", "China"): Decimal("18.84"),
        ("secondary lead (medium enterprises)", "China"): Decimal("36.11"),
    }
