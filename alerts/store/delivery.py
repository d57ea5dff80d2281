"""Alerts decided and the outbox of messages, with the chats that refused them."""

from __future__ import annotations

from datetime import datetime

from alerts.models import AlertContent, AlertKind, OutgoingMessage, QueuedMessage
from alerts.store.lookups import FIGURE_COLUMNS, stored_figure
from alerts.store.rows import Backend, _iso, _parse
from scrapers.models import Article, Figure


class DeliveryRecords(Backend):
    """Alerts decided and the outbox of messages, with the chats that refused them."""

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
    ) -> bool:
        """Record a decided alert, with what its message will say; False when this fact
        already fired this rule."""
        cursor = self._x(
            "INSERT OR IGNORE INTO alerts (dedup_key, rule, figure_id, reason, created_at,"
            " suppressed, kind, condition, article_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                dedup_key,
                rule,
                figure_id,
                reason,
                _iso(now),
                int(suppressed),
                kind,
                condition,
                article_id,
            ),
        )
        return cursor.rowcount == 1

    def alert_content(self, dedup_key: str) -> AlertContent | None:
        """What an alert says, to render it now: its figure, the article that carried it and
        every article that carried the same fact since."""
        row = self._x(
            f"SELECT al.rule, al.reason, al.kind, al.condition, {FIGURE_COLUMNS}"  # noqa: S608
            " FROM alerts al JOIN figures f ON f.id = al.figure_id"
            " JOIN articles a ON a.id = coalesce(al.article_id, f.article_id)"
            " WHERE al.dedup_key = ?",
            (dedup_key,),
        ).fetchone()
        if row is None:
            return None
        stored = stored_figure(row)
        return AlertContent(
            rule=row["rule"],
            condition=row["condition"],
            kind=AlertKind(row["kind"]),
            reason=row["reason"],
            figure=stored.figure,
            article=stored.article,
            sources=tuple(self.fact_sources(stored.figure)) or (stored.article,),
        )

    def fact_sources(self, figure: Figure) -> list[Article]:
        raise NotImplementedError  # the articles concern's

    # -- outbox --------------------------------------------------------------------------------

    def enqueue(self, message: OutgoingMessage, now: datetime) -> bool:
        cursor = self._x(
            "INSERT OR IGNORE INTO outbox (chat, text, idempotency_key, created_at, alert_key,"
            " notifier) VALUES (?, ?, ?, ?, ?, ?)",
            (
                message.chat,
                message.text,
                message.idempotency_key,
                _iso(now),
                message.alert_key,
                message.notifier,
            ),
        )
        if cursor.rowcount != 1:
            return False
        if message.photo is not None:
            self._x(
                "INSERT INTO outbox_photos (message_id, png) VALUES (?, ?)",
                (cursor.lastrowid, message.photo),
            )
        return True

    def queued_chats(self, now: datetime) -> list[str]:
        """Chats whose oldest queued message is due now, oldest first; disabled chats are left
        out. A deferred message holds back its chat's later ones, so that they arrive in order."""
        rows = self._x(
            "SELECT o.chat FROM outbox o WHERE o.status = 'queued'"
            " AND o.id = (SELECT min(id) FROM outbox WHERE chat = o.chat AND status = 'queued')"
            " AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?)"
            " AND o.chat NOT IN (SELECT chat FROM chats WHERE disabled_at IS NOT NULL"
            " OR paused_at IS NOT NULL)"
            " ORDER BY o.id",
            (_iso(now),),
        ).fetchall()
        return [row["chat"] for row in rows]

    def queued(self, chat: str, limit: int = -1) -> list[QueuedMessage]:
        """A chat's queued messages, in the order they must arrive."""
        rows = self._x(
            "SELECT id, chat, text, idempotency_key, attempts, created_at, plain,"
            " unknown_outcomes, alert_key, parts_sent, notifier, png AS photo FROM outbox"
            " LEFT JOIN outbox_photos ON message_id = id"
            " WHERE status = 'queued' AND chat = ? ORDER BY id LIMIT ?",
            (chat, limit),
        ).fetchall()
        return [
            QueuedMessage(
                id=row["id"],
                chat=row["chat"],
                text=row["text"],
                idempotency_key=row["idempotency_key"],
                attempts=row["attempts"],
                created_at=datetime.fromisoformat(row["created_at"]),
                plain=bool(row["plain"]),
                photo=row["photo"],
                unknown_outcomes=row["unknown_outcomes"],
                alert_key=row["alert_key"],
                parts_sent=row["parts_sent"],
                notifier=row["notifier"],
            )
            for row in rows
        ]

    def next_queued(self, chat: str) -> QueuedMessage | None:
        """The message that must reach ``chat`` next."""
        queued = self.queued(chat, limit=1)
        return queued[0] if queued else None

    def mark_sent(self, message_id: int, delivery_id: str, now: datetime) -> None:
        self._x(
            "UPDATE outbox SET status = 'sent', sent_at = ?, delivery_id = ?,"
            " attempts = attempts + 1, next_attempt_at = NULL WHERE id = ?",
            (_iso(now), delivery_id, message_id),
        )
        self._drop_photo(message_id)

    def mark_part_sent(self, message_id: int, parts_sent: int) -> None:
        """Of a message sent in parts, how many have gone: a retry goes on from the next."""
        self._x("UPDATE outbox SET parts_sent = ? WHERE id = ?", (parts_sent, message_id))

    def _drop_photo(self, message_id: int) -> None:
        """A settled message's chart is not needed again."""
        self._x("DELETE FROM outbox_photos WHERE message_id = ?", (message_id,))

    def mark_failed_attempt(
        self,
        message_id: int,
        error: str,
        next_attempt_at: datetime | None = None,
        *,
        count: bool = True,
    ) -> None:
        """Keep the message queued; ``count`` false for waits the service asked for (429)."""
        self._x(
            "UPDATE outbox SET attempts = attempts + ?, last_error = ?, next_attempt_at = ?"
            " WHERE id = ?",
            (int(count), error, _iso(next_attempt_at) if next_attempt_at else None, message_id),
        )

    def mark_plain(self, message_id: int, error: str) -> None:
        self._x(
            "UPDATE outbox SET plain = 1, attempts = attempts + 1, last_error = ? WHERE id = ?",
            (error, message_id),
        )

    def mark_rejected(self, message_id: int, error: str) -> None:
        self._x(
            "UPDATE outbox SET status = 'rejected', attempts = attempts + 1, last_error = ?"
            " WHERE id = ?",
            (error, message_id),
        )
        self._drop_photo(message_id)

    def disable_chat(self, chat: str, reason: str, now: datetime) -> bool:
        """Stop sending to a chat; False when it was already disabled."""
        cursor = self._x(
            "INSERT INTO chats (chat, disabled_at, reason) VALUES (?, ?, ?)"
            " ON CONFLICT (chat) DO UPDATE SET disabled_at = excluded.disabled_at,"
            " reason = excluded.reason WHERE chats.disabled_at IS NULL",
            (chat, _iso(now), reason),
        )
        return cursor.rowcount == 1

    def enable_chat(self, chat: str) -> None:
        self._x("UPDATE chats SET disabled_at = NULL, reason = NULL WHERE chat = ?", (chat,))

    def mark_outcome_unknown(self, message_id: int, error: str, next_attempt_at: datetime) -> None:
        """The service may or may not have the message: try once more later, not now."""
        self._x(
            "UPDATE outbox SET attempts = attempts + 1, unknown_outcomes = unknown_outcomes + 1,"
            " last_error = ?, next_attempt_at = ? WHERE id = ?",
            (error, _iso(next_attempt_at), message_id),
        )

    def mark_unconfirmed(self, message_id: int, error: str, now: datetime) -> None:
        """Stop sending a message that may already have arrived more than once."""
        self._x(
            "UPDATE outbox SET status = 'unconfirmed', attempts = attempts + 1,"
            " unknown_outcomes = unknown_outcomes + 1, last_error = ?, sent_at = ?"
            " WHERE id = ?",
            (error, _iso(now), message_id),
        )
        self._drop_photo(message_id)

    def oldest_queued_at(self) -> datetime | None:
        row = self._x("SELECT min(created_at) FROM outbox WHERE status = 'queued'").fetchone()
        return _parse(row[0])

    def disabled_chats(self) -> list[tuple[str, datetime, str]]:
        """(chat, disabled since, why) of every chat that refused the bot."""
        rows = self._x(
            "SELECT chat, disabled_at, reason FROM chats WHERE disabled_at IS NOT NULL"
            " ORDER BY chat"
        ).fetchall()
        return [(row["chat"], datetime.fromisoformat(row["disabled_at"]), row["reason"] or "")
                for row in rows]  # fmt: skip

    def queued_count(self) -> int:
        row = self._x("SELECT count(*) FROM outbox WHERE status = 'queued'").fetchone()
        return int(row[0])
