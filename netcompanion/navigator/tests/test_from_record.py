"""A signed-in patient's symptom check starts from what the record states (today: the treatments, from the injection
plan and the current medicines), marked "from your record — change if wrong"; nothing the record does not state is
filled in, the person's own answer wins, and a check sent as filled in is the same check as one answered by hand."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from netcompanion.core.testing import FROZEN_TODAY, text
from netcompanion.medicines import services as medicines
from netcompanion.navigator.models import NavigatorResult
from netcompanion.navigator.record import TREATMENT_NAMES, known_answers

pytestmark = pytest.mark.django_db
START = reverse("navigator:start")
FROM_RECORD = "From your record — change if wrong"


@pytest.fixture
def cast(record_cast):
    return record_cast


def on_record(patient, *names, plan=True, stopped=()):
    if plan:
        medicines.save_plan(patient, patient, {"drug": "lanreotide", "dose_mg": 120, "interval_days": 28})
    for name in names:
        medicines.add_medicine(patient, patient, {"name": name, "started_on": FROZEN_TODAY - dt.timedelta(days=90)})
    for name in stopped:
        medicines.add_medicine(patient, patient, {"name": name, "started_on": FROZEN_TODAY - dt.timedelta(days=90),
                                                  "stopped_on": FROZEN_TODAY - dt.timedelta(days=10)})


def ticked(body: str, name: str) -> list[str]:
    """The values of the boxes and radio buttons called ``name`` that the page sends ticked."""
    return [re.search(r'value="([^"]*)"', tag).group(1)
            for tag in re.findall(rf'<input[^>]*name="{name}"[^>]*>', body) if " checked" in tag]


def test_the_first_step_starts_from_the_treatments_on_record(client, maria):
    on_record(maria, "Xermelo 250 mg", stopped=["Afinitor"])
    response = client.get(START)
    body = response.content.decode()
    assert ticked(body, "treatments") == ["somatostatin_analogue", "telotristat"], "a stopped medicine is not now"
    assert FROM_RECORD in text(response)


def test_nothing_the_record_does_not_state_is_filled_in(client, maria):
    on_record(maria, "Creon")
    body = client.get(START).content.decode()
    for field in ("diagnosed_net", "pregnant"):
        assert ticked(body, field) == [], field
    assert re.search(r'<input[^>]*name="age"[^>]*value=', body) is None
    assert re.search(r'<option value="[A-Z]{2}" selected', body) is None, "no country"
    assert 'value="" selected' in body or "selected" not in body.split('name="primary_site"')[1].split("</select>")[0]


def test_an_empty_record_fills_in_nothing(client, maria):
    page = client.get(START)
    assert ticked(page.content.decode(), "treatments") == [] and FROM_RECORD not in text(page)


def test_only_a_signed_in_patient_gets_their_record(client, cast):
    on_record(cast["maria"], "Xermelo")
    assert ticked(client.get(START).content.decode(), "treatments") == []
    client.force_login(cast["johan"])
    assert ticked(client.get(START).content.decode(), "treatments") == [], "a relative sees no patient's record"
    client.force_login(cast["olle"])
    assert ticked(client.get(START).content.decode(), "treatments") == [], "another patient sees their own only"


def test_the_persons_change_wins_and_is_kept(client, maria):
    on_record(maria, "Xermelo")
    client.post(START, {"diagnosed_net": "yes", "treatments": ["chemotherapy"]})
    assert client.session["navigator"]["person"]["treatments"] == ["chemotherapy"]
    assert ticked(client.get(START).content.decode(), "treatments") == ["chemotherapy"], "going back shows theirs"
    client.post(START, {"diagnosed_net": "yes", "treatments": ["none"]})
    assert client.session["navigator"]["person"]["treatments"] == []


def test_the_record_only_ever_adds_treatments_it_names(maria):
    """A filled-in answer never says "none" or "no": the record adds what it states, never rules something out."""
    on_record(maria, "Capecitabine 500 mg", "Sandostatin 50 micrograms", "Paracetamol")
    assert known_answers(maria, FROZEN_TODAY) == {"treatments": ["chemotherapy", "somatostatin_analogue"]}
    assert all(codes for codes in TREATMENT_NAMES.values())


def _walk(client, about, codes, details) -> NavigatorResult:
    client.post(START, about)
    client.post(reverse("navigator:symptoms"), {"symptoms": codes})
    client.post(reverse("navigator:details"), details)
    return NavigatorResult.objects.latest("created_at")


CASES = [
    (["fever"], {"fever__temperature_c": "38.4"}),
    (["diarrhea"], {"diarrhea__stools_per_day": "7", "diarrhea__days": "2", "diarrhea__watery": "yes",
                    "diarrhea__signs_of_dehydration": "no", "diarrhea__new_or_worse": "yes"}),
    (["flushing"], {"flushing__episodes_per_day": "4", "flushing__with_wheezing": "no",
                    "flushing__with_dizziness": "no", "flushing__new_or_worse": "not_sure"}),
]


@pytest.mark.parametrize(("codes", "details"), CASES, ids=[c[0][0] for c in CASES])
def test_a_check_sent_as_filled_in_is_the_check_answered_by_hand(client, cast, codes, details):
    maria = cast["maria"]
    on_record(maria, "Capecitabine")
    client.force_login(maria)
    prefilled = ticked(client.get(START).content.decode(), "treatments")
    from_record = _walk(client, {"diagnosed_net": "yes", "treatments": prefilled}, codes, details)
    client.post(reverse("navigator:start_again"))
    by_hand = _walk(client, {"diagnosed_net": "yes", "treatments": ["somatostatin_analogue", "chemotherapy"]},
                    codes, details)
    assert from_record.case == by_hand.case and from_record.level == by_hand.level
