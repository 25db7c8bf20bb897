"""What the chart pages show for one patient. The patient's own pages and the care team's call the same functions,
so a nurse sees exactly the charts the patient sees; only where the pages live differs (``Links``)."""

from dataclasses import dataclass

from django.http import Http404, HttpResponse
from django.urls import reverse

from netcompanion.charts import render as draw
from netcompanion.charts.cycle import cycle_profile
from netcompanion.charts.data import METRICS, PERIODS, diary_series, injection_days, lab_series, window

CYCLES_AVERAGED = 6


@dataclass(frozen=True)
class Links:
    """The URL names of one set of chart pages: ``prefix`` + overview, trend_svg, lab_svg, cycle or cycle_svg,
    reversed with ``args`` first (the patient's code on the care team's pages)."""

    prefix: str
    args: tuple = ()

    def url(self, name: str, *args) -> str:
        return reverse(self.prefix + name, args=[*self.args, *args])


def period_of(request) -> str:
    period = request.GET.get("period", "3m")
    if period not in PERIODS:
        raise Http404("Unknown period")
    return period


def _metric(slug):
    if slug not in METRICS:
        raise Http404("Unknown chart")
    return METRICS[slug]


def _svg(svg: str) -> HttpResponse:
    return HttpResponse(svg, content_type="image/svg+xml")


def overview(request, patient, links: Links) -> dict:
    period = period_of(request)
    start, end = window(period)
    injections = [d for d in injection_days(patient) if start <= d <= end]
    charts = [{"metric": m, "points": diary_series(patient, m, start, end),
               "svg_url": links.url("trend_svg", m.slug)} for m in METRICS.values()]
    labs = [{"series": s, "svg_url": links.url("lab_svg")} for s in lab_series(patient, start, end)]
    return {
        "charts": charts, "labs": labs, "period": period, "period_label": PERIODS[period][0], "periods": PERIODS,
        "start": start, "end": end, "injections": injections,
        "overview_url": links.url("overview"), "cycle_url": links.url("cycle"),
    }


def trend_svg(request, patient, slug) -> HttpResponse:
    metric, period = _metric(slug), period_of(request)
    start, end = window(period)
    return _svg(draw.trend_chart(diary_series(patient, metric, start, end), injection_days(patient),
                                 start, end, metric.label, metric.unit, metric.from_zero))


def lab_svg(request, patient) -> HttpResponse:
    period = period_of(request)
    start, end = window(period)
    series = next((s for s in lab_series(patient, start, end) if s.key == request.GET.get("series")), None)
    if series is None:
        raise Http404("No such lab series")
    return _svg(draw.trend_chart(series.points, injection_days(patient), start, end, series.label,
                                 series.unit, from_zero=True, upper_limit=series.upper_limit))


def _profile(patient, metric):
    injections = injection_days(patient)
    if not injections:
        return None
    start, end = injections[0], injections[-1]
    values = dict(diary_series(patient, metric, start, end))
    return cycle_profile(values, injections, last=CYCLES_AVERAGED)


def cycle(patient, links: Links) -> dict:
    profiles = [{"metric": METRICS[slug], "profile": _profile(patient, METRICS[slug]),
                 "svg_url": links.url("cycle_svg", slug)} for slug in ("flushes", "stools")]
    return {"profiles": profiles, "cycles": CYCLES_AVERAGED, "overview_url": links.url("overview")}


def cycle_svg(patient, slug) -> HttpResponse:
    metric = _metric(slug)
    profile = _profile(patient, metric)
    days = [(d.day, d.mean) for d in profile.days] if profile else []
    return _svg(draw.cycle_chart(days, metric.label))
