"""Who is calling the API: a personal bearer token, or the signed-in session (with CSRF)."""

from django.utils import timezone
from ninja.security import HttpBearer, django_auth

from netcompanion.accounts.models import ApiToken


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        found = ApiToken.objects.active().select_related("user").filter(digest=ApiToken.hash(token)).first()
        if found is None or not found.user.is_active:
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.user = found.user
        return found.user


PERSON_AUTH = [TokenAuth(), django_auth]
