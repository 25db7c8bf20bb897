"""The patient's and the relative's pages of their conversations with the care team.

A patient reads and writes their own threads (``/my/messages/``); a relative those of a patient whose grant lets
them (``/relatives/<grant code>/messages/``), each page logged in the grant's activity for the patient. Both see
the same pages, built by the same functions on a ``Side``. Before a message is stored, its text is read for red
flags: if the navigator would send the person for help today, nothing is stored until they have read that advice
and chosen to send it anyway.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from netcompanion.accounts.decorators import patient_required
from netcompanion.accounts.models import User
from netcompanion.conversations import access, actions, selectors, services
from netcompanion.conversations.advice import red_flag_advice, written
from netcompanion.conversations.forms import ComposeForm, ReplyForm
from netcompanion.conversations.models import Thread
from netcompanion.conversations.wording import before_writing
from netcompanion.core.pages import posted, sent_or_refused
from netcompanion.relatives import services as relatives
from netcompanion.relatives.models import ActivityAction, Grant
from netcompanion.relatives.views import relative_side
from netcompanion.triage.rules import GETTING_HELP


@dataclass(frozen=True)
class Side:
    """Whose threads, and through which grant (None for the patient themselves): the URLs and the activity log."""

    patient: User
    grant: Grant | None = None

    def url(self, name: str, *args) -> str:
        if self.grant is None:
            return reverse(f"conversations:{name}", args=args)
        return reverse(f"conversations:relative_{name}", args=[self.grant.code, *args])

    def log(self, reader, action: str) -> None:
        if self.grant is not None:
            relatives.log(self.grant, reader, action)

    def threads(self):
        return selectors.threads_for_patient(self.patient)

    def thread(self, code) -> Thread:
        if self.grant is None:
            return access.own_thread(self.patient, code)
        return access.granted_thread(self.grant, code)


def _own(request) -> Side:
    return Side(request.user)


def _granted(request, grant_code) -> Side:
    grant = access.granted(request.user, grant_code)
    return Side(grant.patient, grant)


def _context(side: Side, **extra) -> dict:
    return {"side": side, "grant": side.grant, "patient_name": side.patient.display_name,
            "list_url": side.url("index"), "new_url": side.url("new"), **extra}


def _warning(request, side: Side, form) -> dict | None:
    """The navigator's advice for the highest red flag in what was written, in the writer's country; None when
    there is none or the writer has read it and chose to send anyway (the advice's "Send it anyway" button posts
    ``confirmed=1``)."""
    if request.POST.get("confirmed") == "1":
        return None
    text = written(form.cleaned_data["body"], form.cleaned_data.get("subject", ""))
    if (advice := red_flag_advice(text, request.user, side.patient)) is None:
        return None
    return {"a": advice.shown, "places": advice.shown["places"], "getting_help": advice.level in GETTING_HELP,
            "flag_reasons": advice.reasons}


def _sent(form, send):
    """What ``send`` returns, or None when the service refused the text (its words are then the form's errors); a
    relative whose access ended meanwhile gets "not found"."""
    try:
        return sent_or_refused(form, send)
    except relatives.AccessEnded:
        raise Http404("Access has ended") from None


# --- The list and a new thread --------------------------------------------------------------------------------

def _index(request, side: Side):
    threads = list(services.with_unread(request.user, side.threads()))
    side.log(request.user, ActivityAction.VIEWED_MESSAGES)
    for thread in threads:
        thread.url = side.url("thread", thread.code)
    return render(request, "conversations/index.html", _context(side, threads=threads))


def _compose(request, side: Side):
    form = ComposeForm(posted(request))
    warning = None
    if request.method == "POST" and form.is_valid():
        warning = _warning(request, side, form)
        data = form.cleaned_data
        if warning is None and (thread := _sent(form, lambda: actions.start(
                side.patient, request.user, data["subject"], data["body"], grant=side.grant))):
            messages.success(request, gettext("Your message is sent. The care team sees it with your name."))
            return redirect(side.url("thread", thread.code))
    return render(request, "conversations/compose.html", _context(
        side, form=form, warning=warning, before=before_writing(request.user.country, timezone.now())),
        status=400 if form.errors else 200)


# --- A thread ------------------------------------------------------------------------------------------------

def _shown(side: Side, thread: Thread, reader) -> list:
    shown = list(selectors.messages_of(thread))
    for message in shown:
        message.withdrawn = getattr(message, "withdrawal", None)
        message.may_withdraw = message.author_id == reader.pk and message.withdrawn is None
        message.withdraw_url = side.url("withdraw", thread.code, message.code)
    return shown


def _thread(request, side: Side, code):
    thread = side.thread(code)
    form, warning = ReplyForm(posted(request)), None
    if request.method == "POST" and form.is_valid():
        warning = _warning(request, side, form)
        if warning is None and _sent(form, lambda: actions.reply(thread, request.user, form.cleaned_data["body"],
                                                                 grant=side.grant)):
            messages.success(request, gettext("Your message is sent."))
            return redirect(side.url("thread", thread.code))
    now = timezone.now()
    services.mark_read(thread, request.user, now)
    side.log(request.user, ActivityAction.VIEWED_MESSAGES)
    return render(request, "conversations/thread.html", _context(
        side, thread=thread, shown=_shown(side, thread, request.user), form=form, warning=warning,
        before=before_writing(request.user.country, now)), status=400 if form.errors else 200)


def _withdraw(request, side: Side, code, message_code):
    thread = side.thread(code)
    message = access.own_message(thread, message_code)
    if message.author_id != request.user.pk:
        raise Http404("Only the author withdraws a message")
    back = side.url("thread", thread.code)
    if request.method == "POST":
        try:
            services.withdraw(message, request.user)
        except services.NotWithdrawable:
            messages.info(request, gettext("That message was already withdrawn."))
        else:
            messages.success(request, gettext("Your message is withdrawn. It stays in the conversation, folded "
                                              "away, marked as withdrawn by you."))
        return redirect(back)
    return render(request, "conversations/withdraw.html", _context(side, thread=thread, message=message,
                                                                   back=back))


# --- The patient's pages -------------------------------------------------------------------------------------

@patient_required
def index(request):
    return _index(request, _own(request))


@patient_required
def new(request):
    return _compose(request, _own(request))


@patient_required
def thread(request, code):
    return _thread(request, _own(request), code)


@patient_required
def withdraw(request, code, message_code):
    return _withdraw(request, _own(request), code, message_code)


# --- The relative's pages ------------------------------------------------------------------------------------

@relative_side
def relative_index(request, grant):
    return _index(request, _granted(request, grant))


@relative_side
def relative_new(request, grant):
    return _compose(request, _granted(request, grant))


@relative_side
def relative_thread(request, grant, code):
    return _thread(request, _granted(request, grant), code)


@relative_side
def relative_withdraw(request, grant, code, message_code):
    return _withdraw(request, _granted(request, grant), code, message_code)
