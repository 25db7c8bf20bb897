from netcompanion.clinicaltools.services import suggest_follow_up
from netcompanion.core.json_command import JsonFilterCommand
from netcompanion.followup import InvalidInput


class Command(JsonFilterCommand):
    help = ("Reads a NET's site, grade and stage as JSON on standard input and prints the suggested follow-up, "
            "with the clinic's own settings from the admin applied.")
    refused = InvalidInput

    def answer(self, data):
        return suggest_follow_up(data).as_dict()
