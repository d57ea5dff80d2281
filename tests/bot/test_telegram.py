"""python-telegram-bot against the local Bot API stand-in: sends, retries, refusals, secrecy."""

from __future__ import annotations

import asyncio
import logging

import pytest
from pydantic import SecretStr

from alerts.errors import ChatUnavailableError, MessageRejectedError, TransientDeliveryError
from bot import logs
from bot.errors import StartupError
from bot.telegram import TelegramNotifier
from tests.conftest import TOKEN
from tests.servers import BotApiStandIn

CHANNEL = "@metalert_demo"


WAITS: list[float] = []


async def record_wait(seconds: float) -> None:
    WAITS.append(seconds)  # an injected clock: retries do not really wait


def notifier(api: BotApiStandIn, token: str = TOKEN) -> TelegramNotifier:
    return TelegramNotifier(SecretStr(token), api_base_url=api.api_base_url, sleep=record_wait)


async def _start_and_send(target: TelegramNotifier, text: str) -> str:
    await target.start()
    try:
        return await target.send(CHANNEL, text)
    finally:
        await target.stop()


def send(api: BotApiStandIn, text: str = "<b>copper</b> above 92,000") -> str:
    return asyncio.run(_start_and_send(notifier(api), text))


def test_a_message_reaches_the_channel_in_html_mode(bot_api: BotApiStandIn) -> None:
    message_id = send(bot_api)

    assert message_id == "101"
    assert [(m.chat_id, m.text, m.parse_mode) for m in bot_api.sent] == [
        (CHANNEL, "<b>copper</b> above 92,000", "HTML")
    ]


def test_429_waits_retry_after_then_sends(bot_api: BotApiStandIn) -> None:
    WAITS.clear()
    bot_api.fail_next(429, "Too Many Requests: retry after 12", retry_after=12)

    send(bot_api)

    assert len(bot_api.sent) == 1
    assert WAITS == [12.0]


def test_a_long_flood_wait_leaves_the_message_queued(bot_api: BotApiStandIn) -> None:
    bot_api.fail_next(429, "Too Many Requests: retry after 600", retry_after=600)

    with pytest.raises(TransientDeliveryError) as caught:
        send(bot_api)

    assert caught.value.retry_after == 600
    assert bot_api.sent == []


def test_three_5xx_then_success_is_one_message(bot_api: BotApiStandIn) -> None:
    for _ in range(2):
        bot_api.fail_next(502, "Bad Gateway")
    bot_api.fail_next(504, "Gateway Timeout")

    send(bot_api)

    assert len(bot_api.sent) == 1


def test_a_persisting_outage_is_transient(bot_api: BotApiStandIn) -> None:
    for _ in range(4):
        bot_api.fail_next(502, "Bad Gateway")

    with pytest.raises(TransientDeliveryError):
        send(bot_api)
    assert bot_api.sent == []


def test_403_means_the_chat_is_unavailable(bot_api: BotApiStandIn) -> None:
    bot_api.fail_next(403, "Forbidden: bot is not a member of the channel chat")

    with pytest.raises(ChatUnavailableError, match="not a member"):
        send(bot_api)


def test_400_rejects_the_message(bot_api: BotApiStandIn) -> None:
    bot_api.fail_next(400, "Bad Request: can't parse entities: unsupported start tag")

    with pytest.raises(MessageRejectedError, match="parse entities"):
        send(bot_api)


def test_a_rejected_token_stops_start_up_without_showing_it(bot_api: BotApiStandIn) -> None:
    wrong = "987654321:ZZwrongwrongwrongwrongwrongwrongwro"

    with pytest.raises(StartupError) as caught:
        asyncio.run(notifier(bot_api, wrong).start())

    assert "rejected" in str(caught.value)
    assert wrong not in str(caught.value)
    assert caught.value.__cause__ is None
    assert caught.value.__context__ is None
    assert wrong not in repr(notifier(bot_api, wrong))


def test_the_token_never_reaches_a_log_line(
    bot_api: BotApiStandIn, caplog: pytest.LogCaptureFixture
) -> None:
    redactor = logs.RedactingFilter([TOKEN])
    caplog.handler.addFilter(redactor)
    # Turn every library up to DEBUG: httpx logs each request URL, which carries the token.
    for name in ("httpx", "httpcore", "telegram", "bot"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    caplog.set_level(logging.DEBUG)
    bot_api.fail_next(502, "Bad Gateway")
    try:
        send(bot_api)
    finally:
        for name in ("httpx", "httpcore", "telegram", "bot"):
            logging.getLogger(name).setLevel(logging.NOTSET)

    assert any(
        f"{bot_api.api_base_url}{logs.REDACTED}/sendMessage" in r.getMessage()
        for r in caplog.records
    ), "httpx did not log the request URL: this test would not see a leak"
    assert all(TOKEN not in record.getMessage() for record in caplog.records)
    assert TOKEN not in caplog.text
