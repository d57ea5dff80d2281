"""Draws one history chart as PNG bytes; run as ``python -m alerts.chart_drawing`` by charts.py.

matplotlib weighs about 40 MB once imported and never gives it back, while a chart is drawn a
few times a day at most; so the drawing happens in a short-lived child process and the daemon's
own memory stays what its steady work needs. The request comes as JSON on stdin, the PNG goes
to stdout.
"""

from __future__ import annotations

import io
import json
import sys
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

LINE_COLOUR = "#1f5fa8"
THRESHOLD_COLOUR = "#c0392b"


def draw(request: dict[str, Any]) -> bytes:
    """A line chart of the request's (period, value) points, with its threshold when it has one."""
    labels = [str(period) for period, _ in request["points"]]
    values = [float(value) for _, value in request["points"]]
    unit = str(request["unit"])
    # The object API, not pyplot: no global figure registry to leak figures into.
    figure = Figure(figsize=(6.4, 3.2), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.plot(labels, values, marker="o", color=LINE_COLOUR, linewidth=2)
    threshold = request.get("threshold")
    if threshold is not None:
        axes.axhline(float(threshold), color=THRESHOLD_COLOUR, linestyle="--", linewidth=1.5)
        axes.annotate(
            f"threshold {request['threshold_label']} {unit}",
            xy=(0, float(threshold)),
            xytext=(4, 4),
            textcoords="offset points",
            color=THRESHOLD_COLOUR,
            fontsize=8,
        )
    axes.set_title(str(request["title"]), fontsize=11)
    axes.set_ylabel(unit)
    axes.grid(alpha=0.3)
    axes.tick_params(axis="x", labelrotation=45, labelsize=8)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def main() -> int:
    sys.stdout.buffer.write(draw(json.load(sys.stdin)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
