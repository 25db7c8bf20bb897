import base64
import binascii
import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from netcompanion.reminders import schedule
from netcompanion.reminders.models import WEEKDAYS, Kind, Repeat

CHOICES = [
    (Kind.INJECTION, _("My injection is due: the day before, and on the day")),
    (Kind.APPOINTMENT, _("An appointment or check is coming up: two days before")),
    (Kind.HIAA_DIET, _("The diet before a 5-HIAA urine test starts: the day before, and that morning")),
]
EMAIL, PUSH = "email", "push"
QUIET_TOO_LONG = _("Quiet hours can last at most %(hours)d hours, so that reminders still have time to reach you.")
DEFAULT_PROMPT_AT = dt.time(20, 0)
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class ReminderForm(forms.Form):
    kinds = forms.MultipleChoiceField(
        label=_("Send me a reminder when"), required=False, choices=CHOICES, widget=forms.CheckboxSelectMultiple,
        help_text=_("Reminders come from 07:00. Leave all boxes empty to get no reminders."),
        error_messages={"invalid_choice": _("Choose only from the reminders listed."),
                        "invalid_list": _("Choose only from the reminders listed.")})
    log_prompt = forms.ChoiceField(
        label=_("Remind me to log my diary"), choices=Repeat.choices, initial=Repeat.NEVER, widget=forms.RadioSelect,
        required=False, error_messages={"invalid_choice": _("Choose how often to remind you to log your diary.")})
    log_prompt_weekday = forms.TypedChoiceField(
        label=_("On which day, if once a week"), choices=WEEKDAYS, coerce=int, initial=6, required=False,
        empty_value=6, error_messages={"invalid_choice": _("Choose a day of the week.")})
    log_prompt_at = forms.TimeField(
        label=_("At what time"), initial=DEFAULT_PROMPT_AT, widget=TIME, help_text=_("For example 20:00."),
        required=False, error_messages={"invalid": _("Write the time as hours and minutes, for example 20:00.")})
    quiet_from = forms.TimeField(
        label=_("Quiet hours from"), required=False, widget=TIME,
        help_text=_("Nothing is sent between these times; a reminder due then comes when they end. For example "
                    "from 22:00 to 07:00. Leave both empty for no quiet hours."),
        error_messages={"invalid": _("Write the time as hours and minutes, for example 22:00.")})
    quiet_until = forms.TimeField(
        label=_("Quiet hours until"), required=False, widget=TIME,
        error_messages={"invalid": _("Write the time as hours and minutes, for example 07:00.")})
    channels = forms.MultipleChoiceField(
        label=_("Send them"), required=False, widget=forms.CheckboxSelectMultiple,
        choices=[(EMAIL, _("By e-mail")), (PUSH, _("As a notification on the devices listed below"))],
        error_messages={"invalid_choice": _("Choose only from the ways listed.")})

    def __init__(self, *args, patient, push_offered: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.patient = patient
        self.push_offered = push_offered
        # People have no time zone of their own in the app: times are the site's.
        self.fields["quiet_from"].help_text = format_lazy("{} {}", self.fields["quiet_from"].help_text, _(
            "Times are in the %(zone)s time zone.") % {"zone": timezone.get_current_timezone_name()})
        if not push_offered:
            self.fields["channels"].choices = [c for c in self.fields["channels"].choices if c[0] != PUSH]

    def clean(self):
        data = super().clean()
        data["log_prompt"] = data.get("log_prompt") or Repeat.NEVER
        if data.get("log_prompt_at") is None and not self.has_error("log_prompt_at"):
            if data["log_prompt"] == Repeat.NEVER:
                data["log_prompt_at"] = DEFAULT_PROMPT_AT
            else:
                self.add_error("log_prompt_at", _("Write the time, for example 20:00."))
        quiet_from, quiet_until = data.get("quiet_from"), data.get("quiet_until")
        if (quiet_from is None) != (quiet_until is None) and not self.has_error("quiet_from") \
                and not self.has_error("quiet_until"):
            self.add_error("quiet_until" if quiet_until is None else "quiet_from",
                           _("Write both times of your quiet hours, or leave both empty."))
        elif quiet_from is not None and quiet_until is not None:
            if quiet_from == quiet_until:
                self.add_error("quiet_until", _("Quiet hours need two different times."))
            else:
                try:
                    schedule.QuietHours(quiet_from, quiet_until)
                except ValueError:
                    self.add_error("quiet_until", QUIET_TOO_LONG % {
                        "hours": schedule.QUIET_AT_MOST.total_seconds() // 3600})
        wants = bool(data.get("kinds")) or data["log_prompt"] != Repeat.NEVER
        channels = data.get("channels", [])
        if wants and "channels" not in self.errors:
            if EMAIL in channels and not self.patient.email.strip():
                self.add_error("channels", _("Add an e-mail address to your account first: without one we cannot "
                                             "send reminders by e-mail."))
            elif not channels:
                self.add_error("channels", _("Choose how to send your reminders: by e-mail, or as a notification."))
        return data


def _key(text: str, length: int, first: bytes = b"") -> bool:
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        return False
    return len(raw) == length and raw.startswith(first)


class DeviceForm(forms.Form):
    """A browser's Push API subscription, as its `toJSON()` gives it (the script flattens the keys)."""

    endpoint = forms.URLField(max_length=1000, assume_scheme="https")
    p256dh = forms.CharField(max_length=200)
    auth = forms.CharField(max_length=100)
    device = forms.CharField(max_length=100, required=False)

    def clean_endpoint(self):
        endpoint = self.cleaned_data["endpoint"]
        if not endpoint.startswith("https://"):
            raise forms.ValidationError(_("A push service's address starts with https://."))
        return endpoint

    def clean_p256dh(self):
        if not _key(self.cleaned_data["p256dh"], 65, b"\x04"):
            raise forms.ValidationError(_("This is not a browser's public key."))
        return self.cleaned_data["p256dh"]

    def clean_auth(self):
        if not _key(self.cleaned_data["auth"], 16):
            raise forms.ValidationError(_("This is not a browser's authentication secret."))
        return self.cleaned_data["auth"]
