"""A navigator result in the reader's language.

The triage engine keeps its words in English (marked with gettext_noop) and a result stores them so, in the session
or the patient's record; they are translated only when shown, here, with the language active for the request. The
headline and the places are translated first and their values (the emergency number, whom to contact) filled in
after, so a translator sees whole sentences. A result saved before the engine gave its words (no ``care``) keeps
its English headline and "where", and a note for the GP saved before it kept its answers as codes keeps its English
lines.
"""

from typing import Any

from django.utils.formats import number_format
from django.utils.text import capfirst
from django.utils.translation import gettext

from netcompanion.navigator.questions import ANSWER_NAMES, ANSWER_WORDS
from netcompanion.triage.case import SYMPTOM_NAMES


def _each(items: list[dict], key: str) -> list[dict]:
    return [{**item, key: gettext(item[key])} for item in items]


def _answer(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_answer(v) for v in value)
    if isinstance(value, (bool, str)):
        return str(ANSWER_WORDS.get(value, value))
    return number_format(value)


def _symptom(detail: dict[str, Any]) -> str:
    """A symptom for the GP note with the answers given ("Flushing (episodes per day: 3; triggers: alcohol)")."""
    name = capfirst(gettext(SYMPTOM_NAMES[detail["code"]]))
    given = "; ".join(f"{ANSWER_NAMES[k]}: {_answer(v)}" for k, v in detail["answers"].items())
    return f"{name} ({given})" if given else name


def in_language(assessment: dict[str, Any]) -> dict[str, Any]:
    """The assessment (as stored) with every word a person reads in the active language; codes stay codes."""
    shown = {**assessment,
             "reasons": _each(assessment["reasons"], "text"),
             "advice": _each(assessment.get("advice", []), "text"),
             "also_reported": [gettext(name) for name in assessment.get("also_reported", [])]}
    care = assessment.get("care")
    if care:
        params = {"number": assessment["emergency_number"], "who": gettext(care["who"])}
        places = [{**p, "place": gettext(p["place"]) % params, "reach": gettext(p["reach"]) % params}
                  for p in care["places"]]
        shown["headline"] = gettext(care["headline"]) % params
        shown["places"] = places
        shown["where"] = " ".join(f"{p['place']}: {p['reach']}" for p in places)
    note = assessment.get("gp_note")
    if note:
        shown["gp_note"] = {**note, "criteria": _each(note["criteria"], "text")}
        if note.get("details"):  # results saved before the note kept its details as codes have English lines only
            shown["gp_note"]["symptoms"] = [_symptom(detail) for detail in note["details"]]
    return shown
