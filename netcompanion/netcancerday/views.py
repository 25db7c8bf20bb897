from django.shortcuts import render
from django.utils import timezone

from netcompanion.guide.views import page_context
from netcompanion.netcancerday.dates import next_net_cancer_day


def net_cancer_day(request):
    today = timezone.localdate()
    day = next_net_cancer_day(today)
    return render(request, "netcancerday/page.html", {
        **page_context("net-cancer-day"),
        "next_day": day,
        "days_left": (day - today).days,
    })
