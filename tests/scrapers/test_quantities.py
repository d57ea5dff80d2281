"""How numbers with their units are read out of a sentence, before anyone decides whose they are."""

from decimal import Decimal

import pytest

from scrapers.extract.quantities import Kind
from scrapers.extract.quantities import read as read_quantities


def _ranges(folded: str) -> list[tuple[Decimal, Decimal | None]]:
    return [(q.value, q.high) for q in read_quantities(folded) if q.kind is Kind.MONEY]


def test_a_range_printed_without_its_low_ends_zeros_is_read_as_an_analyst_reads_it() -> None:
    assert _ranges("today smm cobalt oxide quoted 17-175000 yuan / ton.") == [
        (Decimal(170000), Decimal(175000))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a premium of 0-50 yuan/mt", (Decimal(0), Decimal(50))),
        ("a discount of 5-10 yuan/mt", (Decimal(5), Decimal(10))),
        ("quoted at 16,000-16,100 yuan/mt", (Decimal(16000), Decimal(16100))),
        # 12 is not the leading digits of 175000: the range stays as printed
        ("quoted at 12-175000 yuan/mt", (Decimal(12), Decimal(175000))),
    ],
)
def test_other_ranges_stay_as_printed(text: str, expected: tuple[Decimal, Decimal]) -> None:
    assert _ranges(text) == [expected]
