"""The grading tables: one row per rule, reviewable line by line against the WHO tables.

Each row reads one field of the pathology report and says which grade (digestive sites) or which
category (lung) that field alone gives. The engine takes the highest any row gives, which is the
WHO 2019 rule for discordant indices and the same as "typical only if both criteria are typical"
for the lung. Bands are written the way the WHO tables write them ("< 3", "3-20", "> 20"), with
each end marked included or not, so a value between two whole numbers (a mitotic count of 1.5,
averaged over several fields) falls where the table's inequality puts it.

Any change to a row bumps RULESET_VERSION (a test holds the fingerprint of this table).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

RULESET_VERSION = "2026.12.2"

Scheme = Literal["digestive", "lung"]

# Each row cites bibliography ids (netcompanion/bibliography/sources.toml).
# WHO 2019 digestive grading, as tabled in J Nucl Med Technol and in World J Gastrointest Surg 2023.
WHO2019 = ("jnmt-who2019-gep-grading", "wjgs-2023-gi-nen-tables")
# Poorly differentiated NECs are high grade by definition and not graded (IARC/WHO framework).
WHO2019_NEC = ("rindi-2018-iarc-who-framework",)
# WHO thoracic: mitoses per 2 mm² and necrosis decide; unchanged in the 5th edition (2021).
WHO2021_LUNG = ("metovic-2021-lung-nen",)
# Poorly differentiated lung NENs are the carcinomas (LCNEC, SCLC): the same review and the IARC/WHO framework.
WHO2021_LUNG_POOR = ("metovic-2021-lung-nen", "rindi-2018-iarc-who-framework")
# WHO 2022: lung NET G1 and G2 are synonyms of typical and atypical carcinoid.
WHO2022_SYNONYM = ("kasajima-kloppel-2024-lung-nen",)

# Lowest first: the engine takes the highest any row gives.
LADDERS: dict[str, tuple[str, ...]] = {
    "digestive": ("G1", "G2", "G3"),
    "lung": ("typical_carcinoid", "atypical_carcinoid", "high_grade"),
}
LUNG_SYNONYMS = {"typical_carcinoid": "NET G1", "atypical_carcinoid": "NET G2"}


@dataclass(frozen=True)
class Band:
    """A band of an index; each end is open (above/below) or closed (at_least/at_most), or absent."""

    above: float | None = None
    at_least: float | None = None
    below: float | None = None
    at_most: float | None = None

    def __contains__(self, value: float) -> bool:
        return ((self.above is None or value > self.above) and (self.at_least is None or value >= self.at_least)
                and (self.below is None or value < self.below) and (self.at_most is None or value <= self.at_most))


@dataclass(frozen=True)
class GradeRule:
    id: str
    scheme: Scheme
    reads: str
    when: Band | bool | str
    result: str
    sources: tuple[str, ...]

    def matches(self, value: float | bool | str | None) -> bool:
        if value is None:
            return False
        if isinstance(self.when, Band):
            if isinstance(value, str):
                raise TypeError(f"{self.id} reads {self.reads} as a number, not {value!r}")
            return value in self.when
        return value == self.when


RULES: tuple[GradeRule, ...] = (
    # id                          scheme       reads                condition                          result
    GradeRule("WHO2019-KI67-G1", "digestive", "ki67_percent", Band(below=3), "G1", WHO2019),
    GradeRule("WHO2019-KI67-G2", "digestive", "ki67_percent", Band(at_least=3, at_most=20), "G2", WHO2019),
    GradeRule("WHO2019-KI67-G3", "digestive", "ki67_percent", Band(above=20), "G3", WHO2019),
    GradeRule("WHO2019-MITOSES-G1", "digestive", "mitoses_per_2mm2", Band(below=2), "G1", WHO2019),
    GradeRule("WHO2019-MITOSES-G2", "digestive", "mitoses_per_2mm2", Band(at_least=2, at_most=20), "G2", WHO2019),
    GradeRule("WHO2019-MITOSES-G3", "digestive", "mitoses_per_2mm2", Band(above=20), "G3", WHO2019),
    GradeRule("WHO2019-POOR-NEC", "digestive", "differentiation", "poor", "NEC", WHO2019_NEC),
    GradeRule("WHO2021-LUNG-MITOSES-TC", "lung", "mitoses_per_2mm2", Band(below=2), "typical_carcinoid",
              WHO2021_LUNG),
    GradeRule("WHO2021-LUNG-MITOSES-AC", "lung", "mitoses_per_2mm2", Band(at_least=2, at_most=10),
              "atypical_carcinoid", WHO2021_LUNG),
    GradeRule("WHO2021-LUNG-MITOSES-HG", "lung", "mitoses_per_2mm2", Band(above=10), "high_grade", WHO2021_LUNG),
    GradeRule("WHO2021-LUNG-NO-NECROSIS", "lung", "necrosis", False, "typical_carcinoid", WHO2021_LUNG),
    GradeRule("WHO2021-LUNG-NECROSIS", "lung", "necrosis", True, "atypical_carcinoid", WHO2021_LUNG),
    GradeRule("WHO2021-LUNG-POOR-HG", "lung", "differentiation", "poor", "high_grade", WHO2021_LUNG_POOR),
)
