from django.db import transaction
from django.utils import timezone

from netcompanion.relatives import services
from netcompanion.relatives.models import ActivityAction, Grant, GrantStatus


@transaction.atomic
def create_demo_relatives(patient, relative) -> int:
    """The demo relative may see the demo patient's diary, appointments and care plan, and write to their care team.
    Returns grants made."""
    if Grant.objects.filter(patient=patient, relative=relative).exists():
        return 0
    grant, _ = services.invite(patient, relative.email or "relative@example.org", ["can_view_diary", "can_view_care",
                                                                                     "can_message_team"])
    grant.relative, grant.status, grant.accepted_at = relative, GrantStatus.ACTIVE, timezone.now()
    grant.save(update_fields=["relative", "status", "accepted_at", "updated_at"])
    services.log(grant, relative, ActivityAction.ACCEPTED)
    return 1
