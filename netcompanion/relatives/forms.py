from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netcompanion.accounts.models import Role, User
from netcompanion.relatives.models import PERMISSIONS, Grant, GrantStatus

NO_PERMISSION = _("Tick at least one thing they may do.")
ADD_NEEDS_DIARY = _("To add diary entries they also need to see your diary, because the form checks a new "
                    "entry against the days around it. Tick both, or only “See your diary”.")
NOT_AN_ADDRESS = _("This does not look like an e-mail address. It should look like name@example.org.")


class PermissionsForm(forms.Form):
    permissions = forms.MultipleChoiceField(
        label=_("What may they do?"), choices=list(PERMISSIONS.items()), widget=forms.CheckboxSelectMultiple,
        error_messages={"required": NO_PERMISSION},
        help_text=_("They never see your charts, lab results, medicines, symptom checks or downloads. "
                    "You can change this or withdraw access at any time."))

    def clean_permissions(self):
        chosen = self.cleaned_data["permissions"]
        if "can_add_entries" in chosen and "can_view_diary" not in chosen:
            raise forms.ValidationError(ADD_NEEDS_DIARY)
        return [name for name in PERMISSIONS if name in chosen]


class InviteForm(PermissionsForm):
    email = forms.EmailField(
        label=_("Their e-mail address"), max_length=254,
        error_messages={"required": _("Write the e-mail address of the person you want to invite."),
                        "invalid": NOT_AN_ADDRESS},
        help_text=_("We send them a link. It works once, for 14 days."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}))

    field_order = ["email", "permissions"]

    def __init__(self, *args, patient, **kwargs):
        super().__init__(*args, **kwargs)
        self.patient = patient

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if self.patient.email and email == self.patient.email.strip().lower():
            raise forms.ValidationError(_("This is your own e-mail address. Write the address of the person "
                                          "you want to share with."))
        mine = Grant.objects.filter(patient=self.patient)
        if mine.filter(status=GrantStatus.ACTIVE, relative__email__iexact=email).exists():
            raise forms.ValidationError(_("Someone with this e-mail address already has access. You can change "
                                          "what they may do on your list of relatives."))
        if mine.filter(status=GrantStatus.PENDING, email__iexact=email, expires_at__gt=timezone.now()).exists():
            raise forms.ValidationError(_("You have already invited this address and the invitation is still "
                                          "waiting. Withdraw it first if you want to send a new one."))
        return email


class RelativeSignUpForm(UserCreationForm):
    """A new account for a relative: username, e-mail and a password checked by Django's validators."""

    email = forms.EmailField(
        label=_("Your e-mail address"), max_length=254,
        error_messages={"required": _("Write your e-mail address, so that you can reset your password."),
                        "invalid": NOT_AN_ADDRESS})

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].help_text = _("The name you sign in with. Letters, digits and @ . + - _ only.")
        self.fields["username"].widget.attrs.pop("autofocus", None)
        self.fields["email"].widget.attrs.update({"autocomplete": "email"})

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("There is already an account with this e-mail address. Sign in with it "
                                          "instead."))
        return email

    def save(self, commit=True):
        user = super().save(commit=False)
        user.role = Role.RELATIVE
        if commit:
            user.save()
        return user
