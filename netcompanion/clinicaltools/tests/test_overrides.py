"""The clinic's own follow-up settings: kept in the admin, checked there, and used by every follow-up answer."""

import pytest
from django.core.exceptions import ValidationError

from netcompanion.accounts.testing import verified_login
from netcompanion.clinicaltools.admin import FollowUpOverrideForm
from netcompanion.clinicaltools.models import FollowUpOverride
from netcompanion.clinicaltools.services import clinic_overrides
from netcompanion.followup import Override

pytestmark = pytest.mark.django_db

ADD = "/admin/clinicaltools/followupoverride/add/"
CASE = {"site": "jejunum_ileum", "grade": "G1", "N": "N0", "M": "M0", "resected": True, "margin": "R0"}


def form(**data):
    return FollowUpOverrideForm({"item": "ESMO-G12-SCAN", "enabled": "on", "note": "", **data})


@pytest.mark.parametrize("data, field, message", [
    ({"item": "MADE-UP"}, "item", "Select a valid choice."),
    ({"every_months_min": "12", "every_months_max": "6"}, "every_months_max",
     "The longest interval cannot be shorter than the shortest."),
    ({"every_months_min": "6"}, "every_months_max", "Give both the shortest and the longest interval, or neither."),
    ({"every_months_min": "0", "every_months_max": "6"}, "every_months_min", "greater than or equal to 1"),
    ({"for_years": "5", "life_long": "on"}, "for_years", "A check for life has no number of years."),
])
def test_the_admin_refuses_an_unknown_check_and_an_interval_out_of_order(data, field, message):
    f = form(**data)
    assert not f.is_valid()
    assert any(message in error for error in f.errors[field]), f.errors


def test_the_model_itself_refuses_an_unknown_check(cast):
    with pytest.raises(ValidationError) as refused:
        FollowUpOverride(item="MADE-UP", changed_by=cast["ada"]).full_clean()
    assert "“MADE-UP” is not a follow-up check." in refused.value.message_dict["item"][0]


def test_an_administrator_adds_a_setting_and_the_api_answer_changes(client, cast):
    def scan(answer):
        return next(i for i in answer["items"] if i["id"] == "ESMO-G12-SCAN")

    before = scan(client.post("/api/v1/followup", CASE, content_type="application/json").json())
    assert before["every_months"] == [6, 12] and not before["overridden_by_clinic"]
    verified_login(client, cast["ada"])
    response = client.post(ADD, {"item": "ESMO-G12-SCAN", "enabled": "on", "every_months_min": "3",
                                 "every_months_max": "6", "note": "Our local protocol."})
    assert response.status_code == 302
    assert FollowUpOverride.objects.get().changed_by == cast["ada"]
    client.logout()
    after = scan(client.post("/api/v1/followup", CASE, content_type="application/json").json())
    assert after["every_months"] == [3, 6] and after["guideline_every_months"] == [6, 12]
    assert after["overridden_by_clinic"] and after["clinic_note"] == "Our local protocol."


def test_the_admin_pages_show_the_guideline_beside_the_setting(client, cast):
    row = FollowUpOverride.objects.create(item="ESMO-G12-SCAN", every_months_min=3, every_months_max=6,
                                          changed_by=cast["ada"])
    verified_login(client, cast["ada"])
    listing = client.get("/admin/clinicaltools/followupoverride/").content.decode()
    assert "CT or MRI scan of the tummy (abdomen)" in listing and "3-6" in listing
    change = client.get(f"/admin/clinicaltools/followupoverride/{row.pk}/change/").content.decode()
    assert "ESMO-G12-SCAN: CT or MRI scan of the tummy (abdomen) (ESMO 2020, every 6-12 months, for 5 years)" in change
    assert client.get(ADD).status_code == 200


def test_the_settings_reach_the_engine_and_a_setting_for_a_retired_check_is_skipped(cast):
    FollowUpOverride.objects.create(item="ESMO-G12-VISIT", enabled=False, changed_by=cast["ada"])
    FollowUpOverride.objects.create(item="ESMO-G3-SCAN", life_long=True, every_months_min=1, every_months_max=2,
                                    changed_by=cast["ada"])
    FollowUpOverride.objects.create(item="RETIRED-ITEM", changed_by=cast["ada"])
    assert clinic_overrides() == {
        "ESMO-G12-VISIT": Override(enabled=False),
        "ESMO-G3-SCAN": Override(every_months=(1, 2), life_long=True),
    }
