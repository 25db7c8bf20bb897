"""Every write about relatives' access goes through here, and each one leaves an activity row behind."""

from __future__ import annotations

import secrets
from enum import Enum

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from netcompanion.accounts.models import Role
from netcompanion.diary import services as diary_services
from netcompanion.relatives.models import PERMISSIONS, Activity, ActivityAction, Grant, GrantStatus


class Invitation(Enum):
    """What an invitation link is worth when someone opens it."""

    VALID = "valid"
    UNKNOWN = "unknown"
    USED = "used"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"


REFUSALS = {
    Invitation.UNKNOWN: gettext_lazy("This invitation link does not work. Check that you copied the whole link "
                                     "from the e-mail. If it still does not work, ask the person who invited you "
                                     "to send a new invitation."),
    Invitation.USED: gettext_lazy("This invitation has already been used: each link works only once. If you "
                                  "accepted it, sign in to see what is shared with you. If not, ask the person who "
                                  "invited you to send a new invitation."),
    Invitation.EXPIRED: gettext_lazy("This invitation has expired: links work for 14 days. Ask the person who "
                                     "invited you to send a new one."),
    Invitation.WITHDRAWN: gettext_lazy("The person who sent this invitation has withdrawn it, so it no longer "
                                       "works."),
}


class CannotAccept(Exception):
    """This account may not take this invitation. Nothing was changed."""


def is_staff_account(user) -> bool:
    return user.is_care_team or user.role == Role.ADMIN or user.is_staff or user.is_superuser


def log(grant: Grant, actor, action: str, *, entry=None, facts: dict | None = None) -> Activity:
    return Activity.objects.create(grant=grant, actor=actor, actor_name=actor.display_name, action=action,
                                   entry=entry, entry_date=entry.date if entry else None, facts=facts or {})


def check_permissions(permissions: list[str]) -> None:
    if not permissions or not set(permissions) <= set(PERMISSIONS):
        raise ValueError("Give at least one known permission.")
    if "can_add_entries" in permissions and "can_view_diary" not in permissions:
        raise ValueError("Adding diary entries needs seeing the diary too.")


# --- The patient's side ---------------------------------------------------------------------------

@transaction.atomic
def invite(patient, email: str, permissions: list[str]) -> tuple[Grant, str]:
    """Creates a pending grant and returns it with the one-time token (only its hash is stored)."""
    if patient.role != Role.PATIENT:
        raise ValueError("Only a patient can share their record.")
    check_permissions(permissions)
    if patient.email and email.casefold() == patient.email.casefold():
        raise ValueError("A patient cannot invite themselves.")
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    grant = Grant.objects.create(patient=patient, email=email, token_digest=Grant.hash(token), invited_at=now,
                                 expires_at=Grant.expiry_from(now), **{p: p in permissions for p in PERMISSIONS})
    log(grant, patient, ActivityAction.INVITED, facts={"email": email, "permissions": permissions})
    return grant, token


def send_invitation(grant: Grant, link: str) -> None:
    """Sends the invitation e-mail. Raises if the mail server refuses it."""
    context = {"grant": grant, "patient_name": grant.patient.display_name, "link": link,
               "permissions": grant.labels_for_relative, "days": (grant.expires_at - grant.invited_at).days}
    send_mail(subject=gettext("%(name)s invites you to NET Companion") % {"name": context["patient_name"]},
              message=render_to_string("relatives/invitation_email.txt", context),
              from_email=settings.DEFAULT_FROM_EMAIL, recipient_list=[grant.email], fail_silently=False)


@transaction.atomic
def discard_unsent(grant: Grant) -> None:
    """Removes an invitation whose e-mail could not be sent: nobody has its link, so nothing is lost."""
    Grant.objects.filter(pk=grant.pk, status=GrantStatus.PENDING, relative__isnull=True).delete()


