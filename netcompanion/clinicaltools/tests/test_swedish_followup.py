"""The follow-up notes built from values ("Not yet known: …", "Switched off by the clinic: …") in Swedish on the staff
calculator and the API; the English answer unchanged, with the template and values beside it."""

import pytest

from netcompanion.clinicaltools.models import FollowUpOverride
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.core.testing import text

pytestmark = pytest.mark.django_db

TOOLS = "/tools/"
SV = {"HTTP_ACCEPT_LANGUAGE": "sv"}
NO_GRADE = {"calc": "followup", "followup-site": "jejunum_ileum", "followup-resected": "yes", "followup-margin": "R0",
            "followup-start": TODAY.isoformat()}
CASE = {"site": "jejunum_ileum", "grade": "G1", "N": "N0", "M": "M0", "resected": True, "margin": "R0"}


def test_a_note_on_what_is_not_yet_known_in_swedish_on_the_staff_calculator(cast, staff_client):
    client = staff_client(cast["sara"])
    words = text(client.post(TOOLS, NO_GRADE, **SV))
    assert "Ännu inte känt: graden (G1, G2 eller G3)" in words
    assert "När det är känt kan det här gälla i stället:" in words
    assert "Not yet known" not in words
    english = text(client.post(TOOLS, NO_GRADE))
    assert ("Not yet known: the grade (G1, G2 or G3). Once known, this might apply instead: checks every 6-12 months "
            "for life (ESMO 2020: a G1 or G2 NET).") in english


def test_a_check_switched_off_by_the_clinic_in_swedish(client, django_user_model):
    admin = django_user_model.objects.create_user("ada", password="x", role="admin")
    FollowUpOverride.objects.create(item="ESMO-G12-SCAN", enabled=False, changed_by=admin)
    sv = client.post("/api/v1/followup", CASE, content_type="application/json", **SV).json()
    en = client.post("/api/v1/followup", CASE, content_type="application/json").json()
    [switched_off] = [n for n in sv["notes"] if n.startswith("Avstängt av kliniken: ")]
    assert switched_off.endswith("(ESMO-G12-SCAN).") and "Switched off" not in switched_off
    assert any(n.startswith("Switched off by the clinic: ") and n.endswith("(ESMO-G12-SCAN).") for n in en["notes"])
    assert sv["note_wordings"] == en["note_wordings"] and len(en["note_wordings"]) == len(en["notes"])
    assert {"text": "Switched off by the clinic: %(check)s (%(id)s).",
            "params": {"check": {"text": "CT or MRI scan of the tummy (abdomen)", "params": {}},
                       "id": "ESMO-G12-SCAN"}} in en["note_wordings"]
