"""Refuses to start with a reply target the working-time arithmetic cannot read: a missed reply is a hazard."""

from django.core import checks

from netcompanion.conversations.services import reply_target


@checks.register()
def check_reply_target(app_configs, **kwargs) -> list[checks.CheckMessage]:
    try:
        reply_target()
    except ValueError as bad:
        return [checks.Error(f"MESSAGE_REPLY_TARGET: {bad}.", id="conversations.E001",
                             hint="A target such as 2wd (working days), 4h or 30m; see the README.")]
    return []
