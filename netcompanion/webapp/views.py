"""The installable app: its manifest, its service worker and the two small pages the worker needs. No page here
holds health data; the offline queue lives in the person's own browser (static/webapp/outbox.js)."""

import hashlib
import json

from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _

from netcompanion.webapp.owner import owner_key

THEME = "#0b5d6b"  # site.css --brand
PUBLIC_FOR = 60 * 60 * 24
ICONS = [("webapp/icons/icon-192.png", "192x192", "any"), ("webapp/icons/icon-512.png", "512x512", "any"),
         ("webapp/icons/maskable-512.png", "512x512", "maskable")]
# What the worker keeps from the start: the look of every page and what the diary form needs offline. Pages with
# health data are never kept; the diary form is kept only as the blank form its owner last opened.
SHELL_STATIC = ["core/site.css", "webapp/webapp.css", "webapp/outbox.js", "webapp/app.js",
                *(icon for icon, _size, _purpose in ICONS)]


def manifest(request):
    data = {
        "id": "/",
        "name": "NET Companion",
        "short_name": "NET Companion",
        "description": _("Your NET diary and guide. It does not replace your care team."),
        "lang": "en-GB",
        # Where each person's work is (Today, a relative's page, the alert queue), as after signing in.
        "start_url": reverse("start"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME,
        "icons": [{"src": static(icon), "sizes": size, "type": "image/png", "purpose": purpose}
                  for icon, size, purpose in ICONS],
    }
    response = JsonResponse(data, content_type="application/manifest+json")
    patch_cache_control(response, public=True, max_age=PUBLIC_FOR)
    return response


def _shell() -> list[str]:
    return [*(static(path) for path in SHELL_STATIC), reverse("webapp:offline"), reverse("webapp:i18n")]


def service_worker(request):
    """The worker, with the shell's URLs (hashed static names in production) written in; the version changes
    whenever one of them does, so a new worker replaces the old cache. Browsers check it on every visit."""
    shell = _shell()
    version = hashlib.sha256("\n".join(shell).encode()).hexdigest()[:12]
    response = render(request, "webapp/sw.js", {
        "shell": json.dumps(shell), "version": version, "outbox": static("webapp/outbox.js"),
        "urls": json.dumps(app_urls()),
    }, content_type="text/javascript; charset=utf-8")
    patch_cache_control(response, no_cache=True)
    return response


def app_urls() -> dict[str, str]:
    """The addresses the worker and the pages' script share."""
    return {"form": reverse("diary:new"), "offline": reverse("webapp:offline"), "state": reverse("webapp:state"),
            "batch": reverse("api-v1:create_entries"),
            "entries": reverse("api-v1:list_entries"), "diary": reverse("diary:diary"),
            "check": reverse("navigator:start"),
            "static": static("")}


def offline(request):
    """What a page that is not kept shows without a connection: no health data, a way to the diary form and the
    emergency line (in the base template)."""
    response = render(request, "webapp/offline.html")
    patch_cache_control(response, public=True, max_age=PUBLIC_FOR)
    return response


def state(request):
    """Who is signed in, as the offline queue knows them, and a CSRF token for the batch API: asked just before
    waiting days are sent, so they go only to the account that logged them. Nobody signed in gets no token: a new
    CSRF cookie set now would spoil the sign-in form open beside it."""
    owner = owner_key(request.user)
    response = JsonResponse({"owner": owner, "csrf": get_token(request) if owner else ""})
    add_never_cache_headers(response)
    return response
