"""Injected clocks for tests and benchmarks: time moves only when the code under test sleeps."""

from __future__ import annotations


class SimulatedMonotonic:
    """A monotonic clock in seconds with a matching async sleep."""

    def __init__(self, start: float = 0.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
