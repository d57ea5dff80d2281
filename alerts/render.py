"""Message rendering: one Alert in, Telegram-flavoured HTML out, every value escaped."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from html import escape as _escape_attribute
from zoneinfo import ZoneInfo

from alerts.models import Alert, Crossing, MovesBy
from alerts.rules import change_unit
from scrapers.models import Bound, Figure, Metric

CHINA_TIME = ZoneInfo("Asia/Shanghai")
EVIDENCE_LIMIT = 700  # characters; keeps a message well inside Telegram's 4096
_METRIC_NAMES = {
    Metric.OPERATING_RATE: "operating rate",
    Metric.PRICE: "price",
    Metric.SPREAD: "spread",
}
_SOURCE_NAMES = {"alcircle": "AL Circle", "smm": "SMM"}
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def escape(text: str) -> str:
    """Escape for a Telegram HTML text node: only <, > and & are special there."""
    return _escape_attribute(text, quote=False)


def format_number(number: Decimal) -> str:
    """92000 -> "92,000"; 44.0 stays "44.0": the precision the article gave is kept."""
    return f"{number:,f}"


def format_quantity(number: Decimal, unit: str) -> str:
    if unit == "%":
        return f"{format_number(number)}%"
    return f"{format_number(number)} {unit}"


def format_signed(number: Decimal, unit: str) -> str:
    sign = "+" if number > 0 else "−" if number < 0 else "±"
    return f"{sign}{format_number(abs(number))} {unit}"


def format_period(period: str | None) -> str:
    if period and len(period) == 7 and period[4] == "-" and period[5:].isdigit():
        return f"{_MONTHS[int(period[5:]) - 1]} {period[:4]}"
    return period or ""


def format_china_time(moment: datetime) -> str:
    return moment.astimezone(CHINA_TIME).strftime("%d %b %Y %H:%M") + " China time"


def _level(figure: Figure) -> str:
    if figure.value is not None:
        level = format_quantity(figure.value, figure.unit)
        if figure.bound is Bound.ABOVE:
            return f"above {level}"
        if figure.bound is Bound.BELOW:
            return f"below {level}"
        return level
    if figure.low is not None and figure.high is not None:
        return f"{format_number(figure.low)}–{format_quantity(figure.high, figure.unit)}"
    return ""


def _changes(figure: Figure) -> str:
    parts = [
        f"{basis.value.upper()} {format_signed(amount, change_unit(figure))}"
        for basis, amount in figure.changes.items()
    ]
    if figure.change is not None:
        unit = "%" if figure.change.percent else figure.unit
        parts.append(f"change {format_signed(figure.change.amount, unit)}")
    return ", ".join(parts)


def _condition(alert: Alert) -> str:
    condition = alert.rule.condition
    if isinstance(condition, MovesBy):
        return condition.describe(change_unit(alert.figure))
    assert isinstance(condition, Crossing)
    return condition.describe(alert.figure.unit)


def _evidence(text: str) -> str:
    if len(text) > EVIDENCE_LIMIT:
        text = text[: EVIDENCE_LIMIT - 1].rstrip() + "…"
    return text


def render(alert: Alert) -> str:
    """The Telegram message for one alert (HTML parse mode)."""
    figure, article = alert.figure, alert.article
    heading = f"{figure.subject} {_METRIC_NAMES[figure.metric]}"
    heading = heading[0].upper() + heading[1:]
    where = " · ".join(part for part in (figure.region, format_period(figure.period)) if part)
    facts = ", ".join(part for part in (_level(figure), _changes(figure)) if part)
    source = _SOURCE_NAMES.get(article.source, article.source)
    lines = [
        f"🔔 <b>{escape(heading)}</b> · {escape(where)}",
        f"<b>{escape(facts)}</b>",
        f"Rule <code>{escape(alert.rule.name)}</code>: {escape(_condition(alert))}",
        f"<i>“{escape(_evidence(figure.evidence))}”</i>",
        f'<a href="{_escape_attribute(article.url)}">{escape(article.title or article.url)}</a>'
        f" · {escape(source)} · {escape(format_china_time(article.published_at))}",
    ]
    return "\n".join(lines)
