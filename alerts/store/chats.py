"""What the bot's users set for themselves: subscriptions to the channel's alerts, personal
rules, mutes, and whether the channel is paused. Rows only; the rules are encoded by
``alerts.rule_codec`` and validated by the bot before they get here."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

SCHEMA = """
-- A private chat that receives the channel's alerts, all or those matching a filter.
CREATE TABLE IF NOT EXISTS subscriptions (
    chat        TEXT PRIMARY KEY,
    filter      TEXT,                   -- a subject glob or a metric name; NULL: everything
    since       TEXT NOT NULL
);
-- A chat's own threshold: the same rule as config.yaml, alerting that chat alone.
CREATE TABLE IF NOT EXISTS personal_rules (
    id          INTEGER PRIMARY KEY,
    chat        TEXT NOT NULL,
    rule        TEXT NOT NULL,          -- JSON, alerts.rule_codec
    written     TEXT NOT NULL,          -- the command as the user wrote it
    created_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS personal_rules_chat ON personal_rules (chat, id);
-- A chat that asked for quiet: alerts decided until then are not sent to it.
CREATE TABLE IF NOT EXISTS mutes (
    chat        TEXT PRIMARY KEY,
    until       TEXT NOT NULL
);
"""


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


@dataclass(frozen=True, slots=True)
class Subscription:
    chat: str
    filter: str | None  # a subject glob or a metric name; None: every channel alert
    since: datetime


@dataclass(frozen=True, slots=True)
class PersonalRuleRow:
    id: int
    chat: str
    rule: str  # JSON, alerts.rule_codec
    written: str
    created_at: datetime

    @property
    def name(self) -> str:
        """The rule's name in rule state and alerts: unique per row, never a config name."""
        return personal_rule_name(self.chat, self.id)


def personal_rule_name(chat: str, rule_id: int) -> str:
    return f"chat:{chat}:{rule_id}"


class ChatRecords:
    """Subscriptions, personal rules, mutes and pauses, on the backend's connection."""

    def _x(self, sql: str, parameters: Sequence[object] = ()) -> sqlite3.Cursor:
        raise NotImplementedError  # the backend's

    # -- subscriptions -------------------------------------------------------------------------

    def subscribe(self, chat: str, filter_: str | None, now: datetime) -> None:
        """Subscribe a chat, or change its filter."""
        self._x(
            "INSERT INTO subscriptions (chat, filter, since) VALUES (?, ?, ?)"
            " ON CONFLICT (chat) DO UPDATE SET filter = excluded.filter",
            (chat, filter_, _iso(now)),
        )

    def unsubscribe(self, chat: str) -> bool:
        return self._x("DELETE FROM subscriptions WHERE chat = ?", (chat,)).rowcount == 1

    def subscriptions(self) -> list[Subscription]:
        rows = self._x("SELECT chat, filter, since FROM subscriptions ORDER BY since, chat")
        return [
            Subscription(row["chat"], row["filter"], datetime.fromisoformat(row["since"]))
            for row in rows.fetchall()
        ]

    def subscription(self, chat: str) -> Subscription | None:
        row = self._x(
            "SELECT chat, filter, since FROM subscriptions WHERE chat = ?", (chat,)
        ).fetchone()
        if row is None:
            return None
        return Subscription(row["chat"], row["filter"], datetime.fromisoformat(row["since"]))

    # -- personal rules ------------------------------------------------------------------------

    def add_personal_rule(self, chat: str, rule: str, written: str, now: datetime) -> int:
        cursor = self._x(
            "INSERT INTO personal_rules (chat, rule, written, created_at) VALUES (?, ?, ?, ?)",
            (chat, rule, written, _iso(now)),
        )
        return int(cursor.lastrowid or 0)

    def personal_rules(self, chat: str | None = None) -> list[PersonalRuleRow]:
        """Every chat's personal rules (or one chat's), oldest first."""
        where, parameters = ("WHERE chat = ?", (chat,)) if chat is not None else ("", ())
        rows = self._x(
            f"SELECT id, chat, rule, written, created_at FROM personal_rules {where}"  # noqa: S608
            " ORDER BY id",
            parameters,
        ).fetchall()
        return [
            PersonalRuleRow(
                row["id"],
                row["chat"],
                row["rule"],
                row["written"],
                datetime.fromisoformat(row["created_at"]),
            )
            for row in rows
        ]

    def delete_personal_rule(self, chat: str, rule_id: int) -> bool:
        """Delete one of a chat's rules with what it remembered; False when it has no such rule."""
        deleted = self._x(
            "DELETE FROM personal_rules WHERE chat = ? AND id = ?", (chat, rule_id)
        ).rowcount
        if deleted:
            name = personal_rule_name(chat, rule_id)
            self._x("DELETE FROM rule_state WHERE rule = ?", (name,))
            self._x("DELETE FROM rule_facts WHERE rule = ?", (name,))
        return deleted == 1

    # -- mutes and pauses ----------------------------------------------------------------------

    def mute(self, chat: str, until: datetime) -> None:
        self._x(
            "INSERT INTO mutes (chat, until) VALUES (?, ?)"
            " ON CONFLICT (chat) DO UPDATE SET until = excluded.until",
            (chat, _iso(until)),
        )

    def muted_until(self, chat: str) -> datetime | None:
        row = self._x("SELECT until FROM mutes WHERE chat = ?", (chat,)).fetchone()
        return None if row is None else datetime.fromisoformat(row["until"])

    def pause_chat(self, chat: str, now: datetime) -> None:
        """Hold a chat's messages in the outbox until ``resume_chat``; nothing is dropped."""
        self._x(
            "INSERT INTO chats (chat, paused_at) VALUES (?, ?)"
            " ON CONFLICT (chat) DO UPDATE SET paused_at = excluded.paused_at",
            (chat, _iso(now)),
        )

    def resume_chat(self, chat: str) -> bool:
        cursor = self._x(
            "UPDATE chats SET paused_at = NULL WHERE chat = ? AND paused_at IS NOT NULL", (chat,)
        )
        return cursor.rowcount == 1

    def paused_since(self, chat: str) -> datetime | None:
        row = self._x("SELECT paused_at FROM chats WHERE chat = ?", (chat,)).fetchone()
        if row is None or row["paused_at"] is None:
            return None
        return datetime.fromisoformat(row["paused_at"])
