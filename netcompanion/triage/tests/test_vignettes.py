"""Vignettes written by a contact nurse, independently of the rules: the navigator's evidence.

Agreement is reported; a case triaged lower than the nurse's level fails the suite.
"""

from pathlib import Path

import pytest
import yaml

from netcompanion.triage import InvalidCase, Level, assess

VIGNETTES = yaml.safe_load((Path(__file__).parent / "vignettes.yaml").read_text())
GRADED = [v for v in VIGNETTES if "level" in v]
INVALID = [v for v in VIGNETTES if "expected_error" in v]
RANK = {level.value: level.rank for level in Level}


def test_there_are_at_least_60_graded_vignettes():
    assert len(GRADED) >= 60


@pytest.mark.parametrize("v", GRADED, ids=[v["id"] for v in GRADED])
def test_no_vignette_is_triaged_lower_than_the_nurse_would(v):
    got = assess(v["case"]).level
    assert RANK[got] >= RANK[v["level"]], f"{v['id']} {v['title']}: got {got}, nurse says {v['level']}"


def test_agreement_with_the_nurse(capsys):
    results = [(v, assess(v["case"]).level) for v in GRADED]
    agree = sum(got == v["level"] for v, got in results)
    higher = [(v["id"], v["level"], got) for v, got in results if RANK[got] > RANK[v["level"]]]
    with capsys.disabled():
        print(f"\nvignettes: {agree}/{len(results)} agree ({agree / len(results):.0%}); "
              f"{len(higher)} higher than the nurse: {higher}")
    assert agree / len(results) >= 0.85


@pytest.mark.parametrize("v", INVALID, ids=[v["id"] for v in INVALID])
def test_invalid_vignettes_are_refused_naming_the_field(v):
    with pytest.raises(InvalidCase) as refused:
        assess(v["case"])
    assert v["expected_error"] in [e.field for e in refused.value.errors]
