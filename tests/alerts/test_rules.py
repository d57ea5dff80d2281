"""The rule state machine, table-driven: what fires, what does not, what it remembers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from alerts.models import Crossing, MovesBy, Rule
from alerts.rules import Side, evaluate
from scrapers.models import Bound, ChangeBasis, Figure, Metric
from tests.alerts.factories import price, rate

SWING = Rule("swing", Metric.OPERATING_RATE, MovesBy(ChangeBasis.MOM, Decimal(2)))
ABOVE_92K = Rule(
    "cu-92k", Metric.PRICE, Crossing(Bound.ABOVE, Decimal(92000)), subject="copper", unit="CNY/t"
)
BELOW_90K = Rule("cu-90k", Metric.PRICE, Crossing(Bound.BELOW, Decimal(90000)), subject="copper")


@pytest.mark.parametrize(
    ("figure", "fires"),
    [
        (rate("2.3"), True),
        (rate("-2.5"), True),  # a fall counts by its size
        (rate("2"), False),  # equal to the threshold is not more than it
        (rate("1.9"), False),
        (rate(None), False),  # no stated change
        (rate("3.0", forecast=True), False),  # forecasts never fire
        (price("95000"), False),  # another metric
    ],
)
def test_moves_by(figure: Figure, fires: bool) -> None:
    assert evaluate(SWING, figure, None).fires is fires


def test_moves_by_reason_is_signed_in_pp() -> None:
    assert evaluate(SWING, rate("-2.5"), None).reason == "MOM -2.5 pp"


@pytest.mark.parametrize(
    ("rule", "figure", "last", "fires", "side"),
    [
        (ABOVE_92K, price("92500"), None, True, Side.INSIDE),  # first sight above
        (ABOVE_92K, price("92000", bound=Bound.ABOVE), None, True, Side.INSIDE),  # "broke through"
        (ABOVE_92K, price("92000"), None, False, Side.OUTSIDE),  # equal is not above
        (ABOVE_92K, price("92500"), Side.INSIDE, False, Side.INSIDE),  # staying above: no repeat
        (ABOVE_92K, price("91000"), Side.INSIDE, False, Side.OUTSIDE),  # back below re-arms
        (ABOVE_92K, price("93000"), Side.OUTSIDE, True, Side.INSIDE),  # and crossing again fires
        (ABOVE_92K, price(None, low="92100", high="92500"), None, True, Side.INSIDE),
        (ABOVE_92K, price(None, low="91500", high="92500"), None, False, None),  # straddles
        (ABOVE_92K, price("95000", unit="USD/t"), None, False, None),  # other currency
        (ABOVE_92K, price("95000", subject="aluminium"), None, False, None),  # other subject
        (ABOVE_92K, price("95000", forecast=True), None, False, None),
        (BELOW_90K, price("90000", bound=Bound.BELOW), None, True, Side.INSIDE),  # "fell below"
        (BELOW_90K, price("89000"), Side.INSIDE, False, Side.INSIDE),
        (BELOW_90K, price("91000"), Side.INSIDE, False, Side.OUTSIDE),
    ],
)
def test_crossings(
    rule: Rule, figure: Figure, last: Side | None, fires: bool, side: Side | None
) -> None:
    decision = evaluate(rule, figure, last)
    assert decision.fires is fires
    assert decision.side is side


def test_subject_glob_is_case_insensitive() -> None:
    rule = Rule(
        "alu", Metric.OPERATING_RATE, MovesBy(ChangeBasis.MOM, Decimal(1)), subject="Aluminium*"
    )
    assert evaluate(rule, rate("1.5", subject="aluminium extrusion"), None).fires
    assert not evaluate(rule, rate("1.5", subject="secondary aluminium"), None).fires
