"""Backfill throughput: `metalert backfill` over a loopback SMM with heavy article pages.

The site runs in a child process, so that the figures are the backfill's own CPU and wall time,
not the fixture server's. Politeness is off (``min_interval: 0s``): the run is CPU-bound, which
is what the figure is meant to show. The database's size per 1,000 articles is reported too.
"""

from __future__ import annotations

import asyncio
import logging
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path

from bench.children import cpu_seconds, sites_in_child
from bench.daemon_path import _smm_page, corpus_cases
from bench.weight import weigh
from bot.backfill import backfill
from bot.config import load_config
from tests.conftest import write_config
from tests.servers import FixtureSite, Reply

PAGES = 25
PER_PAGE = 20  # links on one listing page, as the live listing shows


def _listing(links: list[tuple[str, str]]) -> str:
    items = "".join(
        f'<div class="NewsItem_item__7Yh1s"><a class="NewsItem_link__q2W8e" href="{href}">'
        f'<div class="NewsItem_heading__kk3Lm">{title}</div></a>'
        f'<div class="NewsItem_time__z9Z9z">3 days ago</div></div>'
        for href, title in links
    )
    return (
        "<html><head><title>Latest News - SMM</title></head><body><main>"
        f"{items}</main><footer>metal.com</footer></body></html>"
    )


def _site(ready: Connection, stop: Connection) -> None:
    """The child: serve PAGES listing pages of PER_PAGE article pages each, until told to stop."""
    cases = corpus_cases()
    site = FixtureSite()
    number = 0
    for page in range(1, PAGES + 1):
        links = []
        for _ in range(PER_PAGE):
            title, text = cases[number % len(cases)]
            href = f"/newscontent/{104000000 - number}-bench-article"
            site.serve_html(href, weigh(_smm_page(title, text), "smm"))
            links.append((href, title))
            number += 1
        path = "/en" if page == 1 else f"/en?page={page}"
        site.serve(
            path, Reply(body=_listing(links).encode(), headers={"Content-Type": "text/html"})
        )
    site.serve("/robots.txt", Reply(status=404, body=b""))
    site.start()
    ready.send(site.url)
    stop.recv()
    site.stop()


def run() -> list[tuple[str, str, str]]:
    with sites_in_child(_site) as url, tempfile.TemporaryDirectory() as folder:
        config = load_config(
            write_config(Path(folder), site_url="http://127.0.0.1:9", smm_url=url),
            environ={},
        )
        logging.getLogger("bot").setLevel(logging.WARNING)
        started, cpu = time.perf_counter(), cpu_seconds()
        report = asyncio.run(
            backfill(config, source_name="smm", pages=PAGES, since=None, send=False)
        )
        wall, cpu = time.perf_counter() - started, cpu_seconds() - cpu
        size = config.storage_path.stat().st_size
    articles = report.new
    return [
        ("backfill", f"{PAGES} listing pages, {articles} article pages", f"{wall:.2f} s wall"),
        ("backfill", "throughput (target >= 500)", f"{articles / wall:,.0f} articles/s"),
        ("backfill", "CPU per article", f"{cpu / articles * 1e3:.2f} ms"),
        (
            "backfill",
            "database size per 1,000 articles",
            f"{size / articles * 1000 / 2**20:.1f} MiB",
        ),
    ]
