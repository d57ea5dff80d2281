"""Rule evaluation: does this figure fire this rule, given what the rule has seen before?

Semantics (DESIGN.md section 4):
- ``moves_by`` fires once per fact (subject, region, period, basis) whose stated change exceeds
  the threshold in absolute value; the dedup key makes every later copy of the fact a no-op.
- ``above``/``below`` fire on *crossing* into the region, once, and re-arm only after a value on
  the other side. "Broke through X" counts as above X; a value equal to X is not above it.
Forecasts and quarantined figures never fire rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from alerts.models import Crossing, MovesBy, Rule
from scrapers.models import Bound, Figure


class Side(StrEnum):
    INSIDE = "inside"  # in the region the rule watches (above an `above` threshold, ...)
    OUTSIDE = "outside"


@dataclass(frozen=True, slots=True)
class Decision:
    fires: bool
    reason: str = ""
    side: Side | None = None  # the crossing state to remember, when the figure decides one


NO_DECISION = Decision(fires=False)


def state_key(rule: Rule, figure: Figure) -> str:
    """The series a crossing rule tracks: one per subject, region and unit."""
    return f"{rule.name}|{figure.subject}|{figure.region}|{figure.unit}"


def fact_key(rule: Rule, figure: Figure) -> str:
    """What makes two figures the same fact for a rule, whichever article carried them.

    With a period, the fact is (subject, region, period): a later, different number for it is a
    revision, not a new fact. Without one (a price "recently broke through"), the numbers
    themselves identify the fact across republications.
    """
    series = f"{rule.name}|{figure.metric}|{figure.subject}|{figure.region}"
    if figure.period:
        return f"{series}|{figure.period}"
    changes = ",".join(
        f"{basis.value}={amount}" for basis, amount in sorted(figure.changes.items())
    )
    change = figure.change.amount if figure.change else None
    return f"{series}|{figure.value}|{figure.low}|{figure.high}|{changes}|{change}|{figure.unit}"


def _side(condition: Crossing, figure: Figure) -> Side | None:
    threshold = condition.threshold
    if figure.value is not None:
        low = high = figure.value
    elif figure.low is not None and figure.high is not None:
        low, high = figure.low, figure.high
    else:
        return None
    if condition.bound is Bound.ABOVE:
        # "broke through 92,000" states a value beyond 92,000 even though the number is 92,000.
        inside = low > threshold or (low == threshold and figure.bound is Bound.ABOVE)
        outside = high <= threshold and figure.bound is not Bound.ABOVE
    else:
        inside = high < threshold or (high == threshold and figure.bound is Bound.BELOW)
        outside = low >= threshold and figure.bound is not Bound.BELOW
    if inside:
        return Side.INSIDE
    if outside:
        return Side.OUTSIDE
    return None  # a range that straddles the threshold decides nothing


def _evaluate_moves_by(condition: MovesBy, figure: Figure, unit: str) -> Decision:
    change = figure.changes.get(condition.basis)
    if change is None or abs(change) <= condition.threshold:
        return NO_DECISION
    return Decision(fires=True, reason=f"{condition.basis.value.upper()} {change:+} {unit}")


def _evaluate_crossing(condition: Crossing, figure: Figure, last: Side | None) -> Decision:
    side = _side(condition, figure)
    if side is None:
        return NO_DECISION
    fires = side is Side.INSIDE and last is not Side.INSIDE
    reason = f"{condition.bound.value} {condition.threshold:,} {figure.unit}" if fires else ""
    return Decision(fires=fires, reason=reason, side=side)


def change_unit(figure: Figure) -> str:
    return "pp" if figure.unit == "%" else figure.unit


def evaluate(rule: Rule, figure: Figure, last: Side | None) -> Decision:
    """Decide one rule on one figure; ``last`` is the rule's remembered side for the series."""
    if figure.forecast or figure.quarantined or not rule.applies_to(figure):
        return NO_DECISION
    condition = rule.condition
    if isinstance(condition, MovesBy):
        return _evaluate_moves_by(condition, figure, change_unit(figure))
    return _evaluate_crossing(condition, figure, last)
