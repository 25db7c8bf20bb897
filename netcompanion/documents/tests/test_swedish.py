"""The crisis card and the visit summary in Swedish, read from the PDFs as a person would (pdftotext); the crisis
card keeps its safety wording: "karcinoid kris" and the emergency number. English stays as it was."""

import pytest
from django.urls import reverse
from django.utils import translation

from netcompanion.documents import content
from netcompanion.documents.tests.conftest import NURSE_PHONE, flat, pdf_info, pdf_text

pytestmark = pytest.mark.django_db

SV = {"HTTP_ACCEPT_LANGUAGE": "sv"}
CARD, CARD_PDF, SUMMARY = (reverse("documents:crisis_card"), reverse("documents:crisis_card_pdf"),
                           reverse("documents:visit_summary"))


def test_the_crisis_card_page_is_swedish_and_says_karcinoid_kris_and_112(client, records, maria):
    body = client.get(CARD, **SV).content.decode()
    assert "MEDICINSK VARNING: RISK FÖR KARCINOID KRIS" in body and "Ditt kort om karcinoid kris" in body
    assert 'Akut: ring <a class="card-phone" href="tel:112">112</a>.' in body
    assert "Störst risk vid narkos, operationer, biopsier och andra ingrepp." in body
    assert "Kontaktsjuksköterska:</span> Sara Ek" in body and NURSE_PHONE in body


def test_the_printed_crisis_card_is_swedish_on_both_sides_and_still_two_sides(client, records, maria, tmp_path):
    pdf = client.get(CARD_PDF, **SV).content
    assert pdf_info(pdf, tmp_path)["Pages"].strip() == "2", "the longer Swedish words still fit on the card"
    front, back = flat(pdf_text(pdf, tmp_path, 1, 1)), flat(pdf_text(pdf, tmp_path, 2, 2))
    with translation.override("sv"):
        the_card = content.crisis_card(records)["card"]
    for line in the_card.front_lines():
        assert line in front, line
    for line in the_card.back_lines():
        assert line in back, line
    assert "RISK FÖR KARCINOID KRIS" in front and "Akut: ring 112." in front
    assert f"Kontaktsjuksköterska: Sara Ek, {NURSE_PHONE}" in back
    assert "Kontakta NET-teamet före varje ingrepp:" in back and "oktreotid" in back
    assert "Gjort 17 juni 2026 med NET Companion" in back


def test_the_english_card_is_unchanged(client, records, maria, tmp_path):
    front = flat(pdf_text(client.get(CARD_PDF, HTTP_ACCEPT_LANGUAGE="en").content, tmp_path, 1, 1))
    assert "MEDICAL ALERT: CARCINOID CRISIS RISK" in front and "Emergency: call 112." in front


def test_the_shared_card_follows_the_readers_language(client, records, maria):
    link = client.post(reverse("documents:make_card_link"), follow=True).context["url"]
    client.logout()
    body = client.get(link, **SV).content.decode()
    assert "Kort om karcinoid kris för" in body and "RISK FÖR KARCINOID KRIS" in body


def test_the_visit_summary_is_swedish_with_swedish_numbers_and_dates(client, records, maria, tmp_path):
    pdf = client.get(SUMMARY, {"period": "4w"}, **SV).content
    text = flat(pdf_text(pdf, tmp_path))
    assert "Besökssammanfattning" in text.title() and "Vad som har ändrats" in text
    assert "(4 veckor bakåt)" in text and "21 maj 2026 till 17 juni 2026" in text
    assert "4,0 · 28 dagar 2,0 · 28 dagar +2,0, högre" in text
    assert "Ungefär samma" in text and "\u22122,0 kg" in text
    assert "Provsvar i perioden" in text and "HÖGT" in text
    assert "Ingrepp: risk för karcinoid kris, kontakta NET-teamet" in text
    assert "Sida 1 av" in text, "the page margins are Swedish too"
    assert "Gjord av NET Companion utifrån patientens egen dagbok." in text


def test_the_index_and_its_form_are_swedish(client, maria):
    page = client.get(reverse("documents:index"), **SV).content.decode()
    assert "Dokument att skriva ut" in page and "De senaste 3 månaderna" in page
    response = client.get(SUMMARY, {"period": "1y"}, **SV)
    assert "Välj en av perioderna: 4 veckor, 3 månader eller 12 månader." in response.content.decode()
