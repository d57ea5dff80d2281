"""Where messages go: the Notifier interface, and the console notifier used when no token is set."""

from __future__ import annotations

import sys
from typing import Protocol, TextIO


class Notifier(Protocol):
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

    async def send(
        self, chat: str, text: str, *, plain: bool = False, photo: bytes | None = None
    ) -> str:
        stream = self._stream or sys.stdout
        self._count += 1
        chart = f"[chart: PNG, {len(photo):,} bytes]\n" if photo else ""
        stream.write(f"--- message to {chat} ---\n{chart}{text}\n\n")
        stream.flush()
        return f"console-{self._count}"
