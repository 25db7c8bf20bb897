import datetime as dt
import secrets
import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from netcompanion.core.phones import phone_validator
from netcompanion.core.records import RecordVersion, Versioned
from netcompanion.core.tokens import RevocableSecret
from netcompanion.navigator.questions import SITES


class Role(models.TextChoices):
    PATIENT = "patient", _("Patient")
    RELATIVE = "relative", _("Relative")
    NURSE = "nurse", _("Contact nurse")
    DOCTOR = "doctor", _("Doctor")
    ADMIN = "admin", _("Administrator")


STAFF_ROLES = frozenset({Role.NURSE, Role.DOCTOR})


class ContactWay(models.TextChoices):
    """How a patient would like the care team to reach them."""

    CALL = "call", _("A phone call")
    TEXT = "text", _("A text message asking me to call back")
    EMAIL = "email", _("An e-mail asking me to call back")


class User(AbstractUser):
    """A person who signs in. The role decides which side of the product they see."""

    code = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.PATIENT)
    record_number = models.CharField(
        _("record number"), max_length=32, blank=True,
        help_text=_("The clinic's own number for a patient, so staff can find them. Unique when set."))
    # A patient's own contact details, which the care team reads on an alert's page.
    phone = models.CharField(_("phone number"), max_length=40, blank=True, validators=[phone_validator])
    preferred_contact = models.CharField(_("how the care team should reach you"), max_length=8,
                                         choices=ContactWay.choices, blank=True)
    # Where the person is (ISO 3166 alpha-2), for everyone: the emergency number they are told follows it.
    country = models.CharField(_("country"), max_length=2, blank=True)
    # The language the person chose with the header's switch; blank follows the browser. E-mails and pushes sent
    # without a request use it too.
    language = models.CharField(_("language"), max_length=8, blank=True, choices=settings.LANGUAGES)

    class Meta(AbstractUser.Meta):
        constraints = [
            models.UniqueConstraint(fields=["record_number"], condition=~models.Q(record_number=""),
                                    name="unique_record_number"),
        ]

    @property
    def display_name(self) -> str:
        """The name people give, or the username of someone who gave none."""
        return self.get_full_name() or self.username

    @property
    def is_care_team(self) -> bool:
        return self.role in STAFF_ROLES


class ApiToken(RevocableSecret):
    """A personal token for the JSON API. Only its SHA-256 is stored; the token is shown once."""

    code = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=60)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def issue(cls, user: User, name: str) -> tuple["ApiToken", str]:
        token = "nc_" + secrets.token_urlsafe(32)
        return cls.objects.create(user=user, name=name, digest=cls.hash(token)), token


class AboutMe(Versioned):
    """What a patient says about themselves that the symptom check would otherwise ask each time: whether a NET
    is diagnosed, where it started, the year of birth and a pregnancy's expected due date. One per patient, kept
    by the patient with a version per change; the care team assigned to them reads it.

    A due date only says "pregnant" while it has not passed (``pregnant_on``): the record may keep a question's
    urgency, never lower it, so an old or missing date leaves the question to be asked."""

    VERSIONED_FIELDS = ("diagnosed_net", "primary_site", "birth_year", "due_date")

    patient = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="about_me")
    diagnosed_net = models.BooleanField(_("diagnosed with a NET"), null=True, blank=True)
    primary_site = models.CharField(_("where the NET started"), max_length=20, choices=SITES, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    due_date = models.DateField(_("pregnant, expected due date"), null=True, blank=True)

    class Meta:
        verbose_name = _("about me")
        verbose_name_plural = _("about me")

    def __str__(self) -> str:
        return f"About {self.patient}"

    def pregnant_on(self, day: dt.date) -> bool:
        return self.due_date is not None and self.due_date >= day


class AboutMeVersion(RecordVersion.of(AboutMe, constraint="one_about_me_version_number")):
    pass


class SecondFactorFailure(models.Model):
    """A wrong code at the second sign-in step, by account and address: the pause before the next try grows with
    them (two_factor.wait_seconds). Deleted when the right code is typed at that address, and after a day."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    address = models.CharField(max_length=45)  # as client_ip reads it
    at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["user", "at"])]

    def __str__(self) -> str:
        return f"Wrong code for {self.user_id} from {self.address} at {self.at:%Y-%m-%d %H:%M:%S}"
