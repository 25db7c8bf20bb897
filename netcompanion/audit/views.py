from django.core.paginator import Paginator
from django.shortcuts import render

from netcompanion.accounts.decorators import patient_required
from netcompanion.audit.models import AccessEvent

PER_PAGE = 50


@patient_required
def index(request):
    events = AccessEvent.objects.filter(patient=request.user)
    return render(request, "audit/index.html",
                  {"page": Paginator(events, PER_PAGE).get_page(request.GET.get("page"))})
