"""The grading table itself: bands without gaps or overlaps, unique ids, sources, and its fingerprint."""

import hashlib
import json
import subprocess
import sys

import pytest

from netcompanion.bibliography import SOURCES
from netcompanion.grading import RULESET_VERSION, grade
from netcompanion.grading.rules import LADDERS, LUNG_SYNONYMS, RULES, Band

RULESET_FINGERPRINTS = {
    "2026.11.1": "340e6465a36e47ff",
    "2026.12.1": "826ba0889250923a",  # rows cite bibliography ids instead of free text
    "2026.12.2": "e95f38642a90a1dc",  # rows cite a tuple of ids, as every engine does
}


def test_a_rule_change_comes_with_a_new_ruleset_version():
    """Results carry the rule-set version; a change to any row must bump it (after clinical sign-off)."""
    rows = [(r.id, r.scheme, r.reads, repr(r.when), r.result, r.sources) for r in RULES]
    fingerprint = hashlib.sha256(json.dumps([rows, LADDERS, LUNG_SYNONYMS]).encode()).hexdigest()[:16]
    assert RULESET_FINGERPRINTS.get(RULESET_VERSION) == fingerprint, (
        f"grading rules changed: bump RULESET_VERSION and record {fingerprint!r} for it here")
    assert grade({"site": "lung", "mitoses_per_2mm2": 5}).ruleset_version == RULESET_VERSION


def test_rule_ids_are_unique_and_every_rule_cites_a_bibliography_source():
    assert len({r.id for r in RULES}) == len(RULES)
    assert all(r.sources and set(r.sources) <= set(SOURCES) for r in RULES)


@pytest.mark.parametrize("scheme, reads", [
    ("digestive", "ki67_percent"), ("digestive", "mitoses_per_2mm2"), ("lung", "mitoses_per_2mm2"),
])
def test_the_bands_of_an_index_cover_every_value_exactly_once(scheme, reads):
    """No value falls between two bands or into two: 2.99, 3 and 20.0001 each get one grade."""
    rows = [r for r in RULES if r.scheme == scheme and r.reads == reads]
    assert all(isinstance(r.when, Band) for r in rows)
    assert [r.result for r in rows] == list(LADDERS[scheme])
    edges = {edge for r in rows for edge in (r.when.above, r.when.at_least, r.when.below, r.when.at_most)} - {None}
    values = {0, 1000, *(e + d for e in edges for d in (-0.0001, 0, 0.0001))}
    for value in values:
        assert len([r for r in rows if r.matches(value)]) == 1, value


def test_the_package_runs_without_django():
    code = "import sys, netcompanion.grading; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0, "netcompanion.grading imports Django"
