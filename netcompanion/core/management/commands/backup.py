from argparse import ArgumentTypeError
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from netcompanion.core import backup


def _at_least_one(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise ArgumentTypeError(f"--keep takes a whole number of backups, 1 or more, not {value!r}")
    return int(value)


class Command(BaseCommand):
    help = ("Writes a consistent backup of the database into DIRECTORY while the app runs (SQLite's online backup, "
            "or pg_dump's custom format on PostgreSQL), named netcompanion-<UTC time>.sqlite3 or .pgdump, checks it "
            "and prints what it holds. Media files and the environment's secrets are not in it (see the README).")

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument("--keep", type=_at_least_one, metavar="N",
                            help="Then remove this command's older backups in DIRECTORY, keeping the newest N. "
                                 "Other files there are never touched.")

    def handle(self, *args, directory: Path, keep: int | None, verbosity: int, **options):
        try:
            made = backup.backup(connection, directory, timezone.now(), keep)
        except backup.BackupError as refused:
            raise CommandError(str(refused)) from refused
        if verbosity >= 1:
            self.stdout.write(f"backup: {made.path}\nsize: {made.size} bytes\nholds: {made.contents}\n"
                              f"check: {made.check}")
            for path in made.removed:
                self.stdout.write(f"removed older backup: {path}")
