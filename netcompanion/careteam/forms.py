from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from netcompanion.accounts.models import STAFF_ROLES, Role
from netcompanion.alerts.models import Alert, AlertStatus, Level, Outcome
from netcompanion.careteam.models import Assignment
from netcompanion.careteam.roster import QUIET_CHOICES, SHOWS, SORTS, quiet_days_default
from netcompanion.conversations.models import BODY_MAX, SUBJECT_MAX
from netcompanion.core.formats import day_text
from netcompanion.core.widgets import FilterSelect

# How many of a patient's latest alerts the "Link to an alert" list offers.
LINKABLE_ALERTS = 20

RECORD_NUMBER_MAX_LENGTH = get_user_model()._meta.get_field("record_number").max_length
ALREADY_ASSIGNED = _("This member of the care team already looks after this patient.")


def duplicate_number(number: str) -> str:
    return gettext("Another patient already has record number %(number)s. Check the number: nothing was changed.") % {
        "number": number}


class PatientListForm(forms.Form):
    """The list's search, filter and order. An unknown value is ignored, with its message shown by the field."""

    q = forms.CharField(label=_("Find a patient"), required=False, max_length=100,
                        help_text=_("A name or a record number."),
                        error_messages={
                            "max_length": _("Please use at most 100 characters. The list is not searched.")})
    show = forms.ChoiceField(label=_("Show"), choices=list(SHOWS.items()), required=False, widget=FilterSelect,
                             error_messages={
                                 "invalid_choice": _("We do not know this filter, so everyone is shown.")})
    sort = forms.ChoiceField(label=_("Sort by"), choices=list(SORTS.items()), required=False, widget=FilterSelect,
                             error_messages={"invalid_choice": _("We do not know this order, so the list is sorted "
                                                                 "by name.")})

    quiet_days = forms.TypedChoiceField(
        label=_("Quiet after"), coerce=int, required=False, empty_value=None, widget=FilterSelect,
        help_text=_("Days without a diary entry."),
        error_messages={"invalid_choice": _("We do not know this number of days, so the usual one is used.")})

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:  # so the filters show the days and the order the list uses
            data = data.copy()
            data["quiet_days"] = data.get("quiet_days") or str(quiet_days_default())
            if data.get("show") == "quiet":
                data["sort"] = data.get("sort") or "diary"
        super().__init__(data, *args, **kwargs)
        days = sorted({*QUIET_CHOICES, quiet_days_default()})
        self.fields["quiet_days"].choices = [(n, ngettext("%(n)d day", "%(n)d days", n) % {"n": n}) for n in days]
        self.fields["quiet_days"].initial = quiet_days_default()

    def choice(self) -> tuple[str, str, str]:
        """(q, show, sort) to use: each field's value when valid, its default otherwise. The quiet patients come
        most overdue first (never logged, then the longest ago) unless another order is chosen (see __init__)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return data.get("q", ""), data.get("show") or "all", data.get("sort") or "name"

    def quiet(self) -> int:
        """After how many days without a diary entry a patient is quiet: the chosen number, else the setting."""
        self.is_valid()
        return getattr(self, "cleaned_data", {}).get("quiet_days") or quiet_days_default()


def find_patient(text: str):
    """The one active patient whose username, e-mail address or record number is ``text``."""
    text = text.strip()
    found = list(get_user_model().objects.filter(role=Role.PATIENT, is_active=True).filter(
        Q(username__iexact=text) | Q(email__iexact=text) | Q(record_number__iexact=text))[:2])
    if not found:
        raise forms.ValidationError(_("We found no patient with this username, e-mail address or record number. "
                                      "Check it and try again."))
    if len(found) > 1:
        raise forms.ValidationError(_("More than one patient matches. Use their username or record number instead."))
    return found[0]


class PatientField(forms.CharField):
    """A patient found by what the clinic knows them by; cleans to the User."""

    def __init__(self, **kwargs):
        super().__init__(label=_("Patient"), max_length=254,
                         help_text=_("Their username, e-mail address or record number."),
                         error_messages={"required": _("Write the patient's username, e-mail address or record "
                                                       "number.")},
                         widget=forms.TextInput(attrs={"autocomplete": "off"}), **kwargs)

    def clean(self, value):
        return find_patient(super().clean(value))


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.display_name} ({obj.get_role_display().lower()})"


class AssignForm(forms.Form):
    patient = PatientField()
    staff = StaffChoiceField(
        label=_("Care-team member"), to_field_name="code", empty_label=_("Choose a nurse or doctor"),
        queryset=get_user_model().objects.filter(role__in=STAFF_ROLES, is_active=True).order_by(
            "last_name", "first_name", "username"),
        error_messages={"required": _("Choose the nurse or doctor who will look after the patient."),
                        "invalid_choice": _("Choose one of the nurses or doctors in the list.")})

    def clean(self):
        data = super().clean()
        patient, staff = data.get("patient"), data.get("staff")
        if patient and staff and Assignment.objects.active().filter(patient=patient, staff=staff).exists():
            raise forms.ValidationError(ALREADY_ASSIGNED)
        return data


class RecordNumberForm(forms.Form):
    patient = PatientField()
    record_number = forms.CharField(
        label=_("New record number"), max_length=RECORD_NUMBER_MAX_LENGTH,
        help_text=_("The clinic's own number for this patient. No two patients can share one."),
        error_messages={"required": _("Write the record number."),
                        "max_length": _("A record number has at most %(limit_value)d characters.")},
        widget=forms.TextInput(attrs={"autocomplete": "off"}))

    def clean(self):
        data = super().clean()
        patient, number = data.get("patient"), data.get("record_number")
        if patient and number and get_user_model().objects.filter(record_number__iexact=number).exclude(
                pk=patient.pk).exists():
            self.add_error("record_number", duplicate_number(number))
        return data


# The alert queue ---------------------------------------------------------------------------------------------
UNRESOLVED_FILTER = "unresolved"
ALL = "all"


class QueueFilterForm(forms.Form):
    level = forms.ChoiceField(label=_("Level"), required=False, choices=[("", _("Every level")), *Level.choices],
                              widget=FilterSelect)
    status = forms.ChoiceField(label=_("Status"), required=False, initial=UNRESOLVED_FILTER, widget=FilterSelect,
                               choices=[(UNRESOLVED_FILTER, _("Not resolved")), *AlertStatus.choices, (ALL, _("All"))])


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Note"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
                           error_messages={"required": _("Write the note before saving it.")})


class ResolveForm(forms.Form):
    outcome = forms.ChoiceField(label=_("What was done?"), choices=Outcome.choices, widget=forms.RadioSelect,
                                error_messages={"required": _("Choose what was done before resolving the alert.")})
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        # Its own ids: the note form beside it on the page has a "note" too, and a label must reach its own box.
        super().__init__(*args, auto_id="resolve_%s", **kwargs)


# Messages ------------------------------------------------------------------------------------------------------
def _body_field() -> forms.CharField:
    return forms.CharField(
        label=_("Message"), max_length=BODY_MAX, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The patient, and the relatives they allow, read it with your name and role. It cannot be "
                    "changed once sent; write a new message to correct it."),
        error_messages={"required": _("Write the message before sending it."),
                        "max_length": _("A message can be at most %(limit_value)d characters long; this one has "
                                        "%(show_value)d.")})


class ReplyForm(forms.Form):
    body = _body_field()


class StartThreadForm(forms.Form):
    """A new conversation with the patient, linked to one of their alerts when it was started from one."""

    subject = forms.CharField(
        label=_("Subject"), max_length=SUBJECT_MAX, help_text=_("The patient sees it in their list of messages."),
        error_messages={"required": _("Write what the conversation is about."),
                        "max_length": _("A subject can be at most %(limit_value)d characters long; this one has "
                                        "%(show_value)d.")})
    body = _body_field()
    alert = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, patient, *args, **kwargs):
        self.patient = patient
        super().__init__(*args, **kwargs)

    def clean(self):
        """The alert becomes the patient's own alert, or None; another patient's or an unknown one is refused in
        words above the form (a hidden field has no place of its own to say it)."""
        data = super().clean()
        code, data["alert"] = data.get("alert"), None
        if code:
            data["alert"] = patient_alert(self.patient, code)
            if data["alert"] is None:
                raise forms.ValidationError(_("We do not know this alert, so nothing was sent."))
        return data


class LinkAlertForm(forms.Form):
    """Which of the patient's alerts a conversation is about, newest first."""

    alert = forms.ModelChoiceField(
        queryset=Alert.objects.none(), label=_("Link to an alert"),
        error_messages={"required": _("Choose the alert the conversation is about."),
                        "invalid_choice": _("We do not know this alert, so nothing was linked.")})

    def __init__(self, patient, *args, **kwargs):
        super().__init__(*args, **kwargs)
        latest = Alert.objects.filter(patient=patient).order_by("-raised_at").values_list("pk", flat=True)
        field = self.fields["alert"]
        field.queryset = Alert.objects.filter(pk__in=list(latest[:LINKABLE_ALERTS])).order_by("-raised_at")
        field.to_field_name = "code"
        field.label_from_instance = lambda alert: " · ".join(
            (day_text(timezone.localdate(alert.raised_at)), str(alert.get_level_display()), alert.reason_text))


def patient_alert(patient, code: str):
    """The patient's alert with this code, or None (no such alert, another patient's, or not a code at all)."""
    try:
        return Alert.objects.filter(patient=patient, code=code).first()
    except ValidationError:
        return None
