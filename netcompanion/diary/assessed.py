"""What a saved diary day came to, told to the person who saved it on the very next page and in the API's answer.

The action that saved the day assessed it once (diary.actions.Saved); this only words that result: the higher of
the navigator's level for the day and the level of the alert it sent to the care team (fail safe: the highest
wins), the navigator's headline and where to go when they are at that level, the emergency number of the person
who saved it (their country's), and whether the team was told. A day logged late is past: the person is asked how
they are now rather than told to call about that day. The page after a form's redirect reads it from the session,
once."""

from __future__ import annotations

import datetime as dt
from typing import Any

from netcompanion.accounts.selectors import emergency_number_for
from netcompanion.alerts.services import AssessedDay, expected_for
from netcompanion.triage.rules import Level

SESSION_KEY = "diary_assessed"


def told(day: AssessedDay, emergency_number: str) -> dict[str, Any]:
    """The day's assessment as JSON-safe words: level (the navigator's levels; "none" when the day reports no
    symptom and raised nothing), headline and where (the navigator's, empty when its level is not the one shown),
    why (the navigator's reasons at that level), the emergency number (the navigator's, which the action gave the
    saver's country; ``emergency_number`` when the day reports no symptom), and the alert the team was sent (its
    code and level) if any."""
    navigator, alert = day.navigator, day.alert
    levels = [Level(navigator.level)] if navigator else []
    if alert:
        levels.append(Level(alert.level))
    level = max(levels, key=lambda lv: lv.rank, default=None)
    own_words = navigator is not None and level is not None and Level(navigator.level) is level
    if navigator is not None:
        # The action put the saver's country to the navigator, so its words already give their number.
        emergency_number = navigator.emergency_number

    return {
        "date": day.date.isoformat(),
        "late": day.late,
        "level": level.value if level else "none",
        "headline": navigator.headline if own_words and navigator else "",
        "where": navigator.where if own_words and navigator else "",
        "why": [r.text for r in navigator.reasons if r.level == level.value] if own_words and navigator and level
        else [],
        "emergency_number": emergency_number,
        "told_team": alert is not None,
        "alert_level": alert.level if alert else None,
        "alert_code": str(alert.code) if alert else None,
    }


def keep(request, day: AssessedDay) -> None:
    request.session[SESSION_KEY] = told(day, emergency_number_for(request.user))


def take(request, patient) -> dict[str, Any] | None:
    """The assessment kept for this page, once, with the day's alert (for when to expect an answer)."""
    kept = request.session.pop(SESSION_KEY, None)
    if kept:
        kept["day"] = dt.date.fromisoformat(kept["date"])
        kept["expected"] = expected_for(patient, kept.get("alert_code"))
    return kept
