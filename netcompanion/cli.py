"""The `netcompanion` command: Django's manage.py under the product's name.

`netcompanion ask`, `netcompanion demo`, `netcompanion migrate`... are all
management commands, so they share settings and one entry point.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netcompanion.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv if argv is not None else sys.argv)
