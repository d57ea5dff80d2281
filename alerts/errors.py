"""The alerts package's exception tree.

AlertError
├── StoreError                  the database cannot be opened or written
└── DeliveryError               a message did not reach its chat
    ├── TransientDeliveryError  try again later (``retry_after`` seconds when the service said)
    ├── OutcomeUnknownError     the request went out but no answer came: it may have arrived
    ├── ChatUnavailableError    the chat refuses the bot (removed, blocked): stop sending there
    └── MessageRejectedError    this message will never be accepted as it is
"""

from __future__ import annotations


class AlertError(Exception):
    """Base of every error the alerts package raises."""


class StoreError(AlertError):
    """The store could not be opened, migrated or written."""


class DeliveryError(AlertError):
    """A message could not be delivered."""

    def __init__(self, message: str, *, chat: str) -> None:
        super().__init__(f"{message} (chat {chat})")
        self.chat = chat


class TransientDeliveryError(DeliveryError):
    def __init__(self, message: str, *, chat: str, retry_after: float | None = None) -> None:
        super().__init__(message, chat=chat)
        self.retry_after = retry_after


class OutcomeUnknownError(DeliveryError):
    """The service may have accepted the message: sending it again may show it twice."""


class ChatUnavailableError(DeliveryError):
    """The chat no longer accepts messages from the bot."""


class MessageRejectedError(DeliveryError):
    """The service refused this message itself (bad markup, too long)."""

    def __init__(self, message: str, *, chat: str, markup: bool = False) -> None:
        super().__init__(message, chat=chat)
        self.markup = markup  # the HTML could not be parsed: plain text may go through
