"""The outbox sender: drains queued messages in order per chat, keeping what could not be sent.

Every message was stored before any send; it is marked sent only after the service accepted it.
Failures by kind: a transient one defers the chat's queue (to the service's retry_after, or with
exponential backoff, for hours if need be); a refused chat is disabled and the operator told; a
message whose markup is refused is sent once more as plain text; one chat never blocks another.

Two failures could repeat a message, and both are bounded:

- A send whose outcome is unknown (the request went out, no answer came) is tried once more,
  later, and then never again (marked "unconfirmed"): at most one extra copy.
- When the store cannot record that a message was sent (a full disk), sending stops at once:
  the outbox remembers in memory what went out, says so once in the log and to the admin chat
  (directly, since the outbox cannot be written), and resumes when the store can write again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from alerts.errors import (
    ChatUnavailableError,
    DeliveryError,
    MessageRejectedError,
    OutcomeUnknownError,
    StoreError,
    TransientDeliveryError,
)
from alerts.models import AlertContent, OutgoingMessage, QueuedMessage
from alerts.notifier import Notifier
from alerts.render import escape, to_plain_text
from alerts.store.protocols import DeliveryStore

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
FIRST_BACKOFF = timedelta(seconds=30)
MAX_BACKOFF = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    sent: int
    failed: int  # attempts that failed and left the message queued
    rejected: int
    queued: int  # still waiting after this drain
    paused: bool = False  # the store cannot record sends: nothing more goes out until it can


def _notifiers(
    notifier: Notifier | Mapping[str, Notifier],
) -> tuple[Notifier, dict[str, Notifier] | None]:
    """The notifier for operator notices, and the notifiers by kind (None: the one notifier
    sends every message, whatever its target's kind)."""
    if isinstance(notifier, Mapping):
        by_kind = dict(notifier)
        return next(iter(by_kind.values())), by_kind
    return notifier, None


def backoff(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min, ... capped at an hour: a long outage keeps the message, not the CPU."""
    delay: timedelta = FIRST_BACKOFF * (2 ** min(attempts, 12))
    return min(delay, MAX_BACKOFF)


class Outbox:
    """Drains the queue; one instance lives as long as the process, since it remembers sends the
    store could not record."""

    def __init__(
        self,
        store: DeliveryStore,
        notifier: Notifier | Mapping[str, Notifier],
        clock: Clock,
        *,
        admin_chat: str | None = None,
        concurrency: int = 1,
        chart: Callable[[AlertContent], bytes | None] | None = None,
    ) -> None:
        self._store = store
        # Chats sent to at once: each chat still gets one message at a time, in order, but a
        # channel's 1,000 subscribers need not wait on each other's round trips (at 100 ms a
        # send, one at a time caps delivery at 10 a second, a third of Telegram's limit).
        self._concurrency = max(1, concurrency)
        self._notifier, self._notifiers = _notifiers(notifier)
        self._clock = clock
        self._admin_chat = admin_chat
        # Draws an alert's chart when it is sent (None: no charts); one drawing serves every chat
        # the alert goes to during a drain.
        self._chart = chart
        self._charts: dict[str, bytes | None] = {}
        self._unrecorded: dict[int, str] = {}  # message id -> delivery id, sent but not marked
        self._store_down: str | None = None  # why the store cannot write, while it cannot

    def reconfigure(
        self,
        notifier: Notifier | Mapping[str, Notifier],
        admin_chat: str | None,
        chart: Callable[[AlertContent], bytes | None] | None = None,
    ) -> None:
        """Send with other notifiers or tell another admin chat (a config reload); called
        between two drains, so no message is half sent."""
        self._notifier, self._notifiers = _notifiers(notifier)
        self._admin_chat = admin_chat
        self._chart = chart

    async def deliver(self, should_stop: Callable[[], bool] = lambda: False) -> DeliveryReport:
        """Send every message that is due, oldest first per chat."""
        if not self._record_unrecorded():
            return DeliveryReport(0, 0, 0, self._queued_count(), paused=True)
        self._charts.clear()
        counts = {"sent": 0, "failed": 0, "rejected": 0}
        held: set[str] = set()  # chats whose head message failed: the rest waits, in order
        broken: list[StoreError] = []  # a send that could not be written down
        slots = asyncio.Semaphore(self._concurrency)

        async def one(chat: str) -> None:
            async with slots:
                if should_stop() or broken:
                    return
                message = self._store.next_queued(chat)
                if message is None:
                    return
                if self._notifier_for(message) is None:
                    # Its target is on a kind of notifier this daemon does not run: it waits,
                    # and the chat's later messages wait behind it.
                    log.warning(
                        "deliver held chat=%s message=%d: no %s notifier is running",
                        chat,
                        message.id,
                        message.notifier,
                    )
                    held.add(chat)
                    return
                try:
                    outcome = await self._send(message)
                except StoreError as exc:
                    broken.append(exc)
                    counts["sent"] += message.id in self._unrecorded
                    return
                if outcome in {"sent", "rejected"}:
                    counts[outcome] += 1
                else:
                    counts["failed"] += 1
                    if outcome != "unconfirmed":  # unconfirmed is out of the queue: next may go
                        held.add(chat)

        def report(paused: bool = False) -> DeliveryReport:
            return DeliveryReport(
                counts["sent"], counts["failed"], counts["rejected"], self._queued_count(), paused
            )

        # Round robin, one message per chat per pass: a slow chat (1 message a second) never
        # makes the others wait, and a notice queued meanwhile (a chat disabled) goes out too.
        # Within a pass the chats' sends may overlap (``concurrency``); a chat's next message
        # waits for the next pass, so each chat's order holds.
        while chats := [c for c in self._store.queued_chats(self._clock()) if c not in held]:
            if should_stop():
                return report()
            await asyncio.gather(*(one(chat) for chat in chats))
            if broken:
                # A send outcome could not be written down: stop before anything else goes.
                await self._stop_sending(broken[0])
                return report(paused=True)
            if should_stop():
                return report()
        return report()

    def _queued_count(self) -> int:
        try:
            return self._store.queued_count() - len(self._unrecorded)
        except StoreError:
            return -1

    def _record_unrecorded(self) -> bool:
        """Write down the sends the store could not record; False while it still cannot."""
        if not self._unrecorded:
            return True
        try:
            with self._store.transaction():
                for message_id, delivery_id in self._unrecorded.items():
                    self._store.mark_sent(message_id, delivery_id, self._clock())
        except StoreError as exc:
            log.debug("deliver still paused: %s", exc)
            return False
        log.warning(
            "deliver resumed: the store records sends again (%d recorded late)",
            len(self._unrecorded),
        )
        self._unrecorded.clear()
        self._store_down = None
        return True

    async def _stop_sending(self, exc: StoreError) -> None:
        if self._store_down is not None:
            return
        self._store_down = str(exc)
        log.error(
            "deliver paused: the store cannot record sent messages (%s); nothing more is sent"
            " until it can, so that nothing is sent twice",
            exc,
        )
        if self._admin_chat is None:
            return
        text = (
            "⚠️ <b>metalert stopped sending</b>: its database cannot record sent messages"
            f" (<code>{escape(str(exc)[:300])}</code>). Free disk space or fix the database;"
            " sending resumes by itself, and nothing is lost."
        )
        try:
            # Straight to the chat: the outbox itself cannot be written.
            await self._notifier.send(self._admin_chat, text)
        except DeliveryError as error:
            log.warning("deliver could not tell the admin chat: %s", error)

    async def _send(self, message: QueuedMessage, *, plain: bool = False) -> str:
        store, chat = self._store, message.chat
        plain = plain or message.plain
        words = self._words(message, plain)
        if words is None:
            store.mark_rejected(message.id, "the alert it told is no longer stored")
            log.error("deliver rejected chat=%s message=%d: its alert is gone", chat, message.id)
            return "rejected"
        parts, photo = words
        delivery_id = ""
        for index in range(min(message.parts_sent, len(parts) - 1), len(parts)):
            outcome = await self._send_part(
                message, parts[index], plain=plain, photo=photo if index == 0 else None
            )
            if outcome == "plain":
                # Telegram refused the markup: the rest goes as plain text, from this part on.
                return await self._send(replace(message, parts_sent=index), plain=True)
            if not outcome.startswith("id:"):
                return outcome
            delivery_id = outcome[3:]
            if index + 1 < len(parts):
                store.mark_part_sent(message.id, index + 1)  # a retry goes on from the next
        try:
            store.mark_sent(message.id, delivery_id, self._clock())
        except StoreError:
            self._unrecorded[message.id] = delivery_id
            raise
        return "sent"

    def _words(self, message: QueuedMessage, plain: bool) -> tuple[list[str], bytes | None] | None:
        """What to send: a stored text as it is, or an alert as its notifier renders it now,
        with its chart (drawn once per alert for all the chats it goes to)."""
        if message.alert_key is None or message.text:
            return [to_plain_text(message.text) if plain else message.text], message.photo
        content = self._store.alert_content(message.alert_key)
        if content is None:
            return None
        notifier = self._notifier_for(message)
        assert notifier is not None  # checked before sending
        parts = notifier.render(content, plain=plain)
        if self._chart is None:
            return parts, None
        if message.alert_key not in self._charts:
            self._charts[message.alert_key] = self._chart(content)
        return parts, self._charts[message.alert_key]

    async def _send_part(
        self, message: QueuedMessage, text: str, *, plain: bool, photo: bytes | None
    ) -> str:
        """Send one message (or one part of one): "id:<delivery id>", "plain" when the markup
        was refused, else what became of it ("deferred", "unconfirmed", "rejected")."""
        store, chat = self._store, message.chat
        notifier = self._notifier_for(message)
        assert notifier is not None  # checked before sending
        try:
            return "id:" + await notifier.send(chat, text, plain=plain, photo=photo)
        except OutcomeUnknownError as exc:
            now = self._clock()
            if message.unknown_outcomes >= 1:
                # A second send with no answer: it may be there twice already; never a third.
                store.mark_unconfirmed(message.id, str(exc), now)
                log.error(
                    "deliver unconfirmed chat=%s message=%d: two sends had no answer; it may"
                    " have arrived once or twice, and is not sent again",
                    chat,
                    message.id,
                )
                return "unconfirmed"
            store.mark_outcome_unknown(message.id, str(exc), now + backoff(message.attempts))
            log.warning(
                "deliver outcome unknown chat=%s message=%d error=%s: one more try later",
                chat,
                message.id,
                exc,
            )
            return "deferred"
        except TransientDeliveryError as exc:
            now = self._clock()
            if exc.retry_after is not None:
                # The wait Telegram asked for is not a failure of ours: it does not count.
                until = now + timedelta(seconds=exc.retry_after)
                store.mark_failed_attempt(message.id, str(exc), until, count=False)
            else:
                store.mark_failed_attempt(message.id, str(exc), now + backoff(message.attempts))
            log.warning("deliver deferred chat=%s message=%d error=%s", chat, message.id, exc)
            return "deferred"
        except ChatUnavailableError as exc:
            self._disable(message, str(exc))
            return "deferred"
        except MessageRejectedError as exc:
            if exc.markup and not plain:
                store.mark_plain(message.id, str(exc))
                log.warning(
                    "deliver markup refused, sending as plain text chat=%s message=%d",
                    chat,
                    message.id,
                )
                return "plain"
            store.mark_rejected(message.id, str(exc))
            log.error("deliver rejected chat=%s message=%d error=%s", chat, message.id, exc)
            return "rejected"

    def _notifier_for(self, message: QueuedMessage) -> Notifier | None:
        """The notifier of a message's target kind; one notifier given alone sends them all."""
        if self._notifiers is None:
            return self._notifier
        return self._notifiers.get(message.notifier)

    def _disable(self, message: QueuedMessage, error: str) -> None:
        store, chat, now = self._store, message.chat, self._clock()
        store.mark_failed_attempt(message.id, error)
        with store.transaction():
            first = store.disable_chat(chat, error, now)
            if first and self._admin_chat and self._admin_chat != chat:
                text = (
                    f"⛔ <b>Chat {escape(chat)} refuses the bot</b>: {escape(error[:300])}."
                    " Its messages stay queued; add the bot back, then run"
                    f" <code>metalert enable-chat {escape(chat)}</code>."
                )
                store.enqueue(
                    OutgoingMessage(
                        self._admin_chat,
                        text,
                        f"chat-disabled:{chat}:{now.isoformat()}",
                        notifier=message.notifier,
                    ),
                    now,
                )
        log.error("deliver chat disabled chat=%s error=%s", chat, error)


async def deliver(
    store: DeliveryStore,
    notifier: Notifier,
    clock: Clock,
    should_stop: Callable[[], bool] = lambda: False,
) -> DeliveryReport:
    """One drain of the outbox without pacing (tests and one-off tools)."""
    return await Outbox(store, notifier, clock).deliver(should_stop)
