"""The two shapes most pages that change a record share, so a view says only what is its own.

A form page: a GET shows the form, a valid POST saves, says so and goes back, a POST with errors shows
the form again with 400. A confirmation page: a GET asks, a POST does it, says so and goes back.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from netcompanion.core.records import Taken


def posted(request):
    """The form's data on a POST and None on a GET, so a GET shows an unbound form with no errors."""
    return request.POST if request.method == "POST" else None


def sent_or_refused(form, send: Callable[[], Any]) -> Any:
    """What ``send`` returns, or None when a service refused the data (``ValidationError`` naming fields): then its
    words are the form's errors, at the field they name or above the form, and nothing was stored."""
    try:
        return send()
    except ValidationError as refused:
        for field, errors in refused.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    return None


def form_page(request, form, template: str, context: dict | None = None, *, save: Callable[[dict], Any],
              message: str | Callable[[Any], str], success_url: str | Callable[[Any], str]):
    """``save`` gets the cleaned data; ``message`` and ``success_url`` may be functions of what it returned (to name
    the record, or go to its page). A save another request beat to the same place (``records.Taken``) shows the
    form again with the problem at its field, as if the form's own checks had found it."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form.cleaned_data)
        except Taken as taken:
            for field, problem in taken.problems:
                form.add_error(field, problem)
        else:
            messages.success(request, message(saved) if callable(message) else message)
            return redirect(success_url(saved) if callable(success_url) else success_url)
    return render(request, template, {"form": form, **(context or {})}, status=400 if form.errors else 200)


def change_page(request, form, template: str, context: dict | None = None, *, save: Callable[[dict], Any],
                success_url: str):
    """A form page that changes a record whose versions are kept, and says that the earlier one still is."""
    return form_page(request, form, template, context, save=save, success_url=success_url,
                     message=gettext("Your changes are saved. The earlier version is kept in the history."))


def confirm_page(request, template: str, context: dict, *, act: Callable[[], Any], message: str,
                 success_url: str):
    """``act`` runs only on a POST, so following a link never deletes anything."""
    if request.method == "POST":
        act()
        messages.success(request, message)
        return redirect(success_url)
    return render(request, template, context)
