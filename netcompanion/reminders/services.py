"""Reminder choices, the patient's devices for notifications, and finding and sending the reminders that are due.

`send_due_reminders` is what `netcompanion send-reminders` runs. It is safe to run at any time, as often
as you like, and twice at once: every reminder is claimed with an insert that the unique key of
SentReminder lets only one run make, and a run sends only the reminders it claimed itself.

What is sent, by e-mail or as a notification, never says what is due: only that there is something to do
in the app, and when, with a link to the reminders page, which (after signing in) says what it is. An
e-mail's subject and a notification are read on lock screens, by anyone near the phone or the inbox.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.conf import settings
from django.core.mail import get_connection, send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext

from netcompanion.accounts.models import Role, User
from netcompanion.appointments.models import Appointment
from netcompanion.appointments.models import Status as AppointmentStatus
from netcompanion.core.urls import site_url
from netcompanion.diary.models import DiaryEntry
from netcompanion.labs.models import Preparation
from netcompanion.medicines.models import InjectionPlan, PlanStatus
from netcompanion.medicines.schedule import NextInjection
from netcompanion.medicines.selectors import next_injections
from netcompanion.reminders import push, schedule
from netcompanion.reminders.models import Kind, PushSubscription, ReminderPreference, Repeat, SentReminder

log = logging.getLogger(__name__)

PREFERENCE_FIELDS = {Kind.INJECTION: "injection", Kind.APPOINTMENT: "appointment", Kind.HIAA_DIET: "hiaa_diet"}
CHOICE_FIELDS = ("log_prompt", "log_prompt_at", "log_prompt_weekday", "quiet_from", "quiet_until", "by_email",
                 "by_push")


# Choices -----------------------------------------------------------------------------------------------------

def preferences_for(patient) -> ReminderPreference:
    """The patient's choices; everything off (and not saved) until they choose."""
    return ReminderPreference.objects.filter(patient=patient).first() or ReminderPreference(patient=patient)


@transaction.atomic
def save_preferences(patient, kinds: Iterable[str], **choices) -> ReminderPreference:
    """Saves which reminders the patient wants and, given as `choices` (CHOICE_FIELDS), how and when; a choice
    not given keeps its saved value."""
    chosen = set(kinds)
    unknown = chosen - set(PREFERENCE_FIELDS)
    if unknown:
        raise ValueError(f"Unknown reminder kinds: {sorted(unknown)}")
    if extra := set(choices) - set(CHOICE_FIELDS):
        raise ValueError(f"Unknown reminder choices: {sorted(extra)}")
    preference, _ = ReminderPreference.objects.update_or_create(
        patient=patient, defaults={**{name: kind in chosen for kind, name in PREFERENCE_FIELDS.items()}, **choices})
    return preference


# Devices -----------------------------------------------------------------------------------------------------

def devices_of(patient) -> list[PushSubscription]:
    return list(PushSubscription.objects.filter(patient=patient))


@transaction.atomic
def add_device(patient, *, endpoint: str, p256dh: str, auth: str, device: str = "") -> PushSubscription:
    """Keeps a browser's subscription for the patient. A browser subscribes once per endpoint: subscribing again
    (after the keys changed, or on another account in the same browser) replaces the old one."""
    PushSubscription.objects.filter(endpoint=endpoint).delete()
    return PushSubscription.objects.create(patient=patient, endpoint=endpoint, p256dh=p256dh, auth=auth,
                                           device=device[:100])


def remove_device(patient, code) -> bool:
    """Forgets one of the patient's devices; False when the patient has no such device."""
    deleted, _ = PushSubscription.objects.filter(patient=patient, code=code).delete()
    return bool(deleted)


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
    """"today, 22 November", "tomorrow, 22 November", "on Thursday 24 November"; "" for a day gone by (a prompt
    quiet hours held back into the next day)."""
    zone = timezone.get_current_timezone()
    day = timezone.localtime(due).date()
    ahead = schedule.days_ahead(due, now, zone)
    if ahead < 0:
        return ""
    if ahead == 0:
        return gettext("today, %(day)s") % {"day": formats.date_format(day, "j F")}
    if ahead == 1:
        return gettext("tomorrow, %(day)s") % {"day": formats.date_format(day, "j F")}
    return gettext("on %(day)s") % {"day": formats.date_format(day, "l j F")}


