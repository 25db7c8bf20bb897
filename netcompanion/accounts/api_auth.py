"""Who is calling the API: a personal bearer token, or the signed-in session (with CSRF)."""

import datetime as dt

from django.utils import timezone
from ninja.security import HttpBearer, django_auth

from netcompanion.accounts.models import ApiToken

# "Last used" is shown to the person to spot a forgotten token; to the hour is enough, and it spares
# every request a write of its own.
LAST_USED_PRECISION = dt.timedelta(hours=1)


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        found = ApiToken.objects.active().select_related("user").filter(digest=ApiToken.hash(token)).first()
        if found is None or not found.user.is_active:
            return None
        now = timezone.now()
        if found.last_used_at is None or now - found.last_used_at > LAST_USED_PRECISION:
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user
        return found.user


PERSON_AUTH = [TokenAuth(), django_auth]
