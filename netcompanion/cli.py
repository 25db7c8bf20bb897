"""The `netcompanion` command: Django's manage.py under the product's name.

`netcompanion demo`, `netcompanion migrate`... are all management commands, so they share settings
and one entry point. The engine commands (ENGINE_COMMANDS) are management commands too, but run
without loading the settings, as Django runs `startproject`: their engines are plain Python and read
no secret and no database, so a fresh install runs them with no configuration. Loading the settings
for them would demand a SECRET_KEY they never use (production settings fail closed without one) and
create the SQLite directory. Every other command, and the web app (wsgi.py), still load the settings,
so they still refuse to start without SECRET_KEY when DEBUG is off. `followup` is not an engine
command: it applies the clinic's own settings from the database, and must not answer without them.
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


def main(argv: list[str] | None = None) -> None:
    argv = argv if argv is not None else sys.argv
    if len(argv) > 1 and argv[1] in ENGINE_COMMANDS:
        import_module(ENGINE_COMMANDS[argv[1]]).Command().run_from_argv(argv)
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netcompanion.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)
