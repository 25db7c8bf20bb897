"""The address a sign-in came from, for django-axes, behind as many proxies as the deployment says.

X-Forwarded-For is whatever the sender chose to write, so it is believed only from a proxy: a request whose own
address (REMOTE_ADDR) is one of TRUSTED_PROXIES. Anyone reaching the app's port directly, with a new forged header
on every try, is counted at their own address, so the pause on wrong passwords holds."""

import functools
import ipaddress

from axes.attempts import get_cool_off_threshold
from axes.models import AccessAttempt
from django.conf import settings
from django.core import checks
from django.db.models import Sum


@functools.lru_cache(maxsize=4)
def _networks(proxies: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(p, strict=False) for p in proxies)


def _from_a_proxy(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_ip(request) -> str:
    """With TRUSTED_PROXY_COUNT proxies in front and the request coming from one of TRUSTED_PROXIES, the client is
    that many entries from the right of X-Forwarded-For (entries further left are whatever the client chose to
    send). Otherwise REMOTE_ADDR."""
    proxies, own = settings.TRUSTED_PROXY_COUNT, request.META.get("REMOTE_ADDR", "")
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    if proxies and len(forwarded) >= proxies and _from_a_proxy(own):
        return forwarded[-proxies]
    return own


def failure_limit(request, credentials=None) -> int:
    """django-axes' AXES_FAILURE_LIMIT. Axes counts failures per username and address; one address may also fail
    at most AXES_ADDRESS_FAILURE_LIMIT times across all usernames in the cool-off window (trying one password on
    many accounts). Past that, every username from it is refused: the limit becomes 0, which any count reaches.
    The address limit is the higher one, so a ward behind one address is not paused by a few people's typos."""
    failed = AccessAttempt.objects.filter(
        ip_address=client_ip(request), attempt_time__gt=get_cool_off_threshold(request),
    ).aggregate(n=Sum("failures_since_start"))["n"] or 0
    return 0 if failed >= settings.AXES_ADDRESS_FAILURE_LIMIT else settings.AXES_USERNAME_FAILURE_LIMIT


@checks.register()
def check_trusted_proxies(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """An address that cannot be read would fail every sign-in; refuse to start with one."""
    try:
        _networks(tuple(settings.TRUSTED_PROXIES))
    except ValueError as bad:
        return [checks.Error(f"TRUSTED_PROXIES: {bad}.", id="accounts.E002",
                             hint="Addresses or networks, comma-separated, e.g. 127.0.0.1,10.0.0.0/24.")]
    return []
