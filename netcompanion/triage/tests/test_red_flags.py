"""Red flags in messages: the table's integrity, the matching rules, fail-safe negation and the review sheet."""

import hashlib
import json
import subprocess
import sys

import pytest

from netcompanion.bibliography import cite
from netcompanion.triage import Level
from netcompanion.triage.red_flags import RED_FLAGS, RED_FLAGS_VERSION, find, highest, review_sheet, words
from netcompanion.triage.rules import RULES


def ids(text):
    return [m.row_id for m in find(text)]


def test_every_row_id_is_unique_and_every_source_resolves_in_the_bibliography():
    assert len({row.id for row in RED_FLAGS}) == len(RED_FLAGS)
    for row in RED_FLAGS:
        assert row.sources and row.english and row.swedish, row.id
        for source_id in row.sources:
            cite(source_id)


def test_every_row_takes_its_level_and_sources_from_the_navigator_rule_it_mirrors():
    rules = {rule.id: rule for rule in RULES}
    for row in RED_FLAGS:
        rule = rules[row.rule]
        assert rule.code in (row.symptom, "*"), row.id
        assert (row.level, row.sources) == (rule.level, rule.sources), row.id
        assert row.level in (Level.URGENT, Level.EMERGENCY), row.id


def test_every_phrase_finds_its_own_row():
    for row in RED_FLAGS:
        for phrase in (*row.english, *row.swedish):
            assert row.id in ids(phrase), (row.id, phrase)


@pytest.mark.parametrize("text, row_id", [
    ("I have had chest pain since this morning", "RF-CHEST-PAIN"),
    ("Pain in my chest when I walk", "RF-CHEST-PAIN"),
    ("Jag har ONT I BRÖSTET", "RF-CHEST-PAIN"),
    ("bröstsmärtorna kom tillbaka", "RF-CHEST-PAIN"),
    ("brostsmarta igar", "RF-CHEST-PAIN"),
    ("I can’t breathe properly", "RF-CANNOT-BREATHE"),
    ("mum fainted in the kitchen", "RF-FAINTING"),
    ("pappa svimmade i går", "RF-FAINTING"),
    ("Hon har svart bajs sedan igår", "RF-BLACK-STOOL"),
    ("I'm all sweaty and shaky", "RF-LOW-SUGAR"),
])
def test_phrases_are_found_in_case_accent_and_inflection_variants(text, row_id):
    assert row_id in ids(text)


def test_a_negation_never_suppresses_a_flag():
    """Fail safe (H-197): reading "no" in free text is unreliable, and a missed warning costs more than a click."""
    assert ids("No chest pain today, just checking my appointment") == ["RF-CHEST-PAIN"]
    assert ids("Jag har inte svimmat") == ["RF-FAINTING"]


def test_swedish_letters_are_not_folded_into_other_words():
    """"svårt" (hard) is not "svart" (black); only a phrase's own keyboard variant matches without å, ä, ö."""
    assert words("Svårt Å ÄÖ é") == ["svårt", "å", "äö", "e"]
    assert ids("svårt att äta bajs") == []


def test_words_match_whole_not_inside_other_words():
    assert ids("my hypothesis is that the dosage of the scan is faintly ok") == []


def test_the_highest_level_comes_first_and_highest_reads_it():
    matches = find("blood sugar is low? no: low blood sugar, and chest pain and I fainted")
    assert [m.level for m in matches] == [Level.EMERGENCY] * 3
    assert highest(matches) is Level.EMERGENCY
    assert highest(find("Thank you for the appointment")) is None


def test_a_match_carries_the_row_reason_and_sources():
    [match] = find("svimmade")
    assert (match.row_id, match.symptom, match.level, match.phrase) == ("RF-FAINTING", "fainting", Level.EMERGENCY,
                                                                        "svimmade")
    assert match.reason.startswith("You mention fainting.")
    assert match.sources == next(r.sources for r in RED_FLAGS if r.id == "RF-FAINTING")


RED_FLAGS_FINGERPRINTS = {
    "2026.12.1": "f51468ad05f25335",
}


def test_a_change_to_the_table_comes_with_a_new_version():
    """A change to any row must bump RED_FLAGS_VERSION (after clinical sign-off)."""
    rows = [(r.id, r.symptom, r.rule, r.level.value, r.english, r.swedish, r.reason, r.sources) for r in RED_FLAGS]
    fingerprint = hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()[:16]
    assert RED_FLAGS_FINGERPRINTS.get(RED_FLAGS_VERSION) == fingerprint, (
        f"red flags changed: bump RED_FLAGS_VERSION and record {fingerprint!r} for it here")


def test_the_review_sheet_has_one_readable_line_per_row():
    lines = review_sheet().splitlines()
    assert len(lines) == 1 + len(RED_FLAGS)
    assert any(line.startswith("RF-FAINTING | fainting | FA-ANY | emergency | fainted; ") for line in lines)


def test_the_cli_prints_the_red_flags_for_review():
    result = subprocess.run([sys.executable, "-m", "netcompanion", "triage", "--red-flags"], capture_output=True,
                            text=True, env={"DEBUG": "true", "PATH": "/usr/bin:/bin"}, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:] == review_sheet().splitlines()[1:]
