from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext

from netcompanion.labs.preparation import HiaaTimeline, describe_duration

register = template.Library()


@register.filter
def time_left(timeline: HiaaTimeline) -> str:
    """The time to the timeline's next moment in the reader's language: "2 days and 5 hours", "2 dagar och 5 timmar"."""
    return describe_duration(timeline.time_left, ngettext, gettext) if timeline.time_left is not None else ""


@register.simple_tag(takes_context=True)
def cite(context, *tags):
    """Numbered links to the page's sources by bibliography id: {% cite "uhsussex-24h-urine-diet" %} → [1].

    The view passes `sources` as (number, Source) pairs; an id the page does not list is an error.
    """
    numbers = {source.id: number for number, source in context["sources"]}
    ids = [i for tag in tags for i in ((tag,) if isinstance(tag, str) else tag)]
    cited = sorted({numbers[i] for i in ids})
    links = format_html_join(", ", '<a href="#source-{}">{}</a>', ((n, n) for n in cited))
    return format_html('<sup class="cite">[{}]</sup>', links)
