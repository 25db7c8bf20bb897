from django import forms
from django.utils.translation import gettext_lazy as _

from netcompanion.guide.services import MAX_QUESTION_LENGTH


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Your question"),
        strip=True,
        max_length=MAX_QUESTION_LENGTH,
        error_messages={
            "required": _("Type a question or a few words, for example: what can't I eat before the urine test."),
            # The length check fills in %(limit_value)d when it refuses the question.
            "max_length": _("Please shorten your question to %(limit_value)d characters or fewer."),
        },
    )
