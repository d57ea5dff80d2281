"""Shared fixtures: local servers on 127.0.0.1, fixture files, and config files for a run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers import BotApiStandIn, FixtureSite, running

FIXTURES = Path(__file__).parent / "fixtures"
TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"  # a made-up token in Telegram's shape


def fixture_text(relative: str) -> str:
    return (FIXTURES / relative).read_text(encoding="utf-8")


@pytest.fixture
def site() -> Iterator[FixtureSite]:
    yield from running(FixtureSite())


@pytest.fixture
def smm_site() -> Iterator[FixtureSite]:
    """A second fixture site, standing in for news.metal.com."""
    yield from running(FixtureSite())


@pytest.fixture
def bot_api() -> Iterator[BotApiStandIn]:
    yield from running(BotApiStandIn(TOKEN))


def write_config(
    folder: Path,
    *,
    site_url: str,
    api_base_url: str = "https://api.telegram.org/bot",
    feeds: tuple[str, ...] = ("secondaryaluminium_news",),
    channel: str = "@metalert_demo",
    smm_url: str | None = None,
    on_first_run: str = "baseline",
    admin_chat: str | None = None,
    broken_after: int = 3,
    extra: str = "",
    send_timeout: str = "30s",
) -> Path:
    """A config.yaml like the shipped one, pointed at local servers."""
    path = folder / "config.yaml"
    path.write_text(
        f"""
telegram:
  channel: "{channel}"
  token_env: TELEGRAM_BOT_TOKEN
  api_base_url: {api_base_url}
  admin_chat: {f'"{admin_chat}"' if admin_chat else "null"}
  send_timeout: {send_timeout}
sources:
  alcircle:
    enabled: true
    base_url: {site_url}
    feeds: [{", ".join(feeds)}]
    interval: 15m
    on_first_run: {on_first_run}
    broken_after: {broken_after}
  smm:
    enabled: {"true" if smm_url else "false"}
    base_url: {smm_url or "https://news.metal.com"}
    listings: ["/en"]
    interval: 30m
    on_first_run: {on_first_run}
    broken_after: {broken_after}
http:
  min_interval: 0s
  robots: true
storage:
  path: metalert.db
rules:
  - name: operating-rate-swing
    metric: operating_rate
    subject: "*"
    change: mom
    moves_by: 2
    max_age: 3650d                 # the fixture articles are from 2025
  - name: copper-above-92k
    metric: price
    subject: copper
    unit: CNY/t
    above: 92000
    max_age: 3650d
{extra}""",
        encoding="utf-8",
    )
    return path
