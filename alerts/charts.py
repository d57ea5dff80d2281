"""History charts for alerts: a small PNG of a series with the rule's threshold drawn in."""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal

import matplotlib

matplotlib.use("Agg")  # no display: render straight to PNG bytes

from matplotlib import pyplot as plt

MIN_POINTS = 3


def render_chart(
    points: Sequence[tuple[str, Decimal]],
    *,
    title: str,
    unit: str,
    threshold: Decimal | None = None,
) -> bytes | None:
    """A line chart of (period, value) points, or None when there are too few to say anything."""
    if len(points) < MIN_POINTS:
        return None
    labels = [period for period, _ in points]
    values = [float(value) for _, value in points]
    figure, axes = plt.subplots(figsize=(6.4, 3.2), dpi=100)
    try:
        axes.plot(labels, values, marker="o", color="#1f5fa8", linewidth=2)
        if threshold is not None:
            axes.axhline(float(threshold), color="#c0392b", linestyle="--", linewidth=1.5)
            axes.annotate(
                f"threshold {threshold:,} {unit}",
                xy=(0, float(threshold)),
                xytext=(4, 4),
                textcoords="offset points",
                color="#c0392b",
                fontsize=8,
            )
        axes.set_title(title, fontsize=11)
        axes.set_ylabel(unit)
        axes.grid(alpha=0.3)
        axes.tick_params(axis="x", labelrotation=45, labelsize=8)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
        return buffer.getvalue()
    finally:
        plt.close(figure)
