"""The only module that speaks HTTP to the sites: polite, bounded, conditional GETs.

- Retries live here and nowhere else: transport errors, timeouts, 429 (honouring Retry-After in
  seconds or as a date) and 502/503/504, with exponential backoff and jitter, bounded both in
  attempts and in total time. Every other failure is final for this call.
- Manners: a User-Agent naming metalert and a contact URL, a minimum interval between two
  requests to one host, robots.txt fetched once a day per host and honoured.
- Conditional GET: validators (ETag, Last-Modified) are read from a cache the caller provides,
  so an unchanged feed costs one request and no body. The client never writes that cache: a
  response's validators travel on its Page, and the caller remembers them only once everything
  the response listed has been recorded (an interrupted poll must not hide its items).
- A server that asks for a long pause (Retry-After beyond what is worth waiting in place) is
  not retried in place: its host is left alone until then, and the error says until when.
- Bodies are decoded as the server says: the HTTP charset, a BOM, or the page's own
  ``<meta charset>`` / XML declaration (w3lib's reading of the WHATWG rules), else UTF-8.
- Safety: bodies over a size cap are abandoned while streaming; redirects are followed only
  to hosts the caller allows.
"""

from __future__ import annotations

import asyncio
import email.utils
import functools
import logging
import ssl
import time
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import certifi
import httpx
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    stop_after_delay,
    wait_exponential_jitter,
)
from w3lib.encoding import html_to_unicode

from scrapers.errors import FetchError
from scrapers.models import Page

log = logging.getLogger(__name__)

USER_AGENT = "metalert/0.1 (metals-market figure alerts)"
RETRYABLE_STATUSES = frozenset({429, 502, 503, 504})
MAX_REDIRECTS = 5
ROBOTS_TTL = timedelta(days=1)

Sleep = Callable[[float], Awaitable[None]]
Clock = Callable[[], float]  # monotonic seconds


@dataclass(frozen=True, slots=True)
class Validators:
    """What a server said about a body, to ask next time whether it changed."""

    etag: str | None = None
    last_modified: str | None = None

    @classmethod
    def of(cls, page: Page) -> Validators | None:
        """The validators a 200 response carried, None when it carried none."""
        etag = page.headers.get("etag")
        modified = page.headers.get("last-modified")
        return cls(etag=etag, last_modified=modified) if etag or modified else None


class ValidatorCache(Protocol):
    """Validators remembered across restarts (the daemon backs this with its database)."""

    def get(self, url: str) -> Validators | None: ...


class MemoryValidatorCache:
    def __init__(self) -> None:
        self._entries: dict[str, Validators] = {}

    def get(self, url: str) -> Validators | None:
        return self._entries.get(url)

    def put(self, url: str, validators: Validators) -> None:
        self._entries[url] = validators


@functools.cache
def shared_tls_context() -> ssl.SSLContext:
    """One TLS context, with certifi's CA bundle, for every HTTP client in the process.

    httpx builds a context per client by default and loads the bundle into each (about 0.85 MB
    of memory apiece); the scraper, the Bot API sender and the command listener share this one,
    built on first use. A context holds no per-connection state, so sharing it is safe.
    """
    return ssl.create_default_context(cafile=certifi.where())


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    attempts: int = 4
    initial_wait: float = 1.0
    max_wait: float = 30.0  # also the cap on a server's Retry-After
    budget: float = 120.0  # seconds one call may spend retrying, all attempts together


@dataclass(frozen=True, slots=True)
class Politeness:
    min_interval: float = 2.0  # seconds between two requests to one host
    contact: str | None = None  # a URL or e-mail for site operators, added to the User-Agent
    robots: bool = True


@dataclass
class _Robots:
    parser: RobotFileParser | None  # None: allow everything
    fetched_at: float
    unreachable: str | None = None  # why robots.txt could not be had: stay away for now


@dataclass
class _HostState:
    last_request: float | None = None
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


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


def decode(body: bytes, content_type: str | None) -> str:
    """The body as text, in the encoding the server or the document itself declares."""
    _, text = html_to_unicode(content_type, body)
    return text


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


@dataclass
class Stats:
    """Counters for benchmarks and logs: what this client cost the sites."""

    requests: int = 0
    body_bytes: int = 0
    not_modified: int = 0


