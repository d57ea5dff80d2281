"""Rule evaluation: what one figure means for one rule, given what the rule remembers.

Pure functions over explicit state; the engine loads the state from the store and saves what
comes back. Semantics (DESIGN.md section 4, in the vocabulary of alert managers):

- ``moves_by`` fires once per fact (rule, subject, region, period) whose change exceeds the
  threshold in absolute value; every later copy of the fact, from any site, is a no-op.
- ``above``/``below`` fire on *crossing* into the region, once; they re-arm after a value on the
  other side of the re-arm level (hysteresis). "Broke through X" counts as above X; a value equal
  to X is not above it.
- Crossings follow the data's period order, not the order articles arrive in: a late article
  about an older period never crosses against a newer value.
- A different value for a period already seen is a revision; it sends one "revised" message when
  it changes whether the rule fires.
- Forecasts and quarantined figures never fire; figures about periods, or in articles, older
  than ``max_age`` are history: they move state but never alert.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from alerts.models import AlertKind, Crossing, FirstObservation, MovesBy, Rule
from scrapers.extract import metrics
from scrapers.models import Bound, Figure


class Side(StrEnum):
    INSIDE = "inside"  # beyond the threshold: fired, not yet re-armed
    OUTSIDE = "outside"  # armed


@dataclass(frozen=True, slots=True)
class SeriesState:
    """What a rule remembers about one series (rule, subject, region, unit)."""

    side: Side | None = None  # crossing rules only
    order: str | None = None  # the latest period (or publication day) seen
    value: Decimal | None = None  # the value that decided ``side``
    fired_at: datetime | None = None  # for cooldown
    sent_at: datetime | None = None  # for repeat


@dataclass(frozen=True, slots=True)
class FactState:
    """What a rule decided about one fact, to recognise a revision of it."""

    signature: str
    fired: bool


@dataclass(frozen=True, slots=True)
class Decision:
    kind: AlertKind | None  # None: nothing to send
    reason: str = ""
    series: SeriesState | None = None  # the series state to save, when it changed
    fact: FactState | None = None  # the fact state to save, when it changed
    suppressed: str = ""  # why a firing was not sent (cooldown, history, baseline)


NOTHING = Decision(kind=None)


def series_key(rule: Rule, figure: Figure) -> str:
    """The series a rule tracks: one per subject, region and unit."""
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


def change_unit(figure: Figure) -> str:
    return "pp" if figure.unit == "%" else figure.unit


def order_of(figure: Figure, published: date) -> str:
    """Where a figure sits in data order: its period, else the day it was published."""
    return figure.period or published.isoformat()


def period_end(period: str | None) -> date | None:
    """The last day a period covers: "2025-11" -> 30 Nov 2025, "2025-W47" -> that Sunday."""
    if not period:
        return None
    try:
        if "-W" in period:
            return date.fromisocalendar(int(period[:4]), int(period[6:]), 7)
        year, month = int(period[:4]), int(period[5:7])
    except ValueError:
        return None
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def is_history(rule: Rule, figure: Figure, published: datetime, now: datetime) -> bool:
    """Too old to be news: the article, or the period the figure is about, is past max_age."""
    oldest = now - rule.options.max_age
    if published < oldest:
        return True
    end = period_end(figure.period)
    return end is not None and end < oldest.date()


# -- moves_by ----------------------------------------------------------------------------------


def stated_change(condition: MovesBy, figure: Figure) -> tuple[Decimal, str] | None:
    """The change the rule compares, with its display unit, if the figure states one."""
    spec = metrics.spec(figure.metric)
    if spec.point_changes:
        if condition.basis is None or condition.basis not in figure.changes:
            return None
        return figure.changes[condition.basis], spec.unit_for_change(figure.unit)
    change = figure.change
    if change is None or (
        condition.basis is not None and change.basis not in (None, condition.basis)
    ):
        return None
    if condition.percent:
        if change.percent:
            return change.amount, "%"
        if figure.value is None or figure.value == change.amount:
            return None
        before = figure.value - change.amount
        return (change.amount / before * 100).quantize(Decimal("0.01")), "%"
    if change.percent:
        return None
    return change.amount, figure.unit


def _moves_by(
    rule: Rule,
    condition: MovesBy,
    figure: Figure,
    series: SeriesState | None,
    fact: FactState | None,
    computed: Decimal | None,
    history: bool,
    now: datetime,
) -> Decision:
    found = stated_change(condition, figure)
    if found is None and computed is not None:
        found = (computed, change_unit(figure))
    if found is None:
        return NOTHING
    change, unit = found
    fires = abs(change) > condition.threshold
    basis = f"{condition.basis.value.upper()} " if condition.basis else ""
    reason = f"{basis}{change:+} {unit}"
    signature = f"{change}"
    new_series = replace(
        series or SeriesState(), order=figure.period or (series.order if series else None)
    )
    if fact is not None:
        if fact.signature == signature or fact.fired == fires:
            # The same fact again (another site), or a revision that changes nothing.
            return Decision(
                kind=None,
                fact=FactState(signature, fact.fired) if fact.signature != signature else None,
            )
        verb = "now exceeds" if fires else "no longer exceeds"
        revised = f"revised to {reason}: {verb} {condition.threshold} {unit}"
        return Decision(kind=AlertKind.REVISED, reason=revised, fact=FactState(signature, fires))
    if not fires:
        return Decision(kind=None, fact=FactState(signature, False), series=new_series)
    suppressed = _suppression(rule, series, history, now, first=series is None)
    if suppressed:
        return Decision(
            kind=None, fact=FactState(signature, True), series=new_series, suppressed=suppressed
        )
    return Decision(
        kind=AlertKind.FIRED,
        reason=reason,
        fact=FactState(signature, True),
        series=replace(new_series, fired_at=now, sent_at=now),
    )


def _suppression(
    rule: Rule, series: SeriesState | None, history: bool, now: datetime, *, first: bool
) -> str:
    if history:
        return "history"
    if first and rule.first_observation is FirstObservation.BASELINE:
        return "baseline"
    cooldown = rule.options.cooldown
    if cooldown and series and series.fired_at and now - series.fired_at < cooldown:
        return "cooldown"
    return ""


# -- above / below -----------------------------------------------------------------------------


def side_of(condition: Crossing, figure: Figure, previous: Side | None) -> Side | None:
    """Which side of the rule a figure is on, or None when it decides nothing.

    Between the threshold and the re-arm level a series keeps the side it had (hysteresis).
    """
    if figure.value is not None:
        low = high = figure.value
    elif figure.low is not None and figure.high is not None:
        low, high = figure.low, figure.high
    else:
        return None
    threshold, rearm = condition.threshold, condition.rearm_level
    if condition.bound is Bound.ABOVE:
        # "broke through 92,000" states a value beyond 92,000 even though the number is 92,000.
        inside = low > threshold or (low == threshold and figure.bound is Bound.ABOVE)
        outside = high <= rearm and not (high == threshold and figure.bound is Bound.ABOVE)
    else:
        inside = high < threshold or (high == threshold and figure.bound is Bound.BELOW)
        outside = low >= rearm and not (low == threshold and figure.bound is Bound.BELOW)
    if inside:
        return Side.INSIDE
    if outside:
        return Side.OUTSIDE
    not_beyond = high <= threshold if condition.bound is Bound.ABOVE else low >= threshold
    if not_beyond:
        # In the hysteresis band: a fired series stays fired; anything else is armed.
        return previous or Side.OUTSIDE
    return None  # a range that straddles the threshold decides nothing


def _stated_crossing(condition: Crossing, figure: Figure) -> bool:
    """ "Copper broke through RMB 92,000" against an above-92,000 rule: the article itself says
    the line was crossed, so it alerts even as the first observation."""
    return figure.bound is condition.bound and figure.value == condition.threshold


def _crossing(
    rule: Rule,
    condition: Crossing,
    figure: Figure,
    series: SeriesState | None,
    order: str,
    history: bool,
    now: datetime,
) -> Decision:
    previous = series.side if series else None
    side = side_of(condition, figure, previous)
    if side is None:
        return NOTHING
    value = figure.value if figure.value is not None else figure.low
    if series is not None and series.order is not None:
        if order < series.order:
            return NOTHING  # an older period: newer data already decided this series
        if figure.period and order == series.order and value != series.value:
            return _revised_crossing(condition, figure, series, side, value)
    state = replace(series or SeriesState(), side=side, order=order, value=value)
    unit = figure.unit
    if side is Side.INSIDE and previous is not Side.INSIDE:
        first = previous is None
        suppressed = _suppression(rule, series, history, now, first=first)
        if suppressed == "baseline" and _stated_crossing(condition, figure):
            suppressed = ""
        reason = f"{condition.bound.value} {condition.threshold:,} {unit}"
        if suppressed:
            return Decision(kind=None, series=state, suppressed=suppressed)
        return Decision(
            kind=AlertKind.FIRED, reason=reason, series=replace(state, fired_at=now, sent_at=now)
        )
    if side is Side.INSIDE:
        repeat = rule.options.repeat
        if repeat and not history and series and series.sent_at and now - series.sent_at >= repeat:
            reason = f"still {condition.bound.value} {condition.threshold:,} {unit}"
            return Decision(kind=AlertKind.STILL, reason=reason, series=replace(state, sent_at=now))
        return Decision(kind=None, series=state)
    if previous is Side.INSIDE and rule.options.send_resolved and not history:
        back = "below" if condition.bound is Bound.ABOVE else "above"
        reason = f"back {back} {condition.rearm_level:,} {unit}: re-armed"
        return Decision(kind=AlertKind.RESOLVED, reason=reason, series=state)
    return Decision(kind=None, series=state)


def _revised_crossing(
    condition: Crossing, figure: Figure, series: SeriesState, side: Side, value: Decimal | None
) -> Decision:
    state = replace(series, side=side, value=value)
    if side is series.side:
        return Decision(kind=None, series=state)
    now_where = f"{condition.bound.value} {condition.threshold:,} {figure.unit}"
    verb = "now" if side is Side.INSIDE else "no longer"
    reason = f"revised from {series.value:,} to {value:,}: {verb} {now_where}"
    return Decision(kind=AlertKind.REVISED, reason=reason, series=state)


# -- entry point -------------------------------------------------------------------------------


def evaluate(
    rule: Rule,
    figure: Figure,
    *,
    series: SeriesState | None,
    fact: FactState | None,
    published: datetime,
    now: datetime,
    computed_change: Decimal | None = None,
) -> Decision:
    """Decide one rule on one figure.

    ``series`` and ``fact`` are what the rule remembers; ``computed_change`` is the change from
    the stored previous period, for a figure that states only its level.
    """
    if figure.forecast or figure.quarantined or not rule.applies_to(figure):
        return NOTHING
    expires = rule.options.expires
    if expires is not None and now.date() > expires:
        return NOTHING
    history = is_history(rule, figure, published, now)
    condition = rule.condition
    if isinstance(condition, MovesBy):
        return _moves_by(rule, condition, figure, series, fact, computed_change, history, now)
    return _crossing(
        rule, condition, figure, series, order_of(figure, published.date()), history, now
    )
