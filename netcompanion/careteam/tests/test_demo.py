import pytest

from netcompanion.careteam.access import assigned_patients, can_manage_assignments
from netcompanion.careteam.demo import DEMO_RECORD_NUMBER, create_demo_careteam

pytestmark = pytest.mark.django_db


def test_the_demo_nurse_leads_and_both_clinicians_look_after_the_demo_patient_once(cast):
    maria, sara, ali, ada = cast["maria"], cast["sara"], cast["ali"], cast["ada"]
    maria.record_number = ""
    maria.save()
    assert create_demo_careteam(maria, sara, ali, ada) == 2
    assert create_demo_careteam(maria, sara, ali, ada) == 0, "running the demo twice adds nothing"
    maria.refresh_from_db()
    assert maria.record_number == DEMO_RECORD_NUMBER
    assert list(assigned_patients(sara)) == list(assigned_patients(ali)) == [maria]
    assert can_manage_assignments(type(sara).objects.get(pk=sara.pk))
