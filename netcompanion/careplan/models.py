import uuid

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from netcompanion.accounts.models import Role
from netcompanion.careplan.changes import CONTACT_ROLES, PARTS, ROLE_ORDER, sort_contacts
from netcompanion.core.phones import phone_validator, tel_link
from netcompanion.core.records import AppendOnly, RecordVersion

PART_MAX_LENGTH = 4000
QUESTION_MAX_LENGTH = 500
ANSWER_MAX_LENGTH = 2000
CONTACT_NOTES_MAX_LENGTH = 1000

class CarePlan(models.Model):
    """One written care plan per patient, shared with the care team.

    Change it only through ``careplan.services``: every change raises ``version`` by one and
    leaves a full snapshot in ``CarePlanVersion``, with who made it and in which role.
    """

    DESCRIBED_FIELDS = tuple(PARTS)  # what core.describe shows of it: the parts, labelled by their columns

    code = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    patient = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="care_plan")
    diagnosis = models.TextField(_(PARTS["diagnosis"]), blank=True, validators=[MaxLengthValidator(PART_MAX_LENGTH)])
    goals = models.TextField(_(PARTS["goals"]), blank=True, validators=[MaxLengthValidator(PART_MAX_LENGTH)])
    treatments = models.TextField(_(PARTS["treatments"]), blank=True,
                                  validators=[MaxLengthValidator(PART_MAX_LENGTH)])
    support = models.TextField(_(PARTS["support"]), blank=True, validators=[MaxLengthValidator(PART_MAX_LENGTH)])
    what_matters = models.TextField(_(PARTS["what_matters"]), blank=True,
                                    validators=[MaxLengthValidator(PART_MAX_LENGTH)])
    version = models.PositiveIntegerField(default=0, help_text="0 until the first change; the optimistic lock.")
    # Who last changed each part (and "contacts"): {key: {"by": user id, "role": role, "at": iso, "version": n}}.
    last_changed = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return gettext("Care plan of %(patient)s") % {"patient": self.patient}

    def snapshot(self, contacts=None) -> dict:
        """The whole plan as plain data. Pass the current contacts to spare a query."""
        if contacts is None:
            contacts = self.contacts.current()
        return {
            **{part: getattr(self, part) for part in PARTS},
            "contacts": sort_contacts([c.snapshot() for c in contacts]),
        }


class ContactRole(models.TextChoices):
    CONTACT_NURSE = "contact_nurse", _(CONTACT_ROLES["contact_nurse"])
    DOCTOR = "doctor", _(CONTACT_ROLES["doctor"])
    NET_CENTRE = "net_centre", _(CONTACT_ROLES["net_centre"])
    OUT_OF_HOURS = "out_of_hours", _(CONTACT_ROLES["out_of_hours"])
    OTHER = "other", _(CONTACT_ROLES["other"])


class ContactStatus(models.TextChoices):
    ACTIVE = "active", _("On the plan")
    REMOVED = "removed", _("Removed")


class CareContactQuerySet(models.QuerySet):
    def current(self):
        """Contacts on the plan, the contact nurse first."""
        rank = models.Case(*(models.When(role=role, then=models.Value(i)) for i, role in enumerate(ROLE_ORDER)),
                           default=models.Value(len(ROLE_ORDER)), output_field=models.IntegerField())
        return self.filter(status=ContactStatus.ACTIVE).alias(rank=rank).order_by("rank", "name", "id")