def _log_prompt_sentence(window: schedule.Window, now: dt.datetime) -> str:
    if schedule.days_ahead(window.due, now, timezone.get_current_timezone()) < 0:
        return gettext("You asked us to remind you to log your diary.")
    return gettext("You asked us to remind you to log your diary today.")


def what_to_say(window: schedule.Window, now: dt.datetime) -> str:
    """The one sentence an e-mail or a notification says: that there is something to do, and when. Never what
    it is (no medicine, test, symptom or condition): it is read on lock screens."""
    when = _day_words(window.due, now)
    if not when:
        return gettext("You have something to do in NET Companion.")
    return gettext("You have something to do in NET Companion %(when)s.") % {"when": when}


def _injection_sentence(plan: InjectionPlan, due: NextInjection, window: schedule.Window, now: dt.datetime) -> str:
    drug = plan.get_drug_display()
    drug = drug[:1].lower() + drug[1:]
    sentence = gettext("Your %(drug)s injection is due %(when)s.") % {"drug": drug, "when": _day_words(window.due, now)}
    if due.disagrees and due.booked and due.planned:  # disagrees holds only with both; said for the types
        sentence += " " + gettext("Your booked injection on %(booked)s is not the date your plan gives (%(planned)s). "
                                  "Check with your contact nurse which is right.") % {
            "booked": formats.date_format(due.booked, "j F"), "planned": formats.date_format(due.planned, "j F")}
    return sentence


def _appointment_sentence(window: schedule.Window, now: dt.datetime) -> str:
    at = formats.time_format(timezone.localtime(window.due), "H:i")
    return gettext("You have an appointment %(when)s, at %(time)s.") % {"when": _day_words(window.due, now), "time": at}


def _diet_sentence(window: schedule.Window, now: dt.datetime) -> str:
    at = formats.time_format(timezone.localtime(window.due), "H:i")
    values = {"when": _day_words(window.due, now), "time": at}
    if window.due < now:
        return gettext("The diet before your 24-hour urine test started %(when)s, at %(time)s. "
                       "The app has the list of foods to avoid.") % values
    return gettext("The diet before your 24-hour urine test starts %(when)s, at %(time)s. "
                   "The app has the list of foods to avoid.") % values


