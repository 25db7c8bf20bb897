"""The care team's patient list, worked out in the database in two queries, whatever the number of patients.

1. ``matching_ids``: every matching patient's id, in order (a few hundred integers, paged in Python, so there is
   no separate count). Only the columns the chosen order and filter need are computed, each a Subquery that seeks
   one row in an index starting with the patient (the latest diary entry uses ``(patient, status, -date)``).
2. ``rows``: every column, for the patients of one page only, the latest diary entry's values included.

The column expressions are built once (reading the application's clock each time a query runs, ``AppNow``), and
the rows carry their text ready to print: this is the page nurses open most, and building querysets or working out
each cell in the template costs more than the queries themselves.
"""

import datetime as dt
from typing import TypedDict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import (
    Count,
    DateField,
    DateTimeField,
    Exists,
    F,
    Func,
    Max,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.expressions import Expression
from django.db.models.functions import Coalesce, JSONObject, Least, Lower, NullIf, TruncDate
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, ngettext

from netcompanion.alerts.models import RANK, Alert, Level
from netcompanion.appointments.models import Appointment
from netcompanion.appointments.models import Kind as AppointmentKind
from netcompanion.appointments.models import Status as AppointmentStatus
from netcompanion.careteam.access import assigned_patients
from netcompanion.core.formats import day_text, moment_text
from netcompanion.core.urls import url_by_code
from netcompanion.diary.models import DiaryEntry
from netcompanion.medicines import schedule
from netcompanion.medicines.models import Injection, InjectionPlan, PlanStatus

# How many days without a diary entry make a patient quiet: the nurse chooses one of these on the list; the default
# is settings.QUIET_DAYS.
QUIET_CHOICES = (3, 7, 14, 28)
URGENCY_RANK = 1_000_000  # alert_urgency = highest rank x this + number of open alerts
LEVEL_BY_RANK = {rank: Level(level) for level, rank in RANK.items()}

SORTS = {
    "name": gettext_lazy("Name"),
    "diary": gettext_lazy("Longest without a diary entry"),
    "alerts": gettext_lazy("Most urgent open alerts"),
    "injection": gettext_lazy("Next injection due (overdue first)"),
    "followup": gettext_lazy("Next follow-up check"),
}
SHOWS = {
    "all": gettext_lazy("Everyone"),
    "alerts": gettext_lazy("With open alerts"),
    "overdue": gettext_lazy("Injection overdue"),
    "quiet": gettext_lazy("No recent diary entry"),
}


def quiet_days_default() -> int:
    return settings.QUIET_DAYS


def quiet_label(days: int) -> str:
    return ngettext("No diary entry in %(days)d day", "No diary entry in %(days)d days", days) % {"days": days}



class PlusDays(Func):
    """A date plus a whole number of days, as a date (SQLite keeps dates as text; PostgreSQL adds days itself)."""

    arity = 2
    output_field = DateField()
    template = "(%(expressions)s)"
    arg_joiner = " + "

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, template="date(%(expressions)s || ' days')",
                              arg_joiner=", '+' || ", **extra_context)


class AppNow(Expression):
    """``timezone.now()``, read each time the query runs. Not the database's ``Now()``: every other date on these
    pages comes from the application's clock (the one the tests set), and a database server's clock may differ."""

    output_field = DateTimeField()

    def as_sql(self, compiler, connection):
        return "%s", [connection.ops.adapt_datetimefield_value(timezone.now())]


def next_visits():
    """Booked appointments still to come, soonest first: the next one is a patient's next follow-up check."""
    return Appointment.objects.filter(status=AppointmentStatus.BOOKED, start__gte=AppNow()).order_by("start")


LATEST_DIARY = DiaryEntry.objects.current().filter(patient=OuterRef("pk")).order_by("-date")
OPEN_ALERTS = Alert.objects.unresolved().filter(patient=OuterRef("pk")).order_by()
NEXT_VISIT = next_visits().filter(patient=OuterRef("pk"))


def last_injection_of(patient) -> Subquery:
    """The day of the patient's last recorded injection; ``patient`` is a reference to the outer query's patient."""
    return Subquery(Injection.objects.current().filter(patient=patient).order_by("-given_on").values("given_on")[:1])


LAST_INJECTION = last_injection_of(OuterRef("pk"))
# A subquery rather than a join: the join made PostgreSQL scan every plan to hash them for 50 rows.
PLAN_INTERVAL = Subquery(InjectionPlan.objects.filter(patient=OuterRef("pk"), status=PlanStatus.ACTIVE)
                         .values("interval_days")[:1])


