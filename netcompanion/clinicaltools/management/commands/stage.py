from netcompanion.core.json_command import JsonFilterCommand
from netcompanion.staging import InvalidInput, stage


class Command(JsonFilterCommand):
    help = "Reads a tumour's site, size, spread or T, N and M as JSON on standard input and prints the AJCC stage."
    refused = InvalidInput

    def answer(self, data):
        return stage(data).as_dict()
