import pytest

from netcompanion.accounts.demo import create_demo_users
from netcompanion.accounts.models import User
from netcompanion.relatives.demo import create_demo_relatives
from netcompanion.relatives.models import Grant, GrantStatus

pytestmark = pytest.mark.django_db


def test_the_demo_relative_follows_the_demo_patient_once():
    create_demo_users()
    patient, relative = User.objects.get(username="patient"), User.objects.get(username="relative")
    assert create_demo_relatives(patient, relative) == 1
    assert create_demo_relatives(patient, relative) == 0
    grant = Grant.objects.get()
    assert (grant.status, grant.relative, grant.permissions) == (
        GrantStatus.ACTIVE, relative, ["can_view_diary", "can_view_care", "can_message_team"])
