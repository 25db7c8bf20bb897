"""grade(data) -> GradeResult: the WHO grade of a NET from the values on its pathology report.

Digestive sites follow WHO 2019: the higher of the two indices decides, and a poorly
differentiated tumour is a NEC whatever the indices say. The lung follows WHO 2021 thoracic:
the mitotic count and necrosis decide, and Ki-67 is not a criterion. Where a missing value could
turn the answer into a less reassuring one, the input is refused rather than guessed.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from netcompanion.contract import FieldError
from netcompanion.grading.case import Category, Grade, InvalidInput, Report, Site, parse_report
from netcompanion.grading.rules import (
    LADDERS,
    LUNG_SYNONYMS,
    RULES,
    RULESET_VERSION,
    WHO2022_SYNONYM,
    GradeRule,
)
from netcompanion.translatable import Wording, gettext_noop

DecidedBy = Literal["ki67", "mitoses", "necrosis", "both", "differentiation"]
INDEX_FIELDS = {"ki67": "ki67_percent", "mitoses": "mitoses_per_2mm2", "necrosis": "necrosis"}

KI67 = gettext_noop("the Ki-67 index (the share of tumour cells that are growing)")
MITOSES = gettext_noop("the mitotic count (how many dividing cells are seen)")
ONLY_ONE = gettext_noop("Only %(given)s was given, not %(missing)s. The missing one could place the tumour in a higher "
                        "grade, so read this grade as the lowest it can be.")
TAKEN_AS_WELL = gettext_noop("The report's differentiation was not given. G1 and G2 tumours are well differentiated, "
                             "so this one was taken to be a NET. If the report says poorly differentiated, the result "
                             "is different.")
NECROSIS_NOT_USED = gettext_noop("Necrosis (areas of dead tumour cells) does not count towards the grade for this "
                                 "site, so it was left out.")
# One sentence per index that is low, so the translator sees each whole sentence.
POOR_BUT_LOW = {
    "ki67": gettext_noop("The tumour is described as poorly differentiated, so it counts as a neuroendocrine "
                         "carcinoma (NEC). Its Ki-67 index of %(ki67)s %% is 20 or lower, which is unusual for a NEC. "
                         "It is worth asking the pathologist about this."),
    "mitoses": gettext_noop("The tumour is described as poorly differentiated, so it counts as a neuroendocrine "
                            "carcinoma (NEC). Its mitotic count of %(mitoses)s per 2 mm² is 20 or lower, which is "
                            "unusual for a NEC. It is worth asking the pathologist about this."),
    "both": gettext_noop("The tumour is described as poorly differentiated, so it counts as a neuroendocrine "
                         "carcinoma (NEC). Its Ki-67 index of %(ki67)s %% and mitotic count of %(mitoses)s per 2 mm² "
                         "are 20 or lower, which is unusual for a NEC. It is worth asking the pathologist about this."),
}
KI67_NOT_USED_LUNG = gettext_noop("Lung carcinoids are not classified by the Ki-67 index, so it was left out. The "
                                  "mitotic count and necrosis decide.")
LUNG_POOR_BUT_LOW = gettext_noop("The tumour is described as poorly differentiated, so it counts as high grade. Its "
                                  "mitotic count (how many dividing cells are seen) is %(mitoses)s per 2 mm², which "
                                  "is unusual for a high-grade tumour. It is worth asking the pathologist about this.")
LUNG_WELL_BUT_HIGH = gettext_noop("The tumour is described as well differentiated, but its mitotic count is above 10 "
                                  "per 2 mm². The lung classification has no high-grade carcinoid, so it counts as "
                                  "high grade. It is worth asking the pathologist about this.")


class GradeFields(BaseModel):
    """The grade itself: what the engine answers, and so what the explainer takes (explainer.contract.GradeInput)."""

    site: Site
    classification: Literal["WHO 2019", "WHO 2021"]
    category: Category
    grade: Grade | None
    synonym: Literal["NET G1", "NET G2"] | None
    high_grade: bool
    decided_by: DecidedBy
    by_ki67: Grade | None


class GradeResult(GradeFields):
    """What the CLI and the API return as they are (as_dict); field names are a contract."""

    model_config = ConfigDict(frozen=True)

    by_mitoses: str | None
    rules: list[str]
    sources: list[str]
    warnings: list[str]
    warning_wordings: list[Wording] = []  # each warning as a template and its values, to translate
    ruleset_version: str

    def as_dict(self) -> dict[str, Any]:
        return self.model_dump()


def grade(data: Any) -> GradeResult:
    """The grade from decoded JSON, or InvalidInput naming the field that is wrong or missing."""
    report = parse_report(data)
    return _lung(report) if report.site == "lung" else _digestive(report)


def _fired(report: Report) -> list[GradeRule]:
    scheme = "lung" if report.site == "lung" else "digestive"
    return [rule for rule in RULES if rule.scheme == scheme and rule.matches(getattr(report, rule.reads))]


def _by_index(fired: list[GradeRule], *indices: str) -> dict[str, str]:
    """What each given index alone gives ("ki67": "G2"); an index not given is left out."""
    return {index: rule.result for index in indices for rule in fired if rule.reads == INDEX_FIELDS[index]}


def _highest(ladder: tuple[str, ...], by: dict[str, str]) -> tuple[str, str]:
    """The highest result any index gives, and which index gave it ("both" when they agree)."""
    top = max(by.values(), key=ladder.index)
    deciders = [index for index, result in by.items() if result == top]
    return top, deciders[0] if len(deciders) == 1 else "both"


def _sources(fired: list[GradeRule], synonym: str | None) -> list[str]:
    sources = [source for rule in fired for source in rule.sources]
    return list(dict.fromkeys([*sources, *WHO2022_SYNONYM] if synonym else sources))


def _digestive(report: Report) -> GradeResult:
    """WHO 2019, higher index wins.

    With differentiation not given, indices up to 20 are read as a NET: G1 and G2 are well
    differentiated by definition, so there is nothing else they could be. Above 20 the same
    indices fit a NET G3 and a NEC, which are treated very differently, so the input is refused.
    """
    if report.ki67_percent is None and report.mitoses_per_2mm2 is None:
        raise InvalidInput([FieldError(
            "ki67_percent", "give the Ki-67 index or the mitotic count (mitoses per 2 mm²) from the report: "
                            "a grade needs at least one of them")])
    fired = _fired(report)
    by = _by_index(fired, "ki67", "mitoses")
    by_ki67, by_mitoses = by.get("ki67"), by.get("mitoses")
    top, decided_by = _highest(LADDERS["digestive"], by)
    warnings: list[Wording] = []
    if report.differentiation == "poor":
        low = {name: f"{value:g}" for name, value, by_index in (("ki67", report.ki67_percent, by_ki67),
                                                               ("mitoses", report.mitoses_per_2mm2, by_mitoses))
               if value is not None and by_index in ("G1", "G2")}
        if low:
            warnings.append(Wording(text=POOR_BUT_LOW["both" if len(low) == 2 else next(iter(low))], params=low))
        category, grade_, decided_by = "NEC", None, "differentiation"
    else:
        if top == "G3" and report.differentiation is None:
            raise InvalidInput([FieldError(
                "differentiation", 'give the differentiation from the report ("well" or "poor"): with an index '
                                   "above 20 it is needed to tell a NET G3 from a neuroendocrine carcinoma (NEC)")])
        if top != "G3" and (by_ki67 is None or by_mitoses is None):
            given, missing = (KI67, MITOSES) if by_mitoses is None else (MITOSES, KI67)
            warnings.append(Wording(text=ONLY_ONE, params={"given": Wording(text=given),
                                                           "missing": Wording(text=missing)}))
        if report.differentiation is None:
            warnings.append(Wording(text=TAKEN_AS_WELL))
        category, grade_ = "NET", top
    if report.necrosis is not None:
        warnings.append(Wording(text=NECROSIS_NOT_USED))
    return GradeResult(
        site=report.site, classification="WHO 2019", category=category, grade=grade_, synonym=None,
        high_grade=category == "NEC" or grade_ == "G3", decided_by=decided_by, by_ki67=by_ki67,
        by_mitoses=by_mitoses, rules=[rule.id for rule in fired], sources=_sources(fired, None),
        warnings=[w.in_language() for w in warnings], warning_wordings=warnings, ruleset_version=RULESET_VERSION)


def _lung(report: Report) -> GradeResult:
    """WHO 2021 thoracic: typical needs both fewer than 2 mitoses and no necrosis, so with fewer than 2
    mitoses an unknown necrosis is refused: reading it as absent would be the reassuring guess."""
    if report.mitoses_per_2mm2 is None:
        raise InvalidInput([FieldError(
            "mitoses_per_2mm2", "give the mitotic count (mitoses per 2 mm²) from the report: lung carcinoids "
                                "are classified by it")])
    fired = _fired(report)
    by = _by_index(fired, "mitoses", "necrosis")
    warnings: list[Wording] = []
    if report.differentiation == "poor":
        if by["mitoses"] != "high_grade":
            warnings.append(Wording(text=LUNG_POOR_BUT_LOW, params={"mitoses": f"{report.mitoses_per_2mm2:g}"}))
        category, decided_by = "high_grade", "differentiation"
    else:
        if by["mitoses"] == "typical_carcinoid" and report.necrosis is None:
            raise InvalidInput([FieldError(
                "necrosis", "say whether the report finds necrosis (true or false): with fewer than 2 mitoses "
                            "per 2 mm² it decides between a typical and an atypical carcinoid")])
        category, decided_by = _highest(LADDERS["lung"], by)
        if category == "high_grade" and report.differentiation == "well":
            warnings.append(Wording(text=LUNG_WELL_BUT_HIGH))
    if report.ki67_percent is not None:
        warnings.append(Wording(text=KI67_NOT_USED_LUNG))
    synonym = LUNG_SYNONYMS.get(category)
    return GradeResult(
        site=report.site, classification="WHO 2021", category=category, grade=None, synonym=synonym,
        high_grade=category == "high_grade", decided_by=decided_by, by_ki67=None, by_mitoses=by["mitoses"],
        rules=[rule.id for rule in fired], sources=_sources(fired, synonym),
        warnings=[w.in_language() for w in warnings], warning_wordings=warnings, ruleset_version=RULESET_VERSION)
