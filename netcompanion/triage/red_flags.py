"""Red flags in a free-text message: the navigator's danger symptoms, found in the words people write.

When a patient or a relative writes to the care team, the message is read for symptoms that the navigator
(rules.py) sends for help at once or the same day, so that the writer sees the emergency advice before a
message that may wait days for a reply. Each row is data a clinician reads: its id, the navigator's
symptom and the navigator rule it mirrors (the row takes that rule's level and sources, and a test holds
them equal), the phrases in English and in Swedish, the plain reason shown to the writer, and its sources.
Every row's phrases are searched in every message, whatever the writer's language.

Matching, on purpose simple enough to check by hand:
- Case, accents and apostrophes are folded ("Can’t" reads as "cant", "é" as "e"), but å, ä and ö stay
  letters of their own: "svårt" (hard) is not "svart" (black). A Swedish phrase also matches as typed on a
  keyboard without them ("svart att andas", "brostsmarta"), phrase by phrase, never the message's words.
- Words are compared whole, with common endings allowed (`ENDINGS`: English plural, -ing, -ed; Swedish
  -en, -et, -na, -ar, -er, -or …; a word ending in a vowel may drop it first: "smärta" matches "smärtor",
  "breathe" matches "breathing" and "breath"). Words shorter than `MIN_INFLECTED` letters match only as
  they are, so "i" and "a" stay themselves.
- A phrase's words come in order, with at most `MAX_GAP` other words between two of them: "blood in my
  stool" matches "blood in stool", "ont i hela bröstet" matches "ont i bröstet".

FAIL SAFE: a negation never suppresses a flag. "No chest pain now" and "inte svårt att andas" still flag:
reading negation in free text is unreliable ("no, I can't breathe"), and over-warning costs the writer a
click, while a missed warning can cost a life (hazard log H-197). A flag never stops a message being sent.

A red flag is only a symptom the navigator rates urgent or emergency; milder symptoms are for the message
itself. The rows are a proposed design; a clinician signs them off and any change bumps RED_FLAGS_VERSION
(a test holds the fingerprint of this table). `netcompanion triage --red-flags` prints them for review.
No Django import.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from netcompanion.translatable import gettext_noop as _
from netcompanion.triage.rules import CALL_999, CRISIS, HYPO, Level

RED_FLAGS_VERSION = "2026.12.1"

E, U = Level.EMERGENCY, Level.URGENT

# Endings a word may carry beyond the phrase's form of it, longest first.
ENDINGS = ("arna", "erna", "orna", "ande", "ende", "ing", "ade", "ed", "es", "en", "et", "na", "ar", "er", "or",
           "at", "ad", "s", "d", "n", "t", "a", "e")
MIN_INFLECTED = 3
MAX_GAP = 2

# å, ä and ö are letters in Swedish; every other accent is folded away.
_KEEP = frozenset("åäö")
_ASCII_SWEDISH = str.maketrans({"å": "a", "ä": "a", "ö": "o"})
_OTHER_LETTERS = str.maketrans({"æ": "ä", "ø": "ö", "ß": "ss"})
_APOSTROPHES = re.compile(r"['’`´]")
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class RedFlag:
    id: str
    symptom: str
    rule: str  # the navigator rule (rules.py) whose level and sources the row takes
    level: Level
    english: tuple[str, ...]
    swedish: tuple[str, ...]
    reason: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Match:
    row_id: str
    symptom: str
    level: Level
    phrase: str
    reason: str
    sources: tuple[str, ...]


def F(id: str, symptom: str, rule: str, level: Level, english: Iterable[str], swedish: Iterable[str],  # noqa: N802
      reason: str, sources: tuple[str, ...]) -> RedFlag:
    """A row, written as a table line."""
    return RedFlag(id, symptom, rule, level, tuple(english), tuple(swedish), reason, sources)


RED_FLAGS: tuple[RedFlag, ...] = (
    # id, symptom, navigator rule, level, English phrases, Swedish phrases, reason, sources
    F("RF-CHEST-PAIN", "chest_pain", "CP-NOT-MILD", E,
      ("chest pain", "pain in chest", "chest hurts", "chest is hurting", "chest ache", "tight chest",
       "chest tightness", "tightness in chest", "pressure in chest", "chest pressure", "crushing chest",
       "heart attack", "angina"),
      ("bröstsmärta", "ont i bröstet", "smärta i bröstet", "tryck över bröstet", "tryck i bröstet",
       "tryckkänsla i bröstet", "trånghet i bröstet", "hjärtinfarkt", "kärlkramp"),
      _("You mention chest pain. Chest pain can be an emergency."), CALL_999),
    F("RF-CANNOT-BREATHE", "breathing_difficulty", "BR-SEVERE", E,
      ("cant breathe", "cannot breathe", "can not breathe", "unable to breathe", "struggling to breathe",
       "fighting for breath", "gasping for air", "gasping for breath", "choking", "cant get air",
       "cant catch breath", "turning blue", "lips are blue", "blue lips"),
      ("kan inte andas", "får ingen luft", "får inte luft", "kippar efter andan", "kippar efter luft",
       "kvävs", "kvävningskänsla", "blå om läpparna", "blåa läppar"),
      _("You mention not being able to breathe. Severe breathlessness is an emergency."), CALL_999),
    F("RF-FAINTING", "fainting", "FA-ANY", E,
      ("fainted", "fainting", "faints", "feel faint", "passed out", "pass out", "blacked out", "black out", "collapsed",
       "collapse", "lost consciousness", "unconscious", "unconcious", "unresponsive"),
      ("svimmade", "svimmat", "svimma", "svimning", "svimfärdig", "tuppade av", "tuppat av", "kollapsade",
       "föll ihop", "medvetslös", "medvetslöst", "förlorade medvetandet"),
      _("You mention fainting. Fainting can come from a carcinoid crisis, bleeding or a heart problem."), CRISIS),
    F("RF-BLACK-STOOL", "black_stool", "BS-ANY", E,
      ("black stool", "black poo", "black poop", "black stools", "tarry stool", "tar like stool", "tarry",
       "stool is black", "poo is black", "poop is black", "black bowel movement", "melena", "melaena"),
      ("svart avföring", "svart bajs", "svarta avföringar", "tjärliknande avföring", "tjärfärgad avföring",
       "avföringen är svart", "bajset är svart", "tjärbajs"),
      _("You mention black stools. Black, tarry stools can mean bleeding high up in the gut."),
      ("nice-cg141", "nci-pdq-gi-net-hp", "cancernet-gi-net-symptoms")),
    F("RF-LOW-SUGAR", "sweating_shaking", "SW-UNKNOWN", E,
      ("low blood sugar", "hypo", "hypoglycaemia", "hypoglycemia", "sweating and shaking", "shaking and sweating",
       "sweaty and shaky", "shaky and sweaty", "cold sweat"),
      ("lågt blodsocker", "blodsockerfall", "hypoglykemi", "svettig och darrig", "darrig och svettig",
       "svettas och darrar", "darrar och svettas", "kallsvett", "kallsvettig"),
      _("You mention signs of low blood sugar. It can become dangerous quickly."), HYPO),
)


def _fold(text: str) -> str:
    """Lower case without accents, but with å, ä and ö kept as the letters they are; apostrophes dropped."""
    text = unicodedata.normalize("NFC", text.casefold()).translate(_OTHER_LETTERS)
    text = _APOSTROPHES.sub("", text)
    return "".join(ch if ch in _KEEP else unicodedata.normalize("NFKD", ch)[0] for ch in text)


def words(text: str) -> list[str]:
    """The text's words, folded (see `_fold`)."""
    return _WORD.findall(_fold(text))


