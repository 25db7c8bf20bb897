"""The carcinoid-crisis card: the phone page, the wallet-sized PDF and its QR code."""

import pytest
from django.urls import reverse

from netcompanion.careplan import services as careplan
from netcompanion.documents import content
from netcompanion.documents.card import NO_CONTACTS, OCTREOTIDE
from netcompanion.documents.tests.conftest import (
    CENTRE_PHONE,
    DOCTOR_PHONE,
    NURSE_PHONE,
    first_page_png,
    flat,
    media_boxes_mm,
    pdf_info,
    pdf_text,
)

pytestmark = pytest.mark.django_db

LONGEST_PHONE = "+46 (0)8-123 456 78/90 12 34 56 78 90 12"  # 40 characters, the most the care plan takes
PAGE, PDF = reverse("documents:crisis_card"), reverse("documents:crisis_card_pdf")


def test_the_phone_page_shows_the_card_the_qr_and_the_download(client, records, maria):
    response = client.get(PAGE)
    body = response.content.decode()
    assert response.status_code == 200 and body.count("<h1") == 1
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "MEDICAL ALERT: CARCINOID CRISIS RISK" in body and "Maria Lind" in body
    assert "Neuroendocrine tumour (NET): Small-intestine NET, grade 2, with spread to the liver, found 2023." in body
    assert "anaesthesia, surgery, biopsies and other procedures" in body
    assert 'href="tel:+4685550123"' in body  # the nurse's number, tappable
    assert NURSE_PHONE in body and CENTRE_PHONE in body
    assert DOCTOR_PHONE not in body  # the nurse and the NET centre are there: no stand-in needed
    assert OCTREOTIDE in body
    assert "Make a private link" in body and 'src="data:image/svg+xml' not in body  # the QR code comes with a link
    assert f'href="{PDF}"' in body


def test_the_pdf_is_a_wallet_card_with_a_front_and_a_back(client, records, maria, tmp_path):
    response = client.get(PDF)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="carcinoid-crisis-card.pdf"'
    pdf = response.content
    assert pdf.startswith(b"%PDF")
    info = pdf_info(pdf, tmp_path)
    assert info["Pages"].strip() == "2"
    width_pt, height_pt = (float(v) for v in info["Page size"].split("pts")[0].split("x"))
    assert (round(width_pt * 25.4 / 72, 1), round(height_pt * 25.4 / 72, 1)) == (85.6, 54.0)
    boxes = media_boxes_mm(pdf, tmp_path)
    assert [(round(w, 1), round(h, 1)) for w, h in boxes] == [(85.6, 54.0), (85.6, 54.0)]


def test_every_line_of_the_card_is_printed_on_its_side(client, records, maria, tmp_path):
    pdf = client.get(PDF).content
    the_card = content.crisis_card(records)["card"]
    front, back = flat(pdf_text(pdf, tmp_path, 1, 1)), flat(pdf_text(pdf, tmp_path, 2, 2))
    for line in the_card.front_lines():
        assert line in front, line
    for line in the_card.back_lines():
        assert line in back, line
    assert f"Contact nurse: Sara Ek, {NURSE_PHONE}" in back
    assert f"NET centre: NET centre, Example Hospital, {CENTRE_PHONE}" in back
    assert "ask the NET team about octreotide cover" in back


def test_the_longest_values_still_fit_on_two_sides(client, cast, tmp_path):
    maria = cast["maria"]
    maria.first_name, maria.last_name = "Maria-Magdalena Alexandra", "Lindqvist-Östergren af Wetterstedt"
    maria.save()
    careplan.update_plan(maria, maria, {"diagnosis": "Well-differentiated " * 200}, based_on_version=0)
    for role in ("contact_nurse", "net_centre", "doctor"):
        careplan.add_contact(maria, maria, {"name": "W" * 200, "role": role, "phone": LONGEST_PHONE})
    client.force_login(maria)
    pdf = client.get(PDF).content
    assert pdf_info(pdf, tmp_path)["Pages"].strip() == "2"
    back = flat(pdf_text(pdf, tmp_path, 2, 2))
    assert back.count(LONGEST_PHONE) == 2  # never shortened
    assert "octreotide cover" in back


def test_without_contacts_the_card_says_so_and_the_page_links_to_the_care_plan(client, maria, tmp_path):
    body = client.get(PAGE).content.decode()
    assert NO_CONTACTS in body
    assert "Your card has no NET team phone numbers yet." in body
    assert reverse("careplan:contact_new") in body
    assert reverse("careplan:edit", args=["diagnosis"]) in body  # no diagnosis summary either
    back = flat(pdf_text(client.get(PDF).content, tmp_path, 2, 2))
    assert NO_CONTACTS in back


def test_reading_the_card_never_creates_a_care_plan(client, maria):
    from netcompanion.careplan.models import CarePlan

    client.get(PAGE)
    client.get(PDF)
    assert not CarePlan.objects.exists()


def test_a_missing_nurse_is_pointed_out_and_a_doctor_stands_in(client, cast, tmp_path):
    maria = cast["maria"]
    careplan.add_contact(maria, maria, {"name": "Dr Ali Haddad", "role": "doctor", "phone": DOCTOR_PHONE})
    client.force_login(maria)
    body = client.get(PAGE).content.decode()
    assert "Your care plan has no contact nurse." in body and "Your care plan has no NET centre." in body
    assert f"Doctor: Dr Ali Haddad, {DOCTOR_PHONE}" in flat(pdf_text(client.get(PDF).content, tmp_path, 2, 2))


def test_both_sides_render_to_pictures(client, records, maria, tmp_path):
    png = first_page_png(client.get(PDF).content, tmp_path, "crisis-card", resolution=60)
    assert png.exists() and png.stat().st_size > 2_000
    assert png.read_bytes().startswith(b"\x89PNG")
