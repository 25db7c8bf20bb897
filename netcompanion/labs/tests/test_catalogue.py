"""The known tests and their LOINC codes, unit spelling and range flags: pure, no database."""

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from netcompanion.labs import catalogue
from netcompanion.labs.catalogue import Flag, loinc_for, normalise_unit, range_flag


def test_the_codes_are_the_four_from_the_clinical_reference():
    codes = {c.code: (t.key, c.dimension) for t in catalogue.KNOWN_TESTS.values() for c in t.codes}
    assert codes == {
        "9811-1": ("cga", "mass/volume"), "25587-7": ("cga", "moles/volume"),
        "1695-6": ("u5hiaa", "mass/time"), "14573-0": ("u5hiaa", "moles/time"),
    }


@pytest.mark.parametrize("unverified", ["20448-7", "2338-2", "2333-3", "3125-2"])
def test_codes_marked_verify_in_the_reference_are_left_out(unverified):
    assert unverified not in Path(catalogue.__file__).read_text(encoding="utf-8")


@pytest.mark.parametrize("test, unit, code", [
    ("cga", "µg/L", "9811-1"), ("cga", "ng/mL", "9811-1"), ("cga", "nmol/L", "25587-7"),
    ("u5hiaa", "mg/24 h", "1695-6"), ("u5hiaa", "µmol/24 h", "14573-0"),
    ("cga", "ug/l", "9811-1"), ("u5hiaa", "umol/day", "14573-0"),
])
def test_the_unit_picks_the_code(test, unit, code):
    assert loinc_for(test, unit).code == code


@pytest.mark.parametrize("test, unit", [("cga", "U/L"), ("cga", "mg/24 h"), ("other", "µg/L"), ("u5hiaa", "x")])
def test_no_code_when_the_unit_does_not_fit_or_the_test_is_not_known(test, unit):
    assert loinc_for(test, unit) is None


@pytest.mark.parametrize("typed, canonical", [
    ("ug/L", "µg/L"), ("\u03bcg/L", "µg/L"), ("mcg/l", "µg/L"), (" µg / L ", "µg/L"), ("NMOL/L", "nmol/L"),
    ("umol/24h", "µmol/24 h"), ("µmol/24 hours", "µmol/24 h"), ("mg/d", "mg/24 h"), ("mg/day", "mg/24 h"),
    ("U/L", "U/L"), ("u/l", "U/L"), ("pmol/L", "pmol/L"), ("  kU /  L ", "kU / L"),
])
def test_units_are_spelled_one_way(typed, canonical):
    assert normalise_unit(typed) == canonical


@pytest.mark.parametrize("value, low, high, flag", [
    ("131", None, "102", Flag.HIGH), ("102", None, "102", Flag.IN_RANGE), ("102.001", None, "102", Flag.HIGH),
    ("9", "10", "47", Flag.LOW), ("10", "10", "47", Flag.IN_RANGE), ("0", "10", None, Flag.LOW),
    ("50", "10", None, Flag.IN_RANGE), ("50", None, None, None),
])
def test_values_above_the_upper_limit_and_below_the_lower_are_flagged(value, low, high, flag):
    dec = lambda s: None if s is None else Decimal(s)  # noqa: E731
    assert range_flag(dec(value), dec(low), dec(high)) == flag


@pytest.mark.parametrize("module", ["netcompanion.labs.catalogue", "netcompanion.labs.preparation",
                                    "netcompanion.labs.content"])
def test_the_pure_modules_run_without_django(module):
    code = f"import sys, {module}; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0, f"{module} imports Django"
