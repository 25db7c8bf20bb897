from csp.decorators import csp_exempt
from django.shortcuts import render
from django.urls import reverse

from netcompanion.accounts.decorators import patient_required
from netcompanion.charts import pages

LINKS = pages.Links("charts:")


@patient_required
def overview(request):
    return render(request, "charts/overview.html", pages.overview(request, request.user, LINKS, reverse("diary:new")))


@csp_exempt()
@patient_required
def trend_svg(request, slug):
    return pages.trend_svg(request, request.user, slug)


@patient_required
def cycle(request):
    return render(request, "charts/cycle.html", pages.cycle(request.user, LINKS))


@csp_exempt()
@patient_required
def cycle_svg(request, slug):
    return pages.cycle_svg(request, request.user, slug)


@csp_exempt()
@patient_required
def lab_svg(request):
    return pages.lab_svg(request, request.user)
