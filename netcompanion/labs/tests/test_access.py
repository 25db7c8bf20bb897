import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from netcompanion.labs import services
from netcompanion.labs.demo import create_demo_labs
from netcompanion.labs.models import LabResult, PreparationStatus, Status

pytestmark = pytest.mark.django_db

PAGES = ("labs:index", "labs:new", "labs:hiaa", "labs:plan_hiaa", "labs:cga")
RESULT_PAGES = ("labs:edit", "labs:delete", "labs:history")
PLAN_PAGES = ("labs:hiaa_plan", "labs:change_plan", "labs:cancel_plan")
HOSTILE = {"test": "cga", "value": "1", "unit": "µg/L", "taken_on": "2020-01-01", "date": "2030-01-01",
           "time": "08:00"}


@pytest.mark.parametrize("name", ["olle", "sara", "johan"])
def test_nobody_else_reaches_a_patients_results_or_plans(client, cast, cga_result, plan, name):
    starts_at = plan.starts_at
    client.force_login(cast[name])
    urls = [reverse(p, args=[cga_result.code]) for p in RESULT_PAGES] + \
           [reverse(p, args=[plan.code]) for p in PLAN_PAGES]
    for url in urls:
        assert client.get(url).status_code == 404, url
        assert client.post(url, HOSTILE).status_code == 404, url
    cga_result.refresh_from_db()
    plan.refresh_from_db()
    assert (cga_result.value, cga_result.status, cga_result.versions.count()) == (131, Status.FINAL, 1)
    assert (plan.status, plan.starts_at) == (PreparationStatus.PLANNED, starts_at)
    assert LabResult.objects.count() == 1
    if name == "olle":
        body = client.get(reverse("labs:index")).content.decode()
        assert "131" not in body and "private note" not in body and "You have no tests planned." in body
    else:
        for page in PAGES:
            assert client.get(reverse(page)).status_code == 404, page
            assert client.post(reverse(page), HOSTILE).status_code == 404, page
        assert LabResult.objects.count() == 1


def test_every_page_needs_a_sign_in(client, cga_result, plan):
    urls = [reverse(p) for p in PAGES] + [reverse(p, args=[cga_result.code]) for p in RESULT_PAGES] + \
           [reverse(p, args=[plan.code]) for p in PLAN_PAGES]
    for url in urls:
        for response in (client.get(url), client.post(url, HOSTILE)):
            assert response.status_code == 302 and reverse("login") in response["Location"], url
    assert LabResult.objects.count() == 1


def test_the_index_takes_a_fixed_number_of_queries(client, maria, django_assert_max_num_queries):
    create_demo_labs(maria)
    for n in range(20):
        services.record_result(maria, maria, {"test": "other", "test_name": f"Test {n}", "value": Decimal(n),
                                              "unit": "pmol/L", "taken_on": timezone.localdate()})
    for days in (20, 30):
        services.plan_collection(maria, timezone.now() + dt.timedelta(days=days))
    with django_assert_max_num_queries(5):  # with the header's unread messages
        response = client.get(reverse("labs:index"))
    body = response.content.decode()
    assert response.status_code == 200 and "Test 19" in body and body.count("How to get ready") == 3
