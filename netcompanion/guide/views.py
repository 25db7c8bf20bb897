from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language

from netcompanion.guide.forms import SearchForm
from netcompanion.guide.pages import content_language, get_page, load_guide
from netcompanion.guide.services import guide_index, search_language

# The order a newcomer would read the guide in; pages not listed follow by title.
READING_ORDER = (
    "what-is-a-net", "symptoms", "when-to-seek-care", "getting-the-diagnosis", "tests-and-diagnosis",
    "understanding-your-report", "surgery", "quitting-smoking", "medicines", "radioligand-therapy",
    "follow-up", "if-it-comes-back", "care-plan", "your-rights", "fatigue-and-daily-life",
    "pregnancy-and-fertility", "for-relatives", "talking-with-children", "support",
    "net-cancer-day", "glossary",
)


def ordered_pages():
    """Every page in reading order, each in the active language where it has been translated."""
    lang = get_language()
    pages = [get_page(slug, lang) for slug in load_guide()]
    rank = {slug: i for i, slug in enumerate(READING_ORDER)}
    return sorted(pages, key=lambda p: (rank.get(p.slug, len(rank)), p.title))


def index(request):
    return render(request, "guide/index.html",
                  {"pages": ordered_pages(), "site_lang": content_language(get_language())})


def page_context(slug: str) -> dict:
    """The page in the active language, and whether it is the English page shown because no translation exists
    yet (the template then says so and marks the page's language)."""
    try:
        shown = get_page(slug, get_language())
    except KeyError:
        raise Http404("No such guide page") from None
    return {"page": shown, "fallback": shown.lang != content_language(get_language())}


def page(request, slug):
    return render(request, "guide/page.html", page_context(slug))


def search(request):
    """Searches the pages in the reader's language. When the guide does not answer, the page says so and points
    to the care team (and, in Swedish or for a person living in Sweden, to 1177) instead of listing pages."""
    form = SearchForm(request.GET) if "q" in request.GET else SearchForm()
    answer = None
    if form.is_bound and form.is_valid():
        answer = guide_index(search_language(get_language())).answer(form.cleaned_data["q"], limit=8)
    query = request.GET.get("q", "")[:500]
    status = 400 if form.is_bound and not form.is_valid() else 200
    in_sweden = content_language(get_language()) == "sv" or getattr(request.user, "country", "") == "SE"
    return render(request, "guide/search.html",
                  {"form": form, "answer": answer, "search_query": query, "in_sweden": in_sweden}, status=status)
