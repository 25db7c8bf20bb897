import math
import re

import django_otp
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView, PasswordChangeView
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext, gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from netcompanion.accounts import current_password, selectors, services, two_factor
from netcompanion.accounts.client_ip import client_ip
from netcompanion.accounts.decorators import patient_required, second_factor_required
from netcompanion.accounts.forms import AboutMeForm
from netcompanion.accounts.models import ApiToken, Role, User
from netcompanion.accounts.two_factor import needs_two_factor
from netcompanion.core.history import history_page
from netcompanion.core.pages import posted


class SignInView(LoginView):
    """Django's sign-in page; whoever needs two-factor sign-in goes on to the code step before anything else."""

    def get_success_url(self):
        url = super().get_success_url()
        if needs_two_factor(self.request.user):
            return f"{reverse('two_factor')}?{urlencode({'next': url})}"
        return url


class CodeForm(forms.Form):
    """The code step. ``device`` is the confirmed authenticator, or while setting up the unsaved one holding this
    session's key (``setting_up``); a recovery code works in place of an authenticator's code, but not while setting
    up. Every wrong code, of either kind, counts towards the pause (two_factor.wait_seconds)."""

    code = forms.CharField(
        label=gettext_lazy("Code from your authenticator app"), max_length=40,
        help_text=gettext_lazy("6 numbers. The app shows a new code every 30 seconds."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}))

    def __init__(self, *args, request, device, setting_up, **kwargs):
        super().__init__(*args, **kwargs)
        self.request, self.device, self.setting_up = request, device, setting_up
        self.step = None
        if not setting_up:
            self.fields["code"].help_text = gettext_lazy(
                "6 numbers. The app shows a new code every 30 seconds. No phone? Type one of your recovery codes.")
            self.fields["code"].widget.attrs.pop("inputmode")

    def clean_code(self):
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"]).lower()
        numbers = re.fullmatch(rf"[0-9]{{{self.device.digits}}}", code)
        recovery = not self.setting_up and re.fullmatch(r"[a-z2-7]{8}", code)
        if not numbers and not recovery:
            raise forms.ValidationError(
                gettext("Enter the %(digits)s numbers your authenticator app shows.") % {"digits": self.device.digits}
                if self.setting_up else gettext("Enter the %(digits)s numbers your authenticator app shows, or one "
                                                "of your recovery codes.") % {"digits": self.device.digits})
        user, address = self.request.user, client_ip(self.request)
        with transaction.atomic():
            User.objects.select_for_update().filter(pk=user.pk).first()  # one try at a time per account
            wait = two_factor.wait_seconds(user, address)
            right = not wait and self._right(code, numbers)
            if right:
                two_factor.right_code(user, address)
            elif not wait:
                two_factor.wrong_code(user, address)
        if wait:
            raise forms.ValidationError(_wait_message(wait))
        if not right:
            raise forms.ValidationError(
                gettext("That code is not right. Type the code your app shows now; each code works only once."))
        return code

    def _right(self, code: str, numbers) -> bool:
        if self.setting_up:
            self.step = two_factor.matching_step(self.device, code)
            return self.step is not None
        if not numbers:
            self.device = two_factor.recovery_device(self.request.user)
            return self.device is not None and self.device.verify_token(code)
        self.device.refresh_from_db()  # the last used step as of the lock, so a code cannot work twice
        return self.device.verify_token(code)


def _wait_message(seconds: int) -> str:
    if seconds >= 120:
        minutes = math.ceil(seconds / 60)
        return ngettext("Too many wrong codes; wait %(n)s minute, then type the newest code.",
                        "Too many wrong codes; wait %(n)s minutes, then type the newest code.",
                        minutes) % {"n": minutes}
    return ngettext("Too many wrong codes; wait %(n)s second, then type the newest code.",
                    "Too many wrong codes; wait %(n)s seconds, then type the newest code.", seconds) % {"n": seconds}


def _safe_next(request, url: str, fallback: str = settings.LOGIN_REDIRECT_URL) -> str:
    """``url`` when it stays on this site, else the fallback: a "next" from a link or form never leads elsewhere."""
    if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return url
    return resolve_url(fallback)


@login_required
def two_factor_step(request):
    """The second sign-in step: set up an authenticator app the first time, then type its code.

    While setting up, each GET shows this session a new key (two_factor.new_pending_key); a wrong code shows the
    same key again, and the right one turns the device on and shows the recovery codes, once."""
    user, next_url = request.user, _safe_next(request, request.GET.get("next", ""))
    if not needs_two_factor(user) or user.is_verified():
        return redirect(next_url)
    device = two_factor.confirmed_device(user)
    setting_up = device is None
    if setting_up:
        posted_key = request.method == "POST" and two_factor.pending_device(request)
        device = posted_key or two_factor.new_pending_key(request)
    form = CodeForm(posted(request), request=request, device=device, setting_up=setting_up)
    if request.method == "POST" and form.is_valid():
        if setting_up:
            device, codes = two_factor.finish_set_up(request, form.step)
            django_otp.login(request, device)
            return render(request, "accounts/recovery_codes.html", {"codes": codes, "next_url": next_url})
        django_otp.login(request, form.device)
        return redirect(next_url)
    context = {"form": form, "setting_up": setting_up}
    if setting_up:
        context |= {"qr": two_factor.qr_data_uri(device), "key": two_factor.key_for_typing(device)}
    return render(request, "accounts/two_factor.html", context, status=400 if form.errors else 200)


