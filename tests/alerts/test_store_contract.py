"""What any store backend must do, run against each one there is (SQLite today): a second
backend joins ``BACKENDS`` and must pass the same tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from alerts.models import OutgoingMessage
from alerts.store import Store
from alerts.store.protocols import DeliveryStore

NOW = datetime(2025, 12, 3, 10, 0, tzinfo=UTC)
BACKENDS: dict[str, Callable[[Path], Store]] = {"sqlite": lambda folder: Store(folder / "m.db")}


@pytest.fixture(params=sorted(BACKENDS))
def opened(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], Store]]:
    stores: list[Store] = []

    def open_store() -> Store:
        store = BACKENDS[request.param](tmp_path)
        stores.append(store)
        return store

    yield open_store
    for store in stores:
        store.close()


def queue(store: DeliveryStore, chat: str, *texts: str) -> None:
    with store.transaction():
        for text in texts:
            store.enqueue(OutgoingMessage(chat, text, f"{chat}/{text}"), NOW)


def test_messages_wait_per_chat_in_the_order_queued(opened: Callable[[], Store]) -> None:
    store = opened()
    queue(store, "@channel", "first", "second")
    queue(store, "5001", "mine")

    assert store.queued_chats(NOW) == ["@channel", "5001"]
    head = store.next_queued("@channel")
    assert head is not None and head.text == "first"


def test_an_idempotency_key_is_queued_once(opened: Callable[[], Store]) -> None:
    store = opened()
    queue(store, "@channel", "first")
    queue(store, "@channel", "first")
    assert store.queued_count() == 1


def test_a_sent_mark_survives_a_reopen_and_the_next_message_follows(
    opened: Callable[[], Store],
) -> None:
    store = opened()
    queue(store, "@channel", "first", "second")
    head = store.next_queued("@channel")
    assert head is not None
    with store.transaction():
        store.mark_sent(head.id, "101", NOW)
    store.close()

    again = opened()
    after = again.next_queued("@channel")
    assert after is not None and after.text == "second"
    assert again.queued_count() == 1


def test_a_deferred_message_holds_its_chat_back_until_due(opened: Callable[[], Store]) -> None:
    store = opened()
    queue(store, "@channel", "first", "second")
    queue(store, "5001", "mine")
    head = store.next_queued("@channel")
    assert head is not None
    store.mark_failed_attempt(head.id, "503", NOW + timedelta(minutes=1))

    assert store.queued_chats(NOW) == ["5001"]
    assert store.queued_chats(NOW + timedelta(minutes=2)) == ["@channel", "5001"]


def test_a_disabled_or_paused_chat_keeps_its_messages_out_of_the_round(
    opened: Callable[[], Store],
) -> None:
    store = opened()
    queue(store, "@channel", "first")
    queue(store, "5001", "mine")
    with store.transaction():
        assert store.disable_chat("5001", "blocked the bot", NOW)
        assert not store.disable_chat("5001", "blocked the bot", NOW)
        store.pause_chat("@channel", NOW)

    assert store.queued_chats(NOW) == []
    assert store.queued_count() == 2
    with store.transaction():
        store.enable_chat("5001")
        store.resume_chat("@channel")
    assert store.queued_chats(NOW) == ["@channel", "5001"]
