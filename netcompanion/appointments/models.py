import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from netcompanion.core.records import Action, RecordVersion, Versioned
from netcompanion.core.tokens import RevocableSecret


class Kind(models.TextChoices):
    SCAN = "scan", _("Scan")
    BLOOD_TEST = "blood-test", _("Blood test")
    URINE_TEST = "urine-test", _("Urine test")
    VISIT = "visit", _("Visit")
    INJECTION = "injection", _("Injection")
    PROCEDURE = "procedure", _("Surgery or procedure")
    OTHER = "other", pgettext_lazy("kind of appointment", "Other")


# The carcinoid-crisis triggers (anaesthesia, surgery, biopsy, tumour handling, embolisation/ablation:
# nci-pdq-gi-net-hp, ncuk-carcinoid-crisis) plus endoscopy and dental work (neca-crisis-anaesthesia, cited by
# the guide page "surgery").
PROCEDURE_LABEL = _("involves anaesthesia or sedation, surgery, an endoscopy, a biopsy, embolisation or dental work")


class Status(models.TextChoices):
    """FHIR Appointment.status values (http://hl7.org/fhir/appointmentstatus)."""

    # A check the care team suggests for around a date; nobody has booked a time for it yet.
    PROPOSED = "proposed", _("To be booked")
    BOOKED = "booked", _("Booked")
    CANCELLED = "cancelled", _("Cancelled")
    FULFILLED = "fulfilled", _("Done")


# A check to book has a date but no time. Its `start` is this time on that date, never shown: midday keeps the
# date the same in any time zone within 12 hours of the site's.
UNTIMED = dt.time(12, 0)


class AppointmentQuerySet(models.QuerySet):
    def upcoming(self):
        """Booked appointments from the start of today on, soonest first."""
        return self.filter(status=Status.BOOKED, start__gte=start_of_today()).order_by("start")

    def to_book(self):
        """Checks the care team suggests that have no booked time yet, soonest first (overdue ones too)."""
        return self.filter(status=Status.PROPOSED).order_by("start")

    def earlier_or_cancelled(self):
        """Everything that is neither upcoming nor still to book, newest first."""
        return (self.exclude(status=Status.PROPOSED).exclude(status=Status.BOOKED, start__gte=start_of_today())
                .order_by("-start"))


def start_of_today() -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(timezone.localdate(), dt.time.min))


def untimed_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, UNTIMED))


class Appointment(Versioned):
    """A patient's appointment or follow-up check. Every change goes through services.py and leaves a version."""

    VERSIONED_FIELDS = ("kind", "title", "start", "duration", "place", "preparation", "notes", "status",
                        "involves_procedure", "has_time")
    SNAPSHOT_KEYS = {"duration": "duration_minutes"}
    ACTION_WORDS = {Action.CREATED: _("Added")}
    HISTORY_HIDES = ("has_time",)

    patient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="appointments")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.VISIT)
    title = models.CharField(_("title"), max_length=120)
    start = models.DateTimeField(_("starts"))
    duration = models.DurationField(_("length"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    preparation = models.TextField(_("what to do before"), max_length=2000, blank=True)
    notes = models.TextField(_("notes"), max_length=2000, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.BOOKED)
    involves_procedure = models.BooleanField(PROCEDURE_LABEL, default=False)
    # False for a check to book (and for one removed before it was booked): only its date means anything.
    has_time = models.BooleanField(_("has a booked time"), default=True)
    # Bumped by every change; it is the iCalendar SEQUENCE, so calendar apps take the newest copy.
    revision = models.PositiveIntegerField(default=0, editable=False)

    objects = AppointmentQuerySet.as_manager()

    class Meta:
        ordering = ["start"]
        indexes = [models.Index(fields=["patient", "status", "start"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(duration__isnull=True) | models.Q(duration__gt=dt.timedelta(0)),
                                   name="appointment_ends_after_it_starts"),
            # Nothing booked or done is ever without a time, and nothing still to book ever has one.
            models.CheckConstraint(condition=models.Q(status=Status.CANCELLED)
                                   | models.Q(status=Status.PROPOSED, has_time=False)
                                   | models.Q(status__in=[Status.BOOKED, Status.FULFILLED], has_time=True),
                                   name="appointment_has_a_time_unless_to_be_booked"),
        ]

    def __str__(self) -> str:
        if not self.has_time:
            return gettext("%(title)s, around %(date)s") % {"title": self.title,
                                                               "date": timezone.localdate(self.start).isoformat()}
        return gettext("%(title)s on %(when)s") % {
            "title": self.title, "when": f"{timezone.localtime(self.start):%Y-%m-%d %H:%M}"}

    @property
    def end(self) -> dt.datetime | None:
        return self.start + self.duration if self.duration else None

    @property
    def needs_crisis_reminder(self) -> bool:
        """Procedures can set off a carcinoid crisis (anaesthesia, surgery, biopsy...: ncuk-carcinoid-crisis)."""
        return self.status == Status.BOOKED and (self.involves_procedure or self.kind == Kind.PROCEDURE)

    @property
    def is_past(self) -> bool:
        return self.start < start_of_today()

    def on_new_version(self) -> None:
        self.revision += 1

    @classmethod
    def shown_value(cls, key: str, data: dict) -> tuple[str, str]:
        """A check to book is due around its date; a booked one starts at its time."""
        label, value = super().shown_value(key, data)
        if key == "start" and not data.get("has_time", True):
            return gettext("Due"), gettext("around %(date)s") % {
                "date": formats.date_format(dt.datetime.fromisoformat(data[key]), "j F Y")}
        return label, value


class AppointmentVersion(RecordVersion.of(Appointment, constraint="one_appointment_version_number")):
    pass


class FeedDetail(models.TextChoices):
    TITLES = "titles", _("Titles and times only")
    DETAILS = "details", _("With place and what to do before")


class FeedAlarm(models.IntegerChoices):
    """How long before each appointment a subscribed calendar reminds the patient (minutes); 0 is no reminder."""

    NONE = 0, _("No reminder")
    HALF_HOUR = 30, _("30 minutes before")
    HOUR = 60, _("1 hour before")
    DAY = 1440, _("1 day before")


class CalendarFeed(RevocableSecret):
    """A private calendar subscription link. Only the SHA-256 of its token is stored; the link is shown once."""

    code = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    patient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds")
    detail = models.CharField(max_length=10, choices=FeedDetail.choices, default=FeedDetail.TITLES)
    alarm_minutes = models.PositiveIntegerField(choices=FeedAlarm.choices, default=FeedAlarm.NONE)
    last_polled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["patient"], condition=models.Q(revoked_at__isnull=True),
                                               name="one_active_calendar_feed_per_patient")]

    def __str__(self) -> str:
        return gettext("Calendar link from %(date)s") % {"date": f"{self.created_at:%Y-%m-%d}"}
