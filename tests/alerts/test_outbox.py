"""Draining the outbox: sent once, in order per chat, kept when a send fails."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from alerts.errors import ChatUnavailableError, MessageRejectedError, TransientDeliveryError
from alerts.models import AlertContent, OutgoingMessage
from alerts.notifier import ConsoleNotifier
from alerts.outbox import DeliveryReport, Outbox, deliver
from alerts.render import render, split_message
from alerts.store import Store

NOW = datetime(2025, 12, 3, 10, 0, tzinfo=UTC)


class ScriptedNotifier:
    """Records sends; raises the scripted error for a chat's next sends."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []
        self.errors: dict[str, list[Exception]] = {}

    def render(self, content: AlertContent, *, plain: bool = False) -> list[str]:
        return [render(content)]

    async def send(
        self, chat: str, text: str, *, plain: bool = False, photo: bytes | None = None
    ) -> str:
        pending = self.errors.get(chat)
        if pending:
            raise pending.pop(0)
        self.sent.append((chat, text))
        return str(len(self.sent))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(tmp_path / "outbox.db")
    yield opened
    opened.close()


def queue(store: Store, chat: str, *texts: str) -> None:
    for text in texts:
        store.enqueue(OutgoingMessage(chat, text, f"{chat}/{text}"), NOW)


def drain(store: Store, notifier: object, now: datetime = NOW) -> DeliveryReport:
    return asyncio.run(deliver(store, notifier, lambda: now))  # type: ignore[arg-type]


def test_messages_go_out_in_order_and_only_once(store: Store) -> None:
    queue(store, "@c", "one", "two")
    notifier = ScriptedNotifier()

    drain(store, notifier)
    drain(store, notifier)

    assert notifier.sent == [("@c", "one"), ("@c", "two")]
    assert store.queued_count() == 0


def test_the_same_idempotency_key_is_queued_once(store: Store) -> None:
    queue(store, "@c", "one")
    queue(store, "@c", "one")
    assert store.queued_count() == 1


def test_a_transient_failure_keeps_the_message_and_its_place(store: Store) -> None:
    queue(store, "@c", "one", "two")
    notifier = ScriptedNotifier()
    notifier.errors["@c"] = [TransientDeliveryError("502 Bad Gateway", chat="@c")]

    report = drain(store, notifier)

    assert notifier.sent == []  # "two" waits behind "one"
    assert report.queued == 2
    drain(store, notifier, NOW + timedelta(seconds=10))
    assert notifier.sent == []  # backing off
    drain(store, notifier, NOW + timedelta(seconds=31))
    assert notifier.sent == [("@c", "one"), ("@c", "two")]


def test_one_failing_chat_never_blocks_another(store: Store) -> None:
    queue(store, "@gone", "a")
    queue(store, "@ok", "b")
    notifier = ScriptedNotifier()
    notifier.errors["@gone"] = [ChatUnavailableError("forbidden: bot was kicked", chat="@gone")]

    drain(store, notifier)

    assert notifier.sent == [("@ok", "b")]
    assert [m.text for m in store.queued("@gone")] == ["a"]


def test_a_rejected_message_is_set_aside_and_the_rest_go(store: Store) -> None:
    queue(store, "@c", "bad", "good")
    notifier = ScriptedNotifier()
    notifier.errors["@c"] = [MessageRejectedError("can't parse entities", chat="@c")]

    report = drain(store, notifier)

    assert notifier.sent == [("@c", "good")]
    assert report.rejected == 1
    assert store.queued_count() == 0


def test_console_notifier_prints_the_message() -> None:
    stream = io.StringIO()
    asyncio.run(ConsoleNotifier(stream).send("@c", "<b>hello</b>"))
    assert stream.getvalue() == "--- message to @c ---\n<b>hello</b>\n\n"


class SlowNotifier(ScriptedNotifier):
    """A service that takes its time to answer, and counts the sends in flight."""

    def __init__(self) -> None:
        super().__init__()
        self.in_flight = 0
        self.most_in_flight = 0

    async def send(
        self, chat: str, text: str, *, plain: bool = False, photo: bytes | None = None
    ) -> str:
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            await asyncio.sleep(0.01)
            return await super().send(chat, text, plain=plain, photo=photo)
        finally:
            self.in_flight -= 1


def test_several_chats_are_sent_to_at_once_each_in_its_order(store: Store) -> None:
    for n in range(12):
        queue(store, str(1000 + n), "first", "second")
    queue(store, "refuses", "first", "second")
    notifier = SlowNotifier()
    notifier.errors["refuses"] = [TransientDeliveryError("503", chat="refuses")]

    report = asyncio.run(Outbox(store, notifier, lambda: NOW, concurrency=4).deliver())

    assert notifier.most_in_flight == 4
    assert report.sent == 24 and report.failed == 1
    for n in range(12):
        chat = str(1000 + n)
        assert [text for to, text in notifier.sent if to == chat] == ["first", "second"]
    assert [message.text for message in store.queued("refuses")] == ["first", "second"]


