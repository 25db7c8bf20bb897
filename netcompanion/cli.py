"""The `netcompanion` command: Django's manage.py under the product's name.

`netcompanion demo`, `netcompanion migrate`... are all management commands, so they share settings
and one entry point. The engine commands (ENGINE_COMMANDS) are management commands too, but run
without loading the settings, as Django runs `startproject`: their engines are plain Python and read
no secret and no database, so a fresh install runs them with no configuration. Loading the settings
for them would demand a SECRET_KEY they never use (production settings fail closed without one) and
create the SQLite directory. Every other command, and the web app (wsgi.py), still load the settings,
so they still refuse to start without SECRET_KEY when DEBUG is off.

`followup` applies the clinic's own settings from the database when the app's configuration loads. With
none, it answers from the guidelines alone and says so in its answer ("clinic_settings"), so a script on a
server whose environment was forgotten can tell a guideline default from the clinic's choice.
"""

import os
import sys
from importlib import import_module

ENGINE_COMMANDS = {
    "triage": "netcompanion.navigator.management.commands.triage",
    "grade": "netcompanion.clinicaltools.management.commands.grade",
    "stage": "netcompanion.clinicaltools.management.commands.stage",
    "alert-check": "netcompanion.alerts.management.commands.alert-check",
    "ask": "netcompanion.guide.management.commands.ask",
}
CLINIC_COMMANDS = {"followup": "netcompanion.clinicaltools.management.commands.followup"}


def main(argv: list[str] | None = None) -> None:
    argv = argv if argv is not None else sys.argv
    command = argv[1] if len(argv) > 1 else None
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netcompanion.settings")
    if command in ENGINE_COMMANDS or (command in CLINIC_COMMANDS and not _configured()):
        import_module({**ENGINE_COMMANDS, **CLINIC_COMMANDS}[command]).Command().run_from_argv(argv)
        return
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


def _configured() -> bool:
    """Whether the app's settings load: with DEBUG off they refuse to without SECRET_KEY."""
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    try:
        return bool(settings.SECRET_KEY)
    except ImproperlyConfigured:
        return False