class AppToday(Expression):
    """Today in the site's time zone, read each time the query runs (as AppNow)."""

    output_field = DateField()

    def as_sql(self, compiler, connection):
        return "%s", [connection.ops.adapt_datefield_value(timezone.localdate())]


# The day of the first injection booked after the day of the last one given (from today when none is recorded):
# the booking medicines.schedule.next_injection counts. The schedule draws the day line at midnight in the site's
# time zone, this query at midnight UTC, which only a booking between midnight and 01:00 (02:00 in summer) would
# tell apart. The plan's date or this one, whichever is earlier, is the date that counts for sorting and the
# overdue filter; the row itself is worked out by the schedule from both.
PLAN_DUE = PlusDays(LAST_INJECTION, PLAN_INTERVAL)
BOOKED_INJECTION = Subquery(Appointment.objects.filter(
    patient=OuterRef("pk"), kind=AppointmentKind.INJECTION, status=AppointmentStatus.BOOKED,
    # Inside the appointment's subquery the last injection is the appointment's patient's, not the outer row's pk.
    start__gte=Coalesce(PlusDays(last_injection_of(OuterRef("patient")), Value(1)), AppToday())).order_by("start")
    .annotate(day=TruncDate("start")).values("day")[:1], output_field=DateField())

# The columns to sort and filter on, each an expression on the patient. None refers to another, so any subset
# can be computed alone.
COLUMNS = {
    "latest_diary_on": Subquery(LATEST_DIARY.values("date")[:1]),
    # The highest level first, then the most alerts, from one pass over the patient's open alerts.
    "alert_urgency": Subquery(OPEN_ALERTS.values("patient").annotate(
        k=Max("rank") * URGENCY_RANK + Count("pk")).values("k")),
    "injection_due_on": Least(Coalesce(PLAN_DUE, BOOKED_INJECTION), Coalesce(BOOKED_INJECTION, PLAN_DUE)),
    "next_visit_at": Subquery(NEXT_VISIT.values("start")[:1]),
}
# What a page of rows shows besides the patient's own fields (the due date is worked out from its parts). The
# latest diary entry's values come as one JSON object, from one seek in the index, where reading the entries by id
# took a query of its own.
SHOWN = {
    "latest_diary": Subquery(LATEST_DIARY.values(
        entry=JSONObject(date="date", stools="stools", flushes="flushes", pain="pain", wheezing="wheezing"))[:1]),
    "alert_urgency": COLUMNS["alert_urgency"],
    "last_injection_on": LAST_INJECTION, "plan_interval": PLAN_INTERVAL, "booked_injection_on": BOOKED_INJECTION,
    "next_visit_at": COLUMNS["next_visit_at"], "visit_title": Subquery(NEXT_VISIT.values("title")[:1]),
}

ORDERS = {
    "name": [],
    "diary": [F("latest_diary_on").asc(nulls_first=True)],
    "alerts": [F("alert_urgency").desc(nulls_last=True)],
    "injection": [F("injection_due_on").asc(nulls_last=True)],
    "followup": [F("next_visit_at").asc(nulls_last=True)],
}
NEEDS = {"name": [], "diary": ["latest_diary_on"], "alerts": ["alert_urgency"], "injection": ["injection_due_on"],
         "followup": ["next_visit_at"], "all": [], "quiet": ["latest_diary_on"], "overdue": ["injection_due_on"]}
NAME_ORDER = [Lower(Coalesce(NullIf("last_name", Value("")), "username")), Lower("first_name"), "pk"]


def matching_ids(staff, *, today: dt.date, sort: str = "name", show: str = "all", q: str = "",
                 quiet_days: int | None = None) -> list[int]:
    """The ids of the staff member's assigned patients that match, in the chosen order; quiet means no diary
    entry in `quiet_days` days (settings.QUIET_DAYS when not given), or none ever."""
    quiet_days = quiet_days or quiet_days_default()
    patients = assigned_patients(staff).alias(**{name: COLUMNS[name] for name in NEEDS[sort] + NEEDS[show]})
    for term in q.split():
        patients = patients.filter(Q(first_name__icontains=term) | Q(last_name__icontains=term)
                                   | Q(username__icontains=term) | Q(record_number__icontains=term))
    if show == "alerts":
        patients = patients.filter(Exists(OPEN_ALERTS))
    elif show == "overdue":
        patients = patients.filter(injection_due_on__lt=today)
    elif show == "quiet":
        patients = patients.filter(Q(latest_diary_on__isnull=True)
                                   | Q(latest_diary_on__lte=today - dt.timedelta(days=quiet_days)))
    return list(patients.order_by(*ORDERS[sort], *NAME_ORDER).values_list("pk", flat=True))


