"""The engine commands run on a fresh install with nothing set (netcompanion.cli); the web app and every other
command still refuse to start without SECRET_KEY when DEBUG is off."""

import json
import subprocess
import sys

import pytest
from django.core.management import get_commands

from netcompanion.cli import CLINIC_COMMANDS, ENGINE_COMMANDS

NOTHING_SET = {"PATH": "/usr/bin:/bin"}
REFUSAL = "SECRET_KEY must be set when DEBUG is off"


def run(cwd, *args, stdin: str = ""):
    """A fresh process with nothing set but PATH (no DEBUG, SECRET_KEY or DATABASE_URL), in ``cwd``."""
    return subprocess.run([sys.executable, *args], input=stdin, cwd=cwd, env=NOTHING_SET, capture_output=True,
                          text=True, timeout=120)


@pytest.mark.parametrize("args, data, read, expected", [
    (["triage"], {"person": {"diagnosed_net": True}, "symptoms": [{"code": "jaundice"}]},
     lambda answer: answer["level"], "urgent"),
    (["grade"], {"site": "pancreas", "ki67_percent": 12, "mitoses_per_2mm2": 1, "differentiation": "well"},
     lambda answer: (answer["category"], answer["grade"]), ("NET", "G2")),
    (["stage"], {"site": "jejunum_ileum", "size_cm": 2.5, "invasion": "subserosa", "nodes_positive": 3},
     lambda answer: (answer["T"], answer["N"], answer["M"], answer["stage"]), ("T3", "N1", "M0", "III")),
    (["alert-check"], {"date": "2026-11-20", "diagnosed_net": True, "flushes": 1, "dizziness": True},
     lambda answer: [(f["rule_id"], f["level"]) for f in answer], [("AL-DIARY-NAVIGATOR", "emergency")]),
    (["ask", "flushing after wine", "--limit", "2"], None,
     lambda answer: len(answer["results"]) == 2 and all(hit["slug"] and hit["title"] for hit in answer["results"]),
     True),
    (["ask", "--lang", "sv", "biverkningar av sprutan", "--limit", "1"], None,
     lambda answer: (answer["lang"], [hit["slug"] for hit in answer["results"]]), ("sv", ["medicines"])),
], ids=["triage", "grade", "stage", "alert-check", "ask", "ask-sv"])
def test_an_engine_command_answers_with_nothing_set(tmp_path, args, data, read, expected):
    result = run(tmp_path, "-m", "netcompanion", *args, stdin=json.dumps(data) if data else "")
    assert result.returncode == 0, result.stderr
    assert read(json.loads(result.stdout)) == expected
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command, stdin, field", [
    ("triage", "{not json", "input"),
    ("grade", "{not json", "input"),
    ("stage", "{not json", "input"),
    ("alert-check", "{not json", "input"),
    ("triage", "[" * 100_000, "input"),  # nested past any document: refused, not a RecursionError
    ("alert-check", '{"date": "2026-11-20", "notes": "\\ud800"}', "notes"),  # a lone surrogate is not text
    ("stage", json.dumps({"site": "liver"}), "site"),
    ("grade", json.dumps({"site": "pancreas", "ki67_percent": 101}), "ki67_percent"),
])
def test_refused_input_still_exits_2_with_the_errors_as_json(tmp_path, command, stdin, field):
    result = run(tmp_path, "-m", "netcompanion", command, stdin=stdin)
    assert result.returncode == 2
    assert result.stdout == ""
    errors = json.loads(result.stderr)["errors"]
    assert field in [e["field"] for e in errors] and all(e["message"] for e in errors)


@pytest.mark.parametrize("args, words", [
    (["ask"], "the following arguments are required: question"),
    (["ask", "flushing", "--limit", "99"], "argument --limit: invalid choice"),
])
def test_ask_still_refuses_bad_arguments_with_exit_2(tmp_path, args, words):
    result = run(tmp_path, "-m", "netcompanion", *args)
    assert result.returncode == 2
    assert words in result.stderr


@pytest.mark.parametrize("args", [["migrate", "--noinput"], ["check", "--deploy"], ["runserver", "--noreload"]])
def test_every_other_command_still_refuses_to_start_without_a_secret_key(tmp_path, args):
    result = run(tmp_path, "-m", "netcompanion", *args, stdin="{}")
    assert result.returncode != 0
    assert REFUSAL in result.stderr


def test_the_web_app_still_refuses_to_start_without_a_secret_key(tmp_path):
    result = run(tmp_path, "-c", "import netcompanion.wsgi")
    assert result.returncode != 0
    assert REFUSAL in result.stderr


def test_each_engine_command_is_the_command_django_finds_by_that_name():
    commands = get_commands()
    for table in (ENGINE_COMMANDS, CLINIC_COMMANDS):
        assert {name: f"{commands[name]}.management.commands.{name}" for name in table} == table


FOLLOWUP_CASE = {"site": "jejunum_ileum", "grade": "G2", "M": "M1a", "resected": True}


def test_followup_with_nothing_set_answers_from_the_guidelines_and_says_the_clinic_s_settings_were_not_read(tmp_path):
    result = run(tmp_path, "-m", "netcompanion", "followup", stdin=json.dumps(FOLLOWUP_CASE))
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["items"] and not any(item["overridden_by_clinic"] for item in answer["items"])
    assert answer["clinic_settings"].startswith("not read: no configuration was found")
    assert list(tmp_path.iterdir()) == []


def test_followup_with_the_app_s_configuration_applies_the_clinic_s_settings(tmp_path):
    env = {**NOTHING_SET, "DEBUG": "true", "NETCOMPANION_VAR_DIR": str(tmp_path)}
    subprocess.run([sys.executable, "-m", "netcompanion", "migrate", "--noinput"], env=env, cwd=tmp_path,
                   capture_output=True, check=True, timeout=300)
    result = subprocess.run([sys.executable, "-m", "netcompanion", "followup"], input=json.dumps(FOLLOWUP_CASE),
                            env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["clinic_settings"] == "applied"
