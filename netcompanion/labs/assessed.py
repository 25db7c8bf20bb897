"""What a saved lab result came to, told to the person who saved it on the very next page and in the API's answer.

The action that saved the result assessed it once (labs.actions.Saved); this only words that result, calmly and
without judging what it means for the person's illness: where it lies against the range on their report, how it
compares with their previous result of the test (never across units), whether the care team was sent an alert and,
if so, when to expect them to look at it. The page after a form's redirect reads it from the session, once."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import formats
from django.utils.translation import gettext

from netcompanion.accounts.selectors import emergency_number_for
from netcompanion.alertrules.rules import rise_for
from netcompanion.alerts.services import expected_for
from netcompanion.labs.actions import Saved
from netcompanion.labs.catalogue import CGA, Flag

SESSION_KEY = "labs_assessed"
FIRST_TIME = "AL-LAB-ABOVE-ULN"


def _number(value: float) -> str:
    """A number as short as it can be written ("3.5", "120"), with the reader's decimal sign ("3,5")."""
    return formats.number_format(Decimal(f"{value:g}"))


def _percent(value: float) -> str:
    return _number(round(abs(value), 1))


def _headline(saved: Saved) -> str:
    flag = saved.record.flag
    if saved.alert:
        return gettext("Your care team will see this result.")
    if flag == Flag.HIGH:
        return gettext("This result is above the upper limit on your report.")
    if flag == Flag.LOW:
        return gettext("This result is below the lower limit on your report.")
    if flag == Flag.IN_RANGE:
        return gettext("This result is within the range on your report.")
    return gettext("The range from your report was not entered, so the app does not say whether this result is high "
                   "or low.")


def _comparison(saved: Saved) -> list[str]:
    """How the result compares with the previous one of the test, in the person's own units only."""
    check = saved.check
    if check.previous_value is None or check.previous_taken_on is None:
        return []
    if check.unit_changed:
        return [gettext("Your previous result was in %(previous_unit)s and this one is in %(unit)s, so the app does "
                        "not compare them. Your care team can tell you how they compare.")
                % {"previous_unit": check.previous_unit, "unit": check.unit}]
    rise = check.rise_percent
    if rise is None:
        return []
    words = {"percent": _percent(rise), "previous": f"{_number(check.previous_value)} {check.unit}",
             "date": formats.date_format(check.previous_taken_on, "j F Y")}
    if rise > 0:
        line = gettext("It is %(percent)s %% higher than your previous result, %(previous)s on %(date)s.") % words
    elif rise < 0:
        line = gettext("It is %(percent)s %% lower than your previous result, %(previous)s on %(date)s.") % words
    else:
        line = gettext("It is the same as your previous result, %(previous)s on %(date)s.") % words
    lines = [line]
    if saved.record.flag != Flag.HIGH or not check.previous_above:
        return lines
    lines.append(gettext("Your previous result was above the upper limit on its report too."))
    threshold = rise_for(check.test_key)
    if saved.alert is None and threshold:
        lines.append(gettext("Labs count only a rise of more than %(threshold)s %% between two results of this test "
                             "as a meaningful change, so no alert was sent to your care team.")
                     % {"threshold": _number(threshold.more_than_percent)})
    elif saved.alert is None:
        lines.append(gettext("The app has no agreed measure of a meaningful change for this test, so it does not "
                             "judge the change."))
    return lines


def _why(saved: Saved) -> list[str]:
    flag, check = saved.record.flag, saved.check
    lines = []
    if FIRST_TIME in saved.fired:
        lines.append(gettext("It is above the upper limit on your report (%(limit)s %(unit)s), the first of your "
                             "saved results of this test to be above it.")
                     % {"limit": _number(check.upper_limit), "unit": check.unit})
    lines += _comparison(saved)
    if flag == Flag.HIGH and saved.record.test == CGA.key:
        lines.append(gettext("Many things other than a tumour can raise chromogranin A, such as some medicines for "
                             "stomach acid and kidney problems."))
    if flag in (Flag.HIGH, Flag.LOW) and not saved.alert:
        lines.append(gettext("Your care team can see it with your other results. Talk about it at your next visit."))
    return lines


def told(saved: Saved, emergency_number: str) -> dict[str, Any]:
    """The result's assessment as JSON-safe words, in the shape of the diary's: level ("soon" when the care team
    was sent an alert, else "none"), headline, where (empty: a lab result has no place to go), why, the emergency
    number, and the alert the team was sent (its code and level) if any; then the lab's own: the test, the flag
    against the report's range, the change from the previous result in per cent, and whether the units differed."""
    alert, check = saved.alert, saved.check
    flag = saved.record.flag
    return {
        "date": saved.record.taken_on.isoformat(),
        "level": alert.level if alert else "none",
        "headline": _headline(saved),
        "where": "",
        "why": _why(saved),
        "emergency_number": emergency_number,
        "told_team": alert is not None,
        "alert_level": alert.level if alert else None,
        "alert_code": str(alert.code) if alert else None,
        "test": saved.record.test,
        "flag": flag.value if flag else None,
        "rise_percent": check.rise_percent,
        "previous_taken_on": check.previous_taken_on.isoformat() if check.previous_taken_on else None,
        "units_differ": check.unit_changed,
    }


def keep(request, saved: Saved) -> Saved:
    """Keeps what the save assessed for the page the form goes to next, which shows it once."""
    request.session[SESSION_KEY] = told(saved, emergency_number_for(request.user))
    return saved


def take(request, patient) -> dict[str, Any] | None:
    """The assessment kept for this page, once, with by when the team aims to look at its alert."""
    kept = request.session.pop(SESSION_KEY, None)
    if kept:
        kept["taken_on"] = dt.date.fromisoformat(kept["date"])
        kept["expected"] = expected_for(patient, kept["alert_code"])
    return kept
