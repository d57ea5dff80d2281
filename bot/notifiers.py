"""The notifier registry: each kind of place alerts go, by name, with how to start one from the
config. A new kind (email, a webhook) is one entry here and one class that renders and sends."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from alerts.notifier import ConsoleNotifier, Notifier
from bot.config import Config
from bot.pacing import Pacer
from bot.telegram import TelegramNotifier

log = logging.getLogger(__name__)


async def _console(config: Config) -> Notifier:
    log.info(
        "no bot token in $%s: alerts are printed to stdout", config.settings.telegram.token_env
    )
    return ConsoleNotifier()


async def _telegram(config: Config) -> Notifier:
    assert config.token is not None
    telegram = TelegramNotifier(
        config.token,
        api_base_url=config.settings.telegram.api_base_url,
        timeout=config.settings.telegram.send_timeout.total_seconds(),
        pacer=Pacer(),
    )
    username = await telegram.start()
    log.info(
        "telegram bot %s posts to %s",
        username or "(not reachable yet)",
        config.settings.telegram.channel,
    )
    return telegram


NOTIFIERS: dict[str, Callable[[Config], Awaitable[Notifier]]] = {
    "telegram": _telegram,
    "console": _console,
}


def kind_for(config: Config) -> str:
    """Telegram when a token is set; the console (stdout) otherwise."""
    return "telegram" if config.token is not None else "console"


async def start_notifier(config: Config) -> Notifier:
    return await NOTIFIERS[kind_for(config)](config)
