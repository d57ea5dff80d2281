"""`python -m bench`: run every benchmark and print one table."""

from __future__ import annotations

import logging
import platform
import sys
from datetime import UTC, datetime

from bench import alerts, extraction, idle

BENCHMARKS = (extraction.run, idle.run, alerts.run)


def main() -> int:
    logging.basicConfig(level=logging.WARNING)
    rows: list[tuple[str, str, str]] = []
    for benchmark in BENCHMARKS:
        rows.extend(benchmark())
    print(
        f"metalert benchmarks, {datetime.now(UTC):%Y-%m-%d}, {platform.machine()},"
        f" {platform.python_implementation()} {platform.python_version()}"
    )
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    header = ("benchmark", "measure", "result")
    widths = [max(w, len(h)) for w, h in zip(widths, header, strict=True)]
    line = " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))
    print(line)
    print("-+-".join("-" * w for w in widths))
    for row in rows:
        print(" | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
