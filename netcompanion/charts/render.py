"""Server-side SVG charts with matplotlib: no JavaScript, sharp on any screen, printable.

A page shows an SVG scaled to the width of its column, so the text in it is as large as the figure is narrow:
the "phone" size is drawn about as wide as a phone's column (340 to 370 units for a 343 px column) with 14-unit
text, so its labels render at 13 to 14 CSS px on a 375 px screen; the "wide" size is for a desktop and the PDF.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Sequence
from functools import partial
from xml.sax.saxutils import escape

import matplotlib
from django.utils.formats import get_format
from django.utils.translation import gettext as _
from matplotlib.dates import DayLocator, MonthLocator, WeekdayLocator, date2num, num2date
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator, ScalarFormatter

from netcompanion.charts.axes import AXES, AxisRule, y_limits
from netcompanion.charts.weekly import FEW_DAYS, WeekMean
from netcompanion.core.formats import short_date

INK, LINE, MARK, GRID, BAND = "#1d2430", "#0b5d6b", "#a4161a", "#d5dde5", "#dcefe6"
FONT = 14  # in SVG units; see the module's docstring
STYLE = {"svg.fonttype": "none", "svg.hashsalt": "netcompanion", "font.size": FONT, "font.family": "DejaVu Sans",
         "axes.edgecolor": INK, "axes.labelcolor": INK, "xtick.color": INK, "ytick.color": INK,
         "legend.fontsize": FONT, "xtick.labelsize": FONT, "ytick.labelsize": FONT}
SIZES = {"phone": (4.5, 3.0), "wide": (8.8, 3.0)}  # inches; a narrower figure has larger text on the page
GAP_DAYS = 7  # daily values further apart than this are not joined by a line
WEEK_GAP_DAYS = 10  # weekly averages further apart than this (a week with no value between) are not joined
FROM_ZERO = AxisRule("axis-from-zero", "", from_floor=True, floor=0, ceiling=None, min_span=0, span_percent=0,
                     reason="", sources=())
FREE = AxisRule("axis-free", "", from_floor=False, floor=-math.inf, ceiling=None, min_span=0, span_percent=0,
                reason="", sources=())


def _svg(fig: Figure, title: str, description: str) -> str:
    """The figure as an SVG document with a <title> and <desc>, so a screen reader can name and describe it."""
    out = io.StringIO()
    fig.savefig(out, format="svg", bbox_inches="tight", metadata={"Date": None})
    svg = out.getvalue()
    opening = svg.index(">", svg.index("<svg")) + 1
    about = f"\n <title>{escape(title)}</title>\n <desc>{escape(description or title)}</desc>"
    return svg[:opening] + about + svg[opening:]


def _day_label(value: float, pos: int | None) -> str:
    """The day and the month's short name as the reader's language writes it ("4 Mar", "4 mar")."""
    return short_date(num2date(value), "j M")


def _month_label(interval: int, value: float, pos: int | None) -> str:
    """The month's short name, with the year under the first label and the first label of each year."""
    day = num2date(value)
    return short_date(day, "M\nY" if day.month <= interval or pos == 0 else "M")


class _Numbers(ScalarFormatter):
    """Matplotlib's own tick numbers, written with the reader's decimal sign ("72,5" in Swedish)."""

    def __call__(self, x: float, pos: int | None = None) -> str:
        return super().__call__(x, pos).replace(".", get_format("DECIMAL_SEPARATOR"))


def _date_axis(ax, start: dt.date, end: dt.date, size: str) -> None:
    """Few, short labels: days for a month, month names for longer, every other month on a phone for a year.
    The axis runs a little past both ends, so a value on the first or last day is not cut in half."""
    days = (end - start).days + 1
    if days <= 31:
        ax.xaxis.set_major_locator(WeekdayLocator(byweekday=0))
        ax.xaxis.set_minor_locator(DayLocator())
        ax.xaxis.set_major_formatter(FuncFormatter(_day_label))
    else:
        interval = 2 if size == "phone" and days > 200 else 1
        ax.xaxis.set_major_locator(MonthLocator(interval=interval))
        ax.xaxis.set_major_formatter(FuncFormatter(partial(_month_label, interval)))
    margin = dt.timedelta(days=max(1, days // 60))
    ax.set_xlim(start - margin, end + margin)


def _runs(points: Sequence[tuple[dt.date, float]], gap: int) -> list[list[tuple[dt.date, float]]]:
    """Points split where they lie more than ``gap`` days apart, so no line bridges a gap in the diary."""
    runs: list[list[tuple[dt.date, float]]] = []
    for day, value in points:
        if runs and (day - runs[-1][-1][0]).days <= gap:
            runs[-1].append((day, value))
        else:
            runs.append([(day, value)])
    return runs


def _frame(ax, rule: AxisRule, values: Sequence[float], unit: str, start: dt.date, end: dt.date, size: str) -> None:
    ax.set_ylim(*y_limits(values, rule))
    ax.yaxis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 5, 10]))
    ax.yaxis.set_major_formatter(_Numbers())
    if unit and size == "wide":  # on a phone the heading above the chart gives the unit, and the width is the text's
        ax.set_ylabel(unit)
    _date_axis(ax, start, end, size)
    ax.grid(axis="y", color=GRID)
    ax.spines[["top", "right"]].set_visible(False)


def _injections(ax, injections: Sequence[dt.date], start: dt.date, end: dt.date) -> list:
    shown = [day for day in injections if start <= day <= end]
    for day in shown:
        ax.axvline(day, color=MARK, linestyle="--", linewidth=1)
    return [Line2D([], [], color=MARK, linestyle="--", label=_("injection"))] if shown else []


