from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from netcompanion.accounts.decorators import patient_required
from netcompanion.documents import content
from netcompanion.documents.forms import DEFAULT_PERIOD, PeriodForm
from netcompanion.documents.pdf import pdf_response, render_pdf


@patient_required
def index(request):
    return render(request, "documents/index.html", {"form": PeriodForm(initial={"period": DEFAULT_PERIOD})})


def period_form(request) -> PeriodForm:
    """The period asked for in the address, or the default one when none is."""
    return PeriodForm(request.GET if "period" in request.GET else {"period": DEFAULT_PERIOD})


def visit_summary_pdf(request, patient, period: str, name: str = "visit-summary") -> HttpResponse:
    """The visit-summary PDF of ``patient``, for the patient themself or for their care team."""
    today = timezone.localdate()
    context = content.visit_summary(patient, period, today)
    pdf = render_pdf("documents/visit_summary_pdf.html", context, "visit-summary-print.css", request)
    return pdf_response(pdf, f"{name}-{today:%Y-%m-%d}.pdf")


@patient_required
def visit_summary(request):
    form = period_form(request)
    if not form.is_valid():
        return render(request, "documents/index.html", {"form": form}, status=400)
    return visit_summary_pdf(request, request.user, form.cleaned_data["period"])


@patient_required
def crisis_card(request):
    return render(request, "documents/crisis_card.html", content.crisis_card(request.user))


@patient_required
def crisis_card_pdf(request):
    context = content.crisis_card(request.user)
    pdf = render_pdf("documents/crisis_card_pdf.html", context, "crisis-card-print.css", request)
    return pdf_response(pdf, "carcinoid-crisis-card.pdf")
