"""The HTTP client's manners and defences, against a real local server."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from scrapers.errors import FetchError
from scrapers.http import HttpClient, MemoryValidatorCache, Politeness, RetryPolicy, Validators
from tests.clocks import SimulatedMonotonic
from tests.servers import FixtureSite, Reply, running


@pytest.fixture
def other_site() -> Iterator[FixtureSite]:
    yield from running(FixtureSite())


def client(fake: SimulatedMonotonic | None = None, **options: object) -> HttpClient:
    fake = fake or SimulatedMonotonic(1000.0)
    return HttpClient(sleep=fake.sleep, clock=fake.clock, **options)  # type: ignore[arg-type]


def test_a_50_mb_body_is_abandoned_while_streaming(site: FixtureSite) -> None:
    site.serve("/huge", Reply(stream_chunks=50))

    async def go() -> None:
        async with client(max_bytes=5 * 1024 * 1024) as http:
            await http.get(site.url + "/huge")

    with pytest.raises(FetchError, match="exceeds the cap of 5242880 bytes"):
        asyncio.run(go())
    # The client hung up early: far less than 50 MB crossed the socket.
    assert site.streamed_bytes < 20 * 1024 * 1024


def test_a_redirect_to_another_host_is_not_followed(
    site: FixtureSite, other_site: FixtureSite
) -> None:
    other = other_site.url.replace("127.0.0.1", "localhost")
    site.serve("/feed", Reply(status=302, headers={"Location": other + "/feed"}))
    other_site.serve_text("/feed", "<rss/>")

    async def go() -> None:
        async with client() as http:
            await http.get(site.url + "/feed", allowed_hosts={"127.0.0.1"})

    with pytest.raises(FetchError, match="redirect to another host refused"):
        asyncio.run(go())
    assert other_site.hits("/feed") == 0


def test_a_redirect_on_the_same_site_is_followed(site: FixtureSite) -> None:
    site.serve("/old", Reply(status=301, headers={"Location": "/new"}))
    site.serve_text("/new", "moved here")

    async def go() -> str:
        async with client() as http:
            return (await http.get(site.url + "/old")).text

    assert asyncio.run(go()) == "moved here"


def test_an_unchanged_feed_costs_one_request_and_no_body(site: FixtureSite) -> None:
    site.serve_text("/feed", "<rss>v1</rss>")
    cache = MemoryValidatorCache()

    async def go() -> list[int]:
        async with client(validators=cache) as http:
            first = await http.get(site.url + "/feed", conditional=True)
            # The caller remembers the validators once the body is dealt with.
            validators = Validators.of(first)
            assert validators is not None
            cache.put(site.url + "/feed", validators)
            second = await http.get(site.url + "/feed", conditional=True)
            return [first.status, second.status, http.stats.body_bytes]

    first, second, body_bytes = asyncio.run(go())
    assert (first, second) == (200, 304)
    assert body_bytes == len("<rss>v1</rss>")
    assert site.bodies_sent("/feed") == 1
    assert site.requests[-1].headers.get("If-None-Match") is not None


def test_requests_to_one_host_keep_their_distance(site: FixtureSite) -> None:
    site.serve_text("/a", "a")
    fake = SimulatedMonotonic(1000.0)

    async def go() -> None:
        async with client(fake, politeness=Politeness(min_interval=2.0, robots=False)) as http:
            for _ in range(3):
                await http.get(site.url + "/a")

    asyncio.run(go())
    assert fake.sleeps == [2.0, 2.0]


def test_robots_txt_is_honoured_and_fetched_once(site: FixtureSite) -> None:
    site.serve_text("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain", etag=False)
    site.serve_text("/private/feed", "secret")
    site.serve_text("/public/feed", "open")

    async def go() -> str:
        async with client(politeness=Politeness(min_interval=0, robots=True)) as http:
            with pytest.raises(FetchError, match=r"disallowed by robots\.txt"):
                await http.get(site.url + "/private/feed")
            return (await http.get(site.url + "/public/feed")).text

    assert asyncio.run(go()) == "open"
    assert site.hits("/robots.txt") == 1
    assert site.hits("/private/feed") == 0


def test_a_missing_robots_txt_allows_everything(site: FixtureSite) -> None:
    site.serve_text("/feed", "ok")

    async def go() -> str:
        async with client(politeness=Politeness(min_interval=0, robots=True)) as http:
            return (await http.get(site.url + "/feed")).text

    assert asyncio.run(go()) == "ok"


def test_429_with_an_http_date_retry_after_recovers(site: FixtureSite) -> None:
    site.serve(
        "/feed",
        Reply(status=429, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}),
        Reply(body=b"ok"),
    )
    fake = SimulatedMonotonic(1000.0)

    async def go() -> str:
        async with client(fake) as http:
            return (await http.get(site.url + "/feed")).text

    assert asyncio.run(go()) == "ok"
    assert fake.sleeps == [0.0]  # a date in the past means: now


def test_a_500_is_not_retried_but_a_503_is(site: FixtureSite) -> None:
    site.serve("/broken", Reply(status=500))
    site.serve("/busy", Reply(status=503), Reply(body=b"ok"))

    async def go() -> str:
        async with client(retry=RetryPolicy(attempts=3, initial_wait=0.01)) as http:
            with pytest.raises(FetchError, match="HTTP 500"):
                await http.get(site.url + "/broken")
            return (await http.get(site.url + "/busy")).text

    assert asyncio.run(go()) == "ok"
    assert site.hits("/broken") == 1
