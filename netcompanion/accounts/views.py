import math
import re

import django_otp
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from netcompanion.accounts import selectors, services
from netcompanion.accounts.decorators import patient_required, second_factor_required
from netcompanion.accounts.forms import AboutMeForm
from netcompanion.accounts.models import ApiToken, Role, User
from netcompanion.accounts.two_factor import (
    confirmed_device,
    device_to_set_up,
    finish_set_up,
    key_for_typing,
    needs_two_factor,
    qr_data_uri,
)
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
    code = forms.CharField(
        label="Code from your authenticator app", max_length=20,
        help_text="6 numbers. The app shows a new code every 30 seconds.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}))

    def __init__(self, *args, user, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.device = user, device

    def clean_code(self):
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"])
        if not re.fullmatch(rf"[0-9]{{{self.device.digits}}}", code):
            raise forms.ValidationError(f"Enter the {self.device.digits} numbers your authenticator app shows.")
        allowed, why = self.device.verify_is_allowed()
        if not allowed:
            wait = math.ceil((why["locked_until"] - timezone.now()).total_seconds())
            seconds = "second" if wait == 1 else "seconds"
            raise forms.ValidationError(f"Too many wrong codes; wait {wait} {seconds}, then type the newest code.")
        # Checks the code with the device row locked, so one code cannot be used twice at the same moment.
        verified = django_otp.verify_token(self.user, self.device.persistent_id, code)
        if verified is None:
            raise forms.ValidationError(
                "That code is not right. Type the code your app shows now; each code works only once.")
        self.device = verified
        return code


def _safe_next(request) -> str:
    url = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return url
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@never_cache
@login_required
def two_factor(request):
    """The second sign-in step: set up an authenticator app the first time, then type its code."""
    user, next_url = request.user, _safe_next(request)
    if not needs_two_factor(user) or user.is_verified():
        return redirect(next_url)
    device = confirmed_device(user)
    setting_up = device is None
    if setting_up:
        device = device_to_set_up(user)
    form = CodeForm(posted(request), user=user, device=device)
    if request.method == "POST" and form.is_valid():
        if setting_up:
            finish_set_up(form.device)
        django_otp.login(request, form.device)
        return redirect(next_url)
    context = {"form": form, "setting_up": setting_up}
    if setting_up:
        context |= {"qr": qr_data_uri(device), "key": key_for_typing(device)}
    return render(request, "accounts/two_factor.html", context, status=400 if form.errors else 200)


class TokenForm(forms.Form):
    name = forms.CharField(label="What is the token for?", max_length=60,
                           help_text="For example: my phone app. You can revoke it at any time.")


@second_factor_required
def account(request):
    form = TokenForm(posted(request))
    new_token = None
    if request.method == "POST" and form.is_valid():
        _, new_token = ApiToken.issue(request.user, form.cleaned_data["name"])
    return render(request, "accounts/account.html", {
        "form": form, "new_token": new_token, "tokens": request.user.api_tokens.active(),
        "two_factor_device": request.user.otp_device,
    }, status=400 if form.errors else 200)


@second_factor_required
@require_POST
def revoke_token(request, code):
    token = get_object_or_404(ApiToken.objects.active(), code=code, user=request.user)
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    return redirect("account")


class EmailForm(forms.Form):
    email = forms.EmailField(label="Your e-mail address",
                             help_text="We use it for password resets and the reminders you choose.",
                             error_messages={"invalid": "Enter an e-mail address, for example name@example.org."})


@second_factor_required
def change_email(request):
    form = EmailForm(posted(request), initial={"email": request.user.email})
    if request.method == "POST" and form.is_valid():
        request.user.email = form.cleaned_data["email"]
        request.user.save(update_fields=["email"])
        messages.success(request, "Your e-mail address is saved.")
        return redirect("account")
    return render(request, "accounts/email.html", {"form": form}, status=400 if form.errors else 200)


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
