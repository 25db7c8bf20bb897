"""The shape of the commands that put a Django-free engine on the command line: JSON in, JSON out."""

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand

from netcompanion.core.json_body import BodyRefused, parse_json


class JsonFilterCommand(BaseCommand):
    """Reads JSON on standard input and prints the answer as JSON. Input the engine refuses is printed on
    standard error, each error naming its field, with exit code 2, so scripts can tell it from a crash.

    No system checks: they look at the settings and the installed apps, which the engine commands run
    without (netcompanion.cli), and they say nothing about an engine."""

    refused: type[Exception]  # the engine's refusal, carrying .errors with .field and .message
    # An engine whose rule tables a clinician signs off says how --rules prints them, and prints them in
    # review_sheet(); the others have no --rules.
    rules_help = ""
    requires_system_checks = []

    def answer(self, data: Any) -> Any:
        raise NotImplementedError

    def review_sheet(self) -> str:
        raise NotImplementedError

    def add_arguments(self, parser):
        if self.rules_help:
            parser.add_argument("--rules", action="store_true", help=self.rules_help)

    def handle(self, *args, **options):
        if options.get("rules"):
            self.stdout.write(self.review_sheet())
            return
        try:
            data = parse_json(sys.stdin.read())
        except BodyRefused as e:
            self._refuse([{"field": ".".join(map(str, e.where)) or "input", "message": e.message}])
        try:
            result = self.answer(data)
        except self.refused as refused:
            self._refuse([{"field": e.field, "message": e.message} for e in refused.errors])
        self.stdout.write(json.dumps(result, indent=2, ensure_ascii=False))

    def _refuse(self, errors):
        self.stderr.write(json.dumps({"errors": errors}, indent=2, ensure_ascii=False))
        sys.exit(2)
