"""What each rule remembers: its series' sides and cooldowns, the facts it decided."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from alerts.rules import FactState, SeriesState, Side
from alerts.store.rows import Backend, _iso, _parse, _text


class RuleStateRecords(Backend):
    """What each rule remembers: its series' sides and cooldowns, the facts it decided."""

    def series_state(self, rule: str, series: str) -> SeriesState | None:
        row = self._x(
            "SELECT side, data_order, value, fired_at, sent_at FROM rule_state"
            " WHERE rule = ? AND series = ?",
            (rule, series),
        ).fetchone()
        if row is None:
            return None
        return SeriesState(
            side=Side(row["side"]) if row["side"] else None,
            order=row["data_order"],
            value=Decimal(row["value"]) if row["value"] is not None else None,
            fired_at=_parse(row["fired_at"]),
            sent_at=_parse(row["sent_at"]),
        )

    def save_series_state(
        self, rule: str, series: str, state: SeriesState, figure_id: int, now: datetime
    ) -> None:
        self._x(
            "INSERT INTO rule_state (rule, series, side, figure_id, updated_at, data_order, value,"
            " fired_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (rule, series) DO UPDATE SET side = excluded.side,"
            " figure_id = excluded.figure_id, updated_at = excluded.updated_at,"
            " data_order = excluded.data_order, value = excluded.value,"
            " fired_at = excluded.fired_at, sent_at = excluded.sent_at",
            (
                rule,
                series,
                state.side.value if state.side else None,
                figure_id,
                _iso(now),
                state.order,
                _text(state.value),
                _iso(state.fired_at) if state.fired_at else None,
                _iso(state.sent_at) if state.sent_at else None,
            ),
        )

    def sync_rules(
        self, conditions: dict[str, str], now: datetime, keep_removed: timedelta
    ) -> tuple[list[str], list[str]]:
        """Record the configured rules (name -> condition digest).

        A rule whose condition differs from the one recorded loses its series state (its sides
        and cooldowns were decided on another threshold); the facts it decided are kept, so a
        republished article still says nothing twice. A rule not configured for ``keep_removed``
        is forgotten with its state. Returns (rules reset, rules forgotten).
        """
        recorded = {
            row["rule"]: row["condition"]
            for row in self._x("SELECT rule, condition FROM rules_configured").fetchall()
        }
        reset = sorted(
            name
            for name, condition in conditions.items()
            if recorded.get(name) not in (None, condition)
        )
        for name in reset:
            self._x("DELETE FROM rule_state WHERE rule = ?", (name,))
        for name, condition in conditions.items():
            self._x(
                "INSERT INTO rules_configured (rule, condition, last_seen_at) VALUES (?, ?, ?)"
                " ON CONFLICT (rule) DO UPDATE SET condition = excluded.condition,"
                " last_seen_at = excluded.last_seen_at",
                (name, condition, _iso(now)),
            )
        stale = [
            row["rule"]
            for row in self._x(
                "SELECT rule FROM rules_configured WHERE last_seen_at < ?",
                (_iso(now - keep_removed),),
            ).fetchall()
            if row["rule"] not in conditions
        ]
        for name in stale:
            self._x("DELETE FROM rule_state WHERE rule = ?", (name,))
            self._x("DELETE FROM rule_facts WHERE rule = ?", (name,))
            self._x("DELETE FROM rules_configured WHERE rule = ?", (name,))
        return reset, sorted(stale)

    def fact_state(self, rule: str, fact_key: str) -> FactState | None:
        row = self._x(
            "SELECT signature, fired FROM rule_facts WHERE rule = ? AND fact_key = ?",
            (rule, fact_key),
        ).fetchone()
        return None if row is None else FactState(row["signature"], bool(row["fired"]))

    def save_fact_state(self, rule: str, fact_key: str, state: FactState, now: datetime) -> None:
        self._x(
            "INSERT INTO rule_facts (rule, fact_key, signature, fired, updated_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (rule, fact_key) DO UPDATE SET"
            " signature = excluded.signature, fired = excluded.fired,"
            " updated_at = excluded.updated_at",
            (rule, fact_key, state.signature, int(state.fired), _iso(now)),
        )
