from django import forms
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _


def confirm_word() -> str:
    """The word a person types to confirm the deletion, in their language ("DELETE", "RADERA")."""
    return pgettext("the word typed to confirm deleting the account", "DELETE")


class DeleteAccountForm(forms.Form):
    confirm = forms.CharField(
        max_length=20,
        help_text=_("In capital letters. This makes sure nobody deletes an account by a slip of the finger."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}))
    password = forms.CharField(
        label=_("Your current password"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Type your current password, the one you sign in with.")})

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.word = confirm_word()
        self.fields["confirm"].label = gettext("Type %(word)s to confirm") % {"word": self.word}
        self.fields["confirm"].error_messages["required"] = gettext(
            "Type the word %(word)s in capital letters to confirm.") % {"word": self.word}

    def clean_confirm(self):
        value = self.cleaned_data["confirm"].strip()
        if value != self.word:
            raise forms.ValidationError(gettext("Type the word %(word)s in capital letters to confirm. "
                                                "Nothing has been deleted.") % {"word": self.word})
        return value

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(gettext("That is not your current password. Nothing has been deleted."))
        return password
