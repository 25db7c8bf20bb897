"""The SVGs themselves: legible on a phone, described for screen readers, honest about thin weeks and lab ranges."""

import datetime as dt
import re

from netcompanion.charts import render
from netcompanion.charts.axes import AXES
from netcompanion.charts.weekly import weekly_means

END = dt.date(2026, 6, 17)
START = END - dt.timedelta(days=364)
PHONE_COLUMN_PX = 343  # a 375 px screen less the page's side padding


def text_px_on_a_phone(svg: str) -> float:
    """The smallest text in CSS pixels when the SVG is scaled to a phone's column."""
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))
    sizes = [float(size) for size in re.findall(r"font-size: ([\d.]+)px", svg)]
    return min(sizes) * PHONE_COLUMN_PX / width


def year_of_weight(change_on: int = 200) -> list[tuple[dt.date, float]]:
    return [(START + dt.timedelta(days=n), 70.0 + (0.4 if n >= change_on else 0.0)) for n in range(365)]


def test_the_phone_size_has_text_of_at_least_12_css_pixels_at_375_pixels():
    points = year_of_weight()
    svg = render.trend_chart(points, [END - dt.timedelta(days=28)], START, END, "Weight", "kg",
                             axis=AXES["weight"], weeks=weekly_means(points, START, END), size="phone")
    assert text_px_on_a_phone(svg) >= 12
    lab = render.lab_chart([(END, 130.0)], [(END, None, 102.0)], [], START, END, "Chromogranin A", "µg/L",
                           size="phone")
    assert text_px_on_a_phone(lab) >= 12
    cycle = render.cycle_chart([(day, 2.0) for day in range(1, 29)], "Flushes a day", size="phone")
    assert text_px_on_a_phone(cycle) >= 12


def test_a_year_shows_month_names_and_a_handful_of_ticks():
    points = year_of_weight()
    svg = render.trend_chart(points, [], START, END, "Weight", "kg", axis=AXES["weight"],
                             weeks=weekly_means(points, START, END), size="phone")
    months = re.findall(r">(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b", svg)
    assert 5 <= len(months) <= 7
    assert "2026" in svg


def test_the_svg_has_a_title_and_a_description():
    svg = render.trend_chart([(END, 3.0)], [], START, END, "Flushes a day", axis=AXES["flushes"],
                             description="Flushes a day, weekly averages: from 1 to 3 & more")
    assert "<title>Flushes a day</title>" in svg
    assert "<desc>Flushes a day, weekly averages: from 1 to 3 &amp; more</desc>" in svg
    assert svg.index("<title>") < svg.index("<metadata>")


def test_a_week_with_few_logged_days_is_drawn_hollow_and_named_in_the_legend():
    thin = [(START + dt.timedelta(days=n), 2.0) for n in range(0, 365, 7)]  # one day a week
    svg = render.trend_chart(thin, [], START, END, "Flushes a day", axis=AXES["flushes"],
                             weeks=weekly_means(thin, START, END))
    assert "fewer than 4 days logged" in svg and "weekly average" in svg
    full = [(START + dt.timedelta(days=n), 2.0) for n in range(365)]
    weeks = [w for w in weekly_means(full, START, END) if w.length == 7]
    assert "fewer than" not in render.trend_chart(full, [], START, END, "Flushes a day", weeks=weeks)


def test_a_lab_chart_draws_the_normal_range_as_a_band():
    svg = render.lab_chart([(END - dt.timedelta(days=90), 80.0), (END, 130.0)],
                           [(END - dt.timedelta(days=90), None, 102.0), (END, 20.0, 102.0)],
                           [], START, END, "Chromogranin A (µg/L)", "µg/L")
    assert "lab's normal range" in svg and "µg/L" in svg
    no_range = render.lab_chart([(END, 130.0)], [(END, None, None)], [], START, END, "Chromogranin A", "µg/L")
    assert "normal range" not in no_range


def test_the_old_call_still_draws_a_chart_from_zero_with_the_upper_limit():
    svg = render.trend_chart([(END, 95.0)], [END], START, END, "Chromogranin A", "µg/L", True, 102.0)
    assert "upper limit" in svg and "injection" in svg
