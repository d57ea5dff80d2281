"""`make soak`: the daemon for 2,000 cycles against a loopback AL Circle and Bot API, with a new
article every 10 cycles, to show that memory and the database stay bounded.

The sites run in a child process; the daemon's own cycle (`Daemon.cycle`: poll, record, deliver)
runs here back to back, without the scheduler's waits. Reported: resident memory after warm-up
and at the end, its growth per 100 cycles, the database's size, and the CPU of an idle cycle.
Not part of `make test` or `make bench`: it takes a few minutes.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import re
import statistics
import sys
import tempfile
import time
from html import escape
from multiprocessing.connection import Connection
from pathlib import Path

from bench.daemon_path import _alcircle_page, corpus_cases
from bench.weight import weigh
from bot.config import load_config
from bot.daemon import Daemon
from bot.wiring import build_sources
from tests.conftest import TOKEN, write_config
from tests.servers import BotApiStandIn, FixtureSite

CYCLES = 2000
NEW_EVERY = 10  # cycles between two new articles
WARM_UP = 100  # cycles before the first memory reading
FEED = "/api/rss/secondaryaluminium_news"
FEED_ITEMS = 20  # the newest items a feed lists


def _feed(cases: list[tuple[str, str]], published: int) -> str:
    items = []
    for number in range(max(0, published - FEED_ITEMS), published):
        title, text = cases[number % len(cases)]
        body = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())
        link = f"https://www.alcircle.com/news/soak-article-{200000 + number}"
        day = 1 + number % 28
        items.append(
            f"<item><link>{link}</link><title>{escape(title)} ({number})</title>"
            f"<description>{escape(body)}</description>"
            f"<pubDate>Wed, {day:02d} Oct 2025 09:30:00 +0530</pubDate></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        "<title>AlCircle: soak</title><link>https://www.alcircle.com</link>"
        f"<description>soak</description>{''.join(reversed(items))}</channel></rss>"
    )


def _sites(control: Connection) -> None:
    """The child: AL Circle and the Bot API; ("publish", n) lists n articles in the feed."""
    cases = corpus_cases()
    site, bot_api = FixtureSite(), BotApiStandIn(TOKEN)
    site.start()
    bot_api.start()
    site.serve_text(FEED, _feed(cases, 0))
    control.send((site.url, bot_api.api_base_url))
    while True:
        command, argument = control.recv()
        if command == "stop":
            control.send(len(bot_api.sent))
            break
        site.serve_text(FEED, _feed(cases, argument))
        # Items the reader takes for teasers are read from their page, as on the live site.
        number = argument - 1
        title, text = cases[number % len(cases)]
        page = weigh(_alcircle_page(title, text), "alcircle")
        site.serve_html(f"/news/soak-article-{200000 + number}", page)
        control.send("ok")
    site.stop()
    bot_api.stop()


def _resident_kib() -> int:
    found = re.search(r"VmRSS:\s+(\d+)", Path("/proc/self/status").read_text())
    return int(found.group(1)) if found else 0


async def _soak(folder: Path, control: Connection) -> dict[str, float]:
    site_url, api_url = control.recv()
    config = load_config(
        write_config(folder, site_url=site_url, api_base_url=api_url, on_first_run="alert"),
        environ={"TELEGRAM_BOT_TOKEN": TOKEN},
    )
    daemon = Daemon(config)
    await daemon.open()
    (source,) = build_sources(config, only="alcircle")
    idle_cpu: list[float] = []
    resident: dict[int, int] = {}
    published = 0
    started = time.perf_counter()
    try:
        for cycle in range(1, CYCLES + 1):
            new = cycle % NEW_EVERY == 0
            if new:
                published += 1
                control.send(("publish", published))
                control.recv()
            cpu = time.process_time()
            await daemon.cycle(source)
            if not new:
                idle_cpu.append(time.process_time() - cpu)
            if cycle == WARM_UP or cycle % 100 == 0:
                resident[cycle] = _resident_kib()
    finally:
        await daemon.close()
    wall = time.perf_counter() - started
    control.send(("stop", 0))
    messages = control.recv()
    end = resident[CYCLES]
    start = resident[WARM_UP]
    later = [cycle for cycle in sorted(resident) if cycle >= WARM_UP]
    slope = statistics.linear_regression(later, [resident[c] for c in later]).slope * 100
    return {
        "wall": wall,
        "published": published,
        "messages": messages,
        "start": start,
        "end": end,
        "slope": slope,
        "size": config.storage_path.stat().st_size,
        "idle_cpu": statistics.median(idle_cpu),
    }


def main() -> int:
    logging.basicConfig(level=logging.ERROR)
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    child = context.Process(target=_sites, args=(theirs,), daemon=True)
    child.start()
    with tempfile.TemporaryDirectory() as folder:
        result = asyncio.run(_soak(Path(folder), ours))
    child.join(10)
    rows = [
        ("cycles", f"{CYCLES}, a new article every {NEW_EVERY}", f"{result['wall']:.0f} s wall"),
        (
            "articles / messages",
            "published / sent",
            f"{result['published']:.0f} / {result['messages']:.0f}",
        ),
        ("RSS", f"after {WARM_UP} cycles", f"{result['start'] / 1024:.1f} MiB"),
        ("RSS", f"after {CYCLES} cycles", f"{result['end'] / 1024:.1f} MiB"),
        (
            "RSS growth",
            f"cycles {WARM_UP}-{CYCLES} (target < 1 MB)",
            f"{(result['end'] - result['start']) / 1024:+.2f} MiB,"
            f" {result['slope']:+.1f} KiB per 100 cycles",
        ),
        ("database", "size at the end", f"{result['size'] / 2**20:.2f} MiB"),
        ("CPU", "per idle cycle, median (target < 5 ms)", f"{result['idle_cpu'] * 1e3:.2f} ms"),
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    print(f"metalert soak, {time.strftime('%Y-%m-%d')}, {sys.platform}")
    for row in rows:
        print(" | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
