"""Delivery against the Bot API stand-in: every expected message arrives exactly once, through
flood control, outages, refused markup and a kill -9 in the middle of a send."""

from __future__ import annotations

import asyncio
import signal
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pydantic import SecretStr

from alerts.models import AlertContent, OutgoingMessage
from alerts.outbox import Outbox
from alerts.store import Store
from bot.telegram import TelegramNotifier
from tests.conftest import TOKEN, fixture_text, write_config
from tests.servers import BotApiStandIn, FixtureSite
from tests.test_end_to_end import CHANNEL, FEED, METALERT, environment, metalert, wait_until


def configure(tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn) -> None:
    site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news.xml"))
    write_config(
        tmp_path, site_url=site.url, api_base_url=bot_api.api_base_url, on_first_run="alert"
    )


def test_kill_9_in_the_middle_of_a_send_then_restart_delivers_each_message_once(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    configure(tmp_path, site, bot_api)
    bot_api.hold_next_send(30)
    process = subprocess.Popen(
        [METALERT, "run"],
        cwd=tmp_path,
        env=environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until(bot_api.held.is_set)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert bot_api.sent == []  # the held message was never accepted

    restarted = metalert("run", "--once", cwd=tmp_path)

    assert restarted.returncode == 0, restarted.stderr
    texts = [message.text for message in bot_api.messages_to(CHANNEL)]
    assert len(texts) == 2
    assert "46.3%" in texts[0] and "92,000 CNY/t" in texts[1]


def test_markup_telegram_cannot_parse_is_sent_once_more_as_plain_text(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    configure(tmp_path, site, bot_api)
    bot_api.fail_next(
        400, "Bad Request: can't parse entities: unsupported start tag at byte offset 12"
    )

    result = metalert("run", "--once", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    first, second = bot_api.messages_to(CHANNEL)
    assert first.parse_mode is None
    assert first.text.startswith("🔔 Secondary aluminium operating rate · China · Nov 2025")
    assert "<b>" not in first.text and "|MOM change| > 2 pp" in first.text
    assert second.parse_mode == "HTML"


def test_a_short_flood_wait_is_waited_out_within_the_run(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    configure(tmp_path, site, bot_api)
    bot_api.fail_next(429, "Too Many Requests: retry after 1", retry_after=1)

    result = metalert("run", "--once", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert "telegram flood control chat=@metalert_demo waiting=1s" in result.stderr
    assert len(bot_api.messages_to(CHANNEL)) == 2


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2025, 12, 3, 10, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def test_an_hour_long_outage_keeps_the_message_and_delivers_it_once(
    tmp_path: Path, bot_api: BotApiStandIn
) -> None:
    clock = Clock()
    store = Store(tmp_path / "outage.db")
    store.enqueue(OutgoingMessage(CHANNEL, "<b>copper</b> above 92,000", "k"), clock())
    for _ in range(200):
        bot_api.fail_next(502, "Bad Gateway")
    drains = 0

    async def go() -> None:
        nonlocal drains
        notifier = TelegramNotifier(
            SecretStr(TOKEN), api_base_url=bot_api.api_base_url, sleep=clock.sleep
        )
        await notifier.start()
        outbox = Outbox(store, notifier, clock)
        try:
            end_of_outage = clock.now + timedelta(hours=1)
            while clock.now < end_of_outage + timedelta(hours=2) and not bot_api.sent:
                if clock.now >= end_of_outage:
                    bot_api.clear_failures()
                await outbox.deliver()
                drains += 1
                clock.now += timedelta(minutes=1)  # the daemon drains the outbox every minute
        finally:
            await notifier.stop()

    asyncio.run(go())
    store.close()

    assert [message.text for message in bot_api.messages_to(CHANNEL)] == [
        "<b>copper</b> above 92,000"
    ]
    # Backoff kept the attempts far fewer than the drains during the hour.
    attempts = sum(1 for request in bot_api.requests if request.path.endswith("/sendMessage"))
    assert attempts < 40 < drains


def test_an_unknown_outcome_is_tried_once_more_later_then_never_again(
    tmp_path: Path, bot_api: BotApiStandIn
) -> None:
    clock = Clock()
    store = Store(tmp_path / "slow.db")
    store.enqueue(OutgoingMessage(CHANNEL, "first", "k1"), clock())
    store.enqueue(OutgoingMessage(CHANNEL, "second", "k2"), clock())
    reports = []

    async def go() -> None:
        notifier = TelegramNotifier(
            SecretStr(TOKEN), api_base_url=bot_api.api_base_url, sleep=clock.sleep, timeout=0.5
        )
        await notifier.start()
        outbox = Outbox(store, notifier, clock)
        try:
            bot_api.accept_then_stall(1.5)
            reports.append(await outbox.deliver())  # accepted, no answer: not retried now
            reports.append(await outbox.deliver())  # not due yet: nothing is sent
            clock.now += timedelta(minutes=1)
            bot_api.accept_then_stall(1.5)
            reports.append(await outbox.deliver())  # the one more try, again no answer
            clock.now += timedelta(hours=2)
            reports.append(await outbox.deliver())  # never a third copy
        finally:
            await notifier.stop()

    asyncio.run(go())
    store.close()

    assert [m.text for m in bot_api.messages_to(CHANNEL)] == ["first", "first", "second"]
    # Drain 3: the second try of "first" is unconfirmed (never sent again), "second" goes.
    assert [(r.sent, r.queued) for r in reports] == [(0, 2), (0, 2), (1, 0), (0, 0)]


class StoreFillsUpAfterSending:
    """A notifier whose first accepted send to the channel is followed by the disk filling up."""

    def __init__(self, inner: TelegramNotifier, store: Store) -> None:
        self._inner = inner
        self._store = store
        self.full = False

    def render(self, content: AlertContent, *, plain: bool = False) -> list[str]:
        return self._inner.render(content, plain=plain)

    async def send(
        self, chat: str, text: str, *, plain: bool = False, photo: bytes | None = None
    ) -> str:
        delivery = await self._inner.send(chat, text, plain=plain, photo=photo)
        if chat == CHANNEL and not self.full:
            self.full = True
            writable(self._store, False)
        return delivery


def writable(store: Store, on: bool) -> None:
    """Stands in for a full disk: the store's own connection refuses every write, as SQLite does
    when it cannot write (an error on the statement, not a crash)."""
    store._db.execute(f"PRAGMA query_only={0 if on else 1}")


def test_a_store_that_cannot_record_a_send_stops_sending_says_so_once_and_resumes(
    tmp_path: Path, bot_api: BotApiStandIn, caplog: pytest.LogCaptureFixture
) -> None:
    clock = Clock()
    path = tmp_path / "full.db"
    store = Store(path)
    for index in range(3):
        store.enqueue(OutgoingMessage(CHANNEL, f"alert {index}", f"k{index}"), clock())
    reports = []

    async def go() -> None:
        telegram = TelegramNotifier(
            SecretStr(TOKEN), api_base_url=bot_api.api_base_url, sleep=clock.sleep
        )
        await telegram.start()
        notifier = StoreFillsUpAfterSending(telegram, store)
        outbox = Outbox(store, notifier, clock, admin_chat="-100777")
        try:
            for _ in range(3):  # three drains while the disk is full: a minute apart
                reports.append(await outbox.deliver())
                clock.now += timedelta(minutes=1)
            writable(store, True)  # space is freed
            reports.append(await outbox.deliver())
        finally:
            await telegram.stop()

    with caplog.at_level("INFO"):
        asyncio.run(go())
    store.close()

    assert [m.text for m in bot_api.messages_to(CHANNEL)] == ["alert 0", "alert 1", "alert 2"]
    (notice,) = bot_api.messages_to("-100777")
    assert "metalert stopped sending" in notice.text
    assert [r.paused for r in reports] == [True, True, True, False]
    assert caplog.text.count("deliver paused: the store cannot record sent messages") == 1
    assert "deliver resumed" in caplog.text
    reopened = Store(path)
    try:
        assert reopened.queued_count() == 0
    finally:
        reopened.close()
