"""What the bot says back: Telegram HTML, every value escaped, one screen at most."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from datetime import datetime, timedelta

from alerts.models import Crossing, MovesBy, Rule
from alerts.render import escape, format_period
from alerts.render import facts_line as _facts
from alerts.rules import Side, change_unit, is_history, stated_change
from alerts.store.lookups import RememberedSeries, StoredFigure
from scrapers.extract import metrics
from scrapers.models import Figure

COMMANDS = (
    ("latest", "newest figures for a subject: /latest copper"),
    ("subscribe", "the channel's alerts here, optionally filtered: /subscribe copper"),
    ("unsubscribe", "stop the channel's alerts here"),
    ("alert", "your own threshold: /alert copper above 95000 CNY/t"),
    ("alerts", "your thresholds, with their ids"),
    ("delete", "delete one of your thresholds: /delete 3"),
    ("mute", "pause your private alerts: /mute 1d"),
    ("rules", "the channel's rules and yours, with their state"),
    ("why", "why a subject's last figure did or did not alert: /why copper"),
    ("help", "what this bot does"),
)


def age(moment: datetime, now: datetime) -> str:
    seconds = max(0, int((now - moment).total_seconds()))
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    if seconds < 2 * 86400:
        return f"{seconds // 3600} h ago"
    return f"{seconds // 86400} days ago"


def welcome(channel: str | None, admin: bool) -> str:
    lines = [
        "<b>metalert</b> reads SMM and AL Circle as they publish and alerts on the figures"
        " that matter: operating rates, prices in CNY/t and USD/t, spreads.",
    ]
    if channel:
        lines.append(f"Alerts are posted to {escape(channel)}.")
    lines.append("")
    lines.extend(f"/{name}: {escape(text)}" for name, text in COMMANDS)
    if admin:
        lines.append("Admin: /status, /pause, /resume (the channel)")
    return "\n".join(lines)


def describe(rule: Rule) -> str:
    watched = rule.subject if rule.region == "*" else f"{rule.subject} at {rule.region}"
    condition = rule.condition
    unit = rule.unit or metrics.spec(rule.metric).units[0]
    if isinstance(condition, MovesBy):
        unit = metrics.spec(rule.metric).change_unit or unit
        text = condition.describe(unit)
    else:
        assert isinstance(condition, Crossing)
        text = condition.describe(unit)
    return f"{watched} {metrics.spec(rule.metric).display}: {text}"


def figure_line(stored: StoredFigure, now: datetime) -> str:
    figure, article = stored.figure, stored.article
    heading = f"{figure.subject} {metrics.spec(figure.metric).display}"
    where = " · ".join(p for p in (figure.region, format_period(figure.period)) if p)
    return (
        f"<b>{escape(heading)}</b> · {escape(where)}\n{escape(_facts(figure))}\n"
        f'<a href="{escape(article.url)}">{escape(article.title or article.url)}</a>'
        f" · {age(article.published_at, now)}"
    )


def latest(
    found: Sequence[StoredFigure], asked: str, subjects: Sequence[str], now: datetime
) -> str:
    if found:
        return "\n\n".join(figure_line(stored, now) for stored in found)
    close = difflib.get_close_matches(asked.lower(), subjects, n=5, cutoff=0.5)
    if not close:
        close = [s for s in subjects if asked.lower().split()[0] in s][:5] if asked else []
    if close:
        return f"Nothing on {escape(asked)} yet. Known subjects close to it: " + ", ".join(
            f"<code>{escape(subject)}</code>" for subject in close
        )
    return f"Nothing on {escape(asked)} yet."


def _state(remembered: Sequence[RememberedSeries], rule: Rule, now: datetime) -> str:
    beyond = [item for item in remembered if item.side is Side.INSIDE]
    parts = []
    if beyond:
        since = min(item.updated_at for item in beyond)
        parts.append(f"beyond the threshold since {age(since, now)}")
    else:
        parts.append("armed")
    fired = [item.fired_at for item in remembered if item.fired_at is not None]
    if fired:
        last = max(fired)
        parts.append(f"last fired {age(last, now)}")
        cooldown = rule.options.cooldown
        if cooldown is not None and last + cooldown > now:
            left = last + cooldown - now
            parts.append(f"cooldown {int(left.total_seconds() // 60)} min left")
    return ", ".join(parts)


def rules_list(
    channel: Sequence[tuple[Rule, Sequence[RememberedSeries]]],
    own: Sequence[tuple[int, Rule, Sequence[RememberedSeries]]],
    now: datetime,
) -> str:
    lines = ["<b>Channel rules</b>"]
    lines.extend(
        f"• <code>{escape(rule.name)}</code>: {escape(describe(rule))} ({_state(state, rule, now)})"
        for rule, state in channel
    )
    if not channel:
        lines.append("none")
    lines.append("<b>Your rules</b>")
    lines.extend(
        f"• #{rule_id}: {escape(describe(rule))} ({_state(state, rule, now)})"
        for rule_id, rule, state in own
    )
    if not own:
        lines.append("none yet: /alert copper above 95000 CNY/t")
    return "\n".join(lines)


def why(
    rule: Rule,
    figure: Figure,
    published: datetime,
    alerted: tuple[str, bool] | None,
    remembered: Sequence[RememberedSeries],
    now: datetime,
    label: str,
) -> str:
    """One rule's verdict on one figure, in the vocabulary of /rules."""
    if figure.forecast:
        verdict = "a forecast: rules never alert on forecasts"
    elif figure.quarantined:
        verdict = f"quarantined ({figure.quarantined}): rules ignore it"
    elif not rule.applies_to(figure):
        verdict = "does not watch this series"
    elif alerted is not None and not alerted[1]:
        verdict = f"alerted: {alerted[0]}"
    elif alerted is not None or is_history(rule, figure, published, now):
        verdict = "history (a first poll, a backfill or an old period): recorded, not sent"
    else:
        verdict = _not_fired(rule, figure, remembered, now)
    return f"• {label}: {escape(verdict)}"


