"""The Telegram notifier: python-telegram-bot's Bot, retried at this edge, errors translated.

Transient failures (connection errors, 5xx, 429) are retried here, honouring the
``retry_after`` that Telegram sends; what is still failing after that is raised as a
TransientDeliveryError and the message stays queued in the outbox.

A send whose request went out but whose answer never came (a read timeout, a connection closed
before the answer) may have been accepted: it is never retried in place, where each retry could
post one more copy. It is raised as OutcomeUnknownError, and the outbox decides (one more try,
later). The send timeout defaults to 30 s, far above Telegram's usual answer of well under a
second, so that a slow answer is waited for rather than taken for a failure.
"""

from __future__ import annotations

import asyncio
import logging
import os
import warnings
from collections.abc import Awaitable, Callable
from datetime import timedelta

import httpx
from pydantic import SecretStr
from telegram import Bot, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.request import HTTPXRequest
from telegram.warnings import PTBDeprecationWarning
from tenacity import (
    AsyncRetrying,
    retry_if_exception_type,
    stop_after_attempt,
    wait_exponential_jitter,
)

from alerts.errors import (
    ChatUnavailableError,
    MessageRejectedError,
    OutcomeUnknownError,
    TransientDeliveryError,
)
from alerts.models import AlertContent
from alerts.render import render, split_message, to_plain_text
from bot.errors import StartupError
from bot.pacing import Pacer
from scrapers.http import shared_tls_context

log = logging.getLogger(__name__)

# Opt in to PTB's timedelta durations now: without it, PTB 22 itself warns whenever it builds a
# RetryAfter (on every 429), which is noise in a daemon's log and an error under strict warnings.
os.environ.setdefault("PTB_TIMEDELTA", "true")

Sleep = Callable[[float], Awaitable[None]]
MAX_RETRY_AFTER = 30.0  # seconds we wait in place for a 429; longer waits leave the message queued
CAPTION_LIMIT = 1024  # Telegram's limit for a photo caption


SEND_TIMEOUT = 30.0  # seconds; Telegram answers in well under one, a photo upload in a few
# httpx failures after which the request may have reached Telegram in full: no answer came.
_OUTCOME_UNKNOWN = (httpx.ReadTimeout, httpx.ReadError, httpx.RemoteProtocolError)


class _TransientError(Exception):
    """A failure worth retrying here: the request never reached Telegram, or a 5xx."""


def outcome_unknown(exc: TelegramError) -> bool:
    """Whether the request behind a PTB network error may have been processed."""
    return isinstance(exc.__cause__, _OUTCOME_UNKNOWN)


