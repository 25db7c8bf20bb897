"""`netcompanion grade`, `stage` and `followup`: JSON in, JSON out, exit code 2 naming the field on refusal."""

import io
import json
import subprocess
import sys

import pytest
from django.core.management import call_command

from netcompanion.clinicaltools.models import FollowUpOverride

PANCREAS = {"site": "pancreas", "ki67_percent": 12, "mitoses_per_2mm2": 1, "differentiation": "well"}
SMALL_INTESTINE = {"site": "jejunum_ileum", "T": "T3", "N": "N1", "M": "M1a", "nodes_positive": 3,
                   "nodes_examined": 14}


def run(command, data, monkeypatch):
    """Runs a command in this process (so it sees the test database); returns (exit code, stdout, stderr)."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(data if isinstance(data, str) else json.dumps(data)))
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(command, stdout=out, stderr=err)
    except SystemExit as e:
        return e.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def test_the_netcompanion_command_prints_the_grade():
    result = subprocess.run([sys.executable, "-m", "netcompanion", "grade"], input=json.dumps(PANCREAS),
                            capture_output=True, text=True, env={"DEBUG": "true", "PATH": "/usr/bin:/bin"},
                            timeout=60)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert (answer["category"], answer["grade"], answer["classification"]) == ("NET", "G2", "WHO 2019")


def test_stage_prints_t_n_m_and_the_stage_group(monkeypatch):
    code, out, _ = run("stage", SMALL_INTESTINE, monkeypatch)
    assert code == 0
    answer = json.loads(out)
    assert [answer[k] for k in ("T", "N", "M", "stage", "edition")] == ["T3", "N1", "M1a", "IV", "AJCC 8th"]


@pytest.mark.parametrize("command, data, field", [
    ("grade", {**PANCREAS, "ki67_percent": 101}, "ki67_percent"),
    ("grade", "{not json", "input"),
    ("stage", {**SMALL_INTESTINE, "nodes_positive": 15}, "nodes_positive"),
    ("stage", {"site": "pancreas", "N": "N2"}, "N"),
    ("followup", {"site": "pancreas"}, "resected"),
])
def test_refused_input_exits_2_naming_the_field(command, data, field, monkeypatch, db):
    code, out, err = run(command, data, monkeypatch)
    assert code == 2
    assert out == ""
    assert field in [e["field"] for e in json.loads(err)["errors"]]


@pytest.mark.django_db
def test_followup_applies_the_clinics_own_setting(monkeypatch, django_user_model):
    case = {"site": "pancreas", "grade": "G2", "ki67_percent": 4, "N": "N0", "M": "M0", "size_cm": 2.5,
            "resected": True, "margin": "R0"}
    before = {i["id"]: i for i in json.loads(run("followup", case, monkeypatch)[1])["items"]}
    assert before["CN-PANC-SCAN-Y1-3"]["every_months"] == [12, 12]
    admin = django_user_model.objects.create_user("ada", password="x", role="admin")
    FollowUpOverride.objects.create(item="CN-PANC-SCAN-Y1-3", every_months_min=6, every_months_max=6,
                                    note="We scan twice a year at first.", changed_by=admin)
    after = {i["id"]: i for i in json.loads(run("followup", case, monkeypatch)[1])["items"]}
    scan = after["CN-PANC-SCAN-Y1-3"]
    assert scan["every_months"] == [6, 6] and scan["guideline_every_months"] == [12, 12]
    assert scan["overridden_by_clinic"] and scan["clinic_note"] == "We scan twice a year at first."
