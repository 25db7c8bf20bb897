"""The engine's words in Swedish keep their urgency: every row has a translation, the placeholders survive, an
emergency still says to call the number now and nothing at urgent or emergency invites waiting."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from netcompanion.triage.care import HEADLINES, PLACES, WHO
from netcompanion.triage.case import SYMPTOM_NAMES
from netcompanion.triage.rules import ADVICE, GETTING_HELP, RULES, ZEBRA, Level

# Swedish for "next visit", "a few days", "tomorrow", "diary", "at home", "for now", "when it opens", "wait and see".
WAITING_SV = ("nästa besök", "några dagar", "i morgon", "dagbok", "hemma", "så länge", "när den öppnar", "avvakta")
NOT_WORDS = {"112", "999", "911", "NHS 111"}  # numbers and names that read the same in Swedish


def texts():
    yield from ((h.level, h.text) for h in HEADLINES)
    yield from ((p.level, p.place) for p in PLACES)
    yield from ((p.level, p.reach) for p in PLACES)
    yield from ((r.level, r.reason) for r in (*RULES, *ZEBRA))
    for a in ADVICE:
        yield from ((level, a.text) for level in a.levels)
    yield from ((None, w.text) for w in WHO)
    yield from ((None, name) for name in SYMPTOM_NAMES.values())


@pytest.fixture(autouse=True)
def swedish():
    with translation.override("sv"):
        yield


def test_every_word_of_the_engine_has_a_swedish_translation_with_its_placeholders():
    for _, english in texts():
        swedish = gettext(english)
        assert swedish != english or english in NOT_WORDS, english
        for placeholder in ("%(number)s", "%(who)s"):
            assert (placeholder in swedish) == (placeholder in english), english


def test_urgent_and_emergency_words_in_swedish_never_invite_waiting():
    for level, english in texts():
        if level in GETTING_HELP:
            swedish = gettext(english).lower()
            for waiting in WAITING_SV:
                assert waiting not in swedish, (english, waiting)


def test_an_emergency_in_swedish_says_call_the_number_now():
    for headline in HEADLINES:
        if headline.level == Level.EMERGENCY:
            assert gettext(headline.text) % {"number": "112"} == "Ring 112 nu."
    for place in PLACES:
        if place.level == Level.EMERGENCY and place == next(p for p in PLACES if p.country == place.country
                                                              and p.level == Level.EMERGENCY):
            assert "nu." in gettext(place.reach) and gettext(place.reach).startswith("Ring ")
