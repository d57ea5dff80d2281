"""What the daemon knows of its own health, for the operations endpoint (bot/ops.py).

Written by the event loop, read by the endpoint's thread: plain attributes, each write atomic.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from datetime import timedelta

LOOP_STALL_SECONDS = 60.0  # no heartbeat from the event loop for this long: not alive
READY_INTERVALS = 3  # a source is late when its last success is older than 3 of its intervals


class Health:
    """What the daemon reports about itself; written by the event loop, read by the endpoint."""

    def __init__(self, intervals: Mapping[str, timedelta], clock: Callable[[], float] = time.time):
        self._intervals = dict(intervals)
        self._clock = clock
        self.started_at = clock()
        self.loop_beat: float | None = None
        self.scheduler_running = False
        self.store_open = False
        self.last_success: dict[str, float] = {}

    def watch(self, intervals: Mapping[str, timedelta]) -> None:
        """The sources to watch from now on (a config reload)."""
        self._intervals = dict(intervals)
        for gone in set(self.last_success) - set(intervals):
            del self.last_success[gone]

    def beat(self) -> None:
        self.loop_beat = self._clock()

    def succeeded(self, source: str) -> None:
        self.last_success[source] = self._clock()

    def alive(self) -> tuple[bool, str]:
        now = self._clock()
        if not self.scheduler_running:
            return False, "the scheduler is not running"
        if self.loop_beat is None or now - self.loop_beat > LOOP_STALL_SECONDS:
            return False, f"the event loop has not answered for over {LOOP_STALL_SECONDS:.0f} s"
        return True, "alive"

    def ready(self) -> tuple[bool, str]:
        alive, why = self.alive()
        if not alive:
            return False, why
        if not self.store_open:
            return False, "the store is not open"
        now = self._clock()
        late = []
        for source, interval in sorted(self._intervals.items()):
            allowed = READY_INTERVALS * interval.total_seconds()
            last = self.last_success.get(source)
            if last is None:
                late.append(f"{source}: no successful poll since start-up")
            elif now - last > allowed:
                late.append(f"{source}: last successful poll {now - last:.0f} s ago")
        if late:
            return False, "; ".join(late)
        return True, "ready"
