from netcompanion.contract import InvalidCase
from netcompanion.core.json_command import JsonFilterCommand
from netcompanion.triage import assess, care, red_flags, rules


class Command(JsonFilterCommand):
    help = ("Reads a case as JSON on standard input and prints the navigator's assessment as JSON; with --rules, "
            "prints the rule and advice tables and the care words by country as text for review instead; with "
            "--red-flags, the red-flag phrases that messages to the care team are read for.")
    refused = InvalidCase
    rules_help = "print the rule and advice tables and the care words by country, one row a line"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--red-flags", action="store_true",
                            help="print the red-flag rows that messages are read for, one row a line")

    def handle(self, *args, **options):
        if options["red_flags"]:
            self.stdout.write(red_flags.review_sheet())
            return
        super().handle(*args, **options)

    def answer(self, data):
        return assess(data).as_dict()

    def review_sheet(self):
        return f"{rules.review_sheet()}\n{care.review_sheet()}"