def _bases(word: str) -> frozenset[str]:
    """Every form a phrase may give for this word of a message: the word, and the word without one ending."""
    forms = {word}
    for ending in ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= MIN_INFLECTED:
            forms.add(stem)
            if ending in ("ing", "ed") and len(stem) > 2 and stem[-1] == stem[-2]:
                forms.add(stem[:-1])  # "stopped", "stopping"
    return frozenset(forms)


def _word_matches(phrase_word: str, bases: frozenset[str], word: str) -> bool:
    if len(phrase_word) < MIN_INFLECTED:
        return word == phrase_word
    if phrase_word in bases:
        return True
    return len(phrase_word) > MIN_INFLECTED and phrase_word[-1] in "aeiouyåäö" and phrase_word[:-1] in bases


def _phrase_at(phrase: tuple[str, ...], message: list[tuple[str, frozenset[str]]]) -> bool:
    """Whether the phrase's words occur in order, with at most MAX_GAP other words between two of them."""
    reachable = [i for i, (word, bases) in enumerate(message) if _word_matches(phrase[0], bases, word)]
    for phrase_word in phrase[1:]:
        nexts = set()
        for i in reachable:
            for j in range(i + 1, min(i + 2 + MAX_GAP, len(message))):
                if _word_matches(phrase_word, message[j][1], message[j][0]):
                    nexts.add(j)
        reachable = sorted(nexts)
        if not reachable:
            return False
    return bool(reachable)


@cache
def _patterns() -> tuple[tuple[RedFlag, tuple[tuple[str, tuple[str, ...]], ...]], ...]:
    """Each row with its phrases as words, a Swedish phrase also as typed without å, ä and ö."""
    table = []
    for row in RED_FLAGS:
        forms: dict[tuple[str, ...], str] = {}
        for phrase in row.english:
            forms.setdefault(tuple(words(phrase)), phrase)
        for phrase in row.swedish:
            forms.setdefault(tuple(words(phrase)), phrase)
            forms.setdefault(tuple(words(phrase.translate(_ASCII_SWEDISH))), phrase)
        table.append((row, tuple((phrase, key) for key, phrase in forms.items())))
    return tuple(table)


def find(text: str) -> list[Match]:
    """The red flags the text mentions, one Match per row, the highest level first (then table order).
    Negations are not read: see the module's docstring."""
    message = [(word, _bases(word)) for word in words(text)]
    found = []
    for row, phrases in _patterns():
        phrase = next((phrase for phrase, key in phrases if _phrase_at(key, message)), None)
        if phrase is not None:
            found.append(Match(row.id, row.symptom, row.level, phrase, row.reason, row.sources))
    return sorted(found, key=lambda m: -m.level.rank)


def highest(matches: Iterable[Match]) -> Level | None:
    """The highest level among the matches, or None when there is none."""
    return max((m.level for m in matches), key=lambda level: level.rank, default=None)


def review_sheet() -> str:
    """Every row as one line of plain text, for a clinician's sign-off (`netcompanion triage --red-flags`)."""
    lines = [f"Red flags {RED_FLAGS_VERSION}. Id | symptom | navigator rule | level | English phrases | "
             "Swedish phrases | reason | sources"]
    for row in RED_FLAGS:
        lines.append(" | ".join((row.id, row.symptom, row.rule, row.level.value, "; ".join(row.english),
                                 "; ".join(row.swedish), row.reason, ", ".join(row.sources))))
    return "\n".join(lines)
