"""A month's short name as the reader's language writes it: capitalised in English, not in Swedish."""

import datetime as dt

from django.template import Context, Template
from django.utils import translation

from netcompanion.core.formats import day_text

DAY = dt.date(2026, 10, 8)


def render(fmt: str, language: str, value: object = DAY) -> str:
    with translation.override(language):
        return Template("{% load dates %}{{ value|short_date:fmt }}").render(Context({"value": value, "fmt": fmt}))


def test_the_short_name_follows_the_language():
    assert render("D j M Y", "en-gb") == "Thu 8 Oct 2026"
    assert render("D j M Y", "sv") == "tors 8 okt 2026"
    with translation.override("sv"):
        assert day_text(DAY) == "8 okt 2026"
    with translation.override("en-gb"):
        assert day_text(DAY) == "8 Oct 2026"


def test_an_escaped_m_and_a_missing_date_stay_as_they_are():
    assert render(r"j \M M", "sv") == "8 M okt"
    assert render("j M Y", "sv", None) == ""
