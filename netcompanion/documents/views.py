from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from netcompanion.accounts.decorators import patient_required
from netcompanion.documents import content, services
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


def card_url(request, token: str) -> str:
    """The full address of the phone page for ``token``: on SITE_URL when it is set, as printed cards outlive a
    request's host name."""
    path = reverse("shared_crisis_card", args=[token])
    return settings.SITE_URL.rstrip("/") + path if settings.SITE_URL else request.build_absolute_uri(path)


@patient_required
def crisis_card(request):
    return render(request, "documents/crisis_card.html",
                  {**content.crisis_card(request.user), "link": services.link_of(request.user)})


@require_POST
@patient_required
def make_card_link(request):
    """A new private link, shown this once (only its hash is kept), with the card to print that holds it."""
    token = services.make_link(request.user)
    url = card_url(request, token)
    return render(request, "documents/crisis_card_link.html",
                  {**content.crisis_card(request.user, link=url), "token": token, "url": url})


@require_POST
@patient_required
def stop_card_link(request):
    if services.stop_link(request.user):
        messages.success(request, gettext("Your private link is stopped: it no longer opens your card."))
    return redirect("documents:crisis_card")


@patient_required
def crisis_card_pdf(request):
    """The wallet card; sent the token of the patient's live link (from the page that showed it), with its QR."""
    link = ""
    if request.method == "POST":
        token = request.POST.get("token", "")
        if not services.is_current(request.user, token):
            raise Http404("Not your current link")
        link = card_url(request, token)
    context = content.crisis_card(request.user, link=link)
    pdf = render_pdf("documents/crisis_card_pdf.html", context, "crisis-card-print.css", request)
    return pdf_response(pdf, "carcinoid-crisis-card.pdf")


@never_cache
def shared_crisis_card(request, token):
    """The card for whoever holds the patient's private link, without signing in: nothing but what the card says.
    Any other token, a stopped one included, is a 404."""
    patient = services.open_link(token)
    if patient is None:
        raise Http404("No such card")
    response = render(request, "documents/shared_card.html", content.crisis_card(patient))
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response
