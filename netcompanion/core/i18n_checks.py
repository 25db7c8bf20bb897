"""The translation checks CI runs: no unmarked words in a template, and no missing or fuzzy message in a catalogue.

Django has no check for either. The template check reads each template as Django's own lexer does: the words a
person can see are the text between tags and the few attributes a person reads or hears (alt, title, aria-label,
placeholder...), outside {% translate %}, {% blocktranslate %}, {% comment %}, <script> and <style>. The catalogue
check gathers every marked string again with makemessages, in a copy of the code, so a string marked since the
catalogue was last gathered counts as missing.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from django.template.base import Lexer, TokenType

PACKAGE = Path(__file__).resolve().parent.parent
# Attributes whose value a person reads or hears.
READ_ATTRIBUTES = frozenset({"alt", "title", "aria-label", "aria-description", "placeholder", "label"})
# Words that stay the same in every language: names, codes and units.
NAMES = (
    "NET Companion", "NET", "NETs", "FHIR", "JSON", "PDF", "iCalendar", "OpenAPI", "API", "TNM", "Ki-67", "WHO",
    "ENETS", "CgA", "5-HIAA", "SHA-256", "QR", "Svenska", "English", "kg", "mg", "cm", "ml",
)
_NAMES = re.compile("|".join(re.escape(name) for name in sorted(NAMES, key=len, reverse=True)))
_WORD = re.compile(r"[^\W\d_]{2,}")
_SKIPPED_BLOCKS = {"blocktranslate": "endblocktranslate", "blocktrans": "endblocktrans", "comment": "endcomment",
                   "verbatim": "endverbatim"}
# Stands for whatever a {{ variable }} or {% tag %} prints: never a word to translate. It reads as a name to the
# HTML parser, so `<{{ tag }} class=...>` and `<td{% if x %} class="y"{% endif %}>` stay tags.
_PLACEHOLDER = "z0"
# A class or id name ("diary-form") or a link ("#questions") that a template block holds for another template's
# attribute.
_IDENTIFIER = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)+|[#/][\w/#-]*")
# A literal a tag or filter prints ({{ x|default:"none yet" }}, {% include ... with label="Pages" %}), unless it is
# marked (_("...")); the date filters' format strings are not words.
_LITERAL = re.compile(r"""(?:\|(?:default|default_if_none|yesno):|\bwith\s+[^%]*?\w+=|\s\w+=)(["'])(.*?)\1""")


@dataclass(frozen=True)
class Unmarked:
    template: Path
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.template.relative_to(PACKAGE.parent)}:{self.line}: {self.text!r}"


def has_words(text: str) -> bool:
    """True when the text holds a word a person reads, once tags' output, names and entities are set aside."""
    if all(_IDENTIFIER.fullmatch(token) for token in text.replace(_PLACEHOLDER, " ").split()):
        return False
    text = _NAMES.sub(" ", re.sub(r"&[#\w]+;", " ", text.replace(_PLACEHOLDER, " ")))
    return bool(_WORD.search(text))


def _visible_source(source: str, literals: list[tuple[int, str]]) -> Iterator[tuple[str, int]]:
    """The template's text outside skipped blocks, with each tag or variable replaced by a placeholder; the
    unmarked words that tags and filters print go to ``literals``."""
    closing = None
    for token in Lexer(source).tokenize():
        if closing:
            if token.token_type is TokenType.BLOCK and token.contents.split()[:1] == [closing]:
                closing = None
            continue
        if token.token_type is TokenType.TEXT:
            yield token.contents, token.lineno
            continue
        if token.token_type is TokenType.BLOCK:
            name = token.contents.split()[0] if token.contents else ""
            closing = _SKIPPED_BLOCKS.get(name)
            if name not in {"translate", "trans", "url", "static", "extends", "include", "load"} or " with " in \
                    token.contents:
                literals.extend((token.lineno, text) for _, text in _LITERAL.findall(token.contents)
                                if has_words(text))
        elif token.token_type is TokenType.VAR:
            literals.extend((token.lineno, text) for _, text in _LITERAL.findall(token.contents) if has_words(text))
        if token.token_type in (TokenType.BLOCK, TokenType.VAR):
            yield _PLACEHOLDER, token.lineno