@second_factor_required
def recovery_codes(request):
    """New recovery codes, shown once; the old ones stop working. Only for someone with an authenticator."""
    if not needs_two_factor(request.user) or two_factor.confirmed_device(request.user) is None:
        return redirect("account")
    if request.method == "POST":
        codes = two_factor.new_recovery_codes(request.user)
        return render(request, "accounts/recovery_codes.html", {"codes": codes, "next_url": reverse("account")})
    return render(request, "accounts/recovery_codes.html", {"left": two_factor.recovery_codes_left(request.user)})


class TokenForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("What is the token for?"), max_length=60,
                           help_text=gettext_lazy("For example: my phone app. You can revoke it at any time."))


@second_factor_required
def account(request):
    form = TokenForm(posted(request))
    new_token = None
    if request.method == "POST" and form.is_valid():
        _, new_token = ApiToken.issue(request.user, form.cleaned_data["name"])
    return render(request, "accounts/account.html", {
        "form": form, "new_token": new_token, "tokens": request.user.api_tokens.active(),
        "two_factor_device": two_factor.confirmed_device(request.user),
        "recovery_codes_left": two_factor.recovery_codes_left(request.user),
    }, status=400 if form.errors else 200)


@second_factor_required
@require_POST
def revoke_token(request, code):
    token = get_object_or_404(ApiToken.objects.active(), code=code, user=request.user)
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    return redirect("account")


class EmailForm(current_password.AsksCurrentPassword, forms.Form):
    """A new e-mail address, with the current password: password resets go to it (current_password)."""

    email = forms.EmailField(label=gettext_lazy("Your e-mail address"),
                             help_text=gettext_lazy("We use it for password resets and the reminders you choose."),
                             error_messages={"invalid": gettext_lazy(
                                 "Enter an e-mail address, for example name@example.org.")})
    password = current_password.CurrentPasswordField(
        help_text=gettext_lazy("So that nobody else who finds your account open can change where password resets "
                               "go."))

    def clean_password(self):
        return self.checked("password")


@second_factor_required
def change_email(request):
    form = EmailForm(posted(request), initial={"email": request.user.email}, request=request)
    if request.method == "POST" and form.is_valid():
        services.change_email(request.user, form.cleaned_data["email"])
        messages.success(request, gettext("Your e-mail address is saved."))
        return redirect("account")
    return (current_password.signed_out_after_wrong_passwords(request)
            or render(request, "accounts/email.html", {"form": form}, status=400 if form.errors else 200))


class PasswordChangeForm(current_password.AsksCurrentPassword, auth_forms.PasswordChangeForm):
    """Django's form, with wrong current passwords counted towards signing the session out."""

    def clean_old_password(self):
        return self.checked("old_password")


class PasswordChange(PasswordChangeView):
    form_class = PasswordChangeForm

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"request": self.request}

    def form_invalid(self, form):
        return current_password.signed_out_after_wrong_passwords(self.request) or super().form_invalid(form)


class ContactForm(forms.ModelForm):
    """The patient's phone number and how they would like the care team to reach them, shown on the team's alert
    pages."""

    class Meta:
        model = User
        fields = ["phone", "preferred_contact"]
        labels = {"phone": gettext_lazy("Your phone number"),
                  "preferred_contact": gettext_lazy("How would you like your care team to reach you?")}
        help_texts = {"phone": gettext_lazy("Your care team sees it when something you report needs their "
                                            "attention. Leave it empty if you would rather not give it.")}
        widgets = {"phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
                   "preferred_contact": forms.RadioSelect}
        error_messages = {"phone": {"max_length": gettext_lazy("Please check the phone number: it is too long.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_contact"].choices = [("", gettext("No preference")),
                                                    *self.fields["preferred_contact"].choices[1:]]


@patient_required
def change_contact(request):
    form = ContactForm(posted(request), instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, gettext("Your contact details are saved."))
        return redirect("account")
    return render(request, "accounts/contact.html", {"form": form}, status=400 if form.errors else 200)


@second_factor_required
def about_me(request):
    """The person's country (everyone: the emergency number follows it) and, for a patient, what the symptom
    check would otherwise ask each time."""
    user, patient = request.user, request.user.role == Role.PATIENT
    about = selectors.about_me(user) if patient else None
    form = AboutMeForm(posted(request), initial={"country": user.country}, patient=patient,
                       today=timezone.localdate(), about=about)
    if request.method == "POST" and form.is_valid():
        services.save_about_me(user, form.cleaned_data["country"], form.facts())
        messages.success(request, gettext("Your details are saved."))
        return redirect("account")
    return render(request, "accounts/about_me.html", {"form": form, "about": about, "patient": patient},
                  status=400 if form.errors else 200)


@patient_required
def about_me_history(request):
    about = selectors.about_me(request.user)
    if about is None:
        return redirect("about_me")
    return history_page(request, about, title=gettext("History of “About me”"),
                        heading=gettext("History of “About me”"), back_url=reverse("about_me"),
                        back_text=gettext("Back to About me"))


@require_POST
def choose_language(request):
    """The header's language switch, without JavaScript: Django's set_language keeps the choice in a cookie and
    goes back to the page; a signed-in person's choice is saved too, so it follows them to other devices and into
    the e-mails and reminders they are sent. An unknown language changes nothing and says so."""
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        messages.error(request, gettext("That language is not available. Choose one of the languages listed."))
        return redirect(_safe_next(request, request.POST.get("next", ""), "home"))
    if request.user.is_authenticated:
        services.choose_language(request.user, language)
    return set_language(request)
