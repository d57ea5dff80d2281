"""The store: one module per concern behind the SQLite backend.

``sqlite`` holds the connection, the schema and its numbered migrations, and the concerns that
grew up with it (articles and figures, rule state, alerts and the outbox, source health);
``chats`` holds what the bot's users set for themselves (subscriptions, personal rules, mutes,
a paused channel). Callers import ``Store`` from here and never name a backend.
"""

from alerts.store.sqlite import HEALTH_HEARTBEAT, SCHEMA_VERSION, PendingItem, SourceState, Store

__all__ = ["HEALTH_HEARTBEAT", "SCHEMA_VERSION", "PendingItem", "SourceState", "Store"]
