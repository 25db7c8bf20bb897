"""A patient's care plan on the staff side in Swedish: the parts' names (careplan.changes.PARTS) are translated where
shown, on the overview, the care plan and a part's form; English unchanged."""

import pytest
from django.urls import reverse

from netcompanion.careplan import services as careplan
from netcompanion.careteam.testing import assign
from netcompanion.core.testing import text

pytestmark = pytest.mark.django_db
SV = {"HTTP_ACCEPT_LANGUAGE": "sv"}


@pytest.fixture
def client_for_maria(cast, staff_client):
    assign(cast["maria"], cast["sara"])
    careplan.update_plan(cast["maria"], cast["sara"], {"goals": "Keep well."}, based_on_version=0)
    return staff_client(cast["sara"])


def test_the_care_plans_parts_in_swedish(cast, client_for_maria):
    code = cast["maria"].code
    for url in (reverse("careteam:care_plan", args=[code]), reverse("careteam:patient", args=[code])):
        swedish = text(client_for_maria.get(url, **SV))
        assert "Sammanfattning av diagnosen" in swedish and "Diagnosis summary" not in swedish, url
        assert "Diagnosis summary" in text(client_for_maria.get(url))
    part = text(client_for_maria.get(reverse("careteam:care_plan_edit", args=[code, "diagnosis"]), **SV))
    assert "Sammanfattning av diagnosen" in part
