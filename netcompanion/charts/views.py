from csp.decorators import csp_exempt
from django.http import Http404, HttpResponse
from django.shortcuts import render

from netcompanion.accounts.decorators import patient_required
from netcompanion.charts import render as draw
from netcompanion.charts.cycle import cycle_profile
from netcompanion.charts.data import METRICS, PERIODS, diary_series, injection_days, lab_series, window

CYCLES_AVERAGED = 6


def _period(request) -> str:
    period = request.GET.get("period", "3m")
    if period not in PERIODS:
        raise Http404("Unknown period")
    return period


def _metric(slug):
    if slug not in METRICS:
        raise Http404("Unknown chart")
    return METRICS[slug]


def _svg(svg: str) -> HttpResponse:
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Cache-Control"] = "private, no-store"
    return response


@patient_required
def overview(request):
    period = _period(request)
    start, end = window(period)
    injections = [d for d in injection_days(request.user) if start <= d <= end]
    charts = [{"metric": m, "points": diary_series(request.user, m, start, end)} for m in METRICS.values()]
    return render(request, "charts/overview.html", {
        "charts": charts, "labs": lab_series(request.user, start, end), "period": period, "period_label": PERIODS[period][0], "periods": PERIODS,
        "start": start, "end": end,
        "injections": injections,
    })


@csp_exempt()
@patient_required
def trend_svg(request, slug):
    metric, period = _metric(slug), _period(request)
    start, end = window(period)
    return _svg(draw.trend_chart(diary_series(request.user, metric, start, end), injection_days(request.user),
                                 start, end, metric.label, metric.unit, metric.from_zero))


def _profile(patient, metric):
    injections = injection_days(patient)
    if not injections:
        return None
    start, end = injections[0], injections[-1]
    values = dict(diary_series(patient, metric, start, end))
    return cycle_profile(values, injections, last=CYCLES_AVERAGED)


@patient_required
def cycle(request):
    profiles = [{"metric": METRICS[slug], "profile": _profile(request.user, METRICS[slug])}
                for slug in ("flushes", "stools")]
    return render(request, "charts/cycle.html", {"profiles": profiles, "cycles": CYCLES_AVERAGED})


@csp_exempt()
@patient_required
def cycle_svg(request, slug):
    metric = _metric(slug)
    profile = _profile(request.user, metric)
    days = [(d.day, d.mean) for d in profile.days] if profile else []
    return _svg(draw.cycle_chart(days, metric.label))


@csp_exempt()
@patient_required
def lab_svg(request):
    period = _period(request)
    start, end = window(period)
    series = next((s for s in lab_series(request.user, start, end) if s.key == request.GET.get("series")), None)
    if series is None:
        raise Http404("No such lab series")
    return _svg(draw.trend_chart(series.points, injection_days(request.user), start, end, series.label,
                                 series.unit, from_zero=True, upper_limit=series.upper_limit))
