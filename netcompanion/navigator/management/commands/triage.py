from netcompanion.contract import InvalidCase
from netcompanion.core.json_command import JsonFilterCommand
from netcompanion.triage import assess, care, rules


class Command(JsonFilterCommand):
    help = ("Reads a case as JSON on standard input and prints the navigator's assessment as JSON; with --rules, "
            "prints the rule and advice tables and the care words by country as text for review instead.")
    refused = InvalidCase
    rules_help = "print the rule and advice tables and the care words by country, one row a line"

    def answer(self, data):
        return assess(data).as_dict()

    def review_sheet(self):
        return f"{rules.review_sheet()}\n{care.review_sheet()}"
