"""The rules without storing anything: the JSON API and the `alert-check` command."""

import json
import subprocess
import sys

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from netcompanion.diary import actions as diary

URL = "/api/v1/alerts/check"
DAY = {"date": "2026-11-20", "diagnosed_net": True}


@pytest.mark.django_db
def test_the_api_returns_the_firings_and_stores_nothing(client):
    response = client.post(URL, {**DAY, "stools": 7, "bristol": 4}, content_type="application/json")
    assert response.status_code == 200
    assert [(f["rule_id"], f["level"]) for f in response.json()] == [("AL-STOOLS-HIGH", "soon")]
    assert client.post(URL, DAY, content_type="application/json").json() == []


@pytest.mark.django_db
@pytest.mark.parametrize("body, field", [
    ({**DAY, "pain": 11}, "pain"),
    ({"date": "2026-11-20", "mood": "low"}, "mood"),
    ("[1]", "observation"),
    ("{", "body"),
])
def test_the_api_refuses_bad_input_naming_the_field(client, body, field):
    response = client.post(URL, body if isinstance(body, str) else json.dumps(body), content_type="application/json")
    assert response.status_code == 422
    assert field in [e["field"] for e in response.json()["detail"]]
    assert all(e["message"] for e in response.json()["detail"])


def run_cli(stdin):
    return subprocess.run([sys.executable, "-m", "netcompanion", "alert-check"], input=stdin, capture_output=True,
                          text=True, env={"DEBUG": "true", "PATH": "/usr/bin:/bin"}, timeout=60)


def test_the_cli_prints_the_firings():
    result = run_cli(json.dumps({**DAY, "flushes": 1, "dizziness": True}))
    assert result.returncode == 0, result.stderr
    [firing] = json.loads(result.stdout)
    assert (firing["rule_id"], firing["level"]) == ("AL-DIARY-NAVIGATOR", "emergency")


def test_the_cli_prints_the_rule_table_for_review():
    result = subprocess.run([sys.executable, "-m", "netcompanion", "alert-check", "--rules"], capture_output=True,
                            text=True, env={"DEBUG": "true", "PATH": "/usr/bin:/bin"}, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "AL-PAIN-SEVERE | day | urgent | pain is at least 8 | Tummy pain {pain}/10. |" in result.stdout


@pytest.mark.parametrize("stdin", ["{", json.dumps({**DAY, "stools": -1})])
def test_the_cli_exits_2_naming_the_bad_field(stdin):
    result = run_cli(stdin)
    assert result.returncode == 2
    assert json.loads(result.stderr)["errors"][0]["field"] in {"input", "stools"}


@pytest.mark.django_db
def test_checking_a_quiet_diary_day_costs_four_small_reads(cast):
    maria = cast["maria"]
    diary.log_day(maria, maria, {"date": timezone.localdate(), "stools": 2})
    with CaptureQueriesContext(connection) as queries:
        diary.assess_days(maria.pk, [timezone.localdate()])
    assert len(queries) == 4
    assert all(q["sql"].lstrip().upper().startswith("SELECT") for q in queries)
