from django import forms
from django.utils.translation import gettext_lazy as _

from netcompanion.conversations.models import BODY_MAX, SUBJECT_MAX

_BODY_ERRORS = {"required": _("Write your message."),
                "max_length": _("A message can be at most %(limit_value)d characters long; this one has "
                                "%(show_value)d.")}


class ReplyForm(forms.Form):
    """A message in a thread."""

    body = forms.CharField(label=_("Your message"), max_length=BODY_MAX, widget=forms.Textarea(attrs={"rows": 6}),
                           error_messages=_BODY_ERRORS)


class ComposeForm(ReplyForm):
    subject = forms.CharField(label=_("What is it about?"), max_length=SUBJECT_MAX,
                              help_text=_("A few words, for example “My injection” or “Tiredness”."),
                              error_messages={"required": _("Write what your message is about."),
                                              "max_length": _("A subject can be at most %(limit_value)d characters "
                                                              "long; this one has %(show_value)d.")})

    field_order = ["subject", "body"]
