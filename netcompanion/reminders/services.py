"""Reminder choices, and finding and sending the reminders that are due.

`send_due_reminders` is what `netcompanion send-reminders` runs. It is safe to run at any time, as often
as you like, and twice at once: every reminder is claimed with an insert that the unique key of
SentReminder lets only one run make, and a run sends only the reminders it claimed itself.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.core.mail import get_connection, send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext

from netcompanion.accounts.models import Role, User
from netcompanion.appointments.models import Appointment
from netcompanion.appointments.models import Status as AppointmentStatus
from netcompanion.core.urls import site_url
from netcompanion.labs.models import Preparation
from netcompanion.medicines.models import InjectionPlan, PlanStatus
from netcompanion.medicines.schedule import NextInjection
from netcompanion.medicines.selectors import next_injections
from netcompanion.reminders import schedule
from netcompanion.reminders.models import Kind, ReminderPreference, SentReminder

log = logging.getLogger(__name__)

PREFERENCE_FIELDS = {Kind.INJECTION: "injection", Kind.APPOINTMENT: "appointment", Kind.HIAA_DIET: "hiaa_diet"}


# Choices -----------------------------------------------------------------------------------------------------

def preferences_for(patient) -> ReminderPreference:
    """The patient's choices; everything off (and not saved) until they choose."""
    return ReminderPreference.objects.filter(patient=patient).first() or ReminderPreference(patient=patient)


@transaction.atomic
def save_preferences(patient, kinds: Iterable[str]) -> ReminderPreference:
    chosen = set(kinds)
    unknown = chosen - set(Kind.values)
    if unknown:
        raise ValueError(f"Unknown reminder kinds: {sorted(unknown)}")
    preference, _ = ReminderPreference.objects.update_or_create(
        patient=patient, defaults={name: kind in chosen for kind, name in PREFERENCE_FIELDS.items()})
    return preference


# What is due -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DueReminder:
    patient: User
    window: schedule.Window
    object_code: uuid.UUID
    what: str
    """The e-mail's one sentence: what is due and when."""
    path: str
    """Where in the app the patient sees it."""

    @property
    def key(self) -> tuple:
        return (self.patient.pk, str(self.window.kind), self.object_code, self.window.due, str(self.window.moment))

    def describe(self) -> str:
        """One line for the operator: no names, no health details."""
        w = self.window
        return (f"{w.kind} reminder ({w.moment}) for patient {self.patient.code}, "
                f"due {timezone.localtime(w.due):%Y-%m-%d %H:%M}")


def _day_words(due: dt.datetime, now: dt.datetime) -> str:
    """"today, 22 November", "tomorrow, 22 November", "on Thursday 24 November"."""
    zone = timezone.get_current_timezone()
    day = timezone.localtime(due).date()
    ahead = schedule.days_ahead(due, now, zone)
    if ahead == 0:
        return f"today, {formats.date_format(day, 'j F')}"
    if ahead == 1:
        return f"tomorrow, {formats.date_format(day, 'j F')}"
    return f"on {formats.date_format(day, 'l j F')}"


def _injection_sentence(plan: InjectionPlan, due: NextInjection, window: schedule.Window, now: dt.datetime) -> str:
    drug = plan.get_drug_display()
    drug = drug[:1].lower() + drug[1:]
    sentence = f"Your {drug} injection is due {_day_words(window.due, now)}."
    if due.disagrees and due.booked and due.planned:  # disagrees holds only with both; said for the types
        sentence += " " + gettext("Your booked injection on %(booked)s is not the date your plan gives (%(planned)s). "
                                  "Check with your contact nurse which is right.") % {
            "booked": formats.date_format(due.booked, "j F"), "planned": formats.date_format(due.planned, "j F")}
    return sentence


def _appointment_sentence(window: schedule.Window, now: dt.datetime) -> str:
    at = formats.time_format(timezone.localtime(window.due), "H:i")
    return f"You have an appointment {_day_words(window.due, now)}, at {at}."


def _diet_sentence(window: schedule.Window, now: dt.datetime) -> str:
    at = formats.time_format(timezone.localtime(window.due), "H:i")
    verb = "started" if window.due < now else "starts"
    return (f"The diet before your 24-hour urine test {verb} {_day_words(window.due, now)}, at {at}. "
            "The app has the list of foods to avoid.")


