"""The address a sign-in came from, for django-axes, behind as many proxies as the deployment says."""

from django.conf import settings


def client_ip(request) -> str:
    """With TRUSTED_PROXY_COUNT proxies in front, the client is that many entries from the right of
    X-Forwarded-For (entries further left are whatever the client chose to send). Without, REMOTE_ADDR."""
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