class CareContact(models.Model):
    """A person or place on the plan's contact list. Removing one keeps the row, marked removed."""

    code = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    plan = models.ForeignKey(CarePlan, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("Name"), max_length=200)
    role = models.CharField(_("Role"), max_length=20, choices=ContactRole.choices, default=ContactRole.OTHER)
    phone = models.CharField(_("Phone"), max_length=40, blank=True, validators=[phone_validator])
    email = models.EmailField(_("E-mail"), blank=True)
    notes = models.TextField(_("Notes"), blank=True, validators=[MaxLengthValidator(CONTACT_NOTES_MAX_LENGTH)])
    status = models.CharField(max_length=10, choices=ContactStatus.choices, default=ContactStatus.ACTIVE)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CareContactQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["plan", "status"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"

    @property
    def phone_link(self) -> str:
        return tel_link(self.phone)

    def snapshot(self) -> dict:
        return {"code": str(self.code), "name": self.name, "role": self.role, "phone": self.phone,
                "email": self.email, "notes": self.notes}


class CarePlanVersion(RecordVersion.of(CarePlan, constraint="one_care_plan_version_number")):
    """An append-only snapshot of the whole plan after each change, with the author and their role. Its number is
    the plan's ``version``, the optimistic lock a page's edit starts from."""

    parts = models.JSONField(default=list, help_text="The keys that changed in this version.")
    author_role = models.CharField(max_length=16, choices=Role.choices)

    def __str__(self) -> str:
        return gettext("Version %(number)s of %(record)s") % {"number": self.number, "record": self.record}


class QuestionStatus(models.TextChoices):
    OPEN = "open", _("To ask")
    ASKED = "asked", _("Asked")


class Question(models.Model):
    """A question for the next visit. Ticking off and reopening leave a ``QuestionEvent`` behind."""

    code = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    patient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="care_plan_questions")
    text = models.TextField(_("Your question"), validators=[MaxLengthValidator(QUESTION_MAX_LENGTH)])
    status = models.CharField(max_length=10, choices=QuestionStatus.choices, default=QuestionStatus.OPEN)
    answer = models.TextField(_("Answer or note"), blank=True, validators=[MaxLengthValidator(ANSWER_MAX_LENGTH)])
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_by_role = models.CharField(max_length=16, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                 null=True, blank=True)
    asked_by_role = models.CharField(max_length=16, choices=Role.choices, blank=True)
    asked_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["patient", "status"])]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def is_open(self) -> bool:
        return self.status == QuestionStatus.OPEN


class QuestionAction(models.TextChoices):
    ADDED = "added", _("Added")
    ASKED = "asked", _("Ticked off as asked")
    REOPENED = "reopened", _("Reopened")


class QuestionEvent(AppendOnly):
    """An append-only record of what happened to a question, by whom, in which role and when."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=10, choices=QuestionAction.choices)
    text = models.TextField(help_text="The question as it read at the time.")
    answer = models.TextField(blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    by_role = models.CharField(max_length=16, choices=Role.choices)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["question", "at", "id"]

    def __str__(self) -> str:
        return gettext("%(action)s by %(by)s at %(at)s") % {
            "action": self.get_action_display(), "by": self.by, "at": f"{self.at:%Y-%m-%d %H:%M}"}


REPORT_LINE_MAX_LENGTH = 400


class PathologyReport(AppendOnly):
    """A pathology report a patient had explained and chose to keep: an entry of its own in the care plan.

    It never touches the parts the care team writes (the diagnosis summary stays as the nurse left it). Written
    once, as the explainer read it: the day, the facts in words as the person confirmed them, the results the
    engines gave, and the line they pasted, if any.
    """

    code = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    patient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="pathology_reports")
    on = models.DateField(_("Explained on"))
    source_line = models.TextField(_("The line from the report"), blank=True,
                                   validators=[MaxLengthValidator(REPORT_LINE_MAX_LENGTH)])
    facts = models.JSONField(default=list, help_text="[label, words] pairs, as the person confirmed them.")
    results = models.JSONField(default=list, help_text="The grade and the stage, one line each.")
    notes = models.JSONField(default=list, blank=True, help_text="What the results took for granted, in words.")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_by_role = models.CharField(max_length=16, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-on", "-created_at", "-id"]
        indexes = [models.Index(fields=["patient", "on"])]

    def __str__(self) -> str:
        return gettext("Pathology report explained on %(day)s") % {"day": self.on}
