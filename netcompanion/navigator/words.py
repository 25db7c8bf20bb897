"""A navigator result in the reader's language.

The triage engine keeps its words in English (marked with gettext_noop) and a result stores them so, in the session
or the patient's record; they are translated only when shown, here, with the language active for the request. The
headline and the places are translated first and their values (the emergency number, whom to contact) filled in
after, so a translator sees whole sentences. A result saved before the engine gave its words (no ``care``) keeps
its English headline and "where".
"""

from typing import Any

from django.utils.translation import gettext


def _each(items: list[dict], key: str) -> list[dict]:
    return [{**item, key: gettext(item[key])} for item in items]


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
    if assessment.get("gp_note"):
        shown["gp_note"] = {**assessment["gp_note"], "criteria": _each(assessment["gp_note"]["criteria"], "text")}
    return shown
