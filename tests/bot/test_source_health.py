"""A source that keeps failing backs off and tells the operator once; its recovery is told once."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.config import load_config
from bot.daemon import Daemon, backoff_for
from bot.wiring import build_sources
from tests.conftest import fixture_text, write_config
from tests.servers import FixtureSite, Reply

ADMIN = "-100999"
START = datetime(2025, 12, 3, 10, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


def test_broken_source_notice_backoff_and_recovery(
    tmp_path: Path,
    site: FixtureSite,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    smm = FixtureSite()
    smm.start()
    smm.serve("/en", Reply(status=404, body=b"gone"))
    site.serve_text(
        "/api/rss/secondaryaluminium_news",
        fixture_text("alcircle/secondaryaluminium_news_before.xml"),
    )
    config = load_config(
        write_config(tmp_path, site_url=site.url, smm_url=smm.url, admin_chat=ADMIN, broken_after=2)
    )
    clock = Clock()
    daemon = Daemon(config, clock=clock)
    (_, source) = build_sources(config)

    async def go() -> list[str]:
        outcomes = []
        await daemon.open()
        try:
            for step in range(5):
                if step == 3:
                    clock.now += timedelta(minutes=31)  # past the backoff
                    smm.serve_html("/en", fixture_text("smm/listing-en.html"))
                result = await daemon.scrape(source)
                outcomes.append("skipped" if result.skipped else "ok" if result.ok else "failed")
                await daemon.deliver()
        finally:
            await daemon.close()
            smm.stop()
        return outcomes

    outcomes = asyncio.run(go())

    assert outcomes == ["failed", "failed", "skipped", "ok", "ok"]
    out = capsys.readouterr().out
    assert out.count(f"--- message to {ADMIN} ---") == 2
    assert "Source smm looks broken</b>: 2 failed cycles in a row" in out
    assert "HTTP 404" in out
    assert "Source smm recovered</b> after 2 failed cycles" in out


def test_backoff_doubles_and_is_capped(tmp_path: Path) -> None:
    config = load_config(
        write_config(tmp_path, site_url="http://127.0.0.1:9", broken_after=3), environ={}
    )
    (source,) = build_sources(config)
    assert [backoff_for(source, n) for n in (1, 2)] == [None, None]
    assert backoff_for(source, 3) == timedelta(minutes=15)
    assert backoff_for(source, 4) == timedelta(minutes=30)
    assert backoff_for(source, 30) == timedelta(hours=6)


def test_an_idle_cycle_writes_nothing_but_health_is_kept_within_the_heartbeat(
    tmp_path: Path, site: FixtureSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    feed = "/api/rss/secondaryaluminium_news"
    site.serve_text(feed, fixture_text("alcircle/secondaryaluminium_news_before.xml"))
    config = load_config(write_config(tmp_path, site_url=site.url))
    clock = Clock()
    daemon = Daemon(config, clock=clock)
    (source,) = build_sources(config)

    async def go() -> list[tuple[int, datetime | None, int]]:
        """(rows written, stored updated_at, failures) after each step."""
        steps: list[tuple[int, datetime | None, int]] = []
        store, _ = await daemon.open()
        try:
            for minutes, down in ((0, False), (15, False), (30, False), (75, False), (90, True),
                                  (105, False), (120, False)):  # fmt: skip
                clock.now = START + timedelta(minutes=minutes)
                if down:
                    site.serve(feed, Reply(status=404, body=b"gone"))
                else:
                    site.serve_text(
                        feed, fixture_text("alcircle/secondaryaluminium_news_before.xml")
                    )
                written = store.rows_written
                await daemon.scrape(source)
                state = store.source_state("alcircle")
                steps.append((store.rows_written - written, state.updated_at, state.failures))
        finally:
            await daemon.close()
        return steps

    steps = asyncio.run(go())

    first, idle, idle_again, heartbeat, failed, recovered, idle_after = steps
    assert first[0] > 0 and first[1] == START
    # Nothing new and nothing changed: no row written, the stored time stays.
    assert idle[0] == 0 and idle_again[0] == 0
    assert idle[1] == idle_again[1] == START
    # An hour on, the success is written again, so readers of the database see it is alive.
    assert heartbeat[0] > 0 and heartbeat[1] == START + timedelta(minutes=75)
    # A failure is written at once, and so is the success that clears it.
    assert failed[0] > 0 and failed[2] == 1
    assert recovered[0] > 0 and recovered[2] == 0
    assert recovered[1] == START + timedelta(minutes=105)
    assert idle_after[0] == 0