def due_reminders(now: dt.datetime, *, patient=None, quiet_hours: bool = True) -> list[DueReminder]:
    """Every reminder whose window is open at `now`, for patients who asked for that kind (only `patient`'s when
    given), held back while their quiet hours last (unless `quiet_hours` is False: the page that says what is
    due now).

    A fixed number of queries, however many patients there are.
    """
    zone = timezone.get_current_timezone()
    wanted = (ReminderPreference.objects
              .filter(Q(injection=True) | Q(appointment=True) | Q(hiaa_diet=True) | ~Q(log_prompt=Repeat.NEVER),
                      patient__role=Role.PATIENT, patient__is_active=True)
              .select_related("patient"))
    if patient is not None:
        wanted = wanted.filter(patient=patient)
    patients: dict[Kind, dict[int, User]] = {kind: {} for kind in Kind}
    preferences: dict[int, ReminderPreference] = {}
    for preference in wanted:
        preferences[preference.patient_id] = preference
        for kind in preference.kinds:
            patients[Kind(kind)][preference.patient_id] = preference.patient

    def open_now(patient_id: int, windows: Iterable[schedule.Window]) -> list[schedule.Window]:
        quiet = preferences[patient_id].quiet_hours if quiet_hours else None
        return schedule.due_now(windows, now, quiet, zone)

    found: list[DueReminder] = []
    if ids := patients[Kind.INJECTION]:
        # The date every page shows (medicines.selectors): with a booking earlier than the plan's date, that one.
        dues = next_injections(ids, timezone.localdate(now))
        for plan in InjectionPlan.objects.filter(patient_id__in=list(dues), status=PlanStatus.ACTIVE):
            due = dues[plan.patient_id]
            for window in open_now(plan.patient_id, schedule.injection_windows(due.due_on, zone)):
                found.append(DueReminder(ids[plan.patient_id], window, plan.code,
                                         _injection_sentence(plan, due, window, now), reverse("medicines:index")))
    if ids := patients[Kind.APPOINTMENT]:
        # A window quiet hours held back still closes the day before the appointment.
        for appointment in Appointment.objects.filter(patient_id__in=ids, status=AppointmentStatus.BOOKED,
                                                      start__gte=now, start__lt=now + schedule.LOOK_AHEAD):
            for window in open_now(appointment.patient_id, schedule.appointment_windows(appointment.start, zone)):
                found.append(DueReminder(ids[appointment.patient_id], window, appointment.code,
                                         _appointment_sentence(window, now),
                                         reverse("appointments:detail", args=[appointment.code])))
    if ids := patients[Kind.HIAA_DIET]:
        for plan in Preparation.objects.planned().filter(patient_id__in=ids, starts_at__gte=now,
                                                         starts_at__lt=now + schedule.LOOK_AHEAD):
            for window in open_now(plan.patient_id, schedule.diet_windows(plan.starts_at, zone)):
                found.append(DueReminder(ids[plan.patient_id], window, plan.code, _diet_sentence(window, now),
                                         reverse("labs:hiaa_plan", args=[plan.code])))
    if ids := patients[Kind.LOG_PROMPT]:
        prompts = [(patient_id, window) for patient_id in ids for window in open_now(patient_id, (
            schedule.log_prompt_windows(schedule.Repeat(preferences[patient_id].log_prompt),
                                        preferences[patient_id].log_prompt_at,
                                        preferences[patient_id].log_prompt_weekday, now, zone)))]
        # A day already logged needs no prompt.
        logged = set(DiaryEntry.objects.current().filter(
            patient_id__in=list(ids), date__in={timezone.localtime(w.due).date() for _, w in prompts})
            .values_list("patient_id", "date")) if prompts else set()
        for patient_id, window in prompts:
            if (patient_id, timezone.localtime(window.due).date()) not in logged:
                found.append(DueReminder(ids[patient_id], window, ids[patient_id].code,
                                         _log_prompt_sentence(window, now), reverse("diary:new")))
    return found


# Sending -----------------------------------------------------------------------------------------------------

def subject(reminder: DueReminder, now: dt.datetime) -> str:
    """Says when, never what: the subject line is seen on lock screens and by anyone near the inbox."""
    ahead = schedule.days_ahead(reminder.window.due, now, timezone.get_current_timezone())
    if ahead <= 0:
        return gettext("Your reminder for today")
    if ahead == 1:
        return gettext("Your reminder for tomorrow")
    return gettext("Your reminder for %(day)s") % {
        "day": formats.date_format(timezone.localtime(reminder.window.due), "l j F")}


def body(reminder: DueReminder, base_url: str, now: dt.datetime) -> str:
    page = f"{base_url}{reverse('reminders:index')}"
    return (gettext("Hello,\n\n%(sentence)s\n\nSign in to see what it is: %(page)s\n\n"
                    "You get this e-mail because you turned on reminders. You can change them on the same page.\n")
            % {"sentence": what_to_say(reminder.window, now), "page": page})


def notification(reminder: DueReminder, now: dt.datetime) -> dict:
    """The push message: what the service worker (static/reminders/push-sw.js) shows, and where a tap goes."""
    return {"title": "NET Companion", "body": what_to_say(reminder.window, now),
            "url": reverse("reminders:index"), "tag": "netcompanion-reminder"}


