"""What goes into each document, read from the patient's own records. Reads only: nothing is written.

Every query is filtered by ``patient``, so a document can only ever show the signed-in patient's data.
"""

from __future__ import annotations

import base64
import datetime as dt

from django.utils import timezone

from netcompanion.appointments.models import Appointment
from netcompanion.careplan.models import CareContact, CarePlan, Question, QuestionStatus
from netcompanion.charts import render as draw
from netcompanion.charts.data import METRICS, PERIODS, diary_series, injection_days, window
from netcompanion.diary.models import DiaryEntry, Episode
from netcompanion.documents import card as crisis
from netcompanion.documents import summary
from netcompanion.labs.catalogue import Flag
from netcompanion.labs.models import LabResult
from netcompanion.medicines.models import Injection, InjectionPlan, Medicine
from netcompanion.medicines.selectors import next_injection

COMPARED = ("flushes", "stools", "pain", "fatigue")
UPCOMING_SHOWN = 10
FLAG_TEXT = {Flag.HIGH: "HIGH", Flag.LOW: "LOW", Flag.IN_RANGE: "In range"}


def patient_name(patient) -> str:
    return patient.get_full_name().strip() or patient.username


def _svg_uri(svg: str) -> str:
    # Each chart is its own SVG document (as a data: URI), so the ids matplotlib writes never clash.
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def _charts(patient, start, end, before_start, injections):
    charts, comparisons, weight = [], [], None
    for metric in METRICS.values():
        points = diary_series(patient, metric, before_start, end)
        now = [(d, v) for d, v in points if d >= start]
        before = [(d, v) for d, v in points if d < start]
        chart = {"metric": metric, "count": len(now), "uri": None}
        if now:
            svg = draw.trend_chart(now, injections, start, end, metric.label, metric.unit, metric.from_zero)
            chart["uri"] = _svg_uri(svg)
        charts.append(chart)
        if metric.slug in COMPARED:
            comparisons.append(summary.compare(metric.label, metric.unit, [v for _, v in now], [v for _, v in before]))
        elif metric.slug == "weight":
            weight = summary.weight_change(now, before)
    return charts, comparisons, weight


def _labs(patient, start, end):
    results = LabResult.objects.current().filter(patient=patient, taken_on__range=(start, end)).order_by(
        "taken_on", "created_at")
    return [{"result": r, "flag": r.flag, "flag_text": FLAG_TEXT.get(r.flag, "No range given"),
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
    charts, comparisons, weight = _charts(patient, start, end, before_start, injections)
    return {
        "name": patient_name(patient), "record_number": patient.record_number,
        "made_on": today, "made_at": timezone.localtime(),
        "period": period, "period_label": PERIODS[period][0],
        "start": start, "end": end, "before_start": before_start, "before_end": before_end,
        "charts": charts, "comparisons": comparisons, "weight": weight, "min_days": summary.MIN_DAYS,
        "injections_shown": any(start <= d <= end for d in injections),
        "diary_days": list(DiaryEntry.objects.current().filter(patient=patient, date__range=(start, end))
                           .order_by("date")),
        "episodes": list(Episode.objects.current().filter(patient=patient, occurred_at__date__range=(start, end))
                         .order_by("occurred_at")),
        "labs": _labs(patient, start, end),
        **_medicines(patient, today, start, end),
        "questions": list(Question.objects.filter(patient=patient, status=QuestionStatus.OPEN)),
        "appointments": list(Appointment.objects.filter(patient=patient).upcoming()[:UPCOMING_SHOWN]),
    }


def crisis_card(patient, today: dt.date | None = None) -> dict:
    """The card and what the phone page needs to say about missing parts."""
    plan = CarePlan.objects.filter(patient=patient).first()  # reading never creates a plan
    contacts = list(CareContact.objects.current().filter(plan=plan).values_list("role", "name", "phone")) \
        if plan else []
    the_card = crisis.build_card(patient_name(patient), plan.diagnosis if plan else "", contacts,
                                 today or timezone.localdate())
    roles = {c.role for c in the_card.contacts}
    return {
        "card": the_card,
        "has_contacts": bool(the_card.contacts),
        "missing_nurse": "contact_nurse" not in roles,
        "missing_centre": "net_centre" not in roles,
        "missing_phone": any(not c.phone for c in the_card.contacts),
        "has_diagnosis": bool(the_card.diagnosis),
        "has_full_name": bool(patient.get_full_name().strip()),
    }
