from django import forms

CONFIRM_WORD = "DELETE"


class DeleteAccountForm(forms.Form):
    confirm = forms.CharField(
        label=f"Type {CONFIRM_WORD} to confirm", max_length=20,
        help_text="In capital letters. This makes sure nobody deletes an account by a slip of the finger.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
        error_messages={"required": f"Type the word {CONFIRM_WORD} in capital letters to confirm."})
    password = forms.CharField(
        label="Your current password", strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Type your current password, the one you sign in with."})

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_confirm(self):
        value = self.cleaned_data["confirm"].strip()
        if value != CONFIRM_WORD:
            raise forms.ValidationError(f"Type the word {CONFIRM_WORD} in capital letters to confirm. "
                                        "Nothing has been deleted.")
        return value

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your current password. Nothing has been deleted.")
        return password
