"""What the alert stage needs of a store, as typing protocols: the outbox is written against
``DeliveryStore``, not against the SQLite class, so a second backend only has to provide these
methods with these meanings (stored before sending, per-chat order, marks that survive a crash).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import datetime
from typing import Protocol

from alerts.models import AlertContent, OutgoingMessage, QueuedMessage


class DeliveryStore(Protocol):
    """The outbox's store: queued messages per chat, and what became of each send."""

    def transaction(self) -> AbstractContextManager[None]: ...

    def enqueue(self, message: OutgoingMessage, now: datetime) -> bool: ...

    def queued_chats(self, now: datetime) -> list[str]: ...

    def next_queued(self, chat: str) -> QueuedMessage | None: ...

    def queued_count(self) -> int: ...

    def mark_sent(self, message_id: int, delivery_id: str, now: datetime) -> None: ...

    def mark_failed_attempt(
        self,
        message_id: int,
        error: str,
        next_attempt_at: datetime | None = None,
        *,
        count: bool = True,
    ) -> None: ...

    def mark_plain(self, message_id: int, error: str) -> None: ...

    def mark_rejected(self, message_id: int, error: str) -> None: ...

    def mark_outcome_unknown(
        self, message_id: int, error: str, next_attempt_at: datetime
    ) -> None: ...

    def mark_unconfirmed(self, message_id: int, error: str, now: datetime) -> None: ...

    def disable_chat(self, chat: str, reason: str, now: datetime) -> bool: ...

    def alert_content(self, dedup_key: str) -> AlertContent | None: ...

    def mark_part_sent(self, message_id: int, parts_sent: int) -> None: ...
