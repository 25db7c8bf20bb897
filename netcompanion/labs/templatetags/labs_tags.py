from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()


@register.simple_tag(takes_context=True)
def cite(context, *tags):
    """Numbered links to the page's sources: {% cite "S65" "S68" %} → [1, 4].

    The view passes `sources` as (number, Source) pairs; a tag the page does not list is an error.
    """
    numbers = {source.tag: number for number, source in context["sources"]}
    tags = [t for tag in tags for t in ((tag,) if isinstance(tag, str) else tag)]
    cited = sorted({numbers[t] for t in tags})
    links = format_html_join(", ", '<a href="#source-{}">{}</a>', ((n, n) for n in cited))
    return format_html('<sup class="cite">[{}]</sup>', links)
