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
def bot_api() -> Iterator[BotApiStandIn]:
    yield from running(BotApiStandIn(TOKEN))


def write_config(
    folder: Path,
    *,
    site_url: str,
    api_base_url: str = "https://api.telegram.org/bot",
    feeds: tuple[str, ...] = ("secondaryaluminium_news",),
    channel: str = "@metalert_demo",
    extra: str = "",
) -> Path:
    """A config.yaml like the shipped one, pointed at local servers."""
    path = folder / "config.yaml"
    path.write_text(
        f"""
telegram:
  channel: "{channel}"
  token_env: TELEGRAM_BOT_TOKEN
  api_base_url: {api_base_url}
sources:
  alcircle:
    enabled: true
    base_url: {site_url}
    feeds: [{", ".join(feeds)}]
    interval: 15m
  smm:
    enabled: false
storage:
  path: metalert.db
rules:
  - name: operating-rate-swing
    metric: operating_rate
    subject: "*"
    change: mom
    moves_by: 2
  - name: copper-above-92k
    metric: price
    subject: copper
    unit: CNY/t
    above: 92000
{extra}""",
        encoding="utf-8",
    )
    return path
