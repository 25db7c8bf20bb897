"""The red flags in what a patient or relative writes to the team, and the navigator's advice for them.

The compose page, the reply form and the API all show the same advice before a flagged message is stored, and the
action keeps the same flags on the message, so one function reads the text for all of them. A new thread's
subject is read with its text: "chest pain" in the subject alone is as urgent as in the message.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext

from netcompanion.accounts.selectors import about_me, emergency_number_for
from netcompanion.navigator.words import in_language
from netcompanion.triage import red_flags
from netcompanion.triage.engine import care_for
from netcompanion.triage.rules import Level


def written(body: str, subject: str = "") -> str:
    """Everything the writer wrote that the red-flag check reads."""
    return f"{subject}\n{body}" if subject else body


@dataclass(frozen=True)
class Advice:
    """The highest red flag's level, the rows that found it, and the navigator's words for that level in the
    writer's country and the reader's language (headline, places, where, emergency number)."""

    level: Level
    matches: list[red_flags.Match]
    shown: dict
    # At urgent, the country's advice line (1177 in Sweden) is the number to call; at emergency, the emergency one.
    advice_line: str

    @property
    def reasons(self) -> list[str]:
        return list(dict.fromkeys(gettext(match.reason) for match in self.matches))

    @property
    def flags(self) -> list[str]:
        return list(dict.fromkeys(match.row_id for match in self.matches))


def red_flag_advice(text: str, writer, patient) -> Advice | None:
    """The advice for the red flags in ``text``, or None when it has none. ``writer`` decides the country and the
    emergency number; ``patient`` whether they are under a NET care team (unless they said they are not)."""
    matches = red_flags.find(text)
    level = red_flags.highest(matches)
    if level is None:
        return None
    about = about_me(patient)
    care = care_for(writer.country or None, level, about is None or about.diagnosed_net is not False)
    shown = in_language({"level": level.value, "emergency_number": emergency_number_for(writer), "reasons": [],
                         "care": care.model_dump()})
    return Advice(level, matches, shown, care.advice_line if level is Level.URGENT else "")
