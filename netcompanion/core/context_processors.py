from functools import cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

from netcompanion.accounts.selectors import emergency_number_for

# The links every page's header and footer show, by the name base.html uses: (view name, arguments).
SITE_LINKS = {
    "home": ("home", ()),
    "seek_care": ("guide:page", ("when-to-seek-care",)),
    "guide": ("guide:index", ()),
    "search": ("guide:search", ()),
    "glossary": ("guide:page", ("glossary",)),
    "support": ("guide:page", ("support",)),
    "navigator": ("navigator:start", ()),
    "support_groups": ("supportgroups:list", ()),
    "stories": ("stories:list", ()),
    "net_cancer_day": ("netcancerday:page", ()),
    "shared_with_me": ("relatives:index", ()),
    "my_record": ("my_record", ()),
    "today": ("today", ()),
    "patients": ("careteam:patients", ()),
    "alerts": ("alerts:queue", ()),
    "tools": ("clinicaltools:tools", ()),
    "assignments": ("careteam:assignments", ()),
    "account": ("account", ()),
    "login": ("login", ()),
    "about": ("about", ()),
}


@cache
def _site_links(prefix: str, urlconf) -> dict[str, str]:
    return {key: reverse(name, args=args, urlconf=urlconf) for key, (name, args) in SITE_LINKS.items()}


def safety(request):
    """What every page needs to show how to get emergency help (the number of the signed-in person's country), and
    the site's links around it. The links are reversed once per process (and script prefix): reversing them on
    every page cost about 1 ms a page."""
    return {"emergency_number": emergency_number_for(request.user),
            "site_links": _site_links(get_script_prefix(), get_urlconf()),
            # Each language by its own name ("Svenska", "English"), as settings write them: get_available_languages
            # would translate the names into the page's language, and a reader looks for their own.
            "languages": settings.LANGUAGES}
