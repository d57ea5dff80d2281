"""Alerts rendered per second, and messages per minute through the outbox to the Bot API
stand-in, with and without Telegram's pacing (the pacing on a simulated clock)."""

from __future__ import annotations

import asyncio
import logging
import tempfile
import time
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from pydantic import SecretStr

from alerts.charts import render_chart
from alerts.engine import record
from alerts.models import Alert, MovesBy, OutgoingMessage, Rule
from alerts.outbox import Outbox
from alerts.render import render, split_message
from alerts.store import Store
from bot.daemon import SEND_CONCURRENCY
from bot.pacing import Pacer
from bot.telegram import TelegramNotifier
from scrapers.models import ChangeBasis, Metric
from tests.alerts.factories import article, rate
from tests.clocks import SimulatedMonotonic
from tests.conftest import TOKEN
from tests.servers import BotApiStandIn

NOW = datetime(2025, 12, 3, 10, 0, tzinfo=UTC)
LATENCY = 0.1  # seconds a send takes to answer: a server far from Telegram's
RULE = Rule("operating-rate-swing", Metric.OPERATING_RATE, MovesBy(ChangeBasis.MOM, Decimal(2)))


def _render_rate() -> float:
    alerts = [
        Alert(RULE, rate(f"{2 + n % 7}.{n % 10}"), article(n), "r", f"k{n}") for n in range(2000)
    ]
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        for alert in alerts:
            split_message(render(alert))
        best = min(best, time.perf_counter() - started)
    return len(alerts) / best


async def _drain(
    folder: Path, api: BotApiStandIn, chats: list[str], count: int, paced: bool
) -> tuple[float, float]:
    """(messages per real minute, messages per simulated minute under pacing)."""
    store = Store(folder / f"bench-{len(chats)}-{count}-{paced}.db")
    for n in range(count):
        store.enqueue(OutgoingMessage(chats[n % len(chats)], f"<b>alert {n}</b>", f"k{n}"), NOW)
    simulated = SimulatedMonotonic()
    pacer = Pacer(clock=simulated.clock, sleep=simulated.sleep) if paced else None
    notifier = TelegramNotifier(SecretStr(TOKEN), api_base_url=api.api_base_url, pacer=pacer)
    await notifier.start()
    try:
        started = time.perf_counter()
        await Outbox(store, notifier, lambda: NOW).deliver()
        real = time.perf_counter() - started
    finally:
        await notifier.stop()
        store.close()
    return count / real * 60, simulated.now


async def _fan_out(
    folder: Path, api: BotApiStandIn, subscribers: int
) -> tuple[float, float, float]:
    """One alert to the channel and ``subscribers`` private chats: (seconds to record and queue
    it, simulated seconds to deliver it under Telegram's pacing, real seconds over HTTP)."""
    store = Store(folder / "fan-out.db")
    with store.transaction():
        for n in range(subscribers):
            store.subscribe(str(100_000 + n), None, NOW)
    started = time.perf_counter()
    record(store, (RULE,), article(), [rate("2.3")], ("@metalert_demo",), NOW)
    recorded = time.perf_counter() - started
    simulated = SimulatedMonotonic()
    pacer = Pacer(clock=simulated.clock, sleep=simulated.sleep)
    notifier = TelegramNotifier(SecretStr(TOKEN), api_base_url=api.api_base_url, pacer=pacer)
    await notifier.start()
    first = len(api.sent)
    try:
        started = time.perf_counter()
        report = await Outbox(store, notifier, lambda: NOW).deliver()
        real = time.perf_counter() - started
    finally:
        await notifier.stop()
        store.close()
    assert report.sent == subscribers + 1, report
    assert api.sent[first].chat_id == "@metalert_demo"  # the channel first
    return recorded, simulated.now, real


