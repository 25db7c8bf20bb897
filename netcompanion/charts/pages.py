"""What the chart pages show for one patient. The patient's own pages and the care team's call the same functions,
so a nurse sees exactly the charts the patient sees; only where the pages live differs (``Links``).

Drawing a chart takes matplotlib a good part of a second, so each SVG is kept in Django's cache (``CACHES``; the
default is each process's own memory, and a production site with several app servers can point it at a shared
cache such as Redis, since the key says everything the chart depends on). The key holds the patient, the chart
and its options, the day, the language, the drawing code and ``data.last_change``, so an added, changed or deleted
diary day, lab result or injection draws it afresh. The callers check who may see the patient before calling here,
so no chart is read from the cache before the access check.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from netcompanion.charts import axes, weekly
from netcompanion.charts import render as draw
from netcompanion.charts.cycle import cycle_profile
from netcompanion.charts.data import METRICS, PERIODS, diary_series, injection_days, lab_series, last_change, window
from netcompanion.core.formats import short_date

CYCLES_AVERAGED = 6
DAILY_PERIODS = {"4w"}  # a month of daily values reads well; longer periods show weekly averages unless asked
SIZES = tuple(draw.SIZES)
CACHE_SECONDS = 24 * 60 * 60  # a day: the key holds the date, so yesterday's charts are not asked for again
DRAWING = hashlib.sha256(b"".join(Path(module.__file__).read_bytes() for module in (draw, axes, weekly))).hexdigest()


@dataclass(frozen=True)
class Links:
    """The URL names of one set of chart pages: ``prefix`` + overview, trend_svg, lab_svg, cycle or cycle_svg,
    reversed with ``args`` first (the patient's code on the care team's pages)."""

    prefix: str
    args: tuple = ()

    def url(self, name: str, *args, **query) -> str:
        url = reverse(self.prefix + name, args=[*self.args, *args])
        return f"{url}?{urlencode(query)}" if query else url


def period_of(request) -> str:
    period = request.GET.get("period", "3m")
    if period not in PERIODS:
        raise Http404("Unknown period")
    return period


def daily_of(request, period: str) -> bool:
    """Whether to show every day's value: always for a month, on request ("daily=1") for longer periods."""
    return period in DAILY_PERIODS or request.GET.get("daily") == "1"


def size_of(request) -> str:
    size = request.GET.get("size", "wide")
    if size not in SIZES:
        raise Http404("Unknown chart size")
    return size


def _metric(slug):
    if slug not in METRICS:
        raise Http404("Unknown chart")
    return METRICS[slug]


def _cached(patient, parts: tuple, make: Callable[[], str]) -> str:
    """What ``make`` gives, from the cache if nothing it shows has changed, else made afresh and kept."""
    about = repr((DRAWING, get_language(), timezone.localdate(), last_change(patient), *parts))
    key = f"charts:{patient.code}:{hashlib.sha256(about.encode()).hexdigest()}"
    made = cache.get(key)
    if made is None:
        made = make()
        cache.set(key, made, CACHE_SECONDS)
    return made


def _cached_svg(patient, parts: tuple, drawn: Callable[[], str]) -> HttpResponse:
    return HttpResponse(_cached(patient, parts, drawn), content_type="image/svg+xml")


def _day(day: dt.date) -> str:
    return short_date(day, "j M Y")


def _number(value: float) -> str:
    """Three significant figures, with the reader's decimal sign ("72,5")."""
    return number_format(Decimal(f"{value:.3g}"))


def _describe(label: str, values: list[tuple[dt.date, float]], what: str, weekly: bool = False) -> str:
    """The chart in a sentence, for its <desc>: the range of values and the latest (for weeks, by first day)."""
    if not values:
        return _("%(label)s: no values in this period.") % {"label": label}
    numbers = [value for _, value in values]
    latest_day, latest = values[-1]
    words = {"label": label, "what": what, "low": _number(min(numbers)), "high": _number(max(numbers)),
             "latest": _number(latest), "day": _day(latest_day)}
    if weekly:
        return _("%(label)s, %(what)s: from %(low)s to %(high)s; the latest, %(latest)s, in the week from %(day)s."
                 ) % words
    return _("%(label)s, %(what)s: from %(low)s to %(high)s; the latest, %(latest)s, on %(day)s.") % words


def _image_urls(links: Links, name: str, *args, **query) -> dict:
    return {size: links.url(name, *args, **query, size=size) for size in SIZES}


