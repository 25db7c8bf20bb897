"""Known lab tests, their units and LOINC codes, and how a value compares with the lab's range.

Pure Python (no Django), so it can be checked on its own. Each code cites a bibliography id: the 5-HIAA
codes are in HL7 mCODE's tumour-marker value set, the chromogranin A codes in LOINC itself. Codes not
confirmed in a primary source (insulin, glucagon, gastrin, VIP) are deliberately left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from netcompanion.translatable import gettext_noop


class Dimension(StrEnum):
    """What a unit measures; it decides which LOINC code fits."""

    MASS_PER_VOLUME = "mass/volume"
    MOLES_PER_VOLUME = "moles/volume"
    MASS_PER_TIME = "mass/time"
    MOLES_PER_TIME = "moles/time"
    ARBITRARY = "arbitrary"


# Canonical spelling of each unit we recognise, and what it measures.
UNITS: dict[str, Dimension] = {
    "µg/L": Dimension.MASS_PER_VOLUME,
    "ng/mL": Dimension.MASS_PER_VOLUME,
    "nmol/L": Dimension.MOLES_PER_VOLUME,
    "U/L": Dimension.ARBITRARY,
    "mg/24 h": Dimension.MASS_PER_TIME,
    "µmol/24 h": Dimension.MOLES_PER_TIME,
}


@dataclass(frozen=True)
class LoincCode:
    code: str
    display: str
    dimension: Dimension
    sources: tuple[str, ...]


@dataclass(frozen=True)
class KnownTest:
    key: str
    name: str
    short_name: str
    specimen: str
    units: tuple[str, ...]
    codes: tuple[LoincCode, ...]

    def code_for(self, unit: str) -> LoincCode | None:
        dimension = UNITS.get(normalise_unit(unit))
        return next((c for c in self.codes if c.dimension == dimension), None)


MCODE = ("hl7-mcode-tumor-marker-vs",)
LOINC = ("loinc",)

CGA = KnownTest(
    key="cga", name=gettext_noop("Chromogranin A (CgA)"), short_name="CgA", specimen="blood (serum or plasma)",
    units=("µg/L", "ng/mL", "nmol/L", "U/L"),
    codes=(
        LoincCode("9811-1", "Chromogranin A [Mass/volume] in Serum or Plasma", Dimension.MASS_PER_VOLUME, LOINC),
        LoincCode("25587-7", "Chromogranin A [Moles/volume] in Serum or Plasma", Dimension.MOLES_PER_VOLUME,
                  LOINC),
    ),
)
U5HIAA = KnownTest(
    key="u5hiaa", name=gettext_noop("5-HIAA, 24-hour urine"), short_name="5-HIAA",
    specimen="urine collected over 24 hours",
    units=("µmol/24 h", "mg/24 h"),
    codes=(
        LoincCode("1695-6", "5-Hydroxyindoleacetate [Mass/time] in 24 hour Urine", Dimension.MASS_PER_TIME,
                  MCODE),
        LoincCode("14573-0", "5-Hydroxyindoleacetate [Moles/time] in 24 hour Urine", Dimension.MOLES_PER_TIME,
                  MCODE),
    ),
)

KNOWN_TESTS: dict[str, KnownTest] = {t.key: t for t in (CGA, U5HIAA)}
OTHER = "other"


def known_test(key: str) -> KnownTest | None:
    return KNOWN_TESTS.get(key)


def loinc_for(test_key: str, unit: str) -> LoincCode | None:
    """The LOINC code for a known test measured in this unit, or None (other tests, arbitrary units)."""
    test = KNOWN_TESTS.get(test_key)
    return test.code_for(unit) if test else None


def _key(unit: str) -> str:
    key = re.sub(r"\s+", "", unit).replace("\u03bc", "µ").lower()   # Greek mu → micro sign
    key = re.sub(r"^(u|mc)(?=(g|mol)/)", "µ", key)                     # ug/L, mcg/L, umol/24h
    return re.sub(r"/(24hours?|24hrs?|24h|day|d)$", "/24h", key)       # per day is per 24 hours


_CANONICAL = {_key(u): u for u in UNITS}


def normalise_unit(unit: str) -> str:
    """One spelling per unit: "ug/l", "μg/L" and "mcg/L" all become "µg/L". Unknown units are kept as typed."""
    return _CANONICAL.get(_key(unit), " ".join(unit.split()))


class Flag(StrEnum):
    HIGH = "high"
    LOW = "low"
    IN_RANGE = "in_range"


def range_flag(value: Decimal, low: Decimal | None, high: Decimal | None) -> Flag | None:
    """Above the upper limit is HIGH, below the lower is LOW; a value on a limit is in range.

    None when the lab's range was not entered, so the app never claims a value is "normal" on its own.
    """
    if low is None and high is None:
        return None
    if high is not None and value > high:
        return Flag.HIGH
    if low is not None and value < low:
        return Flag.LOW
    return Flag.IN_RANGE
