"""Where to go, in each country's words: every level has words everywhere, the level never follows the country,
emergency always says to call the number now and urgent never invites waiting."""

import hashlib
import json

import pytest
from hypothesis import given, settings

from netcompanion.bibliography import cite
from netcompanion.triage import Level, assess
from netcompanion.triage.care import ADVICE_LINES, ANYWHERE, CARE_VERSION, HEADLINES, PLACES, WHO, care_country
from netcompanion.triage.tests.test_engine import case

COUNTRIES = {"SE": "112", "GB": "999", "US": "911", "DE": "112", "AU": "000", None: "112"}
WAITING = ("next visit", "few days", "tomorrow", "in your diary", "at home", "for now", "within days",
           "when it opens", "next appointment")


def _result(country, level_case, diagnosed_net=True):
    data = {"person": {"diagnosed_net": diagnosed_net}, "symptoms": [level_case]}
    if country:
        data["country"] = country
    return assess(data)


BY_LEVEL = {
    Level.EMERGENCY: {"code": "chest_pain", "severity": "severe"},
    Level.URGENT: {"code": "jaundice"},
    Level.SOON: {"code": "heartburn", "weeks": 5},
    Level.ROUTINE: {"code": "fatigue", "severity": "mild"},
    Level.SELF_CARE: {"code": "cough", "weeks": 1, "blood": False},
}


@pytest.mark.parametrize("country", ["SE", "GB", "US", ANYWHERE])
@pytest.mark.parametrize("level", list(Level))
@pytest.mark.parametrize("diagnosed_net", [True, False])
def test_every_level_has_words_in_every_country(country, level, diagnosed_net):
    result = _result(None if country == ANYWHERE else country, BY_LEVEL[level], diagnosed_net)
    assert result.level == level.value
    assert result.care.country == country
    assert result.headline and result.care.headline and result.care.who
    assert result.care.places, "every level names at least one place to turn to"
    for place in result.care.places:
        assert place.place and place.reach and place.sources
        for source in place.sources:
            cite(source)


@pytest.mark.parametrize("country, number", COUNTRIES.items())
def test_emergency_says_call_the_countrys_number_now_first(country, number):
    result = _result(country, BY_LEVEL[Level.EMERGENCY])
    assert result.headline == f"Call {number} now."
    first = result.care.places[0]
    assert f"Call {number} now" in (first.reach % {"number": number})
    assert result.where.startswith(f"{number}:") or result.where.startswith(f"The emergency number, {number}:")


def test_the_places_are_the_ones_people_know_in_each_country():
    urgent = {c: _result(c, BY_LEVEL[Level.URGENT]) for c in ("SE", "GB", "US", None)}
    assert "1177" in urgent["SE"].headline and "vårdcentral" in urgent["SE"].where
    assert "närakut" in urgent["SE"].where and "akutmottagning" in urgent["SE"].where
    assert "NHS 111" in urgent["GB"].headline and "A&E" in urgent["GB"].where and "999" in urgent["GB"].where
    assert "urgent care" in urgent["US"].headline and "ER" in urgent["US"].where and "911" in urgent["US"].where
    assert "out-of-hours" in urgent[None].headline and "emergency department" in urgent[None].where
    soon = _result("GB", BY_LEVEL[Level.SOON], diagnosed_net=False)
    assert soon.headline == "Contact your GP within the next few days."


def test_a_case_without_a_country_gets_the_number_the_site_gives():
    result = assess({"person": {"diagnosed_net": True}, "symptoms": [BY_LEVEL[Level.EMERGENCY]]}, "999")
    assert result.emergency_number == "999" and result.headline == "Call 999 now."
    assert result.care.country == ANYWHERE and "Call 999 now" in result.where


@pytest.mark.parametrize("country", ["SE", "GB", "US", ANYWHERE])
def test_urgent_and_emergency_words_never_invite_waiting(country):
    for row in (*HEADLINES, *PLACES):
        if row.level in (Level.URGENT, Level.EMERGENCY) and row.country == country:
            words = (row.text if hasattr(row, "text") else f"{row.place} {row.reach}").lower()
            for waiting in WAITING:
                assert waiting not in words, (row, waiting)


@settings(max_examples=100, deadline=None)
@given(data=case())
def test_the_level_and_its_reasons_never_change_with_the_country(data):
    results = [assess({**data, "country": c}) for c in ("SE", "GB", "US", "DE")]
    assert len({(r.level, tuple(x.rule for x in r.reasons), tuple(t.id for t in r.advice)) for r in results}) == 1


def test_unknown_countries_get_the_words_for_anywhere():
    assert care_country("FR") == ANYWHERE and care_country(None) == ANYWHERE and care_country("SE") == "SE"


CARE_FINGERPRINTS = {
    "2026.12.1": "0d6a4a2c335e5254",
    "2026.12.2": "a513501b37e3455a",  # the nurse advice line to call first at urgent (1177, 111)
}


def test_a_change_to_the_care_words_comes_with_a_new_version():
    """Results carry the care words' version; a change to any row must bump it (after clinical sign-off)."""
    rows = [(h.country, h.level.value, h.text) for h in HEADLINES]
    rows += [(w.country, w.diagnosed_net, w.text) for w in WHO]
    rows += [(p.country, p.level.value, p.whom.value, p.place, p.reach, p.sources) for p in PLACES]
    rows += sorted(ADVICE_LINES.items())
    fingerprint = hashlib.sha256(json.dumps(rows).encode()).hexdigest()[:16]
    assert CARE_FINGERPRINTS.get(CARE_VERSION) == fingerprint, (
        f"care words changed: bump CARE_VERSION and record {fingerprint!r} for it here")


@pytest.mark.parametrize("country, line", [("SE", "1177"), ("GB", "111"), ("US", ""), (None, "")])
def test_the_advice_line_to_call_at_urgent_is_the_countrys_own(country, line):
    result = _result(country, BY_LEVEL[Level.URGENT])
    assert result.care.advice_line == line
    if line:
        assert f"Call {line} now" in result.where
