"""Fixture sites in a child process, so that a benchmark measures the daemon's own CPU."""

from __future__ import annotations

import contextlib
import multiprocessing
import time
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import Any


@contextlib.contextmanager
def sites_in_child(target: Callable[[Connection, Connection], None]) -> Iterator[Any]:
    """Run ``target(ready, stop)`` in a spawned child: it sends what the benchmark needs (the
    sites' URLs) on ``ready`` once serving, and stops when something arrives on ``stop``."""
    context = multiprocessing.get_context("spawn")
    ready_theirs, ready_ours = context.Pipe()
    stop_ours, stop_theirs = context.Pipe()
    child = context.Process(target=target, args=(ready_theirs, stop_theirs), daemon=True)
    child.start()
    try:
        yield ready_ours.recv()
    finally:
        stop_ours.send(None)
        child.join(10)


def cpu_seconds() -> float:
    return time.process_time()  # this process's threads; os.times() counts in 10 ms ticks
