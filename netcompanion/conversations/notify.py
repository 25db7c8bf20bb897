"""Telling people that a message is waiting for them, after the commit (``actions.start`` and ``actions.reply``
hand it over).

A message from the care team goes to the patient and to each relative whose active grant lets them read and write
the patient's messages: an e-mail, and a notification on the patient's devices (the reminders' devices and push,
``reminders.push``) unless they chose no notifications or are in their quiet hours, both on the reminders page. No
notification is postponed: the e-mail still goes, says the same, and is read when they choose. A message from the
patient or a relative goes to the care team assigned to the patient, each at their own address; when none of them
has one, to the team's address (``ALERT_EMAIL``, where new alerts are announced), so a message is never left
unannounced.

What is sent says only that there is a new message, with a link to where it is read, behind sign-in: never the
subject, the text, a symptom, a diagnosis, or (to a relative or the team) the patient's name. An e-mail's subject
and a notification are read on lock screens and by anyone near the inbox. Each goes in the language its reader
chose (``User.language``, else the site's), since nothing here runs inside the reader's request. A failure is
logged and the rest still go: the message is saved and shows in the app's unread counts and the team's queue
whatever happens here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from netcompanion.accounts.models import STAFF_ROLES, User
from netcompanion.conversations.models import Message
from netcompanion.core.urls import site_url
from netcompanion.relatives.models import Grant
from netcompanion.reminders import push
from netcompanion.reminders import services as reminders
from netcompanion.reminders.models import PushSubscription

log = logging.getLogger(__name__)

PUSH_TAG = "netcompanion-message"


def message_sent(message: Message) -> None:
    """Announces ``message`` to whoever it is for. Never raises: it runs after the commit."""
    try:
        if message.author_role in STAFF_ROLES:
            _tell_the_patient_side(message)
        else:
            _tell_the_team(message)
    except Exception:  # noqa: BLE001 - the message is saved and shows in the app; a lost notice must not fail the page
        log.exception("Could not announce message %s", message.code)


# The patient and their relatives -----------------------------------------------------------------------------

def _tell_the_patient_side(message: Message) -> None:
    patient = User.objects.get(pk=message.thread.patient_id)
    if patient.is_active:
        _mail(patient, for_patient, reverse("conversations:index"))
        _push(patient)
    # The relatives the patient lets read and write their messages, each to their own list of the patient's threads.
    for grant in Grant.objects.active().filter(patient=patient, can_message_team=True).select_related("relative"):
        if grant.relative.is_active:
            _mail(grant.relative, for_relative, reverse("conversations:relative_index", args=[grant.code]))


def for_patient() -> str:
    return gettext("You have a new message from your care team in NET Companion.")


def for_relative() -> str:
    return gettext("There is a new message from the care team in NET Companion.")


def _push(patient: User) -> None:
    """A notification on each of the patient's devices, if they have push on and are not in their quiet hours."""
    if not push.enabled():
        return
    preference = reminders.preferences_for(patient)
    quiet = preference.quiet_hours
    if not preference.by_push or (quiet and quiet.contains(timezone.now(), timezone.get_current_timezone())):
        return
    gone = []
    with translation.override(patient.language or settings.LANGUAGE_CODE):
        payload = {"title": "NET Companion", "body": for_patient(), "url": reverse("conversations:index"),
                   "tag": PUSH_TAG}
    for device in reminders.devices_of(patient):
        try:
            push.send(device.info(), payload)
        except push.Gone:
            gone.append(device.pk)
        except Exception:  # noqa: BLE001 - one push service down must not stop the others
            log.exception("Could not push a new-message notice to a device of patient %s", patient.code)
    if gone:
        PushSubscription.objects.filter(pk__in=gone).delete()


# The care team -----------------------------------------------------------------------------------------------

def _assigned_staff(patient_id: int) -> list[User]:
    """The nurses and doctors assigned to the patient now, read through the user's side of the assignment (this
    app does not import the care team's)."""
    return list(User.objects.filter(role__in=STAFF_ROLES, is_active=True, assignments__patient_id=patient_id,
                                    assignments__ended_at__isnull=True).distinct().order_by("pk"))


def _tell_the_team(message: Message) -> None:
    staff = [s for s in _assigned_staff(message.thread.patient_id) if s.email.strip()]
    if staff:
        for member in staff:
            _mail(member, for_team, reverse("careteam:messages"))
    elif settings.ALERT_EMAIL:
        _send(settings.ALERT_EMAIL, settings.LANGUAGE_CODE, for_team, reverse("careteam:messages"),
              "the team's address")
    else:
        log.warning("Nobody was told of message %s: no assigned nurse or doctor has an e-mail address and "
                    "ALERT_EMAIL is not set. It waits in the queue.", message.code)


def for_team() -> str:
    return gettext("There is a new message from a patient in your list, or from their relative, in NET Companion.")


# Sending -----------------------------------------------------------------------------------------------------

def _mail(user: User, sentence: Callable[[], str], path: str) -> None:
    if user.email.strip():
        _send(user.email, user.language or settings.LANGUAGE_CODE, sentence, path, f"{user.role} {user.code}")


def _send(address: str, language: str, sentence: Callable[[], str], path: str, whom: str) -> None:
    """``sentence`` is called inside the reader's language; ``path`` is the page to read it on, behind sign-in."""
    try:
        with translation.override(language):
            send_mail(gettext("New message in NET Companion"), body(sentence(), path), None, [address])
    except Exception:  # noqa: BLE001 - one bad address or a mail-server hiccup must not stop the others
        log.exception("Could not e-mail a new-message notice to %s", whom)


def body(sentence: str, path: str) -> str:
    return (gettext("Hello,\n\n%(sentence)s\n\nSign in to read it: %(url)s\n\n"
                    "This e-mail says nothing more on purpose: e-mail is not a safe place for health details.\n")
            % {"sentence": sentence, "url": site_url() + path})

