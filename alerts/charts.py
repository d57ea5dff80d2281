"""History charts for alerts: a small PNG of a series with the rule's threshold drawn in.

The drawing runs in a child process (``alerts.chart_drawing``), so that matplotlib's weight is
paid while a chart is drawn and not for the daemon's whole life. A chart is an extra: when it
cannot be drawn (no matplotlib, a crash, a timeout) the alert goes out as text.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from collections.abc import Sequence
from decimal import Decimal

log = logging.getLogger(__name__)

MIN_POINTS = 3
DRAW_TIMEOUT = 60.0  # seconds; a first run may build matplotlib's font cache
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def render_chart(
    points: Sequence[tuple[str, Decimal]],
    *,
    title: str,
    unit: str,
    threshold: Decimal | None = None,
) -> bytes | None:
    """A line chart of (period, value) points; None with too few points or when drawing fails."""
    if len(points) < MIN_POINTS:
        return None
    request = {
        "points": [(period, str(value)) for period, value in points],
        "title": title,
        "unit": unit,
        "threshold": None if threshold is None else str(threshold),
        "threshold_label": None if threshold is None else f"{threshold:,}",
    }
    try:
        drawn = subprocess.run(
            [sys.executable, "-m", "alerts.chart_drawing"],
            input=json.dumps(request).encode(),
            capture_output=True,
            timeout=DRAW_TIMEOUT,
            check=True,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        stderr = getattr(exc, "stderr", None) or b""
        last_line = stderr.decode(errors="replace").strip().splitlines()[-1:] or [str(exc)]
        log.warning("chart not drawn title=%r error=%s", title, last_line[0])
        return None
    if not drawn.stdout.startswith(PNG_SIGNATURE):
        log.warning("chart not drawn title=%r error=the drawing gave no PNG", title)
        return None
    return drawn.stdout
