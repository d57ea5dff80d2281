"""Where messages go: the Notifier interface, and the console notifier used when no token is set.

A notifier both renders an alert (its own markup, its own length limit) and sends messages; the
outbox stores which alert a message tells and asks the notifier for the words when it sends.
"""

from __future__ import annotations

import sys
from typing import Protocol, TextIO

from alerts.models import AlertContent
from alerts.render import render, to_plain_text


class Notifier(Protocol):
    def render(self, content: AlertContent, *, plain: bool = False) -> list[str]:
        """An alert as this service's messages, in order (a long one in several parts)."""
        ...

    async def send(
        self, chat: str, text: str, *, plain: bool = False, photo: bytes | None = None
    ) -> str:
        """Deliver one message (HTML unless ``plain``), with a chart when ``photo`` is given;
        return the service's id for it.

        Raises TransientDeliveryError, ChatUnavailableError or MessageRejectedError.
        """
        ...


class ConsoleNotifier:
    """Prints each message to a stream (stdout by default), for running without a bot token."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream
        self._count = 0

    def render(self, content: AlertContent, *, plain: bool = False) -> list[str]:
        """Plain text: a terminal shows no HTML."""
        return [to_plain_text(render(content))]

    async def send(
        self, chat: str, text: str, *, plain: bool = False, photo: bytes | None = None
    ) -> str:
        stream = self._stream or sys.stdout
        self._count += 1
        chart = f"[chart: PNG, {len(photo):,} bytes]\n" if photo else ""
        stream.write(f"--- message to {chat} ---\n{chart}{text}\n\n")
        stream.flush()
        return f"console-{self._count}"
