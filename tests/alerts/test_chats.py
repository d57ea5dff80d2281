"""Subscribers and personal rules: who hears which alert, kept across restarts and upgrades."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from alerts import rule_codec
from alerts.engine import record
from alerts.models import Crossing, MovesBy, Rule
from alerts.store import SCHEMA_VERSION, Store
from alerts.store.chats import personal_rule_name
from scrapers.models import Bound, ChangeBasis, Metric
from tests.alerts.factories import article, price, queued_texts, rate

NOW = datetime(2025, 12, 3, 10, 0, tzinfo=UTC)
CHANNEL = ("@metalert_demo",)
CHANNEL_RULES = (
    Rule("operating-rate-swing", Metric.OPERATING_RATE, MovesBy(ChangeBasis.MOM, Decimal(2))),
)
FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(tmp_path / "metalert.db")
    yield opened
    opened.close()


def copper_above(threshold: int) -> str:
    rule = Rule("draft", Metric.PRICE, Crossing(Bound.ABOVE, Decimal(threshold)), "copper",
                unit="CNY/t")  # fmt: skip
    return rule_codec.encode(rule)


def texts(store: Store, chat: str) -> list[str]:
    return queued_texts(store, chat)


def test_a_personal_rule_alerts_its_chat_alone(store: Store) -> None:
    with store.transaction():
        store.add_personal_rule("5001", copper_above(91000), "/alert copper above 91000", NOW)

    alerts = record(store, CHANNEL_RULES, article(), [price("92500")], CHANNEL, NOW)

    assert [alert.rule.name for alert in alerts] == [personal_rule_name("5001", 1)]
    assert len(texts(store, "5001")) == 1 and "92,500 CNY/t" in texts(store, "5001")[0]
    assert texts(store, "@metalert_demo") == []


def test_subscribers_get_the_channel_alerts_matching_their_filter(store: Store) -> None:
    with store.transaction():
        store.subscribe("6001", None, NOW)
        store.subscribe("6002", "copper", NOW)
        store.subscribe("6003", "operating_rate", NOW)
        store.subscribe("6004", "secondary*", NOW)

    record(store, CHANNEL_RULES, article(), [rate("2.3")], CHANNEL, NOW)

    for chat in ("@metalert_demo", "6001", "6003", "6004"):
        assert len(texts(store, chat)) == 1, chat
        assert "46.3%" in texts(store, chat)[0]
    assert texts(store, "6002") == []
    # The channel is queued first, so it is sent first.
    assert store.queued_chats(NOW)[0] == "@metalert_demo"


def test_a_muted_chat_hears_nothing_until_its_mute_ends(store: Store) -> None:
    with store.transaction():
        store.subscribe("6001", None, NOW)
        store.mute("6001", NOW + timedelta(days=1))
    record(store, CHANNEL_RULES, article(), [rate("2.3")], CHANNEL, NOW)
    assert texts(store, "6001") == []

    later = NOW + timedelta(days=2)
    record(store, CHANNEL_RULES, article(2), [rate("-2.5", value="43.8", period="2025-12",
           article_id="alcircle:2")], CHANNEL, later)  # fmt: skip
    assert len(texts(store, "6001")) == 1


def test_deleting_a_personal_rule_forgets_what_it_remembered(store: Store) -> None:
    with store.transaction():
        rule_id = store.add_personal_rule("5001", copper_above(91000), "/alert copper", NOW)
    record(store, (), article(), [price("92500")], CHANNEL, NOW)
    assert store.remembered(personal_rule_name("5001", rule_id))

    with store.transaction():
        assert store.delete_personal_rule("5001", rule_id)
        assert not store.delete_personal_rule("5001", rule_id)
        assert not store.delete_personal_rule("5002", rule_id)  # not another chat's to delete
    assert store.remembered(personal_rule_name("5001", rule_id)) == []
    assert store.personal_rules("5001") == []


def test_a_paused_channel_holds_its_messages_and_resume_lets_them_go(store: Store) -> None:
    with store.transaction():
        store.pause_chat("@metalert_demo", NOW)
    record(store, CHANNEL_RULES, article(), [rate("2.3")], CHANNEL, NOW)
    assert store.queued_chats(NOW) == []
    assert len(texts(store, "@metalert_demo")) == 1

    with store.transaction():
        assert store.resume_chat("@metalert_demo")
    assert store.queued_chats(NOW) == ["@metalert_demo"]


def test_personal_rules_and_subscriptions_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "metalert.db"
    first = Store(path)
    with first.transaction():
        first.subscribe("6002", "copper", NOW)
        first.add_personal_rule("5001", copper_above(91000), "/alert copper above 91000", NOW)
    first.close()

    again = Store(path)
    assert [(s.chat, s.filter) for s in again.subscriptions()] == [("6002", "copper")]
    (row,) = again.personal_rules("5001")
    assert row.written == "/alert copper above 91000"
    assert rule_codec.decode(row.rule, row.name).condition == Crossing(Bound.ABOVE, Decimal(91000))
    again.close()


def test_a_database_from_the_previous_release_upgrades_in_place(tmp_path: Path) -> None:
    path = tmp_path / "metalert.db"
    shutil.copy(FIXTURES / "store-schema7.db", path)

    store = Store(path)

    assert store.count("articles") == 1 and store.count("alerts") == 1
    (queued,) = store.queued("@metalert_channel")
    assert queued.text == "<b>queued before the upgrade</b>"
    assert [chat for chat, *_ in store.disabled_chats()] == ["@gone"]
    with store.transaction():
        store.subscribe("6001", None, NOW)
        store.pause_chat("@metalert_channel", NOW)
    assert store.queued_chats(NOW) == []
    store.close()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_the_rule_codec_keeps_every_condition() -> None:
    rules = [
        Rule("a", Metric.PRICE, Crossing(Bound.BELOW, Decimal("88000.5")), "copper",
             unit="CNY/t", region="SHFE"),
        Rule("b", Metric.OPERATING_RATE, MovesBy(ChangeBasis.MOM, Decimal("1.5")),
             "secondary aluminium"),
        Rule("c", Metric.PRICE, MovesBy(None, Decimal(5), percent=True), "aluminium*"),
    ]  # fmt: skip
    for rule in rules:
        assert rule_codec.decode(rule_codec.encode(rule), rule.name) == rule