class _Reader(HTMLParser):
    def __init__(self, lines: list[int]) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[tuple[int, str]] = []
        self._lines = lines
        self._hidden = 0

    def _line(self) -> int:
        return self._lines[min(self.getpos()[0] - 1, len(self._lines) - 1)]

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self._hidden += 1
        for name, value in attrs:
            if name in READ_ATTRIBUTES and value and has_words(value):
                self.found.append((self._line(), f"{name}={value}"))

    def handle_endtag(self, tag):
        if tag in {"script", "style"}:
            self._hidden = max(0, self._hidden - 1)

    def handle_data(self, data):
        if not self._hidden and has_words(data):
            self.found.append((self._line(), " ".join(data.split())))


def unmarked_in(template: Path) -> list[Unmarked]:
    """Every run of visible words in one template that is not marked for translation."""
    literals: list[tuple[int, str]] = []
    pieces = list(_visible_source(template.read_text(), literals))
    found = [Unmarked(template, line, text) for line, text in literals]
    text = "".join(piece for piece, _ in pieces)
    # The template line each line of the joined text came from, so a finding names the line to fix.
    lines: list[int] = []
    for piece, lineno in pieces:
        lines.extend([lineno + offset for offset in range(piece.count("\n"))])
    lines.append(pieces[-1][1] if pieces else 1)
    if template.suffix == ".txt":
        return found + [Unmarked(template, lines[number], line.strip())
                        for number, line in enumerate(text.split("\n")) if has_words(line)]
    reader = _Reader(lines)
    reader.feed(text)
    reader.close()
    return found + [Unmarked(template, line, text) for line, text in reader.found]


def templates() -> list[Path]:
    return sorted(path for suffix in ("html", "txt") for path in PACKAGE.glob(f"*/templates/**/*.{suffix}"))


def catalogues(language: str, root: Path = PACKAGE) -> list[Path]:
    return sorted(root.glob(f"**/locale/{language}/LC_MESSAGES/*.po"))


@dataclass(frozen=True)
class CatalogueState:
    catalogue: Path
    translated: int
    fuzzy: int
    untranslated: int

    @property
    def complete(self) -> bool:
        return not (self.fuzzy or self.untranslated)


def state_of(catalogue: Path) -> CatalogueState:
    """msgfmt's own count of a catalogue's translated, fuzzy and untranslated messages."""
    result = subprocess.run(["msgfmt", "--check-format", "--statistics", "-o", "/dev/null", str(catalogue)],
                            capture_output=True, text=True, check=True)
    counts = {kind: int(match.group(1)) if (match := re.search(rf"(\d+) {kind}", result.stderr)) else 0
              for kind in ("translated", "fuzzy", "untranslated")}
    return CatalogueState(catalogue, counts["translated"], counts["fuzzy"], counts["untranslated"])


def regathered(language: str) -> list[CatalogueState]:
    """Every catalogue as makemessages would leave it now: marked strings not yet in it count as untranslated.

    Runs in a copy of the package, so the tree being checked never changes."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "netcompanion"
        shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns(
            "__pycache__", "content", "heldout", "*.mo", "*.pyc", "*.svg", "*.png", "*.css"))
        for domain in ("django", "djangojs"):  # the pages' words, and the scripts' (Django's JavaScript catalogue)
            subprocess.run(["django-admin", "makemessages", "--domain", domain, "--locale", language,
                            "--no-obsolete", "--ignore", "tests/*", "--ignore", "migrations/*"],
                           cwd=copy, capture_output=True, text=True, check=True, env={"PATH": _PATH})
        return [state_of(path) for path in catalogues(language, copy)]


# The interpreter's own bin first, so the django-admin of this environment runs, with no settings module: the
# command then files strings by the locale folders it finds, as `make catalogues` does.
_PATH = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
