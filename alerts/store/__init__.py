"""The store: one module per concern, assembled on one backend.

- ``articles``: articles and figures, items not yet recorded, a series' stored levels
- ``rule_state``: what each rule remembers (series sides, decided facts, configured conditions)
- ``delivery``: alerts decided and the outbox, with the chats that refused the bot
- ``health``: HTTP validators, source and listing health, backfill progress
- ``chats``: what the bot's users set (subscriptions, personal rules, mutes, a paused channel)
- ``lookups``: read-only answers for the bot's commands
- ``protocols``: what the engine and the outbox need of a store, as typing protocols
- ``sqlite``: the SQLite backend (connection, schema, numbered migrations, transactions,
  backup, retention) that assembles them as ``Store``

Each concern is written against ``rows.Backend`` (run a statement, open a transaction), so a
second backend is a new module that provides those two, not a rewrite. Callers import ``Store``
from here and never name a backend.
"""

from alerts.store.rows import HEALTH_HEARTBEAT, PendingItem, SourceState
from alerts.store.sqlite import SCHEMA_VERSION, Store

__all__ = ["HEALTH_HEARTBEAT", "SCHEMA_VERSION", "PendingItem", "SourceState", "Store"]
