from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from netcompanion.reminders.services import send_due_reminders


class Command(BaseCommand):
    help = ("Sends the reminders that are due now (injections, appointments, the diet before a 5-HIAA test, "
            "prompts to log the diary) to patients who asked for them, by e-mail and as notifications on their "
            "devices, outside their quiet hours. Safe to run as often as you like, for example every "
            "5 or 15 minutes: a reminder is never sent twice.")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true",
                            help="Print which reminders would be sent; send and record nothing.")
        parser.add_argument("--site-url", metavar="URL",
                            help="The app's address for links in the e-mails, such as "
                                 "https://netcompanion.example.org (default: settings.SITE_URL).")

    def handle(self, *args, dry_run: bool, site_url: str | None, verbosity: int, **options):
        try:
            outcome = send_due_reminders(base_url=site_url, dry_run=dry_run)
        except ImproperlyConfigured as e:
            raise CommandError(str(e)) from e
        if verbosity >= 2 or (dry_run and verbosity >= 1):
            for r in outcome.sent:
                self.stdout.write(f"{'would send' if dry_run else 'sent'}: {r.describe()}")
        if verbosity >= 2:
            for r in outcome.already_sent:
                self.stdout.write(f"skipped, already sent: {r.describe()}")
            for r in outcome.unreachable:
                self.stdout.write(f"skipped, no e-mail address or device: {r.describe()}")
            if outcome.devices_gone:
                self.stdout.write(f"forgot {outcome.devices_gone} devices the push service no longer knows")
        if verbosity >= 1:
            verb = "would send" if dry_run else "sent"
            self.stdout.write(f"{verb} {len(outcome.sent)}, skipped {outcome.skipped}"
                              + (f", failed {len(outcome.failed)}" if outcome.failed else ""))
        if outcome.failed:
            raise CommandError(f"{len(outcome.failed)} reminders could not be sent; "
                               "the next run tries them again.")
