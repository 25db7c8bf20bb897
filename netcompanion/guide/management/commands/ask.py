import json

from django.core.management.base import BaseCommand

from netcompanion.guide.search import LANGUAGES
from netcompanion.guide.services import answer_as_dict, guide_index


class Command(BaseCommand):
    help = ("Finds the guide pages that answer a question and prints them as JSON, best first; "
            '"covered": false and no results when the guide does not answer it.')
    # Runs without the settings (netcompanion.cli), so without the system checks that read them.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("question", help='for example "why does my face go red after wine"')
        parser.add_argument("--limit", type=int, default=5, choices=range(1, 21), metavar="1-20")
        parser.add_argument("--lang", default="en", choices=sorted(LANGUAGES),
                            help="the language of the question and of the pages searched (default: en)")

    def handle(self, *args, question: str, limit: int, lang: str, **options):
        answer = guide_index(lang).answer(question, limit=limit)
        self.stdout.write(json.dumps(answer_as_dict(question, lang, answer), indent=2, ensure_ascii=False))
