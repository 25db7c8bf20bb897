from django import forms
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from netcompanion.careplan.changes import PARTS
from netcompanion.careplan.models import (
    ANSWER_MAX_LENGTH,
    CONTACT_NOTES_MAX_LENGTH,
    PART_MAX_LENGTH,
    QUESTION_MAX_LENGTH,
    ContactRole,
    phone_validator,
)

PART_HELP = {
    "diagnosis": _("A short summary of your NET in plain words: where it started, its grade, and if it has spread."),
    "goals": _("What you and your team hope the treatment will do, such as slowing the tumour down or easing "
               "symptoms."),
    "treatments": _("Treatments, scans, blood tests and follow-up visits, and how often they happen."),
    "support": _("Help to get back your strength and daily life, such as a dietitian, exercise advice, a patient "
                 "group or support with work and money."),
    "what_matters": _("The things you care about most, in your own words. Your team plans around these where "
                      "they can."),
}


def too_long(limit: int):
    """The message for text over ``limit``; Django fills in %(show_value)s, the length it has."""
    return format_lazy(_("Please keep this to {limit} characters or fewer (it has %(show_value)s)."),
                       limit=lazy(number_format, str)(limit, force_grouping=True))


class VersionField(forms.IntegerField):
    """The plan version a form started from, carried through the page so a stale save can be noticed.

    A missing or altered value becomes None, which the services treat as out of date: the person then
    sees the current text next to their own, instead of an error they cannot fix.
    """

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        try:
            number = int(str(value).strip())
        except (TypeError, ValueError):
            return None
        return number if number >= 0 else None


class VersionOnlyForm(forms.Form):
    version = VersionField()


class PartForm(VersionOnlyForm):
    """One written part of the plan, such as the goals of treatment."""

    def __init__(self, *args, part: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.part = part
        self.fields[part] = forms.CharField(
            label=_(PARTS[part]), required=False, max_length=PART_MAX_LENGTH, help_text=PART_HELP[part],
            widget=forms.Textarea(attrs={"rows": 8}),
            error_messages={"max_length": too_long(PART_MAX_LENGTH)})

    @property
    def text(self) -> str:
        return self.cleaned_data[self.part]


class ContactForm(VersionOnlyForm):
    name = forms.CharField(
        label=_("Name"), max_length=200,
        help_text=_("A person, such as your contact nurse, or a place, such as the NET centre."),
        error_messages={"required": _("Please write a name, for example the name of your contact nurse."),
                        "max_length": too_long(200)})
    role = forms.ChoiceField(label=_("Role"), choices=ContactRole.choices, initial=ContactRole.OTHER)
    phone = forms.CharField(
        label=_("Phone number"), required=False, max_length=40, validators=[phone_validator],
        help_text=_("For example +46 8 123 45 67."),
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "off"}),
        error_messages={"max_length": _("Please check the phone number: it is too long.")})
    email = forms.EmailField(
        label=_("E-mail address"), required=False, widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        error_messages={"invalid": _("This does not look like an e-mail address. Please check it.")})
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=CONTACT_NOTES_MAX_LENGTH,
        help_text=_("For example when to call, or what this person helps with."),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": too_long(CONTACT_NOTES_MAX_LENGTH)})


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Your question"), max_length=QUESTION_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Write it the way you would ask it. You can tick it off at the visit."),
        error_messages={"required": _("Please write your question first."),
                        "max_length": too_long(QUESTION_MAX_LENGTH)})


class AskedForm(forms.Form):
    answer = forms.CharField(
        label=_("What was the answer? (optional)"), required=False, max_length=ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A short note helps you remember what was said."),
        error_messages={"max_length": too_long(ANSWER_MAX_LENGTH)})
