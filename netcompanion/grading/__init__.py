"""The WHO grade of a NET from its pathology report: plain Python, no Django.

    from netcompanion.grading import grade
    grade({"site": "pancreas", "ki67_percent": 12, "mitoses_per_2mm2": 1}).as_dict()["grade"]  # "G2"
"""

from netcompanion.grading.case import InvalidInput
from netcompanion.grading.engine import GradeResult, grade
from netcompanion.grading.rules import RULESET_VERSION

__all__ = ["GradeResult", "InvalidInput", "RULESET_VERSION", "grade"]
