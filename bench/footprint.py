"""What metalert costs a machine to keep: command start-up, and the daemon's resident memory.

Start-up is the wall time of `metalert --help` and of `metalert parse` on one article, best of
five, with the project's bytecode compiled first, as an installed package has it: a stale
`__pycache__` (PYTHONDONTWRITEBYTECODE keeps it stale) makes each process compile the extractor's
source again, about 0.05 s and 2.7 MiB of resident memory that no deployment pays. The daemon
is the real `metalert run` process against the loopback site and the Bot API stand-in; its
first poll finds the seed article, whose series already has two months stored, so the alert
goes out with a history chart. Memory is read from /proc after that photo arrived.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from alerts.engine import record
from alerts.store import Store
from tests.alerts.factories import article, rate
from tests.conftest import TOKEN, fixture_text, write_config
from tests.servers import BotApiStandIn, FixtureSite

METALERT = str(Path(sys.executable).with_name("metalert"))
PROJECT = Path(__file__).resolve().parent.parent
PACKAGES = ("alerts", "bot", "scrapers")
SEED_TEXT = PROJECT / "tests/fixtures/articles/seed-smm-style.txt"
FEED = "/api/rss/secondaryaluminium_news"
CHANNEL = "@metalert_demo"


def _compile_bytecode() -> None:
    packages = [str(PROJECT / package) for package in PACKAGES]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *packages], check=True)


def _best_wall(command: list[str], runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        best = min(best, time.perf_counter() - started)
    return best


def _memory_kib(pid: int) -> tuple[int, int]:
    """(resident now, resident peak) of a process, in KiB."""
    status = Path(f"/proc/{pid}/status").read_text()
    now = re.search(r"VmRSS:\s+(\d+)", status)
    peak = re.search(r"VmHWM:\s+(\d+)", status)
    return (int(now.group(1)) if now else 0, int(peak.group(1)) if peak else 0)


def _history(database: Path) -> None:
    """Two earlier months of the seed's series, so that its alert carries a chart."""
    store = Store(database)
    try:
        for number, (period, value) in enumerate((("2025-09", "43.1"), ("2025-10", "44.0"))):
            stored = article(900 + number)
            figure = rate(None, value=value, period=period, article_id=stored.id)
            record(store, [], stored, [figure], [], datetime.now(UTC), send=False)
    finally:
        store.close()


def _daemon_memory(folder: Path) -> tuple[int, int, int]:
    """(RSS after the first alert with its chart, peak RSS, photos sent) of `metalert run`."""
    site, bot_api = FixtureSite(), BotApiStandIn(TOKEN)
    site.start()
    bot_api.start()
    site.serve_text(FEED, fixture_text("alcircle/secondaryaluminium_news.xml"))
    write_config(folder, site_url=site.url, api_base_url=bot_api.api_base_url, on_first_run="alert")
    _history(folder / "metalert.db")
    environment = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN}
    daemon = subprocess.Popen(
        [METALERT, "run"],
        cwd=folder,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while len(bot_api.messages_to(CHANNEL)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1.0)  # let the cycle finish its bookkeeping
        resident, peak = _memory_kib(daemon.pid)
    finally:
        daemon.terminate()
        daemon.wait(20)
        site.stop()
        bot_api.stop()
    photos = sum(1 for message in bot_api.messages_to(CHANNEL) if message.photo)
    return resident, peak, photos


def run() -> list[tuple[str, str, str]]:
    _compile_bytecode()
    helped = _best_wall([METALERT, "--help"])
    parsed = _best_wall([METALERT, "parse", str(SEED_TEXT)])
    with tempfile.TemporaryDirectory() as folder:
        resident, peak, photos = _daemon_memory(Path(folder))
    return [
        ("start-up", "`metalert --help` wall time (target <= 0.5 s)", f"{helped:.2f} s"),
        (
            "start-up",
            "`metalert parse` one article, wall time (target <= 0.5 s)",
            f"{parsed:.2f} s",
        ),
        (
            "memory",
            f"daemon RSS after its first poll, {photos} alert(s) with a chart (target <= 60 MB)",
            f"{resident / 1024:.1f} MiB",
        ),
        ("memory", "daemon peak RSS over that run", f"{peak / 1024:.1f} MiB"),
    ]
