"""The name under which the offline queue keeps a patient's days: not their id, and useless on another site."""

from django.utils.crypto import salted_hmac

from netcompanion.accounts.models import Role


def owner_key(user) -> str:
    """Empty for anyone who is not a signed-in patient: only patients log diary days."""
    if not user.is_authenticated or user.role != Role.PATIENT:
        return ""
    return salted_hmac("netcompanion.webapp.owner", str(user.code)).hexdigest()[:32]
