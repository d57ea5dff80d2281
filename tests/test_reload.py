"""Changing config.yaml without a restart: SIGHUP or `metalert reload`."""

from __future__ import annotations

import os
import signal
import subprocess
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from alerts.models import Crossing, Rule
from alerts.rules import SeriesState, Side
from alerts.store import Store
from bot.config import load_config
from bot.reload import changes
from scrapers.models import Bound, Metric
from tests.alerts.factories import article, price
from tests.conftest import TOKEN, fixture_text, write_config
from tests.servers import BotApiStandIn, FixtureSite
from tests.test_end_to_end import CHANNEL, FEED, METALERT, environment, wait_until

ADMIN = "-100777"
COPPER_RULE = """  - name: copper-above-92k
    metric: price
    subject: copper
    unit: CNY/t
    above: 92000
    max_age: 3650d
"""


def reload_command(cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [METALERT, "reload"], cwd=cwd, env=environment(), capture_output=True, text=True, timeout=30
    )


def start(cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [METALERT, "run"], cwd=cwd, env=environment(), stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def test_a_valid_reload_applies_rules_and_intervals_at_the_next_cycle(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news_before.xml"))
    config = write_config(tmp_path, site_url=site.url, api_base_url=bot_api.api_base_url)
    with_copper = config.read_text()
    assert COPPER_RULE in with_copper
    config.write_text(with_copper.replace(COPPER_RULE, ""))  # the daemon starts without it
    daemon = start(tmp_path)
    try:
        wait_until(lambda: site.bodies_sent(FEED) == 1)  # the first poll: a baseline
        site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news.xml"))
        # Put the copper rule back and poll every 2 s instead of every 15 minutes.
        config.write_text(with_copper.replace("interval: 15m", "interval: 2s", 1))
        reloaded = reload_command(tmp_path)
        wait_until(lambda: len(bot_api.messages_to(CHANNEL)) == 2, seconds=30)
    finally:
        daemon.send_signal(signal.SIGTERM)
        _, stderr = daemon.communicate(timeout=20)

    assert reloaded.returncode == 0, reloaded.stderr
    assert f"asked the daemon (pid {daemon.pid}) to read it again" in reloaded.stdout
    assert "reload: rules added: copper-above-92k; source alcircle: interval" in stderr
    texts = [message.text for message in bot_api.messages_to(CHANNEL)]
    assert any("Copper price" in text for text in texts), texts
    assert daemon.returncode == 0


def test_an_invalid_config_keeps_the_running_one_and_tells_the_admin(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news_before.xml"))
    config = write_config(
        tmp_path, site_url=site.url, api_base_url=bot_api.api_base_url, admin_chat=ADMIN
    )
    good = config.read_text()
    daemon = start(tmp_path)
    try:
        wait_until(lambda: site.bodies_sent(FEED) == 1)
        config.write_text(good.replace("above: 92000", 'above: "lots"'))
        refused_by_command = reload_command(tmp_path)
        os.kill(daemon.pid, signal.SIGHUP)  # the daemon checks for itself too
        wait_until(lambda: len(bot_api.messages_to(ADMIN)) == 1)
        assert daemon.poll() is None  # still running, on the old config
    finally:
        daemon.send_signal(signal.SIGTERM)
        _, stderr = daemon.communicate(timeout=20)

    assert refused_by_command.returncode == 2
    assert "rules[1].above: must be a number" in refused_by_command.stderr
    (notice,) = bot_api.messages_to(ADMIN)
    assert "Config reload refused" in notice.text and "rules[1].above" in notice.text
    assert "reload refused, the running config stays in force" in stderr
    assert daemon.returncode == 0


def test_reload_without_a_daemon_says_so(tmp_path: Path, site: FixtureSite) -> None:
    write_config(tmp_path, site_url=site.url)
    result = reload_command(tmp_path)
    assert result.returncode == 1
    assert "metalert reload: no daemon runs with" in result.stderr


def test_rule_state_survives_unchanged_resets_when_changed_and_is_kept_30_days_when_removed(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "rules.db")
    now = datetime(2025, 12, 3, tzinfo=UTC)
    copper = Rule("copper", Metric.PRICE, Crossing(Bound.ABOVE, Decimal(92000)), subject="copper")
    higher = Rule("copper", Metric.PRICE, Crossing(Bound.ABOVE, Decimal(95000)), subject="copper")
    with store.transaction():
        store.add_article(article(), now)
        figure_id = store.add_figure(price())
    outside = SeriesState(side=Side.OUTSIDE, order="2025-12-03")

    def sync(rule: Rule | None, at: datetime) -> tuple[list[str], list[str]]:
        conditions = {rule.name: rule.condition_digest} if rule else {}
        with store.transaction():
            return store.sync_rules(conditions, at, timedelta(days=30))

    def state() -> SeriesState | None:
        return store.series_state("copper", "price|copper|China")

    sync(copper, now)
    with store.transaction():
        store.save_series_state("copper", "price|copper|China", outside, figure_id, now)
    assert sync(copper, now + timedelta(hours=1)) == ([], [])  # unchanged: kept
    assert state() == outside
    assert sync(None, now + timedelta(days=29)) == ([], [])  # removed, not yet 30 days
    assert sync(copper, now + timedelta(days=29, hours=1)) == ([], [])  # put back: kept
    assert state() == outside
    assert sync(higher, now + timedelta(days=30)) == (["copper"], [])  # a new threshold
    assert state() is None
    with store.transaction():
        store.save_series_state("copper", "price|copper|China", outside, figure_id, now)
    assert sync(None, now + timedelta(days=61)) == ([], ["copper"])  # gone for over 30 days
    assert state() is None
    store.close()


def test_a_reload_names_what_applies_now_and_what_waits_for_a_restart(
    tmp_path: Path, site: FixtureSite
) -> None:
    old = load_config(write_config(tmp_path, site_url=site.url), environ={})
    text = (tmp_path / "config.yaml").read_text()
    edited = (
        text.replace('channel: "@metalert_demo"', 'channel: "@metals_desk"')
        .replace("send_timeout: 30s", "send_timeout: 40s")
        .replace("min_interval: 0s", "min_interval: 3s")
        .replace(
            "feeds: [secondaryaluminium_news]", "feeds: [secondaryaluminium_news, alumina_news]"
        )
        .replace("above: 92000", "above: 95000")
    )
    (tmp_path / "config.yaml").write_text(edited)
    new = load_config(tmp_path / "config.yaml", environ={})

    applied, waiting = changes(old, new)

    assert applied == [
        "rules changed: copper-above-92k",
        "source alcircle: feeds",
        "telegram.channel: @metals_desk",
        "telegram.send_timeout",
    ]
    assert waiting == ["http"]


def test_a_reload_moves_sending_to_new_bot_api_settings_and_a_new_admin_chat(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    moved = BotApiStandIn(TOKEN)  # where the reloaded config points the bot
    moved.start()
    site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news_before.xml"))
    config = write_config(
        tmp_path, site_url=site.url, api_base_url=bot_api.api_base_url, admin_chat=ADMIN
    )
    first = config.read_text()
    daemon = start(tmp_path)
    try:
        wait_until(lambda: site.bodies_sent(FEED) == 1)  # the baseline poll
        site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news.xml"))
        config.write_text(
            first.replace(bot_api.api_base_url, moved.api_base_url)
            .replace(f'admin_chat: "{ADMIN}"', 'admin_chat: "-100888"')
            .replace("interval: 15m", "interval: 2s", 1)
        )
        os.kill(daemon.pid, signal.SIGHUP)
        wait_until(lambda: len(moved.messages_to(CHANNEL)) == 2, seconds=30)
    finally:
        daemon.send_signal(signal.SIGTERM)
        _, stderr = daemon.communicate(timeout=20)
        moved.stop()

    assert bot_api.messages_to(CHANNEL) == []  # nothing more through the old address
    assert "telegram.api_base_url" in stderr and "telegram.admin_chat: -100888" in stderr
    assert "waiting for a restart" not in stderr
    assert TOKEN not in stderr
    assert daemon.returncode == 0


def test_sighup_during_start_up_is_kept_for_when_the_daemon_runs(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    # SIGHUP's default action ends a process: the daemon must own it from its first moment.
    site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news_before.xml"))
    config = write_config(tmp_path, site_url=site.url, api_base_url=bot_api.api_base_url)
    bot_api.slow_get_me(2.0)
    daemon = start(tmp_path)
    try:
        wait_until(lambda: any(r.path.endswith("/getMe") for r in bot_api.requests))
        config.write_text(config.read_text().replace("interval: 15m", "interval: 20m", 1))
        os.kill(daemon.pid, signal.SIGHUP)
        wait_until(lambda: site.bodies_sent(FEED) == 1)
        assert daemon.poll() is None  # it survived
    finally:
        daemon.send_signal(signal.SIGTERM)
        _, stderr = daemon.communicate(timeout=20)
    assert "reload: source alcircle: interval" in stderr
    assert daemon.returncode == 0
