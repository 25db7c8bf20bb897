"""What the explainer accepts: the results of the grading, staging and follow-up engines, checked strictly.

Each result is validated against its published contract (unknown fields and values are refused),
then against itself: a result that contradicts itself (a NET without a grade, stage IV without
distant spread, a grade lower than one of its own indices) is refused too, naming the field.
The explainer never explains a guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, ValidationError

from netcompanion.bibliography import SOURCES
from netcompanion.contract import FieldError, InvalidCase, Strict, field_message
from netcompanion.grading.case import Grade
from netcompanion.grading.engine import GradeFields
from netcompanion.translatable import Wording

StagedSite = Literal["stomach", "duodenum", "ampulla", "jejunum_ileum", "appendix", "colon_rectum", "pancreas"]
LungCategory = Literal["typical_carcinoid", "atypical_carcinoid", "high_grade"]
Months = Annotated[float, Field(gt=0, le=240)]
Range = Annotated[list[Months], Field(min_length=2, max_length=2)]

GRADE_ORDER = ("G1", "G2", "G3")
LUNG_ORDER = ("typical_carcinoid", "atypical_carcinoid", "high_grade")
LUNG_SYNONYMS = {"typical_carcinoid": "NET G1", "atypical_carcinoid": "NET G2"}
STAGES_BY_SITE = {"colon_rectum": ("I", "IIA", "IIB", "IIIA", "IIIB", "IV")}
STAGES_ELSEWHERE = ("I", "II", "III", "IV")
DISTANT = ("M1", "M1a", "M1b", "M1c")


def _known_source(source_id: str) -> str:
    if source_id not in SOURCES:
        raise ValueError(f"{source_id!r} is not a source in the bibliography")
    return source_id


# A source is cited by its bibliography id: an id the bibliography lacks could not be shown to anyone.
SourceId = Annotated[str, AfterValidator(_known_source)]


class GradeInput(GradeFields, Strict):
    by_mitoses: Grade | LungCategory | None
    rules: list[str] = []
    sources: list[SourceId] = []
    warnings: list[str] = []
    warning_wordings: list[Wording] = []
    ruleset_version: str | None = None

    @property
    def lung(self) -> bool:
        return self.site == "lung"


class StageInput(Strict):
    site: StagedSite
    edition: Literal["AJCC 8th"]
    T: Literal["T1", "T1a", "T1b", "T2", "T3", "T4", "TX"]
    N: Literal["N0", "N1", "N2", "NX"]
    M: Literal["M0", "M1", "M1a", "M1b", "M1c"]
    stage: Literal["I", "II", "IIA", "IIB", "III", "IIIA", "IIIB", "IV"] | None
    stage_reason: str | None
    stage_reason_wording: Wording | None = None
    rules: list[str] = []
    sources: list[SourceId] = []
    warnings: list[str] = []
    tables_version: str | None = None


class FollowUpItem(Strict):
    id: str
    check: Annotated[str, Field(min_length=1)]
    kind: Literal["imaging", "blood", "urine", "visit"]
    every_months: Range
    first_after_months: Annotated[float, Field(ge=0, le=240)] | None
    for_years: Annotated[int, Field(ge=1, le=100)] | None
    guideline: Annotated[str, Field(min_length=1)]
    sources: Annotated[list[SourceId], Field(min_length=1)]
    rule_id: str
    note: str | None = None
    overridden_by_clinic: bool = False
    guideline_every_months: Range | None = None
    guideline_for_years: Annotated[int, Field(ge=1, le=100)] | None = None
    clinic_note: str | None = None


class FollowUpInput(Strict):
    items: list[FollowUpItem]
    no_routine_follow_up: bool
    notes: list[str] = []
    note_wordings: list[Wording] = []
    rules: list[str] = []
    sources: list[SourceId] = []
    ruleset_version: str | None = None


class InvalidInput(InvalidCase):
    """A result breaks its contract or contradicts itself; `errors` name each field and say what is wrong."""


def _as_json(value: Any) -> Any:
    """Engines may hand over tuples; JSON, and so the contract, has only lists."""
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_as_json(v) for v in value]
    return value


def _parse(name: str, model: type[Strict], data: Any) -> tuple[Any, list[FieldError]]:
    if data is None:
        return None, []
    if not isinstance(data, dict):
        return None, [FieldError(name, "send the engine's result as an object, or null")]
    try:
        return model.model_validate(_as_json(data)), []
    except ValidationError as e:
        return None, [FieldError(f"{name}.{path}", message) for path, message in map(field_message, e.errors())]


def _grade_contradictions(g: GradeInput) -> list[FieldError]:
    def bad(field: str, message: str) -> FieldError:
        return FieldError(f"grade.{field}", message)

    errors = []
    if (g.classification == "WHO 2021") != g.lung:
        errors.append(bad("classification", "WHO 2021 is the lung classification and WHO 2019 the digestive one; "
                                            f"it does not fit the site {g.site}"))
    if (g.category in LUNG_ORDER) != g.lung:
        errors.append(bad("category", f"{g.category} is not a category for the site {g.site}"))
    if (g.category == "NET") != (g.grade is not None):
        errors.append(bad("grade", "a digestive NET has a grade G1, G2 or G3; a NEC and a lung tumour have none"))
    if g.synonym != LUNG_SYNONYMS.get(g.category):
        errors.append(bad("synonym", f"{g.category} has the synonym {LUNG_SYNONYMS.get(g.category)}"))
    if g.high_grade != (g.grade == "G3" or g.category in ("NEC", "high_grade")):
        errors.append(bad("high_grade", "high_grade is true exactly for NET G3, NEC and a high-grade lung tumour"))
    if g.decided_by == "differentiation" and g.category not in ("NEC", "high_grade"):
        errors.append(bad("decided_by", "differentiation decides only a NEC or a high-grade lung tumour"))
    if g.decided_by == ("ki67" if g.lung else "necrosis"):
        errors.append(bad("decided_by", f"{g.decided_by} does not decide the grade for the site {g.site}"))
    if g.lung and g.by_ki67 is not None:
        errors.append(bad("by_ki67", "the Ki-67 index does not grade a lung tumour"))
    if g.by_mitoses is not None and (g.by_mitoses in LUNG_ORDER) != g.lung:
        errors.append(bad("by_mitoses", f"{g.by_mitoses} is not a result for the site {g.site}"))
    needs: dict[str, Sequence[str | None]] = {
        "ki67": [g.by_ki67], "mitoses": [g.by_mitoses], "both": [g.by_mitoses] + ([] if g.lung else [g.by_ki67])}
    if None in needs.get(g.decided_by, []):
        errors.append(bad("decided_by", f"{g.decided_by} decided, but that index has no result"))
    return errors or _against_indices(g)


def _against_indices(g: GradeInput) -> list[FieldError]:
    """The higher index decides, so a result that differs from what its own indices give is refused."""
    if g.category == "NET":
        top = max((i for i in (g.by_ki67, g.by_mitoses) if i), key=GRADE_ORDER.index)
        return [] if g.grade == top else [
            FieldError("grade.grade", f"the higher of the two indices decides, which gives {top}")]
    by_count = g.lung and g.decided_by != "differentiation" and g.by_mitoses is not None
    if by_count and LUNG_ORDER.index(g.category) < LUNG_ORDER.index(g.by_mitoses):
        return [FieldError("grade.category", f"lower than the mitotic count alone gives ({g.by_mitoses})")]
    return []


def _stage_contradictions(s: StageInput) -> list[FieldError]:
    errors = []
    if s.T in ("T1a", "T1b") and s.site != "colon_rectum":
        errors.append(FieldError("stage.T", f"{s.T} exists only for the colon and rectum; use T1"))
    if s.N == "N2" and s.site != "jejunum_ileum":
        errors.append(FieldError("stage.N", "N2 exists only for the jejunum and ileum"))
    allowed = STAGES_BY_SITE.get(s.site, STAGES_ELSEWHERE)
    if s.stage is not None and s.stage not in allowed:
        errors.append(FieldError("stage.stage", f"{s.stage} is not a stage group for the site {s.site}; use one of: "
                                                f"{', '.join(allowed)}"))
    elif (s.M in DISTANT) != (s.stage == "IV"):
        errors.append(FieldError("stage.stage", f"{s.M} with stage {s.stage}: distant spread (M1) is stage IV, "
                                                "and stage IV needs distant spread"))
    if s.stage is None and not s.stage_reason:
        errors.append(FieldError("stage.stage_reason", "say why there is no stage group"))
    return errors


def _followup_contradictions(f: FollowUpInput) -> list[FieldError]:
    errors = []
    for i, item in enumerate(f.items):
        for field in ("every_months", "guideline_every_months"):
            span = getattr(item, field)
            if span is not None and span[0] > span[1]:
                errors.append(FieldError(f"followup.items[{i}].{field}", "give the shorter interval first"))
    if f.no_routine_follow_up and f.items:
        errors.append(FieldError("followup.no_routine_follow_up", "no routine follow-up, but checks are listed"))
    return errors


def parse_inputs(grade: Any, stage: Any, followup: Any) -> tuple[GradeInput | None, StageInput | None,
                                                                  FollowUpInput | None]:
    """The three results validated, or InvalidInput naming every bad field of all three at once."""
    g, errors = _parse("grade", GradeInput, grade)
    s, stage_errors = _parse("stage", StageInput, stage)
    f, followup_errors = _parse("followup", FollowUpInput, followup)
    errors += stage_errors + followup_errors
    errors += _grade_contradictions(g) if g else []
    errors += _stage_contradictions(s) if s else []
    errors += _followup_contradictions(f) if f else []
    if g and s and g.site != s.site:
        errors.append(FieldError("stage.site", f"the stage is for {s.site}, but the grade is for {g.site}"))
    if errors:
        raise InvalidInput(errors)
    return g, s, f
