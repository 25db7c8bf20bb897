"""What goes into each document, read from the patient's own records. Reads only: nothing is written.

Every query is filtered by ``patient``, so a document can only ever show the signed-in patient's data.
"""

from __future__ import annotations

import base64
import datetime as dt

from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext

from netcompanion.accounts.selectors import emergency_number_for
from netcompanion.appointments.models import Appointment
from netcompanion.careplan.models import CareContact, CarePlan, Question, QuestionStatus
from netcompanion.charts import render as draw
from netcompanion.charts.cycle import cycle_profile
from netcompanion.charts.data import METRICS, PERIODS, diary_series, injection_days, lab_series, window
from netcompanion.charts.pages import DAILY_PERIODS
from netcompanion.charts.weekly import weekly_means
from netcompanion.diary.models import DiaryEntry, Episode
from netcompanion.documents import card as crisis
from netcompanion.documents import summary
from netcompanion.labs.catalogue import Flag
from netcompanion.labs.models import LabResult
from netcompanion.medicines.models import Injection, InjectionPlan, Medicine
from netcompanion.medicines.selectors import next_injection

COMPARED = ("flushes", "stools", "pain", "fatigue")
CYCLE_METRICS = ("flushes", "stools")  # the symptoms that come back as an injection wears off
# Lab tests are taken every few months: a trend needs a year of results, whatever the summary's period.
LAB_TREND_PERIOD = "12m"
UPCOMING_SHOWN = 10
FLAG_TEXT = {Flag.HIGH: gettext_lazy("HIGH"), Flag.LOW: gettext_lazy("LOW"), Flag.IN_RANGE: gettext_lazy("In range")}


def patient_name(patient) -> str:
    return patient.get_full_name().strip() or patient.username


def _svg_uri(svg: str) -> str:
    # Each chart is its own SVG document (as a data: URI), so the ids matplotlib writes never clash.
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def _number(value: float) -> str:
    """One decimal, none when it is 0 ("2", "2.5"), with the reader's decimal mark ("2,5" in Swedish)."""
    rounded = round(value, 1)
    return number_format(rounded, decimal_pos=0 if rounded.is_integer() else 1)


def _decimal(value: float) -> str:
    """One decimal always, with the reader's decimal mark: the visit summary's changes."""
    return number_format(value, decimal_pos=1)


def _describe_values(label: str, unit: str, values: list[float], start: dt.date, end: dt.date) -> str:
    """The alternative text of a chart: what a reader who cannot see it needs (how many values, their range)."""
    named = f"{label} ({unit})" if unit else label
    return ngettext(
        "%(named)s from %(start)s to %(end)s: %(count)d value, %(low)s.",
        "%(named)s from %(start)s to %(end)s: %(count)d values, from %(low)s to %(high)s, %(mean)s on average.",
        len(values)) % {"named": named, "start": date_format(start, "j F Y"), "end": date_format(end, "j F Y"),
                        "count": len(values), "low": _number(min(values)), "high": _number(max(values)),
                        "mean": _number(sum(values) / len(values))}


def _cycle_text(label: str, first_week: float | None, last_week: float | None) -> str:
    """The first and the last week of the cycle compared in neutral words; whether it matters is for the team."""
    if first_week is None or last_week is None:
        return _("Too few days logged in complete cycles to compare the start and the end of the cycle.")
    return _("%(label)s: %(last)s on average in the last week of the cycle, %(first)s in the first week.") % {
        "label": label, "last": _number(last_week), "first": _number(first_week)}


def _describe_cycle(label: str, cycles: int, text: str) -> str:
    return ngettext("%(label)s by day of the injection cycle, averaged over %(count)d cycle. %(text)s",
                    "%(label)s by day of the injection cycle, averaged over %(count)d cycles. %(text)s",
                    cycles) % {"label": label, "count": cycles, "text": text}


def _charts(patient, start, end, before_start, injections, weekly: bool):
    """The diary charts (weekly averages for the longer periods, as on the chart pages), the comparisons with the
    period before, and the change in weight."""
    charts, comparisons, weight = [], [], None
    for metric in METRICS.values():
        points = diary_series(patient, metric, before_start, end)
        now = [(d, v) for d, v in points if d >= start]
        before = [(d, v) for d, v in points if d < start]
        chart = {"metric": metric, "count": len(now), "uri": None, "weekly": weekly}
        if now:
            weeks = weekly_means(now, start, end, metric.enough_days) if weekly else None
            svg = draw.trend_chart(now, injections, start, end, metric.label, metric.unit, metric.from_zero,
                                   axis=metric.axis, weeks=weeks)
            chart["uri"] = _svg_uri(svg)
            chart["alt"] = _describe_values(metric.label, metric.unit, [v for _, v in now], start, end)
        charts.append(chart)
        if metric.slug in COMPARED:
            comparisons.append(summary.compare(metric.label, metric.unit, [v for _, v in now], [v for _, v in before]))
        elif metric.slug == "weight":
            weight = summary.weight_change(now, before)
    return charts, comparisons, weight


