"""The guide and its search index, built once per process."""

from functools import cache

from netcompanion.guide.pages import load_guide
from netcompanion.guide.search import GuideIndex

MAX_QUESTION_LENGTH = 500


@cache
def guide_index() -> GuideIndex:
    return GuideIndex(load_guide().values())
