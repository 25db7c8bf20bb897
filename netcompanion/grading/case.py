"""The grading input contract: the values of a pathology report, validated strictly.

Unknown fields, wrong types (a Ki-67 of "12" or true), impossible values (a Ki-67 above 100 %, a
negative count, NaN) and unknown sites are refused naming the field, as the navigator's case is.
A value left out or null means the report does not give it; the engine decides whether it can
grade without it.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from netcompanion.contract import InvalidCase, Strict, validated
from netcompanion.translatable import gettext_noop

Site = Literal["stomach", "duodenum", "ampulla", "jejunum_ileum", "appendix", "colon_rectum", "pancreas", "lung"]
Grade = Literal["G1", "G2", "G3"]
Category = Literal["NET", "NEC", "typical_carcinoid", "atypical_carcinoid", "high_grade"]
Percent = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]
# A mean over several 2 mm² areas, so it need not be a whole number.
PerArea = Annotated[float, Field(ge=0, allow_inf_nan=False)]


class Report(Strict):
    site: Site
    ki67_percent: Percent | None = None
    mitoses_per_2mm2: PerArea | None = None
    differentiation: Literal["well", "poor"] | None = None
    necrosis: bool | None = None


class InvalidInput(InvalidCase):
    """The report's values break the contract or are not enough to grade; `errors` name each field."""


def parse_report(data: Any) -> Report:
    """A validated Report from decoded JSON, or InvalidInput naming every bad field."""
    return validated(Report, data, InvalidInput,
                     message=gettext_noop("send a JSON object with the values from the pathology report"))
