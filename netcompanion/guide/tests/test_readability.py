import pytest

from netcompanion.guide.pages import load_guide, parse_page
from netcompanion.guide.readability import EXEMPT, MAX_GRADE, grade

GUIDE = load_guide()

HARD_PAGE = """---
title: Hard
slug: hard
summary: A page written for specialists.
reviewed: 2026-01-01
sources:
  - nci-pdq-gi-net-hp
---
Gastroenteropancreatic neuroendocrine neoplasms demonstrate considerable heterogeneity regarding
proliferative characteristics, necessitating individualised multidisciplinary therapeutic
stratification incorporating somatostatin receptor functional imaging [1].
"""


@pytest.mark.parametrize("slug", sorted(set(GUIDE) - EXEMPT))
def test_every_page_reads_at_grade_nine_or_below(slug):
    score = grade(GUIDE[slug])
    assert score <= MAX_GRADE, f"{slug} reads at grade {score}; shorten sentences and use plainer words"


def test_the_measure_fails_specialist_text(tmp_path):
    """Without this, a broken measure would let every page pass."""
    path = tmp_path / "hard.md"
    path.write_text(HARD_PAGE)
    assert grade(parse_page(path)) > MAX_GRADE
