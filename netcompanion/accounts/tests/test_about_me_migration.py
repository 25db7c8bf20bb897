"""Adding the country and "About me" keeps every account as it was: the schema is taken back to before it, filled,
and migrated forward again."""

import pytest

from netcompanion.accounts.models import AboutMe, User
from netcompanion.core.testing import filled_before

BEFORE = [("accounts", "0004_patient_contact")]


def _fill(apps) -> None:
    old = apps.get_model("accounts", "User")
    old.objects.create(username="maria", role="patient", record_number="NC-1", phone="+46 70 123 45 67",
                       preferred_contact="text", email="maria@example.org")
    old.objects.create(username="sara", role="relative")


@pytest.mark.django_db(transaction=True)
def test_existing_accounts_keep_everything_and_start_with_no_country_and_no_about_me():
    filled_before(BEFORE, _fill)
    kept = {u.username: (u.role, u.record_number, u.phone, u.preferred_contact, u.email, u.country)
            for u in User.objects.filter(username__in=["maria", "sara"])}
    assert kept == {"maria": ("patient", "NC-1", "+46 70 123 45 67", "text", "maria@example.org", ""),
                    "sara": ("relative", "", "", "", "", "")}
    assert not AboutMe.objects.exists()