def overview(request, patient, links: Links, log_url: str | None = None) -> dict:
    """The chart page's context; its charts and tables (``charts/_charts.html``) come ready-made from the cache
    when nothing changed, since a year of weekly tables takes the template engine longer than the page's budget."""
    period = period_of(request)
    daily = daily_of(request, period)
    start, end = window(period)
    injections = [d for d in injection_days(patient) if start <= d <= end]
    page = {"period": period, "period_label": PERIODS[period][0], "start": start, "end": end,
            "injections": injections, "overview_url": links.url("overview"), "cycle_url": links.url("cycle")}

    def charts_html() -> str:
        query = {"period": period, **({"daily": "1"} if daily and period not in DAILY_PERIODS else {})}
        charts = []
        for metric in METRICS.values():
            points = diary_series(patient, metric, start, end)
            charts.append({"metric": metric, "points": points,
                           "weeks": None if daily else weekly.weekly_means(points, start, end, metric.enough_days),
                           "images": _image_urls(links, "trend_svg", metric.slug, **query)})
        labs = [{"series": s, "images": _image_urls(links, "lab_svg", period=period, series=s.key)}
                for s in lab_series(patient, start, end)]
        return render_to_string("charts/_charts.html", {
            **page, "charts": charts, "labs": labs, "periods": PERIODS, "log_url": log_url,
            "daily": daily, "can_average": period not in DAILY_PERIODS, "few_days": weekly.FEW_DAYS,
            "daily_url": links.url("overview", period=period, daily="1"),
            "weekly_url": links.url("overview", period=period)})

    html = _cached(patient, ("overview", links.prefix, links.args, period, daily, log_url), charts_html)
    return {**page, "charts_html": mark_safe(html)}  # noqa: S308 - our own template's output, kept in the cache


def trend_svg(request, patient, slug) -> HttpResponse:
    metric, period, size = _metric(slug), period_of(request), size_of(request)
    daily = daily_of(request, period)
    start, end = window(period)

    def drawn() -> str:
        points = diary_series(patient, metric, start, end)
        weeks = None if daily else weekly.weekly_means(points, start, end, metric.enough_days)
        if weeks is None:
            description = _describe(metric.label, points, _("every day's value"))
        else:
            description = _describe(metric.label, [(w.first, w.mean) for w in weeks], _("weekly averages"), weekly=True)
        return draw.trend_chart(points, injection_days(patient), start, end, metric.label, metric.unit,
                                metric.from_zero, axis=metric.axis, weeks=weeks, size=size, description=description)

    return _cached_svg(patient, ("trend", metric.slug, period, daily, size), drawn)


def lab_svg(request, patient) -> HttpResponse:
    period, size, key = period_of(request), size_of(request), request.GET.get("series")
    start, end = window(period)
    series = next((s for s in lab_series(patient, start, end) if s.key == key), None)
    if series is None:
        raise Http404("No such lab series")

    def drawn() -> str:
        label = f"{series.label} ({series.unit})"
        return draw.lab_chart(series.points, series.ranges, injection_days(patient), start, end, label, series.unit,
                              size=size, description=_describe(label, series.points, _("results")))

    return _cached_svg(patient, ("lab", key, period, size), drawn)


def _profile(patient, metric):
    injections = injection_days(patient)
    if not injections:
        return None
    start, end = injections[0], injections[-1]
    values = dict(diary_series(patient, metric, start, end))
    return cycle_profile(values, injections, last=CYCLES_AVERAGED)


def cycle(patient, links: Links) -> dict:
    profiles = [{"metric": METRICS[slug], "profile": _profile(patient, METRICS[slug]),
                 "images": _image_urls(links, "cycle_svg", slug)} for slug in ("flushes", "stools")]
    return {"profiles": profiles, "cycles": CYCLES_AVERAGED, "overview_url": links.url("overview")}


def cycle_svg(request, patient, slug) -> HttpResponse:
    metric, size = _metric(slug), size_of(request)

    def drawn() -> str:
        profile = _profile(patient, metric)
        days = [(d.day, d.mean) for d in profile.days] if profile else []
        return draw.cycle_chart(days, metric.label, axis=metric.axis, size=size,
                                description=_("%(label)s, the average on each day of the injection cycle.")
                                % {"label": metric.label})

    return _cached_svg(patient, ("cycle", metric.slug, size), drawn)
