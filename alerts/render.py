"""Message rendering: one Alert in, Telegram-flavoured HTML out, every value escaped."""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal
from html import escape as _escape_attribute
from html import unescape
from zoneinfo import ZoneInfo

from alerts.models import Alert, AlertContent, AlertKind
from alerts.rules import change_unit
from scrapers.extract import metrics
from scrapers.models import Article, Bound, Figure

CHINA_TIME = ZoneInfo("Asia/Shanghai")
EVIDENCE_LIMIT = 700  # characters; keeps a message well inside Telegram's 4096
MESSAGE_LIMIT = 4096  # Telegram's limit for one text message
_TAG = re.compile(r"<[^>]+>")
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


def facts_line(figure: Figure) -> str:
    """A figure's level and changes on one line: "46.3%, MOM +2.3 pp"."""
    return ", ".join(part for part in (_level(figure), _changes(figure)) if part)


def rule_label(name: str) -> str:
    """How a message names its rule: "Rule <code>copper-above-92k</code>", or a chat's own
    rule by its number there, "Your rule #1"."""
    if name.startswith("chat:"):
        return f"Your rule #{name.rsplit(':', 1)[1]}"
    return f"Rule <code>{escape(name)}</code>"


def _evidence(text: str) -> str:
    if len(text) > EVIDENCE_LIMIT:
        text = text[: EVIDENCE_LIMIT - 1].rstrip() + "…"
    return text


_KIND_PREFIX = {
    AlertKind.FIRED: "🔔",
    AlertKind.STILL: "🔁 Still:",
    AlertKind.RESOLVED: "✅ Resolved:",
    AlertKind.REVISED: "✏️ Revised:",
}


def _source_line(article: Article) -> str:
    source = _SOURCE_NAMES.get(article.source, article.source)
    return (
        f'<a href="{_escape_attribute(article.url)}">{escape(article.title or article.url)}</a>'
        f" · {escape(source)} · {escape(format_china_time(article.published_at))}"
    )


def render(alert: Alert | AlertContent) -> str:
    """The Telegram message for one alert (HTML parse mode), one block per line."""
    content = alert.content if isinstance(alert, Alert) else alert
    figure = content.figure
    heading = f"{figure.subject} {metrics.spec(figure.metric).display}"
    heading = heading[0].upper() + heading[1:]
    where = " · ".join(part for part in (figure.region, format_period(figure.period)) if part)
    facts = facts_line(figure)
    rule_line = f"{rule_label(content.rule)}: {escape(content.condition)}"
    if content.kind is not AlertKind.FIRED:
        rule_line += f" ({escape(content.reason)})"
    lines = [
        f"{_KIND_PREFIX[alert.kind]} <b>{escape(heading)}</b> · {escape(where)}",
        f"<b>{escape(facts)}</b>",
        rule_line,
        f"<i>“{escape(_evidence(figure.evidence))}”</i>",
    ]
    lines.extend(_source_line(article) for article in (content.sources or (content.article,)))
    return "\n".join(lines)


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Parts of at most ``limit`` characters, cut between lines (each line is whole HTML), never
    inside a tag. A single line longer than the limit loses its markup and is cut in words."""
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        if len(line) > limit:
            line = _plain(line)
            while len(line) > limit:
                cut = line.rfind(" ", 0, limit)
                cut = cut if cut > 0 else limit
                parts.extend([current] if current else [])
                current = ""
                parts.append(escape(line[:cut]))
                line = line[cut:].lstrip()
            line = escape(line)
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            parts.append(current)
            current = line
        else:
            current = candidate
    if current:
        parts.append(current)
    return parts


def _plain(html: str) -> str:
    return unescape(_TAG.sub("", html))


def to_plain_text(html: str) -> str:
    """The same message without markup, for a chat that refused to parse it."""
    return "\n".join(_plain(line) for line in html.split("\n"))
