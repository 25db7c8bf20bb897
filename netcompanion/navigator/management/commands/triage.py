from netcompanion.contract import InvalidCase
from netcompanion.core.json_command import JsonFilterCommand
from netcompanion.triage import assess
from netcompanion.triage.rules import review_sheet


class Command(JsonFilterCommand):
    help = ("Reads a case as JSON on standard input and prints the navigator's assessment as JSON; with --rules, "
            "prints the rule and advice tables as text for review instead.")
    refused = InvalidCase

    def add_arguments(self, parser):
        parser.add_argument("--rules", action="store_true", help="print the rule and advice tables, one row a line")

    def handle(self, *args, **options):
        if options["rules"]:
            self.stdout.write(review_sheet())
            return
        super().handle(*args, **options)

    def answer(self, data):
        return assess(data).as_dict()
