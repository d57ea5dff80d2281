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
        # ten-thousands kept from the Chinese source, with a decimal
        ("oxide quotation 26.6-269000 yuan / ton", (Decimal(266000), Decimal(269000))),
        # the low end's decimal point lost before a scale word
        ("dysprosium oxide 193-1.95 million yuan / ton", (Decimal(1930000), Decimal(1950000))),
        ("terbium oxide 415-4.2 million yuan / ton", (Decimal(4150000), Decimal(4200000))),
        # the scale word written on both ends
        ("climbed to 4.1 million-4.15 million yuan/mt", (Decimal(4100000), Decimal(4150000))),
    ],
)
def test_a_range_printed_short_is_read_at_the_high_ends_magnitude(
    text: str, expected: tuple[Decimal, Decimal]
) -> None:
    assert _ranges(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a premium of 0-50 yuan/mt", (Decimal(0), Decimal(50))),
        # a deep-end discount is not a low end printed short
        ("a discount of 300-30 yuan/mt", (Decimal(30), Decimal(300))),
        ("a discount of 5-10 yuan/mt", (Decimal(5), Decimal(10))),
        ("quoted at 16,000-16,100 yuan/mt", (Decimal(16000), Decimal(16100))),
        # 12 is not the leading digits of 175000: the range stays as printed
        ("quoted at 12-175000 yuan/mt", (Decimal(12), Decimal(175000))),
    ],
)
def test_other_ranges_stay_as_printed(text: str, expected: tuple[Decimal, Decimal]) -> None:
    assert _ranges(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "the cif price of ni1.3% is $43.5-45/wmt",
        "was usd 26–28/wet ton",
        "at $12,634/mt (ni contained)",
        "was $15,142/dmt",
    ],
)
def test_ore_sold_by_the_wet_or_dry_tonne_is_priced_per_tonne(text: str) -> None:
    (quantity,) = [q for q in read_quantities(text) if q.kind is Kind.MONEY]
    assert (quantity.unit, quantity.per_tonne) == ("USD/t", True)


def test_a_price_per_nickel_point_is_not_per_tonne() -> None:
    assert [q.kind for q in read_quantities("at 950 yuan/nickel point")] == [Kind.OTHER]


@pytest.mark.parametrize(
    "text",
    [
        "now standing at inr 216,000 per tonne week-on-week",
        "tense scrap prices also saw a decrease, reaching rs 185,000 per tonne",
        "the ingot was offered at €2,450 per tonne",
    ],
)
def test_money_in_a_currency_no_figure_is_kept_in_is_no_price(text: str) -> None:
    # a price per tonne with no currency word is read as yuan; one named in rupees or euros is
    # not a figure's money at all
    assert [q.kind for q in read_quantities(text)] == [Kind.OTHER]


def test_yuan_per_tonne_without_a_currency_word_is_still_money() -> None:
    (quantity,) = read_quantities("reaching 185,000 per tonne")
    assert (quantity.kind, quantity.unit) == (Kind.MONEY, "CNY/t")


def test_an_amount_per_tonne_after_one_in_rupees_is_in_rupees_too() -> None:
    # "rose INR 2,000 per tonne, to 240,850 per tonne": the level takes the move's currency
    kinds = [q.kind for q in read_quantities("rose inr 2,000 per tonne, to 240,850 per tonne")]
    assert kinds == [Kind.OTHER, Kind.OTHER]


def test_an_amount_per_tonne_after_one_in_dollars_is_still_yuan() -> None:
    # only a foreign currency no figure is kept in carries over; "$" does not make yuan dollars
    quantities = read_quantities("lme rose $20/mt, and spot reached 20,500 per tonne")
    assert [(q.kind, q.unit) for q in quantities] == [
        (Kind.MONEY, "USD/t"),
        (Kind.MONEY, "CNY/t"),
    ]


def test_a_quote_per_unit_of_metal_keeps_its_unit_beside_a_move_per_tonne() -> None:
    # "closed at 280,000-281,000 yuan/mtu, down 2,000 yuan/mt WoW": the move's misprinted unit
    # does not make the quote a price per tonne (a close written with no unit at all would take it)
    quote, move = read_quantities("closed at 280,000-281,000 yuan/mtu, down 2,000 yuan/mt wow.")
    assert (quote.kind, quote.unit) == (Kind.OTHER, None)
    assert (move.kind, move.unit) == (Kind.MONEY, "CNY/t")
    bare, _ = read_quantities("fer2509 closed at 5,660 yesterday, down 64 yuan")
    assert (bare.kind, bare.unit) == (Kind.MONEY, "CNY/t")


def test_a_dollar_quote_per_unit_of_metal_is_read_whole() -> None:
    text = "european apt was at 610-685 $/mtu"
    (quote,) = read_quantities(text)
    assert (quote.kind, quote.value, quote.end) == (Kind.OTHER, Decimal(610), len(text))


def test_a_range_with_the_unit_on_both_ends_joined_by_to() -> None:
    (quote,) = read_quantities("in the range of us$2,180 per tonne to 2,190 per tonne cif japan")
    assert (quote.value, quote.high, quote.unit) == (Decimal(2180), Decimal(2190), "USD/t")


def test_from_one_price_to_another_is_two_prices_not_a_range() -> None:
    text = "rose by us$22 per tonne from us$2,915 per tonne to us$2,937 per tonne"
    values = [(q.value, q.high) for q in read_quantities(text)]
    assert values == [(Decimal(22), None), (Decimal(2915), None), (Decimal(2937), None)]
