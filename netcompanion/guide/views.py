from django.http import Http404
from django.shortcuts import render

from netcompanion.guide.forms import SearchForm
from netcompanion.guide.pages import load_guide
from netcompanion.guide.services import guide_index

# The order a newcomer would read the guide in; pages not listed follow by title.
READING_ORDER = (
    "what-is-a-net", "symptoms", "when-to-seek-care", "getting-the-diagnosis", "tests-and-diagnosis",
    "understanding-your-report", "surgery", "quitting-smoking", "medicines", "radioligand-therapy",
    "follow-up", "if-it-comes-back", "care-plan", "your-rights", "fatigue-and-daily-life",
    "pregnancy-and-fertility", "for-relatives", "talking-with-children", "support",
    "net-cancer-day", "glossary",
)


def ordered_pages():
    guide = load_guide()
    rank = {slug: i for i, slug in enumerate(READING_ORDER)}
    return sorted(guide.values(), key=lambda p: (rank.get(p.slug, len(rank)), p.title))


def index(request):
    return render(request, "guide/index.html", {"pages": ordered_pages()})


def page(request, slug):
    guide = load_guide()
    if slug not in guide:
        raise Http404("No such guide page")
    return render(request, "guide/page.html", {"page": guide[slug]})


def search(request):
    form = SearchForm(request.GET) if "q" in request.GET else SearchForm()
    hits = None
    if form.is_bound and form.is_valid():
        hits = guide_index().search(form.cleaned_data["q"], limit=8)
    query = request.GET.get("q", "")[:500]
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "guide/search.html",
                  {"form": form, "hits": hits, "search_query": query}, status=status)
