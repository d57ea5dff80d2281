"""The bot people talk to: a real `metalert run`, users writing to it through the Bot API
stand-in's getUpdates, alerts to the channel, to subscribers and to a user's own rules."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

import pytest

from tests.conftest import TOKEN, fixture_text, write_config
from tests.servers import BotApiStandIn, FixtureSite
from tests.test_end_to_end import CHANNEL, FEED, METALERT, environment, wait_until

ADMIN = 7001
TRADER = 5001  # sets their own copper threshold
ANALYST = 6001  # subscribes to operating rates
ZINC_WATCHER = 6002  # subscribes to zinc: nothing in the seed article for them
LEAVER = 9001  # subscribes, then blocks the bot


def replies(bot_api: BotApiStandIn, user: int) -> list[str]:
    return [m.text for m in bot_api.messages_to(str(user)) if not m.text.startswith("🔔")]


def alerts_to(bot_api: BotApiStandIn, chat: str) -> list[str]:
    return [m.text for m in bot_api.messages_to(chat) if m.text.startswith("🔔")]


def ask(bot_api: BotApiStandIn, user: int, text: str) -> str:
    """Write to the bot and wait for its answer."""
    before = len(replies(bot_api, user))
    time.sleep(0.4)  # a person's pace: the bot answers a few commands a second per chat
    bot_api.user_says(user, text)
    wait_until(lambda: len(replies(bot_api, user)) > before)
    return replies(bot_api, user)[-1]


def fresh_seed_feed() -> str:
    """The seed article as published today: a user's own rule (max_age 45 days by default)
    hears only news, and the fixture is from December 2025."""
    today = format_datetime(datetime.now(UTC))
    return fixture_text("alcircle/secondaryaluminium_news.xml").replace(
        "Wed, 03 Dec 2025 09:30:00 +0000", today
    )


def start(folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [METALERT, "run"],
        cwd=folder,
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def daemon(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> Iterator[subprocess.Popen[str]]:
    """`metalert run` polling every 2 s, its baseline taken on an article without figures."""
    site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news_before.xml"))
    config = write_config(
        tmp_path,
        site_url=site.url,
        api_base_url=bot_api.api_base_url,
        extra="",
    )
    config.write_text(
        config.read_text()
        .replace("interval: 15m", "interval: 2s")
        .replace("  send_timeout: 30s\n", f"  send_timeout: 30s\n  admins: [{ADMIN}]\n")
    )
    process = start(tmp_path)
    try:
        wait_until(lambda: bool(bot_api.commands_menu))
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            process.communicate(timeout=15)
        except (subprocess.TimeoutExpired, ValueError):  # ValueError: already read to the end
            process.kill()
            process.communicate()


def test_users_subscribe_set_thresholds_and_ask_and_each_gets_only_their_alerts(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn, daemon: subprocess.Popen[str]
) -> None:
    menu = [command["command"] for command in bot_api.commands_menu]
    assert {"latest", "subscribe", "alert", "rules", "why", "mute"} <= set(menu)

    welcome = ask(bot_api, TRADER, "/start")
    assert "/latest" in welcome and "/alert copper above 95000 CNY/t" in welcome
    assert "/status" not in welcome  # the admin commands are for admins
    assert "/status" in ask(bot_api, ADMIN, "/help")

    assert ask(bot_api, TRADER, "/alert copper above 91000 CNY/t") == (
        "Rule #1 set: copper price: above 91,000 CNY/t. /alerts lists yours."
    )
    assert ask(bot_api, TRADER, "/alert copper above 91000").startswith(
        "⚠️ add a unit: CNY/t or USD/t"
    )
    assert ask(bot_api, TRADER, "/alert secondary aluminium moves 1.5 pp").startswith(
        "⚠️ basis: required with moves_by"
    )
    assert "Subscribed" in ask(bot_api, ANALYST, "/subscribe operating_rate")
    assert "Subscribed" in ask(bot_api, ZINC_WATCHER, "/subscribe zinc")
    assert "Subscribed" in ask(bot_api, LEAVER, "/subscribe")
    assert ask(bot_api, TRADER, "/status") == "⚠️ not allowed: only the bot's admins may do that"
    assert "<b>metalert status</b>" in ask(bot_api, ADMIN, "/status")
    assert ask(bot_api, TRADER, "/frobnicate") == "Unknown command: /help lists them."
    bot_api.block(str(LEAVER))

    site.serve_text(FEED, fresh_seed_feed())
    wait_until(lambda: len(alerts_to(bot_api, CHANNEL)) == 2)
    wait_until(lambda: len(alerts_to(bot_api, str(TRADER))) == 1)
    wait_until(lambda: len(alerts_to(bot_api, str(ANALYST))) == 1)

    (mine,) = alerts_to(bot_api, str(TRADER))
    assert "<b>above 92,000 CNY/t</b>" in mine and "Your rule #1: above 91,000 CNY/t" in mine
    (subscribed,) = alerts_to(bot_api, str(ANALYST))
    assert "<b>46.3%, MOM +2.3 pp, YOY +2.7 pp</b>" in subscribed
    channel = alerts_to(bot_api, CHANNEL)
    assert all("your rule" not in text for text in channel)
    assert alerts_to(bot_api, str(ZINC_WATCHER)) == []

    latest = ask(bot_api, TRADER, "/latest copper")
    assert "<b>copper price</b> · China" in latest and "above 92,000 CNY/t" in latest
    assert "Known subjects close to it" in ask(bot_api, TRADER, "/latest copperr")
    why = ask(bot_api, TRADER, "/why copper")
    assert "<code>copper-above-92k</code>: alerted" in why
    assert "your rule #1: alerted" in why
    rules = ask(bot_api, TRADER, "/rules")
    assert "<code>copper-above-92k</code>: copper price: above 92,000 CNY/t" in rules
    assert "#1: copper price: above 91,000 CNY/t (beyond the threshold since" in rules

    # The blocked user is disabled; their subscription is kept; nothing else was held up.
    db = tmp_path / "metalert.db"
    wait_until(lambda: _disabled(db) == [str(LEAVER)])
    with closing(sqlite3.connect(db)) as connection:
        kept = connection.execute("SELECT chat FROM subscriptions ORDER BY chat").fetchall()
    assert (str(LEAVER),) in kept

    # Polls go on every 2 s: nothing is ever sent twice.
    polled = site.hits(FEED)
    wait_until(lambda: site.hits(FEED) >= polled + 2)
    assert len(alerts_to(bot_api, CHANNEL)) == 2
    assert len(alerts_to(bot_api, str(TRADER))) == 1
    assert len(alerts_to(bot_api, str(ANALYST))) == 1

    daemon.send_signal(signal.SIGTERM)
    _, stderr = daemon.communicate(timeout=15)
    assert daemon.returncode == 0, stderr
    assert TOKEN not in stderr
    assert "command /status refused: user 5001 is not an admin" in stderr


def _unsent(db: Path) -> int:
    with closing(sqlite3.connect(db)) as connection:
        row = connection.execute("SELECT count(*) FROM outbox WHERE status = 'queued'")
        return int(row.fetchone()[0])


def _disabled(db: Path) -> list[str]:
    with closing(sqlite3.connect(db)) as connection:
        rows = connection.execute("SELECT chat FROM chats WHERE disabled_at IS NOT NULL")
        return [chat for (chat,) in rows.fetchall()]


def test_personal_rules_survive_a_kill_and_nothing_is_sent_twice(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn, daemon: subprocess.Popen[str]
) -> None:
    assert ask(bot_api, TRADER, "/alert copper above 91000 CNY/t").startswith("Rule #1 set")
    site.serve_text(FEED, fresh_seed_feed())
    wait_until(lambda: len(alerts_to(bot_api, str(TRADER))) == 1)
    # Killed once the send is recorded (between Telegram's answer and that write, a kill -9
    # cannot know whether the message went: the outbox's one at-least-once window).
    wait_until(lambda: _unsent(tmp_path / "metalert.db") == 0)

    daemon.kill()
    daemon.communicate()
    again = start(tmp_path)
    try:
        listed = ask(bot_api, TRADER, "/alerts")
        assert "#1: copper price: above 91,000 CNY/t" in listed
        polled = site.hits(FEED)
        wait_until(lambda: site.hits(FEED) >= polled + 2)
        assert len(alerts_to(bot_api, str(TRADER))) == 1
        assert len(alerts_to(bot_api, CHANNEL)) == 2
        assert ask(bot_api, TRADER, "/delete 1") == "Rule #1 deleted."
        assert ask(bot_api, TRADER, "/delete 1") == "⚠️ you have no rule #1 (/alerts lists yours)"
    finally:
        again.send_signal(signal.SIGTERM)
        again.communicate(timeout=15)
