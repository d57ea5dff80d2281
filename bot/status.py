"""`metalert status`: the daemon's health for a person, read from its database while it runs.

Healthy means: a daemon holds the database; every enabled source, and each of its feeds or
listings, has fewer failed polls in a row than its ``broken_after`` and a success stored within
three of its intervals (plus the hour a quiet success may wait to be stored, see
``HEALTH_HEARTBEAT``); no message has waited in the outbox for over an hour; and no chat that
alerts go to has refused the bot. The exit code says it (0 healthy, 1 not), so the command can
be a container's health check.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from alerts.store import HEALTH_HEARTBEAT, Store
from bot.config import Config
from bot.lock import Holder
from bot.wiring import ConfiguredSource, build_sources

QUEUE_WAIT_LIMIT = timedelta(hours=1)
LATE_INTERVALS = 3


@dataclass(frozen=True, slots=True)
class Status:
    healthy: bool
    lines: tuple[str, ...]


def _ago(then: datetime | None, now: datetime) -> str:
    if then is None:
        return "never"
    seconds = max(0, int((now - then).total_seconds()))
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{seconds // size} {unit} ago"
    return f"{seconds} s ago"


def _source_lines(
    store: Store, source: ConfiguredSource, now: datetime, running_since: datetime | None
) -> tuple[list[str], list[str]]:
    """(lines, problems) for one source."""
    state = store.source_state(source.name)
    problems: list[str] = []
    allowed = LATE_INTERVALS * source.interval + HEALTH_HEARTBEAT
    if state.failures >= source.broken_after:
        problems.append(f"{source.name}: {state.failures} failed polls in a row")
    if state.first_poll_at is None:
        if running_since is not None and now - running_since > allowed:
            problems.append(f"{source.name}: never polled successfully")
    elif state.failures == 0 and state.updated_at is not None and now - state.updated_at > allowed:
        problems.append(f"{source.name}: no success stored for {_ago(state.updated_at, now)}")
    if state.failures:
        condition = f"failing ({state.failures} in a row): {state.last_error or 'unknown error'}"
        if state.backoff_until is not None and state.backoff_until > now:
            condition += f"; backing off until {state.backoff_until:%Y-%m-%d %H:%M} UTC"
    elif state.first_poll_at is None:
        condition = "not polled yet"
    else:
        condition = f"ok, last success stored {_ago(state.updated_at, now)}"
    lines = [f"  source {source.name}: {condition}"]
    kind = "feed" if source.name == "alcircle" else "listing"
    health = store.listing_health(source.name)
    for listing in source.listings:
        failures, error = health.get(listing, (0, None))
        if failures:
            lines.append(f"    {kind} {listing}: {failures} failed polls in a row: {error}")
            if failures >= source.broken_after:
                problems.append(f"{source.name} {kind} {listing}: {failures} failed polls")
    if state.items_given_up:
        lines.append(f"    articles given up on: {state.items_given_up}")
    return lines, problems


def assess(config: Config, store: Store, holder: Holder | None, now: datetime) -> Status:
    problems: list[str] = []
    if holder is None:
        lines = ["  daemon: not running"]
        problems.append("no metalert daemon holds the database")
    else:
        lines = [f"  daemon: running ({holder.describe()})"]
    lines.append(f"  database: {config.storage_path}")
    running_since = holder.since if holder else None
    for source in build_sources(config):
        source_lines, source_problems = _source_lines(store, source, now, running_since)
        lines.extend(source_lines)
        problems.extend(source_problems)
    queued, oldest = store.queued_count(), store.oldest_queued_at()
    lines.append(
        f"  outbox: {queued} queued" + (f", oldest from {_ago(oldest, now)}" if oldest else "")
    )
    if oldest is not None and now - oldest > QUEUE_WAIT_LIMIT:
        problems.append(f"a message has waited in the outbox since {_ago(oldest, now)}")
    for chat, since, reason in store.disabled_chats():
        lines.append(f"  chat {chat}: disabled {_ago(since, now)}: {reason}")
        if chat in config.chats:
            problems.append(f"chat {chat} refuses the bot (metalert enable-chat {chat})")
    head = "metalert status: healthy" if not problems else "metalert status: UNHEALTHY"
    tail = [f"  problem: {problem}" for problem in problems]
    return Status(healthy=not problems, lines=(head, *lines, *tail))
