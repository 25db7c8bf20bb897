from netcompanion.alertrules import InvalidObservation, check
from netcompanion.alertrules.rules import review_sheet
from netcompanion.core.json_command import JsonFilterCommand


class Command(JsonFilterCommand):
    help = ("Reads a diary-day observation as JSON on standard input and prints the alert rules that fire, as JSON; "
            "with --rules, prints the rule table as text for review instead.")
    refused = InvalidObservation

    def add_arguments(self, parser):
        parser.add_argument("--rules", action="store_true",
                            help="print the alert rules one row a line: field, comparison, threshold, level, reason, "
                                 "sources")

    def handle(self, *args, **options):
        if options["rules"]:
            self.stdout.write(review_sheet())
            return
        super().handle(*args, **options)

    def answer(self, data):
        return [f.model_dump() for f in check(data)]
