import datetime as dt
import re

import pytest
from django.urls import reverse

from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.core.testing import form_row
from netcompanion.labs.models import LabResult, LabResultVersion, Status

pytestmark = pytest.mark.django_db


def result(**values):
    return {"test": "cga", "value": "88", "unit": "µg/L", "reference_low": "", "reference_high": "102",
            "taken_on": TODAY.isoformat(), "lab": "Sahlgrenska lab", "notes": "", **values}


def test_a_patient_adds_a_result_and_sees_it(client, maria):
    response = client.post(reverse("labs:new"), result(unit="ug/l"))
    assert response.status_code == 302
    saved = LabResult.objects.get()
    assert (saved.patient, saved.created_by, saved.value, saved.unit, saved.loinc) == (maria, maria, 88, "µg/L",
                                                                                       "9811-1")
    assert saved.versions.get().action == "created"
    body = client.get(reverse("labs:index")).content.decode()
    assert "88 µg/L" in body and "Within the lab's range" in body and "up to 102 µg/L" in body


@pytest.mark.parametrize("values, code", [
    ({"unit": "nmol/L", "value": "0.52", "reference_high": "0.6"}, "25587-7"),
    ({"test": "u5hiaa", "unit": "mg/24h", "value": "6", "reference_high": "10"}, "1695-6"),
    ({"test": "u5hiaa", "unit": "µmol/24 h", "value": "38", "reference_low": "10", "reference_high": "47"},
     "14573-0"),
    ({"unit": "U/L"}, ""),
    ({"test": "other", "test_name": "Gastrin", "unit": "pmol/L"}, ""),
])
def test_the_loinc_code_follows_the_test_and_the_unit(client, maria, values, code):
    assert client.post(reverse("labs:new"), result(**values)).status_code == 302
    assert LabResult.objects.get().loinc == code


def test_a_value_above_the_upper_limit_is_flagged_in_words(client, maria):
    client.post(reverse("labs:new"), result(value="131"))
    body = client.get(reverse("labs:index")).content.decode()
    assert re.search(r"131 µg/L</strong>\s*<strong class=\"flag flag-high\">Above the lab's range</strong>",
                     body)


def test_a_value_below_the_lower_limit_is_flagged_in_words(client, maria):
    client.post(reverse("labs:new"), result(test="u5hiaa", unit="µmol/24 h", value="8", reference_low="10",
                                            reference_high="47"))
    body = client.get(reverse("labs:index")).content.decode()
    assert "Below the lab's range" in body and "10 to 47 µmol/24 h" in body


def test_without_a_range_the_app_does_not_call_a_value_normal(client, maria):
    client.post(reverse("labs:new"), result(reference_high=""))
    body = client.get(reverse("labs:index")).content.decode()
    assert "No range entered" in body and "Within" not in body and "Above" not in body


@pytest.mark.parametrize("values, field, message", [
    ({"value": "-1"}, "value", "The number cannot be negative."),
    ({"reference_low": "-5"}, "reference_low", "The number cannot be negative."),
    ({"reference_low": "120", "reference_high": "102"}, "reference_high",
     "The upper limit is lower than the lower limit."),
    ({"taken_on": (TODAY + dt.timedelta(days=1)).isoformat()}, "taken_on", "The date is in the future."),
    ({"value": "1,200"}, "value", "with a point for decimals"),
    ({"value": "abc"}, "value", "Enter a number"),
    ({"value": "1.2345"}, "value", "Use at most 3 decimals."),
    ({"value": ""}, "value", "Enter the result"),
    ({"test": "other", "test_name": ""}, "test_name", "Write the name of the test"),
    ({"unit": "mg/24 h"}, "unit", "Chromogranin A (CgA) is usually given in"),
])
def test_impossible_values_are_refused_next_to_the_field_and_kept(client, maria, values, field, message):
    response = client.post(reverse("labs:new"), result(lab="Typed lab", **values))
    body = response.content.decode()
    assert response.status_code == 400
    assert message in form_row(body, field), "the message is next to the field"
    assert 'value="Typed lab"' in body, "what the person typed is kept"
    for name, typed in values.items():
        if typed and name != "test":
            assert f'value="{typed}"' in form_row(body, name)
    assert not LabResult.objects.exists() and not LabResultVersion.objects.exists(), "nothing is stored"


