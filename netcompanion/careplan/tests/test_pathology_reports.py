"""An explained pathology report kept in the care plan: an entry of its own, never a change to a written part."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from netcompanion.careplan import services
from netcompanion.careplan.models import CarePlan, PathologyReport
from netcompanion.core.testing import FROZEN_TODAY

pytestmark = pytest.mark.django_db

FACTS = [("Ki-67 index (%)", "8"), ("T (the main tumour)", "pT3")]


def keep(patient, author, line="NET G2, Ki-67 8 %, pT3"):
    return services.keep_pathology_report(patient, author, FROZEN_TODAY, line, FACTS, ["NET G2 (WHO 2019)"], [])


def test_keeping_a_report_leaves_the_written_parts_their_version_and_who_changed_them(cast):
    maria, sara = cast["maria"], cast["sara"]
    services.update_plan(maria, sara, {"diagnosis": "Small-bowel NET."}, based_on_version=0)
    entry = keep(maria, maria)
    plan = CarePlan.objects.get(patient=maria)
    assert (plan.diagnosis, plan.version, plan.last_changed["diagnosis"]["by"]) == ("Small-bowel NET.", 1, sara.pk)
    assert entry.facts == [list(pair) for pair in FACTS] and entry.added_by_role == "patient"


def test_the_same_report_twice_the_same_day_is_kept_once_and_another_line_is_kept_too(cast):
    maria = cast["maria"]
    keep(maria, maria)
    with pytest.raises(services.AlreadyKept):
        keep(maria, maria)
    keep(maria, maria, line="NET G1")
    assert PathologyReport.objects.filter(patient=maria).count() == 2


def test_only_the_patient_or_their_team_may_keep_one_and_an_entry_is_never_changed(cast):
    with pytest.raises(PermissionDenied):
        keep(cast["maria"], cast["johan"])
    entry = keep(cast["maria"], cast["maria"])
    entry.results = ["NET G3"]
    with pytest.raises(ValidationError):
        entry.save()
    with pytest.raises(ValidationError):
        keep(cast["olle"], cast["olle"], line="x" * 401)
    assert not PathologyReport.objects.filter(patient=cast["olle"]).exists()
