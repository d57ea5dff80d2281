from __future__ import annotations

import asyncio
import ssl

import pytest

from scrapers.errors import FetchError
from scrapers.http import HttpClient, RetryPolicy, shared_tls_context
from tests.servers import FixtureSite, Reply


def _get(site: FixtureSite, path: str, **client: object) -> tuple[str, list[float]]:
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)  # an injected clock: no real waiting in tests

    async def go() -> str:
        async with HttpClient(sleep=sleep, **client) as http:  # type: ignore[arg-type]
            return (await http.get(site.url + path)).text

    return asyncio.run(go()), waits


def test_503_then_200_recovers_within_one_call(site: FixtureSite) -> None:
    site.serve("/feed", Reply(status=503), Reply(status=503), Reply(body=b"fresh"))

    text, waits = _get(site, "/feed")

    assert text == "fresh"
    assert site.hits("/feed") == 3
    assert len(waits) == 2


def test_429_waits_what_retry_after_says(site: FixtureSite) -> None:
    site.serve("/feed", Reply(status=429, headers={"Retry-After": "7"}), Reply(body=b"ok"))

    text, waits = _get(site, "/feed")

    assert text == "ok"
    assert waits == [7.0]


def test_404_is_final_and_not_retried(site: FixtureSite) -> None:
    site.serve("/feed", Reply(status=404))

    with pytest.raises(FetchError, match="HTTP 404") as caught:
        _get(site, "/feed")

    assert caught.value.status == 404
    assert site.hits("/feed") == 1


def test_retries_are_bounded(site: FixtureSite) -> None:
    site.serve("/feed", Reply(status=502))

    with pytest.raises(FetchError, match="HTTP 502"):
        _get(site, "/feed", retry=RetryPolicy(attempts=3, initial_wait=0.01))

    assert site.hits("/feed") == 3


def test_an_oversized_body_is_abandoned(site: FixtureSite) -> None:
    site.serve("/big", Reply(body=b"x" * 200_000))

    with pytest.raises(FetchError, match="exceeds the cap"):
        _get(site, "/big", max_bytes=100_000)


def test_a_refused_connection_is_a_transient_fetch_error() -> None:
    async def go() -> None:
        async def sleep(_: float) -> None:
            return None

        async with HttpClient(sleep=sleep, retry=RetryPolicy(attempts=2)) as http:
            await http.get("http://127.0.0.1:9/feed")  # the discard port: nothing listens

    with pytest.raises(FetchError) as caught:
        asyncio.run(go())
    assert caught.value.transient


def test_a_page_is_decoded_in_the_charset_its_meta_tag_declares(site: FixtureSite) -> None:
    html = (
        '<html><head><meta charset="gbk"><title>铝价 – SMM</title></head><body>再生铝</body></html>'
    )
    site.serve("/gbk", Reply(body=html.encode("gbk"), headers={"Content-Type": "text/html"}))

    text, _ = _get(site, "/gbk")

    assert "<title>铝价 – SMM</title>" in text and "再生铝" in text


def test_a_page_is_decoded_in_the_charset_the_server_declares(site: FixtureSite) -> None:
    html = "<html><head><title>Aluminium prices in São Paulo and Zürich</title></head></html>"
    site.serve(
        "/latin",
        Reply(
            body=html.encode("latin-1"), headers={"Content-Type": "text/html; charset=ISO-8859-1"}
        ),
    )

    text, _ = _get(site, "/latin")

    assert "São Paulo and Zürich" in text
    assert "\ufffd" not in text


def test_a_long_retry_after_is_not_waited_in_place_and_holds_the_host(site: FixtureSite) -> None:
    site.serve("/feed", Reply(status=503, headers={"Retry-After": "3600"}), Reply(body=b"ok"))

    async def go() -> tuple[FetchError, FetchError]:
        async def sleep(_: float) -> None:
            raise AssertionError("nothing may wait in place for an hour")

        async with HttpClient(sleep=sleep) as http:
            with pytest.raises(FetchError) as first:
                await http.get(site.url + "/feed")
            with pytest.raises(FetchError) as second:
                await http.get(site.url + "/other")
        return first.value, second.value

    first, second = asyncio.run(go())

    assert first.retry_after == 3600.0 and "HTTP 503" in str(first)
    assert "the site asked for a pause" in str(second)
    assert site.hits("/feed") == 1 and site.hits("/other") == 0


def test_every_client_shares_one_tls_context() -> None:
    # Each context loads certifi's bundle (about 0.85 MB); the scraper, the Bot API sender and
    # the command listener must all get the same one.
    first, second = shared_tls_context(), shared_tls_context()

    assert first is second
    assert first.verify_mode is ssl.CERT_REQUIRED and first.check_hostname
