"""The current password, asked before a change that could hand the account to someone else (a new password, a new
e-mail address, which password resets go to). A session that types it wrong CURRENT_PASSWORD_TRIES times is signed
out, so someone holding a stolen session cannot guess it: to try again they must sign in, where django-axes pauses
wrong passwords."""

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.utils.translation import gettext, gettext_lazy

CURRENT_PASSWORD_TRIES = 3
WRONG = "wrong_current_passwords"  # session key: how many wrong current passwords this session typed


def is_right(request, password: str) -> bool:
    """Whether ``password`` is the signed-in person's; a wrong one counts towards signing the session out."""
    if request.user.check_password(password):
        request.session.pop(WRONG, None)
        return True
    request.session[WRONG] = request.session.get(WRONG, 0) + 1
    return False


def signed_out_after_wrong_passwords(request):
    """The sign-in page, after signing the session out, once it has typed CURRENT_PASSWORD_TRIES wrong current
    passwords; else None."""
    if request.session.get(WRONG, 0) < CURRENT_PASSWORD_TRIES:
        return None
    path = request.get_full_path()
    logout(request)
    messages.error(request, gettext("The password was wrong %(n)s times, so we signed you out to keep your account "
                                    "safe. Sign in again to continue.") % {"n": CURRENT_PASSWORD_TRIES})
    return redirect_to_login(path)


class CurrentPasswordField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(label=gettext_lazy("Your current password"), strip=False,
                         widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}), **kwargs)


WRONG_PASSWORD = gettext_lazy("That is not your current password. Please type it again.")


class AsksCurrentPassword:
    """For a form that asks for the current password: pass ``request``; its ``clean_<field>`` returns
    ``self.checked(<field>)``."""

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def checked(self, field: str) -> str:
        password = self.cleaned_data[field]
        if not is_right(self.request, password):
            raise forms.ValidationError(WRONG_PASSWORD, code="password_incorrect")
        return password
