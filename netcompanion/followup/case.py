"""The follow-up planner's input contract: what is known about one tumour, validated strictly.

The facts come from the grading and staging results (grade, category, T, N, M, stage) and the
pathology report (size, margin, Ki-67). Every fact but `site` and `resected` may be missing: the rules
read a missing fact as "not known to be reassuring". Input that is impossible or contradicts itself
is refused, naming the field, because a schedule built on a guess could be too light.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from pydantic import Field

from netcompanion.contract import FieldError, InvalidCase, Strict, validated
from netcompanion.grading.case import Category, Grade, Percent, Site

Stage = Literal["I", "II", "IIA", "IIB", "III", "IIIA", "IIIB", "IV"]
TCategory = Literal["TX", "T1", "T1a", "T1b", "T1c", "T2", "T2a", "T2b", "T3", "T4"]
NCategory = Literal["NX", "N0", "N1", "N2", "N3"]
MCategory = Literal["M0", "M1", "M1a", "M1b", "M1c"]
Margin = Literal["R0", "R1", "R2"]

LUNG_CATEGORIES = frozenset({"typical_carcinoid", "atypical_carcinoid", "high_grade"})
DIGESTIVE_CATEGORIES = frozenset({"NET", "NEC"})
NODES_POSITIVE = frozenset({"N1", "N2", "N3"})
DISTANT_SPREAD = frozenset({"M1", "M1a", "M1b", "M1c"})

# Values that exist only at some sites: AJCC 8th (as reprinted in nci-pdq-gi-net-hp) gives T1a/T1b only for
# the colorectum, N2 only for the jejunum/ileum, and sub-groups IIA-IIIB only for the colorectum; the lung
# carcinoma TNM has its own T, N and stage sub-groups.
ONLY_AT: dict[str, dict[str, frozenset[str]]] = {
    "T": {"T1a": frozenset({"colon_rectum", "lung"}), "T1b": frozenset({"colon_rectum", "lung"}),
          "T1c": frozenset({"lung"}), "T2a": frozenset({"lung"}), "T2b": frozenset({"lung"})},
    "N": {"N2": frozenset({"jejunum_ileum", "lung"}), "N3": frozenset({"lung"})},
    "stage": {s: frozenset({"colon_rectum", "lung"}) for s in ("IIA", "IIB", "IIIA", "IIIB")}
    | {s: frozenset(get_args(Site)) - {"colon_rectum"} for s in ("II", "III")},
}

Centimetres = Annotated[float, Field(gt=0, allow_inf_nan=False)]


class FollowUpCase(Strict):
    site: Site
    grade: Grade | None = None
    category: Category | None = None
    ki67_percent: Percent | None = None
    stage: Stage | None = None
    T: TCategory | None = None
    N: NCategory | None = None
    M: MCategory | None = None
    size_cm: Centimetres | None = Field(default=None, description="Greatest size of the primary tumour.")
    resected: bool = Field(description="Whether the primary tumour was removed.")
    margin: Margin | None = Field(default=None, description="R0 clear, R1 microscopic, R2 visible tumour left.")
    functioning: bool | None = Field(default=None, description="Whether the tumour makes hormones that cause "
                                     "symptoms; null when not known.")
    rectum: bool | None = Field(default=None, description="colon_rectum only: true in the rectum, false in the "
                                "colon (ESMO's no-follow-up rule is for the rectum, not the colon).")
    adverse_features: bool | None = Field(default=None, description="Whether the pathology report names adverse "
                                          "histological features (ESMO's no-follow-up rule needs none).")

    @property
    def lung(self) -> bool:
        return self.site == "lung"


class InvalidInput(InvalidCase):
    """The input breaks the contract; `errors` name each field and say what is wrong."""


def _contradictions(c: FollowUpCase) -> list[FieldError]:
    """Facts that cannot all be true at once; the grading and staging rules they rest on are cited."""
    errors: list[FieldError] = []

    def refuse(field: str, message: str) -> None:
        errors.append(FieldError(field, message))

    if c.lung:
        if c.grade is not None:
            refuse("grade", "lung carcinoids are not graded G1-G3; give the category instead "
                            "(WHO thoracic classification)")
        if c.category in DIGESTIVE_CATEGORIES:
            refuse("category", "for the lung use typical_carcinoid, atypical_carcinoid or high_grade")
    elif c.category in LUNG_CATEGORIES:
        refuse("category", "typical_carcinoid, atypical_carcinoid and high_grade are for the lung; use NET or NEC")
    if c.category == "NEC" and c.grade in {"G1", "G2"}:
        refuse("grade", "a NEC is high grade by definition, so it cannot be G1 or G2 (WHO 2019)")
    if c.grade == "G1" and c.ki67_percent is not None and c.ki67_percent >= 3:
        refuse("grade", f"a Ki-67 of {c.ki67_percent:g} % is at least G2, not G1 (WHO 2019: G1 is below 3 %)")
    if c.grade == "G2" and c.ki67_percent is not None and c.ki67_percent > 20:
        refuse("grade", f"a Ki-67 of {c.ki67_percent:g} % is G3, not G2 (WHO 2019: G3 is above 20 %)")
    if c.margin is not None and not c.resected:
        refuse("margin", "a margin is given, but the tumour was not removed (resected is false)")
    if c.rectum is not None and c.site != "colon_rectum":
        refuse("rectum", "rectum only applies to the site colon_rectum")
    for field, only_at in ONLY_AT.items():
        value = getattr(c, field)
        if value in only_at and c.site not in only_at[value]:
            refuse(field, f"{value} does not exist for the site {c.site}")
    if c.stage == "IV" and c.M == "M0":
        refuse("stage", "stage IV means distant spread (M1), but M is M0")
    if c.stage not in {None, "IV"} and c.M in DISTANT_SPREAD:
        refuse("stage", f"{c.M} means distant spread, which is always stage IV")
    if not c.lung:
        if c.stage in {"I", "II", "IIA", "IIB"} and c.N in NODES_POSITIVE:
            refuse("stage", f"affected lymph nodes ({c.N}) make it at least stage III (AJCC 8th)")
        if c.stage in {"I", "II", "IIA", "IIB"} and c.N == "NX":
            refuse("N", f"stage {c.stage} needs lymph nodes without cancer (N0, AJCC 8th), but NX says they were "
                        "not assessed: give N0, or leave the stage out")
        if c.stage == "I" and c.T not in {None, "T1", "T1a", "T1b"}:
            refuse("stage", f"stage I needs a T1 tumour, but T is {c.T} (AJCC 8th)")
    return errors


def parse_case(data: Any) -> FollowUpCase:
    """A validated case from decoded JSON, or InvalidInput naming every bad field."""
    case = validated(FollowUpCase, data, InvalidInput)
    errors = _contradictions(case)
    if errors:
        raise InvalidInput(errors)
    return case