def due_reminders(now: dt.datetime) -> list[DueReminder]:
    """Every reminder whose window is open at `now`, for patients who asked for that kind.

    A fixed number of queries, however many patients there are.
    """
    zone = timezone.get_current_timezone()
    wanted = (ReminderPreference.objects
              .filter(Q(injection=True) | Q(appointment=True) | Q(hiaa_diet=True),
                      patient__role=Role.PATIENT, patient__is_active=True)
              .select_related("patient"))
    patients: dict[Kind, dict[int, User]] = {kind: {} for kind in Kind}
    for preference in wanted:
        for kind in preference.kinds:
            patients[Kind(kind)][preference.patient_id] = preference.patient

    found: list[DueReminder] = []
    if ids := patients[Kind.INJECTION]:
        # The date every page shows (medicines.selectors): with a booking earlier than the plan's date, that one.
        dues = next_injections(ids, timezone.localdate(now))
        for plan in InjectionPlan.objects.filter(patient_id__in=list(dues), status=PlanStatus.ACTIVE):
            due = dues[plan.patient_id]
            for window in schedule.due_now(schedule.injection_windows(due.due_on, zone), now):
                found.append(DueReminder(ids[plan.patient_id], window, plan.code,
                                         _injection_sentence(plan, due, window, now), reverse("medicines:index")))
    if ids := patients[Kind.APPOINTMENT]:
        for appointment in Appointment.objects.filter(patient_id__in=ids, status=AppointmentStatus.BOOKED,
                                                      start__gte=now, start__lt=now + schedule.LOOK_AHEAD):
            for window in schedule.due_now(schedule.appointment_windows(appointment.start, zone), now):
                found.append(DueReminder(ids[appointment.patient_id], window, appointment.code,
                                         _appointment_sentence(window, now),
                                         reverse("appointments:detail", args=[appointment.code])))
    if ids := patients[Kind.HIAA_DIET]:
        for plan in Preparation.objects.planned().filter(patient_id__in=ids, starts_at__gte=now,
                                                         starts_at__lt=now + schedule.LOOK_AHEAD):
            for window in schedule.due_now(schedule.diet_windows(plan.starts_at, zone), now):
                found.append(DueReminder(ids[plan.patient_id], window, plan.code, _diet_sentence(window, now),
                                         reverse("labs:hiaa_plan", args=[plan.code])))
    return found


# Sending -----------------------------------------------------------------------------------------------------

def subject(reminder: DueReminder, now: dt.datetime) -> str:
    """Says when, never what: the subject line is seen on lock screens and by anyone near the inbox."""
    ahead = schedule.days_ahead(reminder.window.due, now, timezone.get_current_timezone())
    if ahead <= 0:
        return "Your reminder for today"
    if ahead == 1:
        return "Your reminder for tomorrow"
    return f"Your reminder for {formats.date_format(timezone.localtime(reminder.window.due), 'l j F')}"


def body(reminder: DueReminder, base_url: str) -> str:
    return (f"Hello,\n\n{reminder.what}\n\nSee it in the app: {base_url}{reminder.path}\n\n"
            f"You get this e-mail because you turned on reminders. To change them: "
            f"{base_url}{reverse('reminders:index')}\n")


@dataclass
class Outcome:
    sent: list[DueReminder] = field(default_factory=list)
    already_sent: list[DueReminder] = field(default_factory=list)
    no_email: list[DueReminder] = field(default_factory=list)
    failed: list[DueReminder] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return len(self.already_sent) + len(self.no_email)


def _matching(reminders: Iterable[DueReminder]) -> Q:
    return reduce(or_, (Q(patient_id=r.patient.pk, kind=r.window.kind, object_code=r.object_code,
                          due_at=r.window.due, moment=r.window.moment) for r in reminders))


def send_due_reminders(now: dt.datetime | None = None, *, base_url: str | None = None,
                       dry_run: bool = False) -> Outcome:
    """Sends every reminder due at `now` that no run has sent yet; with `dry_run`, only says which."""
    now = now or timezone.now()
    base_url = site_url(base_url)
    outcome = Outcome()
    due = due_reminders(now)
    outcome.no_email = [r for r in due if not r.patient.email.strip()]
    candidates = [r for r in due if r.patient.email.strip()]
    if not candidates:
        return outcome

    if dry_run:
        taken = set(SentReminder.objects.filter(object_code__in={r.object_code for r in candidates})
                    .values_list("patient_id", "kind", "object_code", "due_at", "moment"))
        for r in candidates:
            (outcome.already_sent if r.key in taken else outcome.sent).append(r)
        return outcome

    # Claim: the unique key lets exactly one run insert each row; a conflict means it is someone else's.
    run = uuid.uuid4()
    SentReminder.objects.bulk_create(
        [SentReminder(patient=r.patient, kind=r.window.kind, object_code=r.object_code, due_at=r.window.due,
                      moment=r.window.moment, run=run, claimed_at=now) for r in candidates],
        ignore_conflicts=True)
    mine = set(SentReminder.objects.filter(run=run)
               .values_list("patient_id", "kind", "object_code", "due_at", "moment"))

    outcome.already_sent = [r for r in candidates if r.key not in mine]
    claimed = [r for r in candidates if r.key in mine]
    connection = get_connection()
    try:
        connection.open()  # one session for the whole run
    except Exception:  # noqa: BLE001 - report it and give every claim back
        log.exception("Could not reach the mail server; %d reminders not sent", len(claimed))
        outcome.failed = claimed
        claimed = []
    try:
        for r in claimed:
            try:
                send_mail(subject(r, now), body(r, base_url), None, [r.patient.email], connection=connection)
            except Exception:  # noqa: BLE001 - one bad address or a mail-server hiccup must not stop the others
                log.exception("Could not send the %s", r.describe())
                outcome.failed.append(r)
            else:
                outcome.sent.append(r)
    finally:
        connection.close()

    if outcome.failed:
        # Give the claim back, so a later run in the same window tries again.
        SentReminder.objects.filter(run=run).filter(_matching(outcome.failed)).delete()
    if outcome.sent:
        SentReminder.objects.filter(run=run, sent_at__isnull=True).update(sent_at=timezone.now())
    return outcome
