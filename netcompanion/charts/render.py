"""Server-side SVG charts with matplotlib: no JavaScript, sharp on any screen, printable."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

import matplotlib
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure

INK, LINE, MARK, GRID = "#1d2430", "#0b5d6b", "#a4161a", "#d5dde5"
STYLE = {"svg.fonttype": "none", "svg.hashsalt": "netcompanion", "font.size": 11, "font.family": "DejaVu Sans",
         "axes.edgecolor": INK, "axes.labelcolor": INK, "xtick.color": INK, "ytick.color": INK}


def _svg(fig: Figure) -> str:
    out = io.StringIO()
    fig.savefig(out, format="svg", bbox_inches="tight", metadata={"Date": None})
    return out.getvalue()


def trend_chart(points: Sequence[tuple[dt.date, float]], injections: Sequence[dt.date], start: dt.date,
                end: dt.date, label: str, unit: str = "", from_zero: bool = True,
                upper_limit: float | None = None) -> str:
    """A line over time with a dashed red line on each injection day, and the lab's upper limit if given."""
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(7.5, 2.6), dpi=96)
        ax = fig.add_subplot()
        for day in injections:
            if start <= day <= end:
                ax.axvline(day, color=MARK, linestyle="--", linewidth=1)
        if upper_limit is not None:
            ax.axhline(upper_limit, color=INK, linestyle=":", linewidth=1, label="upper limit")
        if points:
            xs, ys = zip(*points, strict=True)
            ax.plot(xs, ys, color=LINE, linewidth=1.8, marker="o" if len(points) < 40 else None, markersize=3)
        ax.set_xlim(start, end)
        if from_zero:
            ax.set_ylim(bottom=0)
        ax.set_ylabel(f"{label} ({unit})" if unit else label)
        locator = AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        ax.grid(axis="y", color=GRID)
        ax.spines[["top", "right"]].set_visible(False)
        if any(start <= d <= end for d in injections):
            ax.plot([], [], color=MARK, linestyle="--", label="injection")
        if ax.get_legend_handles_labels()[0]:
            ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), frameon=False, ncol=2)
        return _svg(fig)


def cycle_chart(days: Sequence[tuple[int, float]], label: str) -> str:
    """Bars of the mean value on each day of the injection cycle (day 1 = injection day)."""
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(7.5, 2.6), dpi=96)
        ax = fig.add_subplot()
        if days:
            xs, ys = zip(*days, strict=True)
            ax.bar(xs, ys, color=LINE, width=0.8)
        ax.set_xlabel("Day of the injection cycle (day 1 = injection day)")
        ax.set_ylabel(f"{label}, average")
        ax.set_ylim(bottom=0)
        ax.grid(axis="y", color=GRID)
        ax.spines[["top", "right"]].set_visible(False)
        return _svg(fig)