class HttpClient:
    """An httpx.AsyncClient with the project's manners."""

    def __init__(
        self,
        *,
        timeout: float = 20.0,
        max_bytes: int = 5 * 1024 * 1024,
        retry: RetryPolicy | None = None,
        politeness: Politeness | None = None,
        validators: ValidatorCache | None = None,
        sleep: Sleep | None = None,
        clock: Clock = time.monotonic,
        transport: httpx.AsyncBaseTransport | None = None,
        observe: Callable[[str, float], None] | None = None,
    ) -> None:
        """``observe(host, seconds)`` hears of every request's duration (for metrics)."""
        self._observe = observe
        self._politeness = politeness or Politeness(min_interval=0.0, robots=False)
        agent = USER_AGENT
        if self._politeness.contact:
            agent = f"metalert/0.1 (metals-market figure alerts; +{self._politeness.contact})"
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": agent},
            follow_redirects=False,  # followed by hand, to keep them on allowed hosts
            transport=transport,
            verify=shared_tls_context(),
        )
        self._max_bytes = max_bytes
        self._retry = retry or RetryPolicy()
        self._validators = validators
        self._sleep: Sleep = sleep or asyncio.sleep
        self._clock = clock
        self._hosts: dict[str, _HostState] = {}
        self._robots: dict[str, _Robots] = {}
        self._held_until: dict[str, float] = {}  # host -> clock time its Retry-After ends
        self.stats = Stats()

    async def __aenter__(self) -> HttpClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()

    async def get(
        self,
        url: str,
        *,
        conditional: bool = False,
        allowed_hosts: Collection[str] | None = None,
    ) -> Page:
        """GET a URL; raise FetchError when it cannot be had.

        ``conditional``: send the validators remembered for this URL; an unchanged resource comes
        back as a Page with status 304 and no text. ``allowed_hosts``: redirects elsewhere fail.
        """
        self._check_not_held(url)
        if self._politeness.robots and not await self._allowed_by_robots(url):
            raise FetchError("disallowed by robots.txt", url=url)
        policy = self._retry
        backoff = wait_exponential_jitter(
            multiplier=policy.initial_wait, max=policy.max_wait, jitter=policy.initial_wait
        )

        def wait(state: RetryCallState) -> float:
            exc = state.outcome.exception() if state.outcome else None
            if isinstance(exc, FetchError) and exc.retry_after is not None:
                return exc.retry_after
            return backoff(state)

        def worth_retrying(exc: BaseException) -> bool:
            # A pause longer than max_wait is honoured by leaving the host alone, not by
            # sleeping here (nor by coming back after max_wait, which the server refused).
            if not isinstance(exc, FetchError) or not exc.transient:
                return False
            return exc.retry_after is None or exc.retry_after <= policy.max_wait

        retrying = AsyncRetrying(
            retry=retry_if_exception(worth_retrying),
            stop=stop_after_attempt(policy.attempts) | stop_after_delay(policy.budget),
            wait=wait,
            reraise=True,
            before_sleep=lambda state: log.warning(
                "fetch retry url=%s attempt=%d error=%s",
                url,
                state.attempt_number,
                state.outcome.exception() if state.outcome else None,
            ),
            sleep=self._sleep,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    return await self._follow(
                        url, conditional=conditional, allowed_hosts=allowed_hosts
                    )
        except FetchError as exc:
            if exc.retry_after is not None and exc.retry_after > policy.max_wait:
                self._hold(url, exc.retry_after)
            raise
        raise AssertionError("unreachable: tenacity reraises the last error")

    def _hold(self, url: str, seconds: float) -> None:
        host = _host(url)
        self._held_until[host] = max(self._held_until.get(host, 0.0), self._clock() + seconds)
        log.warning("host %s asked for a pause: no requests to it for %.0fs", host, seconds)

    def _check_not_held(self, url: str) -> None:
        until = self._held_until.get(_host(url))
        if until is None:
            return
        remaining = until - self._clock()
        if remaining <= 0:
            del self._held_until[_host(url)]
            return
        raise FetchError(
            f"the site asked for a pause (Retry-After): {remaining:.0f}s left",
            url=url,
            transient=True,
            retry_after=remaining,
        )

    async def _follow(
        self, url: str, *, conditional: bool, allowed_hosts: Collection[str] | None
    ) -> Page:
        allowed = {host.lower() for host in allowed_hosts} if allowed_hosts else {_host(url)}
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            page, location = await self._get_once(current, conditional=conditional, original=url)
            if location is None:
                return page
            target = urljoin(current, location)
            if _host(target) not in allowed:
                raise FetchError(f"redirect to another host refused: {target}", url=url)
            current = target
        raise FetchError(f"more than {MAX_REDIRECTS} redirects", url=url)

    async def _paced(self, url: str) -> _HostState:
        state = self._hosts.setdefault(_host(url), _HostState())
        await state.lock.acquire()
        try:
            if state.last_request is not None:
                wait = state.last_request + self._politeness.min_interval - self._clock()
                if wait > 0:
                    await self._sleep(wait)
        except BaseException:
            state.lock.release()
            raise
        return state

    async def _get_once(
        self, url: str, *, conditional: bool, original: str
    ) -> tuple[Page, str | None]:
        headers = {}
        known = self._validators.get(url) if conditional and self._validators else None
        if known is not None:
            if known.etag:
                headers["If-None-Match"] = known.etag
            if known.last_modified:
                headers["If-Modified-Since"] = known.last_modified
        state = await self._paced(url)
        started = time.perf_counter()
        try:
            self.stats.requests += 1
            async with self._client.stream("GET", url, headers=headers) as response:
                return await self._read(response, url, conditional=conditional, original=original)
        except httpx.TransportError as exc:
            raise FetchError(
                f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__,
                url=url,
                transient=True,
            ) from exc
        finally:
            state.last_request = self._clock()
            state.lock.release()
            if self._observe is not None:
                self._observe(_host(url), time.perf_counter() - started)

    async def _read(
        self, response: httpx.Response, url: str, *, conditional: bool, original: str
    ) -> tuple[Page, str | None]:
        status = response.status_code
        now = datetime.now(UTC)
        if status in {301, 302, 303, 307, 308} and response.headers.get("Location"):
            return self._page(response, url, ""), response.headers["Location"]
        if status == 304:
            self.stats.not_modified += 1
            return self._page(response, url, ""), None
        if status >= 400:
            raise FetchError(
                f"HTTP {status}",
                url=original,
                status=status,
                transient=status in RETRYABLE_STATUSES,
                retry_after=_retry_after_seconds(response.headers.get("Retry-After"), now),
            )
        body = await self._read_capped(response, url)
        self.stats.body_bytes += len(body)
        page = self._page(response, url, decode(body, response.headers.get("content-type")))
        return page, None

    @staticmethod
    def _page(response: httpx.Response, url: str, text: str) -> Page:
        return Page(
            url=url,
            status=response.status_code,
            # httpx's header names are case-insensitive; the plain dict is keyed in lower case.
            headers={name.lower(): value for name, value in response.headers.items()},
            text=text,
            fetched_at=datetime.now(UTC),
        )

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

    # -- robots.txt ----------------------------------------------------------------------------

    async def _allowed_by_robots(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        robots = self._robots.get(origin)
        if robots is None or self._clock() - robots.fetched_at > ROBOTS_TTL.total_seconds():
            robots = await self._fetch_robots(origin)
            self._robots[origin] = robots
        if robots.unreachable is not None:
            # RFC 9309: an unreachable robots.txt means "stay away"; say what actually happened.
            raise FetchError(
                f"site unreachable (robots.txt: {robots.unreachable})", url=url, transient=True
            )
        if robots.parser is None:
            return True
        agent = str(self._client.headers.get("User-Agent", "metalert"))
        return robots.parser.can_fetch(agent.split("/")[0], url)

    async def _fetch_robots(self, origin: str) -> _Robots:
        """RFC 9309: 4xx means no rules; 5xx or unreachable means stay away for now."""
        url = f"{origin}/robots.txt"
        try:
            page, _ = await self._get_once(url, conditional=False, original=url)
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                return _Robots(parser=None, fetched_at=self._clock())
            log.warning("robots.txt unavailable, not fetching from %s: %s", origin, exc)
            # Try again on the next request rather than a day later.
            return _Robots(
                parser=None,
                fetched_at=self._clock() - ROBOTS_TTL.total_seconds(),
                unreachable=str(exc),
            )
        parser = RobotFileParser()
        parser.parse(page.text.splitlines())
        return _Robots(parser=parser, fetched_at=self._clock())
