"""`metalert` as a user runs it: a real process, a fixture site and a Bot API stand-in."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import TOKEN, fixture_text, write_config
from tests.servers import BotApiStandIn, FixtureSite, Reply

METALERT = str(Path(sys.executable).with_name("metalert"))
CHANNEL = "@metalert_demo"
FEED = "/api/rss/secondaryaluminium_news"
ARTICLE_URL = (
    "https://www.alcircle.com/press-release/"
    "secondary-aluminium-operating-rate-climbs-2-3-percentage-points-in-november-118842"
)


def environment(token: str | None = TOKEN) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    if token is not None:
        env["TELEGRAM_BOT_TOKEN"] = token
    return env


def metalert(*args: str, cwd: Path, token: str | None = TOKEN) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [METALERT, *args],
        cwd=cwd,
        env=environment(token),
        capture_output=True,
        text=True,
        timeout=60,
    )


def wait_until(condition: Callable[[], bool], seconds: float = 20.0) -> None:
    """Poll another process's progress; fails the test when it does not happen in time."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(0.05)


@pytest.fixture
def configured(tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn) -> Path:
    """A site serving the seed feed, and a config that alerts from the first poll on."""
    site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news.xml"))
    write_config(
        tmp_path, site_url=site.url, api_base_url=bot_api.api_base_url, on_first_run="alert"
    )
    return tmp_path


