import json
import sys

from django.core.management.base import BaseCommand

from netcompanion.triage import InvalidCase, assess


class Command(BaseCommand):
    help = "Reads a case as JSON on standard input and prints the navigator's assessment as JSON."

    def handle(self, *args, **options):
        try:
            case = json.load(sys.stdin)
        except ValueError as e:
            self._refuse([{"field": "input", "message": f"not valid JSON: {e}"}])
        try:
            result = assess(case)
        except InvalidCase as refused:
            self._refuse([{"field": e.field, "message": e.message} for e in refused.errors])
        self.stdout.write(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))

    def _refuse(self, errors):
        self.stderr.write(json.dumps({"errors": errors}, indent=2, ensure_ascii=False))
        sys.exit(2)
