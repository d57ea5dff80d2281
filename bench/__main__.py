"""`python -m bench`: run every benchmark and print one table."""

from __future__ import annotations

import ctypes
import logging
import platform
import sys
from datetime import UTC, datetime

from bench import alerts, backfill, daemon_path, footprint, idle

BENCHMARKS = (daemon_path.run, footprint.run, idle.run, backfill.run, alerts.run)


_M_TOP_PAD = -2  # glibc's mallopt parameter number
_TOP_PAD_BYTES = 256 * 1024 * 1024


def _steady_allocator() -> None:
    """Ask glibc to keep freed heap memory instead of returning it to the system at once.

    Each parse builds and frees a whole document tree. Left to itself, malloc gives that memory
    back and faults it in again on the next page, or not, depending on the heap's history: the
    same bare parse then measures 70 or 150 µs a page from one run to the next. With the pad the
    figures measure the code, and runs agree.
    """
    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        return
    ctypes.CDLL("libc.so.6").mallopt(_M_TOP_PAD, _TOP_PAD_BYTES)


def main() -> int:
    logging.basicConfig(level=logging.WARNING)
    _steady_allocator()
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