def test_changing_a_result_keeps_the_earlier_version(client, maria):
    client.post(reverse("labs:new"), result(value="88"))
    saved = LabResult.objects.get()
    form = client.get(reverse("labs:edit", args=[saved.code])).content.decode()
    assert 'value="88"' in form, "the stored 88.000 is shown as the person wrote it"
    assert client.post(reverse("labs:edit", args=[saved.code]), result(value="98")).status_code == 302
    saved.refresh_from_db()
    assert saved.value == 98
    assert [(v.number, v.action, v.data["value"]) for v in saved.versions.all()] == [
        (1, "created", "88"), (2, "updated", "98")]
    history = client.get(reverse("labs:history", args=[saved.code])).content.decode()
    assert "Created" in history and "Changed" in history and "Result: 88" in history and "Result: 98" in history
    assert "by maria" in history


def test_deleting_hides_the_result_but_keeps_its_history(client, maria):
    client.post(reverse("labs:new"), result(notes="Before the scan"))
    saved = LabResult.objects.get()
    assert "The result was 88 µg/L" in client.get(reverse("labs:delete", args=[saved.code])).content.decode()
    assert client.post(reverse("labs:delete", args=[saved.code])).status_code == 302
    saved.refresh_from_db()
    assert saved.status == Status.ENTERED_IN_ERROR
    assert "Before the scan" not in client.get(reverse("labs:index")).content.decode()
    history = client.get(reverse("labs:history", args=[saved.code])).content.decode()
    assert "Deleted" in history and "Before the scan" in history
    assert client.get(reverse("labs:edit", args=[saved.code])).status_code == 404, "a deleted result stays deleted"


def test_results_are_grouped_by_test_newest_first(client, maria):
    for days, value in ((200, "60"), (10, "70"), (100, "65")):
        client.post(reverse("labs:new"), result(value=value, taken_on=(TODAY - dt.timedelta(days=days)).isoformat()))
    client.post(reverse("labs:new"), result(test="u5hiaa", unit="µmol/24 h", value="38", reference_high="47"))
    client.post(reverse("labs:new"), result(test="other", test_name="Gastrin", unit="pmol/L", value="40"))
    client.post(reverse("labs:new"), result(test="other", test_name="gastrin ", unit="pmol/L", value="45"))
    body = client.get(reverse("labs:index")).content.decode()
    headings = re.findall(r"<h3 id=\"group-\d+\">([^<]+)</h3>", body)
    assert headings == ["Chromogranin A (CgA)", "5-HIAA, 24-hour urine", "gastrin"], "one Gastrin group"
    assert body.index("70 µg/L") < body.index("65 µg/L") < body.index("60 µg/L")


def test_results_in_different_units_are_not_compared_silently(client, maria):
    client.post(reverse("labs:new"), result(value="88"))
    client.post(reverse("labs:new"), result(value="0.5", unit="nmol/L", reference_high="0.6"))
    assert "cannot be compared directly" in client.get(reverse("labs:index")).content.decode()


def test_the_form_starts_on_the_test_asked_for(client, maria):
    body = client.get(reverse("labs:new") + "?test=u5hiaa").content.decode()
    assert re.search(r'value="u5hiaa"[^>]*checked', body)


def test_every_page_has_one_heading_and_the_safety_strip(client, maria, cga_result, plan):
    for url in (reverse("labs:index"), reverse("labs:new"), reverse("labs:edit", args=[cga_result.code]),
                reverse("labs:delete", args=[cga_result.code]), reverse("labs:history", args=[cga_result.code]),
                reverse("labs:hiaa"), reverse("labs:plan_hiaa"), reverse("labs:hiaa_plan", args=[plan.code]),
                reverse("labs:change_plan", args=[plan.code]), reverse("labs:cancel_plan", args=[plan.code]),
                reverse("labs:cga")):
        response = client.get(url)
        body = response.content.decode()
        assert response.status_code == 200, url
        assert body.count("<h1") == 1, url
        assert "does not replace your care team" in body, url
        # Scripts only from files (the CSP allows no inline script); JSON data for them is not run.
        assert "style=" not in body and not re.search(r'<script(?![^>]*(src=|type="application/json"))', body), url
