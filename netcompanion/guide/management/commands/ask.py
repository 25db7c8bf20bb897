import json

from django.core.management.base import BaseCommand

from netcompanion.guide.services import guide_index


class Command(BaseCommand):
    help = 'Finds the guide pages that answer a question and prints them as JSON, best first.'
    # Runs without the settings (netcompanion.cli), so without the system checks that read them.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("question", help='for example "why does my face go red after wine"')
        parser.add_argument("--limit", type=int, default=5, choices=range(1, 21), metavar="1-20")

    def handle(self, *args, question: str, limit: int, **options):
        hits = guide_index().search(question, limit=limit)
        self.stdout.write(json.dumps([h.as_dict() for h in hits], indent=2, ensure_ascii=False))
