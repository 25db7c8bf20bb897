"""A stored navigator result's headline in the reader's language, for the pages that list past checks."""

from django import template

from netcompanion.navigator.words import in_language

register = template.Library()


@register.filter
def headline(result: dict) -> str:
    """``{{ check.result|headline }}``: the headline as the result page would say it now."""
    return in_language(result)["headline"]
