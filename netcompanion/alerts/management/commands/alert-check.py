import json
import sys

from django.core.management.base import BaseCommand

from netcompanion.alertrules import InvalidObservation, check


class Command(BaseCommand):
    help = "Reads a diary-day observation as JSON on standard input and prints the alert rules that fire, as JSON."

    def handle(self, *args, **options):
        try:
            data = json.load(sys.stdin)
        except ValueError as e:
            self._refuse([{"field": "input", "message": f"not valid JSON: {e}"}])
        try:
            firings = check(data)
        except InvalidObservation as refused:
            self._refuse([{"field": e.field, "message": e.message} for e in refused.errors])
        self.stdout.write(json.dumps([f.model_dump() for f in firings], indent=2, ensure_ascii=False))

    def _refuse(self, errors):
        self.stderr.write(json.dumps({"errors": errors}, indent=2, ensure_ascii=False))
        sys.exit(2)