@transaction.atomic
def change_permissions(grant: Grant, by, permissions: list[str]) -> bool:
    """Sets what the relative may do. Returns False if nothing changed. Withdrawn grants cannot change."""
    grant = Grant.objects.select_for_update().get(pk=grant.pk)
    if grant.status == GrantStatus.WITHDRAWN:
        raise ValueError("Access has been withdrawn.")
    check_permissions(permissions)
    before = grant.permissions
    if set(before) == set(permissions):
        return False
    for name in PERMISSIONS:
        setattr(grant, name, name in permissions)
    grant.save()
    log(grant, by, ActivityAction.PERMISSIONS_CHANGED, facts={"before": before, "after": grant.permissions})
    return True


@transaction.atomic
def withdraw(grant: Grant, by) -> bool:
    """Ends access at once, for an accepted grant or a waiting invitation. Returns False if already withdrawn."""
    grant = Grant.objects.select_for_update().get(pk=grant.pk)
    if grant.status == GrantStatus.WITHDRAWN:
        return False
    grant.status, grant.withdrawn_at = GrantStatus.WITHDRAWN, timezone.now()
    grant.save(update_fields=["status", "withdrawn_at", "updated_at"])
    log(grant, by, ActivityAction.WITHDRAWN)
    return True


# --- The invitation -------------------------------------------------------------------------------

def find_invitation(token: str | None) -> tuple[Invitation, Grant | None]:
    """Looks an invitation up by the hash of its token and says whether it can still be accepted."""
    if not token or len(token) > 200:
        return Invitation.UNKNOWN, None
    grant = Grant.objects.select_related("patient").filter(token_digest=Grant.hash(token)).first()
    if grant is None:
        return Invitation.UNKNOWN, None
    return check(grant), grant


def check(grant: Grant) -> Invitation:
    if grant.accepted_at is not None or grant.relative_id is not None:
        return Invitation.USED
    if grant.status == GrantStatus.WITHDRAWN:
        return Invitation.WITHDRAWN
    if grant.is_expired:
        return Invitation.EXPIRED
    return Invitation.VALID


def refusal_to_accept(grant: Grant, user) -> str | None:
    """Why this account may not take this invitation, in words; None if it may."""
    if is_staff_account(user):
        return gettext("You are signed in with a care-team or administrator account, which cannot accept an "
                       "invitation from a patient. Sign out, then open the link again and sign in or create an "
                       "account as a relative.")
    if user.pk == grant.patient_id:
        return gettext("This invitation is from you. Send it to the person you want to share with; "
                       "you cannot accept it yourself.")
    if grant.patient.relative_grants.filter(relative=user, status=GrantStatus.ACTIVE).exists():
        return gettext("%(name)s already shares with you. Ask them to change what you may see instead of "
                       "sending a new invitation.") % {"name": grant.patient.display_name}
    return None


@transaction.atomic
def accept(grant: Grant, user) -> Grant:
    """Links the invitation to ``user``. The token works once: a second use is refused."""
    grant = Grant.objects.select_for_update().select_related("patient").get(pk=grant.pk)
    state = check(grant)
    if state != Invitation.VALID:
        raise CannotAccept(REFUSALS[state])
    if reason := refusal_to_accept(grant, user):
        raise CannotAccept(reason)
    grant.relative, grant.status, grant.accepted_at = user, GrantStatus.ACTIVE, timezone.now()
    grant.save(update_fields=["relative", "status", "accepted_at", "updated_at"])
    log(grant, user, ActivityAction.ACCEPTED)
    return grant


# --- The relative's side --------------------------------------------------------------------------

class AccessEnded(Exception):
    """The grant was withdrawn or narrowed while the relative was filling in the form."""


@transaction.atomic
def add_entry(grant: Grant, relative, data: dict):
    """Adds a diary entry to the patient's record, by the relative, and logs it.

    The grant is read again under a lock, so an entry is never saved after the patient has withdrawn access.
    """
    current = (Grant.objects.active().select_for_update()
               .filter(pk=grant.pk, relative=relative, can_add_entries=True).first())
    if current is None:
        raise AccessEnded()
    entry = diary_services.record_entry(current.patient, by=relative, data=data)
    log(current, relative, ActivityAction.ADDED_ENTRY, entry=entry)
    return entry
