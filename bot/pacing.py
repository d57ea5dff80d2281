"""Pacing sends under Telegram's limits: about 1 message per second per chat, 20 per minute
per group or channel, 30 per second in all. Waiting here is cheaper than a 429. The limits are
Telegram's, so the Telegram notifier paces its own sends; the outbox knows nothing of them."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

Sleep = Callable[[float], Awaitable[None]]
Clock = Callable[[], float]  # monotonic seconds


@dataclass(frozen=True, slots=True)
class Limits:
    per_chat_interval: float = 1.0
    per_group_per_minute: int = 20
    overall_per_second: int = 30


def is_group_or_channel(chat: str) -> bool:
    # "@name" is a public channel or group; negative ids are groups and channels.
    return chat.startswith("@") or chat.startswith("-")


class Pacer:
    def __init__(
        self,
        limits: Limits | None = None,
        *,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._limits = limits or Limits()
        self._clock = clock
        self._sleep = sleep
        self._last_per_chat: dict[str, float] = {}
        self._minute_per_chat: dict[str, deque[float]] = {}
        self._second_overall: deque[float] = deque()

    def _delay(self, chat: str, now: float) -> float:
        limits = self._limits
        delay = 0.0
        last = self._last_per_chat.get(chat)
        if last is not None:
            delay = max(delay, last + limits.per_chat_interval - now)
        if is_group_or_channel(chat):
            window = self._minute_per_chat.setdefault(chat, deque())
            while window and window[0] <= now - 60:
                window.popleft()
            if len(window) >= limits.per_group_per_minute:
                delay = max(delay, window[0] + 60 - now)
        overall = self._second_overall
        while overall and overall[0] <= now - 1:
            overall.popleft()
        if len(overall) >= limits.overall_per_second:
            delay = max(delay, overall[0] + 1 - now)
        return delay

    async def wait(self, chat: str) -> None:
        """Wait until a message to ``chat`` may go, then count it as sent."""
        while (delay := self._delay(chat, self._clock())) > 0:
            await self._sleep(delay)
        now = self._clock()
        self._last_per_chat[chat] = now
        if is_group_or_channel(chat):
            self._minute_per_chat.setdefault(chat, deque()).append(now)
        self._second_overall.append(now)
