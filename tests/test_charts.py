"""An alert on a series with history carries a chart: sendPhoto with the message as caption."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import SecretStr

from alerts.charts import render_chart
from alerts.engine import chart_for, record
from alerts.models import MovesBy, Rule, RuleOptions
from alerts.outbox import Outbox
from alerts.store import Store
from bot.telegram import TelegramNotifier
from scrapers.models import ChangeBasis, Metric
from tests.alerts.factories import article, rate
from tests.conftest import TOKEN
from tests.servers import BotApiStandIn

CHANNEL = "@metalert_demo"
NOW = datetime(2025, 12, 3, 10, 0, tzinfo=UTC)
SWING = Rule(
    "swing", Metric.OPERATING_RATE, MovesBy(ChangeBasis.MOM, Decimal(2)), options=RuleOptions()
)


def test_fewer_than_three_points_make_no_chart() -> None:
    assert (
        render_chart([("2025-10", Decimal(44)), ("2025-11", Decimal(46))], title="t", unit="%")
        is None
    )


def test_an_alert_with_history_is_sent_as_a_photo_with_its_caption(
    tmp_path: Path, bot_api: BotApiStandIn
) -> None:
    store = Store(tmp_path / "charts.db")
    for number, (period, value) in enumerate(
        [("2025-08", "43.9"), ("2025-09", "45.1"), ("2025-10", "44.0")]
    ):
        history = rate(None, value=value, period=period, article_id=f"alcircle:{number}")
        record(store, [SWING], article(number), [history], (CHANNEL,), NOW)
    alerts = record(store, [SWING], article(118842), [rate("2.3")], (CHANNEL,), NOW)
    assert [alert.rule.name for alert in alerts] == ["swing"]
    with closing(sqlite3.connect(tmp_path / "charts.db")) as db:
        # The chart is drawn when the message is sent, not kept in the queue.
        assert db.execute("SELECT count(*) FROM outbox_photos").fetchone() == (0,)

    async def go() -> None:
        notifier = TelegramNotifier(SecretStr(TOKEN), api_base_url=bot_api.api_base_url)
        await notifier.start()
        try:
            outbox = Outbox(
                store, notifier, lambda: NOW, chart=lambda content: chart_for(store, content)
            )
            await outbox.deliver()
        finally:
            await notifier.stop()

    asyncio.run(go())
    store.close()

    (sent,) = bot_api.messages_to(CHANNEL)
    assert sent.photo is not None and sent.photo.startswith(b"\x89PNG\r\n\x1a\n")
    assert sent.parse_mode == "HTML"
    assert "<b>46.3%, MOM +2.3 pp</b>" in sent.text
    assert any(request.path.endswith("/sendPhoto") for request in bot_api.requests)
    with closing(sqlite3.connect(tmp_path / "charts.db")) as db:
        assert db.execute("SELECT status FROM outbox").fetchall() == [("sent",)]


def test_charts_of_messages_sent_before_the_upgrade_are_dropped_on_open(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    Store(path).close()
    with closing(sqlite3.connect(path)) as db, db:
        # The outbox as schema version 5 had it: the chart in the row.
        db.execute("DROP TABLE outbox_photos")
        db.execute("ALTER TABLE outbox ADD COLUMN photo BLOB")
        db.execute(
            "INSERT INTO outbox (chat, text, idempotency_key, created_at, status, photo)"
            " VALUES ('@c', 'sent', 'k1', '2025-12-01', 'sent', x'89504e47'),"
            " ('@c', 'waiting', 'k2', '2025-12-01', 'queued', x'89504e47')"
        )
        db.execute("ALTER TABLE chats DROP COLUMN paused_at")  # schema 8's
        for table, column in (  # schema 9's
            ("alerts", "kind"),
            ("alerts", "condition"),
            ("alerts", "article_id"),
            ("outbox", "alert_key"),
            ("outbox", "parts_sent"),
            ("outbox", "notifier"),
        ):
            db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        db.execute("PRAGMA user_version=5")

    store = Store(path)
    try:
        (waiting,) = store.queued("@c")
    finally:
        store.close()

    assert waiting.text == "waiting" and waiting.photo == b"\x89PNG"  # still to be sent with it
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("SELECT message_id FROM outbox_photos").fetchall() == [(waiting.id,)]


def test_a_caption_too_long_for_a_photo_falls_back_to_text(
    tmp_path: Path, bot_api: BotApiStandIn
) -> None:
    async def go() -> str:
        notifier = TelegramNotifier(SecretStr(TOKEN), api_base_url=bot_api.api_base_url)
        await notifier.start()
        try:
            return await notifier.send(CHANNEL, "x" * 1500, photo=b"\x89PNG fake")
        finally:
            await notifier.stop()

    asyncio.run(go())
    (sent,) = bot_api.sent
    assert sent.photo is None and sent.text == "x" * 1500


def test_a_chart_that_cannot_be_drawn_leaves_the_alert_as_text(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr("alerts.charts.sys.executable", "/nonexistent/python")
    points = [("2025-09", Decimal(44)), ("2025-10", Decimal(45)), ("2025-11", Decimal(47))]

    assert render_chart(points, title="secondary aluminium", unit="%") is None
    assert "chart not drawn title='secondary aluminium'" in caplog.text


def test_the_daemon_process_does_not_carry_matplotlib() -> None:
    # Charts are drawn in a child process; the commands themselves never import matplotlib.
    probe = (
        "import sys, bot.cli, bot.daemon; print(sorted({'matplotlib', 'numpy'} & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_metalert_help_imports_neither_telegram_nor_the_store_nor_the_extractor() -> None:
    probe = (
        "import sys; from bot import cli\n"
        "try:\n    cli.main(['--help'])\nexcept SystemExit:\n    pass\n"
        # (nor the extractor, whose patterns take a fifth of a second to compile)
        "print(sorted({'telegram', 'alerts.store', 'apscheduler', 'pydantic', 'scrapers.extract'}"
        " & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"