def retry_after_seconds(exc: RetryAfter) -> float:
    # PTB 22 warns when retry_after is read as an int; read it either way without the warning.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class TelegramNotifier:
    """Sends HTML messages with a bot whose token never leaves this object."""

    def __init__(
        self,
        token: SecretStr,
        *,
        api_base_url: str,
        attempts: int = 4,
        initial_wait: float = 1.0,
        timeout: float = SEND_TIMEOUT,
        sleep: Sleep | None = None,
        pacer: Pacer | None = None,
    ) -> None:
        shared = {"verify": shared_tls_context()}
        request = HTTPXRequest(
            connect_timeout=timeout,
            read_timeout=timeout,
            write_timeout=timeout,
            httpx_kwargs=shared,
        )
        # getUpdates is not used; its client only needs to exist, so it shares the TLS context.
        updates = HTTPXRequest(connection_pool_size=1, httpx_kwargs=shared)
        self._bot = Bot(
            token.get_secret_value(),
            base_url=api_base_url,
            request=request,
            get_updates_request=updates,
        )
        self._attempts = attempts
        self._initial_wait = initial_wait
        self._ready = False  # getMe has answered
        self._sleep = sleep
        self._pacer = pacer  # Telegram's rate limits, waited out before each send

    def __repr__(self) -> str:
        return "TelegramNotifier(token=<secret>)"

    def render(self, content: AlertContent, *, plain: bool = False) -> list[str]:
        """Telegram HTML, cut into messages under its 4,096-character limit (plain text when
        Telegram refused the markup)."""
        parts = split_message(render(content))
        return [to_plain_text(part) for part in parts] if plain else parts

    async def start(self) -> str | None:
        """Check the token with getMe; return the bot's @username, None if Telegram is unreachable.

        A rejected token stops start-up; an outage does not (messages wait in the outbox).
        """
        rejected = False
        try:
            await self._bot.initialize()
        except InvalidToken:
            rejected = True
        except TelegramError as exc:
            log.warning("telegram getMe failed, messages wait in the outbox: %s", exc)
            return None
        if rejected:
            # Raised outside the except block: PTB's InvalidToken repeats the token, and must not
            # travel along as this error's __context__.
            await self.stop()
            raise StartupError("telegram: the bot token was rejected (check the token variable)")
        self._ready = True
        return f"@{self._bot.username}"

    async def stop(self) -> None:
        try:
            await self._bot.shutdown()
        except TelegramError as exc:  # shutting down must not fail the exit
            log.warning("telegram shutdown: %s", exc)

    async def send(
        self, chat: str, text: str, *, plain: bool = False, photo: bytes | None = None
    ) -> str:
        """Send one message. Flood-control waits (429) are honoured in place up to
        MAX_RETRY_AFTER seconds and do not count as attempts; network errors, timeouts and 5xx
        are retried with backoff; what still fails is raised for the outbox to keep."""
        backoff = wait_exponential_jitter(
            multiplier=self._initial_wait, max=MAX_RETRY_AFTER, jitter=self._initial_wait
        )
        retrying = AsyncRetrying(
            retry=retry_if_exception_type(_TransientError),
            stop=stop_after_attempt(self._attempts),
            wait=backoff,
            reraise=True,
            before_sleep=lambda state: log.warning(
                "telegram retry chat=%s attempt=%d error=%s",
                chat,
                state.attempt_number,
                state.outcome.exception() if state.outcome else None,
            ),
            sleep=self._sleep or asyncio.sleep,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    return await self._send_through_flood_control(chat, text, plain, photo)
        except _TransientError as exc:
            raise TransientDeliveryError(str(exc), chat=chat) from None
        raise AssertionError("unreachable: tenacity reraises the last error")

    async def _send_through_flood_control(
        self, chat: str, text: str, plain: bool, photo: bytes | None
    ) -> str:
        waited = 0.0
        while True:
            if self._pacer is not None:
                await self._pacer.wait(chat)
            try:
                return await self._send_once(chat, text, plain, photo)
            except RetryAfter as exc:
                seconds = retry_after_seconds(exc)
                if waited + seconds > MAX_RETRY_AFTER:
                    raise TransientDeliveryError(
                        f"flood control: retry in {seconds:.0f}s", chat=chat, retry_after=seconds
                    ) from None
                log.warning("telegram flood control chat=%s waiting=%.0fs", chat, seconds)
                waited += seconds
                await (self._sleep or asyncio.sleep)(seconds)

    async def _send_once(self, chat: str, text: str, plain: bool, photo: bytes | None) -> str:
        parse_mode = None if plain else ParseMode.HTML
        try:
            if not self._ready:
                await self._bot.initialize()
                self._ready = True
            if photo is not None and len(text) <= CAPTION_LIMIT:
                message = await self._bot.send_photo(
                    chat_id=chat, photo=photo, caption=text, parse_mode=parse_mode
                )
            else:
                # No chart, or a caption too long for one: the text alone says everything.
                message = await self._bot.send_message(
                    chat_id=chat,
                    text=text,
                    parse_mode=parse_mode,
                    link_preview_options=LinkPreviewOptions(is_disabled=True),
                )
        except RetryAfter:
            raise
        except Forbidden as exc:
            raise ChatUnavailableError(f"forbidden: {exc.message}", chat=chat) from None
        except ChatMigrated as exc:
            raise ChatUnavailableError(
                f"chat migrated to {exc.new_chat_id}; update telegram.channel", chat=chat
            ) from None
        except InvalidToken:
            raise TransientDeliveryError("the bot token was rejected", chat=chat) from None
        except BadRequest as exc:
            markup = "parse entities" in exc.message.lower()
            raise MessageRejectedError(
                f"bad request: {exc.message}", chat=chat, markup=markup
            ) from None
        except (TimedOut, NetworkError) as exc:
            if outcome_unknown(exc):
                raise OutcomeUnknownError(
                    f"no answer after sending ({type(exc).__name__}: {exc.message})", chat=chat
                ) from None
            raise _TransientError(f"{type(exc).__name__}: {exc.message}") from None
        return str(message.message_id)
