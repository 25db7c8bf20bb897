from django.core.management.base import BaseCommand, CommandError

from netcompanion.careteam.actions import NoLeadNurse, announce_overdue


class Command(BaseCommand):
    help = ("E-mails the lead nurses (no health data) about alerts not seen by their response target, and records "
            "it in each alert's history. Safe to run as often as you like, for example every 15 minutes from cron: "
            "an alert is announced once at each level.")

    def handle(self, *args, verbosity: int, **options):
        try:
            told = announce_overdue()
        except NoLeadNurse as nobody:
            raise CommandError(str(nobody)) from nobody
        if verbosity >= 1:
            self.stdout.write(f"announced {len(told)} overdue alert{'s' if len(told) != 1 else ''}")
