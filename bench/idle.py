"""What a cycle costs the sites when nothing changed: requests and body bytes per cycle."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from bot.config import load_config
from bot.daemon import Daemon
from bot.wiring import build_sources
from tests.conftest import fixture_text, write_config
from tests.servers import FixtureSite

SEED_PATH = (
    "/newscontent/103660382/"
    "%5BSMM-Analysis%5D-Secondary-Aluminum-Operating-Rate-Rises-2.3-Percentage-Points-in-November"
)


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


async def _cycles(folder: Path, alcircle_url: str, smm_url: str) -> list[tuple[int, int]]:
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
    _, http = await daemon.open()
    costs = []
    try:
        for _ in range(3):
            before = (http.stats.requests, http.stats.body_bytes)
            for source in build_sources(config):
                await daemon.scrape(source)
            costs.append((http.stats.requests - before[0], http.stats.body_bytes - before[1]))
    finally:
        await daemon.close()
    return costs


def run() -> list[tuple[str, str, str]]:
    alcircle, smm = FixtureSite(), FixtureSite()
    alcircle.start()
    smm.start()
    _serve(alcircle, smm)
    try:
        with tempfile.TemporaryDirectory() as folder:
            first, second, third = asyncio.run(_cycles(Path(folder), alcircle.url, smm.url))
    finally:
        alcircle.stop()
        smm.stop()
    return [
        (
            "idle cycle",
            "first cycle: 2 robots.txt, 2 feeds, 1 listing, 3 articles",
            f"{first[0]} requests, {first[1]:,} body bytes",
        ),
        (
            "idle cycle",
            "next cycle, nothing changed",
            f"{second[0]} requests, {second[1]:,} body bytes",
        ),
        ("idle cycle", "and the one after", f"{third[0]} requests, {third[1]:,} body bytes"),
    ]