class RenderingNotifier(ScriptedNotifier):
    """Renders an alert as Telegram does, cut into parts of at most ``limit`` characters."""

    def __init__(self, limit: int = 4096) -> None:
        super().__init__()
        self.limit = limit
        self.photos: list[bytes | None] = []

    def render(self, content: AlertContent, *, plain: bool = False) -> list[str]:
        return split_message(render(content), self.limit)

    async def send(
        self, chat: str, text: str, *, plain: bool = False, photo: bytes | None = None
    ) -> str:
        delivery = await super().send(chat, text, plain=plain, photo=photo)
        self.photos.append(photo)
        return delivery


def queue_alert(store: Store, chats: tuple[str, ...], evidence: str = "rose 2.3 points") -> None:
    from dataclasses import replace

    from alerts.engine import record
    from alerts.models import MovesBy, Rule
    from scrapers.models import ChangeBasis, Metric
    from tests.alerts.factories import article, rate

    rule = Rule("swing", Metric.OPERATING_RATE, MovesBy(ChangeBasis.MOM, Decimal(2)))
    figure = replace(rate("2.3"), evidence=evidence)
    record(store, (rule,), article(), [figure], chats, NOW)


def test_an_alert_is_rendered_when_sent_and_its_chart_drawn_once_for_all_chats(
    store: Store,
) -> None:
    queue_alert(store, ("@channel", "5001", "5002"))
    assert [message.text for message in store.queued("@channel")] == [""]  # nothing rendered yet
    drawn: list[str] = []

    def chart(content: AlertContent) -> bytes:
        drawn.append(content.figure.subject)
        return b"\x89PNG chart"

    notifier = RenderingNotifier()
    asyncio.run(Outbox(store, notifier, lambda: NOW, chart=chart, concurrency=3).deliver())

    assert [chat for chat, _ in notifier.sent] == ["@channel", "5001", "5002"]
    assert all("46.3%, MOM +2.3 pp" in text for _, text in notifier.sent)
    assert notifier.photos == [b"\x89PNG chart"] * 3
    assert drawn == ["secondary aluminium"]


def test_a_long_alert_goes_in_parts_and_a_retry_goes_on_from_the_part_that_failed(
    store: Store,
) -> None:
    queue_alert(store, ("@channel",), evidence="rose 2.3 points " * 40)
    (queued,) = store.queued("@channel")
    content = store.alert_content(queued.alert_key or "")
    assert content is not None
    parts = len(RenderingNotifier(limit=300).render(content))
    assert parts >= 3

    class FailsSecondPart(RenderingNotifier):
        calls = 0

        async def send(
            self, chat: str, text: str, *, plain: bool = False, photo: bytes | None = None
        ) -> str:
            FailsSecondPart.calls += 1
            if FailsSecondPart.calls == 2:
                raise TransientDeliveryError("503", chat=chat)
            return await super().send(chat, text, plain=plain, photo=photo)

    flaky = FailsSecondPart(limit=300)
    first = asyncio.run(Outbox(store, flaky, lambda: NOW).deliver())
    assert first.failed == 1 and len(flaky.sent) == 1
    later = NOW + timedelta(hours=2)
    second = asyncio.run(Outbox(store, flaky, lambda: later).deliver())

    assert second.sent == 1
    texts = [text for _, text in flaky.sent]
    assert len(texts) == parts and len(set(texts)) == parts  # each part once, in order
    assert store.queued_count() == 0


def test_a_message_for_a_notifier_that_is_not_running_waits_and_blocks_no_other_target(
    store: Store,
) -> None:
    store.enqueue(OutgoingMessage("ops@example", "by mail", "m1", notifier="email"), NOW)
    queue(store, "@channel", "on telegram")
    telegram = ScriptedNotifier()

    report = asyncio.run(Outbox(store, {"telegram": telegram}, lambda: NOW).deliver())

    assert telegram.sent == [("@channel", "on telegram")]
    assert report.sent == 1
    assert [message.notifier for message in store.queued("ops@example")] == ["email"]


def test_the_channel_hears_on_its_notifier_and_users_on_telegram(store: Store) -> None:
    from alerts.engine import record
    from alerts.models import MovesBy, Rule
    from scrapers.models import ChangeBasis, Metric
    from tests.alerts.factories import article, rate

    with store.transaction():
        store.subscribe("5001", None, NOW)
    rule = Rule("swing", Metric.OPERATING_RATE, MovesBy(ChangeBasis.MOM, Decimal(2)))
    record(store, (rule,), article(), [rate("2.3")], ("console",), NOW, notifier="console")

    assert [m.notifier for m in store.queued("console")] == ["console"]
    assert [m.notifier for m in store.queued("5001")] == ["telegram"]
