from django.shortcuts import render

from netcompanion.accounts.decorators import patient_required
from netcompanion.guide.pages import load_guide


def home(request):
    guide = load_guide()
    featured = [guide[s] for s in ("what-is-a-net", "symptoms", "when-to-seek-care", "tests-and-diagnosis")]
    return render(request, "core/home.html", {"featured": featured})


def about(request):
    return render(request, "core/about.html")


@patient_required
def my_record(request):
    return render(request, "core/my_record.html")
