from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from netcompanion.accounts.models import User
from netcompanion.accounts.two_factor import confirmed_device, current_code, needs_two_factor


class Command(BaseCommand):
    help = ("Prints the current sign-in code of a demo user's authenticator (DEBUG only), "
            "so nobody needs a phone to try the demo.")

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username: str, **options):
        # Never in production: the code is a real person's second factor.
        if not settings.DEBUG:
            raise CommandError("Refusing to show sign-in codes with DEBUG off (a production set-up).",
                               returncode=2)
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no user called {username!r}.")
        if not needs_two_factor(user):
            raise CommandError(f"{username} signs in with a password only; there is no code.")
        device = confirmed_device(user)
        if device is None:
            raise CommandError(f"{username} has no authenticator yet. "
                               "Run `netcompanion demo`, or sign in once to set one up.")
        self.stdout.write(current_code(device))