def test_a_new_article_after_the_baseline_alerts_twice_then_never_again(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news_before.xml"))
    write_config(tmp_path, site_url=site.url, api_base_url=bot_api.api_base_url)

    baseline = metalert("run", "--once", cwd=tmp_path)

    assert baseline.returncode == 0, baseline.stderr
    assert "scrape source=alcircle new=1 figures=0 alerts=0" in baseline.stderr
    assert "baseline=yes" in baseline.stderr
    assert bot_api.sent == []

    site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news.xml"))
    first = metalert("run", "--once", cwd=tmp_path)

    assert first.returncode == 0, first.stderr
    messages = bot_api.messages_to(CHANNEL)
    assert len(bot_api.sent) == len(messages) == 2
    rate, copper = (message.text for message in messages)
    assert all(message.parse_mode == "HTML" for message in messages)
    assert "<b>Secondary aluminium operating rate</b> · China · Nov 2025" in rate
    assert "<b>46.3%, MOM +2.3 pp, YOY +2.7 pp</b>" in rate
    assert "Rule <code>operating-rate-swing</code>: |MOM change| &gt; 2 pp" in rate
    assert "<b>above 92,000 CNY/t</b>" in copper
    assert "Rule <code>copper-above-92k</code>: above 92,000 CNY/t" in copper
    assert "copper prices broke through RMB 92,000 per tonne" in copper
    assert f'<a href="{ARTICLE_URL}">Secondary aluminium operating rate climbs' in copper
    assert "scrape source=alcircle new=1 figures=2 alerts=2" in first.stderr

    second = metalert("run", "--once", cwd=tmp_path)

    assert second.returncode == 0, second.stderr
    assert len(bot_api.sent) == 2
    assert "scrape source=alcircle new=0 figures=0 alerts=0" in second.stderr
    assert "unchanged=yes" in second.stderr  # answered 304: one request, no body
    assert site.bodies_sent(FEED) == 2
    for output in (baseline.stderr, first.stdout, first.stderr, second.stdout, second.stderr):
        assert TOKEN not in output


def test_on_first_run_alert_alerts_from_the_first_poll(
    configured: Path, bot_api: BotApiStandIn
) -> None:
    result = metalert("run", "--once", cwd=configured)

    assert result.returncode == 0, result.stderr
    assert "scrape source=alcircle new=2 figures=2 alerts=2" in result.stderr
    assert len(bot_api.messages_to(CHANNEL)) == 2


SEED_SMM_PATH = (
    "/newscontent/103660382/"
    "%5BSMM-Analysis%5D-Secondary-Aluminum-Operating-Rate-Rises-2.3-Percentage-Points-in-November"
)


def serve_smm(smm: FixtureSite, *, with_seed: bool) -> None:
    listing = fixture_text("smm/listing-en.html")
    if not with_seed:  # the listing as it was before the analysis appeared
        listing = re.sub(
            r'<div class="NewsItem_item__7Yh1s">\s*<a[^>]*103660382.*?</div>\s*</div>',
            "",
            listing,
            flags=re.S,
        )
    smm.serve_html("/en", listing)
    smm.serve_html(
        "/newscontent/103655120-aluminum-extrusion-operating-rate-dips-weekly",
        fixture_text("smm/article-103655120.html"),
    )
    smm.serve_html(
        "/en/newscontent/103651777-copper-premiums-narrow", fixture_text("smm/block-page.html")
    )
    smm.serve_html(SEED_SMM_PATH, fixture_text("smm/article-103660382.html"))


def test_an_analysis_from_smm_republished_by_al_circle_alerts_once(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    smm = FixtureSite()
    smm.start()
    try:
        site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news_before.xml"))
        serve_smm(smm, with_seed=False)
        write_config(
            tmp_path, site_url=site.url, api_base_url=bot_api.api_base_url, smm_url=smm.url
        )
        baseline = metalert("run", "--once", cwd=tmp_path)
        assert baseline.returncode == 0, baseline.stderr
        assert (
            "scrape source=smm new=1 figures=1 alerts=0" in baseline.stderr
        )  # the block page is skipped
        assert "failed_pages=1" in baseline.stderr

        serve_smm(smm, with_seed=True)
        from_smm = metalert("run", "--once", cwd=tmp_path)

        assert from_smm.returncode == 0, from_smm.stderr
        assert "scrape source=smm new=1 figures=2 alerts=2" in from_smm.stderr
        assert len(bot_api.sent) == 2
        assert "https://news.metal.com/newscontent/103660382" in bot_api.sent[0].text
        assert "02 Dec 2025 17:40 China time" in bot_api.sent[0].text

        site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news.xml"))
        republished = metalert("run", "--once", cwd=tmp_path)

        assert republished.returncode == 0, republished.stderr
        assert "scrape source=alcircle new=1 figures=2 alerts=0" in republished.stderr
        assert len(bot_api.sent) == 2
        # Article pages already seen are never fetched again.
        assert smm.hits("/newscontent/103655120-aluminum-extrusion-operating-rate-dips-weekly") == 1
    finally:
        smm.stop()


def test_one_source_down_never_stops_the_other(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    smm = FixtureSite()
    smm.start()
    try:
        site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news.xml"))
        smm.serve("/en", Reply(status=404, body=b"gone"))
        write_config(
            tmp_path,
            site_url=site.url,
            api_base_url=bot_api.api_base_url,
            smm_url=smm.url,
            on_first_run="alert",
        )

        result = metalert("run", "--once", cwd=tmp_path)
    finally:
        smm.stop()

    assert result.returncode == 1
    assert "scrape source=smm failed error=HTTP 404" in result.stderr
    assert "scrape source=alcircle new=2 figures=2 alerts=2" in result.stderr
    assert len(bot_api.messages_to(CHANNEL)) == 2


def test_a_channel_that_refuses_the_bot_is_disabled_until_enabled_again(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news.xml"))
    write_config(
        tmp_path,
        site_url=site.url,
        api_base_url=bot_api.api_base_url,
        on_first_run="alert",
        admin_chat="-100777",
    )
    bot_api.fail_next(403, "Forbidden: bot is not a member of the channel chat")

    refused = metalert("run", "--once", cwd=tmp_path)

    assert refused.returncode == 1
    assert "deliver chat disabled chat=@metalert_demo" in refused.stderr
    assert "2 message(s) still queued" in refused.stderr
    assert bot_api.messages_to(CHANNEL) == []
    (notice,) = bot_api.messages_to("-100777")
    assert "Chat @metalert_demo refuses the bot" in notice.text

    still_disabled = metalert("run", "--once", cwd=tmp_path)
    assert bot_api.messages_to(CHANNEL) == []
    assert still_disabled.returncode == 1

    enabled = metalert("enable-chat", CHANNEL, cwd=tmp_path)
    assert enabled.returncode == 0, enabled.stderr
    assert (
        enabled.stdout.strip() == "@metalert_demo: enabled; 2 message(s) queued will be delivered"
    )

    later = metalert("run", "--once", cwd=tmp_path)

    assert later.returncode == 0, later.stderr
    assert len(bot_api.messages_to(CHANNEL)) == 2


def test_a_config_error_exits_2_with_one_line_and_sends_nothing(
    configured: Path, bot_api: BotApiStandIn
) -> None:
    config = configured / "config.yaml"
    config.write_text(config.read_text().replace("above: 92000", "above: ninety-two thousand"))

    result = metalert("run", "--once", cwd=configured)

    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ["config.yaml: rules[1].above: must be a number"]
    assert bot_api.sent == []
    assert not (configured / "metalert.db").exists()


def test_without_a_token_alerts_print_to_stdout(configured: Path, bot_api: BotApiStandIn) -> None:
    result = metalert("run", "--once", cwd=configured, token=None)

    assert result.returncode == 0, result.stderr
    assert result.stdout.count(f"--- message to {CHANNEL} ---") == 2
    assert "46.3%" in result.stdout
    assert "<b>" not in result.stdout  # the console renders plain text, not Telegram's HTML
    assert "alerts are printed to stdout" in result.stderr
    assert bot_api.sent == []


def test_a_site_that_is_down_fails_the_run_but_loses_nothing(
    configured: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    site.serve(FEED, Reply(status=404, body=b"gone"))

    down = metalert("run", "--once", cwd=configured)

    assert down.returncode == 1
    assert "scrape source=alcircle failed error=HTTP 404" in down.stderr
    site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news.xml"))
    assert metalert("run", "--once", cwd=configured).returncode == 0
    assert len(bot_api.sent) == 2


def stop_daemon(
    configured: Path, ready: Callable[[], bool], signum: signal.Signals
) -> tuple[int, str, float]:
    """Start `metalert run`, wait until `ready`, signal it; return its exit code, stderr and the
    seconds it took to exit after the signal."""
    process = subprocess.Popen(
        [METALERT, "run"],
        cwd=configured,
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_until(ready)
        started = time.monotonic()
        process.send_signal(signum)
        _, stderr = process.communicate(timeout=10)
        return process.returncode, stderr, time.monotonic() - started
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_the_daemon_alerts_then_stops_cleanly_on_a_signal(
    configured: Path, bot_api: BotApiStandIn, signum: signal.Signals
) -> None:
    code, stderr, _ = stop_daemon(configured, lambda: len(bot_api.sent) == 2, signum)

    assert code == 0, stderr
    assert "metalert stopped" in stderr
    assert TOKEN not in stderr
    assert len(bot_api.sent) == 2


def test_a_signal_during_a_slow_fetch_stops_within_10_seconds(
    configured: Path, site: FixtureSite
) -> None:
    site.serve(FEED, Reply(body=b"", delay=30))

    code, stderr, took = stop_daemon(configured, lambda: site.hits(FEED) >= 1, signal.SIGTERM)

    assert code == 0, stderr
    assert took < 10
    assert "metalert stopped" in stderr


def listing_with(*articles: tuple[str, str]) -> str:
    items = "".join(
        f'<div class="NewsItem_item__7Yh1s"><a class="NewsItem_link__q2W8e" href="{href}">'
        f'<div class="NewsItem_heading__kk3Lm">{title}</div></a><div class="NewsItem_time__z9Z9z">3 days ago</div></div>'
        for href, title in articles
    )
    return f"<html><head><title>Latest News - SMM</title></head><body><main>{items}</main><footer>metal.com</footer></body></html>"


def serve_backfill_site(smm: FixtureSite, *, slow_page: int | None = None) -> None:
    article = fixture_text("smm/article-103655120.html")
    pages = {
        1: [("/newscontent/103700001-a", "Extrusion week 47")],
        2: [("/newscontent/103600002-b", "Extrusion week 46")],
        3: [("/newscontent/103500003-c", "Extrusion week 45")],
    }
    for number, links in pages.items():
        path = "/en" if number == 1 else f"/en?page={number}"
        body = listing_with(*links).encode()
        smm.serve(
            path,
            Reply(
                body=body,
                headers={"Content-Type": "text/html"},
                delay=2.0 if number == slow_page else 0.0,
            ),
        )
        for href, _ in links:
            smm.serve_html(href, article)


def requests_for(server: FixtureSite, path_and_query: str) -> int:
    return sum(1 for request in server.requests if request.path == path_and_query)


def backfill_process(cwd: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [METALERT, "backfill", "--source", "smm", *args],
        cwd=cwd,
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_backfill_stores_history_without_alerting_and_resumes_after_ctrl_c(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    smm = FixtureSite()
    smm.start()
    try:
        serve_backfill_site(smm, slow_page=2)
        write_config(
            tmp_path, site_url=site.url, api_base_url=bot_api.api_base_url, smm_url=smm.url
        )
        process = backfill_process(tmp_path, "--pages", "3")
        try:
            # Page 2 is asked for while page 1 is recorded; it takes 2 s to answer.
            wait_until(lambda: requests_for(smm, "/en?page=2") == 1)
            time.sleep(0.3)
            process.send_signal(signal.SIGINT)
            _, interrupted = process.communicate(timeout=20)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()

        assert process.returncode == 130, interrupted
        # Ctrl-C did not wait for the slow page: it is walked again on resume.
        assert "backfill source=smm pages=1 new=1 figures=1 alerts=0" in interrupted
        assert "run it again to continue from page 2" in interrupted

        resumed = backfill_process(tmp_path, "--pages", "3")
        _, stderr = resumed.communicate(timeout=30)
    finally:
        smm.stop()

    assert resumed.returncode == 0, stderr
    assert "resuming at page 2" in stderr
    assert "backfill source=smm pages=2 new=2 figures=2 alerts=0" in stderr
    # Page 1 was not walked again; page 2, dropped mid-fetch, was.
    assert (
        requests_for(smm, "/en"),
        requests_for(smm, "/en?page=2"),
        requests_for(smm, "/en?page=3"),
    ) == (1, 2, 1)
    assert bot_api.sent == []


def test_backfill_ctrl_c_acts_at_once_even_mid_page_and_the_page_is_walked_again(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    smm = FixtureSite()
    smm.start()
    article = fixture_text("smm/article-103655120.html")
    links = [(f"/newscontent/10370000{n}-week-{n}", f"Extrusion week {n}") for n in range(1, 5)]
    smm.serve(
        "/en", Reply(body=listing_with(*links).encode(), headers={"Content-Type": "text/html"})
    )
    for href, _ in links:
        # Each article page takes 3 s to answer: the page as a whole would take 12 s.
        smm.serve(
            href, Reply(body=article.encode(), headers={"Content-Type": "text/html"}, delay=3.0)
        )
    try:
        write_config(
            tmp_path, site_url=site.url, api_base_url=bot_api.api_base_url, smm_url=smm.url
        )
        process = backfill_process(tmp_path, "--pages", "1")
        try:
            wait_until(lambda: requests_for(smm, links[0][0]) == 1)
            signalled = time.monotonic()
            process.send_signal(signal.SIGINT)
            _, interrupted = process.communicate(timeout=20)
            took = time.monotonic() - signalled
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        assert process.returncode == 130, interrupted
        assert "run it again to continue from page 1" in interrupted
        # It did not wait for the article being fetched, let alone the rest of the page.
        assert took < 2.5, took
        assert requests_for(smm, links[1][0]) == 0

        for href, _ in links:
            smm.serve_html(href, article)
        resumed = backfill_process(tmp_path, "--pages", "1")
        _, stderr = resumed.communicate(timeout=30)
    finally:
        smm.stop()
    assert resumed.returncode == 0, stderr
    assert "backfill source=smm pages=1 new=4 figures=4 alerts=0" in stderr
    # The progress display counts pages and articles, with their rates and the time left.
    assert re.search(r"smm pages .* 1/1 +[\d.]+ pages/s .* eta", stderr), stderr
    assert re.search(r"smm articles .* 4/4 +[\d.]+ articles/s", stderr), stderr
    assert bot_api.sent == []


def test_after_an_empty_first_poll_the_next_article_alerts(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    site.serve_text(FEED, fixture_text("alcircle/alumina_news_empty.xml"))
    write_config(tmp_path, site_url=site.url, api_base_url=bot_api.api_base_url)
    assert "new=0 figures=0 alerts=0 took" in metalert("run", "--once", cwd=tmp_path).stderr

    site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news.xml"))
    result = metalert("run", "--once", cwd=tmp_path)

    assert "scrape source=alcircle new=2 figures=2 alerts=2" in result.stderr
    assert "baseline=yes" not in result.stderr
    assert len(bot_api.sent) == 2


def test_backfill_since_skips_older_articles_and_alert_sends(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news.xml"))
    write_config(tmp_path, site_url=site.url, api_base_url=bot_api.api_base_url)

    def backfill(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [METALERT, "backfill", "--source", "alcircle", "--pages", "1", *args],
            cwd=tmp_path,
            env=environment(),
            capture_output=True,
            text=True,
            timeout=60,
        )

    # The seed is from 3 December 2025; the undated item is dated when first seen (now).
    recent = backfill("--since", "2025-12-04")
    assert recent.returncode == 0, recent.stderr
    assert "pages=1 new=1 figures=0 alerts=0 older=1" in recent.stderr

    everything = backfill("--alert")
    assert everything.returncode == 0, everything.stderr
    assert "pages=1 new=1 figures=2 alerts=2 older=0" in everything.stderr
    assert len(bot_api.messages_to(CHANNEL)) == 2