@dataclass
class Outcome:
    sent: list[DueReminder] = field(default_factory=list)
    already_sent: list[DueReminder] = field(default_factory=list)
    unreachable: list[DueReminder] = field(default_factory=list)
    """No e-mail address to send to (or e-mail turned off) and no device for notifications."""
    failed: list[DueReminder] = field(default_factory=list)
    devices_gone: int = 0

    @property
    def skipped(self) -> int:
        return len(self.already_sent) + len(self.unreachable)


def _matching(reminders: Iterable[DueReminder]) -> Q:
    return reduce(or_, (Q(patient_id=r.patient.pk, kind=r.window.kind, object_code=r.object_code,
                          due_at=r.window.due, moment=r.window.moment) for r in reminders))


def _channels(due: list[DueReminder]) -> tuple[set[int], dict[int, list[PushSubscription]]]:
    """Who gets e-mail, and whose devices get notifications, as each patient chose."""
    patients = {r.patient.pk: r.patient for r in due}
    preferences = {p.patient_id: p for p in ReminderPreference.objects.filter(patient_id__in=list(patients))}
    by_email = {pk for pk, p in preferences.items() if p.by_email and patients[pk].email.strip()}
    devices: dict[int, list[PushSubscription]] = {}
    if push.enabled():
        for device in PushSubscription.objects.filter(patient_id__in=[pk for pk, p in preferences.items()
                                                                       if p.by_push]):
            devices.setdefault(device.patient_id, []).append(device)
    return by_email, devices


def send_due_reminders(now: dt.datetime | None = None, *, base_url: str | None = None,
                       dry_run: bool = False) -> Outcome:
    """Sends every reminder due at `now` that no run has sent yet; with `dry_run`, only says which."""
    now = now or timezone.now()
    base_url = site_url(base_url)
    outcome = Outcome()
    due = due_reminders(now)
    if not due:
        return outcome
    by_email, devices = _channels(due)
    outcome.unreachable = [r for r in due if r.patient.pk not in by_email and r.patient.pk not in devices]
    candidates = [r for r in due if r.patient.pk in by_email or r.patient.pk in devices]
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
    mail_works = any(r.patient.pk in by_email for r in claimed)
    if mail_works:
        try:
            connection.open()  # one session for the whole run
        except Exception:  # noqa: BLE001 - report it; the notifications still go, and claims with none are given back
            log.exception("Could not reach the mail server")
            mail_works = False
    gone: set[int] = set()
    try:
        for r in claimed:
            delivered = failed = False
            # Sent without a request: in the language the patient chose (else the site's), not this process's.
            with translation.override(r.patient.language or settings.LANGUAGE_CODE):
                if r.patient.pk in by_email:
                    try:
                        if not mail_works:
                            raise ConnectionError("no mail server")
                        send_mail(subject(r, now), body(r, base_url, now), None, [r.patient.email],
                                  connection=connection)
                        delivered = True
                    except Exception:  # noqa: BLE001 - one bad address or a mail-server hiccup must not stop the others
                        log.exception("Could not e-mail the %s", r.describe())
                        failed = True
                for device in devices.get(r.patient.pk, []):
                    if device.pk in gone:
                        continue
                    try:
                        push.send(device.info(), notification(r, now))
                        delivered = True
                    except push.Gone:
                        gone.add(device.pk)
                    except Exception:  # noqa: BLE001 - one push service down must not stop the others
                        log.exception("Could not push the %s", r.describe())
                        failed = True
            if delivered:
                outcome.sent.append(r)
            elif failed:
                outcome.failed.append(r)
            else:
                outcome.unreachable.append(r)  # its only devices were gone
    finally:
        connection.close()
    if gone:
        outcome.devices_gone = PushSubscription.objects.filter(pk__in=gone).delete()[0]

    if undelivered := outcome.failed + [r for r in outcome.unreachable if r.key in mine]:
        # Give the claim back, so a later run in the same window tries again.
        SentReminder.objects.filter(run=run).filter(_matching(undelivered)).delete()
    if outcome.sent:
        SentReminder.objects.filter(run=run, sent_at__isnull=True).update(sent_at=timezone.now())
    return outcome
