"""`netcompanion demo --language`: the demo's texts are written in the chosen language, and its people read it."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from netcompanion.accounts.models import User
from netcompanion.appointments.models import Appointment
from netcompanion.careplan.models import CarePlan, Question
from netcompanion.diary.models import DiaryEntry
from netcompanion.stories.models import Story

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_settings(settings):
    settings.DEBUG = True
    return settings


def _plan(patient) -> CarePlan:
    return CarePlan.objects.filter(patient=patient).order_by("-version").first()


def test_the_demo_in_swedish_writes_swedish_texts_for_swedish_readers(demo_settings):
    call_command("demo", language="sv")
    patient = User.objects.get(username="patient")
    assert set(User.objects.values_list("language", flat=True)) == {"sv"}
    notes = set(DiaryEntry.objects.filter(patient=patient).exclude(notes="").values_list("notes", flat=True))
    assert "Fick sprutan idag. Lite ömt där nålen gick in." in notes
    assert "NET i tunntarmen, grad 2" in _plan(patient).diagnosis
    assert Question.objects.filter(patient=patient, text__startswith="Kan jag lära mig").exists()
    assert Appointment.objects.filter(patient=patient, title="Besök hos min kontaktsjuksköterska").exists()
    assert Story.objects.filter(is_example=True, title="Tre år av svar som inte stämde").exists()
    assert not Story.objects.filter(title="Three years of answers that did not fit").exists()


def test_the_demo_in_english_is_as_before(demo_settings):
    call_command("demo")
    patient = User.objects.get(username="patient")
    assert patient.language == ""  # no language chosen: the demo people read in their browser's language
    assert DiaryEntry.objects.filter(patient=patient, notes__startswith="Injection today.").exists()
    assert _plan(patient).diagnosis.startswith("Small-intestine NET, grade 2")
    assert Story.objects.filter(is_example=True, title="Three years of answers that did not fit").exists()


def test_the_demo_refuses_a_language_the_site_does_not_offer(demo_settings):
    with pytest.raises(CommandError):
        call_command("demo", "--language", "xx")
    assert not User.objects.exists()
