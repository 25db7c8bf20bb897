import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinLengthValidator
from django.utils.translation import gettext_lazy as _

from netcompanion.stories.models import Story, Teller

MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?]")


def plain_text(value: str) -> None:
    if MARKUP.search(value):
        raise ValidationError(
            _("Please write plain text only. Remove anything that looks like code in angle brackets, such as <script>.")
        )


class StoryForm(forms.ModelForm):
    consent_to_publish = forms.BooleanField(
        required=True,
        label=_("I agree that NET Companion may publish this story on its website."),
        error_messages={"required": _("We can only publish your story if you agree. Please tick the box.")},
    )

    class Meta:
        model = Story
        fields = ["title", "body", "author_name", "teller", "contact_email", "consent_to_publish"]
        labels = {
            "title": _("Title of your story"),
            "body": _("Your story"),
            "author_name": _("Name to show (optional)"),
            "teller": _("Who are you?"),
            "contact_email": _("Your e-mail (optional)"),
        }
        help_texts = {
            "body": _("Between 100 and 6,000 characters. Please leave out details that could identify other people."),
            "author_name": _("A first name or a nickname. Leave it empty to stay anonymous."),
            "contact_email": _("Only our moderators see it, if they need to ask you something."),
        }
        widgets = {"body": forms.Textarea(attrs={"rows": 12}), "teller": forms.RadioSelect}
        error_messages = {
            "title": {"required": _("Please give your story a title.")},
            "body": {"required": _("Please write your story.")},
            "teller": {"required": _("Please tell us who you are.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only real answers: a pre-selected blank ("---------") would read as an answer already given.
        self.fields["teller"].choices = Teller.choices
        for name in ("title", "body", "author_name"):
            self.fields[name].validators.append(plain_text)
        self.fields["body"].validators.append(MinLengthValidator(
            100, _("Please write at least 100 characters, so readers can follow your story.")))