def days_ago(day: dt.date, today: dt.date) -> str:
    days = (today - day).days
    if days == 0:
        return gettext("Today")
    if days == 1:
        return gettext("Yesterday")
    if days < 0:
        return ngettext("In %(days)d day", "In %(days)d days", -days) % {"days": -days}
    return ngettext("%(days)d day ago", "%(days)d days ago", days) % {"days": days}


def diary_status(entry: dict) -> str:
    """The day in a few words: "6 stools, 2 flushes, pain 3, wheezing", or "no scores" for a note only."""
    parts = []
    if entry["stools"] is not None:
        parts.append(ngettext("%(n)d stool", "%(n)d stools", entry["stools"]) % {"n": entry["stools"]})
    if entry["flushes"] is not None:
        parts.append(ngettext("%(n)d flush", "%(n)d flushes", entry["flushes"]) % {"n": entry["flushes"]})
    if entry["pain"] is not None:
        parts.append(gettext("pain %(score)d") % {"score": entry["pain"]})
    if entry["wheezing"]:  # true or 1, as each database writes a boolean in JSON
        parts.append(gettext("wheezing"))
    return ", ".join(parts) or gettext("no scores")


def due_words(due: schedule.NextInjection | None) -> str:
    """When the next injection is due, in words; the same on the list, the overview and the medicines page."""
    if due is None:
        return gettext("Not known")
    if due.is_overdue:
        return ngettext("Overdue by %(days)d day (due %(day)s)", "Overdue by %(days)d days (due %(day)s)",
                        due.days_overdue) % {"days": due.days_overdue, "day": day_text(due.due_on)}
    if due.is_due_today:
        return gettext("Due today")
    return ngettext("Due %(day)s, in %(days)d day", "Due %(day)s, in %(days)d days", due.days_until) % {
        "day": day_text(due.due_on), "days": due.days_until}


def disagreement_words(due: schedule.NextInjection | None) -> str:
    """The list's short form of medicines/_disagreement.html; "" when the booking and the plan agree."""
    if due is None or not due.disagrees:
        return ""
    return gettext("Booked %(booked)s, the plan gives %(planned)s: check which is right") % {
        "booked": day_text(due.booked), "planned": day_text(due.planned)}


class Row(TypedDict):
    """A dict rather than an object: a dict key is the template engine's first and cheapest lookup."""

    url: str
    name: str
    record_number: str
    diary_date: str  # ISO date of the latest entry, "" if none
    diary_when: str
    diary_status: str
    quiet: bool
    open_alerts: int
    top_level: Level | None
    top_label: str
    injection: str
    injection_disagrees: str
    overdue: bool
    visit: str
    visit_title: str


# Built once: resolving the column subqueries again for every page costs more than running them.
ROW_VALUES = get_user_model().objects.values("pk", "code", "first_name", "last_name", "username", "record_number",
                                             **SHOWN)


def rows(ids, *, today: dt.date, quiet_days: int | None = None) -> list[Row]:
    """Every column for the patients ``ids`` (one page), in that order, in one query; a row is marked quiet as
    ``matching_ids`` counts it."""
    ids = list(ids)
    found = {p["pk"]: p for p in ROW_VALUES.filter(pk__in=ids)}
    url = url_by_code("careteam:patient")
    quiet_after = today - dt.timedelta(days=quiet_days or quiet_days_default())
    result = []
    for p in (found[pk] for pk in ids if pk in found):
        entry = p["latest_diary"]
        day = dt.date.fromisoformat(entry["date"]) if entry else None
        top_rank, open_alerts = divmod(p["alert_urgency"] or 0, URGENCY_RANK)
        top_level = LEVEL_BY_RANK.get(top_rank)
        due = schedule.next_injection(today, last_given=p["last_injection_on"], interval_days=p["plan_interval"],
                                      booked=[p["booked_injection_on"]] if p["booked_injection_on"] else [])
        result.append(Row(
            url=url(p["code"]),
            name=f"{p['first_name']} {p['last_name']}".strip() or p["username"],  # as User.get_full_name()
            record_number=p["record_number"],
            diary_date=day.isoformat() if day else "", diary_when=days_ago(day, today) if day else "",
            diary_status=diary_status(entry) if entry else "",
            quiet=day is None or day <= quiet_after,
            open_alerts=open_alerts, top_level=top_level, top_label=top_level.label if top_level else "",
            injection=due_words(due), injection_disagrees=disagreement_words(due), overdue=bool(due and due.is_overdue),
            visit=moment_text(p["next_visit_at"]) if p["next_visit_at"] else "", visit_title=p["visit_title"] or "",
        ))
    return result