async def _fan_out_at_latency(
    folder: Path, api: BotApiStandIn, subscribers: int, concurrency: int
) -> float:
    """Wall seconds to deliver one alert to the channel and ``subscribers`` chats when each
    send takes ``api.latency`` to answer, Telegram's pacing on a real clock."""
    store = Store(folder / f"latency-{concurrency}.db")
    with store.transaction():
        for n in range(subscribers):
            store.subscribe(str(200_000 + n), None, NOW)
    record(store, (RULE,), article(), [rate("2.3")], ("@metalert_demo",), NOW)
    notifier = TelegramNotifier(SecretStr(TOKEN), api_base_url=api.api_base_url, pacer=Pacer())
    await notifier.start()
    try:
        started = time.perf_counter()
        report = await Outbox(store, notifier, lambda: NOW, concurrency=concurrency).deliver()
        took = time.perf_counter() - started
    finally:
        await notifier.stop()
        store.close()
    assert report.sent == subscribers + 1, report
    return took


def _outbox_size_after_chart_alerts(folder: Path, count: int) -> float:
    """MiB of database after ``count`` alerts with a chart were queued and sent, a few at a time
    as they come in practice. The store calls are the outbox's; the network is left out."""
    chart = render_chart(
        [("2025-09", Decimal("43.1")), ("2025-10", Decimal("44.0")), ("2025-11", Decimal("46.3"))],
        title="secondary aluminium operating rate (China)",
        unit="%",
    )
    path = folder / "chart-alerts.db"
    store = Store(path)
    try:
        for batch in range(0, count, 5):
            with store.transaction():
                for n in range(batch, batch + 5):
                    store.enqueue(
                        OutgoingMessage("@metalert_demo", f"<b>alert {n}</b>", f"c{n}", chart), NOW
                    )
            for message in store.queued("@metalert_demo", limit=5):
                with store.transaction():
                    store.mark_sent(message.id, str(message.id), NOW)
    finally:
        store.close()  # checkpoints the WAL into the file
    return path.stat().st_size / 2**20


def run() -> list[tuple[str, str, str]]:
    logging.getLogger("bot").setLevel(logging.WARNING)
    api = BotApiStandIn(TOKEN)
    api.start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            raw, _ = asyncio.run(
                _drain(Path(folder), api, ["-1001", "-1002", "-1003", "-1004"], 400, False)
            )
            _, channel = asyncio.run(_drain(Path(folder), api, ["@metalert_demo"], 400, True))
            _, many = asyncio.run(
                _drain(Path(folder), api, [str(n) for n in range(1, 101)], 600, True)
            )
            outbox_mib = _outbox_size_after_chart_alerts(Path(folder), 1000)
            queued, fan_out, fan_out_real = asyncio.run(_fan_out(Path(folder), api, 1000))
            api.latency = LATENCY
            one_at_a_time = asyncio.run(_fan_out_at_latency(Path(folder), api, 200, 1))
            at_once = asyncio.run(_fan_out_at_latency(Path(folder), api, 200, SEND_CONCURRENCY))
            api.latency = 0.0
    finally:
        api.stop()
    return [
        ("alerts", "rendered (render + split) per second", f"{_render_rate():,.0f} alerts/s"),
        ("alerts", "sent to the stand-in over HTTP, no pacing", f"{raw:,.0f} messages/min"),
        (
            "alerts",
            "paced: 400 messages to one channel (limit 20/min)",
            f"{channel / 60:,.1f} simulated minutes",
        ),
        (
            "alerts",
            "paced: 600 messages to 100 private chats (limit 30/s)",
            f"{many:,.0f} simulated seconds",
        ),
        ("alerts", "database after 1,000 alerts sent with a chart", f"{outbox_mib:.2f} MiB"),
        (
            "fan-out",
            "one alert to the channel + 1,000 subscribers: recorded and queued",
            f"{queued * 1000:,.0f} ms",
        ),
        (
            "fan-out",
            "... delivered under Telegram's pacing (30/s in all), channel first",
            f"{fan_out:,.1f} simulated seconds",
        ),
        (
            "fan-out",
            "... the same 1,001 sends to the stand-in over HTTP, wall time",
            f"{fan_out_real:,.1f} s",
        ),
        (
            "fan-out",
            f"201 paced sends, {LATENCY * 1000:.0f} ms a round trip: one chat at a time",
            f"{one_at_a_time:,.1f} s",
        ),
        (
            "fan-out",
            f"... {SEND_CONCURRENCY} chats at once, as the daemon sends",
            f"{at_once:,.1f} s",
        ),
    ]
