from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from netcompanion.accounts import services as accounts
from netcompanion.accounts.demo import create_demo_about_me, create_demo_users
from netcompanion.accounts.models import User
from netcompanion.appointments.demo import create_demo_appointments
from netcompanion.careplan.demo import create_demo_careplan
from netcompanion.careteam.demo import create_demo_careteam
from netcompanion.conversations.demo import create_demo_conversations
from netcompanion.diary.demo import create_demo_diary
from netcompanion.labs.demo import create_demo_labs
from netcompanion.medicines.demo import create_demo_medicines
from netcompanion.relatives.demo import create_demo_relatives
from netcompanion.reminders.demo import create_demo_reminders
from netcompanion.stories.demo import create_example_stories


class Command(BaseCommand):
    help = "Creates demo users of every role and example content, and prints the sign-in details."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production", action="store_true",
            help="Run even with DEBUG off. Demo users have a published password: never on real data.",
        )
        parser.add_argument(
            "--language", choices=[code for code, _ in settings.LANGUAGES],
            help="The language of the demo's texts (diary notes, care plan, appointments, stories), saved as the demo "
                 "people's language for their pages and e-mails. Without it the texts are in the site's default "
                 "language and the demo people read in their browser's language.",
        )

    def handle(self, *args, allow_production: bool, language: str | None, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError("Refusing to create demo users with DEBUG off (a production set-up).")
        # The demo's texts are written to the database at once, so they are translated while they are made.
        with translation.override(language or settings.LANGUAGE_CODE):
            self._build(language)

    def _build(self, language: str | None) -> None:
        rows = create_demo_users()
        patient, nurse, doctor, relative, admin = people = [
            User.objects.get(username=name) for name in ("patient", "nurse", "doctor", "relative", "admin")]
        if language:
            for person in people:
                accounts.choose_language(person, language)
        self.stdout.write("Demo users (sign in at /accounts/login/):")
        width = max(len(role) for _, _, role in rows)
        for username, password, role in rows:
            self.stdout.write(f"  {role:<{width}} username: {username:<9} password: {password}")
        self.stdout.write("The contact nurse, doctor and administrator also type a code after the password;\n"
                          "  get it with `netcompanion otp-code nurse` (or doctor, admin).")
        made = {
            "people's 'About me'": create_demo_about_me(patient, relative),
            "example stories": create_example_stories(),
            "diary entries": create_demo_diary(patient),
            "injections and medicines": create_demo_medicines(patient),
            "lab results": create_demo_labs(patient),
            "appointments": create_demo_appointments(patient),
            "care plan": create_demo_careplan(patient, nurse=nurse),
            "relatives' access": create_demo_relatives(patient, relative),
            "reminder choices": create_demo_reminders(patient),
            "care-team assignments": create_demo_careteam(patient, nurse, doctor, admin),
            "messages with the care team": create_demo_conversations(patient, nurse, relative),
        }
        self.stdout.write("Demo content added: " + ", ".join(f"{k}: {int(v)}" for k, v in made.items()))
