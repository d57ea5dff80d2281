"""The fault matrix: `metalert` run as an operator runs it, through the faults that lose alerts
or send them twice. Each case asserts exactly what reaches the Bot API stand-in."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import TOKEN, fixture_text, write_config
from tests.servers import BotApiStandIn, FixtureSite, Reply
from tests.test_end_to_end import (
    CHANNEL,
    FEED,
    METALERT,
    SEED_SMM_PATH,
    environment,
    metalert,
    wait_until,
)

ADMIN = "-100777"
LISTING = "/en"
EXTRUSION_PATH = "/newscontent/103655120-aluminum-extrusion-operating-rate-dips-weekly"
BLOCKED_PATH = "/en/newscontent/103651777-copper-premiums-narrow"
SEED_ALERTS = ("<b>46.3%, MOM +2.3 pp, YOY +2.7 pp</b>", "<b>above 92,000 CNY/t</b>")


def assert_seed_alerts_once(bot_api: BotApiStandIn) -> None:
    """The reference article's two alerts reached the channel, each exactly once."""
    texts = [message.text for message in bot_api.messages_to(CHANNEL)]
    assert len(texts) == 2, texts
    for expected, text in zip(SEED_ALERTS, texts, strict=True):
        assert expected in text


def smm_only(tmp_path: Path, site: FixtureSite, smm: FixtureSite, bot_api: BotApiStandIn) -> None:
    """AL Circle with an empty feed, SMM with its listing: the SMM side carries the news."""
    site.serve_text(FEED, fixture_text("alcircle/alumina_news_empty.xml"))
    write_config(
        tmp_path,
        site_url=site.url,
        api_base_url=bot_api.api_base_url,
        smm_url=smm.url,
        on_first_run="alert",
    )


def serve_listing(smm: FixtureSite, *, with_seed: bool = True) -> None:
    listing = fixture_text("smm/listing-en.html")
    if not with_seed:
        listing = re.sub(
            r'<div class="NewsItem_item__7Yh1s">\s*<a[^>]*103660382.*?</div>\s*</div>',
            "",
            listing,
            flags=re.S,
        )
    # Served with an ETag, as the live site would: an unchanged listing answers 304.
    smm.serve_text(LISTING, listing, "text/html")
    smm.serve_html(EXTRUSION_PATH, fixture_text("smm/article-103655120.html"))
    smm.serve_html(BLOCKED_PATH, fixture_text("smm/block-page.html"))


def not_modified(server: FixtureSite, path: str) -> int:
    return server.hits(path) - server.bodies_sent(path)


# -- 1. an unfinished poll loses nothing ----------------------------------------------------------