def _legend(ax, handles: list, size: str) -> None:
    if handles:
        ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, 1.0), frameon=False, borderaxespad=0.2,
                  ncol=2 if size == "phone" else len(handles), handlelength=1.6, columnspacing=1.0)


def _weekly(ax, weeks: Sequence[WeekMean], size: str) -> list:
    """Weekly averages at the middle of their week, joined within runs of weeks; hollow where few days were logged."""
    for run in _runs([(week.middle, week.mean) for week in weeks], WEEK_GAP_DAYS):
        xs, ys = zip(*run, strict=True)
        ax.plot(xs, ys, color=LINE, linewidth=2)
    full = [week for week in weeks if not week.few_days]
    few = [week for week in weeks if week.few_days]
    ax.plot([w.middle for w in full], [w.mean for w in full], "o", color=LINE, markersize=5)
    hollow = {"color": LINE, "marker": "o", "markerfacecolor": "white", "markersize": 6, "markeredgewidth": 1.5}
    ax.plot([w.middle for w in few], [w.mean for w in few], linestyle="none", **hollow)
    handles = [Line2D([], [], color=LINE, marker="o", markersize=5, label=_("weekly average"))]
    if few:
        label = _("few days logged") if size == "phone" else _("fewer than %(days)d days logged") % {"days": FEW_DAYS}
        handles.append(Line2D([], [], linestyle="none", label=label, **hollow))
    return handles


def trend_chart(points: Sequence[tuple[dt.date, float]], injections: Sequence[dt.date], start: dt.date,
                end: dt.date, label: str, unit: str = "", from_zero: bool = True,
                upper_limit: float | None = None, *, axis: AxisRule | None = None,
                weeks: Sequence[WeekMean] | None = None, size: str = "wide", description: str = "") -> str:
    """A line over time with a dashed red line on each injection day, and the lab's upper limit if given.

    With ``weeks`` it draws the weekly averages instead of ``points``: a hollow marker for a week with few logged
    days. ``axis`` sets the y-axis (``axes.AXES``); without it the axis starts at 0 if ``from_zero``."""
    rule = axis or (FROM_ZERO if from_zero else FREE)
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=SIZES[size], dpi=96)
        ax = fig.add_subplot()
        handles = _injections(ax, injections, start, end)
        values = [week.mean for week in weeks] if weeks is not None else [value for _, value in points]
        if upper_limit is not None:
            ax.axhline(upper_limit, color=INK, linestyle=":", linewidth=1)
            handles.append(Line2D([], [], color=INK, linestyle=":", label=_("upper limit")))
            values.append(upper_limit)
        if weeks is not None:
            handles[:0] = _weekly(ax, weeks, size)
        elif points:
            for run in _runs(points, GAP_DAYS):
                xs, ys = zip(*run, strict=True)
                ax.plot(xs, ys, color=LINE, linewidth=1.8, marker="o" if len(points) < 40 else None, markersize=3)
        _frame(ax, rule, values, unit, start, end, size)
        _legend(ax, handles, size)
        return _svg(fig, label, description)


def lab_chart(points: Sequence[tuple[dt.date, float]], ranges: Sequence[tuple[dt.date, float | None, float | None]],
              injections: Sequence[dt.date], start: dt.date, end: dt.date, label: str, unit: str, *,
              size: str = "wide", description: str = "") -> str:
    """One lab test (in one unit) over time: its results as points joined by a line, on a green band for the
    lab's reference range, each result's own range from its date until the next result."""
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=SIZES[size], dpi=96)
        ax = fig.add_subplot()
        handles = _injections(ax, injections, start, end)
        values = [value for _, value in points]
        values += [limit for _, low, high in ranges for limit in (low, high) if limit is not None]
        bottom, top = y_limits(values, AXES["lab"])
        if any(low is not None or high is not None for _, low, high in ranges):
            xs = [date2num(day) for day, _, _ in ranges] + [date2num(end)]
            lows = [bottom if low is None else low for _, low, _ in ranges]
            highs = [top if high is None else high for _, _, high in ranges]
            ax.fill_between(xs, lows + lows[-1:], highs + highs[-1:], step="post", color=BAND, linewidth=0)
            handles.insert(0, Patch(color=BAND, label=_("lab's normal range")))
        if points:
            xs, ys = zip(*points, strict=True)
            ax.plot(xs, ys, color=LINE, linewidth=1.8, marker="o", markersize=6)
            handles.insert(0, Line2D([], [], color=LINE, marker="o", markersize=6, label=_("result")))
        _frame(ax, AXES["lab"], values, unit, start, end, size)
        _legend(ax, handles, size)
        return _svg(fig, label, description)


def cycle_chart(days: Sequence[tuple[int, float]], label: str, *, axis: AxisRule | None = None,
                size: str = "wide", description: str = "") -> str:
    """Bars of the mean value on each day of the injection cycle (day 1 = injection day)."""
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=SIZES[size], dpi=96)
        ax = fig.add_subplot()
        if days:
            xs, ys = zip(*days, strict=True)
            ax.bar(xs, ys, color=LINE, width=0.8)
        ax.set_xlabel(_("Day of the injection cycle (day 1 = injection day)") if size == "wide"
                      else _("Day of the cycle (1 = injection day)"))
        ax.set_ylabel(_("average"))
        ax.set_ylim(*y_limits([mean for _, mean in days], axis or FROM_ZERO))
        ax.xaxis.set_major_locator(MaxNLocator(nbins=6 if size == "phone" else 12, integer=True))
        ax.yaxis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 5, 10]))
        ax.yaxis.set_major_formatter(_Numbers())
        ax.grid(axis="y", color=GRID)
        ax.spines[["top", "right"]].set_visible(False)
        return _svg(fig, label, description)
