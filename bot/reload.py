"""What a config reload changes, in words for the log, and what it cannot change while running.

Rules, thresholds, sources (enabled, interval, feeds and listings, every source setting), the
channel and admin chat, alert settings and the Bot API connection (token, address, timeout: a
new notifier replaces the old between two drains) take effect at the next cycle. The HTTP client,
the store, the ops endpoint and logging are built once at start-up: their changes are named as
waiting for a restart, never silently ignored.
"""

from __future__ import annotations

from bot.config import Config

# Settings the running daemon cannot swap: they are in its open connections.
NEEDS_RESTART = ("http", "storage", "ops", "logging")
TELEGRAM_CONNECTION = ("token_env", "api_base_url", "send_timeout")


def reconnect(old: Config, new: Config) -> bool:
    """Whether the notifier must be rebuilt: the token or a Bot API setting changed."""
    return old.token != new.token or any(
        getattr(old.settings.telegram, field) != getattr(new.settings.telegram, field)
        for field in TELEGRAM_CONNECTION
    )


def changes(old: Config, new: Config) -> tuple[list[str], list[str]]:
    """(changes applied, changes that wait for a restart), each a short phrase."""
    applied: list[str] = []
    before = {rule.name: rule for rule in old.rules}
    after = {rule.name: rule for rule in new.rules}
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    changed = sorted(name for name in set(before) & set(after) if before[name] != after[name])
    if added:
        applied.append(f"rules added: {', '.join(added)}")
    if removed:
        applied.append(f"rules removed: {', '.join(removed)}")
    if changed:
        applied.append(f"rules changed: {', '.join(changed)}")
    old_sources, new_sources = old.settings.sources, new.settings.sources
    for name in type(old_sources).model_fields:
        was, now = getattr(old_sources, name), getattr(new_sources, name)
        if was == now:
            continue
        fields = sorted(
            field for field in type(was).model_fields if getattr(was, field) != getattr(now, field)
        )
        applied.append(f"source {name}: {', '.join(fields)}")
    if old.settings.alerts != new.settings.alerts:
        applied.append("alerts settings")
    old_telegram, new_telegram = old.settings.telegram, new.settings.telegram
    for chat in ("channel", "admin_chat"):
        if getattr(old_telegram, chat) != getattr(new_telegram, chat):
            applied.append(f"telegram.{chat}: {getattr(new_telegram, chat) or '(none)'}")
    applied += [
        f"telegram.{field}"
        for field in TELEGRAM_CONNECTION
        if getattr(old_telegram, field) != getattr(new_telegram, field)
    ]
    if old.token != new.token:
        applied.append("the bot token")
    waiting = [
        section
        for section in NEEDS_RESTART
        if getattr(old.settings, section) != getattr(new.settings, section)
    ]
    return applied, waiting
