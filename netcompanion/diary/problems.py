"""The diary checks' problems (diary.checks, which keeps them in English) in the reader's language.

The web form, the JSON API and a save that lost a race all say a problem through here, so each says it in the
same words: the rule's sentence translated, then its dates and weights written in the reader's style.
"""

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext

from netcompanion.diary.checks import Problem, Shown

DATE_STYLES = {"date": "j F Y", "day": "j F"}


def _shown(value):
    if not isinstance(value, Shown):
        return value
    if value.style == "kg":
        return number_format(value.value, 1)
    return date_format(value.value, DATE_STYLES[value.style])


def said(problem: Problem) -> str:
    """The problem's sentence in the active language. The trigger's rule is Django's own sentence with Django's
    %(value)s, since the web form hands it to Django; every other rule is filled in with str.format."""
    if not problem.template:
        return problem.message
    words = gettext(problem.template)
    values = {name: _shown(value) for name, value in problem.values.items()}
    return words % values if "%(" in problem.template else words.format(**values)
