"""Pacing under Telegram's limits, on an injected clock."""

from __future__ import annotations

import asyncio

from bot.pacing import Limits, Pacer
from tests.clocks import SimulatedMonotonic


def send_times(chats: list[str], limits: Limits | None = None) -> list[float]:
    fake = SimulatedMonotonic()
    pacer = Pacer(limits, clock=fake.clock, sleep=fake.sleep)
    times = []

    async def go() -> None:
        for chat in chats:
            await pacer.wait(chat)
            times.append(round(fake.now, 3))

    asyncio.run(go())
    return times


def test_one_message_per_second_per_chat() -> None:
    assert send_times(["42", "42", "42"]) == [0.0, 1.0, 2.0]


def test_different_chats_do_not_wait_for_each_other() -> None:
    assert send_times(["1", "2", "3"]) == [0.0, 0.0, 0.0]


def test_a_channel_gets_at_most_20_a_minute() -> None:
    times = send_times(["@channel"] * 45)
    assert times[19] == 19.0
    assert times[20] == 60.0  # the 21st waits for the first to leave the minute
    assert sum(1 for t in times if t < 60) == 20
    assert sum(1 for t in times if t < 120) == 40


def test_at_most_30_a_second_overall() -> None:
    times = send_times([str(n) for n in range(65)], Limits(per_chat_interval=0))
    assert sum(1 for t in times if t < 1) == 30
    assert sum(1 for t in times if t < 2) == 60
