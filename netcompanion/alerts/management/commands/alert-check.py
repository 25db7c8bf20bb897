from netcompanion.alertrules import InvalidObservation, check
from netcompanion.core.json_command import JsonFilterCommand


class Command(JsonFilterCommand):
    help = "Reads a diary-day observation as JSON on standard input and prints the alert rules that fire, as JSON."
    refused = InvalidObservation

    def answer(self, data):
        return [f.model_dump() for f in check(data)]
