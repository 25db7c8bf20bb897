from netcompanion.core.json_command import JsonFilterCommand
from netcompanion.triage import InvalidCase, assess


class Command(JsonFilterCommand):
    help = "Reads a case as JSON on standard input and prints the navigator's assessment as JSON."
    refused = InvalidCase

    def answer(self, data):
        return assess(data).as_dict()
