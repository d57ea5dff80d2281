"""The operations endpoint of a running daemon: /healthz, /readyz and /metrics."""

from __future__ import annotations

import json
import re
import signal
import socket
import sqlite3
import subprocess
import threading
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from alerts.models import OutgoingMessage
from alerts.store import Store
from bot.health import LOOP_STALL_SECONDS, Health
from tests.alerts.factories import article, rate
from tests.conftest import TOKEN, fixture_text, write_config
from tests.servers import BotApiStandIn, FixtureSite, Reply
from tests.test_end_to_end import CHANNEL, FEED, METALERT, environment, wait_until


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def metric(text: str, name: str, **labels: str) -> float | None:
    """One sample's value from the Prometheus text format, or None when it is not there."""
    wanted = ",".join(f'{key}="{value}"' for key, value in labels.items())
    pattern = rf"^{re.escape(name)}(?:\{{{re.escape(wanted)}\}})? (\S+)$"
    found = re.search(pattern, text, re.MULTILINE)
    return float(found.group(1)) if found else None


def test_a_running_daemon_reports_health_readiness_and_metrics(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    smm = FixtureSite()  # the second source is down: a 404 for its listing
    smm.start()
    smm.serve("/en", Reply(status=404, body=b"gone"))
    site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news.xml"))
    port = free_port()
    write_config(
        tmp_path,
        site_url=site.url,
        api_base_url=bot_api.api_base_url,
        smm_url=smm.url,
        on_first_run="alert",
        extra=f'ops:\n  listen: "127.0.0.1:{port}"\n',
    )
    config = tmp_path / "config.yaml"
    config.write_text(config.read_text().replace("interval: 30m", "interval: 2s"))  # SMM
    base = f"http://127.0.0.1:{port}"
    daemon = subprocess.Popen(
        [METALERT, "run"],
        cwd=tmp_path,
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_until(lambda: len(bot_api.messages_to(CHANNEL)) == 2)
        wait_until(lambda: smm.hits("/en") >= 1)

        def scraped() -> str:
            return httpx.get(f"{base}/metrics", timeout=5).text

        wait_until(
            lambda: metric(scraped(), "metalert_messages_sent_total", target="telegram") == 2
        )
        wait_until(
            lambda: (metric(scraped(), "metalert_poll_failures_total", source="smm") or 0) >= 1
        )
        healthz = httpx.get(f"{base}/healthz", timeout=5)
        readyz = httpx.get(f"{base}/readyz", timeout=5)
        metrics = scraped()
        missing = httpx.get(f"{base}/other", timeout=5)
        # SMM comes back: at its next poll the daemon is ready.
        smm.serve_text("/en", fixture_text("smm/listing-en.html"), "text/html")
        wait_until(lambda: httpx.get(f"{base}/readyz", timeout=5).status_code == 200)
        recovered = httpx.get(f"{base}/readyz", timeout=5).text
        after = scraped()
    finally:
        daemon.send_signal(signal.SIGTERM)
        _, stderr = daemon.communicate(timeout=20)
        smm.stop()

    assert healthz.status_code == 200 and healthz.text == "alive\n"
    # AL Circle polled fine; SMM never has: not ready, and the body says why.
    assert readyz.status_code == 503
    assert readyz.text == "smm: no successful poll since start-up\n"
    assert missing.status_code == 404
    assert metric(metrics, "metalert_polls_total", source="alcircle") == 1
    assert metric(metrics, "metalert_poll_failures_total", source="alcircle") is None
    assert metric(metrics, "metalert_articles_stored_total", source="alcircle") == 2
    assert metric(metrics, "metalert_figures_stored_total", source="alcircle") == 2
    assert metric(metrics, "metalert_alerts_fired_total", rule="operating-rate-swing") == 1
    assert metric(metrics, "metalert_alerts_fired_total", rule="copper-above-92k") == 1
    assert metric(metrics, "metalert_outbox_queued_messages", target="telegram") == 0
    age = metric(metrics, "metalert_source_last_success_age_seconds", source="alcircle")
    assert age is not None and 0 <= age < 60
    assert metric(metrics, "metalert_source_last_success_age_seconds", source="smm") is None
    assert re.search(
        r'^metalert_http_request_duration_seconds_count\{host="127\.0\.0\.1"\} \d', metrics, re.M
    )
    resident = metric(metrics, "metalert_process_resident_memory_bytes")
    assert resident is not None and resident > 10 * 2**20
    assert recovered == "ready\n"
    smm_age = metric(after, "metalert_source_last_success_age_seconds", source="smm")
    assert smm_age is not None and smm_age < 60
    assert f"ops endpoint on http://127.0.0.1:{port}" in stderr
    assert daemon.returncode == 0, stderr


def test_an_address_already_in_use_stops_the_daemon_with_one_line(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news.xml"))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        write_config(
            tmp_path,
            site_url=site.url,
            api_base_url=bot_api.api_base_url,
            extra=f'ops:\n  listen: "127.0.0.1:{port}"\n',
        )
        result = subprocess.run(
            [METALERT, "run"], cwd=tmp_path, env=environment(), capture_output=True, text=True,
            timeout=30,
        )  # fmt: skip
    assert result.returncode == 1
    assert f"ops.listen: cannot listen on 127.0.0.1:{port}: Address already in use" in result.stderr
    assert bot_api.sent == []


@pytest.mark.parametrize("listen", ["9108", "127.0.0.1:99999", "127.0.0.1:port", ":9108"])
def test_a_malformed_listen_address_is_a_config_error(
    tmp_path: Path, site: FixtureSite, listen: str
) -> None:
    config = write_config(tmp_path, site_url=site.url, extra=f'ops:\n  listen: "{listen}"\n')
    result = subprocess.run(
        [METALERT, "check-config", "--config", str(config)],
        env=environment(),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert 'ops.listen: must be "host:port", e.g. "127.0.0.1:9108"' in result.stderr


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_readiness_follows_each_source_within_three_intervals() -> None:
    clock = Clock()
    health = Health({"alcircle": timedelta(minutes=15), "smm": timedelta(minutes=30)}, clock)
    assert health.alive() == (False, "the scheduler is not running")
    health.scheduler_running = True
    health.beat()
    health.store_open = True
    assert health.ready() == (
        False,
        "alcircle: no successful poll since start-up; smm: no successful poll since start-up",
    )
    health.succeeded("alcircle")
    health.succeeded("smm")
    assert health.ready() == (True, "ready")

    clock.now += 46 * 60  # AL Circle's three 15-minute intervals are over; SMM's 90 are not
    health.beat()
    assert health.ready() == (False, "alcircle: last successful poll 2760 s ago")
    health.succeeded("alcircle")
    assert health.ready() == (True, "ready")

    clock.now += LOOP_STALL_SECONDS + 1  # the event loop stopped turning
    assert health.alive()[0] is False
    assert health.ready()[1].startswith("the event loop has not answered")


def status(cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [METALERT, "status"], cwd=cwd, env=environment(), capture_output=True, text=True, timeout=30
    )


def test_status_tells_a_healthy_daemon_from_a_failing_source_and_a_stopped_one(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    smm = FixtureSite()
    smm.start()
    smm.serve("/en", Reply(status=404, body=b"gone"))
    site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news.xml"))
    write_config(
        tmp_path,
        site_url=site.url,
        api_base_url=bot_api.api_base_url,
        smm_url=smm.url,
        on_first_run="alert",
        broken_after=1,
    )
    daemon = subprocess.Popen(
        [METALERT, "run"], cwd=tmp_path, env=environment(), stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    try:
        wait_until(lambda: len(bot_api.messages_to(CHANNEL)) == 2)
        wait_until(lambda: "source smm: failing" in status(tmp_path).stdout)
        failing = status(tmp_path)
        smm.serve_text("/en", fixture_text("smm/listing-en.html"), "text/html")
    finally:
        daemon.send_signal(signal.SIGTERM)
        daemon.wait(20)
        smm.stop()
    stopped = status(tmp_path)

    assert failing.returncode == 1, failing.stdout
    lines = failing.stdout.splitlines()
    assert lines[0] == "metalert status: UNHEALTHY"
    assert re.fullmatch(r"  daemon: running \(pid \d+, since .* UTC\)", lines[1])
    assert any(line.startswith("  source alcircle: ok, last success stored") for line in lines)
    assert any(line.startswith("  source smm: failing (1 in a row): HTTP 404") for line in lines), (
        lines
    )
    assert "  outbox: 0 queued" in lines
    assert "  problem: smm: 1 failed polls in a row" in lines

    assert stopped.returncode == 1
    assert "  daemon: not running" in stopped.stdout.splitlines()
    assert "  problem: no metalert daemon holds the database" in stopped.stdout.splitlines()


def test_status_of_a_healthy_daemon_exits_0(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news.xml"))
    write_config(tmp_path, site_url=site.url, api_base_url=bot_api.api_base_url)
    daemon = subprocess.Popen(
        [METALERT, "run"], cwd=tmp_path, env=environment(), stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    try:
        wait_until(lambda: "source alcircle: ok" in status(tmp_path).stdout)
        healthy = status(tmp_path)
    finally:
        daemon.send_signal(signal.SIGTERM)
        daemon.wait(20)
    assert healthy.returncode == 0, healthy.stdout
    assert healthy.stdout.splitlines()[0] == "metalert status: healthy"
    assert "problem" not in healthy.stdout


def test_status_without_a_database_is_unhealthy(tmp_path: Path, site: FixtureSite) -> None:
    write_config(tmp_path, site_url=site.url)
    result = status(tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "metalert status: UNHEALTHY",
        f"  problem: no database at {tmp_path / 'metalert.db'}",
    ]


def test_retention_prunes_old_bodies_and_sent_messages_but_keeps_figures_and_queued_ones(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news_before.xml"))
    write_config(tmp_path, site_url=site.url, api_base_url=bot_api.api_base_url)
    config = tmp_path / "config.yaml"
    config.write_text(
        config.read_text().replace("  path: metalert.db", "  path: metalert.db\n  retention: 30d")
    )
    database = tmp_path / "metalert.db"
    store = Store(database)
    old, recent = datetime.now(UTC) - timedelta(days=31), datetime.now(UTC) - timedelta(days=29)
    with store.transaction():
        for number, seen in ((1, old), (2, recent)):
            stored = article(number)
            store.add_article(stored, seen)
            store.add_figure(rate(article_id=stored.id))
        store.enqueue(OutgoingMessage("@metalert_demo", "old, sent", "k-old-sent"), old)
        store.enqueue(OutgoingMessage("@metalert_demo", "old, queued", "k-old-queued"), old)
        store.enqueue(OutgoingMessage("@metalert_demo", "recent, sent", "k-recent-sent"), recent)
    for message in store.queued("@metalert_demo"):
        if "sent" in message.text:
            with store.transaction():
                store.mark_sent(message.id, "1", old if "old" in message.text else recent)
    store.close()

    result = subprocess.run(
        [METALERT, "run", "--once"], cwd=tmp_path, env=environment(), capture_output=True,
        text=True, timeout=60,
    )  # fmt: skip

    assert "retention pruned article_bodies=1 messages=1 older_than=30d" in result.stderr
    with closing(sqlite3.connect(database)) as db:
        bodies = dict(db.execute("SELECT id, body FROM articles WHERE id LIKE 'alcircle:_'"))
        texts = [row[0] for row in db.execute("SELECT text FROM outbox ORDER BY id")]
        figures = db.execute("SELECT count(*) FROM figures").fetchone()[0]
    assert bodies == {"alcircle:1": "", "alcircle:2": "…"}
    assert texts == ["old, queued", "recent, sent"]
    assert figures >= 2
    # The old queued message was still delivered: retention never drops what is owed.
    assert [m.text for m in bot_api.messages_to(CHANNEL)] == ["old, queued"]


def test_backup_while_another_process_writes_is_a_consistent_copy(
    tmp_path: Path, site: FixtureSite
) -> None:
    write_config(tmp_path, site_url=site.url)
    database = tmp_path / "metalert.db"
    Store(database).close()
    written = threading.Event()
    stop = threading.Event()

    def writer() -> None:
        # Article and figure commit together: a copy with one but not the other is torn.
        store = Store(database)
        number = 0
        try:
            while not stop.is_set():
                number += 1
                stored = article(number)
                with store.transaction():
                    store.add_article(stored, datetime.now(UTC))
                    store.add_figure(rate(article_id=stored.id))
                if number == 50:
                    written.set()
        finally:
            store.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert written.wait(20)
        result = subprocess.run(
            [METALERT, "backup", "copy.db"], cwd=tmp_path, env=environment(),
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    finally:
        stop.set()
        thread.join(20)

    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r".*metalert\.db -> copy\.db: [\d.]+ MiB, integrity ok\n", result.stdout)
    with closing(sqlite3.connect(tmp_path / "copy.db")) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        articles = copy.execute("SELECT count(*) FROM articles").fetchone()[0]
        figures = copy.execute("SELECT count(*) FROM figures").fetchone()[0]
    assert articles >= 50 and articles == figures
    assert not list(tmp_path.glob(".copy.db*"))

    again = subprocess.run(
        [METALERT, "backup", "copy.db"], cwd=tmp_path, env=environment(), capture_output=True,
        text=True, timeout=60,
    )  # fmt: skip
    assert again.returncode == 2
    assert "metalert backup: copy.db already exists; name a new file" in again.stderr


def test_json_logs_carry_the_same_fields_and_the_level_comes_from_config_or_command_line(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news.xml"))
    write_config(
        tmp_path,
        site_url=site.url,
        api_base_url=bot_api.api_base_url,
        on_first_run="alert",
        extra="logging:\n  format: json\n  level: info\n",
    )

    def once(*flags: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [METALERT, *flags, "run", "--once"], cwd=tmp_path, env=environment(),
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip

    first = once()
    entries = [json.loads(line) for line in first.stderr.splitlines()]
    scrape = next(e for e in entries if e["message"].startswith("scrape source=alcircle"))
    assert scrape["level"] == "INFO" and scrape["logger"] == "bot.daemon"
    assert scrape["message"].startswith("scrape source=alcircle new=2 figures=2 alerts=2")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", scrape["time"])
    assert TOKEN not in first.stderr

    quiet = once("--log-level", "warning")
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stderr == ""
