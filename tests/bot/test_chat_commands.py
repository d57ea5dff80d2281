"""The bot's commands, decided apart from Telegram: what a user types, what they read back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from alerts.engine import record
from alerts.models import Crossing, MovesBy, Rule
from alerts.store import Store
from bot.chat.commands import Commands, Settings, Throttle
from bot.chat.grammar import CommandError, mute_for, personal_rule
from scrapers.models import Bound, ChangeBasis, Metric
from tests.alerts.factories import article, price, rate

NOW = datetime(2025, 12, 3, 10, 0, tzinfo=UTC)
ADMIN = 7001
CHANNEL_RULES = (
    Rule("operating-rate-swing", Metric.OPERATING_RATE, MovesBy(ChangeBasis.MOM, Decimal(2))),
    Rule("copper-above-92k", Metric.PRICE, Crossing(Bound.ABOVE, Decimal(92000)), "copper",
         unit="CNY/t"),
)  # fmt: skip


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(tmp_path / "metalert.db")
    yield opened
    opened.close()


@pytest.fixture
def commands(store: Store) -> Commands:
    settings = Settings(CHANNEL_RULES, "@metalert_demo", frozenset({ADMIN}), ("alcircle",), 2)
    return Commands(store, lambda: settings, lambda: NOW)


@pytest.mark.parametrize(
    ("typed", "metric", "subject", "region", "unit", "condition"),
    [
        ("copper above 95,000 CNY/t", Metric.PRICE, "copper", "*", "CNY/t",
         Crossing(Bound.ABOVE, Decimal(95000))),
        ("Secondary Aluminum moves 1.5 pp mom", Metric.OPERATING_RATE, "secondary aluminium",
         "*", None, MovesBy(ChangeBasis.MOM, Decimal("1.5"))),
        ("copper at shfe below 88000 yuan/mt", Metric.PRICE, "copper", "shfe", "CNY/t",
         Crossing(Bound.BELOW, Decimal(88000))),
        ("aluminium* moves 5%", Metric.PRICE, "aluminium*", "*", None,
         MovesBy(None, Decimal(5), percent=True)),
        ("alumina in fob western australia above 400 usd/t", Metric.PRICE, "alumina",
         "fob western australia", "USD/t", Crossing(Bound.ABOVE, Decimal(400))),
        ("copper import window above 0 CNY/t", Metric.SPREAD, "copper import window", "*",
         "CNY/t", Crossing(Bound.ABOVE, Decimal(0))),
        ("galvanising below 50%", Metric.OPERATING_RATE, "galvanising", "*", None,
         Crossing(Bound.BELOW, Decimal(50))),
    ],
)  # fmt: skip
def test_a_personal_threshold_reads_as_the_rule_config_yaml_would_make(
    typed: str, metric: Metric, subject: str, region: str, unit: str | None, condition: object
) -> None:
    rule = personal_rule(typed, "mine")

    assert (rule.metric, rule.subject, rule.region, rule.unit) == (metric, subject, region, unit)
    assert rule.condition == condition


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("copper", "say what to watch and when: a subject, then above, below or moves"),
        ("above 95000 CNY/t", "say what to watch and when: a subject, then above, below or moves"),
        ("copper above", "a number is missing after 'above'"),
        ("copper above lots CNY/t", "'lots' is not a number"),
        ("copper above 95000", "add a unit: CNY/t or USD/t for a price, pp or % for a rate"),
        ("copper above 95000 CNY/t soon", "'soon' is not a unit (CNY/t, USD/t, pp, %)"),
        ("secondary aluminium moves 2 pp", "basis: required with moves_by (mom, yoy or wow)"),
        ("copper moves 0 CNY/t", "moves: must be greater than 0"),
        ("copper above 95000 CNY/t mom", "mom only applies to moves"),
    ],
)
def test_a_malformed_threshold_gets_one_line_saying_what_is_wrong(typed: str, error: str) -> None:
    with pytest.raises(CommandError) as caught:
        personal_rule(typed, "mine")

    assert str(caught.value).startswith(error)
    assert "\n" not in str(caught.value)


def test_mute_lengths() -> None:
    assert mute_for("1d") == timedelta(days=1)
    assert mute_for("0s") == timedelta(0)
    for bad in ("", "forever", "400d"):
        with pytest.raises(CommandError):
            mute_for(bad)


def test_the_throttle_answers_a_few_a_second_then_warns_once() -> None:
    clock = [0.0]
    throttle = Throttle(rate=3, burst=6, clock=lambda: clock[0])

    assert [throttle.admit("5001") for _ in range(6)] == ["ok"] * 6
    assert throttle.admit("5001") == "notice"
    assert throttle.admit("5001") == "ignore"
    assert throttle.admit("6001") == "ok"  # another chat is not held up
    clock[0] = 1.0
    assert throttle.admit("5001") == "ok"


def test_a_chat_has_at_most_its_number_of_rules_and_deletes_only_its_own(
    commands: Commands,
) -> None:
    assert commands.alert("5001", 5001, "copper above 95000 CNY/t").startswith("Rule #1 set")
    assert commands.alert("5001", 5001, "zinc below 22000 CNY/t").startswith("Rule #2 set")
    with pytest.raises(CommandError, match="you have 2 rules, the most a chat may have"):
        commands.alert("5001", 5001, "lead above 17000 CNY/t")
    with pytest.raises(CommandError, match="you have no rule #1"):
        commands.delete("6001", 6001, "1")
    assert commands.delete("5001", 5001, "#1") == "Rule #1 deleted."
    assert "#2: zinc price: below 22,000 CNY/t" in commands.alerts("5001", 5001, "")


def test_latest_answers_with_figures_or_the_closest_subjects(
    commands: Commands, store: Store
) -> None:
    record(store, CHANNEL_RULES, article(), [rate("2.3"), price("92500")], ("@c",), NOW)

    answer = commands.latest("5001", 5001, "secondary aluminium")
    assert "<b>secondary aluminium operating rate</b> · China · Nov 2025" in answer
    assert "46.3%, MOM +2.3 pp" in answer
    assert "Known subjects close to it: <code>secondary aluminium</code>" in commands.latest(
        "5001", 5001, "secondary aluminum"
    )
    assert "Last alerts" in commands.latest("5001", 5001, "")


def test_why_says_rule_by_rule_what_happened(commands: Commands, store: Store) -> None:
    record(store, CHANNEL_RULES, article(), [rate("1.2")], ("@c",), NOW)

    answer = commands.why("5001", 5001, "secondary aluminium")

    assert "<code>operating-rate-swing</code>: change +1.2 pp is within 2 pp" in answer
    assert "copper-above-92k" not in answer  # it watches prices, not rates


def test_rules_show_the_state_of_each_rule(commands: Commands, store: Store) -> None:
    record(store, CHANNEL_RULES, article(), [price("92500")], ("@c",), NOW)

    answer = commands.rules("5001", 5001, "")

    assert "<code>copper-above-92k</code>: copper price: above 92,000 CNY/t (beyond" in answer
    assert (
        "<code>operating-rate-swing</code>: * operating rate: |MOM change| &gt; 2 pp (armed)"
        in answer
    )
    assert "none yet: /alert copper above 95000 CNY/t" in answer


def test_only_admins_pause_and_resume_the_channel(commands: Commands, store: Store) -> None:
    with pytest.raises(CommandError, match="not allowed"):
        commands.pause("5001", 5001, "")
    assert commands.pause(str(ADMIN), ADMIN, "").startswith("Paused")
    assert store.paused_since("@metalert_demo") == NOW
    assert "The channel is paused since" in commands.status(str(ADMIN), ADMIN, "")
    assert commands.resume(str(ADMIN), ADMIN, "").startswith("Resumed")
    assert store.paused_since("@metalert_demo") is None


def test_subscribing_twice_changes_the_filter_and_unsubscribe_ends_it(
    commands: Commands, store: Store
) -> None:
    commands.subscribe("6001", 6001, "copper")
    assert "every channel alert" in commands.subscribe("6001", 6001, "")
    assert [(s.chat, s.filter) for s in store.subscriptions()] == [("6001", None)]
    assert commands.unsubscribe("6001", 6001, "") == "Unsubscribed."
    assert commands.unsubscribe("6001", 6001, "") == "You were not subscribed."