def test_an_article_page_that_fails_is_read_on_the_next_poll_of_an_unchanged_listing(
    tmp_path: Path, site: FixtureSite, smm_site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    smm_only(tmp_path, site, smm_site, bot_api)
    serve_listing(smm_site)
    smm_site.serve_html(SEED_SMM_PATH, fixture_text("smm/block-page.html"))

    failed = metalert("run", "--once", cwd=tmp_path)

    assert failed.returncode == 0, failed.stderr
    assert "item failed source=smm id=smm:103660382" in failed.stderr
    assert bot_api.sent == []

    smm_site.serve_html(SEED_SMM_PATH, fixture_text("smm/article-103660382.html"))
    recovered = metalert("run", "--once", cwd=tmp_path)

    assert recovered.returncode == 0, recovered.stderr
    assert "scrape source=smm new=1 figures=2 alerts=2" in recovered.stderr
    assert_seed_alerts_once(bot_api)
    # The listing was fetched in full again: its validators had not been remembered.
    assert not_modified(smm_site, LISTING) == 0


def test_a_pending_article_is_retried_even_when_the_listing_answers_304(
    tmp_path: Path, site: FixtureSite, smm_site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    smm_only(tmp_path, site, smm_site, bot_api)
    serve_listing(smm_site)
    smm_site.serve(SEED_SMM_PATH, Reply(status=404, body=b"not yet"))
    assert metalert("run", "--once", cwd=tmp_path).returncode == 0

    # The listing moves on without the article; everything it lists is recorded now.
    serve_listing(smm_site, with_seed=False)
    smm_site.serve_html(BLOCKED_PATH, fixture_text("smm/article-103655120.html"))
    assert metalert("run", "--once", cwd=tmp_path).returncode == 0
    assert bot_api.sent == []

    smm_site.serve_html(SEED_SMM_PATH, fixture_text("smm/article-103660382.html"))
    third = metalert("run", "--once", cwd=tmp_path)

    assert third.returncode == 0, third.stderr
    assert not_modified(smm_site, LISTING) == 1  # the listing answered 304 ...
    assert_seed_alerts_once(bot_api)  # ... and the article was read all the same


def test_an_item_that_keeps_failing_is_given_up_after_five_polls_and_logged(
    tmp_path: Path, site: FixtureSite, smm_site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    smm_only(tmp_path, site, smm_site, bot_api)
    serve_listing(smm_site)
    smm_site.serve_html(SEED_SMM_PATH, fixture_text("smm/article-103660382.html"))
    runs = [metalert("run", "--once", cwd=tmp_path) for _ in range(6)]

    blocked = [run.stderr.count("id=smm:103651777") for run in runs]
    assert blocked == [1, 1, 1, 1, 1, 0]
    assert "item given up source=smm id=smm:103651777" in runs[4].stderr
    assert "attempts=5" in runs[4].stderr
    assert smm_site.hits(BLOCKED_PATH) == 5
    # Once given up, the listing's validators are remembered: the last poll cost a 304.
    assert not_modified(smm_site, LISTING) == 1
    assert_seed_alerts_once(bot_api)


@contextmanager
def daemon(cwd: Path) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [METALERT, "run"],
        cwd=cwd,
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=10)  # reaps it and closes its pipes


def test_kill_9_in_the_middle_of_a_poll_loses_no_article(
    tmp_path: Path, site: FixtureSite, smm_site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    smm_only(tmp_path, site, smm_site, bot_api)
    serve_listing(smm_site)
    smm_site.serve(SEED_SMM_PATH, Reply(body=b"", delay=30))
    with daemon(tmp_path) as process:
        wait_until(lambda: smm_site.hits(SEED_SMM_PATH) >= 1)
        process.send_signal(signal.SIGKILL)

    smm_site.serve_html(SEED_SMM_PATH, fixture_text("smm/article-103660382.html"))
    restarted = metalert("run", "--once", cwd=tmp_path)

    assert restarted.returncode == 0, restarted.stderr
    assert_seed_alerts_once(bot_api)


def test_sigterm_in_the_middle_of_a_poll_stops_cleanly_and_loses_no_article(
    tmp_path: Path, site: FixtureSite, smm_site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    smm_only(tmp_path, site, smm_site, bot_api)
    serve_listing(smm_site)
    smm_site.serve(SEED_SMM_PATH, Reply(body=b"", delay=30))
    with daemon(tmp_path) as process:
        wait_until(lambda: smm_site.hits(SEED_SMM_PATH) >= 1)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=15)

    assert process.returncode == 0, stderr
    assert "metalert stopped" in stderr
    assert "Traceback" not in stderr and "CancelledError" not in stderr

    smm_site.serve_html(SEED_SMM_PATH, fixture_text("smm/article-103660382.html"))
    restarted = metalert("run", "--once", cwd=tmp_path)

    assert restarted.returncode == 0, restarted.stderr
    assert_seed_alerts_once(bot_api)


# -- 2. one process per database ------------------------------------------------------------------


def test_a_second_process_on_the_same_database_exits_2_naming_the_holder(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news.xml"))
    write_config(
        tmp_path, site_url=site.url, api_base_url=bot_api.api_base_url, on_first_run="alert"
    )
    with daemon(tmp_path) as first:
        wait_until(lambda: len(bot_api.sent) == 2)

        second = metalert("run", cwd=tmp_path)
        started = time.monotonic()
        overlapping = metalert("run", "--once", "--wait", "1s", cwd=tmp_path)
        waited = time.monotonic() - started

        assert second.returncode == 2
        (line,) = second.stderr.strip().splitlines()
        assert re.fullmatch(
            rf".*metalert\.db: in use by another metalert \(pid {first.pid}, since"
            r" \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\); only one process may scrape and send per"
            r" database",
            line,
        ), line
        assert overlapping.returncode == 2
        assert f"pid {first.pid}" in overlapping.stderr
        assert waited >= 1.0  # it waited its turn before giving up
        first.send_signal(signal.SIGKILL)

    # The dead holder's lock is taken over; nothing is sent twice.
    after = metalert("run", "--once", cwd=tmp_path)

    assert after.returncode == 0, after.stderr
    assert_seed_alerts_once(bot_api)


def test_run_once_waits_for_a_run_that_finishes(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    site.serve(
        FEED, Reply(body=fixture_text("alcircle/secondaryaluminium_news.xml").encode(), delay=2)
    )
    write_config(
        tmp_path, site_url=site.url, api_base_url=bot_api.api_base_url, on_first_run="alert"
    )
    first = subprocess.Popen(
        [METALERT, "run", "--once"],
        cwd=tmp_path,
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_until(lambda: site.hits(FEED) >= 1)
        second = metalert("run", "--once", "--wait", "30s", cwd=tmp_path)
        first.communicate(timeout=30)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()

    assert first.returncode == 0
    assert second.returncode == 0, second.stderr
    assert_seed_alerts_once(bot_api)


# -- 3. a slow Bot API ----------------------------------------------------------------------------


def test_a_send_accepted_but_answered_too_late_is_not_retried_in_place(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news.xml"))
    write_config(
        tmp_path,
        site_url=site.url,
        api_base_url=bot_api.api_base_url,
        on_first_run="alert",
        send_timeout="1s",
    )
    bot_api.accept_then_stall(3)

    result = metalert("run", "--once", cwd=tmp_path)

    assert result.returncode == 1  # the outcome is unknown: the message waits for one more try
    assert "deliver outcome unknown chat=@metalert_demo" in result.stderr
    texts = [message.text for message in bot_api.messages_to(CHANNEL)]
    assert len(texts) == 1 and SEED_ALERTS[0] in texts[0]  # one copy, not five
    assert "2 message(s) still queued" in result.stderr  # the second waits behind it, in order


# -- 4. one bad item ------------------------------------------------------------------------------


def feed(*items: tuple[str, str, str]) -> str:
    """An AL Circle-style feed of (link, title, body) items."""
    entries = "".join(
        f"<item><link>{link}</link><title>{title}</title>"
        f"<description>{body}</description>"
        "<pubDate>Wed, 03 Dec 2025 09:30:00 +0000</pubDate></item>"
        for link, title, body in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        "<title>AlCircle: Latest secondary aluminium news update</title>"
        f"<link>https://www.alcircle.com</link><description>news</description>{entries}"
        "</channel></rss>"
    )


FILLER = (
    "&lt;p&gt;" + " ".join(["Traders watched scrap arrivals and kept quiet."] * 12) + "&lt;/p&gt;"
)


def test_an_item_with_a_5000_digit_id_costs_only_itself(
    tmp_path: Path, site: FixtureSite, smm_site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    seed_feed = fixture_text("alcircle/secondaryaluminium_news.xml")
    bad = ("https://www.alcircle.com/news/a-story-" + "7" * 5000, "A broken link", FILLER)
    site.serve_text(
        FEED,
        seed_feed.replace(
            "<item>", feed(bad).split("<channel>")[1].split("</channel>")[0] + "<item>", 1
        ),
    )
    serve_listing(smm_site)
    smm_site.serve_html(SEED_SMM_PATH, fixture_text("smm/article-103660382.html"))
    write_config(
        tmp_path,
        site_url=site.url,
        api_base_url=bot_api.api_base_url,
        smm_url=smm_site.url,
        on_first_run="alert",
    )

    first = metalert("run", "--once", cwd=tmp_path)
    second = metalert("run", "--once", cwd=tmp_path)

    assert first.returncode == 0, first.stderr
    assert "Traceback" not in first.stderr
    assert first.stderr.count("item given up source=alcircle id=alcircle:unreadable:") == 1
    assert "the link is not an article URL" in first.stderr
    assert "item given up" not in second.stderr  # logged once
    assert_seed_alerts_once(bot_api)  # SMM carried the same facts: still two, once


def test_parse_json_never_turns_a_huge_number_into_a_figure(tmp_path: Path) -> None:
    article = tmp_path / "huge.txt"
    article.write_text(
        "Copper prices rose to RMB " + "9" * 5000 + " per tonne. Zinc rose to RMB 1e300 per"
        " tonne. The operating rate of the secondary aluminium industry rose 2.3 percentage"
        " points MoM to 46.3% in November 2025.",
        encoding="utf-8",
    )

    result = metalert("parse", str(article), "--json", "--published", "2025-12-03", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert '"subject": "secondary aluminium"' in result.stdout
    assert '"subject": "copper"' not in result.stdout
    assert '"subject": "zinc"' not in result.stdout


# -- 6. a replaced database -----------------------------------------------------------------------


def test_a_deleted_database_is_noticed_and_the_admin_told_once(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news_before.xml"))
    write_config(tmp_path, site_url=site.url, api_base_url=bot_api.api_base_url, admin_chat=ADMIN)
    assert metalert("run", "--once", cwd=tmp_path).returncode == 0
    for leftover in tmp_path.glob("metalert.db*"):
        leftover.unlink()

    fresh = metalert("run", "--once", cwd=tmp_path)
    again = metalert("run", "--once", cwd=tmp_path)

    assert fresh.returncode == 0, fresh.stderr
    assert "metalert.db is new: metalert ran here before with database" in fresh.stderr
    assert "is new" not in again.stderr
    (notice,) = bot_api.messages_to(ADMIN)
    assert notice.text.startswith("⚠️ <b>Database replaced</b>")
    assert bot_api.messages_to(CHANNEL) == []


# -- 7. first sight of a series -------------------------------------------------------------------


COPPER_ARTICLE = (
    "&lt;p&gt;Copper prices rose to RMB 93,500 per tonne on Wednesday as smelters cut"
    " output.&lt;/p&gt;" + FILLER
)


def test_a_first_copper_price_above_the_line_alerts(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    site.serve_text(FEED, fixture_text("alcircle/alumina_news_empty.xml"))
    write_config(tmp_path, site_url=site.url, api_base_url=bot_api.api_base_url)
    assert metalert("run", "--once", cwd=tmp_path).returncode == 0  # the baseline
    link = "https://www.alcircle.com/news/copper-climbs-to-rmb-93500-118901"
    site.serve_text(FEED, feed((link, "Copper climbs to RMB 93,500", COPPER_ARTICLE)))

    result = metalert("run", "--once", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    (message,) = bot_api.messages_to(CHANNEL)
    assert "<b>93,500 CNY/t</b>" in message.text
    assert "Rule <code>copper-above-92k</code>: above 92,000 CNY/t" in message.text


# -- 8. a mirror's own links ----------------------------------------------------------------------


def test_feed_links_on_the_configured_mirror_are_articles(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    mirrored = fixture_text("alcircle/secondaryaluminium_news.xml").replace(
        "https://www.alcircle.com/press-release/", site.url + "/press-release/"
    )
    site.serve_text(FEED, mirrored)
    write_config(
        tmp_path, site_url=site.url, api_base_url=bot_api.api_base_url, on_first_run="alert"
    )

    result = metalert("run", "--once", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert_seed_alerts_once(bot_api)
    # Stored and shown under the site's own address, whatever host served it.
    assert "https://www.alcircle.com/press-release/secondary-aluminium" in bot_api.sent[0].text


# -- 10. smaller ones -----------------------------------------------------------------------------


def test_a_feed_failing_beside_a_working_one_fails_the_run_and_tells_the_admin_once(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news.xml"))
    site.serve("/api/rss/alumina_news", Reply(status=404, body=b"gone"))
    write_config(
        tmp_path,
        site_url=site.url,
        api_base_url=bot_api.api_base_url,
        feeds=("secondaryaluminium_news", "alumina_news"),
        on_first_run="alert",
        admin_chat=ADMIN,
        broken_after=2,
    )

    runs = [metalert("run", "--once", cwd=tmp_path) for _ in range(3)]

    assert [run.returncode for run in runs] == [1, 1, 1]
    assert "failed_listings=alumina_news" in runs[0].stderr
    assert "feed(s) or listing(s) failed: alcircle (alumina_news)" in runs[0].stderr
    (notice,) = bot_api.messages_to(ADMIN)
    assert "alcircle feed alumina_news looks broken" in notice.text
    assert_seed_alerts_once(bot_api)


def test_a_long_retry_after_is_honoured_across_runs_not_retried_after_30_seconds(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    site.serve(FEED, Reply(status=429, headers={"Retry-After": "3600"}))
    write_config(tmp_path, site_url=site.url, api_base_url=bot_api.api_base_url)

    first = metalert("run", "--once", cwd=tmp_path)
    second = metalert("run", "--once", cwd=tmp_path)

    assert first.returncode == 1
    assert "source alcircle paused until" in first.stderr
    assert site.hits(FEED) == 1  # no retry in place
    assert "skipped: backing off until" in second.stderr
    assert site.hits(FEED) == 1  # and none on the next run either


def test_an_unreachable_site_is_reported_as_unreachable(
    tmp_path: Path, bot_api: BotApiStandIn
) -> None:
    write_config(tmp_path, site_url="http://127.0.0.1:9", api_base_url=bot_api.api_base_url)

    result = metalert("run", "--once", cwd=tmp_path)

    assert result.returncode == 1
    assert "site unreachable (robots.txt:" in result.stderr
    assert "disallowed by robots.txt" not in result.stderr


# -- what already held, kept as part of the matrix ------------------------------------------------


def test_telegram_5xx_twice_then_success_delivers_each_alert_once(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news.xml"))
    write_config(
        tmp_path, site_url=site.url, api_base_url=bot_api.api_base_url, on_first_run="alert"
    )
    bot_api.fail_next(502, "Bad Gateway")
    bot_api.fail_next(502, "Bad Gateway")

    result = metalert("run", "--once", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert_seed_alerts_once(bot_api)
    assert TOKEN not in result.stderr


def test_a_site_answering_with_a_block_page_costs_only_that_article(
    tmp_path: Path, site: FixtureSite, smm_site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    smm_only(tmp_path, site, smm_site, bot_api)
    serve_listing(smm_site)
    smm_site.serve_html(SEED_SMM_PATH, fixture_text("smm/article-103660382.html"))

    result = metalert("run", "--once", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert "failed_pages=1" in result.stderr
    assert "block page" in result.stderr or "too short" in result.stderr
    assert_seed_alerts_once(bot_api)


def test_the_token_never_reaches_the_log_even_when_telegram_rejects_it(
    tmp_path: Path, site: FixtureSite, bot_api: BotApiStandIn
) -> None:
    site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news.xml"))
    write_config(tmp_path, site_url=site.url, api_base_url=bot_api.api_base_url)
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": "999:wrong-token-value"}

    result = subprocess.run(
        [METALERT, "run", "--once"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 1
    assert "the bot token was rejected" in result.stderr
    assert "wrong-token-value" not in result.stderr + result.stdout
    assert bot_api.sent == []
