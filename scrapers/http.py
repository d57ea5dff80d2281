"""The only module that speaks HTTP to the sites: GET with timeouts, a size cap and retries.

Retries live here and nowhere else: transport errors, timeouts, 429 (honouring Retry-After)
and 5xx are retried with exponential backoff and jitter; every other failure is final.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential_jitter,
)

from scrapers.errors import FetchError
from scrapers.models import Page

log = logging.getLogger(__name__)

USER_AGENT = "metalert/0.1 (metals-market figure alerts; +https://github.com/metalert/metalert)"
RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})

Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    attempts: int = 4
    initial_wait: float = 1.0
    max_wait: float = 30.0  # also the cap on a server's Retry-After


def _retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """Retry-After is either delta-seconds or an HTTP date (RFC 9110 section 10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def _is_transient(exc: BaseException) -> bool:
    return isinstance(exc, FetchError) and exc.transient


class HttpClient:
    """An httpx.AsyncClient with the project's manners: User-Agent, timeouts, size cap, retries."""

    def __init__(
        self,
        *,
        timeout: float = 20.0,
        max_bytes: int = 5 * 1024 * 1024,
        retry: RetryPolicy | None = None,
        sleep: Sleep | None = None,
        user_agent: str = USER_AGENT,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": user_agent},
            follow_redirects=True,
            transport=transport,
        )
        self._max_bytes = max_bytes
        self._retry = retry or RetryPolicy()
        self._sleep = sleep

    async def __aenter__(self) -> HttpClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()

    async def get(self, url: str) -> Page:
        """GET a URL and return its body as text; raise FetchError when it cannot be had."""
        policy = self._retry
        backoff = wait_exponential_jitter(
            multiplier=policy.initial_wait, max=policy.max_wait, jitter=policy.initial_wait
        )

        def wait(state: RetryCallState) -> float:
            exc = state.outcome.exception() if state.outcome else None
            if isinstance(exc, FetchError) and exc.retry_after is not None:
                return min(exc.retry_after, policy.max_wait)
            return backoff(state)

        retrying = AsyncRetrying(
            retry=retry_if_exception(_is_transient),
            stop=stop_after_attempt(policy.attempts),
            wait=wait,
            reraise=True,
            before_sleep=lambda state: log.warning(
                "fetch retry url=%s attempt=%d error=%s",
                url,
                state.attempt_number,
                state.outcome.exception() if state.outcome else None,
            ),
            sleep=self._sleep or asyncio.sleep,
        )
        async for attempt in retrying:
            with attempt:
                return await self._get_once(url)
        raise AssertionError("unreachable: tenacity reraises the last error")

    async def _get_once(self, url: str) -> Page:
        try:
            async with self._client.stream("GET", url) as response:
                if response.status_code >= 400:
                    now = datetime.now(UTC)
                    raise FetchError(
                        f"HTTP {response.status_code}",
                        url=url,
                        status=response.status_code,
                        transient=response.status_code in RETRYABLE_STATUSES,
                        retry_after=_retry_after_seconds(response.headers.get("Retry-After"), now),
                    )
                body = await self._read_capped(response, url)
                return Page(
                    url=str(response.url),
                    status=response.status_code,
                    headers=dict(response.headers),
                    text=body.decode(response.encoding or "utf-8", errors="replace"),
                    fetched_at=datetime.now(UTC),
                )
        except httpx.TransportError as exc:
            raise FetchError(
                f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__,
                url=url,
                transient=True,
            ) from exc

    async def _read_capped(self, response: httpx.Response, url: str) -> bytes:
        # Stream so that an oversized body is abandoned without being held in memory.
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self._max_bytes:
            raise FetchError(f"body of {declared} bytes exceeds the cap", url=url)
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > self._max_bytes:
                raise FetchError(f"body exceeds the cap of {self._max_bytes} bytes", url=url)
            chunks.append(chunk)
        return b"".join(chunks)
