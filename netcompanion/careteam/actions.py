"""The care team's writes with side effects: telling the lead nurses that alerts passed their response target
unseen (the `announce-overdue-alerts` command)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from netcompanion.accounts.models import Role
from netcompanion.alerts import services as alerts
from netcompanion.alerts.models import Alert
from netcompanion.careteam.access import MANAGE_ASSIGNMENTS
from netcompanion.core.urls import site_url


class NoLeadNurse(Exception):
    """No active lead nurse has an e-mail address, so nobody can be told; nothing was recorded."""


def lead_nurse_addresses() -> list[str]:
    """The e-mail addresses of the active nurses allowed to manage assignments, themselves or through a group."""
    return sorted(set(get_user_model().objects.filter(
        Q(user_permissions__in=MANAGE_ASSIGNMENTS) | Q(groups__permissions__in=MANAGE_ASSIGNMENTS),
        role=Role.NURSE, is_active=True).exclude(email="").values_list("email", flat=True)))


@transaction.atomic
def announce_overdue(now: dt.datetime | None = None) -> list[Alert]:
    """Tells the lead nurses, in one e-mail without health data, about every alert newly past its target unseen,
    and records it in each alert's history. The e-mail is sent inside the transaction: if it fails, nothing is
    recorded and the next run tries again; a second run finds nothing new."""
    overdue = alerts.overdue_unannounced(now or timezone.now())
    if not overdue:
        return []
    recipients = lead_nurse_addresses()
    if not recipients:
        raise NoLeadNurse(f"{len(overdue)} overdue alert(s) could not be announced: no lead nurse has an e-mail "
                          "address")
    alerts.record_overdue(overdue)
    links = "\n".join(site_url() + reverse("alerts:detail", args=[a.code]) for a in overdue)
    send_mail(gettext("Alerts past their response target in NET Companion"),
              ngettext("%(count)d alert has not been seen by its response target.",
                       "%(count)d alerts have not been seen by their response target.", len(overdue))
              % {"count": len(overdue)}
              + "\n\n" + gettext("Please make sure someone looks at them now:") + f"\n{links}\n\n"
              + gettext("The alert queue: %(url)s") % {"url": site_url() + reverse("alerts:queue")} + "\n",
              None, recipients)
    return overdue
