"""What a cycle costs when nothing changed: requests and bytes asked of the sites, the daemon's
CPU, and rows written to its database. The sites run in a child process, so the CPU measured is
the daemon's own.
"""

from __future__ import annotations

import asyncio
import tempfile
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from bench.children import cpu_seconds, sites_in_child
from bot.config import load_config
from bot.daemon import Daemon
from bot.pipeline import MAX_ITEM_ATTEMPTS
from bot.wiring import build_sources
from tests.conftest import fixture_text, write_config
from tests.servers import FixtureSite

SEED_PATH = (
    "/newscontent/103660382/"
    "%5BSMM-Analysis%5D-Secondary-Aluminum-Operating-Rate-Rises-2.3-Percentage-Points-in-November"
)
IDLE_CYCLES = 50


def _serve(alcircle: FixtureSite, smm: FixtureSite) -> None:
    alcircle.serve_text(
        "/api/rss/secondaryaluminium_news", fixture_text("alcircle/secondaryaluminium_news.xml")
    )
    alcircle.serve_text("/api/rss/alumina_news", fixture_text("alcircle/alumina_news_empty.xml"))
    smm.serve_text("/en", fixture_text("smm/listing-en.html"), "text/html")
    smm.serve_html(SEED_PATH, fixture_text("smm/article-103660382.html"))
    smm.serve_html(
        "/newscontent/103655120-aluminum-extrusion-operating-rate-dips-weekly",
        fixture_text("smm/article-103655120.html"),
    )
    smm.serve_html(
        "/en/newscontent/103651777-copper-premiums-narrow", fixture_text("smm/block-page.html")
    )


def _sites(ready: Connection, stop: Connection) -> None:
    """The child: serve both sites until told to stop."""
    alcircle, smm = FixtureSite(), FixtureSite()
    _serve(alcircle, smm)
    alcircle.start()
    smm.start()
    ready.send((alcircle.url, smm.url))
    stop.recv()
    alcircle.stop()
    smm.stop()


@dataclass(frozen=True)
class Cost:
    requests: int
    body_bytes: int
    cpu_seconds: float
    rows_written: int


async def _cycles(folder: Path, alcircle_url: str, smm_url: str, count: int) -> list[Cost]:
    config = load_config(
        write_config(
            folder,
            site_url=alcircle_url,
            smm_url=smm_url,
            feeds=("secondaryaluminium_news", "alumina_news"),
        ),
        environ={},
    )
    daemon = Daemon(config)
    store, http = await daemon.open()
    sources = build_sources(config)
    costs = []
    try:
        for _ in range(count):
            before = (http.stats.requests, http.stats.body_bytes, cpu_seconds())
            written = store.rows_written
            for source in sources:
                await daemon.scrape(source)
            costs.append(
                Cost(
                    http.stats.requests - before[0],
                    http.stats.body_bytes - before[1],
                    cpu_seconds() - before[2],
                    store.rows_written - written,
                )
            )
    finally:
        await daemon.close()
    return costs


def run() -> list[tuple[str, str, str]]:
    # The fixture's block page fails each poll until it is given up on; after that the cycles
    # are idle.
    warm = MAX_ITEM_ATTEMPTS + 1
    with sites_in_child(_sites) as urls, tempfile.TemporaryDirectory() as folder:
        alcircle_url, smm_url = urls
        costs = asyncio.run(_cycles(Path(folder), alcircle_url, smm_url, warm + IDLE_CYCLES))
    first, second, idle = costs[0], costs[1], costs[warm:]
    cpu = sorted(cost.cpu_seconds for cost in idle)[len(idle) // 2]
    return [
        (
            "idle cycle",
            "first cycle: 2 robots.txt, 2 feeds, 1 listing, 3 articles",
            f"{first.requests} requests, {first.body_bytes:,} body bytes",
        ),
        (
            "idle cycle",
            "next cycle (the block page is tried again)",
            f"{second.requests} requests, {second.body_bytes:,} body bytes",
        ),
        (
            "idle cycle",
            f"idle: {IDLE_CYCLES} cycles with nothing new, both sources",
            f"{sum(c.requests for c in idle) / len(idle):.0f} requests,"
            f" {sum(c.body_bytes for c in idle) / len(idle):,.0f} body bytes per cycle",
        ),
        ("idle cycle", "daemon CPU per idle cycle, median (target <= 5 ms)", f"{cpu * 1e3:.1f} ms"),
        (
            "idle cycle",
            "database rows written per idle cycle (target 0)",
            f"{sum(c.rows_written for c in idle) / len(idle):.1f}",
        ),
    ]
