"""The bot package's exception tree.

BotError
├── ConfigError     the configuration cannot be used; one line names the file and key (exit 2)
└── StartupError    the daemon cannot start: store, bot token rejected, ... (exit 1)
"""

from __future__ import annotations


class BotError(Exception):
    """Base of every error the bot package raises."""


class ConfigError(BotError):
    def __init__(self, file: str, message: str, *, key: str | None = None) -> None:
        self.file = file
        self.key = key
        self.message = message
        super().__init__(f"{file}: {key}: {message}" if key else f"{file}: {message}")


class StartupError(BotError):
    """Something the daemon needs is not there; the message says what."""
