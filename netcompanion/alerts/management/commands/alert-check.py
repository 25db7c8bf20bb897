from netcompanion.alertrules import InvalidObservation, check, rules
from netcompanion.core.json_command import JsonFilterCommand


class Command(JsonFilterCommand):
    help = ("Reads a diary-day observation as JSON on standard input and prints the alert rules that fire, as JSON; "
            "with --rules, prints the rule table as text for review instead.")
    refused = InvalidObservation
    rules_help = "print the alert rules one row a line: field, comparison, threshold, level, reason, sources"

    def answer(self, data):
        return [f.model_dump() for f in check(data)]

    def review_sheet(self):
        return rules.review_sheet()