def _not_fired(
    rule: Rule, figure: Figure, remembered: Sequence[RememberedSeries], now: datetime
) -> str:
    condition = rule.condition
    if isinstance(condition, MovesBy):
        stated = stated_change(condition, figure)
        if stated is None:
            basis = condition.basis.value if condition.basis else "any basis"
            return f"states no change on {basis}"
        amount, unit = stated
        if abs(amount) <= condition.threshold:
            return f"change {amount:+} {unit} is within {condition.threshold} {unit}"
        return "already alerted on this fact (from this or another article)"
    assert isinstance(condition, Crossing)
    value = figure.value if figure.value is not None else figure.high
    if value is None:
        return "states no level"
    beyond = (
        value > condition.threshold
        if condition.bound.value == "above"
        else (value < condition.threshold)
    )
    if not beyond:
        return f"{value:,} is not {condition.bound.value} {condition.threshold:,}"
    inside = [item for item in remembered if item.side is Side.INSIDE]
    if inside:
        fired = [item.fired_at for item in inside if item.fired_at]
        since = age(max(fired), now) if fired else "earlier"
        return (
            f"already beyond since {since}: fires again after a value back past "
            f"{condition.rearm_level:,}"
        )
    cooldown = rule.options.cooldown
    if cooldown is not None:
        return f"in cooldown ({int(cooldown / timedelta(minutes=1))} min between alerts)"
    return f"beyond the threshold, but its first figure is a baseline ({change_unit(figure)})"


def status(
    sources: Sequence[tuple[str, datetime | None, int, str | None]],
    queued: int,
    disabled: Sequence[tuple[str, datetime, str]],
    paused: datetime | None,
    now: datetime,
) -> str:
    lines = ["<b>metalert status</b>"]
    for name, last_success, failures, error in sources:
        polled = age(last_success, now) if last_success else "never"
        line = f"• {escape(name)}: last successful poll {polled}"
        if failures:
            line += f", {failures} failures in a row ({escape((error or '')[:120])})"
        lines.append(line)
    lines.append(f"Queued messages: {queued}")
    if paused is not None:
        lines.append(f"The channel is paused since {age(paused, now)}")
    lines.append(f"Disabled chats: {len(disabled)}")
    lines.extend(f"• {escape(chat)}: {escape(reason)}" for chat, _, reason in disabled[:10])
    return "\n".join(lines)
