from django import template

from netcompanion.webapp.owner import owner_key
from netcompanion.webapp.views import THEME, app_urls

register = template.Library()


@register.inclusion_tag("webapp/head.html", takes_context=True)
def webapp_head(context):
    """The manifest, the theme colour and, for a signed-in patient, the script that installs the offline diary."""
    request = context.get("request")
    owner = owner_key(request.user) if request is not None and hasattr(request, "user") else ""
    return {"owner": owner, "theme": THEME, "urls": app_urls() if owner else {}}
