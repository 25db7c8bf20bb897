from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from netcompanion.accounts.models import ApiToken


class TokenForm(forms.Form):
    name = forms.CharField(label="What is the token for?", max_length=60,
                           help_text="For example: my phone app. You can revoke it at any time.")


@login_required
def account(request):
    form = TokenForm(request.POST if request.method == "POST" else None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        _, new_token = ApiToken.issue(request.user, form.cleaned_data["name"])
    return render(request, "accounts/account.html", {
        "form": form, "new_token": new_token, "tokens": request.user.api_tokens.active(),
    }, status=400 if form.errors else 200)


@login_required
@require_POST
def revoke_token(request, code):
    token = get_object_or_404(ApiToken.objects.active(), code=code, user=request.user)
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    return redirect("account")


class EmailForm(forms.Form):
    email = forms.EmailField(label="Your e-mail address", help_text="We use it for password resets and the reminders you choose.",
                             error_messages={"invalid": "Enter an e-mail address, for example name@example.org."})


@login_required
def change_email(request):
    form = EmailForm(request.POST if request.method == "POST" else None, initial={"email": request.user.email})
    if request.method == "POST" and form.is_valid():
        request.user.email = form.cleaned_data["email"]
        request.user.save(update_fields=["email"])
        messages.success(request, "Your e-mail address is saved.")
        return redirect("account")
    return render(request, "accounts/email.html", {"form": form}, status=400 if form.errors else 200)
