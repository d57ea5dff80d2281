"""How products are named: one word list per concept makes every name, grades as written."""

import pytest

from scrapers.extract.names import known_products


def _names(text: str) -> list[str]:
    return [name for *_, name in known_products(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2# low-bismuth antimony ingot at", "antimony (#2, low-bismuth)"),
        ("no. 1 antimony ingot at", "antimony (#1)"),
        ("dysprosium oxide prices edged down", "dysprosium oxide"),
        ("terbium metal was", "terbium metal"),
        ("pr-nd alloy prices", "praseodymium-neodymium metal"),
        (
            "the average spot price of domestic electrolytic manganese (emm) was",
            "electrolytic manganese",
        ),
        ("philippine laterite nickel ore with ni1.3% stands at", "nickel ore (philippines, 1.3%)"),
        ("1.6% grade indonesian nickel ore reached", "nickel ore (indonesia, 1.6%)"),
        ("the fob price of indonesian mhp cobalt is", "mhp (cobalt)"),
        ("battery-grade nickel sulphate (crystal) was", "nickel sulphate (battery-grade)"),
    ],
)
def test_a_product_is_named_with_the_grades_written_around_it(text: str, expected: str) -> None:
    assert _names(text) == [expected]


def test_a_grade_word_holding_another_metal_does_not_name_that_metal() -> None:
    # "low-bismuth" is a grade of antimony, not bismuth
    assert _names("no.2 low-bismuth antimony ingot") == ["antimony (#2, low-bismuth)"]
