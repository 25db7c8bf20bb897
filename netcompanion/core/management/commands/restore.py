from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from netcompanion.core import backup


class Command(BaseCommand):
    help = ("Restores a backup made by `netcompanion backup` into the configured database, after checking the file. "
            "Refuses a database that holds accounts unless --force. Stop the app first.")

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--force", action="store_true",
                            help="Replace a database that holds accounts (its data is lost; back it up first).")

    def handle(self, *args, file: Path, force: bool, **options):
        try:
            contents, done = backup.restore(connection, file, force)
        except backup.BackupError as refused:
            raise CommandError(str(refused)) from refused
        executor = MigrationExecutor(connection)
        behind = len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
        self.stdout.write(f"restored: {done}\nholds: {contents}")
        self.stdout.write(f"{behind} migrations to apply: run `netcompanion migrate` before starting the app"
                          if behind else "schema: matches this version of NET Companion")
