"""The outbox sender: drains queued messages in order per chat, keeping what could not be sent."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from alerts.errors import ChatUnavailableError, MessageRejectedError, TransientDeliveryError
from alerts.notifier import Notifier
from alerts.store import Store

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    sent: int
    failed: int  # attempts that failed and left the message queued
    rejected: int
    queued: int  # still waiting after this drain


async def deliver(
    store: Store,
    notifier: Notifier,
    clock: Clock,
    should_stop: Callable[[], bool] = lambda: False,
) -> DeliveryReport:
    """Send every queued message, oldest first per chat; one failing chat never blocks another.

    A message is marked sent only after the service accepted it. When a send fails transiently,
    the rest of that chat's queue waits for the next drain, so that the chat sees messages in order.
    """
    sent = failed = rejected = 0
    for chat in store.queued_chats():
        for message in store.queued(chat):
            if should_stop():
                return DeliveryReport(sent, failed, rejected, store.queued_count())
            try:
                delivery_id = await notifier.send(chat, message.text)
            except TransientDeliveryError as exc:
                store.mark_failed_attempt(message.id, str(exc))
                log.warning("deliver deferred chat=%s message=%d error=%s", chat, message.id, exc)
                failed += 1
                break
            except ChatUnavailableError as exc:
                store.mark_failed_attempt(message.id, str(exc))
                log.error("deliver chat unavailable chat=%s error=%s", chat, exc)
                failed += 1
                break
            except MessageRejectedError as exc:
                store.mark_rejected(message.id, str(exc))
                log.error("deliver rejected chat=%s message=%d error=%s", chat, message.id, exc)
                rejected += 1
                continue
            store.mark_sent(message.id, delivery_id, clock())
            sent += 1
    return DeliveryReport(sent, failed, rejected, store.queued_count())
