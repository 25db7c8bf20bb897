from django.core.management.base import BaseCommand
from django.utils import timezone

from netcompanion.medicines.actions import raise_overdue_injections


class Command(BaseCommand):
    help = ("Raises care-team alerts for injections that are more than a week overdue. Safe to run as often as "
            "you like, for example every hour: an overdue injection raises one alert, ever.")

    def handle(self, *args, verbosity: int, **options):
        raised = raise_overdue_injections(timezone.localdate())
        if verbosity >= 1:
            self.stdout.write(f"raised {len(raised)} new alert{'s' if len(raised) != 1 else ''}")
