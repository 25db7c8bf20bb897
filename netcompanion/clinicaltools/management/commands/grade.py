from netcompanion.core.json_command import JsonFilterCommand
from netcompanion.grading import InvalidInput, grade


class Command(JsonFilterCommand):
    help = "Reads a pathology report's values as JSON on standard input and prints the WHO grade as JSON."
    refused = InvalidInput

    def answer(self, data):
        return grade(data).as_dict()