def _cycles(patient, start, end, injections):
    """Each cycle symptom by day of the injection cycle, over the cycles of the period: those that begin in it,
    and the one running at its start."""
    used = [d for d in injections if d < start][-1:] + [d for d in injections if start <= d <= end]
    views = []
    for slug in CYCLE_METRICS:
        metric = METRICS[slug]
        values = dict(diary_series(patient, metric, used[0], end)) if len(used) > 1 else {}
        profile = cycle_profile(values, used)
        view = {"metric": metric, "profile": profile, "uri": None,
                "text": _cycle_text(metric.label, profile.first_week_mean, profile.last_week_mean)}
        if profile.days:
            view["uri"] = _svg_uri(draw.cycle_chart([(d.day, d.mean) for d in profile.days], metric.label,
                                                    axis=metric.axis))
            view["alt"] = _describe_cycle(metric.label, profile.cycles_used, view["text"])
        views.append(view)
    return views


def _lab_trends(patient, today, injections):
    """One chart per lab test with at least two results in the last year."""
    start, end = window(LAB_TREND_PERIOD, today)
    trends = []
    for series in lab_series(patient, start, end):
        if len(series.points) < 2:
            continue
        svg = draw.lab_chart(series.points, series.ranges, injections, start, end, series.label, series.unit)
        trends.append({"series": series, "uri": _svg_uri(svg),
                       "alt": _describe_values(series.label, series.unit, [v for _, v in series.points],
                                               start, end)})
    return {"lab_trends": trends, "lab_trend_start": start}


def _labs(patient, start, end):
    results = LabResult.objects.current().filter(patient=patient, taken_on__range=(start, end)).order_by(
        "taken_on", "created_at")
    return [{"result": r, "flag": r.flag, "flag_text": FLAG_TEXT.get(r.flag, _("No range given")),
             "out_of_range": r.flag in (Flag.HIGH, Flag.LOW)} for r in results]


def _medicines(patient, today, start, end):
    plan = InjectionPlan.objects.filter(patient=patient).first()
    given = list(Injection.objects.current().filter(patient=patient))  # newest first
    current = [m for m in Medicine.objects.current().filter(patient=patient) if m.is_current(today)]
    return {
        "plan": plan,
        "last_injection": given[0] if given else None,
        "due": next_injection(patient, today),
        "injections_in_period": sorted(i.given_on for i in given if start <= i.given_on <= end),
        "medicines": current,
    }


def visit_summary(patient, period: str, today: dt.date | None = None) -> dict:
    """Everything the visit-summary PDF shows for ``period`` (a key of charts.data.PERIODS)."""
    today = today or timezone.localdate()
    start, end = window(period, today)
    before_start, before_end = summary.previous_window(start, end)
    injections = injection_days(patient)
    charts, comparisons, weight = _charts(patient, start, end, before_start, injections,
                                          weekly=period not in DAILY_PERIODS)
    return {
        "name": patient_name(patient), "record_number": patient.record_number,
        "made_on": today, "made_at": timezone.localtime(),
        "period": period, "period_label": PERIODS[period][0],
        "start": start, "end": end, "before_start": before_start, "before_end": before_end,
        "charts": charts, "comparisons": [(c, c.change_in(_, _decimal)) for c in comparisons], "weight": weight,
        "weight_change": weight and weight.change_in(_, _decimal),
        "weight_since_before": weight and weight.since_before_in(_, _decimal), "min_days": summary.MIN_DAYS,
        "injections_shown": any(start <= d <= end for d in injections),
        "diary_days": list(DiaryEntry.objects.current().filter(patient=patient, date__range=(start, end))
                           .order_by("date")),
        "episodes": list(Episode.objects.current().filter(patient=patient, occurred_at__date__range=(start, end))
                         .order_by("occurred_at")),
        "labs": _labs(patient, start, end),
        "cycles": _cycles(patient, start, end, injections),
        **_lab_trends(patient, today, injections),
        **_medicines(patient, today, start, end),
        "questions": list(Question.objects.filter(patient=patient, status=QuestionStatus.OPEN)),
        "appointments": list(Appointment.objects.filter(patient=patient).upcoming()[:UPCOMING_SHOWN]),
    }


def _card_date(day: dt.date) -> str:
    """The card's date as the reader's language writes it ("17 Jun 2026", "17 juni 2026")."""
    return date_format(day, pgettext("crisis card date", "j M Y"))


def crisis_card(patient, today: dt.date | None = None, link: str = "") -> dict:
    """The card (with ``link`` in its QR code, if given) and what the page needs to say about missing parts."""
    plan = CarePlan.objects.filter(patient=patient).first()  # reading never creates a plan
    contacts = list(CareContact.objects.current().filter(plan=plan).values_list("role", "name", "phone")) \
        if plan else []
    the_card = crisis.build_card(patient_name(patient), plan.diagnosis if plan else "", contacts,
                                 today or timezone.localdate(), emergency_number_for(patient), link,
                                 translate=_, date_text=_card_date)
    roles = {c.role for c in the_card.contacts}
    return {
        "card": the_card,
        "has_contacts": bool(the_card.contacts),
        "missing_nurse": "contact_nurse" not in roles,
        "missing_centre": "net_centre" not in roles,
        "missing_phone": any(not c.phone for c in the_card.contacts),
        "missing_out_of_hours": the_card.out_of_hours is None or not the_card.out_of_hours.phone,
        "has_diagnosis": bool(the_card.diagnosis),
        "has_full_name": bool(patient.get_full_name().strip()),
    }
