"""What the alert stage needs of a store, one small protocol per concern: the engine is written
against ``RecordingStore``, the audience against ``AudienceStore``, the outbox against
``DeliveryStore``, not against the SQLite class, so a second backend only has to provide these
methods with these meanings (one transaction per article, stored before sending, per-chat
order, marks that survive a crash); tests/alerts/test_store_contract.py checks them.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from alerts.models import AlertContent, OutgoingMessage, QueuedMessage
from alerts.rules import FactState, SeriesState
from alerts.store.chats import PersonalRuleRow, Subscription
from scrapers.models import Article, Figure


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


class ArticleStore(Protocol):
    """Articles and their figures, and what the stored series say."""

    def transaction(self) -> AbstractContextManager[None]: ...

    def add_article(self, article: Article, seen_at: datetime) -> bool: ...

    def add_figure(self, figure: Figure) -> int: ...

    def level(self, metric: str, subject: str, region: str, period: str) -> Decimal | None: ...

    def fact_sources(self, figure: Figure) -> list[Article]: ...

    def history(
        self, metric: str, subject: str, region: str, limit: int = 24
    ) -> list[tuple[str, Decimal]]: ...


class RuleStateStore(Protocol):
    """What each rule remembers about its series and the facts it decided."""

    def series_state(self, rule: str, series: str) -> SeriesState | None: ...

    def save_series_state(
        self, rule: str, series: str, state: SeriesState, figure_id: int, now: datetime
    ) -> None: ...

    def fact_state(self, rule: str, fact_key: str) -> FactState | None: ...

    def save_fact_state(
        self, rule: str, fact_key: str, state: FactState, now: datetime
    ) -> None: ...


class AudienceStore(Protocol):
    """Who hears which alert: subscriptions, chats' own rules, mutes."""

    def subscriptions(self) -> list[Subscription]: ...

    def personal_rules(self, chat: str | None = None) -> list[PersonalRuleRow]: ...

    def muted_until(self, chat: str) -> datetime | None: ...


class RecordingStore(ArticleStore, RuleStateStore, AudienceStore, Protocol):
    """What recording an article needs: its figures, the rules' state, the audience, and the
    alert and its queued messages, in one transaction."""

    def add_alert(
        self,
        dedup_key: str,
        rule: str,
        figure_id: int,
        reason: str,
        now: datetime,
        *,
        suppressed: bool = False,
        kind: str = "fired",
        condition: str = "",
        article_id: str | None = None,
    ) -> bool: ...

    def enqueue(self, message: OutgoingMessage, now: datetime) -> bool: ...
