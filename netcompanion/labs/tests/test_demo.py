import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from netcompanion.accounts.models import Role, User
from netcompanion.labs.catalogue import Flag
from netcompanion.labs.demo import create_demo_labs
from netcompanion.labs.models import LabResult, LabResultVersion, Preparation

pytestmark = pytest.mark.django_db


def test_demo_gives_a_year_of_results_and_a_planned_collection(client):
    patient = User.objects.create_user("demo", password="x", role=Role.PATIENT)
    assert create_demo_labs(patient) == 8
    cga = list(LabResult.objects.filter(test="cga").order_by("taken_on"))
    assert len(cga) == 5 and (cga[-1].taken_on - cga[0].taken_on).days > 300
    assert [r.flag for r in cga] == [Flag.IN_RANGE] * 4 + [Flag.HIGH], "above the limit for the first time, last"
    assert {(r.unit, r.loinc) for r in cga} == {("µg/L", "9811-1")}
    hiaa = LabResult.objects.filter(test="u5hiaa")
    assert hiaa.count() == 2 and {(r.unit, r.loinc) for r in hiaa} == {("µmol/24 h", "14573-0")}
    assert LabResultVersion.objects.count() == 7
    plan = Preparation.objects.get()
    assert timezone.localtime(plan.starts_at).date() == timezone.localdate() + dt.timedelta(days=10)
    assert plan.timeline(timezone.now()).late_steps[:1] == plan.timeline(timezone.now()).steps[:1], \
        "10 days is inside the 14-day supplement gap, and the page says so"

    assert create_demo_labs(patient) == 0, "running demo twice adds nothing"
    assert LabResult.objects.count() == 7 and Preparation.objects.count() == 1

    client.force_login(patient)
    body = client.get(reverse("labs:index")).content.decode()
    assert "Above the lab's range" in body and "Your diet starts in" in body
