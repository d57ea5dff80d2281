"""Recording articles: two alerts for the seed, once, from any site, never half-stored."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from alerts.engine import record
from alerts.models import Crossing, MovesBy, Rule
from alerts.store import Store
from scrapers.models import Bound, ChangeBasis, Metric
from tests.alerts.factories import article, price, queued_texts, rate

NOW = datetime(2025, 12, 3, 10, 0, tzinfo=UTC)
RULES = (
    Rule("operating-rate-swing", Metric.OPERATING_RATE, MovesBy(ChangeBasis.MOM, Decimal(2))),
    Rule(
        "copper-above-92k",
        Metric.PRICE,
        Crossing(Bound.ABOVE, Decimal(92000)),
        subject="copper",
        unit="CNY/t",
    ),
)
CHANNEL = ("@metalert_demo",)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(tmp_path / "metalert.db")
    yield opened
    opened.close()


def seed_figures(article_id: str) -> list:  # type: ignore[type-arg]
    return [
        rate("2.3", article_id=article_id),
        price("92000", bound=Bound.ABOVE, article_id=article_id),
    ]


def test_the_seed_article_queues_exactly_two_messages(store: Store) -> None:
    alerts = record(store, RULES, article(), seed_figures("alcircle:118842"), CHANNEL, NOW)

    assert [alert.rule.name for alert in alerts] == ["operating-rate-swing", "copper-above-92k"]
    queued = queued_texts(store, "@metalert_demo")
    assert len(queued) == 2
    assert "46.3%" in queued[0] and "+2.3 pp" in queued[0]
    assert "92,000 CNY/t" in queued[1]


def test_a_republished_copy_on_another_site_alerts_nothing(store: Store) -> None:
    record(store, RULES, article(), seed_figures("alcircle:118842"), CHANNEL, NOW)
    smm_copy = article(103660382, source="smm")

    again = record(store, RULES, smm_copy, seed_figures("smm:103660382"), CHANNEL, NOW)

    assert again == []
    assert len(store.queued("@metalert_demo")) == 2
    assert store.is_seen("smm:103660382")  # recorded as another source of the same facts
    assert store.count("figures") == 4


def test_the_same_article_twice_is_recorded_once(store: Store) -> None:
    record(store, RULES, article(), seed_figures("alcircle:118842"), CHANNEL, NOW)
    assert record(store, RULES, article(), seed_figures("alcircle:118842"), CHANNEL, NOW) == []
    assert store.count("articles") == 1


def test_a_failure_mid_article_leaves_nothing_half_recorded(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_enqueue(*_: object) -> bool:
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "enqueue", broken_enqueue)
    with pytest.raises(RuntimeError):
        record(store, RULES, article(), seed_figures("alcircle:118842"), CHANNEL, NOW)

    assert not store.is_seen("alcircle:118842")
    assert store.count("alerts") == 0 and store.count("figures") == 0


def test_rule_state_survives_a_restart(tmp_path: Path) -> None:
    first = Store(tmp_path / "state.db")
    fired = record(
        first, RULES, article(1), [price("93000", article_id="alcircle:1")], CHANNEL, NOW
    )
    first.close()

    second = Store(tmp_path / "state.db")
    alerts = record(
        second, RULES, article(2), [price("94000", article_id="alcircle:2")], CHANNEL, NOW
    )
    second.close()

    # A first sight above the line alerts; with the state lost, 94,000 would be a first sight
    # again and alert again. Still above after a restart: nothing.
    assert [alert.rule.name for alert in fired] == ["copper-above-92k"]
    assert alerts == []


def test_one_message_per_chat(store: Store) -> None:
    record(store, RULES, article(), seed_figures("alcircle:118842"), ("@a_channel", "-100123"), NOW)
    assert len(store.queued("@a_channel")) == 2
    assert len(store.queued("-100123")) == 2


def test_the_store_is_durable_wal_with_full_sync(tmp_path: Path) -> None:
    store = Store(tmp_path / "d.db")
    try:
        # synchronous is per connection: ask the store's own, not a probe's.
        assert store.durability() == ("wal", "full")
    finally:
        store.close()
    probe = sqlite3.connect(tmp_path / "d.db")
    try:
        assert probe.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # kept in the file
    finally:
        probe.close()


def test_a_stated_change_that_disagrees_with_the_stored_history_is_logged(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    record(
        store,
        RULES,
        article(1),
        [rate(None, value="40.0", period="2025-10", article_id="alcircle:1")],
        CHANNEL,
        NOW,
    )

    with caplog.at_level("WARNING", logger="alerts.engine"):
        record(
            store,
            RULES,
            article(2),
            [rate("2.3", value="46.3", article_id="alcircle:2")],
            CHANNEL,
            NOW,
        )

    assert (
        "stated and computed changes disagree subject=secondary aluminium period=2025-11 stated=2.3 computed=6.3"
        in caplog.text
    )
