from django.conf import settings

from netcompanion.core.json_command import JsonFilterCommand
from netcompanion.followup import InvalidInput, suggest

NOT_READ = ("not read: no configuration was found (netcompanion.cli), so every interval is the guideline's own; "
            "run with the app's settings to apply the clinic's")


class Command(JsonFilterCommand):
    help = ("Reads a NET's site, grade and stage as JSON on standard input and prints the suggested follow-up, "
            "with the clinic's own settings from the admin applied when the app's configuration is set.")
    refused = InvalidInput

    def answer(self, data):
        if not settings.configured:
            return {**suggest(data).as_dict(), "clinic_settings": NOT_READ}
        from netcompanion.clinicaltools.services import suggest_follow_up  # models: only with the settings

        return {**suggest_follow_up(data).as_dict(), "clinic_settings": "applied"}
